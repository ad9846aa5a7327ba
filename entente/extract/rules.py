"""Rule-based names for Ukrainian and English, where no NER weights can be installed.

A candidate is a run of capitalized words; its type comes from dictionary readings (pymorphy3's
Name/Surn/Patr/Geox/Orgn for Ukrainian), cue words around it (org heads, legal forms, place nouns,
titles) and, for English, its shape. Knowledge-base names are found before this, by the gazetteer.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from entente.nlp.morph import Morph
from entente.nlp.tokens import SENTENCE_END, Token

_OPEN = "«„“\"'("


@dataclass(frozen=True)
class Cues:
    org_heads: frozenset[str]
    org_forms: frozenset[str]
    loc_tails: frozenset[str]
    connectors: frozenset[str]
    loc_preps: frozenset[str]
    person_cues: frozenset[str]
    not_names: frozenset[str]

    @classmethod
    def load(cls, lang: str) -> Cues:
        data = tomllib.loads((resources.files("entente.extract") / "data" / "ner.toml").read_text("utf-8"))[lang]
        return cls(
            *(
                frozenset(data.get(f, ()))
                for f in ("org_heads", "org_forms", "loc_tails", "connectors", "loc_preps", "person_cues", "not_names")
            )
        )


def sentence_initial(text: str, tokens: list[Token], i: int) -> bool:
    k = i - 1
    while k >= 0 and tokens[k].text in _OPEN:
        k -= 1
    return (
        k < 0
        or tokens[k].text[-1] in SENTENCE_END
        or "\n" in text[tokens[k].end : tokens[i].start]
        or tokens[k].text in ("—", "–", ":")
    )


def runs(
    text: str, tokens: list[Token], free: list[bool], joiners: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Maximal runs of capitalized free words, space-separated, optionally joined by `joiners`."""
    out, i, n = [], 0, len(tokens)
    while i < n:
        if free[i] and _capital(tokens[i]):
            j = i + 1
            while j < n and free[j] and text[tokens[j - 1].end : tokens[j].start] == " ":
                if _capital(tokens[j]):
                    j += 1
                elif tokens[j].text.lower() in joiners and j + 1 < n and free[j + 1] and _capital(tokens[j + 1]):
                    j += 2
                else:
                    break
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _capital(t: Token) -> bool:
    return t.is_word and t.text[0].isupper()


class UkrainianNames:
    def __init__(self, morph: Morph) -> None:
        self.morph, self.cues = morph, Cues.load("uk")

    def find(self, text: str, tokens: list[Token], free: list[bool]) -> list[tuple[int, int, str]]:
        """(start token, end token, label) of names the dictionary and cues recognize."""
        out = []
        for i, j in runs(text, tokens, free):
            if j - i == 1 and len(tokens[i].text) < 2:
                continue  # «У липні», «В»: a capitalized preposition or a lone initial
            if sentence_initial(text, tokens, i) and j - i == 1 and not self._namelike(tokens[i].text):
                continue
            found = self._classify(text, tokens, free, i, j)
            if found:
                out.append(found)
        return out

    def _namelike(self, word: str) -> bool:
        return (
            word.isupper()
            and len(word) > 1
            or any(r.tags & {"Name", "Surn", "Patr", "Geox", "Orgn"} for r in self.morph.readings(word, "uk")[:3])
        )

    def _tags(self, word: str) -> set[str]:
        found: set[str] = set()
        for r in self.morph.readings(word, "uk")[:4]:
            found |= r.tags
        return found

    def _classify(
        self, text: str, tokens: list[Token], free: list[bool], i: int, j: int
    ) -> tuple[int, int, str] | None:
        words = [t.text for t in tokens[i:j]]
        first = self.morph.readings(words[0], "uk")
        lemma = first[0].lemma if first else words[0].lower()
        if words[-1] in self.cues.org_forms and j < len(tokens) and tokens[j].text == "«":
            close = next((k for k in range(j + 1, min(len(tokens), j + 12)) if tokens[k].text == "»"), None)
            return (i, close + 1, "ORG") if close else None
        if lemma in self.cues.org_heads or words[0].lower() in self.cues.org_heads:
            return i, self._extend(tokens, free, j, org=True), "ORG"
        tags = [self._tags(w) for w in words]
        initials = [len(w) == 2 and w.endswith(".") for w in words]
        if all(ini or t & {"Name", "Surn", "Patr"} for t, ini in zip(tags, initials, strict=True)) and not all(
            initials
        ):
            return i, j, "PER"
        if any("Geox" in t for t in tags):
            return i, self._extend(tokens, free, j, org=False), "LOC"
        if j < len(tokens) and self._is_tail(tokens[j].text):
            return i, j + 1, "LOC"
        if any("Orgn" in t for t in tags) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
            return i, j, "ORG"
        if any(t & {"Name", "Surn"} for t in tags) and not sentence_initial(text, tokens, i):
            return i, j, "PER"
        return None

    def _is_tail(self, word: str) -> bool:
        return any(r.lemma in self.cues.loc_tails for r in self.morph.readings(word, "uk")[:3])

    def _extend(self, tokens: list[Token], free: list[bool], j: int, org: bool) -> int:
        """Carry a name over the lower-case words that belong to it (genitive complements, place nouns)."""
        if not org:
            return j + 1 if j < len(tokens) and free[j] and self._is_tail(tokens[j].text) else j
        end, k = j, j
        while k < len(tokens) and k < j + 5 and free[k] and tokens[k].is_word:
            tags = self._tags(tokens[k].text)
            if not ({"gent"} & tags) or tags & {"PREP", "CONJ", "VERB", "ADVB", "prep", "conj", "verb", "adv"}:
                break
            k += 1
            end = k
        return end


class EnglishNames:
    def __init__(self) -> None:
        self.cues = Cues.load("en")

    def find(self, text: str, tokens: list[Token], free: list[bool]) -> list[tuple[int, int, str]]:
        out = []
        for i, j in runs(text, tokens, free, self.cues.connectors):
            while i < j and tokens[i].text.lower().rstrip(".") in self.cues.not_names:
                i += 1
            while j > i and tokens[j - 1].text.lower() in self.cues.connectors:
                j -= 1
            if i >= j:
                continue
            if tokens[j - 1].text.lower() in self.cues.person_cues:
                continue  # a title ("President", "Foreign Minister"), not a name
            cue = tokens[i].text.lower().rstrip(".") in self.cues.person_cues
            if cue and j - i > 1:
                i += 1
            found = self._classify(text, tokens, i, j, cue)
            if found:
                out.append(found)
        return out

    def _classify(self, text: str, tokens: list[Token], i: int, j: int, cue: bool) -> tuple[int, int, str] | None:
        low = [t.text.lower().removesuffix("'s").removesuffix("’s") for t in tokens[i:j]]
        before = tokens[i - 1].text.lower() if i > 0 else ""
        if any(w in self.cues.org_heads for w in low):
            return i, j, "ORG"
        if low[-1] in self.cues.loc_tails and j - i > 1:
            return i, j, "LOC"
        if cue or before in self.cues.person_cues:
            return i, j, "PER"
        if before in self.cues.loc_preps and j - i <= 2:
            return i, j, "LOC"
        if 2 <= j - i <= 3 and all(t.text[1:].islower() or len(t.text) <= 2 for t in tokens[i:j]):
            return i, j, "PER"
        if j - i == 1 and tokens[i].text.isupper() and len(tokens[i].text) > 1:
            return i, j, "ORG"
        return None
