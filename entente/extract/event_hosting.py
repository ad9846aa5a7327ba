"""A visit seen from the host: «Путин принял в Кремле министра обороны КНР Ли Шанфу», «Зеленський прийняв
у Києві прем'єр-міністра Польщі», "Putin hosted Xi in Moscow", "Xi received the visiting Russian foreign
minister".

The host is the verb's subject, the visitor its direct object. PLOVER codes the visitor as the actor and
the host as the recipient (manual, CONSULT, "Requires recipient": "the visitor will always be coded as the
actor and the host will be the recipient"), as for «Ли Шанфу посетил Москву»; the mode is `visit`.

The same verbs take things: «принял закон / решение / участие», "received a letter / an award". Only a
person, country or organization that is the direct object counts as the visitor, named directly or after a
noun of the cues' `visitor` list («принял делегацию Китая», "received a delegation from China"); with none
the verb codes nothing. Admission to a body («приняли Финляндию в НАТО», «в члены») is not a visit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from entente.extract.event_args import DETERMINERS, Roles, Slot, passive_en
from entente.extract.event_grammar import AGAINST, CONJUNCTIONS, LED_BY, NEAR, OTHER_PREP, PARTNER, PLACE, SOURCE
from entente.extract.event_sentence import CLAUSE_BREAKS, PARTICIPANTS, Key
from entente.models import Event
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

if TYPE_CHECKING:
    from entente.extract.event_lexicon import Cues, Trigger

PREPS = {
    lang: PLACE[lang] | OTHER_PREP[lang] | PARTNER[lang] | AGAINST[lang] | NEAR[lang] for lang in ("ru", "uk", "en")
}
_ALL_PREPS = frozenset().union(*PREPS.values())
# a visitor named after its head noun: «делегацию из Китая», «делегацію від ЄС», "a delegation from China"
FROM = SOURCE
SKIP = frozenset({"ADVB", "PRCL", "CONJ", "NUMR", "INTJ", "ADJF", "PRTF", "ADJS", "COMP", "GRND"})
# English words after a mention that do not make it an attribute of a noun ("received Lavrov yesterday")
NOT_HEADS = frozenset(
    {"and", "or", "who", "whom", "that", "which", "as", "yesterday", "today", "tonight", "earlier", "later"}
)
WHO = 6  # tokens after a visitor noun in which its country or body is named («делегацию парламента Китая»)


def hosted_guests(
    found: Sequence[tuple[Trigger, int, int]],
    tokens: list[Token],
    slots: list[Slot],
    lang: str,
    morph: Morph,
    lemma: Callable[[int], str | None],
    cues: Cues,
) -> dict[int, list[Slot]]:
    """The visitors of each hosting trigger of a sentence that has one, by the trigger's token position."""
    out = {}
    for trigger, i, j in found:
        if trigger.host and (v := visitors(tokens, slots, (i, j), lang, morph, lemma, cues.visitor, cues.admission)):
            out[i] = v
    return out


def drop_hosted(out: dict[Key, Event], hosted: list[Key]) -> None:
    """ "Yeltsin hosted Hashimoto ... for an informal meeting": a meeting of the host and the visitor in the
    sentence of the visit is that visit, coded once, with the visitor as the actor."""
    for h in hosted:
        parties = set(h[1]) | set(h[2])
        for k in [k for k in out if k[3] == h[3] and k[0] == "CONSULT" and k not in hosted]:
            if set(k[1]) | set(k[2]) <= parties:
                del out[k]


def visitors(
    tokens: list[Token],
    slots: list[Slot],
    trigger: tuple[int, int],
    lang: str,
    morph: Morph,
    lemma: Callable[[int], str | None],
    heads: set[str],
    admission: set[str],
) -> list[Slot]:
    """The mentions of the visitor of a hosting verb at `trigger`, or [] when it hosts no one.

    `lemma(k)`: the lemma of token k; `heads`: nouns that head a visitor («делегация», "delegation");
    `admission`: nouns that make «принять в ...» an admission («член», «состав»)."""
    end = next((k for k in range(trigger[1], len(tokens)) if tokens[k].text in CLAUSE_BREAKS), len(tokens))
    verb = morph.readings(tokens[trigger[0]].text.lower(), lang)
    if verb and verb[0].tags & {"pssv", "Impe"}:
        return []  # «закона, принятого ...», «решение было принято ...», «прийнято»: what was adopted
    if _admission(tokens, slots, trigger[1], end, lang, lemma, admission):
        return []
    if lang == "en" and not _english_verb(tokens, trigger[0]):
        return []  # "radio host Hugh Hewitt", "the hosts": a noun
    if lang == "en" and passive_en(tokens, trigger[0]):
        # "Lavrov was received by Xi": the visitor is the subject before the verb, the host the "by" agent
        start = max((k + 1 for k in range(trigger[0]) if tokens[k].text in CLAUSE_BREAKS), default=0)
        if not any(s.i > trigger[0] and s.actor.type in PARTICIPANTS and tokens[s.i - 1].text == "by" for s in slots):
            return []  # "he was received by waves of protesters": no host
        return [s for s in slots if start <= s.i and s.j <= trigger[0] and s.actor.type in PARTICIPANTS]
    first: dict[int, Slot] = {}  # the longest mention starting at each token
    for s in slots:
        if s.i not in first or s.j > first[s.i].j:
            first[s.i] = s
    find = _object_en if lang == "en" else _object
    k = find(tokens, first, trigger[1], end, lang, morph, lemma, heads)
    if k is None:
        return []
    return _group(tokens, slots, first[k], end)


# words before a bare "host" / "receive" that make it a verb: "will host", "to receive", "did not host"
VERB_BEFORE = frozenset(
    {"to", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do", "not"}
)


def _english_verb(tokens: list[Token], i: int) -> bool:
    """Whether an English hosting word is a verb: "hosted", "received", "is hosting", "will host"; not the
    noun of "radio host Hugh Hewitt", "the hosts", "the hosting of"."""
    word = tokens[i].text.lower()
    before = tokens[i - 1].text.lower() if i > 0 else ""
    if before in DETERMINERS:
        return False
    if word.endswith(("ed", "ing")):
        return True
    return before in VERB_BEFORE


def as_visit(roles: Roles, guests: list[Slot]) -> Roles:
    """The roles of a hosting verb as PLOVER codes a visit: the visitors are the actor, the hosts (the
    verb's subjects) the recipient; the place where they are received stays a place."""
    visiting = list(dict.fromkeys(s.actor for s in guests))
    hosts = [a for a in roles.subjects if a not in visiting]
    return Roles(subjects=visiting, objects=hosts, places=roles.places, relative=roles.relative)


def _object(
    tokens: list[Token],
    first: dict[int, Slot],
    k: int,
    end: int,
    lang: str,
    morph: Morph,
    lemma: Callable[[int], str | None],
    heads: set[str],
) -> int | None:
    """Russian and Ukrainian: the token where the verb's direct object names the visitor. Adverbials are
    passed over: prepositional phrases with their genitive attributes («в Кремле», «на полях саммита ШОС»),
    adverbs, adjectives, dates («16 апреля»); the first accusative noun or mention is the object."""
    in_pp = noun_seen = False
    while k < end:
        t = tokens[k]
        if not t.is_word:
            k += 1
            continue
        word = t.text.lower()
        s = first.get(k)
        readings = morph.readings(word, lang)
        tags = readings[0].tags if readings else frozenset()
        if s is not None:
            acronym = t.text.isupper() and len(t.text) > 1
            if in_pp and (not noun_seen or acronym or not _accusative(tokens, s, lang, morph)):
                in_pp = noun_seen = True  # the phrase's own noun or its genitive attribute: «в Кремле», «саммита ШОС»
                k = s.j
                continue
            if s.actor.type not in PARTICIPANTS or not _accusative(tokens, s, lang, morph):
                return None
            return k if _head_of_phrase(tokens, s, lang, morph, lemma, heads) else None
        if word in CONJUNCTIONS:
            return None  # «принял и ...»: the object, if any, belongs to another verb
        if word in PREPS[lang] or "PREP" in tags:
            in_pp, noun_seen = True, False
        elif tags & SKIP or t.text.isdigit():
            pass
        elif "NPRO" in tags and in_pp:
            noun_seen = True  # «у себя»
        elif in_pp and not noun_seen:
            noun_seen = True
        elif not (morph.has(word, lang, "accs") or "Fixd" in tags):
            if not (in_pp or tokens[k - 1].text.isdigit()):
                return None  # a subject after the verb: «Роды ... принимали акушеры»
            # a genitive attribute or a date: «на полях саммита», «16 апреля»
        else:
            return _after_head(first, k, end, tokens, lang) if lemma(k) in heads else None
        k += 1
    return None


def _object_en(
    tokens: list[Token],
    first: dict[int, Slot],
    k: int,
    end: int,
    lang: str,
    morph: Morph,
    lemma: Callable[[int], str | None],
    heads: set[str],
) -> int | None:
    """English: the first mention or noun after the verb, past determiners, "visiting", adverbs and
    prepositional phrases ("hosted in Beijing on Monday the ...")."""
    in_pp = False
    while k < end:
        t = tokens[k]
        word = t.text.lower()
        s = first.get(k)
        if not t.is_word or t.text.isdigit():
            pass
        elif s is not None:
            if in_pp:
                in_pp = False
                k = s.j
                continue
            if s.actor.type not in PARTICIPANTS:
                return None
            return k if _head_of_phrase(tokens, s, lang, morph, lemma, heads) else None
        elif word in PREPS[lang]:
            in_pp = True
        elif word in DETERMINERS or word in ("visiting", "top", "senior") or word.endswith("ly"):
            pass
        elif word in CONJUNCTIONS:
            return None  # "... received in 1992 and Bob Dole": another clause
        elif t.text[:1].isupper() and _title_before(tokens, first, k, end):
            pass  # a title or a nationality outside a mention: "Russian Foreign Minister Sergei Lavrov"
        elif in_pp:
            in_pp = False  # the phrase's noun: "on Monday", "in the capital"
        else:
            return _after_head(first, k, end, tokens, lang) if lemma(k) in heads else None
        k += 1
    return None


def _title_before(tokens: list[Token], first: dict[int, Slot], k: int, end: int) -> bool:
    """Whether capitalized words from token k run into a mention: "Russian Foreign Minister [Sergei Lavrov]"."""
    for n in range(k, min(end, k + 4)):
        if n in first:
            return True
        if not tokens[n].text[:1].isupper():
            return False
    return False


def _after_head(first: dict[int, Slot], k: int, end: int, tokens: list[Token], lang: str) -> int | None:
    """The visitor named after its head noun: «делегацию Китая», «делегацию из Китая», "a delegation from
    China", "his Russian counterpart Sergei Lavrov"; not a place («делегацию в Кремле»)."""
    for n in range(k + 1, min(end, k + 1 + WHO)):
        s = first.get(n)
        before = tokens[n - 1].text.lower()
        if s is not None and s.actor.type in PARTICIPANTS and (before not in PREPS[lang] or before in FROM):
            return n
        word = tokens[n].text.lower()
        if word in PREPS[lang] and word not in FROM and not _led(tokens, n):
            return None
    return None


def _led(tokens: list[Token], n: int) -> bool:
    """«во главе с», «на чолі з»: the delegation's leader follows."""
    return (
        n + 2 < len(tokens)
        and tokens[n + 1].text.lower() in LED_BY
        and tokens[n + 2].text.lower() in FROM | PARTNER["ru"]
    )


def _head_of_phrase(
    tokens: list[Token],
    s: Slot,
    lang: str,
    morph: Morph,
    lemma: Callable[[int], str | None],
    heads: set[str],
) -> bool:
    """Whether a mention is the object itself, not an attribute of a noun after it: «китайскую делегацию»
    and "the Chinese delegation" are visitors, «российский газ» and "Chinese investment" are not."""
    k = s.j
    if k >= len(tokens) or not tokens[k].is_word:
        return True
    word = tokens[k].text.lower().rstrip(".")  # the tokenizer keeps a sentence's last period on its word
    if lang == "en":
        attribute = (
            tokens[k].text[:1].islower()
            and word not in PREPS[lang]
            and word not in NOT_HEADS
            and not word.endswith("ly")
        )
    else:
        readings = morph.readings(tokens[s.j - 1].text.lower(), lang)
        attribute = bool(readings) and "ADJF" in readings[0].tags and morph.has(word, lang, "NOUN")
    return not attribute or lemma(k) in heads


def _group(tokens: list[Token], slots: list[Slot], s: Slot, end: int) -> list[Slot]:
    """The visitor's mentions: the first, and those joined to it by apposition or «и» with no preposition
    between («министра обороны КНР Ли Шанфу», "Putin and Rouhani")."""
    out = [x for x in slots if x.i == s.i]
    last = max(x.j for x in out)
    for x in sorted(slots, key=lambda x: x.i):
        if x.i < last or x.i >= end or x.actor.type not in PARTICIPANTS:
            continue
        gap = tokens[last : x.i]
        if len(gap) > 3 or any(not t.is_word or t.text.lower() in _ALL_PREPS for t in gap):
            break
        out.append(x)
        last = x.j
    return out


def _accusative(tokens: list[Token], s: Slot, lang: str, morph: Morph) -> bool:
    """Whether a mention can be a direct object: some word of it can be accusative (a person's also genitive,
    as animate nouns are, though the dictionary may guess an unknown surname inanimate: «Макрона»), or it
    does not decline (КНР, США, Ли)."""
    words = [t.text for t in tokens[s.i : s.j] if t.is_word]
    cases = ("accs", "gent") if s.actor.type == "person" else ("accs",)
    return any((w.isupper() and len(w) > 1) or any(morph.has(w, lang, c) for c in (*cases, "Fixd")) for w in words)


def _admission(
    tokens: list[Token],
    slots: list[Slot],
    start: int,
    end: int,
    lang: str,
    lemma: Callable[[int], str | None],
    admission: set[str],
) -> bool:
    """«приняли Финляндию в НАТО», «прийняти до ЄС», «принять в члены»: admitted to a body, not received."""
    for k in range(start, end - 1):
        if tokens[k].text.lower() not in PLACE[lang] | {"во", "into"}:
            continue
        if any(lemma(n) in admission for n in range(k + 1, min(end, k + 3))):
            return True  # «в члены», «в свои ряды»
        if any(s.i == k + 1 and s.actor.sector == "IGO" for s in slots):
            return True
    return False
