"""Tokens and sentences for quote attribution, with quoted words masked.

Each token knows which quoted region (if any) it lies in, marks included, so that reporting verbs and
names inside a quote are never taken for its attribution, and sentence ends inside a quote do not
split the sentence that carries it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from entente.extract.quote_lexicon import QuoteLexicon
from entente.extract.quote_marks import MARKS, Quoted

TOKEN = re.compile(r"\w+(?:[-'’ʼ‐]\w+)*|\S")
ENDS = frozenset(".!?…")
DASHES = frozenset("—–-―")


class Token(NamedTuple):
    """One word or punctuation mark (a named tuple: texts have thousands, built per call)."""

    start: int
    end: int
    text: str
    low: str  # folded: lower case, apostrophes unified
    word: bool
    region: int  # index of the quoted region holding it (marks included), -1 outside quotes
    upper: bool  # starts with a capital letter


@dataclass(frozen=True)
class Tokens:
    """The text's tokens, the sentence of each token and each sentence's token range."""

    items: list[Token]
    sentence_of: list[int]
    sentences: list[tuple[int, int]]

    def outside(self, lo: int, hi: int) -> list[int]:
        """Indices in [lo, hi) of tokens outside quotes."""
        return [i for i in range(max(lo, 0), min(hi, len(self.items))) if self.items[i].region < 0]


def tokenize(text: str, regions: list[Quoted], lex: QuoteLexicon) -> Tokens:
    """Tokens of `text` with the regions masked, and sentences split outside quotes.

    Only paragraphs that hold a quote, or come just before one (a colon may introduce it), are
    tokenized: the others cannot matter, and most of a news text has no quote.
    """
    items: list[Token] = []
    r = 0
    lasts = [q.last for q in regions]
    for lo, hi in _paragraphs_near_quotes(text, regions):
        for m in TOKEN.finditer(text, lo, hi):
            s, e = m.span()
            while r < len(regions) and lasts[r] < s:
                r += 1
            inside = r < len(regions) and regions[r].open <= s <= lasts[r]
            word = m.group()
            low = word.lower()
            if "’" in low or "ʼ" in low:
                low = low.replace("’", "'").replace("ʼ", "'")
            items.append(Token(s, e, word, low, word[0].isalnum(), r if inside else -1, word[0].isupper()))
    sentence_of: list[int] = []
    sentences: list[tuple[int, int]] = []
    first = 0
    for i in range(len(items)):
        if i > first and _breaks(text, items, i, lex):
            sentences.append((first, i))
            first = i
        sentence_of.append(len(sentences))
    if items:
        sentences.append((first, len(items)))
    return Tokens(items, sentence_of, sentences)


def _paragraphs_near_quotes(text: str, regions: list[Quoted]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    keep = [False] * len(spans)
    k = 0
    for n, (lo, hi) in enumerate(spans):
        while k < len(regions) and regions[k].close < lo:
            k += 1
        if k < len(regions) and regions[k].open <= hi:
            keep[n] = True
            m = n - 1
            while m >= 0 and spans[m][0] == spans[m][1]:
                m -= 1
            if m >= 0:
                keep[m] = True
    return [span for span, kept in zip(spans, keep, strict=True) if kept]


def _breaks(text: str, items: list[Token], i: int, lex: QuoteLexicon) -> bool:
    """Whether a new sentence starts at token i."""
    tok, prev = items[i], items[i - 1]
    if "\n" in text[prev.end:tok.start]:
        return tok.region < 0 or tok.region != prev.region  # a quote broken over lines is one sentence
    if prev.region >= 0 and prev.text in MARKS and tok.region < 0 and tok.upper and i >= 2:
        # “... ended.” He added: a quote closing on a full stop ends its sentence unless a lower-case
        # attribution follows (… интересов. » он сказал); after ?/! only a capitalized pronoun starts anew
        j = i - 2
        while j > 0 and items[j].text in MARKS:  # '' is two tokens
            j -= 1
        last = items[j].text
        if tok.low in lex.pronouns:
            return last in ".…?!"
        # but «"... ended." Trump said.»: a reporting verb within three words still attributes it
        said = any(lex.verb_kind(t.low) in ("say", "cite") for t in items[i:i + 3] if t.word)
        return last in ".…" and not said
    if prev.region >= 0 or prev.low not in ENDS:
        return False
    if tok.region >= 0 and tok.text not in MARKS or prev.end == tok.start:
        return False  # inside a quote, or «S.C.», «U.S.»: no space after the stop
    starts = tok.upper or tok.text in MARKS or tok.text in DASHES or tok.text[0].isdigit()
    if not starts or i < 2:
        return starts
    before = items[i - 2]
    # an initial (В. Бахчаняна) or an abbreviation (г., Mr.) does not end a sentence
    abbreviation = before.word and before.end == prev.start and (
        (len(before.text) == 1 and before.upper) or before.low in lex.abbreviations)
    return not abbreviation
