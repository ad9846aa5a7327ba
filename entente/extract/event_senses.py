"""Words that only sound like an event: the sense a trigger word has in its sentence when that sense is no act
between parties. A share of people before a stance verb is a poll («32 відсотки опитаних підтримують», "43% of Ohio
voters support"); "appeal" without "for" or "to X to do" is an attraction ("Trump's appeal to working-class
whites"); "agree that / with" shares a view, "concede that" admits a point; "rally", "march", "demonstrate" with no
cause in their sentence are a campaign's gathering or "show"; and, once an event's sides are known, everyday verbs
that report an act only between states or their bodies ("provide"; "allow", "offer", "pledge", "seek" by one) or
only on a named party ("defend"). The word lists are the `[clause]` cues of each language (`share`, `attraction`,
`concur`, `concur_after`, `gathering`, `cause`, `between_states`, `by_states`, `needs_party`, `idiom`, `purpose`,
`of_possessor`, `thing_doers`, `casualty`, `casualty_count`, `attempt`, `stance_noun`, `expressing`, `admit`,
`ownership`). Leaving a firm's founders or owners («вийшов зі складу засновників») is no withdrawal between states. A
fixed phrase that holds a trigger word is no event either ("as opposed to", "attack ads"), nor a participle that says
what a thing is meant for («визит призван решить проблему»), nor force or a threat whose subject is an event or a
disaster («кризис угрожает»), nor a participle of harm that counts the harmed ("14 dead and 20 wounded"), nor "seek
to" do something, an attempt, nor an English stance noun no one expresses ("support for Trump rose", "his support
among voters": a standing, not an act).
"""

from __future__ import annotations

from entente.extract.event_args import passive_en
from entente.extract.event_embedded import to_infinitive
from entente.extract.event_frame import DETERMINERS_EN
from entente.extract.event_grammar import RELATIVE
from entente.extract.event_lexicon import Trigger
from entente.extract.event_memo import prepared
from entente.extract.event_sentence import CLAUSE_BREAKS, Lemmas
from entente.models import Actor, Event
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token


def other_sense(
    trigger: Trigger, tokens: list[Token], lemmas: Lemmas, i: int, j: int, words: dict[str, set[str]]
) -> bool:
    """Whether the trigger at tokens i..j has a sense in its sentence that is no event (see the module docstring)."""
    single = trigger.lemmas[0] if len(trigger.lemmas) == 1 else None
    return (
        (trigger.type in ("SUPPORT", "AGREE") and _poll(tokens, lemmas, i, words.get("share", set())))
        or (trigger.type in ("SUPPORT", "REJECT") and _electorate(tokens, lemmas, i, j, words))
        or (single in words.get("attraction", set()) and _attraction(tokens, j))
        or (single in words.get("concur", set()) and _concurring(tokens, j, words.get("concur_after", set())))
        or (trigger.type == "PROTEST" and _campaign_gathering(tokens, lemmas, i, words))
        or _idiom(tokens, i, words.get("idiom", set()))
        or (_idiom(tokens, i, words.get("prepositional", set())) and not _determined(tokens, i))
        or (single in words.get("purpose", set()) and _meant(tokens, lemmas, i))
        or (single in words.get("of_possessor", set()) and not _before_possessive(tokens, j))
        or (single in words.get("casualty", set()) and _counted(tokens, lemmas, i, words.get("casualty_count", set())))
        or (single in words.get("attempt", set()) and j < len(tokens) and to_infinitive(tokens, j))
        or (single in words.get("stance_noun", set()) and _unexpressed(tokens, lemmas, i, words))
        or (single in words.get("admit", set()) and j < len(tokens) and tokens[j].text.lower() == "that")
        or (single in words.get("adjectival", set()) and _adjective_en(tokens, i))
        or (single in words.get("satisfy", set()) and _requirement(tokens, i, words.get("requirement", set())))
        or (trigger.mode == "withdraw" and lemmas.get(j) in words.get("ownership", set()))
    )


REQUIREMENT_SPAN = 4  # words between "meet" and the requirement ("meet the target temperature", "met with stiff")


def _requirement(tokens: list[Token], i: int, requirements: set[str]) -> bool:
    """Whether "meet" at token i has a requirement or a response for its object ("met the criteria", "the White House
    did meet the deadline", "has met with resistance"), or is a passive ("I was met with nice applause", "has often
    been met with mockery"): no one is met. A mention after it ends the search ("met the president of Mexico" has no
    requirement before the name)."""
    if tokens[i].text.lower() == "met" and passive_en(tokens, i):
        return True
    for k in range(i + 1, min(len(tokens), i + 1 + REQUIREMENT_SPAN)):
        word = tokens[k].text.lower()
        if word in requirements or (word.endswith("s") and word[:-1] in requirements):
            return True
        if not tokens[k].is_word or tokens[k].text[:1].isupper():
            return False
    return False


# words before an English adjective ("found it offensive", "is deeply offensive") and prepositions after the noun
# ("the offensive in Aleppo", "an offensive against")
ADJECTIVE_BEFORE_EN = frozenset({"is", "was", "are", "were", "be", "been", "being", "very", "deeply", "so", "most",
                                 "more", "less", "it", "found", "as", "extremely", "highly", "too", "grossly"})
NOUN_NEXT_EN = frozenset({"in", "on", "against", "by", "of", "to", "into", "near", "toward", "towards", "at", "from",
                          "and", "or", "that", "which", "was", "is", "has", "had", "will", "would", "began",
                          "continued"})


def _adjective_en(tokens: list[Token], i: int) -> bool:
    """Whether an English word that is a noun of force and an adjective ("offensive") is the adjective here: after
    a verb of being, a degree word or "found it", or before a lower-case word that is no preposition or verb
    ("offensive rhetoric", "found it offensive", "offensive to Native Americans"; not "the Russian offensive in")."""
    before = tokens[i - 1].text.lower() if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before in ADJECTIVE_BEFORE_EN or (after is not None and after.text.lower() == "to"):
        return True
    return after is not None and after.is_word and after.text[:1].islower() and after.text.lower() not in NOUN_NEXT_EN


# words before English "support" that make it a verb ("to support", "would support", "voters who support")
VERB_BEFORE_EN = frozenset({"to", "would", "will", "can", "could", "should", "might", "may", "must", "did", "does",
                            "do", "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "i", "we", "you", "they",
                            "not", "also", "strongly", "fully", "still", "who", "firmly", "publicly", "generally",
                            "overwhelmingly", "now", "and", "or", "never", "always", "continue", "n't"})
NOUN_AFTER_EN = frozenset({"for", "from", "among", "behind", "of", "across", "in", "to"})
EXPRESSED_SPAN = 4  # words between a verb of expressing and its stance noun ("expressed their strong support")


def _unexpressed(tokens: list[Token], lemmas: Lemmas, i: int, words: dict[str, set[str]]) -> bool:
    """Whether an English stance noun ("support") is a standing, not an act: a noun (after a determiner, a
    possessive or an adjective, or before "for", "from", "among") that no verb of `expressing` gives within
    EXPRESSED_SPAN words before it in its clause ("support for Trump rose to 19 percent", "lingering Sanders
    support", "his greatest support among the Marines"; not "announced support", "threw her support behind",
    "voiced strong support for")."""
    before = tokens[i - 1].text.lower() if i > 0 else ""
    after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    relative = before in ("that", "which") and (after in DETERMINERS_EN or tokens[i + 1].text[:1].isupper())
    if relative or before in VERB_BEFORE_EN or (
        before not in DETERMINERS_EN and not before.endswith(("'s", "’s")) and after not in NOUN_AFTER_EN
    ):
        return False  # a verb ("planks that support the rights"), or no sign of a noun ("voters support Trump")
    expressing = words.get("expressing", set())
    for k in range(i - 1, max(-1, i - 1 - EXPRESSED_SPAN), -1):
        if tokens[k].text in CLAUSE_BREAKS:
            return True
        if (lemmas.get(k) or "") in expressing or tokens[k].text.lower() in expressing:
            return False
    return True


def _counted(tokens: list[Token], lemmas: Lemmas, i: int, count: set[str]) -> bool:
    """Whether an English participle of harm names the harmed, counted or listed ("14 dead and 20 wounded",
    "lost 6,000 dead and wounded", "with thousands killed", "the wounded"): a casualty figure, not an act of the
    sentence's subject."""
    if not tokens[i].text.lower().endswith("ed") or i == 0:
        return False
    k = i - 2 if tokens[i - 1].text.lower() in ("and", "or") and i > 1 else i - 1
    before = tokens[k].text.lower()
    return (lemmas.get(k) or before) in count or before in count or before.replace(",", "").replace(".", "").isdigit()


POSSESSIVES_EN = frozenset({"his", "her", "their", "its", "our", "your", "my"})


def _before_possessive(tokens: list[Token], j: int) -> bool:
    """Whether a possessive and its noun follow token j ("Israel's commitment", "his sincerity", "the other's
    fitness"; not "her under oath")."""
    if j + 1 >= len(tokens):
        return False
    first, second = tokens[j].text, tokens[j + 1].text
    k = j + 1 if first.lower() == "the" else j  # "the other's fitness", "the star's identity"
    if tokens[k].text.lower().endswith(("'s", "’s")) or tokens[k].text.lower() in ("s'", "s’"):
        return True
    return first.lower() in POSSESSIVES_EN and second[:1].islower() and second.isalpha() and second not in STOP_AFTER


STOP_AFTER = frozenset({"under", "about", "on", "in", "at", "for", "with", "over", "to", "by", "and", "or", "if"})


PURPOSE_SPAN = 6  # words back from a participle of purpose to the noun it says is meant for something


def _meant(tokens: list[Token], lemmas: Lemmas, i: int) -> bool:
    """Whether a passive participle of `purpose` («призван», «покликаний») says what a thing is meant for: the
    nominative noun before it in its clause is inanimate («визит призван решить проблему», «закон покликаний
    захистити»), not a party called on to act («Россия была призвана спасти режим»)."""
    morph, lang = lemmas.lexicon.morph, lemmas.lang
    readings = morph.readings(tokens[i].text.lower(), lang)
    if not readings or "pssv" not in readings[0].tags:
        return False
    k = _nominative_before(tokens, morph, lang, i, PURPOSE_SPAN, skip_names=True)
    if k is None:  # «интервенция в Сирии, которая была призвана подкрепить»: the noun the relative clause describes
        k = next((_nominative_before(tokens, morph, lang, n - 1, PURPOSE_SPAN, skip_names=True)
                  for n in range(i - 1, max(0, i - 1 - PURPOSE_SPAN), -1)
                  if tokens[n].text.lower() in RELATIVE and tokens[n - 1].text == ","), None)
    return k is not None and "inan" in morph.readings(tokens[k].text.lower(), lang)[0].tags


NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def _nominative_before(
    tokens: list[Token], morph: Morph, lang: str, i: int, span: int, skip_names: bool = False
) -> int | None:
    """The nearest word before token i, within `span` words of its clause, that reads first as a noun in the
    nominative; with `skip_names`, past names («визит Нетаньяху»: the common noun is the thing)."""
    for k in range(i - 1, max(-1, i - 1 - span), -1):
        if tokens[k].text in CLAUSE_BREAKS:
            return None
        found = morph.readings(tokens[k].text.lower(), lang)
        if skip_names and (not found or (k > 0 and tokens[k].is_capitalized) or found[0].tags & NAMES):
            continue
        if found and {"NOUN", "nomn"} <= found[0].tags:
            return k
    return None


def _idiom(tokens: list[Token], i: int, idioms: set[str]) -> bool:
    """Whether the trigger at token i opens inside a fixed phrase of `idiom` ("as opposed to", "attack ads",
    "a consulting firm", "a clarion call for"): a word of the phrase, not an act."""
    for n, phrases in prepared(idioms, _by_length):
        for start in range(max(0, i - n + 1), min(i, len(tokens) - n) + 1):  # holding the trigger's first word
            if tuple(t.text.lower() for t in tokens[start : start + n]) in phrases:
                return True
    return False


def _by_length(idioms: set[str]) -> tuple[tuple[int, frozenset[tuple[str, ...]]], ...]:
    """The fixed phrases `idioms` as word tuples, by their number of words (an empty one holds no trigger)."""
    phrases: dict[int, set[tuple[str, ...]]] = {}
    for idiom in idioms:
        words = tuple(idiom.split())
        if words:
            phrases.setdefault(len(words), set()).add(words)
    return tuple((n, frozenset(p)) for n, p in sorted(phrases.items()))


def _determined(tokens: list[Token], i: int) -> bool:
    """Whether a possessive or a determiner stands right before token i ("her thanks to", "the thanks of")."""
    before = tokens[i - 1].text.lower() if i > 0 else ""
    return before in POSSESSIVES_EN | {"the", "a", "an", "our", "my"} or before.endswith(("'s", "’s"))


STATE_SECTORS = frozenset({"GOV", "MIL", "IGO", "JUD", "LEG", "COP", "SPY"})


def political(trigger: Trigger, event: Event, actors: tuple[Actor, ...], words: dict[str, set[str]]) -> bool:
    """Whether an event of an everyday verb has the sides its political sense needs: states or their bodies on both
    sides (`between_states`) or as its actor (`by_states`), a named party acted on (`needs_party`); any other
    trigger's event has them. A verbal event done only by journalists, outlets or experts has none, nor a visit to a
    place of no known state by no party of one."""
    lemma = trigger.lemmas[0]
    by_id = {x.id: x for x in actors}
    doers = [by_id[i] for i in event.actor if i in by_id]
    if event.type in SAID and doers and all(x.sector in COMMENTATORS for x in doers):
        return False  # what journalists, outlets and experts say or meet about is commentary, not an act of a party

    places = [by_id.get(i) for i in event.recipient]
    if (
        event.type == "CONSULT"
        and places
        and all(x is not None and x.type == "location" and not x.country for x in places)
        and not any(x.country or x.sector in STATE_SECTORS for x in doers)
    ):
        return False  # «Татьяна приехала в квартиру на Гаврской улице», «я побував у Бистриці»: a place of no known
        # state visited by no party of one is a trip, not a visit between parties

    def states(side: tuple[str, ...]) -> bool:
        parties = [by_id[i] for i in side if i in by_id]
        return bool(parties) and all(x.type == "country" or x.sector in STATE_SECTORS for x in parties)

    if lemma in words.get("between_states", set()):
        return states(event.actor) and states(event.recipient)
    if lemma in words.get("by_states", set()):
        return states(event.actor)
    return lemma not in words.get("needs_party", set()) or bool(event.recipient)


# verbal events; done by the press or by experts only («публицист и историк Штюрмер критикует», "said Tony Cordesman,
# a national security analyst") they are commentary (ANNOTATION: opinions of journalists and analysts are no events)
SAID = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "AGREE", "CONSULT", "THREATEN"})
COMMENTATORS = frozenset({"MED", "EDU"})
POLL_SPAN = 5  # words before a trigger in which a share of people stands as its subject ("43% of Ohio voters")


def _poll(tokens: list[Token], lemmas: Lemmas, i: int, share: set[str]) -> bool:
    """Whether a share of people («32 відсотки опитаних», "40 percent", "43%") stands in the trigger's clause
    just before it: the figure of a survey, whose respondents are no party."""
    for k in range(i - 1, max(-1, i - POLL_SPAN - 1), -1):
        if tokens[k].text in CLAUSE_BREAKS:
            return False
        if tokens[k].text in share or (lemmas.get(k) or "") in share:
            return True
    return False


def _electorate(tokens: list[Token], lemmas: Lemmas, i: int, j: int, words: dict[str, set[str]]) -> bool:
    """Whether voters are who support or oppose, in the trigger's clause: one of `electorate` among the POLL_SPAN
    words before it ("evangelical voters overwhelmingly support Trump", «избиратели поддержали»), or a group right
    after it (`among`: "his support among evangelicals", «поддержка среди молодёжи»). How an electorate leans is a
    poll's or a vote's figure, no act between parties."""
    electorate = words.get("electorate", set())
    for k in range(i - 1, max(-1, i - POLL_SPAN - 1), -1):
        if tokens[k].text in CLAUSE_BREAKS:
            break
        if (lemmas.get(k) or tokens[k].text.lower()) in electorate:
            return True
    return j < len(tokens) and tokens[j].text.lower() in words.get("among", set())


APPEAL_SPAN = 10  # words after "appeal to" in which the "to" of what is asked stands ("appealed to them not to vote")


def _attraction(tokens: list[Token], j: int) -> bool:
    """Whether "appeal" ending at token j is an attraction: not followed by "for", nor by "to X ... to" + a verb."""
    after = [t.text.lower() for t in tokens[j : j + APPEAL_SPAN] if t.text not in CLAUSE_BREAKS]
    return not after or (after[0] != "for" and after.count("to") < 2)


def _concurring(tokens: list[Token], j: int, concur_after: set[str]) -> bool:
    """Whether "agree" ending at token j shares a view rather than commits: followed by `concur_after` ("that",
    "with"), a punctuation mark or nothing."""
    after = tokens[j].text.lower() if j < len(tokens) else ""
    return not after or not tokens[j].is_word or after in concur_after


def _campaign_gathering(tokens: list[Token], lemmas: Lemmas, i: int, words: dict[str, set[str]]) -> bool:
    """Whether a gathering trigger ("rally", "march") stands in a sentence that names no cause to be for or against
    (`cause`; "anti-Trump", "pro-Sanders" count by their prefix): a campaign's rally, no protest."""
    if (lemmas.get(i) or tokens[i].text.lower()) not in words.get("gathering", set()):
        return False
    cause = words.get("cause", set())

    def names_cause(k: int, word: str) -> bool:  # "denounced", "protesters", "anti-Trump", "pro-Sanders"
        return bool({lemmas.get(k), word, word.removesuffix("s"), word.split("-")[0]} & cause)

    return not any(names_cause(k, t.text.lower()) for k, t in enumerate(tokens) if t.is_word)


THING_SPAN = 4  # words back from a verb of force to its subject noun («пожежа знищила», "a fire may destroy")
SKIP_EN = frozenset({"could", "can", "may", "might", "will", "would", "should", "must", "has", "have", "had", "is",
                     "was", "also", "even", "soon", "not"})


def done_by_a_thing(
    tokens: list[Token],
    lemmas: Lemmas,
    i: int,
    subjects: tuple[int, ...] | None,
    words: dict[str, set[str]],
    contexts: dict[str, str],
) -> bool:
    """Whether a verb of force or threat at token i has for its subject an event or a force of nature, which
    destroys or threatens only in a figure («пожежа знищила дах», «страйк може зруйнувати бізнес», «кризис
    угрожает шансам Мэй», "the crisis threatens"): the subject noun's lemma is a disaster (`disasters` context), a
    trigger noun of the lexicon (an event), or one of `thing_doers`. `subjects`: the tree's subject phrase, when
    the sentence was parsed; without a tree, the nearest noun before the verb in its clause."""
    lexicon, lang = lemmas.lexicon, lemmas.lang
    morph = lexicon.morph
    if subjects is not None:
        heads = [k for k in subjects if k in lemmas and _noun(morph, tokens[k].text, lang, nominative=True)]
        subject = heads[0] if heads else None
    elif lang == "en":
        subject = _subject_en(tokens, i)
    else:
        subject = _nominative_before(tokens, morph, lang, i, THING_SPAN)
    if subject is None or subject not in lemmas or not _inanimate(morph, tokens[subject].text, lang):
        return False
    lemma = lemmas[subject]
    return (
        contexts.get(lemma) == "disasters"
        or lemma in words.get("thing_doers", set())
        or (lemma in lexicon.triggers.get(lang, {}) and any(len(t.lemmas) == 1 for t in lexicon.triggers[lang][lemma])
            and _noun(morph, tokens[subject].text, lang, nominative=False))
    )


def _subject_en(tokens: list[Token], i: int) -> int | None:
    """The noun right before an English verb in a finite form, past modals and auxiliaries, when a determiner
    stands before it ("the crisis threatens", "the strike could destroy"; not "an alleged rape")."""
    for k in range(i - 1, max(-1, i - 1 - THING_SPAN), -1):
        word = tokens[k].text.lower()
        if tokens[k].text in CLAUSE_BREAKS:
            return None
        if word in SKIP_EN:
            continue
        finite = k < i - 1 or tokens[i].text.lower().endswith(("ed", "s"))  # after a modal, or in -ed / -s
        determined = k > 0 and tokens[k - 1].text.lower() in DETERMINERS_EN and not word.endswith("ed")
        return k if finite and determined and tokens[k].is_word and not tokens[k].is_capitalized else None
    return None


def _noun(morph: Morph, word: str, lang: str, nominative: bool) -> bool:
    """Whether `word` reads first as a noun (in the nominative, if asked); English words are taken as nouns."""
    if lang == "en":
        return True
    readings = morph.readings(word.lower(), lang)
    return bool(readings) and "NOUN" in readings[0].tags and (not nominative or "nomn" in readings[0].tags)


def _inanimate(morph: Morph, word: str, lang: str) -> bool:
    """Whether `word` names a thing, not a person («смертник» attacks); English words are taken as things."""
    readings = morph.readings(word.lower(), lang) if lang != "en" else ()
    return lang == "en" or (bool(readings) and "anim" not in readings[0].tags)


STATE_PREPOSITIONS = frozenset({"в", "во", "у"})


def in_state(tokens: list[Token], lemmas: Lemmas, i: int, j: int, lang: str, morph: Morph, state: set[str]) -> bool:
    """Whether a Russian or Ukrainian act noun of `state` names a state, not the act: in the locative after «в» /
    «у», with no genitive or name after it whose act it is («полковник ГРУ в отставке», «в отставке увлекался
    гольфом»; not «увидела в отставке министра ... контуры»)."""
    if lemmas.get(i) not in state or i == 0 or tokens[i - 1].text.lower() not in STATE_PREPOSITIONS:
        return False
    if not morph.has(tokens[i].text.lower(), lang, "loct"):
        return False
    after = tokens[j] if j < len(tokens) else None
    if after is None or not after.is_word:
        return True
    return not any("gent" in r.tags and r.tags & {"NOUN", "ADJF", "NPRO", "NUMR"}
                   for r in morph.readings(after.text.lower(), lang))
