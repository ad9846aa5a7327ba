"""Voice and names: who is the actor of a passive or of an event noun, and which trigger words are no
event at all (a participle that describes, a word inside a name, a talk with the press, force in a figure of
speech).

Ukrainian has no parse here, so its passives are read from morphology; Russian ones from the tree
(event_clause.py), applied by `with_agent`.
"""

from __future__ import annotations

from collections.abc import Callable

from entente.extract.event_args import Roles, Slot
from entente.extract.event_frame import DETERMINERS_EN, POSSESSIVE_ENDS
from entente.extract.event_grammar import AGAINST, BE, CONJUNCTIONS, OTHER_PREP, PARTNER, PLACE
from entente.extract.event_lexicon import Trigger
from entente.extract.event_sentence import CLAUSE_BREAKS, Lemmas, Sentence
from entente.models import Actor
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

PREPOSITIONS_UK = PARTNER["uk"] | PLACE["uk"] | AGAINST["uk"] | OTHER_PREP["uk"]
PREPOSITIONS_RU = PARTNER["ru"] | PLACE["ru"] | AGAINST["ru"] | OTHER_PREP["ru"]


def _agents(tokens: list[Token], slots: list[Slot], lang: str, morph: Morph, prepositions: set[str]) -> list[Actor]:
    """The doers a passive names: mentions in a bare instrumental («поліцією», «боевиками»), or in the genitive of
    an instrumental noun («представниками Білого дому»); no place."""

    def ablt(k: int, *tags: str) -> bool:
        readings = morph.readings(tokens[k].text.lower(), lang)
        return bool(readings) and {"ablt", *tags} <= readings[0].tags

    def instrumental(s: Slot) -> bool:
        k = s.i - 1 if s.i > 0 and ablt(s.i - 1, "NOUN") and not ablt(s.i) else s.i
        before = tokens[k - 1].text.lower() if k > 0 else ""
        return before not in prepositions and ablt(k)

    return list(dict.fromkeys(s.actor for s in slots if instrumental(s) and s.actor.type != "location"))


def passive_uk(word: str, morph: Morph) -> bool:
    """A Ukrainian passive participle («звинувачена», «заарештований») or the impersonal form in -но / -то
    («затримано»: whom it names is in the accusative, who did it in the instrumental)."""
    readings = morph.readings(word.lower(), "uk")
    return bool(readings) and ({"pssv", "ADJF"} <= readings[0].tags or {"VERB", "Impe"} <= readings[0].tags)


def short_passive_ru(roles: Roles, tokens: list[Token], i: int, slots: list[Slot], morph: Morph) -> Roles:
    """A Russian short passive participle at token i whose tree gave it no subject to undergo it («Салех был убит,
    подтвердила его партия»: the parser hung the subject on the other verb): who is named in the nominative
    underwent it; a bare instrumental did it («был убит боевиками»)."""
    readings = morph.readings(tokens[i].text.lower(), "ru")
    if not readings or not {"PRTS", "pssv"} <= readings[0].tags:
        return roles
    agents = _agents(tokens, slots, "ru", morph, PREPOSITIONS_RU)
    patients = [x for x in roles.subjects if x not in agents]
    roles.subjects = agents
    roles.objects = patients + [x for x in roles.objects if x not in patients and x not in agents]
    return roles


def passive_participle_ru(word: str, morph: Morph) -> bool:
    """A Russian full passive participle («обвиняемый», «приговорённых», «задержанных»): it names or describes the
    one it was done to, never the one who did it."""
    readings = morph.readings(word.lower(), "ru")
    return bool(readings) and {"PRTF", "pssv"} <= readings[0].tags


def voice_uk(roles: Roles, tokens: list[Token], i: int, slots: list[Slot], morph: Morph) -> Roles:
    """A Ukrainian passive at token i («Польща була звинувачена», «був заарештований поліцією»): the nominative
    subject is the recipient, a bare instrumental the actor, or the genitive of one («підтримуються
    представниками Білого дому»)."""

    agents = _agents(tokens, slots, "uk", morph, PREPOSITIONS_UK)
    readings = morph.readings(tokens[i].text.lower(), "uk")
    if not agents and readings and "Impe" in readings[0].tags:
        return roles  # «між X та Y було укладено договір»: the form in -но / -то has no nominative to undergo it
    patients = [x for x in roles.subjects if x not in agents]
    roles.subjects = agents
    roles.objects = patients + [x for x in roles.objects if x not in patients and x not in agents]
    return roles


# event nouns whose genitive is who does it («відставка уряду», «візит Нетаньяху», «вимога опозиції»); the
# genitive of an arrest, a killing, a blockade is who undergoes it, and stays the recipient
AGENTIVE = frozenset({"CONSULT", "RETREAT", "REQUEST", "REJECT", "AGREE", "SUPPORT", "THREATEN"})
GENITIVE_GAP = 2  # words (adjectives, «уряду» before a name) between an event noun and its genitive agent


def genitive_agent_uk(roles: Roles, tokens: list[Token], slots: list[Slot], j: int, morph: Morph) -> Roles:
    """A Ukrainian event noun with a genitive mention right after it («у зв'язку з відставкою уряду Яценюка»,
    «вона відреагувала на заклики Дональда Трампа»): the genitive does it, whoever the subject of the verb around
    it is, as the tree's genitive agent does for Russian."""
    after = next((s for s in slots if j <= s.i <= j + GENITIVE_GAP), None)
    if after is None or after.actor.type == "location":
        return roles
    if any(not t.is_word or t.text.lower() in PREPOSITIONS_UK for t in tokens[j : after.i]):
        return roles
    readings = morph.readings(tokens[after.i].text.lower(), "uk")
    if not readings or "gent" not in readings[0].tags:
        return roles
    roles.subjects = [after.actor]
    roles.objects = [x for x in roles.objects if x is not after.actor]
    roles.partners = [x for x in roles.partners if x is not after.actor]
    return roles


def titled(roles: Roles, tokens: list[Token], slots: list[Slot], i: int, lang: str, morph: Morph) -> Roles:
    """Without a tree: a genitive mention inside the title of the person named right after it, before the trigger
    («заступник начальника відділу Антимонопольного комітету України Андрій Павленко критикував»,
    «Голова комітету Верховної Ради Ганна Гопко засудила»), is the body that person acts for, not whom the act
    is done to: on the side of the subject, as the Russian tree's subject phrase has it."""
    ordered = sorted((s for s in slots if s.j <= i), key=lambda s: s.i)
    for s, person in zip(ordered, ordered[1:], strict=False):
        if person.actor.type != "person" or person.actor not in roles.subjects or s.actor in roles.subjects:
            continue
        between = tokens[s.j : person.i]
        if len(between) > TITLE_GAP or any(
            not t.is_word or t.text.lower() in CONJUNCTIONS or morph.has(t.text.lower(), lang, "VERB") for t in between
        ):
            continue
        if s.i == 0 or not tokens[s.i - 1].is_word or not tokens[s.i - 1].text[:1].islower():
            continue  # a title's noun before it («відділу ...»), not the sentence's start nor a name
        if tokens[s.i - 1].text.lower() in PARTNER[lang] | PLACE[lang] | AGAINST[lang] | OTHER_PREP[lang]:
            continue
        readings = morph.readings(tokens[s.i].text.lower(), lang)
        if not readings or "gent" not in readings[0].tags:
            continue
        roles.subjects = roles.subjects + [s.actor]
        roles.objects = [x for x in roles.objects if x is not s.actor]
        roles.partners = [x for x in roles.partners if x is not s.actor]
    return roles


def attributive_uk(lemmas: Lemmas, words: list[int], n: int, morph: Morph) -> bool:
    """A Ukrainian passive participle without a form of «бути» just before it («була укладена угода» is
    a report; «проект, схвалений урядом» a description)."""
    readings = morph.readings(lemmas.tokens[words[n]].text.lower(), "uk")
    if not readings or not {"pssv", "ADJF"} <= readings[0].tags:
        return False  # «угоду укладено»: the form in -но / -то is always a predicate
    return not any(lemmas.tokens[words[m]].text.lower() in BE["uk"] for m in range(max(0, n - 2), n))


TITLE_GAP = 5  # words between a body in a title and the person's name («Ради з питань зовнішньої політики»)

# event nouns whose genitive undergoes them («арест канадца», «убийство журналиста», «обстрел Харькова») or
# benefits from them («оправдательный приговор Асии Биби», «помилование заключённых»)
UNDERGONE = frozenset({"COERCE", "ASSAULT", "CONCEDE"})
UNDERGONE_MODES = frozenset({"expel", "release"})  # «высылка российских дипломатов», «освобождение заложников»


def undergone(roles: Roles, slots: list[Slot], genitive: tuple[int, ...], kind: str) -> Roles:
    """An arrest's, a killing's, a shelling's genitive is who undergoes it: the recipient, never the actor. A
    concession's genitive person benefits from it («оправдательный приговор Асии Биби»); a body in its genitive
    grants it («приговор Верховного суда»)."""
    named = list(dict.fromkeys(s.actor for s in slots if any(s.i <= k < s.j for k in genitive)))
    undergoers = [x for x in named if kind != "CONCEDE" or x.type == "person"]
    granters = [x for x in named if x not in undergoers]
    roles.subjects = granters or [x for x in roles.subjects if x not in undergoers]
    roles.objects = undergoers + [x for x in roles.objects if x not in undergoers and x not in granters]
    return roles


def with_agent(
    roles: Roles, slots: list[Slot], agents: tuple[int, ...], patients: tuple[int, ...], passive: bool = False
) -> Roles:
    """An event noun's genitive agent is its actor («приняла отставку Джонсона»: Johnson resigns, May
    does not), whoever the subject of the verb around it is; a passive verb's subject is its recipient
    and its bare oblique its actor («Польша была обвинена», «арестован властями США»)."""

    def within(tokens: tuple[int, ...]) -> list[Actor]:
        return list(dict.fromkeys(s.actor for s in slots if any(s.i <= k < s.j for k in tokens)))

    actors, undergoers = within(agents), within(patients)
    if passive and not undergoers:
        roles.subjects = actors
    if undergoers:
        roles.subjects = actors
        roles.objects = undergoers + [x for x in roles.objects if x not in undergoers and x not in actors]
    elif actors:
        roles.subjects = actors
        roles.objects = [x for x in roles.objects if x not in actors]
    roles.partners = [x for x in roles.partners if x not in actors]
    return roles


def not_subjects(roles: Roles, slots: list[Slot], objects: tuple[int, ...]) -> Roles:
    """A verb's object is never its subject, wherever it stands («Биби приговорили к смертной казни»: Bibi is
    sentenced, by someone the sentence does not name)."""
    done_to = list(dict.fromkeys(s.actor for s in slots if any(s.i <= k < s.j for k in objects)))
    roles.subjects = [x for x in roles.subjects if x not in done_to]
    roles.objects = roles.objects + [x for x in done_to if x not in roles.objects]
    return roles


def in_name(
    tokens: list[Token], i: int, j: int, mentions: list[tuple[int, int, Actor]], start: int, end: int, lang: str
) -> bool:
    """Whether trigger tokens i..j lie inside a name: an actor's mention («Amnesty International», «Партия
    мира»), or, in English, a run of capitalized words in mid-sentence ("Memorandum on Cessation of
    Hostilities", "Under 30 Summit"), which names a document, a body or a meeting series."""
    a, b = tokens[i].start, tokens[j - 1].end
    if any(s <= a and b <= e for s, e, _ in mentions if start <= s < end):
        return True
    if lang != "en" or i == 0 or not tokens[i].text[:1].isupper():
        return False
    neighbours = [k for k in (i - 1, j) if 0 < k < len(tokens) and tokens[k].is_word]
    return any(tokens[k].text[:1].isupper() or tokens[k].text in ("of", "on", "for") for k in neighbours)


def interview(
    tokens: list[Token], j: int, outlets: set[int], lang: str, lemma: Callable[[int], str | None], press: set[str]
) -> bool:
    """Whether talks end in «с/з/with» + an outlet or the press («с журналистами», «с австралийским изданием»,
    "with reporters"): a conversation with the press is no event."""
    for k in range(j, min(j + 3, len(tokens))):
        if tokens[k].text.lower() in PARTNER.get(lang, ()):
            # the outlet's name, or a word for the press after at most one modifier
            return k + 1 in outlets or any((lemma(n) or "") in press for n in range(k + 1, min(k + 3, len(tokens))))
    return False


PHRASE_PREPOSITIONS_EN = frozenset({"on", "against", "in", "at", "of"})  # what joins a target or place to the noun
AGENT_PREPOSITIONS_EN = frozenset({"by", "from"})  # what joins its doer to the noun ("attacks from Christie")
PHRASE_TAIL = 4  # words after such a preposition in which the noun's target or place is named


def within_phrase_en(roles: Roles, tokens: list[Token], slots: list[Slot], left: int, i: int, j: int) -> Roles:
    """The parties of an English event noun that a preposition governs, from its own phrase only: a possessor
    before it does it ("Sanders's attacks"), a modifier or an "on / against / in" phrase after it is its target or
    place ("the Paris attacks", "attacks on Clinton"), a "by" or "from" phrase after it its doer ("attacks from
    Chris Christie"); the clause around it names neither ("After the Paris
    attacks, Trump released ...")."""
    before = [s for s in slots if left <= s.i and s.j <= i]
    by = j < len(tokens) and tokens[j].text.lower() in AGENT_PREPOSITIONS_EN
    tail = j < len(tokens) and tokens[j].text.lower() in PHRASE_PREPOSITIONS_EN
    end = min(j + PHRASE_TAIL + 1, len(tokens))
    end = next((k for k in range(j, end) if tokens[k].text in CLAUSE_BREAKS), end)
    after = [s for s in slots if tail and j < s.i < end]
    doers = [s.actor for s in before if tokens[s.j - 1].text.endswith(POSSESSIVE_ENDS)]
    # "in the face of blistering attacks from Chris Christie": the "by" or "from" phrase after it does it
    doers += [s.actor for s in slots if by and j < s.i < end and s.actor.type != "location"]
    targets = [s.actor for s in before + after if s.actor not in doers]
    return Roles(
        subjects=list(dict.fromkeys(doers)),
        objects=[x for x in dict.fromkeys(targets) if x.type != "location"],
        places=[x for x in dict.fromkeys(targets) if x.type == "location"],
    )


MANY_SPAN = 5  # words before a verb of conversation in which a plural subject ("the two leaders") is looked for
TOPIC_EN = frozenset({"about", "of", "up", "over", "through", "points", "show", "radio", "host"})


def monologue_en(
    tokens: list[Token], lemma: Callable[[int], str | None], i: int, roles: Roles, conversing: set[str], many: set[str]
) -> bool:
    """Whether an English verb of conversation ("talk", "discuss") has no one to converse with: no partner
    ("with Xi", "to Beijing"), a single subject, and the word used as a verb ("Sanders was on CNN talking about
    what he does next", "the actor discussed the absence of Latinos", "talking points"). Speaking of a topic is
    no meeting; the noun "talks" ("trade talks") names one. `many`: words of a plural subject that converses
    within itself ("the leaders", "both sides")."""
    if (lemma(i) or tokens[i].text.lower()) not in conversing or roles.partners or len(roles.subjects) > 1:
        return False
    if any(tokens[k].text.lower() in many for k in range(max(0, i - MANY_SPAN), i)):
        return False  # "the leaders were expected to discuss"
    after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    if after == "to" and roles.objects:
        return False  # "talked to Beijing"
    if tokens[i].text.lower() == "talks" and after not in TOPIC_EN:
        return False  # the noun: "the talks", "trade talks"
    before = tokens[i - 1].text.lower() if i > 0 else ""
    return after in TOPIC_EN or before not in DETERMINERS_EN


def refused_party(roles: Roles, slots: list[Slot], complement: tuple[int, ...]) -> Roles:
    """The recipient of a refusal is the party of what was refused, named in its complement («отказался от
    участия в саммите в США»: the United States), not a party of another clause of the sentence."""
    own = {x.country for x in roles.subjects if x.country}
    named = list(
        dict.fromkeys(
            s.actor
            for s in slots
            if any(s.i <= k < s.j for k in complement) and s.actor not in roles.subjects and s.actor.country not in own
        )
    )
    if named:
        roles.objects, roles.partners, roles.places = named, [], []
    return roles


PHYSICAL = frozenset({"military", "terrorism", "crime", "cbrn"})  # contexts that make force literal


def figurative(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a word of force is a figure of speech here: one of `[clause] figurative`, with no physical context and
    no word of `[clause] violence` in its sentence (the lists are in the cue files of every language). The context is
    the sentence's, not the one the trigger's lexicon entry gives its events ("reinforce" is filed as military)."""
    figures = sentence.cues.clause.get("figurative", set())
    if not figures or " ".join(trigger.lemmas) not in figures:
        return False
    if PHYSICAL & set(sentence.lemmas.mapped(sentence.cues.contexts)):
        return False
    violence = sentence.cues.clause.get("violence", set())
    return not any(
        sentence.lemmas.get(k) in violence or sentence.tokens[k].text.lower() in violence for k in sentence.lemmas
    )
