"""natasha's Russian name spans cut to the extent news-NER annotators mark.

One span of natasha sometimes holds several names («Джошуа Вольфа (Joshua Wolf)», «Йемен • Замбия»),
a stray quote mark («Кориера делла Сера»), or a legal form before a quoted name («ОАО «Газпром»»,
whose name is Газпром). The cues are data: `data/spans_ru.toml`.

    >>> rules = SpanRules.load()
    >>> text = "глава ОАО «Газпром» и Барри Лоуенкрон (Barry Lowenkron)"
    >>> [text[s:e] for s, e, _ in tidy(text, [(6, 19, "ORG"), (22, 55, "PER")], rules)]
    ['Газпром', 'Барри Лоуенкрон', 'Barry Lowenkron']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from entente.extract.rules import sentence_initial
from entente.nlp.keys import name_key
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

Span = tuple[int, int, str]  # start, end, label

_PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"', "‘": "’"}
_CLOSERS = frozenset(_PAIRS.values())
_EDGE = " \t\u00a0,;:—–-"  # never the first or last character of a name
# readings that make a word a possible name; a word with none of them is a common word
_NAMED = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "UNKN", "LATN", "NUMB", "ROMN"})
_PROPER = _NAMED - {"UNKN"} - {"LATN"}


@dataclass(frozen=True)
class SpanRules:
    org_forms: frozenset[str]
    separators: re.Pattern[str]

    @classmethod
    def load(cls) -> SpanRules:
        data = tomllib.loads((resources.files("entente.extract") / "data" / "spans_ru.toml").read_text("utf-8"))
        return cls(frozenset(data["org_forms"]), re.compile("|".join(re.escape(s) for s in data["separators"])))


class Cutter:
    """`tidy`, then the dictionary's say: common words opening a sentence and common abbreviations go."""

    def __init__(self, morph: Morph) -> None:
        self.rules = SpanRules.load()
        self.morph = morph

    def cut(self, text: str, tokens: list[Token], spans: list[Span]) -> list[Span]:
        """A sentence's first word known only as a common word is no name by itself («Кинопрограмма»,
        «Почта») unless quoted («Арсенал») or, for a person, named in full elsewhere («Шумов»); a common
        animate noun does not open a person's name («Кронпринц Нарухито»). An abbreviation the dictionary
        knows as a common noun is no name («СМИ», «ЖЖ»)."""
        opening = {t.start for k, t in enumerate(tokens) if t.is_word and sentence_initial(text, tokens, k)}
        ends = {t.start: t.end for t in tokens}
        spans = tidy(text, spans, self.rules)
        named = {name_key(w) for s, e, label in spans if label == "PER" and " " in text[s:e] for w in text[s:e].split()}
        out: list[Span] = []
        for start, end, label in spans:
            first = text[start : ends.get(start, end)]
            if start in opening and text[start - 1 : start] not in _PAIRS and self.common(first):
                if ends.get(start, end) >= end:
                    if label != "PER" or name_key(first) not in named:
                        continue
                elif label == "PER" and (self.person_noun(first) or self._adjective_before_name(text, tokens, start)):
                    start = next(t.start for t in tokens if t.start > start and t.is_word)
            if end == ends.get(start) and self.abbreviation(text[start:end]):
                continue
            out.append((start, end, label))
        return out

    def _adjective_before_name(self, text: str, tokens: list[Token], start: int) -> bool:
        """«Восьмидесятилетний Маккейн», «Сама Тэтчер»: a word known only as an adjective or a pronoun, before a word
        the dictionary knows as a name, opens the sentence, not the name."""
        readings = self.morph.readings(text[start : next(t.end for t in tokens if t.start == start)].lower(), "ru")
        if not readings or not all(r.tags & {"ADJF", "Apro"} for r in readings):
            return False
        after = next((t.text for t in tokens if t.start > start and t.is_word), "")
        return after[:1].isupper() and not self.common(after)

    def person_noun(self, word: str) -> bool:
        """«Кронпринц», «Внук»: every reading an animate noun."""
        readings = self.morph.readings(word.lower(), "ru")
        return bool(readings) and all({"NOUN", "anim"} <= r.tags for r in readings)

    def common(self, word: str) -> bool:
        """Known to the dictionary only as a common word: «Политика», «Внук», not «Путин», «Кан», «Twitter»."""
        if word.isupper() or not word[:1].isupper():
            return False
        readings = self.morph.readings(word.lower(), "ru")
        return bool(readings) and not any(r.tags & _NAMED for r in readings)

    def abbreviation(self, word: str) -> bool:
        """An upper-case abbreviation of a common noun: «СМИ», «ЖЖ», not «МИД», «США»."""
        if not (word.isupper() and len(word) > 1 and word.isalpha()):
            return False
        readings = self.morph.readings(word.lower(), "ru")
        return bool(readings) and all("Abbr" in r.tags and not r.tags & _PROPER for r in readings)


def tidy(text: str, spans: list[Span], rules: SpanRules) -> list[Span]:
    """Each span split at separators, trimmed of edge punctuation and unpaired quotes; an ORG's legal form
    before a quoted name dropped. Pieces without a capital letter or digit are not names and go."""
    out: list[Span] = []
    for start, end, label in spans:
        for s, e in _pieces(text, start, end, rules.separators):
            s, e = _trim(text, s, e)
            if label == "ORG":
                s, e = _quoted_name(text, s, e, rules.org_forms)
            if s < e and any(c.isupper() or c.isdigit() for c in text[s:e]):
                out.append((s, e, label))
    return out


def _pieces(text: str, start: int, end: int, separators: re.Pattern[str]) -> list[tuple[int, int]]:
    out, s = [], start
    for m in separators.finditer(text, start, end):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Edge punctuation off, then quote marks that open or close nothing inside the span; a name wholly in
    quotes loses them («Телевизор» -> Телевизор), as annotators mark the name, not the marks."""
    while True:
        while s < e and text[s] in _EDGE:
            s += 1
        while s < e and text[e - 1] in _EDGE:
            e -= 1
        if e - s < 2:
            return s, e
        first, last = text[s], text[e - 1]
        if first in _PAIRS and _PAIRS[first] == last and not _quoted_inside(text, s + 1, e - 1):
            s, e = s + 1, e - 1
        elif first in _PAIRS and _PAIRS[first] not in text[s + 1 : e]:
            s += 1
        elif last in _CLOSERS and not any(o in text[s : e - 1] for o, c in _PAIRS.items() if c == last):
            e -= 1
        else:
            return s, e


def _quoted_inside(text: str, s: int, e: int) -> bool:
    return any(c in _PAIRS or c in _CLOSERS for c in text[s:e])


def _quoted_name(text: str, s: int, e: int, forms: frozenset[str]) -> tuple[int, int]:
    """«ОАО «Газпром»» -> «Газпром»: a known legal form, a space and one quoted name filling the rest."""
    head, _, rest = text[s:e].partition(" ")
    rest = rest.lstrip()
    if head not in forms or len(rest) < 3 or rest[0] not in _PAIRS or rest[-1] != _PAIRS[rest[0]]:
        return s, e
    if _quoted_inside(text, e - len(rest) + 1, e - 1):
        return s, e
    return e - len(rest) + 1, e - 1
