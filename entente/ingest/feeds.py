"""What a watched source lists: the article links of an RSS/Atom feed (feedparser) or of a URL list.

A URL list is plain text, one absolute URL per line; blank lines and lines starting with `#` are skipped.
Whether a body is one or a feed is told by its content, not by its name or Content-Type: text whose every
other line is a single URL-like word is a list, anything else goes to feedparser.

    listing = read_listing(body, "https://example.com/rss")
    listing.kind      # "rss20", "atom10", ... or "list"
    listing.entries   # Entry(url, title, published, updated) in the source's order, each URL once
    listing.problems  # what was wrong but did not stop the reading: a feed cut short, an entry without a link

A body that is neither (an HTML page, JSON, a truncated feed with no entry read) raises MalformedInput.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import feedparser

from entente.errors import MalformedInput

_LIST_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
# feedparser sets `bozo` for these too, though the feed was read whole
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


@dataclass(frozen=True)
class Entry:
    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD (UTC), from the entry's published (else updated) date
    updated: str | None = None  # the entry's updated (else published) stamp as written: a change means a new version


@dataclass(frozen=True)
class Listing:
    kind: str
    entries: tuple[Entry, ...] = ()
    problems: tuple[str, ...] = field(default=())


def read_listing(body: bytes, base: str) -> Listing:
    """The entries of a feed or URL list fetched from (or read at) `base`; relative links resolve against it."""
    text = _as_text(body)
    if text is not None:
        lines = [line.strip() for line in text.splitlines()]
        urls = [line for line in lines if line and not line.startswith("#")]
        if urls and all(_LIST_LINE.match(u) for u in urls):
            return Listing("list", tuple(Entry(u) for u in dict.fromkeys(urls)))
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    broken = error is not None and not isinstance(error, _HARMLESS)
    if not parsed.get("version") and not parsed.entries:
        reason = f" ({_reason(error)})" if error is not None else ""
        raise MalformedInput(base, f"neither an RSS/Atom feed nor a list of URLs{reason}")
    problems = [f"broken feed: {_reason(error)}; {len(parsed.entries)} entries read before it"] if broken else []
    entries: dict[str, Entry] = {}
    for n, item in enumerate(parsed.entries, 1):
        link = item.get("link") or next((x.get("href") for x in item.get("links", []) if x.get("href")), None)
        if not link:
            problems.append(f"entry {n} ({(item.get('title') or 'untitled')[:80]!r}) has no link")
            continue
        url = urljoin(base, link.strip())
        entries.setdefault(url, Entry(url, (item.get("title") or "").strip() or None, _day(item),
                                      dict.get(item, "updated") or dict.get(item, "published")))
    return Listing(parsed.get("version") or "feed", tuple(entries.values()), tuple(problems))


def _as_text(body: bytes) -> str | None:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _day(item: feedparser.FeedParserDict) -> str | None:
    # dict.get: feedparser's own get() maps a missing `updated` to `published` with a DeprecationWarning
    stamp = dict.get(item, "published_parsed") or dict.get(item, "updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None


def _reason(error: Any) -> str:
    where = ""
    if hasattr(error, "getLineNumber"):
        where = f" at line {error.getLineNumber()}"
    text = getattr(error, "getMessage", lambda: str(error))()
    return f"{' '.join(str(text).split())[:160]}{where}"
