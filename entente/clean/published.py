"""The publication date: from the input's metadata, else the page's own dateline or byline area.

Never from teaser blocks. In order: metadata; a dated line in the header; a labelled date line
("Опубликовано: ...") outside teasers; a "CITY, 5 March 2024 —" dateline opening the body; a dated
line in the footer that no headline follows. A wrong date is worse than none: dates without a
year give None.
"""

from __future__ import annotations

import re

from entente.models import Line
from entente.nlp.dates import Calendar, PartialDate, normalize_iso

# Up to three capitalized words (a city, "МОСКВА", "Kyiv") then a comma or dash before the date.
_DATELINE_PREFIX = re.compile(r"^(?:[A-ZА-ЯЁІЇЄҐ][\w’'.-]*\s*){1,3}[,–—-]?\s*$")


def find_published(known: str | None, lines: tuple[Line, ...], text: str, calendar: Calendar) -> str | None:
    if known:
        return normalize_iso(known)
    dated = []
    for x in lines:
        d = calendar.date_line(x.text) if x.reason == "date" else None
        if d is not None and d.iso():
            dated.append((x, d))
    for pick in (
        lambda x, d: x.zone == "header",
        lambda x, d: d.labelled and x.zone != "teaser",
    ):
        for x, d in dated:
            if pick(x, d):
                return d.iso()
    if (found := _dateline(text[:160], calendar)) is not None:
        return found
    return _footer_date(lines, dated)


# Words that open a sentence of the body, not a dateline ("С 1 января 2020 года ...", "By 2030 ...").
_NOT_A_PLACE = frozenset(str.split("""с со в во до к ко по на от из за после перед около з із від у після
in on by from until since before after to at for as of about around"""))


def _dateline(head: str, calendar: Calendar) -> str | None:
    """The date of a "МОСКВА, 5 марта 2024 —" dateline opening the body: a place (capitalized words, not a
    preposition) closed by a comma or dash, or written in capitals; never a date of the body's first sentence."""
    for date, start, _end in calendar.find_dates(head):
        if date.day and date.year and _is_dateline(head[:start]):
            return date.iso()
        break
    return None


def _is_dateline(prefix: str) -> bool:
    if not _DATELINE_PREFIX.match(prefix):
        return False
    words = re.findall(r"[\w’'.-]+", prefix)
    if any(w.lower().strip(".") in _NOT_A_PLACE for w in words):
        return False
    return bool(re.search(r"[,–—-]\s*$", prefix)) or all(w.isupper() for w in words if w.isalpha())


def _footer_date(lines: tuple[Line, ...], dated: list[tuple[Line, PartialDate]]) -> str | None:
    order = {x.no: k for k, x in enumerate(lines)}
    for x, d in dated:
        if x.zone != "footer":
            continue
        after = lines[order[x.no] + 1 : order[x.no] + 3]
        if not any(y.reason in ("teaser", "footer") and len(y.text.split()) >= 4 for y in after):
            return d.iso()
    return None
