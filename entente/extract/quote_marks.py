"""Pair quotation marks into quoted regions: «», „“, „”, “”, "", ‘’ and ‹›, nested.

Only outermost regions are returned; nested quotes («... „...“ ...») stay inside their text. Each line
is a paragraph. A mark left open at the end of a paragraph whose next paragraph opens the same kind
of mark again is the convention for a quote that runs on over paragraphs: the region then ends with
the paragraph and is flagged `continues`. A mark left open otherwise is looked for on the next few
lines: texts that put each sentence on a line of its own (pre-tokenized corpora, some scrapers) break
quotes over lines, and the region then spans them. A mark still open is
dropped, and so are stray closing marks. A doubled apostrophe ('' … '', as in some newspaper archives
and wiki markup) is a quote mark of its own.

    >>> text = '«Он «Известиям» сказал „да“», — и всё.'
    >>> [text[r.start:r.end] for r in quoted_regions(text)]
    ['Он «Известиям» сказал „да“']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "«„“‹‘\""
# sloppy text mixes marks (“...", "...”), so a straight quote may close a curly one and the reverse
CLOSERS = {"«": "»", "„": "“”\"", "“": "”\"", "‹": "›", "‘": "’", '"': '"”', "”": "”\"", "''": "''"}
MARKS = frozenset("«»„“”‹›‘’\"'")  # ' stands for the two halves of ''
MARK = re.compile("''|[«»„“”‹›‘’\"]")
FAMILY = {"«": "«", "„": "„“", "“": "“„", "‹": "‹", "‘": "‘", '"': '"“„', "”": "”", "''": "'"}  # what reopens a run-on
SPAN_LINES = 12  # a quote broken over lines is looked for this many non-empty lines on
SPAN_CHARS = 3000
SPANNING = "«„“‹"  # marks that show their direction; a straight " left open is too often a stray one
_BEFORE_OPEN = " \t\n([{—–-/:«„“‘‹"
_AFTER_CLOSE = " \t\n.,;:!?)]}—–-…»”’›"


@dataclass(frozen=True)
class Quoted:
    """One outermost quoted region: marks at `open` and `close`, words (trimmed) at `start:end`."""

    open: int
    close: int  # index of the closing mark, or the end of the paragraph when `continues`
    start: int
    end: int
    mark: str
    continues: bool = False

    @property
    def last(self) -> int:
        """Index of the last character of the closing mark ('' has two)."""
        return self.close if self.continues else self.close + len(self.mark) - 1


def quoted_regions(text: str) -> list[Quoted]:
    """Outermost quoted regions of `text`, in order."""
    found: list[Quoted] = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    after = [len(lines)] * (len(lines) + 1)  # index of the next non-empty line after each line
    for n in range(len(lines) - 1, 0, -1):
        after[n - 1] = n if lines[n].strip() else after[n]
    for n, line in enumerate(lines):
        lo, hi = starts[n], starts[n] + len(line)
        following = lines[after[n]].lstrip(" \t—–-") if after[n] < len(lines) else ""
        pairs, stack = _paragraph(text, lo, hi, [])
        found.extend(pairs)
        if not stack:
            continue
        mark, at = stack[0]
        reopens = following.startswith("''") if mark == "''" else following[:1] != "" and following[0] in FAMILY[mark]
        if reopens:
            found.append(_region(text, mark, at, hi, continues=True))
        elif len(stack) == 1 and mark in SPANNING and (spanned := _spanning(text, lines, starts, n, stack[0])):
            found.append(spanned)
    found = [q for q in found if q.start < q.end]
    inner = {(q.open, q.last + 1) for q in found}
    # wiki italics around a quote (''«...»''): the quote is the inner region; a first line in italics
    # alone is the headline, not speech
    return _outermost([q for q in found
                       if q.mark != "''" or (q.start, q.end) not in inner and not _headline(text, q)])


def _headline(text: str, q: Quoted) -> bool:
    """Whether the region, marks included, is the whole first line of the text."""
    end = text.find("\n", q.last + 1)
    return not text[:q.open].strip() and not text[q.last + 1:len(text) if end < 0 else end].strip()


def _paragraph(text: str, lo: int, hi: int, stack: list[tuple[str, int]]) -> tuple[list[Quoted], list[tuple[str, int]]]:
    """Pairs closed within [lo, hi), and the marks left open; `stack` holds marks opened before lo."""
    pairs: list[Quoted] = []
    for m in MARK.finditer(text, lo, hi):
        i, ch = m.start(), m.group()
        role = _role(text, i, lo, hi, stack)
        if role == "open":
            stack.append((ch, i))
        elif role == "close":
            while stack:  # a closer also closes marks opened inside it and never closed
                mark, at = stack.pop()
                if ch in CLOSERS[mark]:
                    pairs.append(_region(text, mark, at, i))
                    break
    return pairs, stack


def _spanning(text: str, lines: list[str], starts: list[int], n: int, seed: tuple[str, int]) -> Quoted | None:
    """The region of a mark left open on line n whose closer stands on one of the next lines of the block."""
    stack = [seed]
    seen = 0
    for k in range(n + 1, len(lines)):
        lo, hi = starts[k], starts[k] + len(lines[k])
        if not lines[k].strip():
            continue
        seen += 1
        if seen > SPAN_LINES or hi - seed[1] > SPAN_CHARS:
            return None
        pairs, stack = _paragraph(text, lo, hi, stack)
        closed = next((p for p in pairs if p.open == seed[1]), None)
        if closed:
            return closed
        if stack != [seed]:  # a mark opened in between and left open: the marks are not a clean span
            return None
    return None


def _role(text: str, i: int, lo: int, hi: int, stack: list[tuple[str, int]]) -> str | None:
    ch = "''" if text.startswith("''", i) else text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + len(ch)] if i + len(ch) < hi else " "
    open_marks = [m for m, _ in stack]
    if ch in "«‹„":
        return "open"
    if ch in "»›":
        return "close" if ("«" if ch == "»" else "‹") in open_marks else None
    if ch == "“":  # closes „...“, else opens “...” (or, after a word at a paragraph end, closes a “ left open)
        if open_marks and (open_marks[-1] == "„" or open_marks[-1] == "“" and not prev.isspace()
                           and (nxt.isspace() or nxt in _AFTER_CLOSE)):
            return "close"
        return "open"
    if ch == "‘":
        return "open" if not prev.isalnum() and not nxt.isspace() else None
    if ch == "’":  # an apostrophe unless it can close a ‘
        return "close" if "‘" in open_marks and not (prev.isalpha() and nxt.isalpha()) else None
    if ch == "”" and any(m in "“„\"" for m in open_marks):  # "mixed marks” happen
        return "close"
    # straight quotes (and a stray ” used as one): judged by the characters around them
    open_like = prev in _BEFORE_OPEN and not nxt.isspace()
    close_like = not prev.isspace() and (nxt in _AFTER_CLOSE or nxt == ch)
    if open_like and not close_like:
        return "open"
    if close_like and not open_like:
        return "close" if any(ch in CLOSERS[m] for m in open_marks) else None
    return "close" if open_marks and ch in CLOSERS[open_marks[-1]] else "open"


def _region(text: str, mark: str, at: int, close: int, continues: bool = False) -> Quoted:
    start, end = at + len(mark), close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quoted(at, close, start, end, mark, continues)


def _outermost(regions: list[Quoted]) -> list[Quoted]:
    out: list[Quoted] = []
    for r in sorted(regions, key=lambda r: (r.open, -r.close)):
        if out and r.open < out[-1].close:
            continue
        out.append(r)
    return out
