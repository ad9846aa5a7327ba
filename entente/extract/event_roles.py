"""Who plays which part in one trigger's event: the roles case and word order give its sentence's mentions
(`event_args.assign`), corrected by how the clause holds the trigger — a host receiving a visitor, an event noun's
genitive that undergoes it, a passive (from the tree, a Ukrainian participle or form in -но / -то, a reflexive, a
Russian short participle), an English phrase "by X" / "from X" after a noun or a noun the subject receives, a
conflict noun merely mentioned or governed by a preposition, the party a refusal refuses.
"""

from __future__ import annotations

from entente.extract import event_frame
from entente.extract.event_args import DETERMINERS, Heads, Roles, Slot, Venue, assign, clause_id, first_person_verb
from entente.extract.event_charges import held_on_charges
from entente.extract.event_clause import Clause
from entente.extract.event_embedded import covered, discussed, own_objects
from entente.extract.event_grammar import CAUSE, OTHER_PREP, PLACE, SELF_ADDRESS, SELF_TARGET
from entente.extract.event_hosting import as_visit
from entente.extract.event_lexicon import Lexicon, Trigger
from entente.extract.event_parties import CONFLICT, DONE_THERE, POLICED, UNNAMED_DOERS
from entente.extract.event_sentence import CLAUSE_BREAKS, Lemmas, before_adjectives
from entente.extract.event_triggers import Triggers
from entente.extract.event_voice import (
    AGENTIVE,
    UNDERGONE,
    UNDERGONE_MODES,
    genitive_agent_uk,
    not_subjects,
    passive_participle_ru,
    passive_uk,
    refused_party,
    short_passive_ru,
    titled,
    undergone,
    voice_uk,
    with_agent,
    within_phrase_en,
)
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

MOVED = frozenset({"MOBILIZE", "RETREAT"})  # types whose phrase object is the actor's own forces or arms
# types whose event noun's genitive is whom the act is done to, when a support verb's subject does it
TARGETED = frozenset({"ACCUSE", "ASSAULT", "SANCTION", "THREATEN", "SUPPORT", "COERCE"})
LIST_WORDS = frozenset({",", "и", "і", "й", "та", "and"})  # what joins the members of a list
SENTENCE_OPENERS = frozenset({".", "!", "?", "«", '"', "—", "\n"})  # tokens after which a capital says nothing


def _venue(trigger: Trigger) -> Venue:
    """When the English place where the trigger's act is done is whom it is done to (event_args.assign)."""
    if trigger.mode == "visit" or trigger.type in DONE_THERE:
        return "done"
    return "never" if trigger.type == "CONSULT" else "abroad"


SELF_SPAN = 3  # words between an event noun and the reflexive that names its target («против себя», «в свой адрес»)


def _against_self(tokens: list[Token], j: int, lang: str) -> bool:
    """Whether a reflexive of the language's `self_target` («себя»), or a possessive of `self_address` before
    «адрес» («в свой адрес», «на свою адресу»), follows the noun phrase ending before token j."""
    span = [t.text.lower() for t in tokens[j : j + SELF_SPAN + 1]]
    return any(w in SELF_TARGET[lang] for w in span[:SELF_SPAN]) or any(
        w in SELF_ADDRESS[lang] and after.startswith("адрес") for w, after in zip(span, span[1:], strict=False)
    )


def trigger_roles(
    lexicon: Lexicon,
    triggers: Triggers,
    tokens: list[Token],
    lemmas: Lemmas,
    trigger: Trigger,
    phrase: tuple[int, int],
    clause: Clause | None,
    usable: list[Slot],
    matched: set[int],
    guests: dict[int, list[Slot]],
    heads: Heads,
    words: dict[str, set[str]],
) -> tuple[Roles, bool, bool]:
    """The roles of the trigger at tokens `phrase` among the `usable` mentions (`matched`: the trigger's own words;
    `guests`: a host trigger's visitors; `words`: the `[clause]` cues), whether its subject receives it (an English
    noun: "has support", "drew criticism") and whether a preposition governs it (an English conflict noun)."""
    i, j = phrase
    lang, morph = lemmas.lang, lexicon.morph
    received = False
    roles = assign(
        tokens,
        [s for s in usable if not any(s.i <= k < s.j for k in matched)],
        (i, j),
        lang,
        morph,
        trigger.mode == "visit",
        heads,
        _venue(trigger),
    )
    if trigger.host:  # «Путин принял Ли Шанфу»: the visitor is the actor, the host the recipient
        roles = as_visit(roles, guests[i])
    elif (
        clause is not None
        and clause.agents
        and not clause.patients
        and (trigger.type in UNDERGONE or trigger.mode in UNDERGONE_MODES)
    ):
        # «арест канадца»: the Canadian is arrested
        roles = undergone(roles, usable, clause.agents, trigger.type)
    elif (
        clause is not None
        and clause.how == "support"
        and trigger.type in TARGETED
        and clause.agents
        and not clause.passive
        and clause.subjects
        and not set(clause.agents) & set(clause.subjects)
        and not _adjunct(tokens, i, lang, morph)
    ):
        # «Гренелл выступил с критикой Германии», «Россия нанесла удары Украине»: the support verb's subject does
        # the act, and the noun's genitive is whom it is done to («критика Германии» alone could be Germany's)
        roles = with_agent(roles, usable, clause.subjects, clause.agents)
    elif clause is not None and clause.patients and trigger.type in MOVED and len(trigger.lemmas) > 1:
        # «войска России переброшены», «оружие было сложено»: the forces or arms moved are the actor's own
        roles = with_agent(roles, usable, clause.owners, (), True)
    elif clause is not None and (clause.agents or clause.patients or clause.passive):
        roles = with_agent(roles, usable, clause.agents, clause.patients, clause.passive)
        if clause.patients:
            roles.relative = False  # «Биби, которая была приговорена»: the relative pronoun undergoes it, no doer
    elif clause is not None and clause.subjects:
        # the tree's subject phrase names the actor, or no one (a pronoun, a common noun): a mention
        # elsewhere that case alone made a subject («... против действий президента Лукашенко») is not; nor a country
        # of posting in the phrase («посол США в Германии Ричард Гренелл»: Germany does nothing)
        placed = _placed(tokens, usable, lang)
        subjects = [s for s in usable if s.actor.type != "location" and id(s.actor) not in placed]
        by_case = roles.subjects
        roles = with_agent(roles, subjects, clause.subjects, (), passive=True)
        # what case alone made a subject, the tree may place as the verb's object: «Он обвинил Израиль» (the pronoun
        # is the subject, Israel the accused)
        objects = {id(s.actor) for s in usable if any(s.i <= k < s.j for k in clause.objects)}
        roles.objects += [x for x in by_case if id(x) in objects and x not in roles.subjects and x not in roles.objects]
        posted = {id(s.actor) for s in usable if id(s.actor) in placed and any(s.i <= k < s.j for k in clause.subjects)}
        roles.objects = [x for x in roles.objects if id(x) not in posted]  # nor is it whom the act concerns
    elif clause is not None and clause.objects:
        roles = not_subjects(roles, usable, clause.objects)
    elif (
        clause is None
        and lang == "uk"
        and (passive_uk(tokens[i].text, morph) or lexicon.reflexive_passive(tokens[i].text, lang))
    ):
        roles = voice_uk(roles, tokens, i, usable, morph)
    elif (
        clause is None
        and lang == "en"
        and (
            span := event_frame.agent_phrase_en(
                tokens,
                lemmas.get,
                i,
                j,
                trigger.type,
                words.get("undergo", set()) | words.get("causing", set()),
                morph,
            )
        )
        is not None
        # a place is no doer: "attacks from New Jersey Gov. Chris Christie"
        and (agents := [s.actor for s in usable if span[0] <= s.i < span[1] and s.actor.type != "location"])
    ):
        # "complaints by Jacob J. Lew that China ...", "support from McCain": the phrase after the noun
        # does it; the sentence's subject, when nothing else is named, is whom it is done to
        rest = [x for x in roles.objects + roles.partners if x not in agents]
        roles.objects = rest or [x for x in roles.subjects if x not in agents]
        roles.subjects, roles.partners = agents, []
    elif clause is None and lang == "en" and event_frame.undergone_en(tokens, lemmas.get, i, words):
        # "Clinton received stronger support from ...": the subject gets it; "from X" gives it
        roles.objects = roles.subjects + [x for x in roles.objects if x not in roles.subjects]
        roles.subjects, received = [], True
    elif (
        clause is None
        and lang == "uk"
        and trigger.type in AGENTIVE
        and triggers.noun(tokens[j - 1].text, lang)  # a phrase trigger ends with its noun
        # not after a verb of its own («заявив про підтримку Македонії»: the verb's subject supports Macedonia)
        and triggers.noun(tokens[i].text, lang)
    ):
        roles = genitive_agent_uk(roles, tokens, usable, j, morph)
    if (
        clause is not None
        and clause.how == "presupposed"
        and trigger.type == "COERCE"
        and trigger.mode in POLICED
        and not clause.agents
    ):
        # «После ареста Саипов заявил ...»: who speaks after an arrest is the one arrested
        roles.objects = roles.subjects + [x for x in roles.objects if x not in roles.subjects]
        roles.subjects = []
    if (
        clause is not None
        and clause.how.startswith("mentioned")
        and trigger.type in CONFLICT
        and not (clause.agents and trigger.type not in UNDERGONE)  # a genitive doer of its own
    ):
        # «полиция подтвердила сообщения об убийстве», «Маас назвал введение санкций неправильным»: who
        # speaks of an attack or a sanction merely mentioned is not who does it
        roles.subjects = []
    if (
        clause is None
        and trigger.type in CONFLICT
        and _named_by(tokens, lemmas, i, lexicon.cues[lang].naming, morph)
    ):
        # «Раніше Ryanair назвала страйк непотрібним», "called the strike unnecessary": what a naming verb's subject
        # judges it does not do (the parsed Russian reads it as mentioned, above)
        roles.subjects = []
    governed = False
    if (
        clause is None
        and lang == "en"
        and trigger.type in CONFLICT
        and (left := event_frame.governed_en(tokens, i)) is not None
    ):
        # "After the Paris attacks, Trump released ...", "reaction to the attacks": a conflict noun a
        # preposition governs is mentioned, and only its own phrase says who did it to whom
        roles, governed = within_phrase_en(roles, tokens, usable, left, i, j), True
    if lang == "ru" and not (clause is not None and clause.passive) and passive_participle_ru(tokens[i].text, morph):
        # «обвиняемый в убийстве Олег Топалов», «в камере приговорённых к смерти»: the person a passive
        # participle names is the one it was done to
        roles.objects = roles.subjects + [x for x in roles.objects if x not in roles.subjects]
        roles.subjects = []
    elif lang == "ru" and not (clause is not None and (clause.passive or clause.how != "verb")):
        roles = short_passive_ru(roles, tokens, i, usable, morph)
    if clause is not None and trigger.type == "REJECT" and clause.complement:
        roles = refused_party(roles, usable, clause.complement)
    if not received and not triggers.noun(tokens[i].text, lang):
        roles = own_objects(roles, tokens, usable, j, lang, morph)  # «призвал Запад ввести санкции против России»
        if trigger.type == "CONSULT" and trigger.lemmas[0] in words.get("discussing", set()):
            roles = _spoken_with(roles, tokens, usable, lang, morph)
    if trigger.type == "CONSULT":
        roles = discussed(roles, tokens, lemmas, usable, j, lang, morph, words.get("discussing", set()))
        if triggers.noun(tokens[i].text, lang) or lang == "en":
            roles = covered(roles, tokens, lemmas, usable, j, words.get("covering", set()))
    if trigger.type == "RETREAT":
        roles = _accepted(roles, tokens, lemmas, usable, phrase, words.get("accepting", set()))
    if trigger.mode == "visit" and not trigger.host:
        roles = _visited(roles, usable, clause)
    if clause is None and lang in ("ru", "uk"):
        roles = titled(roles, tokens, usable, i, lang, morph)
    if trigger.type == "ACCUSE" and held_on_charges(lemmas, i, words, morph):
        # «Анисимов находится в розыске по обвинению в вымогательстве»: the one held on the charge is accused
        roles.objects = roles.subjects + [x for x in roles.objects if x not in roles.subjects]
        roles.subjects = []
    if triggers.noun(tokens[j - 1].text, lang) and _against_self(tokens, j, lang):
        # «Биби все обвинения в свой адрес отрицала», «Звинувачення проти себе Філіпчук називає замовними»: the
        # reflexive points back to the subject, whom the noun's act is done to
        roles.objects = roles.subjects + [x for x in roles.objects if x not in roles.subjects]
        roles.subjects = []
    by_workers = (
        trigger.type in UNNAMED_DOERS
        and triggers.noun(tokens[j - 1].text, lang)
        and not morph.infinitive(tokens[j - 1].text, lang)  # «бастовать будут пилоты»: the pilots are its subject
        and any(lemmas.get(k) in words.get("labor", set()) for k in range(j, min(j + 2, len(tokens))))
    )
    if roles.subjects and (by_workers or _caused_by(tokens, i, lang, morph)):
        # «Ryanair оголошує страйк співробітників»: the workers the noun names strike; «Ryanair отменила рейсы из-за
        # забастовки», "cancelled flights due to the strike": the clause's subject acts because of the event. Either
        # way only the noun's own phrase names who does it («из-за протестов ТЛП»)
        own = {id(s.actor) for s in usable if j <= s.i < _phrase_end(tokens, j, lang, morph)}
        roles.subjects = [x for x in roles.subjects if id(x) in own]
    if lang in ("ru", "uk") and first_person_verb(tokens, i, lang, morph):
        # «Владимир Владимирович, благодарю вас»: a verb of the first person has the speaker as its subject, so a
        # name beside it is whom the speaker addresses, the other side
        roles.objects += [a for a in roles.subjects if a not in roles.objects]
        roles.subjects = []
    return roles, received, governed


def _before_determiners(tokens: list[Token], i: int, lang: str, morph: Morph) -> int:
    """The token before the adjectives and a determiner that stand before the noun at token i («назвала цей страйк»:
    «назвала»; "due to the strike": "to"), or -1."""
    k = before_adjectives(tokens, i, lang, morph)
    if k >= 0 and (tokens[k].text.lower() in DETERMINERS or morph.has(tokens[k].text.lower(), lang, "NPRO")):
        k -= 1  # the Ukrainian dictionary's demonstratives are pronouns («цей»)
    return k


def _named_by(tokens: list[Token], lemmas: Lemmas, i: int, naming: set[str], morph: Morph) -> bool:
    """Whether the noun at token i is the object of a naming verb right before it («назвала цей страйк», "called the
    strike")."""
    k = _before_determiners(tokens, i, lemmas.lang, morph)
    return k >= 0 and (lemmas.get(k) in naming or tokens[k].text.lower() in naming)


def _caused_by(tokens: list[Token], i: int, lang: str, morph: Morph) -> bool:
    """Whether the noun at token i follows a preposition of cause («из-за двухдневной забастовки», «у зв'язку з
    відставкою», "due to the strike")."""
    k = _before_determiners(tokens, i, lang, morph)
    return any(
        k + 1 >= len(p) and all(tokens[k - n].text.lower() == w for n, w in enumerate(reversed(p)))
        for p in CAUSE.get(lang, ())
    )


def _phrase_end(tokens: list[Token], j: int, lang: str, morph: Morph) -> int:
    """Where the phrase of an event noun ending at token j ends: at a clause break or a verb."""
    for k in range(j, len(tokens)):
        if tokens[k].text in CLAUSE_BREAKS or (lang != "en" and morph.has(tokens[k].text.lower(), lang, "VERB")):
            return k
    return len(tokens)


def _adjunct(tokens: list[Token], i: int, lang: str, morph: Morph) -> bool:
    """Whether the noun at token i stands in an adverbial phrase of its own preposition («по иску Нафтогаза»,
    «после критики»), adjectives between: not what its verb carries out, so its genitive keeps its own role."""
    k = before_adjectives(tokens, i, lang, morph)
    return k >= 0 and tokens[k].text.lower() in OTHER_PREP.get(lang, set())


def _spoken_with(roles: Roles, tokens: list[Token], usable: list[Slot], lang: str, morph: Morph) -> Roles:
    """A discussion's recipients without its topic: «обсудили ситуацию вокруг Ирана», "discussed Iran's nuclear
    program" name what is discussed; the other side is the one spoken with («с президентом Путиным», "with Xi", a
    partner) or a second subject."""
    spoken_with = {id(s.actor) for s in usable if _instrumental(tokens, s, lang, morph)}
    roles.objects = [x for x in roles.objects if id(x) in spoken_with]
    return roles


def _instrumental(tokens: list[Token], slot: Slot, lang: str, morph: Morph) -> bool:
    """Whether a Russian or Ukrainian mention, or the title just before it, is in the instrumental case, the case
    of whom one speaks with («с президентом Путиным», «з Макроном»)."""
    if lang not in ("ru", "uk"):
        return False
    words = [tokens[k].text.lower() for k in range(max(0, slot.i - 1), slot.j) if tokens[k].is_word]
    return any((r := morph.readings(w, lang)) and "ablt" in r[0].tags for w in words)


def _accepted(
    roles: Roles, tokens: list[Token], lemmas: Lemmas, usable: list[Slot], phrase: tuple[int, int], accepting: set[str]
) -> Roles:
    """A resignation after a verb of `accepting` («Мэй приняла отставку министра», "accepted the resignation"): who
    accepts it does not resign, it is offered to them; the one named after the noun resigns («отставку Бориса
    Джонсона»; no one accepts their own, though a title before the verb may stand for that name)."""
    i, j = phrase
    verb = i - 2 if i > 1 and tokens[i - 1].text.lower() in DETERMINERS else i - 1
    if verb < 0 or (lemmas.get(verb) or "") not in accepting:
        return roles
    resigning = {id(s.actor) for s in usable if s.i >= j and tokens[s.i].text[:1].isupper()}
    acceptors = [
        s.actor
        for s in usable
        if s.j <= verb and clause_id(tokens, s.i) == clause_id(tokens, i) and id(s.actor) not in resigning
    ]
    roles.subjects = [x for x in roles.subjects if x not in acceptors]
    roles.objects = acceptors + [x for x in roles.objects if x not in acceptors]
    return roles


def _visited(roles: Roles, usable: list[Slot], clause: Clause | None) -> Roles:
    """A city does not visit, it is where one goes («во время посещения Пекина», «при посещении Санкт-Петербурга»);
    the visitor of a presupposed visit is who does what it frames («... Лавров встретился ...»)."""
    if not any(x.type == "location" for x in roles.subjects):
        return roles
    places = [x for x in roles.subjects if x.type == "location"]
    roles.subjects = [x for x in roles.subjects if x.type != "location"]
    roles.objects = roles.objects or places
    if not roles.subjects and clause is not None and clause.how == "presupposed":
        roles.subjects = [s.actor for s in usable if s.i in clause.subjects and s.actor.type != "location"]
    return roles


def _placed(tokens: list[Token], slots: list[Slot], lang: str) -> set[int]:
    """The ids of the actors mentioned where another one serves: after a preposition of place right after a mention
    of its own («посол США в Германии», «пилоты Ryanair в Бельгии, Ирландии и Швеции», the list as well), not whose
    it is («суд в Пакистане»)."""
    placed: set[int] = set()
    last = -1  # the token after the last placed mention
    for slot in sorted(slots, key=lambda x: x.i):
        before = tokens[slot.i - 1].text.lower() if slot.i > 0 else ""
        if (
            slot.i > 1
            and before in PLACE.get(lang, ())
            and _named(tokens, slot.i - 2, slots)  # «США в ...», «Украины в ...»
        ) or (0 <= last < slot.i and all(t.text.lower() in LIST_WORDS for t in tokens[last : slot.i])):
            placed.add(id(slot.actor))
            last = slot.j
    return placed


def _named(tokens: list[Token], k: int, slots: list[Slot]) -> bool:
    """Whether token k ends a name: a mention's last word, or a capitalized word that does not open its sentence."""
    if any(other.j == k + 1 for other in slots):
        return True
    return k > 0 and tokens[k].text[:1].isupper() and tokens[k - 1].text not in SENTENCE_OPENERS
