"""The time an article speaks of, for resolving titles and choosing among namesakes.

An article with a publication date is read at that date. Without one (most scraped pages), it was
written after the latest date its text mentions, and most likely soon after: «12 марта 2014 года» and
«в 2013 году» give 2014-03-12 .. 2016-03-12. A title resolves only to someone who held it inside the
window; with no window, only to someone the article names. Years after the base's own time (plans
«к 2035 году») do not date an article.

>>> Window.of("Саммит прошел 12 марта 2014 года, а в 2013 году ...", "ru", None)
Window(lo='2014-03-12', hi='2016-03-12')
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from entente.actors.kb import Role
from entente.nlp.dates import Calendar

_YEAR = re.compile(r"(?<![\d.,])(19[4-9]\d|20[0-4]\d)(?![\d.,]\d)")
_ANY_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20[0-4]\d)(?!\d)")
LATEST = "2026-12-31"  # the base's own time: later dates in a text are plans, not its date
SOON = 2  # years an article is assumed to follow the latest date it mentions
RECENT = 10  # years after leaving office that a surname alone still names a former office holder
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def words(lang: str) -> dict[str, Any]:
    path = resources.files("entente.actors") / "data" / "time_words.toml"
    data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    return data.get(lang) or data["en"]


@cache
def _calendar() -> Calendar:
    return Calendar.load()


@dataclass(frozen=True)
class Window:
    lo: str  # YYYY-MM-DD
    hi: str

    @classmethod
    def of(cls, text: str, lang: str, published: str | None) -> Window | None:
        """The publication date, else the span of the dates and years the text mentions, else None."""
        if published:
            return cls(_pad(published, "01"), _pad(published, "31"))
        dates = _dates(text)
        found = [(_pad(iso, "01"), _pad(iso, "31")) for iso, _, _ in dates if iso]
        inside = [(a, b) for iso, a, b in dates if iso]
        w = words(lang)
        after, before = set(w["year_after"]), set(w["year_before"])
        for m in _YEAR.finditer(text):
            if any(a <= m.start() < b for a, b in inside):
                continue
            nxt = _WORD.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
            prev = _WORD.findall(text[max(0, m.start() - 20) : m.start()])[-1:]
            if (nxt and nxt.group().lower() in after) or (prev and prev[0].lower() in before):
                found.append((f"{m.group()}-01-01", f"{m.group()}-12-31"))
        past = [lo for lo, _ in found if lo <= LATEST]
        if not past:
            return None
        lo = max(past)
        return cls(lo, f"{int(lo[:4]) + SOON}{lo[4:]}")

    def holds(self, role: Role) -> bool:
        """Whether `role` was held at some time inside the window."""
        start = _pad(role.start, "01") if role.start else ""
        end = _pad(role.end, "31") if role.end else ""
        return (not start or start <= self.hi) and (not end or end >= self.lo)

    def begun(self, role: Role) -> bool:
        """Whether `role` had begun by the window's end (held then, or before)."""
        return not role.start or _pad(role.start, "01") <= self.hi

    def active(self, roles: tuple[Role, ...]) -> bool:
        """Whether a person with these roles could be in the news at the window's time: some role not ended
        more than RECENT years before it (no roles: unknown, yes). Not bounded above: a text may mention
        only old dates, so its window says when it was written at the earliest."""
        since = f"{int(self.lo[:4]) - RECENT}{self.lo[4:]}"
        return not roles or any(not r.end or _pad(r.end, "31") >= since for r in roles)


def _dates(text: str) -> list[tuple[str | None, int, int]]:
    """Full dates with a year, read only around the years in the text (the date grammar is slow on a
    whole page, and a date without a year does not date it)."""
    out: dict[tuple[int, int], str | None] = {}
    for m in _ANY_YEAR.finditer(text):
        lo = max(0, m.start() - 40)
        for d, a, b in _calendar().find_dates(text[lo : m.end() + 12]):
            if a + lo <= m.start() < b + lo:
                out[a + lo, b + lo] = d.iso()
    return [(iso, a, b) for (a, b), iso in out.items()]


def _pad(iso: str, day: str) -> str:
    parts = iso.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-{'01' if day == '01' else '12'}-{day}"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-{day if day == '01' else '31'}"
    return iso
