"""Rule-based Ukrainian names: quoted organization names, addresses, then runs of capitalized words.

pymorphy3's Ukrainian dictionary tags given names, surnames and patronymics (Name/Surn/Patr) but not
places or organizations, so those come from cue words (ner.toml [uk]): a legal form or quote marks
(ТОВ «Укртрансгаз»), a place noun after an adjective (Луганській області), a place preposition or
settlement abbreviation before the name (у Бахмуті, м. Суми), an organization head (Міністерство ...).
Works on news text and on text tokenized with spaces (« Укртрансгаз », Т . К . Петренко).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from entente.extract.rules import Cues, sentence_initial
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

Span = tuple[int, int, str]
_PERSON = frozenset({"Name", "Surn", "Patr"})
_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "PRED", "INTJ", "VERB", "NUMR", "INFN", "GRND"})
_QUOTES = {"«": "»", "„": "“", "“": "”"}


@dataclass(frozen=True)
class Word:
    """What the dictionary says of one capitalized word."""

    given: bool  # a first name or patronymic reading
    surname: bool
    common: bool  # a dictionary reading that is not a name
    function: bool  # a pronoun, conjunction, adverb, verb... reading: a sentence opener, not a name
    adjective: bool
    known: bool  # in the dictionary (else pymorphy only guessed its readings)

    @property
    def person(self) -> bool:
        return self.given or self.surname or not self.known


class UkrainianNames:
    def __init__(self, morph: Morph) -> None:
        self.morph, self.cues = morph, Cues.load("uk")
        data = tomllib.loads((resources.files("entente.extract") / "data" / "ner.toml").read_text("utf-8"))["uk"]
        self.lex = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
        self.word = lru_cache(maxsize=50_000)(self._word)

    def _word(self, text: str) -> Word:
        readings = self.morph.readings(text, "uk")
        given = text in self.lex["given_names"] or any(r.tags & {"Name", "Patr"} for r in readings)
        known = any(r.score >= 0.99 for r in readings)
        return Word(
            given,
            any("Surn" in r.tags for r in readings),
            known and any(not r.tags & _PERSON and "Abbr" not in r.tags for r in readings),
            any(r.tags & _FUNCTION for r in readings) or text.lower() in self.lex["not_names"],
            any("ADJF" in r.tags for r in readings),
            known,
        )

    def lemmas(self, word: str) -> set[str]:
        return {r.lemma for r in self.morph.readings(word, "uk")[:4]} | {word.lower()}

    def find(self, text: str, tokens: list[Token], free: list[bool]) -> list[Span]:
        """(start token, end token, label) of names the dictionary and cues recognize."""
        free = list(free)
        out = self._quoted(text, tokens, free) + self._streets(text, tokens, free)
        for span in out:
            free[span[0] : span[1]] = [False] * (span[1] - span[0])
        i, n = 0, len(tokens)
        while i < n:
            j = self._run(text, tokens, free, i)
            if j == i:
                found = self._known_adjective(tokens, free, i)
                out += found
                i = max([i + 1] + [e for _, e, _ in found])
                continue
            found = self._classify(text, tokens, free, i, j)
            out += found
            i = max([j] + [e for _, e, _ in found])
        return out

    def _known_adjective(self, tokens: list[Token], free: list[bool], i: int) -> list[Span]:
        """A base place read as an adjective before a place or org noun: «Донецькій обл.», «Донецька облрада»."""
        if free[i] or not _capital(tokens[i]) or i + 1 >= len(tokens) or not free[i + 1]:
            return []
        if (i > 0 and not free[i - 1] and _capital(tokens[i - 1])) or not self.word(tokens[i].text).adjective:
            return []
        return self._noun_after(tokens, free, i, i + 1)

    def _noun_after(self, tokens: list[Token], free: list[bool], i: int, j: int) -> list[Span]:
        """The capitalized adjective(s) i..j-1 with the place or org noun after them, if there is one."""
        nxt = tokens[j].text
        if not nxt[0].islower():
            return []
        if self.lemmas(nxt) & self.cues.loc_tails:
            return [(i, j + 1, "LOC")]
        head = j
        while (
            head < min(len(tokens), j + 3)
            and free[head]
            and self.lemmas(tokens[head].text) & self.lex["org_adjectives"]
        ):
            head += 1
        if head < len(tokens) and free[head] and self._org_head(tokens[head].text):
            return [(i, self._extend(tokens, free, head + 1), "ORG")]
        return []

    # -- quoted names and addresses ---------------------------------------------------------------

    def _quoted(self, text: str, tokens: list[Token], free: list[bool]) -> list[Span]:
        """«Нафтогаз» (ORG, without quotes); ТОВ «Укртрансгаз», «ІАЦ «Спейс-Інформ» (with the quotes inside)."""
        out: list[Span] = []
        n, q = len(tokens), 0
        while q < n:
            close = _QUOTES.get(tokens[q].text)
            if close is None or q + 1 >= n or not _starts_name(tokens[q + 1].text):
                q += 1
                continue
            c = next((k for k in range(q + 1, min(n, q + 16)) if tokens[k].text in (close, "»", "\n")), None)
            if c is None or "\n" in text[tokens[q].end : tokens[c].start] or c == q + 1:
                q += 1
                continue
            inner = [k for k in range(q + 1, c) if tokens[k].text in _QUOTES]
            start, end = q + 1, (c + 1 if inner else c)
            words = [t for t in tokens[start:end] if t.is_word]
            before = tokens[q - 1].text if q else ""
            form = q > 0 and free[q - 1] and _is_form(before, self.cues.org_forms)
            if form:
                start, end = q - 1, c + 1
            if not free[start] or len(words) > 8 or any(t.text in ("!", "?", ":", ";") for t in tokens[q + 1 : c]):
                q = c + 1
                continue
            if not form and (before in ".:" or before.lower() in self.lex["quote_not_org_after"]):
                if before not in ".:":
                    free[q + 1 : c] = [False] * (c - q - 1)  # a title «Кобзар», not a person
                q = c + 1
                continue
            out.append((start, end, "ORG"))
            q = c + 1
        return out

    def _streets(self, text: str, tokens: list[Token], free: list[bool]) -> list[Span]:
        """вул. Лаврська, 10 (LOC with the street word and the house number)."""
        out: list[Span] = []
        for k, t in enumerate(tokens[:-1]):
            low = t.text.lower()
            nxt = k + 1
            if low + "." in self.lex["street_words"] and tokens[nxt].text == ".":
                nxt += 1
            if low not in self.lex["street_words"] or not free[k] or nxt >= len(tokens):
                continue
            end = nxt
            while end < len(tokens) and free[end] and _capital(tokens[end]) and end - nxt < 3:
                end += 1
            if end == nxt:
                continue
            if end + 1 < len(tokens) and tokens[end].text == "," and tokens[end + 1].text[:1].isdigit():
                end += 2
            out.append((k, end, "LOC"))
        return out

    # -- capitalized runs ---------------------------------------------------------------------------

    def _run(self, text: str, tokens: list[Token], free: list[bool], i: int) -> int:
        """End of the run of capitalized words and initials («Т . К . Петренко») that starts at i."""
        j, n = i, len(tokens)
        while j < n and free[j]:
            if j > i and text[tokens[j - 1].end : tokens[j].start] not in (" ", "\u00a0"):
                break
            if _initial(tokens, j):
                j += 2 if len(tokens[j].text) == 1 else 1
            elif _capital(tokens[j]) and len(tokens[j].text) > 1:
                j += 1
            else:
                break
        return j

    def _classify(self, text: str, tokens: list[Token], free: list[bool], i: int, j: int) -> list[Span]:
        opener = sentence_initial(text, tokens, i) and not (i > 0 and _initial(tokens, i - 1, before=True))
        while i < j and (
            tokens[i].text.lower() in self.lex["not_names"]
            or (opener and not _initial(tokens, i) and self._opener(tokens[i].text, j - i))
        ):
            i += 1
        if i >= j:
            return []
        # an abbreviation beside other capitalized words is a name of its own: «УЦОЯО Ігор Лікарчук»
        cut = next((k for k in range(i, j) if _abbreviation(tokens[k].text) != _abbreviation(tokens[i].text)), j)
        if cut < j and not self._org_head(tokens[i].text):
            return self._classify_one(text, tokens, free, i, cut, opener) + self._classify(text, tokens, free, cut, j)
        return self._classify_one(text, tokens, free, i, j, opener)

    def _opener(self, word: str, length: int) -> bool:
        """A sentence's first word that is an ordinary word («Вона», «Засновниками»), not a name."""
        if self._org_head(word) or _abbreviation(word):
            return False
        w = self.word(word)
        return w.function or (w.common and not w.given) or (length == 1 and w.known and not w.given)

    def _org_head(self, word: str) -> bool:
        return bool(self.lemmas(word) & self.cues.org_heads)

    def _classify_one(
        self, text: str, tokens: list[Token], free: list[bool], i: int, j: int, opener: bool
    ) -> list[Span]:
        words = [t.text for k, t in enumerate(tokens[i:j], i) if t.is_word and not _initial(tokens, k)]
        if not words:
            return []
        nxt = tokens[j].text if j < len(tokens) else ""
        before = tokens[i - 1].text.lower() if i > 0 else ""
        if self._org_head(words[0]):
            return [(i, self._extend(tokens, free, j), "ORG")]
        if all(_abbreviation(w) for w in words):
            if len(words) > 1 or words[0] in self.lex["not_names"]:
                return []
            return [(i, self._extend(tokens, free, j, lower=False), "ORG")]
        if nxt and free[j] and self.word(words[-1]).adjective and (found := self._noun_after(tokens, free, i, j)):
            return found
        kinds = [self.word(w) for w in words]
        place = before in self.lex["place_cues"] or (before in self.lex["place_preps"] and not kinds[0].given)
        if place and not any(k.given for k in kinds) and not kinds[0].adjective:
            return [(i, j, "LOC")]
        if self._person(words, kinds, len(words) < j - i, opener, nxt):
            return [(i, self._person_end(tokens, free, j, kinds), "PER")]
        return []

    def _person(self, words: list[str], kinds: list[Word], initials: bool, opener: bool, nxt: str) -> bool:
        if len(kinds) > 4 or any(k.function and not (k.given or k.surname) for k in kinds):
            return False
        if initials or any(k.given for k in kinds) and len(kinds) > 1:
            return True  # «Ольгу Писану», «Т . К . Петренко»
        if len(kinds) > 1:
            return all(k.person or _family_adjective(w) for w, k in zip(words, kinds, strict=True)) and any(
                k.surname for k in kinds
            )
        k, word = kinds[0], words[0]
        if k.function:
            return False
        if opener:
            return k.given or (k.surname and not k.common)
        if _family_adjective(word) and not (nxt[:1].islower() and self.word(nxt).common):
            return True  # «Шишацький працював», not «Київський район»
        return k.given or k.surname or not k.known

    def _person_end(self, tokens: list[Token], free: list[bool], j: int, kinds: list[Word]) -> int:
        """A given name before a surname the knowledge base knows: «Олександр Янукович» is one name."""
        if (
            j < len(tokens)
            and not free[j]
            and kinds[-1].given
            and _capital(tokens[j])
            and self.word(tokens[j].text).surname
        ):
            return j + 1
        return j

    def _extend(self, tokens: list[Token], free: list[bool], j: int, lower: bool = True) -> int:
        """Carry an organization name over the genitive words that belong to it: «Міністерство оборони»,
        «Партії регіонів України», «суду м. Києва»; not over a person after it («міськради Юрія Дроздова»)."""
        end = k = j
        while k < len(tokens) and k < j + 6 and tokens[k].is_word:
            word = tokens[k].text
            if word == "м." and k + 1 < len(tokens) and _capital(tokens[k + 1]):
                k += 1
                continue
            capital = word[0].isupper()
            if not capital and (not lower or not free[k] or end > j and tokens[end - 1].text[0].isupper()):
                break
            tags: set[str] = set()
            for r in self.morph.readings(word, "uk")[:4]:
                tags |= r.tags
            if "gent" not in tags or tags & {"PREP", "CONJ", "VERB", "ADVB"} or (capital and self.word(word).given):
                break
            k += 1
            end = k
        return end


def _capital(t: Token) -> bool:
    return t.is_word and t.text[0].isupper()


def _starts_name(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and sum(c.isupper() for c in letters) > 1 and not word.istitle()


def _family_adjective(word: str) -> bool:
    """A surname declined as an adjective: Шишацький, Реформатського, Вишневецької."""
    return word[0].isupper() and any(s in word[-7:] for s in ("ськ", "цьк", "зьк"))


def _is_form(word: str, forms: frozenset[str]) -> bool:
    return word in forms or (_abbreviation(word) and len(word) <= 5)


def _initial_word(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _initial(tokens: list[Token], k: int, before: bool = False) -> bool:
    """«Т.» or «Т .»; with `before`, k is the dot of a spaced initial or a whole «Т.» token."""
    t = tokens[k]
    if before:
        if _initial_word(t.text):
            return True
        return t.text == "." and k > 0 and len(tokens[k - 1].text) == 1 and tokens[k - 1].text.isupper()
    if _initial_word(t.text):
        return True
    return len(t.text) == 1 and t.text.isupper() and k + 1 < len(tokens) and tokens[k + 1].text == "."
