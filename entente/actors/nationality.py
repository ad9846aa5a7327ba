"""Countries of people the base does not know, from how the article describes them without their name.

«29-летний москвич Дмитрий Смилянец ... Россиянин, которого обвиняют ...»: «Россиянин» is Smilyanets,
so he is Russian; «... Виктор Бут ... российскому бизнесмену ...», "The Chinese finance minister jabbed
back ... The finance minister, Lou Jiwei, suggested ...". A description is a demonym or a country
adjective with a person noun («Россиянин», «российскому бизнесмену», "Chinese finance minister"). It
names the person whose name its phrase runs into («американскому исполнителю ритм-н-блюза Ар Келли»; the
two words just before a name context.py already reads as the mention is linked) or follows («Виктор Бут,
российский бизнесмен»); in a sentence that names no one, the one person named in the sentences just before
and after it; beside another name, or among several people, no one. A person described as of two
countries gets neither.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from entente.actors.anaphora import Person
from entente.extract.ner import Entity
from entente.extract.roles import Roles
from entente.nlp.morph import Morph
from entente.nlp.tokens import SENTENCE_END, Token

APPOSITION = 4  # words from a describing noun to the name its phrase leads to
TITLE_SPAN = 4  # words from a title noun to the country genitive completing it («министр по делам ... Великобритании»)
NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


def described(
    tokens: list[Token],
    lang: str,
    people: Sequence[Person],
    entities: Sequence[Entity],
    morph: Morph,
    roles: Roles,
    unknown: set[str],
) -> dict[str, str]:
    """Country by person id for the people in `unknown` (no country yet) that the article describes."""
    if not unknown:
        return {}
    sentence = _sentence_numbers(tokens)
    named = {k: p.id for p in people for k in range(p.i, p.j)}
    votes: dict[str, set[str]] = defaultdict(set)
    for code, a, b in _country_adjectives(tokens, entities):
        head = _person_noun(tokens, a, b, lang, morph, roles)
        if head is None or head in named:
            continue  # «Литовский премьер» already stands for someone (a title the article resolved)
        after = _name_after(tokens, head, named, lang, morph)
        if after is not None:  # «американскому исполнителю ритм-н-блюза Ар Келли»: the name the phrase leads to
            if after in unknown:
                votes[after].add(code)
            continue
        before = named.get(_skip(tokens, a - 1, -1))
        if before is not None:  # «Виктор Бут, российский бизнесмен»
            if before in unknown:
                votes[before].add(code)
            continue
        referent = _referent(people, sentence, sentence[head])
        if referent is not None and referent in unknown:
            votes[referent].add(code)
    for code, a, b in _country_genitives(tokens, entities, lang, morph):
        # «министр иностранных дел Великобритании Борис Джонсон», «глава МИД Литвы ...»: a title with its country
        after = _name_after(tokens, b - 1, named, lang, morph)
        if after is not None and after in unknown and _title_before(tokens, a, lang, morph) is not None:
            votes[after].add(code)
    return {pid: next(iter(codes)) for pid, codes in votes.items() if len(codes) == 1}


def _name_after(tokens: list[Token], head: int, named: dict[int, str], lang: str, morph: Morph) -> str | None:
    """The person whose name the noun phrase of `head` runs into within APPOSITION words («бизнесмен Виктор Бут»,
    «исполнителю ритм-н-блюза Ар Келли», "minister, Lou Jiwei"): only nouns, adjectives and a comma between, no
    verb."""
    for k in range(head + 1, min(len(tokens), head + 1 + APPOSITION)):
        if k in named:
            return named[k]
        word = tokens[k].text
        if word == ",":
            continue
        if not tokens[k].is_word or (lang == "en" and word[:1].islower()):
            return None  # English: a comma at most ("minister, Lou Jiwei"); not "an official and Gilbert Chagoury"
        readings = morph.readings(word.lower(), lang) if lang != "en" else ()
        if readings and readings[0].tags & {"VERB", "INFN", "PRTF", "PRTS", "GRND", "PREP", "CONJ", "verb"}:
            return None
    return None


def _referent(people: Sequence[Person], sentence: list[int], at: int) -> str | None:
    """The one person a description in sentence `at` can stand for: in a sentence that names no one, the only
    person named in the sentences just before and after it («... Смилянец ... . Россиянин, которого ...»). None
    when its own sentence names someone («Бельгиец заменил Рикарду Са Пинту», «об убийстве бразильца ... Дик»:
    a description beside a name is mostly someone else) or more than one person is named around it."""
    if any(sentence[p.i] == at for p in people):
        return None
    around = {p.id for p in people if abs(sentence[p.i] - at) == 1}
    return next(iter(around)) if len(around) == 1 else None


def _sentence_numbers(tokens: list[Token]) -> list[int]:
    out, n = [], 0
    for t in tokens:
        out.append(n)
        if t.text and t.text[-1] in SENTENCE_END:
            n += 1
    return out


def _country_adjectives(tokens: list[Token], entities: Sequence[Entity]) -> list[tuple[str, int, int]]:
    """(country code, first token, token after the last) of every demonym or country adjective."""
    starts = {t.start: k for k, t in enumerate(tokens)}
    out = []
    for e in entities:
        hit = next((h for h in e.hits if h.entry.type == "country" and h.how == "adj"), None)
        if hit is None or e.start not in starts:
            continue
        a = starts[e.start]
        b = a
        while b < len(tokens) and tokens[b].start < e.end:
            b += 1
        code = hit.entry.country or hit.entry.id
        if code and not any(h.entry.type == "country" and (h.entry.country or h.entry.id) != code for h in e.hits):
            out.append((code, a, b))  # «китайско-российские»: two countries, no one's nationality
    return out


def _country_genitives(
    tokens: list[Token], entities: Sequence[Entity], lang: str, morph: Morph
) -> list[tuple[str, int, int]]:
    """(country code, first token, token after the last) of every country named in the genitive, one word long
    («Великобритании», «Литвы»), in Russian and Ukrainian."""
    if lang not in ("ru", "uk"):
        return []
    starts = {t.start: k for k, t in enumerate(tokens)}
    out = []
    for e in entities:
        hits = [h for h in e.hits if h.entry.type == "country"]
        if not hits or any(h.how == "adj" for h in hits) or e.start not in starts:
            continue
        a = starts[e.start]
        if a + 1 < len(tokens) and tokens[a + 1].start < e.end:
            continue  # «Соединённых Штатов»: the case of a phrase is not read here
        codes = {h.entry.country or h.entry.id for h in hits}
        readings = morph.readings(tokens[a].text.lower(), lang)
        if len(codes) == 1 and readings and "gent" in readings[0].tags:
            out.append((next(iter(codes)), a, a + 1))
    return out


def _title_before(tokens: list[Token], a: int, lang: str, morph: Morph) -> int | None:
    """The title noun a country genitive at token a completes, within TITLE_SPAN lower-case words before it
    («министр иностранных дел», «глава МИД», «посол»): a singular person noun, with no verb or punctuation between;
    a preposition inside the title is allowed («министр по делам ...»), not right before the country («по Сирии»)."""
    if a > 0 and (readings := morph.readings(tokens[a - 1].text.lower(), lang)) and "PREP" in readings[0].tags:
        return None  # «спецпосланник по Сирии», «посол в Беларуси»: a place the title concerns, not its country
    for k in range(a - 1, max(-1, a - 1 - TITLE_SPAN), -1):
        word = tokens[k].text
        if not tokens[k].is_word:
            return None
        opens = k == 0 or tokens[k - 1].text[-1:] in SENTENCE_END
        if _singular_person(word, lang, morph) and (word[:1].islower() or opens):
            return k
        readings = morph.readings(word.lower(), lang)
        if readings and readings[0].tags & {"VERB", "INFN", "PRTS", "GRND", "CONJ", "verb"}:
            return None
    return None


def _person_noun(tokens: list[Token], a: int, b: int, lang: str, morph: Morph, roles: Roles) -> int | None:
    """The token of the one person the country word at [a, b) describes, or None: the demonym itself
    («Россиянин»), or the singular person noun after the adjective («российскому бизнесмену», one more
    adjective allowed between: «российскому опальному бизнесмену»); in English a role ("Chinese finance
    minister")."""
    if lang == "en":
        m = roles.at(tokens, b) if b < len(tokens) else None
        if m is None or any(t.text[:1].isupper() for t in tokens[m.start : m.end]):
            return None
        return m.end - 1
    if b - a != 1:
        return None  # «американским спецназом»: the adjective belongs to a body the entity names
    if _singular_person(tokens[a].text, lang, morph):
        return a
    for k in (b, b + 1):
        if k >= len(tokens) or not tokens[k].is_word or tokens[k].text[:1].isupper():
            return None
        if _singular_person(tokens[k].text, lang, morph):
            return k
        readings = morph.readings(tokens[k].text.lower(), lang)
        if not readings or not readings[0].tags & {"ADJF", "adj"}:
            return None
    return None


def _singular_person(word: str, lang: str, morph: Morph) -> bool:
    readings = morph.readings(word.lower(), lang)
    if not readings:
        return False
    tags = readings[0].tags
    return {"NOUN", "anim"} <= tags and "plur" not in tags and not tags & NAME_TAGS


def _skip(tokens: list[Token], k: int, step: int) -> int:
    """The first token from k on, in direction `step`, that is not a comma or a quotation mark."""
    while 0 <= k < len(tokens) and tokens[k].text in "«»\"“”„,":
        k += step
    return k
