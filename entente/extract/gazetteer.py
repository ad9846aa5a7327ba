"""Knowledge-base names found in running text: the longest run of tokens whose match keys name an entry.

«Сергієм Лавровим», «МИД России», «Си Цзиньпина» and «the Kremlin» are found here whatever their
case; adjective and demonym stems («китайско-российские», «російський») mark countries too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from entente.actors.kb import Hit, KnowledgeBase
from entente.nlp.keys import key_candidates
from entente.nlp.tokens import Token

PLURAL_GENITIVE = ("ов", "ев")  # -ів is read as -ов by the keys
PLURAL_STEM = 5  # letters a key needs before -ов is stripped from a later word («Штатов», not «Росов»)


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    hits: tuple[Hit, ...]


def scan(
    text: str, tokens: list[Token], kb: KnowledgeBase, alone: frozenset[str] = frozenset(), lang: str = ""
) -> list[Match]:
    """Longest matches of base names written for `lang`, left to right, never overlapping.

    `alone` lists words never taken as a name by themselves (English "May" is a month first)."""
    out: list[Match] = []
    cands = [key_candidates(t.text) if t.is_word else () for t in tokens]

    first = kb.first_keys
    i, n = 0, len(tokens)
    while i < n:
        # most words begin no name: none of their keys is the first key of an indexed one
        begins = cands[i] and not first.isdisjoint(cands[i])
        found = _longest(text, tokens, cands, i, kb, lang) if begins else None
        if found is not None and found.end - found.start == 1 and tokens[i].text.lower() in alone:
            found = None
        if found is None and cands[i] and (countries := kb.adjectives(tokens[i].text)):
            found = Match(i, i + 1, tuple(Hit(c, "adj") for c in countries))
        if found:
            out.append(found)
            i = found.end
        else:
            i += 1
    return out


def _longest(
    text: str, tokens: list[Token], cands: list[tuple[str, ...]], i: int, kb: KnowledgeBase, lang: str
) -> Match | None:
    """Depth-first over the key candidates of tokens i, i+1, ...: the longest run naming an entry."""
    best: Match | None = None
    stack: list[tuple[int, tuple[str, ...]]] = [(i, ())]
    while stack:
        j, prefix = stack.pop()
        if j >= len(tokens) or not cands[j] or (j > i and not _adjacent(text, tokens, j - 1, j + 1)):
            continue
        keys_j = _later(cands[j]) if j > i else cands[j]
        if best is None or j + 1 > best.end:
            words, ascii_only = tokens[i : j + 1], tokens[j].text.isascii()
            cased = [
                tuple(h for h in kb.lookup(prefix + (key,), lang, ascii_only) if _cased(h, words)) for key in keys_j
            ]
            ok = _rank(_closest(cased, tokens[j].text), tokens[j].text)
            if ok:
                best = Match(i, j + 1, ok)
        for key in reversed(keys_j):  # popped last-in first-out: the least stripped path is explored first
            keys = prefix + (key,)
            if keys in kb.prefixes and len(keys) < kb.max_words:
                stack.append((j + 1, keys))
    return best


@lru_cache(maxsize=100_000)
def _later(cands: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a later word of a name: it may be a plural noun in the genitive, whose -ов / -ів a key never strips
    (a surname's ending): «Сполучених Штатів», «правоохоронних органів», «руху хуситів»."""
    return cands + tuple(x[:-2] for x in cands if x.endswith(PLURAL_GENITIVE) and len(x) > PLURAL_STEM)


def _closest(found: list[tuple[Hit, ...]], word: str) -> tuple[Hit, ...]:
    """The entries of the least stripped key that names any (`found`: each key's, in order: «Китая» is Китай before
    it is Кито), and another key's whose form is as close to the word: «Бразилии» is Бразилия (key бразил) as much as
    the undeclined Бразилиа (key бразили), and the country comes first."""
    first = next((hits for hits in found if hits), ())
    if not first:
        return ()
    best = min(_shared(h, word) for h in first)
    more = tuple(h for hits in found if hits is not first for h in hits if _shared(h, word) <= best)
    return tuple(sorted(first + more, key=lambda h: h.entry.type != "country")) if more else first


def _rank(hits: tuple[Hit, ...], word: str) -> tuple[Hit, ...]:
    """Several entries under one key (Нигер, Нигерия): the one whose form shares most with the word first."""
    hits = tuple(dict.fromkeys(hits))
    if len({h.entry.id for h in hits}) < 2:
        return hits
    return tuple(sorted(hits, key=lambda h: _shared(h, word)))


def _shared(h: Hit, word: str) -> tuple[int, int]:
    """How close an entry's form is to the word: the longest common beginning, then the least left over («Нигера» is
    Нигер)."""
    w = word.lower()
    last = h.form.split()[-1].lower() if h.form else ""
    common = next((k for k, (a, b) in enumerate(zip(w, last, strict=False)) if a != b), min(len(w), len(last)))
    return -common, len(last) - common


def _adjacent(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Words of one name are separated by spaces only (no punctuation or line break between)."""
    return all(text[tokens[k].end : tokens[k + 1].start] in ("", " ", "\u00a0") for k in range(i, j - 1))


def _cased(hit: Hit, words: list[Token]) -> bool:
    """Acronyms match upper case only (США, not «сша»); names start with a capital, body nouns need not."""
    if hit.acronym:
        return all(w.text.isupper() for w in words)
    if hit.how == "body":
        return True
    return any(w.text[:1].isupper() for w in words)  # «сектор Газа», "mainland China"
