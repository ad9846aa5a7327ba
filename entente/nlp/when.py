"""Event dates: the temporal expressions of a ru/uk/en news text, resolved against the publication date.

Written here, not taken from dateparser (which reads "2022 року" as "2 years ago" and misses
"у вівторок, 9 квітня"). The words are data (`[when]` in `nlp/data/<lang>.toml`); one regular
expression per language, tried only where a word an expression can begin with stands (a few thousand
articles a second). What each kind resolves to:

- a full date ("30 декабря 2023 года", "9 April 2024", "2024-04-09") → "YYYY-MM-DD"; a range
  ("16–18 июня", "с 16 по 18 червня") → its first day; an impossible date ("31 февраля") is no reference.
- a year-less date ("30 грудня", "on Tuesday, April 9") or month ("в марте", "in early March") → the
  publication year, or the year before when that would put it more than 31 days after publication (a
  December event reported in January). A year-less 29 February in a common year is no reference.
- a month or year with a year word ("в октябре 2019 года", "у листопаді цього року", "2022 року").
- a weekday ("в среду", "у середу", "on Wednesday") → the latest such day on or before publication;
  "last" → strictly before, "next" → strictly after, "this" → in the publication's Monday–Sunday week,
  "в среду на прошлой неделе" → in the week named. The verb's tense is not read.
- days, weeks, months, years relative to publication ("вчера", "накануне", "earlier this week", "в
  прошлом месяце", "торік", "three years ago"). «Накануне визита» ("on the eve of the visit") is no
  reference: its date is another event's.

A reference may cover several days (a week; or any relative one when `published` is only "YYYY-MM"):
its date is then the smallest calendar unit holding all of them — "на прошлой неделе" is the month
when the whole week lies in one month, else the year, else None. Without a publication date,
expressions with a year still resolve; year-less and relative ones keep their text with date None.
`relative` marks expressions that need the publication date beyond the year ("вчера", "в среду",
"в марте прошлого года"); "30 грудня" is not relative (it names its day, only the year is implied).

>>> when = When()
>>> [(r.text, r.date) for r in when.find("Во вторник, 9 апреля, и вчера", "ru", "2024-04-12")]
[('Во вторник, 9 апреля', '2024-04-09'), ('вчера', '2024-04-11')]
"""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from entente.nlp.dates import LANGS, normalize_iso

if TYPE_CHECKING:
    from entente.nlp.morph import Morph

_NAMES = {"dm": ("dm_m",), "md": ("md_m",), "my": ("my_m",), "mo": ("mo_m",), "wd": ("wd_w",)}  # month/weekday
# Words that make a date a target or a deadline, never when an event happened: "до 2030 года", "к 2030 году",
# "by 2030", "until the end of the year", "до кінця року".
TARGETS = frozenset(("до", "к", "ко", "by", "until", "till"))
ROLLOVER = timedelta(days=31)  # a year-less date this far after publication belongs to the year before
Span = tuple[date, date]  # first and last day an expression may mean


@dataclass(frozen=True)
class TimeRef:
    start: int
    end: int
    text: str
    date: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None (no anchor, or too vague)
    relative: bool  # expressed relative to publication ("вчера", "в среду", "в прошлом месяце")


class When:
    """The event-date grammar, built once (it loads the word lists); `find` per text.

    `morph`, when given, tells «накануне визита» (genitive: "on the eve of") from «накануне министр»
    ("the day before"); without it a word's ending decides.
    """

    def __init__(self, morph: Morph | None = None) -> None:
        self.morph = morph
        self._data = {lang: _read(lang) for lang in LANGS}
        self._grammars: dict[str, _Grammar] = {}

    def grammar(self, lang: str) -> _Grammar:
        """The grammar of `lang`; of all languages together for any other code."""
        key = lang if lang in self._data else "*"
        if key not in self._grammars:
            self._grammars[key] = _Grammar.build([self._data[x] for x in ([key] if key != "*" else LANGS)])
        return self._grammars[key]

    def find(self, text: str, lang: str, published: str | None) -> list[TimeRef]:
        """Every temporal expression of `text`, in order, resolved against `published`.

        >>> [(r.text, r.date) for r in When().find("2022 року, у листопаді цього року", "uk", "2024-05-01")]
        [('2022 року', '2022'), ('у листопаді цього року', '2024-11')]
        """
        g = self.grammar(lang)
        anchor = _anchor(published)
        lowered = text.lower()
        out = []
        for m in g.matches(text, lowered):
            kind = m.lastgroup or ""
            if any(m[k] and _key(m[k]) in g.cased and not text[m.start(k)].isupper() for k in _NAMES.get(kind, ())):
                continue
            if kind in ("rel", "wd") and g.named(text, m.start()):
                continue
            if kind == "rel" and g.eve_of(text, m, self.morph, lang):
                continue
            if lowered[m.start():m.end()].split(maxsplit=1)[0] in TARGETS:
                continue
            resolved = _RESOLVERS[kind](g, m, anchor)
            if resolved is not None:
                out.append(TimeRef(m.start(), m.end(), text[m.start():m.end()], *resolved))
        return out


def nearest(refs: list[TimeRef], pos: int, start: int = 0, end: int | None = None) -> TimeRef | None:
    """The resolved reference closest to offset `pos` among those inside [start, end) (a sentence);
    on a tie the one before `pos`.

    >>> refs = [TimeRef(0, 5, "вчера", "2024-04-11", True), TimeRef(30, 37, "в среду", "2024-04-10", True)]
    >>> nearest(refs, 12).text, nearest(refs, 12, start=10).text, nearest(refs, 12, start=10, end=30)
    ('вчера', 'в среду', None)
    """
    inside = [r for r in refs if r.date and r.start >= start and (end is None or r.end <= end)]
    if not inside:
        return None
    return min(inside, key=lambda r: (max(r.start - pos, pos - r.end, 0), r.start > pos))


# ---- the grammar ------------------------------------------------------------------------------


def _read(lang: str) -> dict[str, Any]:
    data = tomllib.loads(resources.files("entente.nlp").joinpath(f"data/{lang}.toml").read_text("utf-8"))
    return {"months": data["months"], **data["when"]}


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().replace("’", "'").replace("ʼ", "'")).strip()


def _key(s: str) -> str:
    return _fold(s).rstrip(".")


def _alt(words: list[str]) -> str:
    r"""Alternation of lowercase `words` as a trie (longest first, one character tried per branch: fast);
    spaces match any space, apostrophes any apostrophe.

    >>> print(_alt(["в", "в конце", "во"]))
    (?:в(?:\s+конце|о)?)
    """
    trie: dict[str, Any] = {}
    for w in {_fold(w) for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return f"(?:{_trie(trie)})" if trie else "(?!)"


def _trie(node: dict[str, Any]) -> str:
    parts = []
    for ch in sorted(c for c in node if c):
        head = r"\s+" if ch == " " else "['’ʼ]" if ch == "'" else re.escape(ch)
        parts.append(head + _trie(node[ch]) if node[ch] else head)
    body = "|".join(parts)
    if "" not in node:
        return body if len(parts) == 1 else f"(?:{body})"
    return f"(?:{body})?" if parts else ""


def _starter(phrase: str) -> str:
    """The first word of a phrase; the first two after a short word ("the end of", "a year ago"): "the" and
    "a" are too frequent to try the whole grammar after each."""
    words = _fold(phrase).rstrip("-").split()
    return " ".join(words[:2]) if len(words) > 1 and len(words[0]) <= 3 else words[0]


def _ending(word: str, endings: tuple[str, ...]) -> int:
    return max((len(e) for e in endings if word.endswith(e)), default=0)


def _names(d: dict[str, Any]) -> list[str]:
    return [f for forms in [*d["months"].values(), *d["weekdays"]] for f in forms]


@dataclass(frozen=True)
class _Grammar:
    pattern: re.Pattern[str]  # over lowercased text: case-sensitive literals are much faster
    starters: re.Pattern[str]  # what stands before a word or number an expression can begin with: `pattern` is
    # tried only there
    cased: frozenset[str]  # month and weekday names written capitalized (English: "may", "march" are verbs)
    months: dict[str, int]
    weekdays: dict[str, int]  # 0 = Monday
    directions: dict[str, str]  # word before a weekday or month -> "last" | "next" | "this"
    relative: dict[str, tuple[str, int, str]]  # phrase -> (unit, offset, "before" | "after" | "")
    ago_numbers: dict[str, int]
    ago_singular: frozenset[str]  # unit words that need no number
    not_after: frozenset[str]  # words that make a following relative phrase or weekday a name ("USA Today")
    eve: frozenset[str]
    eve_object_endings: tuple[str, ...]
    eve_other_endings: tuple[str, ...]
    eve_not_objects: frozenset[str]

    @classmethod
    def build(cls, datas: list[dict[str, Any]]) -> _Grammar:
        def words(key: str) -> list[str]:
            return [w for d in datas for w in d[key]]

        months: dict[str, int] = {}
        full: list[str] = []
        short: list[str] = []
        for d in datas:
            for number, forms in d["months"].items():
                months.update({_key(f): int(number) for f in forms})
                # a form that begins the nominative is an abbreviation ("мар", "лист", "Sept"): only with a day
                for f in forms:
                    (short if f != forms[0] and forms[0].startswith(f) else full).append(f)
        weekdays = {_key(f): n for d in datas for n, forms in enumerate(d["weekdays"]) for f in forms}
        cased = frozenset(_key(f) for d in datas if d["capitalized"] for f in _names(d))
        directions = {_key(w): way for way in ("last", "next", "this") for w in words(f"weekday_{way}")}
        relative = {}
        for d in datas:
            for phrase, value in d["relative"].items():
                unit, offset, *clip = value.split()
                relative[_key(phrase)] = (unit, int(offset), clip[0] if clip else "")
        units = ("day", "week", "month", "year")
        ago = {u: [w for d in datas for w in d["ago"][u]] for u in units}
        numbers = {_key(w): n for d in datas for w, n in d["ago"]["numbers"].items()}

        mon_full = _alt(full)
        dotted = _alt([f for f in short if _key(f) not in cased])  # «9 дек.»; "Dec 9" needs no dot
        mon_any = rf"(?:{mon_full}|{_alt([f for f in short if _key(f) in cased])}\.?|{dotted}\.)"
        wd = _alt(list(weekdays))
        dirs = _alt(list(directions))
        year = r"(?:1\d|20)\d\d(?!\d)"
        year_words = rf"(?:{_alt(words('year_words'))}(?!\w))"
        joiners = words("range_joiners") + words("range_to")
        join = (rf"(?:\s*{_alt([w for w in joiners if not w[0].isalnum()])}\s*"
                rf"|\s+{_alt([w for w in joiners if w[0].isalnum()])}\s+)")
        ordinal = r"(?:-?(?:го|е)|st|nd|rd|th)?"
        day = r"(?<![\w.,:/])[0-3]?\d(?!\d)"
        lead = rf"{_alt(words('leads') + words('month_preps'))}(?:\s+|(?<=-))"
        rel_year = _alt([p for p, (u, _, clip) in relative.items() if u == "year" and not clip])
        rel_week = _alt([p for p, (u, _, clip) in relative.items() if u == "week" and not clip])
        wd_preps = _alt(words("weekday_preps"))
        night = rf"{_alt(words('night'))}(?:\s+{_alt(words('night_from'))}\s+{wd})?\s+{_alt(words('night_to'))}\s+"
        wd_prefix = rf"(?:(?:{night}|{wd_preps}\s+)?{wd}\s*,?\s+)?"
        bare = "|" if all(d["weekday_bare"] for d in datas) else ""
        # a year alone needs a year word («2022 року»), or a preposition where the language has none ("in 2022")
        year_tail = r"(?![\w%])(?!\s*percent)" if not words("year_words") else r"(?=\s*(?:[,.;:)!?]|$))"
        branches = {
            "iso": rf"(?P<iso_y>{year})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?!\d)",
            "dmy": rf"(?<![\d.])(?P<dmy_d>[0-3]?\d)\.(?P<dmy_m>[01]?\d)\.(?P<dmy_y>{year})(?![.\d]\d)",
            "dm": rf"{wd_prefix}(?:{_alt(words('range_from'))}\s+)?(?P<dm_d>{day}){ordinal}"
                  rf"(?:{join}{day}{ordinal})?\s+(?:of\s+)?(?P<dm_m>{mon_any})(?!\w)"
                  rf"(?:,?\s+(?P<dm_y>{year})(?:\s*{year_words})?|\s+(?:of\s+)?(?P<dm_r>{rel_year})(?!\w))?",
            "md": rf"{wd_prefix}(?:{_alt(words('month_preps'))}\s+)?(?P<md_m>{mon_any})\s+(?P<md_d>[0-3]?\d)(?!\d)"
                  rf"(?:st|nd|rd|th)?(?:{join}{day}(?:st|nd|rd|th)?)?(?:,?\s+(?P<md_y>{year})|\s+(?P<md_r>{rel_year}))?"
                  r"(?!\w)" if any(d["month_first"] for d in datas) else "(?!)",
            "my": rf"(?:{lead})?(?P<my_m>{mon_full})(?:\s*[-–—]\s*{mon_full})?,?\s+"
                  rf"(?:(?P<my_y>{year})(?:\s*{year_words})?|(?:of\s+)?(?P<my_r>{rel_year})(?!\w))",
            "mo": rf"(?:(?P<mo_dir>{dirs})\s+|{lead})(?P<mo_m>{mon_full})(?!\w)",
            "yr": rf"(?:{lead})?(?P<yr_y>{year})(?:{join}{year})?{_alt(words('year_endings'))}?\s*{year_words}"
                  rf"|{lead}(?:the\s+(?:year\s+)?)?(?P<yr_b>{year})(?:{join}{year})?{year_tail}",
            "wd": rf"(?:{night}|(?:{wd_preps}\s+)?(?P<wd_dir>{dirs})\s+|{wd_preps}\s+{bare})(?P<wd_w>{wd})(?!\w)"
                  rf"(?:,?\s+(?P<wd_k>{rel_week})(?!\w))?",
            "ago": rf"(?:(?P<ago_n>\d{{1,2}}|{_alt(list(numbers))})\s+)?(?:"
                   + "|".join(rf"(?P<ago_{u}>{_alt(ws)})" for u, ws in ago.items())
                   + rf")\s+{_alt([w for d in datas for w in d['ago']['words']])}(?!\w)",
            "rel": rf"(?:{_alt(words('leads'))}\s+)?(?P<rel_p>{_alt(list(relative))})(?!\w)",
        }
        pattern = r"(?<!\w)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in branches.items()) + ")"
        # the first word of every alternative above: `pattern` can only match where one of these begins
        firsts = [*words("leads"), *words("month_preps"), *words("weekday_preps"), *words("night"),
                  *words("range_from"), *months, *weekdays, *directions, *relative, *sum(ago.values(), []),
                  *(f"{n} {u}" for n in numbers for u in sum(ago.values(), []))]
        # the character before a starter, which is no word character (`matches` puts a space before the text): a
        # pattern that opens with a character class is scanned for by that class, not tried at every position
        starters = rf"\W(?=\d|{_alt([_starter(w) for w in firsts])}(?!\w))"
        eve = [d["eve"] for d in datas]
        return cls(
            re.compile(pattern), re.compile(starters), cased, months, weekdays,
            directions, relative, numbers, frozenset(_key(d["ago"][u][0]) for d in datas for u in units),
            frozenset(_key(w) for w in words("not_after")),
            frozenset(_key(w) for e in eve for w in e["words"]),
            tuple(w for e in eve for w in e["object_endings"]), tuple(w for e in eve for w in e["other_endings"]),
            frozenset(w for e in eve for w in e["not_objects"]),
        )

    def matches(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """`pattern.finditer(lowered)`, trying only where a starter word begins (several times faster)."""
        if len(lowered) != len(text):  # over the text itself: `pattern` ignoring case, compiled when first needed
            yield from _ignoring_case(self.pattern.pattern).finditer(text)
            return
        end = 0
        for s in self.starters.finditer(" " + lowered):  # each match the character before a starter
            at = s.start()  # where the starter begins in `lowered` (the space put before it shifts it by one)
            if at >= end:
                m = self.pattern.match(lowered, at)
                if m:
                    end = m.end()
                    yield m

    def named(self, text: str, start: int) -> bool:
        """Whether the word before `start` makes the phrase there part of a name ("USA Today")."""
        before = re.search(r"(\w+)\s+$", text[max(0, start - 24):start])
        return before is not None and before.group(1).lower() in self.not_after

    def eve_of(self, text: str, m: re.Match[str], morph: Morph | None, lang: str) -> bool:
        """Whether an eve word («накануне») is followed by the event it is the eve of («визита»)."""
        if _key(m.group("rel_p")) not in self.eve:
            return False
        nxt = re.match(r"[ \t]+([^\W\d_][\w'’ʼ-]*)", text[m.end():m.end() + 40])
        if not nxt:
            return False
        word = nxt.group(1).lower()
        if morph is not None and lang in ("ru", "uk"):
            readings = morph.readings(word, lang)
            return bool(readings) and "gent" in readings[0].tags and not {"VERB", "ADVB"} & readings[0].tags
        # the longer ending decides: «виборів» (-ів) is a noun, «заявив» (-в) and «заявила» (-ла) are verbs
        return word not in self.eve_not_objects and (
            _ending(word, self.eve_object_endings) > _ending(word, self.eve_other_endings))


@cache
def _ignoring_case(pattern: str) -> re.Pattern[str]:
    """A grammar's pattern over text that lowercasing would lengthen ("İ"): rare, so compiled when first met
    (≈0.03 s a language, once per process, not at every start-up)."""
    return re.compile(pattern, re.IGNORECASE)


# ---- resolution -------------------------------------------------------------------------------

Resolved = tuple[str | None, bool]  # (date, relative); None instead of it drops the expression


def _anchor(published: str | None) -> Span | None:
    iso = normalize_iso(published)
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    try:
        if len(parts) == 3:
            return date(*parts), date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), _month_end(parts[0], parts[1])
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _iso(span: Span) -> str | None:
    """The smallest calendar unit holding the whole span."""
    lo, hi = span
    if lo == hi:
        return lo.isoformat()
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    return f"{lo.year:04d}" if lo.year == hi.year else None


def _relative(anchor: Span | None, f: Callable[[date], Span]) -> Resolved:
    """`f` applied to every possible publication day (it is monotonic: the first and the last suffice)."""
    if anchor is None:
        return None, True
    return _iso((f(anchor[0])[0], f(anchor[1])[1])), True


def _valid(year: int, month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= calendar.monthrange(year, month)[1])


def _calendar(year: int | None, month: int, day: int | None, anchor: Span | None) -> Resolved | None:
    """A date or month; without a year the publication's, or the year before (see ROLLOVER)."""
    if not _valid(year or 2000, month, day):  # 2000 is a leap year: a year-less 29 February may be valid
        return None
    if year is None:
        if anchor is None:
            return None, False
        year = anchor[1].year
        if date(year, month, 1) + timedelta(days=(day or 1) - 1) > anchor[1] + ROLLOVER:
            year -= 1
        if not _valid(year, month, day):
            return None
    return (f"{year:04d}-{month:02d}" if day is None else date(year, month, day).isoformat()), False


def _in_year(offset: int, month: int, day: int | None, anchor: Span | None) -> Resolved | None:
    """A date or month in a year named relative to publication («в марте прошлого года»)."""
    if not _valid(2000, month, day):
        return None
    if anchor is None:
        return None, True
    found = _calendar(anchor[0].year + offset, month, day, anchor)
    return None if found is None else (found[0], True)


def _unit(d: date, unit: str, offset: int, clip: str = "") -> Span:
    """The day, Monday–Sunday week, month or year `offset` units from `d`, clipped before/after `d`."""
    if unit == "day":
        return d + timedelta(days=offset), d + timedelta(days=offset)
    if unit == "week":
        lo = d - timedelta(days=d.weekday()) + timedelta(weeks=offset)
        hi = lo + timedelta(days=6)
    elif unit == "month":
        year, month = divmod(d.year * 12 + d.month - 1 + offset, 12)
        lo, hi = date(year, month + 1, 1), _month_end(year, month + 1)
    else:
        lo, hi = date(d.year + offset, 1, 1), date(d.year + offset, 12, 31)
    return (lo, min(hi, d)) if clip == "before" else (max(lo, d), hi) if clip == "after" else (lo, hi)


def _month_of(g: _Grammar, word: str) -> int:
    return g.months[_key(word)]


def _dated(g: _Grammar, m: re.Match[str], anchor: Span | None, p: str) -> Resolved | None:
    """Branches dm, md, my, mo: a month with a day, a year, a relative year, or alone."""
    month = _month_of(g, m[f"{p}_m"])
    day = int(m[f"{p}_d"]) if p in ("dm", "md") else None
    if p != "mo" and m[f"{p}_y"]:
        return _calendar(int(m[f"{p}_y"]), month, day, anchor)
    if p != "mo" and m[f"{p}_r"]:
        return _in_year(g.relative[_key(m[f"{p}_r"])][1], month, day, anchor)
    way = g.directions.get(_key(m["mo_dir"] or "")) if p == "mo" else None
    if way is None:
        return _calendar(None, month, day, anchor)

    def f(d: date) -> Span:
        year = d.year + {"last": -(month >= d.month), "next": month <= d.month, "this": 0}[way]
        return date(year, month, 1), _month_end(year, month)

    return _relative(anchor, f)


def _weekday(g: _Grammar, m: re.Match[str], anchor: Span | None) -> Resolved:
    n = g.weekdays[_key(m["wd_w"])]
    way = g.directions.get(_key(m["wd_dir"] or ""), "")
    week = g.relative[_key(m["wd_k"])][1] if m["wd_k"] else None

    def f(d: date) -> Span:
        if week is not None or way == "this":
            x = d - timedelta(days=d.weekday()) + timedelta(weeks=week or 0, days=n)
        elif way == "last":
            x = d - timedelta(days=(d.weekday() - n - 1) % 7 + 1)
        elif way == "next":
            x = d + timedelta(days=(n - d.weekday() - 1) % 7 + 1)
        else:
            x = d - timedelta(days=(d.weekday() - n) % 7)
        return x, x

    return _relative(anchor, f)


def _ago(g: _Grammar, m: re.Match[str], anchor: Span | None) -> Resolved | None:
    unit = next(u for u in ("day", "week", "month", "year") if m[f"ago_{u}"])
    number = m["ago_n"]
    if number is None and _key(m[f"ago_{unit}"]) not in g.ago_singular:
        return None  # "years ago", «лет назад»: no count
    n = 1 if number is None else int(number) if number.isdigit() else g.ago_numbers[_key(number)]
    return _relative(anchor, lambda d: _unit(d, unit, -n))


def _phrase(g: _Grammar, m: re.Match[str], anchor: Span | None) -> Resolved:
    unit, offset, clip = g.relative[_key(m["rel_p"])]
    return _relative(anchor, lambda d: _unit(d, unit, offset, clip))


_RESOLVERS: dict[str, Callable[[_Grammar, re.Match[str], Span | None], Resolved | None]] = {
    "iso": lambda g, m, a: _calendar(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]), a),
    "dmy": lambda g, m, a: _calendar(int(m["dmy_y"]), int(m["dmy_m"]), int(m["dmy_d"]), a),
    "dm": lambda g, m, a: _dated(g, m, a, "dm"),
    "md": lambda g, m, a: _dated(g, m, a, "md"),
    "my": lambda g, m, a: _dated(g, m, a, "my"),
    "mo": lambda g, m, a: _dated(g, m, a, "mo"),
    "yr": lambda g, m, a: (m["yr_y"] or m["yr_b"], False),
    "wd": _weekday,
    "ago": _ago,
    "rel": _phrase,
}
