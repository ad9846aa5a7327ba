"""The headline: the line judged 'title', or the input's own metadata, without site-name suffixes."""

from __future__ import annotations

import re

from entente.clean.outlets import Outlets
from entente.clean.page import normalize
from entente.clean.patterns import fold
from entente.models import Line

_BAR = re.compile(r"\s+[|‖¦]\s+")
_DASH = re.compile(r"\s+(?:[-–—]|::|·|•)\s+")
_TIME = re.compile(r"^\d{1,2}:\d{2}\s+(?=\S)")
_DOMAIN = re.compile(r"\b[\w-]+\.(ru|ua|com|net|org|info|by|kz)\b", re.IGNORECASE)
MAX_SITE_WORDS = 12
MAX_ATTRIBUTED_WORDS = 14  # words of a headline after "Outlet: "; a lead quoting an outlet is longer
_SITE_WORDS = re.compile(r"(?i)\b(news|новости|новини|новина|online|онлайн|\.ru|\.ua|\.com|\.net|\.org)\b")


def strip_site(title: str, outlets: Outlets, rubrics: frozenset[str] = frozenset()) -> str:
    """Drop " | Новости, Спорт, Вакансии" and " — Reuters" style suffixes (and prefixes before a bar).

    >>> strip_site("Путин призывает к сотрудничеству | Новости, Спорт", Outlets.load())
    'Путин призывает к сотрудничеству'
    """
    return split_site(title, outlets, rubrics)[0]


def split_site(title: str, outlets: Outlets, rubrics: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """(headline, the site name cut from it or None). A section name ("Мир и политика") is cut but
    not returned as a site name."""
    title = _TIME.sub("", normalize(title))  # «16:52 У Ryanair почалися страйки»: a time stamp of the feed
    site = None
    parts = [p for p in _BAR.split(title) if p]
    if len(parts) > 1:
        head = max(parts, key=len) if len(parts[0].split()) < 3 else parts[0]
        rest = [p for p in parts if p is not head]
        title, site = head, rest[-1] if rest else None
    head, sep, tail = _split_last(title)
    if sep and (len(tail.split()) <= 5 or (len(tail.split()) <= MAX_SITE_WORDS and _DOMAIN.search(tail))):
        # «Дональд Трамп - новини і статті nv.ua на тему Дональд Трамп / Новое Время»: a domain names a site
        if outlets.is_known(tail) or _SITE_WORDS.search(tail):
            title, site = head, tail
        elif _is_section(tail, rubrics):
            title = head
    if site and _is_section(site, rubrics):
        site = None
    return title.strip(), site


def _is_section(tail: str, rubrics: frozenset[str]) -> bool:
    """ "Мир и политика", "World news": a site section name made of rubric words."""
    names = [w for w in re.split(r"\s+(?:и|і|та|й|and|&)\s+|,\s*", fold(tail)) if w]
    return bool(names) and all(n in rubrics for n in names)


def _split_last(title: str) -> tuple[str, str, str]:
    matches = list(_DASH.finditer(title))
    if not matches:
        return title, "", ""
    m = matches[-1]
    return title[: m.start()], m.group(), title[m.end() :]


def find_title(known: str | None, lines: tuple[Line, ...], outlets: Outlets,
               rubrics: frozenset[str] = frozenset()) -> str | None:
    if known:
        return strip_site(known, outlets, rubrics)
    line = next((x for x in lines if x.reason == "title"), None)
    if line is None:
        first = next((x for x in lines if x.label == "body"), None)
        line = first if first is not None and _attributed(first.text, outlets) else None
    return strip_site(line.text, outlets, rubrics) if line else None


def _attributed(text: str, outlets: Outlets) -> bool:
    """A first line that credits a known outlet before a colon and is headline-short («The New York Times:
    Дональд Трамп докладно роз'яснив своє ставлення до України.»): the headline, even with its full stop."""
    head, colon, rest = text.partition(": ")
    return bool(colon) and outlets.is_known(head.strip()) and 3 <= len(rest.split()) <= MAX_ATTRIBUTED_WORDS
