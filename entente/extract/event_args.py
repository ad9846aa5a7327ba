"""Who is who around an event trigger: actor, recipient, partners, destination, from grammar and order.

Russian and Ukrainian: a nominative mention outside a prepositional phrase is the actor; «с/з + ...»
a partner; «в/у/до + place» a destination; a dative or accusative object, or «против/проти», the
recipient. English: the mention before the trigger is the actor, the one after it the recipient,
"with" a partner, "in/to + place" a destination. Mentions are actors' mentions in the sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Literal

from entente.extract.event_case import accusative, accusative_noun, case, past_quotes
from entente.extract.event_grammar import (
    AGAINST,
    AGENT_MARK,
    CLAUSE_OPEN,
    CONJUNCTIONS,
    GIVING,
    LIST_JOINERS,
    OBJECT_OPENERS,
    OTHER_PREP,
    PARTNER,
    PLACE,
    PLACE_NOUNS,
    POSSESSIVE,
    QUANTITY,
    QUOTES,
    RELATIVE,
    STRUCK_AT,
    UNDERGOER,
    UNSHARED,
    VENUE_NOUNS,
)
from entente.extract.event_memo import prepared
from entente.models import Actor
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token


@dataclass
class Roles:
    subjects: list[Actor] = field(default_factory=list)
    objects: list[Actor] = field(default_factory=list)
    partners: list[Actor] = field(default_factory=list)
    places: list[Actor] = field(default_factory=list)
    relative: bool = False


@dataclass(frozen=True)
class Slot:
    """One actor mention in the sentence, with the token range it covers."""

    actor: Actor
    i: int
    j: int


def assign(
    tokens: list[Token],
    slots: list[Slot],
    trigger: tuple[int, int],
    lang: str,
    morph: Morph,
    visit: bool = False,
    heads: Heads | None = None,
    venue: Venue = "done",
) -> Roles:
    """Roles of the sentence's mentions; mentions in the trigger's own clause are preferred as actors.
    `visit`: a place named as the direct object («посетил Москву») is the destination; `heads`: the
    lemmas of nouns whose genitive complement acts («представители Евросоюза», «міністри країн ЄС»); `venue`:
    when an English place where the event is done, with no one else named, is the party it is done to: "done" for
    acts done to a place ("imposed a curfew in Cizre"), "abroad" for the others when the subject is no person of
    unknown country nor of the place's country ("refused to deploy peacekeepers in Iraq", not "Ted Cruz thanked
    supporters in Iowa"), "never" for talks (event_parties reads their venue)."""
    heads = heads or Heads()
    preps = _preps(tokens, slots, lang, morph)
    roles = _assign(tokens, slots, trigger, lang, morph, visit, heads, venue, preps)
    clause = clause_id(tokens, trigger[0])
    own = [s for s in slots if clause_id(tokens, s.i) == clause]
    # with every mention in the trigger's clause (a third of the calls), the same roles again, as lists of their own
    local = (
        _copy(roles)
        if len(own) == len(slots)
        else _assign(tokens, own, trigger, lang, morph, visit, heads, venue, preps)
    )
    if local.objects or local.partners:  # the trigger's own clause names whom: others name other things
        roles.objects, roles.partners = local.objects, local.partners
    else:
        roles.objects = [a for a in roles.objects if not _in_relative(tokens, slots, a)]
        roles.partners = [a for a in roles.partners if not _in_relative(tokens, slots, a)]
    if lang == "en" and not local.subjects and _predicate_first(tokens, trigger[0]):
        # "Pakistan, a key U.S. ally, has refused ...": the clause opens with its verb, so its subject is
        # the one of the sentence's first clause, not a mention inside the apposition between them
        first = min((clause_id(tokens, s.i) for s in slots if s.i < trigger[0]), default=None)
        if first is not None and first < clause:
            head = _assign(
                tokens, [s for s in slots if clause_id(tokens, s.i) == first], trigger, lang, morph, visit, heads,
                venue, preps,
            )
            if head.subjects and all(a.country for a in head.subjects):
                local.subjects = head.subjects
            elif head.subjects:  # "Kenzo Oshima, the United Nations Emergency Relief Coordinator,": his body
                local.subjects = head.subjects + [a for a in roles.subjects if a not in head.subjects]
    described = _described(tokens, slots, trigger[0], lang, morph)
    if described is not None and not any(s.i < trigger[0] and s.actor in local.subjects for s in slots):
        # «Джо Байденом, який заявив», "Joe Biden, who expressed": the noun the clause describes, not a genitive after
        # the verb that the case reading could take for a nominative («про підтримку Македонії»); "Johnson, who was
        # shot": the one it was done to
        if lang == "en" and passive_en(tokens, trigger[0]):
            roles.subjects, roles.objects = [a for a in local.subjects if a is not described], [described]
        else:
            roles.subjects = [described]
    elif local.subjects:
        roles.subjects = local.subjects
    elif _relative(tokens, trigger[0]):
        roles.subjects, roles.relative = [], True  # «..., которые требуют»: the subject is not among the actors
    elif lang in ("uk", "en") and overt_subject(tokens, slots, trigger[0], lang, morph, heads):
        roles.subjects = []  # «..., що деякі з кіноактрис обіцяють»: the clause's own subject is no actor
    else:  # «Хотя Запад ввёл санкции, Китай воздержался»: no subject is borrowed from a later clause
        roles.subjects = [a for a in roles.subjects if any(s.actor is a and s.i < trigger[0] for s in slots)]
    if lang == "en" and (owner := _possessor_en(tokens, slots, trigger)) is not None:
        # "respond to Trump's criticism", "won Graham's endorsement": the noun's possessor does it, whatever the
        # preposition before it or the clause's subject; "Zimmerman's acquittal": it is done to an undergoer
        if tokens[trigger[0]].text.lower() in UNDERGOER["en"] and not _of_after(tokens, trigger):
            roles.subjects = [a for a in roles.subjects if a is not owner]
            roles.objects = [owner, *(a for a in roles.objects if a is not owner)]
        else:
            roles.subjects = [owner]
            done_to = [s.actor for s in slots if _right_after(tokens, trigger, s) and s.actor is not owner]
            # "Palin's endorsement of Donald Trump": whom the possessor's act is done to
            roles.objects = list(dict.fromkeys([*done_to[:1], *(a for a in roles.objects if a is not owner)]))
            roles.partners = [a for a in roles.partners if a is not owner]
    if lang in ("ru", "uk"):  # a city as a party is its country when the sentence names it: «... Росії, ... Москви»
        states = {s.actor.country: s.actor for s in slots if s.actor.type == "country" and s.actor.country}
        for group in (roles.objects, roles.partners):
            group[:] = list(
                dict.fromkeys(states.get(a.country, a) if a.type == "location" and a.country else a for a in group)
            )
    return roles




APOSTROPHES = ("'", "’")
OWNED = ("'s", "’s", "'", "’")  # a possessive's ending or the token after it ("Watch's", "Watch ’s")


def _possessor_en(tokens: list[Token], slots: list[Slot], trigger: tuple[int, int]) -> Actor | None:
    """The actor whose possessive opens the English event noun's phrase ("Trump's criticism", "Sanders' harsh
    attacks"): a mention ending in 's or an apostrophe, then at most two lower-case modifiers, then the trigger. Not
    before a verb form in -ed ("Trump's campaign invited"), where the possessor is only the subject's owner."""
    word = tokens[trigger[0]].text
    if word.endswith("ed") or not word[:1].islower():
        return None
    for slot in slots:
        k, last = slot.j, tokens[slot.j - 1].text
        joined = last[-2:-1] in APOSTROPHES and last[-1:] in ("s", "S")  # "Trump’s" is one token
        apart = k < len(tokens) and tokens[k].text in APOSTROPHES and last.endswith(("s", "S"))  # "Sanders ' plan"
        if not (joined or apart):
            continue
        k += apart
        between = tokens[k : trigger[0]]
        if k <= trigger[0] and len(between) <= 2 and all(t.is_word and t.text.islower() for t in between):
            return slot.actor
    return None


def _of_after(tokens: list[Token], trigger: tuple[int, int]) -> bool:
    return trigger[1] < len(tokens) and tokens[trigger[1]].text.lower() == "of"


def first_person_verb(tokens: list[Token], k: int, lang: str, morph: Morph) -> bool:
    """Whether the verb at token k, or the finite verb an infinitive there depends on («хочу поблагодарить»), is of
    the first person in every verbal reading («благодарю», «підпишемо»)."""
    if k > 0 and morph.infinitive(tokens[k].text, lang):
        k -= 1
    readings = morph.readings(tokens[k].text.lower(), lang)
    verbal = [r for r in readings if "VERB" in r.tags]
    return bool(verbal) and "VERB" in readings[0].tags and all("1per" in r.tags for r in verbal)


def overt_subject(tokens: list[Token], slots: list[Slot], i: int, lang: str, morph: Morph, heads: Heads) -> bool:
    """Without a parse: whether the clause of a verb trigger at token i names a subject of its own before it
    that is no actor («Трамп тішиться, що деякі з кіноактрис обіцяють», "Nega was poised ..., but the government
    denied"), so that no actor of an earlier clause is its subject. A personal pronoun does not count: it stands
    for someone named before; nor does a phrase with a possessive («міністри її кабінету»), or a state body with
    no state named («Мей повідомила, що уряд підтримав»: `heads`): it is most likely that one's own. Ukrainian:
    a nominative noun or non-personal pronoun, before any other verb, that agrees in number with the finite verb
    and follows no preposition; English: a determiner opening the words before the verb."""
    opens = CLAUSE_OPEN[lang]
    start = max(
        (k + 1 for k in range(i) if tokens[k].text in CLAUSE_BREAKS or tokens[k].text.lower() in opens), default=0
    )
    if start == 0 or any(start <= s.i < i for s in slots):
        return False  # the sentence's first clause, or an actor named in the clause: the roles' own choice
    words = [k for k in range(start, i) if tokens[k].is_word]
    if any(tokens[k].text.lower() in POSSESSIVE[lang] and k + 1 < i for k in words):
        # «міністри її кабінету»: a body of someone named before is on that one's side (right before the verb, «її»
        # is its object: «її критикує опозиція»)
        return False
    if lang == "en":
        if i > 0 and tokens[i - 1].text.lower() in DETERMINERS:
            return False  # "the denial": a noun, not a verb
        words = [k for k in words if not _modifier_en(tokens[k].text.lower())]
        # "the government denied", or a name the base does not know ("..., Pate supported Charlie Crist")
        return bool(words) and (tokens[words[0]].text.lower() in DETERMINERS or tokens[words[0]].text[:1].isupper())
    verb = morph.readings(tokens[i].text.lower(), lang)
    if not verb or "VERB" not in verb[0].tags or "infn" in verb[0].tags:
        return False  # a noun, an infinitive or a participle: its subject is another word's
    plural = "plur" in verb[0].tags
    preps = PARTNER[lang] | PLACE[lang] | AGAINST[lang] | OTHER_PREP[lang]
    for k in words:
        readings = morph.readings(tokens[k].text.lower(), lang)
        tags = readings[0].tags if readings else frozenset()
        if "VERB" in tags:
            return False  # what follows another verb is its object («висловив намір зміцнювати»)
        if k > 0 and tokens[k - 1].text.lower() in preps:
            continue
        noun = "NOUN" in tags and not tags & {"Name", "Surn", "Patr"}
        if "nomn" in tags and (noun or ("NPRO" in tags and "pers" not in tags)) and ("plur" in tags) == plural:
            return readings[0].lemma not in heads.lemmas
    return _subject_after(tokens, i, lang, morph, plural, heads)


SUBJECT_AFTER_SPAN = 2  # words after a Ukrainian verb in which its own subject may stand («її критикує опозиція»)


def _subject_after(tokens: list[Token], i: int, lang: str, morph: Morph, plural: bool, heads: Heads) -> bool:
    """Whether a Ukrainian verb at token i has its subject right after it: a common noun that can only be a
    nominative, of the verb's number («однак її критикує опозиція», «її підтримала більшість»), not an object
    that looks like one («підтримав проект»: nominative and accusative alike)."""
    for k in range(i + 1, min(len(tokens), i + 1 + SUBJECT_AFTER_SPAN)):
        if tokens[k].text in CLAUSE_BREAKS or not tokens[k].is_word:
            return False
        readings = morph.readings(tokens[k].text.lower(), lang)
        if not readings or "NOUN" not in readings[0].tags or readings[0].tags & {"Name", "Surn", "Patr"}:
            continue
        nominative = all("nomn" in r.tags for r in readings if "NOUN" in r.tags)
        return nominative and ("plur" in readings[0].tags) == plural and readings[0].lemma not in heads.lemmas
    return False


def _modifier_en(word: str) -> bool:
    return word in AUXILIARIES or word.endswith("ly") or word in ("not", "never", "also", "then", "still")


def _in_relative(tokens: list[Token], slots: list[Slot], actor: Actor) -> bool:
    return all(_relative(tokens, s.i) for s in slots if s.actor is actor)


def _relative(tokens: list[Token], k: int) -> bool:
    """Whether the clause of token k opens with a relative pronoun."""
    start = max((n + 1 for n in range(k) if tokens[n].text in CLAUSE_BREAKS), default=0)
    return start < len(tokens) and tokens[start].text.lower() in RELATIVE and start > 0


# relative pronouns that are their clause's subject (the nominative; "which" when no subject of its own follows)
SUBJECT_RELATIVE = frozenset({"який", "яка", "яке", "які", "who", "which"})
NOT_SUBJECT_AFTER = frozenset({"the", "a", "an", "he", "she", "they", "we", "it", "i", "you", "his", "her", "their"})


def _described(tokens: list[Token], slots: list[Slot], k: int, lang: str, morph: Morph) -> Actor | None:
    """Ukrainian and English, without a parse: the actor named right before the comma that opens token k's clause
    with a subject relative pronoun («... з Джо Байденом, який заявив про підтримку», "met Joe Biden, who expressed
    support"), whom the clause describes and so its subject; None otherwise ("sanctions, which the US imposed": an
    object relative)."""
    start = max((n + 1 for n in range(k) if tokens[n].text in CLAUSE_BREAKS), default=0)
    if lang == "ru":
        return None  # the tree reads Russian relative clauses (event_clause._subject)
    if start < 2 or start >= k or tokens[start - 1].text != "," or tokens[start].text.lower() not in SUBJECT_RELATIVE:
        return None
    after = tokens[start + 1]
    if tokens[start].text.lower() == "which" and (after.text.lower() in NOT_SUBJECT_AFTER or after.text[:1].isupper()):
        return None
    slot = next((s for s in slots if s.j == start - 1), None)
    if slot is None or slot.i < 2:
        return slot.actor if slot is not None else None
    before = tokens[slot.i - 1].text.lower()
    if before == "of" and lang == "en":  # "Senator Ted Cruz of Texas, who": the person, not the state
        return next((s.actor for s in slots if s.j == slot.i - 1), None)
    if before in NOUN_PREP.get(lang, ()) and _noun_before(tokens, slot.i - 2, lang, morph):
        return None  # "a longtime adviser to Trump, who", «колег з Ірландії, які»: the noun before, not the name
    if lang != "en" and _noun_before(tokens, slot.i - 1, lang, morph) and not _same_case(tokens, slot.i, lang, morph):
        # «підтримки Москві, яка могла б спровокувати», «президент Білорусі, який»: the name depends on a noun the
        # clause may describe (not a title in the name's own case: «христианки Асии Биби, которая»)
        return None
    return slot.actor


# prepositions that attach a name to the noun before it ("adviser to Trump", «колеги з Ірландії»)
NOUN_PREP = {"en": frozenset({"to", "for", "from"}), "uk": frozenset({"з", "із", "зі", "від"})}


def _same_case(tokens: list[Token], k: int, lang: str, morph: Morph) -> bool:
    """Whether the name at token k can stand in a case of the noun before it: a title in apposition («христианки
    Асии Биби»), not a name that depends on it («підтримки Москві»)."""
    def cases(word: str) -> set[str]:
        return {c for r in morph.readings(word.lower(), lang) for c in r.tags & CASES}

    return bool(cases(tokens[k - 1].text) & cases(tokens[k].text))


def _noun_before(tokens: list[Token], k: int, lang: str, morph: Morph) -> bool:
    """Whether token k is a common noun: a lower-case word whose first reading is a noun (English: a lower-case word
    that is no verb form ending in -ed)."""
    word = tokens[k].text
    if not word[:1].islower() or not tokens[k].is_word:
        return False
    if lang == "en":
        return not word.endswith("ed")
    readings = morph.readings(word.lower(), lang)
    return bool(readings) and "NOUN" in readings[0].tags


CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–"})
Venue = Literal["done", "abroad", "never"]
VENUE_SPAN = 4  # words between a venue noun and "in"/"at" + its place ("a town hall meeting in ...")

# English passives: "was attacked by", "have been accused by"; the subject before them is the recipient
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting", "become", "became"})
PARTICIPLES = frozenset(
    {
        "held",
        "met",
        "struck",
        "shot",
        "hit",
        "taken",
        "seen",
        "sent",
        "brought",
        "beaten",
        "caught",
        "thrown",
        "blown",
        "given",
        "told",
        "put",
        "set",
        "cut",
        "kept",
        "left",
        "led",
        "found",
        "made",
        "won",
        "fought",
        "stolen",
        "sought",
        "hurt",
        "spoken",
        "frozen",
        "withdrawn",
        "forgiven",
        "shown",
        "known",
        "bound",
        "overrun",
        "overthrown",
        "driven",
        "ridden",
        "slain",
    }
)
ADVERB_GAP = 3  # words between "was" and its participle ("was reportedly never officially ...")
# auxiliaries and adverbs that may stand between a subject and its verb ("has reportedly been", "will not")
AUXILIARIES = frozenset(
    {
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "also",
        "again",
        "still",
        "not",
        "never",
        "now",
        "then",
        "already",
        "reportedly",
        "allegedly",
        "finally",
        "today",
        "later",
        "been",
        "be",
        "just",
        "yet",
        "too",
        "since",
        "meanwhile",
        "however",
        "once",
    }
)


# participles that with "to" or "of" say how the subject stands, not what was done to it
STATIVE_EN = frozenset({"opposed", "committed", "dedicated", "devoted", "used", "related", "accustomed", "entitled",
                        "inclined", "supposed", "interested", "concerned", "allied", "tied", "linked", "aligned"})


def passive_en(tokens: list[Token], i: int) -> bool:
    """Whether token i is an English past participle after a form of "be": "was attacked", "had been held"."""
    word = tokens[i].text.lower()
    if not (word.endswith(("ed", "en")) or word in PARTICIPLES):
        return False
    if word in STATIVE_EN and i + 1 < len(tokens) and tokens[i + 1].text.lower() in ("to", "of"):
        return False  # a state, not an act done to the subject: "is opposed to", "was committed to"; but "is
        # accused of", "was urged to", "was sentenced to" are done to it
    gap = 0
    for k in range(i - 1, -1, -1):
        w = tokens[k].text.lower()
        if w in QUOTES:
            continue  # «has been “arbitrarily detained”»: quote marks stand outside the clause
        if w in BE:
            return True
        gap += 1
        if gap > ADVERB_GAP or not tokens[k].is_word or not (
            w.endswith("ly") or w in AUXILIARIES or w in ("not", "never")
        ):
            return False
    return False


DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "some",
        "several",
        "many",
        "two",
        "three",
        "four",
        "five",
        "both",
        "all",
        "other",
    }
)


HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "prof", "sir", "lord", "lady"})


def _lower(tokens: list[Token], k: int) -> str:
    """Token k's text in lower case ("" past the end)."""
    return tokens[k].text.lower() if k < len(tokens) else ""


def _prep_en(tokens: list[Token], i: int) -> str:
    """The word before an English mention, or "by" when it heads the mention's noun phrase ("by the U.N. court", "by
    Mr. Khan": an honorific the name does not cover is part of it)."""
    n = i
    if n >= 2 and tokens[n - 1].text == "." and tokens[n - 2].text.lower() in HONORIFICS:
        n -= 2
    elif n >= 1 and tokens[n - 1].text.lower() in HONORIFICS:
        n -= 1
    k = n - 1
    while k >= 0 and n - k <= 3 and (tokens[k].text.lower() in DETERMINERS or tokens[k].text.isdigit()):
        k -= 1
    if k < i - 1 and k >= 0 and tokens[k].text.lower() == "by":
        return "by"  # only the agent: "of the Syrian parliament" still counts the country as a party
    return tokens[i - 1].text.lower() if i > 0 else ""


def _word_subject(tokens: list[Token], i: int, lang: str, morph: Morph, loose: bool = False) -> bool:
    """Whether a finite verb at token i has a subject before it, in its clause, that is a word and no name: a personal
    pronoun or a common noun in the nominative, of the verb's number, no preposition before it («Він звинуватив
    Ізраїль», «Опозиція звинувачує Саакашвілі»): a name after the verb that may be accusative is then its object."""
    verb = morph.readings(tokens[i].text.lower(), lang)
    if not verb or "VERB" not in verb[0].tags:
        return False
    plural = "plur" in verb[0].tags
    gender = next(iter(verb[0].tags & GENDERS), None)  # a past tense's
    start = max((k + 1 for k in range(i) if tokens[k].text in CLAUSE_BREAKS), default=0)
    for k in _bare_words_before(tokens, i, lang):
        readings = morph.readings(tokens[k].text.lower(), lang)
        tags = readings[0].tags if readings else frozenset()
        if tags & {"Name", "Surn", "Patr", "Geox", "Orgn"} or not tags & {"NOUN", "NPRO"}:
            continue
        if all("nomn" in r.tags for r in readings[:2]) and ("nomn" in tags) and ("plur" in tags) == plural:
            return True
        # a nominative whose accusative is the same, agreeing with a past tense in gender and number («Суд засудив
        # Саакашвілі»): a subject before its verb, as the order goes, when the name after it declines as a noun in the
        # accusative too (not «Закон підтримав Зеленський», whose accusative would be «Зеленського») and no relative or
        # demonstrative pronoun puts an object first («текст якої затвердив британський уряд»)
        if loose and gender and not plural and not _object_opened(tokens, start, i, lang, morph) and any(
            "nomn" in r.tags and "plur" not in r.tags and gender in r.tags for r in readings[:2]
        ):
            return True
    return False


def _object_opened(tokens: list[Token], start: int, i: int, lang: str, morph: Morph) -> bool:
    """Whether a relative or demonstrative pronoun comes between the clause's start and the verb at token i."""
    openers = OBJECT_OPENERS.get(lang, set())
    return any(
        r.lemma in openers
        for k in range(start, i)
        if tokens[k].is_word
        for r in morph.readings(tokens[k].text.lower(), lang)[:2]
    )


def _predicate_first(tokens: list[Token], k: int) -> bool:
    """Whether the clause of token k opens with its verb phrase (auxiliaries, adverbs, then k)."""
    start = max((n + 1 for n in range(k) if tokens[n].text in CLAUSE_BREAKS), default=0)
    if start == 0 or start > k:
        return False
    return all(tokens[n].text.lower() in AUXILIARIES or tokens[n].text.lower().endswith("ly") for n in range(start, k))


def clause_id(tokens: list[Token], k: int) -> int:
    """The number of clause breaks before token k (a crude clause id); `tokens[:k]`'s, for any k."""
    before = prepared(tokens, _breaks_before)
    return before[max(0, len(tokens) + k) if k < 0 else min(k, len(tokens))]


def _breaks_before(tokens: list[Token]) -> list[int]:
    """The number of clause breaks before each token, and before the end."""
    return [0, *accumulate(t.text in CLAUSE_BREAKS for t in tokens)]


def _assign(
    tokens: list[Token],
    slots: list[Slot],
    trigger: tuple[int, int],
    lang: str,
    morph: Morph,
    visit: bool,
    heads: Heads,
    venue: Venue,
    preps: dict[int, str],
) -> Roles:
    """The roles of the mentions `slots` for the trigger; `preps`: the word before each mention (`_preps`)."""
    roles = Roles()
    passive = lang == "en" and passive_en(tokens, trigger[0])
    scene: list[Actor] = []  # English places after the trigger: "lifted a curfew in Montenegro"
    agents: list[Actor] = []  # English agents after "by": the only subjects when named
    for slot in slots:
        prep = preps[slot.i]
        if (
            lang == "en"
            and prep == "by"
            and slot.i >= trigger[1]
            and slot.actor.type != "location"
            and (passive or _lower(tokens, past_quotes(tokens, trigger[1], 1)) == "by")
        ):
            # "was attacked by militiamen", "has been indicted by the court"; "attacks by Mr. Trump", "a visit by
            # Chelsea Clinton": the agent of a passive, or of the act the trigger names right before "by"; after a
            # verb and its noun ("rejected recent calls by Belarus") the noun's agent, whom the verb answers
            answered = trigger[1] - trigger[0] > 1 and tokens[trigger[0]].text.lower().endswith("ed")
            _add(roles.objects if answered and not passive else agents, slot.actor)
            continue
        if lang == "en" and prep == "of" and venue == "done" and not visit and _right_after(tokens, trigger, slot):
            _add(roles.objects, slot.actor)  # "the invasion of Iraq", "the bombing of Aleppo": whom it is done to
            continue
        if lang == "en" and prep in ("to", "toward", "towards") and slot.actor.type == "country":
            _add(roles.objects, slot.actor)  # "aid to Serbia", "apologized to Brazil"; a visit's host all the same
            continue
        if lang in ("ru", "uk") and _agent(tokens, slot, trigger, lang, morph, heads):
            _add(roles.subjects, slot.actor)  # «санкции со стороны США», «Евросоюзом были введены», «власти Грузии»
            continue
        if (
            lang in ("ru", "uk")
            and slot.actor.type == "location"
            and slot.i >= trigger[1]  # after the trigger: «позицію Пекіна про ... переговори» names no party
            and not (visit and slot.i - trigger[1] <= 1)
        ):
            # a city outside «в/у/до ...» stands for its government or is a target: «обвинила Лондон», «переговоры
            # с Вашингтоном», «удар по Харькову»; only as an object, never a subject (datelines: «МОСКВА, 5 марта»)
            if prep in PARTNER[lang]:
                _add(roles.partners, slot.actor)
                continue
            if (
                prep in AGAINST[lang]
                or prep == "по"
                or (
                    prep not in PLACE[lang]
                    and prep not in OTHER_PREP[lang]
                    and (
                        case(tokens, slot, lang, morph) != "nomn"
                        or (slot.i >= trigger[1] and accusative(tokens, slot, lang, morph))
                    )  # «обвинила Лондон»
                )
            ):
                _add(roles.objects, slot.actor)
                continue
        if slot.actor.type == "location" or (prep in PLACE.get(lang, ()) and slot.actor.type == "country"):
            # «в Пекине», «до Москви», and for a visit «посетил Москву»; «засудження Москви» is no place
            if prep in PLACE.get(lang, ()) or (visit and slot.i >= trigger[1] and slot.i - trigger[1] <= 1):
                _add(roles.places, slot.actor)
                if lang == "en" and slot.i >= trigger[1] and slot.actor.country and not _gathered_en(tokens, slot.i):
                    _add(scene, slot.actor)
            continue
        if prep in PARTNER.get(lang, ()):
            _add(roles.partners, slot.actor)
        elif prep in AGAINST.get(lang, ()) or (venue == "done" and not visit and prep in STRUCK_AT.get(lang, ())):
            _add(roles.objects, slot.actor)
        elif prep in OTHER_PREP.get(lang, ()) or prep in PLACE.get(lang, ()):
            continue
        elif lang == "en":
            before = slot.j <= trigger[0] and not _given_to(tokens, slot)
            _add(roles.subjects if before and not passive else roles.objects, slot.actor)
        elif case(tokens, slot, lang, morph) == "nomn" and not (
            # after the trigger, or among a verb phrase's words («звільнив Саакашвілі з-під арешту»)
            (slot.i >= trigger[1] or (slot.i > trigger[0] and morph.has(tokens[trigger[0]].text, lang, "VERB")))
            and clause_id(tokens, slot.i) == clause_id(tokens, trigger[0])
            and accusative(tokens, slot, lang, morph)
            and (
                roles.subjects
                or _word_subject(tokens, trigger[0], lang, morph, loose=accusative_noun(tokens, slot, lang, morph))
            )
        ):
            if (
                slot.j <= trigger[0]
                and clause_id(tokens, slot.i) == clause_id(tokens, trigger[0])
                and _disagrees(tokens, slot, trigger, lang, morph)
            ):
                _add(roles.objects, slot.actor)  # «Ізраїль засудила Туреччина»: the object comes first
            elif (
                slot.actor.type == "person"
                and clause_id(tokens, slot.i) != clause_id(tokens, trigger[0])
                and not _coordinated(tokens, slot, lang)
                and _plural_verb(tokens, trigger, lang, morph)
                and not _plural_noun_before(tokens, trigger[0], lang, morph)
            ):
                # «Бібі була засуджена ..., коли її визнали винною»: a plural verb with no subject in its clause is no
                # one's (with one, «Мей заявила, що міністри підтримали угоду», the speaker stands for the body)
                continue
            else:
                # (in a clause before, a speaker of another gender stands for an unnamed body: «Мей повідомила, що
                # уряд підтримав угоду»)
                _add(roles.subjects, slot.actor)
        else:
            _add(roles.objects, slot.actor)
    if agents:
        roles.subjects = agents
    if venue == "abroad":  # not a subject's own country, nor where people of no known country act (a candidate)
        own = {x.country for x in roles.subjects}
        unknown = bool(roles.subjects) and all(x.type == "person" and not x.country for x in roles.subjects)
        scene = [] if unknown else [p for p in scene if p.country not in own]
    if venue != "never" and lang == "en" and not roles.objects and not roles.partners and len(roles.subjects) < 2:
        # with no one else named, the country where it is done is the one it is done to ("imposed a curfew
        # in Cizre", "deployed troops in Lebanon"); talks held there are talks with it, as for visits. Not
        # with two subjects: "China and Russia held talks in Beijing" is between the two
        roles.objects = scene
    return roles


def _preps(tokens: list[Token], slots: list[Slot], lang: str, morph: Morph) -> dict[int, str]:
    """The preposition (or the word) before each mention, by its first token. The later members of a list of names
    have the first member's: «в Испании, Бельгии, Италии и Португалии» are four places, "talks with Russia and
    China" two partners. A list is joined by commas and at least one of the language's list words; in Russian and
    Ukrainian a member that reads as nominative opens a clause of its own («в Москве, и Путин сказал»); people and
    bodies are not members of one list."""
    own: dict[int, str] = {}
    for slot in slots:
        prep = _prep_en(tokens, slot.i) if lang == "en" else tokens[slot.i - 1].text.lower() if slot.i > 0 else ""
        if prep in PLACE_NOUNS.get(lang, ()) and slot.i > 1 and tokens[slot.i - 2].text.lower() in PLACE[lang]:
            prep = tokens[slot.i - 2].text.lower()  # «в деревне Иттан Вали»: the name's preposition is the noun's
        own[slot.i] = prep
    prepositions = (PARTNER[lang] | PLACE[lang] | AGAINST[lang] | STRUCK_AT[lang] | OTHER_PREP[lang]) - UNSHARED[lang]
    joiners = LIST_JOINERS[lang]
    chains: list[list[Slot]] = []
    for slot in sorted(slots, key=lambda s: s.i):
        between = [t.text.lower() for t in tokens[chains[-1][-1].j : slot.i]] if chains else []
        if between == [","] or (between[-1:] and between[-1] in joiners and between[:-1] in ([], [","])):
            chains[-1].append(slot)  # ", ", "и", ", and"
        else:
            chains.append([slot])
    for chain in chains:
        first = own[chain[0].i]
        if len(chain) < 2 or first not in prepositions or not _joined(tokens, chain, joiners):
            continue
        for member in chain[1:]:
            if (member.actor.type == "person") != (chain[0].actor.type == "person"):
                continue  # "Mark Zuckerberg at Facebook and Timothy D. Cook": a person in a list of bodies
            if lang == "en" or case(tokens, member, lang, morph) != "nomn":
                own[member.i] = first
    return own


def _joined(tokens: list[Token], chain: list[Slot], joiners: set[str]) -> bool:
    """Whether a list word joins some two members of the chain (not commas only: «в Москве, Пекин ...»)."""
    return any(t.text.lower() in joiners for a, b in zip(chain, chain[1:], strict=False) for t in tokens[a.j : b.i])


def _given_to(tokens: list[Token], slot: Slot) -> bool:
    """Whether an English mention is the first object of a verb of giving ("will give Tanzania a grant", "gave the
    Ivory Coast 5.1 million dollars of aid"): whom the thing is given to; not a possessor ("granted Judicial Watch's
    request") nor what is handed on to someone ("gave Nega to ...")."""
    after = tokens[slot.j].text.lower() if slot.j < len(tokens) else ""
    if tokens[slot.j - 1].text.endswith(OWNED) or after in OWNED or after == "to":
        return False
    k = slot.i - 1
    while k >= 0 and tokens[k].text.lower() in DETERMINERS:
        k -= 1
    return k >= 0 and tokens[k].text.lower() in GIVING["en"]


def _right_after(tokens: list[Token], trigger: tuple[int, int], slot: Slot) -> bool:
    """Whether a mention follows the trigger's words with only "of" and a determiner between ("invasion of Iraq",
    "the bombing of the city of Aleppo" is not)."""
    between = [t.text.lower() for t in tokens[trigger[1] : slot.i]]
    return bool(between) and between[0] == "of" and all(w in ("the", "a", "an") for w in between[1:])


def _gathered_en(tokens: list[Token], k: int) -> bool:
    """Whether the English place at token k is where people gather or a contest is held ("thanked supporters at a
    rally in Mississippi", "a town hall meeting in Columbus", "her victory in Iowa"): a venue, not the party
    to what is done there, unlike "refused to deploy peacekeepers in Iraq"."""
    if k < 1 or tokens[k - 1].text.lower() not in PLACE["en"]:
        return False
    for n in range(k - 2, max(-1, k - 2 - VENUE_SPAN), -1):
        if tokens[n].text in CLAUSE_BREAKS:
            return False
        if tokens[n].text.lower() in VENUE_NOUNS:
            return True
    return False


@dataclass(frozen=True)
class Heads:
    """Nominative heads whose genitive complement is the acting state or body («власти Грузии задержали»,
    «представители Евросоюза поддерживают», «міністри країн ЄС підтримали»), as lemmas, and the words that
    may stand between them («стран», «країн»): `agent_heads` and `agent_between` in the cue files."""

    lemmas: frozenset[str] = frozenset()
    between: frozenset[str] = frozenset()


def _agent(tokens: list[Token], slot: Slot, trigger: tuple[int, int], lang: str, morph: Morph, heads: Heads) -> bool:
    """Russian and Ukrainian agents that are not nominative: «со стороны X» / «з боку X»; an instrumental
    mention in a passive clause («Евросоюзом были введены санкции», «Євросоюзом запроваджено»); a genitive
    country after a nominative head before the trigger («Власти Грузии задержали»)."""
    word, preps = AGENT_MARK[lang]
    if slot.i >= 2 and tokens[slot.i - 1].text.lower() == word and tokens[slot.i - 2].text.lower() in preps:
        return True
    before = tokens[slot.i - 1].text.lower() if slot.i > 0 else ""
    k = slot.i - 1
    if k > 0 and _lemma(tokens[k].text, lang, morph) in heads.between:
        k -= 1  # «міністри країн ЄС»
    if (
        k >= 0
        and _lemma(tokens[k].text, lang, morph) in heads.lemmas
        # before the trigger, or before the verb of a phrase whose object comes first («Відповідальність за акцію
        # глава Cockpit покладає на ...»)
        and (
            slot.j <= trigger[0]
            or any(morph.has(tokens[x].text.lower(), lang, "VERB") for x in range(slot.j, trigger[1]))
        )
        and clause_id(tokens, slot.i) == clause_id(tokens, trigger[0])
        and (k < 1 or not tokens[k - 1].is_word or not tokens[k - 1].text[0].isalpha()
             or tokens[k - 1].text.lower() in CONJUNCTIONS | QUANTITY or tokens[k - 1].text.isdigit()
             or _opens_phrase(tokens, k, lang, morph))
    ):
        return True
    if before in PARTNER[lang] | PLACE[lang] | AGAINST[lang] | OTHER_PREP[lang]:
        return False
    words = [t.text for t in tokens[slot.i : slot.j] if t.is_word]
    readings = morph.readings(words[0].lower(), lang) if words else []
    if not readings or "ablt" not in readings[0].tags or slot.actor.type == "person":
        return False
    clause = clause_id(tokens, trigger[0])
    return any(
        clause_id(tokens, k) == clause
        and t.is_word
        and (
            morph.has(t.text.lower(), lang, "PRTS", "pssv")
            or (lang == "uk" and morph.has(t.text.lower(), lang, "Impe"))
        )
        for k, t in enumerate(tokens)
    )


CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})
GENDERS = frozenset({"masc", "femn", "neut"})


def _disagrees(tokens: list[Token], slot: Slot, trigger: tuple[int, int], lang: str, morph: Morph) -> bool:
    """Whether a mention cannot be the subject of the trigger's past-tense singular verb, which agrees with its
    subject in gender («Ізраїль засудила Туреччина»: Turkey condemns; «Макрона підтримала Франція»): every nominative
    reading of its declinable words has another gender. Names that do not decline (Fixd: «НАТО», «Мей») say nothing."""
    verb = next((k for k in range(trigger[0], trigger[1]) if morph.has(tokens[k].text.lower(), lang, "VERB")), -1)
    if verb < 0:
        return False
    tags = morph.readings(tokens[verb].text.lower(), lang)[0].tags
    gender = next(iter(tags & GENDERS), None)
    if "past" not in tags or gender is None or "plur" in tags:
        return False
    if slot.i > 0 and (tokens[slot.i - 1].text in QUOTES or morph.has(tokens[slot.i - 1].text.lower(), lang, "NOUN")):
        return False  # a name set beside a noun agrees through it («магазин «Молодая гвардия» отказался»)
    genders: set[str] = set()
    for t in tokens[slot.i : slot.j]:
        if not t.is_word:
            continue
        for r in morph.readings(t.text.lower(), lang):
            if "nomn" in r.tags and "Fixd" not in r.tags:
                genders |= r.tags & GENDERS
    return bool(genders) and gender not in genders


def _plural_noun_before(tokens: list[Token], i: int, lang: str, morph: Morph) -> bool:
    """Whether a common noun or pronoun that may be a plural nominative stands before token i in its clause, with no
    preposition before it («що міністри її кабінету підтримали»)."""
    return any(
        {"nomn", "plur"} <= r.tags and r.tags & {"NOUN", "NPRO"} and not r.tags & {"Name", "Surn", "Geox", "Orgn"}
        for k in _bare_words_before(tokens, i, lang)
        for r in morph.readings(tokens[k].text.lower(), lang)[:2]
    )


def _bare_words_before(tokens: list[Token], i: int, lang: str) -> Iterator[int]:
    """The words before token i in its clause that no preposition governs."""
    start = max((k + 1 for k in range(i) if tokens[k].text in CLAUSE_BREAKS), default=0)
    preps = PARTNER[lang] | PLACE[lang] | AGAINST[lang] | OTHER_PREP[lang]
    for k in range(start, i):
        if tokens[k].is_word and not (k > 0 and tokens[k - 1].text.lower() in preps):
            yield k


def _coordinated(tokens: list[Token], slot: Slot, lang: str) -> bool:
    """Whether a list word joins the mention to a neighbour («Дональд Трамп и его жена», «Вера и Илья Политковские»)."""
    joiners = LIST_JOINERS[lang]
    return (slot.i > 0 and tokens[slot.i - 1].text.lower() in joiners) or (
        slot.j < len(tokens) and tokens[slot.j].text.lower() in joiners
    )


def _plural_verb(tokens: list[Token], trigger: tuple[int, int], lang: str, morph: Morph) -> bool:
    """Whether the trigger's first verb is a finite verb in the plural only (no person is its subject)."""
    verb = next((k for k in range(trigger[0], trigger[1]) if morph.has(tokens[k].text.lower(), lang, "VERB")), -1)
    readings = morph.readings(tokens[verb].text.lower(), lang) if verb >= 0 else ()
    return bool(readings) and all("plur" in r.tags for r in readings if "VERB" in r.tags)


def _opens_phrase(tokens: list[Token], k: int, lang: str, morph: Morph) -> bool:
    """Whether the head at k, after another word, still opens its own noun phrase: it can be nominative and never
    genitive, so it is no complement of the noun before it («Виплату компенсацій керівництво Ryanair відхиляє»), and
    no preposition governs it («за руководство»)."""
    readings = morph.readings(tokens[k].text.lower(), lang)
    before = morph.readings(tokens[k - 1].text.lower(), lang)
    # a noun the dictionary gives no case (Ukrainian «глава») is read as its nominative
    uncased = bool(readings) and not any(r.tags & CASES for r in readings)
    return (
        (uncased or any("nomn" in r.tags for r in readings))
        and not any("gent" in r.tags for r in readings)
        and not (before and "PREP" in before[0].tags)
    )


def _lemma(word: str, lang: str, morph: Morph) -> str:
    readings = morph.readings(word.lower(), lang)
    return readings[0].lemma if readings else word.lower()


def _copy(roles: Roles) -> Roles:
    return Roles(list(roles.subjects), list(roles.objects), list(roles.partners), list(roles.places), roles.relative)


def _add(group: list[Actor], actor: Actor) -> None:
    if all(a.id != actor.id for a in group):
        group.append(actor)
