"""Rule-based names for Ukrainian and English, where no NER weights can be installed.

A candidate is a run of capitalized words; its type comes from dictionary readings (pymorphy3's
Name/Surn/Patr/Geox/Orgn for Ukrainian), cue words around it (org heads, legal forms, place nouns,
titles) and, for English, its shape. Knowledge-base names are found before this, by the gazetteer.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

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
    title_words: frozenset[str]

    @classmethod
    def load(cls, lang: str) -> Cues:
        data = tomllib.loads((resources.files("entente.extract") / "data" / "ner.toml").read_text("utf-8"))[lang]
        return cls(
            *(
                frozenset(data.get(f, ()))
                for f in ("org_heads", "org_forms", "loc_tails", "connectors", "loc_preps", "person_cues", "not_names",
                          "title_words")
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


def _bare(word: str) -> str:
    """A capitalized word as the stop lists have it: lower case, without a final full stop or a possessive."""
    return word.lower().rstrip(".").removesuffix("'s").removesuffix("’s")


def _capital(t: Token) -> bool:
    return t.is_word and t.text[0].isupper()


class EnglishNames:
    def __init__(self, first_names: set[str] | frozenset[str] = frozenset()) -> None:
        self.cues = Cues.load("en")
        self.first_names = first_names  # given names, lower case: "from Ted Cruz" is a person, not a place

    def find(self, text: str, tokens: list[Token], free: list[bool]) -> list[tuple[int, int, str]]:
        out = []
        for i, j in runs(text, tokens, free, self.cues.connectors):
            while i < j and _bare(tokens[i].text) in self.cues.not_names:
                i += 1  # "The", "Thursday's": no name
            while j > i and tokens[j - 1].text.lower() in self.cues.connectors:
                j -= 1
            if i >= j:
                continue
            if tokens[j - 1].text.lower() in self.cues.person_cues:
                continue  # a title ("President", "Foreign Minister"), not a name
            cue = tokens[i].text.lower().rstrip(".") in self.cues.person_cues
            if cue and j - i > 1:
                i += 1
                while i < j and tokens[i].text.lower() in self.cues.connectors:
                    i += 1  # "Secretary of State": a title, whatever follows "of"
                if i >= j or not tokens[i].text[0].isupper() or tokens[j - 1].text.lower() in self.cues.org_heads:
                    continue
                if all(t.text.lower() in self.cues.connectors | self.cues.title_words for t in tokens[i:j]):
                    continue
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
        if before in self.cues.loc_preps and j - i <= 2 and not (j - i == 2 and low[0] in self.first_names):
            return i, j, "LOC"
        if 2 <= j - i <= 3 and all(t.text[1:].islower() or len(t.text) <= 2 for t in tokens[i:j]):
            return i, j, "PER"
        if j - i == 1 and tokens[i].text.isupper() and len(tokens[i].text) > 1:
            return i, j, "ORG"
        return None


# Ukrainian rules live beside these and use the helpers above; imported here for one place to import from.
from entente.extract.rules_uk import UkrainianNames  # noqa: E402

__all__ = ["Cues", "EnglishNames", "UkrainianNames", "runs", "sentence_initial"]
