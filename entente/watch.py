"""Watching news sources: poll feeds and URL lists, fetch the articles they link to, analyze and store them.

    watcher = Watcher(store, [Source.of("https://example.com/rss")], Fetcher(), InProcess(Settings()), Stop())
    result = watcher.round(1)     # one poll of every source, then every URL due; a Round of counts and failures

A round polls each source (a conditional GET: an unchanged feed costs a 304), records the links it lists
in the store's fetch state (entente.store.fetch_state), then fetches every URL due, host by host in turn
(entente.ingest.fetch keeps the per-host delay, robots.txt, timeouts and size limits). A page goes through
the pipeline like an ingested `.html` file (`Article.html`, extracted by trafilatura) and is stored as
`entente ingest` stores (entente.run.ingest); the feed entry's title and date are the article's metadata.
A URL is fetched once: done, it is fetched again only when its feed entry says it was updated, and then
conditionally (If-None-Match / If-Modified-Since). A failure that may pass (a timeout, HTTP 5xx) is tried
again on later rounds, up to `retries` attempts in all.
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from entente.errors import FetchError, InputError, UsageError
from entente.ingest.decode import decode
from entente.ingest.feeds import read_listing
from entente.ingest.fetch import Fetcher, Response, check_url, host
from entente.models import Article
from entente.run import Executor
from entente.run.ingest import ingest_items
from entente.store import Store
from entente.store.fetch_state import Due, FetchState

HTML_TYPES = ("text/html", "application/xhtml+xml", "")  # no Content-Type: read it and see
TEXT_TYPES = ("text/plain",)
DEFAULT_RETRIES = 3


class Stopped(Exception):
    """A stop was asked for (SIGINT, SIGTERM) while waiting."""


class Stop:
    """A stop request a signal handler may set: a plain flag (nothing a handler could deadlock on), and a
    wait that notices it within STEP seconds."""

    STEP = 0.1

    def __init__(self) -> None:
        self.requested = False

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True as soon as a stop is requested."""
        end = time.monotonic() + seconds
        while not self.requested and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, self.STEP))
        return self.requested

    def pause(self, seconds: float) -> None:
        """The fetcher's pause between two requests to one host: Stopped when a stop comes meanwhile."""
        if self.wait(seconds):
            raise Stopped


@dataclass(frozen=True)
class Source:
    name: str  # as stored in `feeds`: the URL, or the absolute path of a local file
    local: bool

    @classmethod
    def of(cls, text: str) -> Source:
        """A command-line source: an http(s) URL, or a local feed or URL-list file; UsageError otherwise."""
        scheme = urlsplit(text).scheme.lower() if "://" in text else ""
        if scheme:
            try:
                return cls(check_url(text), local=False)
            except FetchError as e:
                raise UsageError(f"{text[:200]}: {e.reason}") from None
        path = Path(text)
        if not path.is_file():
            what = "is a folder" if path.is_dir() else "no such file"
            raise UsageError(f"{text[:200]}: {what}; give a feed or URL-list file, or an http(s) URL")
        return cls(str(path.resolve()), local=True)


@dataclass(frozen=True)
class Failure:
    url: str
    reason: str
    retry: bool = False  # tried again on a later round


@dataclass
class Round:
    round: int
    sources: int = 0
    sources_not_modified: int = 0
    sources_failed: int = 0
    links_found: int = 0  # article URLs seen for the first time
    pages_fetched: int = 0  # 200 responses
    pages_not_modified: int = 0  # 304 responses to a re-fetch of an updated entry
    new: int = 0  # articles stored
    already_stored: int = 0  # pages whose content was stored before (another URL, an earlier run)
    failures: list[Failure] = field(default_factory=list)
    left: int = 0  # URLs still due when a stop ended the round
    stopped: bool = False

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["failed"] = len(self.failures)
        data["to_retry"] = sum(1 for f in self.failures if f.retry)
        return data


class Watcher:
    def __init__(self, store: Store, sources: Sequence[Source], fetcher: Fetcher,
                 executor: Executor, stop: Stop, *, retries: int = DEFAULT_RETRIES,
                 max_bytes: int = 10_000_000, report: Callable[[Failure], None] = lambda f: None):
        """`executor` analyzes the pages (entente.run): `InProcess` loads the models when the first page needs
        them, so a round with nothing new never loads them."""
        self.store, self.sources, self.fetcher, self.stop = store, list(sources), fetcher, stop
        self.executor = executor
        self.state = FetchState(store)
        self.retries, self.max_bytes, self.report = retries, max_bytes, report

    def round(self, number: int) -> Round:
        result = Round(number)
        names = [s.name for s in self.sources]
        try:
            for source in self.sources:
                if self.stop.requested:
                    raise Stopped
                self._poll(source, result)
            for due in interleave(self.state.due(names, self.retries)):
                if self.stop.requested:
                    raise Stopped
                self._fetch(due, result)
        except Stopped:
            result.stopped = True
        result.left = len(self.state.due(names, self.retries)) if result.stopped else 0
        return result

    def _fail(self, result: Round, url: str, reason: str, retry: bool = False) -> None:
        failure = Failure(url, reason, retry)
        result.failures.append(failure)
        self.report(failure)

    # --- sources ----------------------------------------------------------------------------------------

    def _poll(self, source: Source, result: Round) -> None:
        result.sources += 1
        known = self.state.feed(source.name)
        try:
            if source.local:
                body, base, etag, modified = _read_file(source.name, self.max_bytes), source.name, None, None
            else:
                response = self.fetcher.get(source.name, known.etag, known.last_modified)
                if response.status == 304:
                    self.state.not_modified(source.name)
                    result.sources_not_modified += 1
                    return
                body, base = response.body, response.final_url
                etag, modified = response.etag, response.last_modified
            listing = read_listing(body, base)
        except InputError as e:
            self.state.poll_failed(source.name, e.reason)
            result.sources_failed += 1
            self._fail(result, source.name, e.reason, isinstance(e, FetchError) and e.transient)
            return
        result.links_found += self.state.polled(source.name, listing.kind, etag, modified, listing.entries)
        for problem in listing.problems:
            self._fail(result, source.name, problem)

    # --- pages ------------------------------------------------------------------------------------------

    def _fetch(self, due: Due, result: Round) -> None:
        try:
            response = self.fetcher.get(due.url, due.etag, due.last_modified)
            if response.status == 304:
                self.state.done(due.url, None, response.etag or due.etag,
                                response.last_modified or due.last_modified, None)
                result.pages_not_modified += 1
                return
            result.pages_fetched += 1
            article = page_article(response, due, self.max_bytes)
            if self._store(article):
                result.new += 1
            else:
                result.already_stored += 1
            self.state.done(due.url, response.final_url, response.etag, response.last_modified, article.id)
        except InputError as e:  # a FetchError, or a page the pipeline cannot read
            transient = isinstance(e, FetchError) and e.transient
            status = self.state.failed(due.url, e.reason, transient, self.retries)
            self._fail(result, due.url, e.reason, status == "retry")


    def _store(self, article: Article) -> bool:
        """Analyze and store one article unless its content is stored already, as `entente ingest` does; True
        when it is new. A page the pipeline cannot read raises its InputError."""
        return ingest_items(self.store, [article], self.executor, batch=1, errors="raise").new == 1


def page_article(response: Response, due: Due, max_bytes: int) -> Article:
    """A fetched page as an Article: HTML for the pipeline's extraction step (plain text as text), with the
    feed entry's title and date as metadata."""
    kind = response.content_type
    if kind not in HTML_TYPES and kind not in TEXT_TYPES:
        raise FetchError(due.url, f"not a web page (Content-Type {kind})")
    text: str | None = None
    encoding = response.charset
    if encoding:
        with contextlib.suppress(LookupError, UnicodeDecodeError):  # a wrong or unknown charset: detect it
            text = response.body.decode(encoding)
    if text is None or not text.strip():
        text, encoding = decode(response.body, due.url, max_bytes)
    plain = kind in TEXT_TYPES
    return Article(file=due.url, text=text if plain else "", html=None if plain else text, url=response.final_url,
                   title=due.title, published=due.published, encoding=encoding)


def interleave(items: Iterable[Due]) -> list[Due]:
    """URLs host by host in turn (first of each host, then second ...), so one host's delay is spent
    fetching from the others."""
    queues: dict[str, list[Due]] = defaultdict(list)
    for item in items:
        try:
            key = host(item.url)
        except ValueError:  # a port that is not a number: fetching it will say so
            key = ""
        queues[key].append(item)
    out: list[Due] = []
    depth = max((len(q) for q in queues.values()), default=0)
    for n in range(depth):
        out.extend(q[n] for q in queues.values() if n < len(q))
    return out


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError(path, e.strerror or str(e)) from e
    if len(data) > max_bytes:
        raise InputError(path, f"over the limit of {max_bytes:,} bytes (--max-bytes)")
    return data
