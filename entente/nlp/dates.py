"""A small date grammar for Russian, Ukrainian and English news pages.

Written here rather than taken from dateparser, which reads "2022 року" as "2 years ago". Month
names, weekdays and labels are data (`nlp/data/<lang>.toml`). Two uses:

- `Calendar.date_line(line)`: is this whole line a date/time stamp ("4 декабря 2020 г. в 19:00",
  "21.02.2025", "19:36", "Published: April 9, 2024")? Returns the date it states, possibly partial.
- `Calendar.find_dates(text)`: explicit dates inside running text ("в октябре 2019 года" is not one:
  dates here carry a day or a year with a month).

>>> cal = Calendar.load()
>>> cal.date_line("4 декабря 2020 г. в 19:00").iso()
'2020-12-04'
>>> cal.date_line("у вівторок, 9 квітня").iso() is None
True
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGS = ("ru", "uk", "en")


@dataclass(frozen=True)
class PartialDate:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    labelled: bool = False  # preceded by "Опубликовано", "Published", ...

    def iso(self) -> str | None:
        """`YYYY-MM-DD`, `YYYY-MM` or `YYYY`; None without a year (a year-less date is no date)."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_TIME = (
    r"[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?"
    r"(?:\s*(?:[ap]\.?m\.?|gmt|utc|мск|msk|eet|eest|cet|cest|et|est|edt|bst|[+-]\d\d:?\d\d))?"
)
_Y = r"(?P<{p}y>(?:19|20)\d\d)"
_D = r"(?P<{p}d>[0-3]?\d)"


@dataclass(frozen=True)
class Calendar:
    months: dict[str, int]
    forms: re.Pattern[str]  # any explicit date form, named groups per form
    line_head: re.Pattern[str]  # label / weekday / relative-day prefix of a date line
    line_tail: re.Pattern[str]  # optional time after the date

    @classmethod
    @cache
    def load(cls, langs: tuple[str, ...] = LANGS) -> Calendar:
        months: dict[str, int] = {}
        words: dict[str, list[str]] = {}
        for lang in langs:
            data = tomllib.loads(resources.files("entente.nlp").joinpath(f"data/{lang}.toml").read_text("utf-8"))
            for month, names in data["months"].items():
                months.update({n: int(month) for n in names})
            for key, values in data["words"].items():
                words.setdefault(key, []).extend(values)
        mon = rf"(?P<{{p}}m>{_alt(list(months))})\.?(?!\w)"
        ys = rf"(?:\s*(?:{_alt(words['year_suffix'])})(?!\w))?"
        forms = "|".join([
            rf"(?<!\w){_D.format(p='a')}(?:-?(?:го|е|th|st|nd|rd))?\s+{mon.format(p='a')}(?:,?\s+{_Y.format(p='a')}{ys})?",
            rf"(?<!\w){mon.format(p='b')}\s+{_D.format(p='b')}(?:st|nd|rd|th)?(?:,?\s+{_Y.format(p='b')})?(?!\d)",
            rf"(?<![\w.]){_D.format(p='c')}[./](?P<cm>[01]?\d)[./]{_Y.format(p='c')}(?![\d.]\d)",
            rf"(?<![\w-]){_Y.format(p='i')}-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d])",
            rf"(?<!\w){mon.format(p='e')},?\s+{_Y.format(p='e')}{ys}",
        ])
        head = (
            rf"^(?P<label>(?:{_alt(words['publication_labels'])})\s*:?\s*)?"
            rf"(?:(?:{_alt(words['weekdays'])})\.?,?\s+)?"
            rf"(?:(?P<rel>{_alt(words['relative_days'])})(?:\s*,\s*|\s+|$))?"
        )
        tail = rf"\s*(?:[,|/–—-]|{_alt(words['time_joiners'])})?\s*(?:{_TIME})?\s*$"
        flags = re.IGNORECASE
        return cls(months, re.compile(forms, flags), re.compile(head, flags), re.compile(tail, flags))

    def _date(self, m: re.Match[str], labelled: bool = False) -> PartialDate:
        g = m.groupdict()
        for p in "abcie":
            year = g.get(p + "y")
            month_word = g.get(p + "m")
            if year is None and month_word is None:
                continue
            month = int(month_word) if month_word and month_word.isdigit() else self.months.get(
                (month_word or "").lower().rstrip("."))
            day = g.get(p + "d")
            date = PartialDate(int(year) if year else None, month, int(day) if day else None, labelled)
            return date if _valid(date) else PartialDate(labelled=labelled)
        return PartialDate(labelled=labelled)

    def date_line(self, line: str) -> PartialDate | None:
        """The date a line states when the line is nothing but a date and/or time, else None."""
        s = line.strip().strip("|•·").strip()
        if not s or len(s) > 60:
            return None
        head = self.line_head.match(s)
        pos = head.end() if head else 0
        labelled = bool(head and head.group("label"))
        m = self.forms.match(s, pos)
        if m and self.line_tail.match(s, m.end()):
            return self._date(m, labelled)
        has_rel = bool(head and head.group("rel"))
        rest = s[pos:]
        if rest.strip() and re.fullmatch(rf"\s*(?:{_TIME})\s*", rest, re.IGNORECASE):
            return PartialDate(labelled=labelled)
        if has_rel and not rest.strip():
            return PartialDate(labelled=labelled)
        return None

    def find_dates(self, text: str) -> list[tuple[PartialDate, int, int]]:
        """Explicit dates in running text with their offsets: (date, start, end)."""
        out = []
        for m in self.forms.finditer(text):
            date = self._date(m)
            if date.month is not None or date.year is not None:
                out.append((date, m.start(), m.end()))
        return out


def _valid(d: PartialDate) -> bool:
    if d.month is not None and not 1 <= d.month <= 12:
        return False
    return d.day is None or 1 <= d.day <= 31


def normalize_iso(value: str | None) -> str | None:
    """A metadata date ("2024-04-09T10:00:00+03:00", "2024-04", "09.04.2024") as YYYY-MM-DD/YYYY-MM/YYYY."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"^((?:19|20)\d\d)(?:-([01]\d)(?:-([0-3]\d))?)?(?:[T ].*)?$", value)
    if m:
        return "-".join(p for p in m.groups() if p)
    dates = Calendar.load().find_dates(value)
    return dates[0][0].iso() if dates else None
