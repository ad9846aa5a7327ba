"""Bare titles that refer back to a person the article introduced with the same title.

«Британский премьер-министр Тереза Мэй приняла отставку министра ... Дэвида Дэвиса. Премьер поблагодарила
министра за проделанную работу»: «Премьер» is May and «министра» Davis, because the article itself named
them with those titles. A bare title refers to the last person introduced with it before; else, for an
office, to the one person named before whom the base knows to have held it; else to no one (no guess from
today's office holders). A title with its own country, name or qualifier («новый премьер», «премьер
Италии», «министры») names someone else or is resolved elsewhere (context.py `titles`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from entente.actors.context import Context
from entente.actors.window import Window
from entente.extract.ner import Entity
from entente.extract.roles import RoleMatch
from entente.nlp.morph import Morph
from entente.nlp.tokens import SENTENCE_END, Token

INTRODUCED = "title the article gave this person before"
# one holder per body: the same office is the same person; a class of people («основатель», «председатель
# правления»: both `business`) is the same person only under the same word
OFFICES = frozenset(
    {
        "president",
        "vice_president",
        "prime_minister",
        "deputy_prime_minister",
        "foreign_minister",
        "defence_minister",
        "minister",
        "monarch",
        "speaker",
        "igo_head",
        "central_bank_head",
        "governor",
        "mayor",
        "party_leader",
        "opposition_leader",
        "intelligence_chief",
        "military_chief",
    }
)
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "«", "»", '"', "“", "”"})
# a title after these names an office, not its holder («на пост президента», «в должности министра», «на посаду»)
OFFICE_NOUNS = frozenset({"пост", "должность", "посада", "кресло", "крісло", "звание", "звання", "качество", "якість",
                          "статус", "post", "office", "position"})
# a title after these is said of someone, not a reference to them («может стать президент», «был министром»)
COPULAS = frozenset({"стать", "быть", "являться", "назначить", "избрать", "стати", "бути", "бувати", "призначити",
                     "обрати", "become", "be", "appoint", "elect", "name"})


@dataclass(frozen=True)
class Person:
    """A person's mention as token range [i, j), with the actor id it was linked to."""

    id: str
    i: int
    j: int


def bare_titles(
    text: str, tokens: list[Token], lang: str, people: Sequence[Person], entities: Sequence[Entity], context: Context,
    morph: Morph, window: Window | None = None,
) -> list[tuple[int, int, str]]:
    """(first token, token after the last, person id) of every bare title that refers back to a person; `window`: the
    article's time, when known (an office taken up after it is not the one the title names)."""
    intros: list[tuple[int, str, str]] = []  # (token, role, person id), in text order
    taken: set[int] = set()  # role tokens that introduce someone: not bare
    for p in people:
        role = context.role_before(tokens, p.i)
        if (
            role is not None
            and not _predicate_between(tokens, role.end, p.i, lang, morph)
            # a title introduces the name next after it: «пресс-служба премьер-министра Терезы Мэй в Ранее господин
            # Рааб» does not make Raab a prime minister
            and not any(role.end <= q.i < p.i and q.id != p.id for q in people)
        ):
            intros.append((p.i, _same(role, tokens, lang, morph), p.id))
            taken.update(range(role.start, role.end))
    intros.sort()
    named = _covered(tokens, entities)
    places = _covered(tokens, [e for e in entities if e.label == "LOC" or any(h.entry.type in ("country", "location")
                                                                              for h in e.hits)])
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(tokens):
        m = context.roles.at(tokens, k)
        if m is None or k in taken or m.start in named or any(n in places for n in range(m.start, m.end)):
            # «председатель КНР» has its country (context.py `titles`); «глава МИД»: a body inside is part of it
            k += 1
            continue
        if _bare(tokens, m, named, lang, morph):
            same = _same(m, tokens, lang, morph)
            person = next((pid for at, role, pid in reversed(intros) if at < k and role == same), None)
            if person is None and m.role.key in OFFICES:
                person = _holder(m.role.key, [p for p in people if p.i < k], context, window)
            if person is not None and not _named_beside(text, tokens, people, m.start, m.end, person, lang, morph):
                out.append((m.start, m.end, person))
        k = m.end
    return out


def _named_beside(
    text: str, tokens: list[Token], people: Sequence[Person], i: int, j: int, person: str, lang: str, morph: Morph
) -> bool:
    """Whether a subject title at tokens [i, j) has `person` named after it in its clause: the two are two people
    («премьер-министр принял отставку Бориса Джонсона»; the same person again would be a pronoun). A title in another
    case may be the person's own («пресс-служба президента сообщила о госпитализации Ислама»), and across a clause
    break, or before the title, the name may be the title's again («Обама провел встречу с Кенни, после встречи
    президент отметил»)."""
    if lang != "en" and not any("nomn" in r.tags for r in morph.readings(tokens[i].text.lower(), lang)[:1]):
        return False
    if lang == "en" and j < len(tokens) and tokens[j].text in ("'s", "’s"):
        return False
    for p in people:
        if p.id != person or p.i < j:
            continue
        between = text[tokens[j - 1].end : tokens[p.i].start]
        breaks = any(t.text in CLAUSE_BREAKS or t.text[-1] in SENTENCE_END for t in tokens[j : p.i])
        if "\n" not in between and not breaks:
            return True
    return False


def _predicate_between(tokens: list[Token], a: int, b: int, lang: str, morph: Morph) -> bool:
    """Whether a verb stands between a title and a name: «Премьер поблагодарила Бориса» names two people."""
    if lang == "en":
        return b - a > 3
    verbs = {"VERB", "INFN", "GRND", "PRTS"}
    return any(
        t.is_word and (r := morph.readings(t.text.lower(), lang)) and r[0].tags & verbs for t in tokens[a:b]
    )


def _holder(key: str, before: Sequence[Person], context: Context, window: Window | None) -> str | None:
    """The one person named before whom the base knows to have held office `key` («Премьер поблагодарила
    Бориса» after «Тереза Мэй»), at any time up to the article's (Boris Johnson, prime minister from 2019, is no
    «премьер-министр» of 2018): the article names them, so no office holder is guessed."""
    holders = {
        p.id
        for p in before
        if (entry := context.kb.entries.get(p.id)) is not None
        and any(r.key == key and (window is None or window.begun(r)) for r in entry.roles)
    }
    return holders.pop() if len(holders) == 1 else None


def _same(m: RoleMatch, tokens: list[Token], lang: str, morph: Morph) -> str:
    """What two titles must share to name one person: the office, or for a class of people the word too."""
    if m.role.key in OFFICES:
        return m.role.key
    return f"{m.role.key}:{_lemma(tokens[m.start].text, lang, morph)}"


def _lemma(word: str, lang: str, morph: Morph) -> str:
    readings = morph.readings(word.lower(), lang) if lang != "en" else []
    return readings[0].lemma if readings else word.lower()


def _covered(tokens: list[Token], entities: Sequence[Entity]) -> set[int]:
    """The tokens that begin inside an entity (tokens are in text order: each entity's are found by bisection)."""
    starts = [t.start for t in tokens]
    return {k for e in entities for k in range(bisect_left(starts, e.start), bisect_left(starts, e.end))}


def _bare(tokens: list[Token], m: RoleMatch, named: set[int], lang: str, morph: Morph) -> bool:
    """A singular title standing alone: no name, country or qualifier of its own beside it."""
    head = tokens[m.start].text.lower()
    if "-" in head and head.split("-")[0] in ("экс", "екс", "ex", "вице", "віце"):
        return False  # a former or deputy holder is someone else
    readings = morph.readings(head.split("-")[0] if lang != "en" else head, lang)
    if lang != "en" and (not readings or "plur" in readings[0].tags):
        return False  # «министры»: several people
    if lang == "en" and head.endswith("s"):
        return False
    before = tokens[m.start - 1] if m.start > 0 else None
    if before is not None and before.is_word:
        if m.start - 1 in named:
            return False  # «британский премьер»: a country's title, resolved with its country
        low = before.text.lower()
        r = morph.readings(low, lang) if lang != "en" else []
        if lang == "en" and low not in ("the", "said", "says", "and", "but", "that", "when"):
            return False  # "the prime minister" only; "a minister", "new minister" name someone else
        if r and r[0].tags & {"ADJF", "adj", "NUMR", "numr"}:
            return False  # «новый премьер», «другой министр», «первый президент»
        if _lemma(low, lang, morph) in COPULAS or (r and "VERB" in r[0].tags and r[0].lemma in COPULAS):
            return False  # «может стать президент», "was named minister"
        if _lemma(low, lang, morph) in OFFICE_NOUNS:
            return False  # «назначен на пост министра», «с поста главы МИД», «в качестве министра»
    if lang != "en" and readings and "ablt" in readings[0].tags:
        return False  # «был министром», «назначен премьером»: said of someone
    nxt = tokens[m.end] if m.end < len(tokens) else None
    if nxt is not None and m.end in named:
        return False  # «премьер Италии», «министр Лавров»
    # an unrecognized name or body follows: «министр Хант», «глава МИД Франции»
    return not (nxt is not None and nxt.is_word and nxt.text[:1].isupper() and nxt.text[-1:] not in SENTENCE_END)
