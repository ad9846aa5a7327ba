"""Pair quotation marks into quoted regions: «», „“, „”, “”, "", ‘’ and ‹›, nested.

Only outermost regions are returned; nested quotes («... „...“ ...») stay inside their text. Each line
is a paragraph. A mark left open at the end of a paragraph whose next paragraph opens the same kind
of mark again is the convention for a quote that runs on over paragraphs: the region then ends with
the paragraph and is flagged `continues`. Any other mark left open is dropped, and so are stray
closing marks.

    >>> text = '«Он «Известиям» сказал „да“», — и всё.'
    >>> [text[r.start:r.end] for r in quoted_regions(text)]
    ['Он «Известиям» сказал „да“']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "«„“‹‘\""
# sloppy text mixes marks (“...", "...”), so a straight quote may close a curly one and the reverse
CLOSERS = {"«": "»", "„": "“”\"", "“": "”\"", "‹": "›", "‘": "’", '"': '"”', "”": "”\""}
MARKS = frozenset("«»„“”‹›‘’\"")
MARK = re.compile("[«»„“”‹›‘’\"]")
FAMILY = {"«": "«", "„": "„“", "“": "“„", "‹": "‹", "‘": "‘", '"': '"“„', "”": "”"}  # what reopens a run-on
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


def quoted_regions(text: str) -> list[Quoted]:
    """Outermost quoted regions of `text`, in order."""
    found: list[Quoted] = []
    pos = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        following = next((nxt for nxt in lines[n + 1:] if nxt.strip()), "")
        found.extend(_paragraph(text, pos, pos + len(line), following.lstrip(" \t—–-")))
        pos += len(line) + 1
    return _outermost(found)


def _paragraph(text: str, lo: int, hi: int, following: str) -> list[Quoted]:
    stack: list[tuple[str, int]] = []  # (opening mark, its index)
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
    if stack and following[:1] and following[0] in FAMILY[stack[0][0]]:
        mark, at = stack[0]
        pairs.append(_region(text, mark, at, hi, continues=True))
    return [p for p in pairs if p.start < p.end]


def _role(text: str, i: int, lo: int, hi: int, stack: list[tuple[str, int]]) -> str | None:
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
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
    start, end = at + 1, close
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
