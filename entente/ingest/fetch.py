"""Fetching feeds and pages over HTTP politely (httpx, the `watch` extra).

    fetcher = Fetcher(FetchOptions(delay=1.0, timeout=20))
    page = fetcher.get("https://example.com/news/1", etag='"abc"')   # a Response, status 200 or 304
    fetcher.close()

What every request obeys:
* only http:// and https:// URLs, also after a redirect; redirects are followed by hand, at most
  `max_redirects`, each hop checked like the first;
* robots.txt of each host (fetched once per `ROBOTS_TTL`, for the agent token `entente`): a disallowed
  URL is not requested; robots.txt missing (4xx) allows everything, unreachable (5xx, timeout) allows
  nothing for `ROBOTS_RETRY` seconds (RFC 9309); a `Crawl-delay` (whole seconds) longer than `delay` is kept;
* at least `delay` seconds between two requests to one host (host:port), robots.txt included;
* `timeout` seconds to connect and between two reads, and a whole response within `TOTAL` × timeout;
* at most `max_bytes` of (decompressed) body: a longer Content-Length is refused before reading, a body
  that grows past it is cut off and refused;
* conditional GET: the validators given (ETag, Last-Modified) go out as If-None-Match and
  If-Modified-Since, and a 304 comes back as a Response with status 304 and no body.

Every failure is a FetchError naming the URL and the reason, `transient` when a later try may succeed.
The pause between requests is a function given by the caller, so a watcher can stop in the middle of one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from entente import __version__
from entente.errors import FetchError

AGENT = "entente"  # the token robots.txt rules name
USER_AGENT = f"{AGENT}/{__version__} (news watcher; httpx)"
SCHEMES = ("http", "https")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
TRANSIENT = frozenset({408, 425, 429})  # 4xx statuses a later try may pass; every 5xx too
TOTAL = 3  # a whole response must come within TOTAL x the timeout
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is trusted before it is fetched again
ROBOTS_RETRY = 60.0  # seconds a host whose robots.txt was unreachable is left alone before it is asked again
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: at least 500 KiB are parsed
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay above this is held to it


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 20.0  # seconds to connect, and between two reads
    delay: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 10_000_000  # of one response body
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    url: str  # as asked for
    final_url: str  # where redirects ended
    status: int  # 200 or 304
    body: bytes = b""
    content_type: str = ""  # the media type, lower case, without parameters
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def check_url(url: str) -> str:
    """The URL without its #fragment; FetchError when it is no absolute http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port that is no number or out of range
    except ValueError as e:
        raise FetchError(url, f"not a valid URL ({e})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(url, f"not an http(s) URL (scheme {parts.scheme or 'none'!r}); only http and https are "
                              f"fetched")
    if not parts.hostname:
        raise FetchError(url, "no host in the URL")
    return urlunsplit(parts._replace(fragment=""))


def host(url: str) -> str:
    """host:port (lower case) of an http(s) URL: the unit of politeness and of robots.txt."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    return f"{(parts.hostname or '').lower()}:{port}"


@dataclass
class _Host:
    last: float = float("-inf")  # monotonic time of the last request
    robots: RobotFileParser | None = None
    robots_at: float = float("-inf")
    delay: float = 0.0  # the Crawl-delay asked for, when longer than ours
    unreachable: str | None = None  # why robots.txt could not be had at robots_at: the host is left alone


@dataclass
class Fetcher:
    options: FetchOptions = field(default_factory=FetchOptions)
    pause: Callable[[float], None] = time.sleep  # a watcher's pause raises to stop mid-wait
    transport: httpx.BaseTransport | None = None
    hosts: dict[str, _Host] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.options.timeout), follow_redirects=False, transport=self.transport,
            headers={"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip, deflate"})

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The response to a (conditional) GET of `url`: status 200 with its body, or 304."""
        first = check_url(url)
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        return self._follow(first, headers, self.options.max_bytes, robots=True)

    def _follow(self, url: str, headers: dict[str, str], max_bytes: int, robots: bool) -> Response:
        asked, current = url, url
        for _hop in range(self.options.max_redirects + 1):
            if robots:
                self._allowed(current, asked)
            status, response = self._request(current, headers, max_bytes, asked)
            if status not in REDIRECTS:
                return response
            location = response.final_url
            try:
                current = check_url(urljoin(current, location))
            except FetchError as e:
                raise FetchError(asked, f"redirected to {location[:200]!r}: {e.reason}") from None
        raise FetchError(asked, f"more than {self.options.max_redirects} redirects (last to {current})")

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host may be asked again."""
        state = self.hosts.setdefault(host(url), _Host())
        wait = state.last + max(self.options.delay, state.delay) - time.monotonic()
        if wait > 0:
            self.pause(wait)
        state.last = time.monotonic()

    def _request(self, url: str, headers: dict[str, str], max_bytes: int, asked: str) -> tuple[int, Response]:
        """One GET, no redirect followed: (status, Response); a redirect's Response holds its Location as
        `final_url`. FetchError for an error status, a timeout, a body over `max_bytes`."""
        self._wait_turn(url)
        deadline = time.monotonic() + TOTAL * self.options.timeout
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                if r.status_code in REDIRECTS:
                    location = r.headers.get("location")
                    if not location:
                        raise FetchError(asked, f"HTTP {r.status_code} redirect without a Location ({url})")
                    return r.status_code, Response(asked, location, r.status_code)
                if r.status_code == 304:
                    return 304, Response(asked, url, 304, etag=r.headers.get("etag"),
                                         last_modified=r.headers.get("last-modified"))
                if r.status_code != 200:
                    where = "" if url == asked else f" (at {url})"
                    raise FetchError(asked, f"HTTP {r.status_code} {r.reason_phrase}{where}".rstrip(),
                                     transient=r.status_code >= 500 or r.status_code in TRANSIENT)
                body = self._body(r, max_bytes, deadline, asked)
                media = r.headers.get("content-type", "")
                kind, _, params = media.partition(";")
                charset = next((p.split("=", 1)[1].strip().strip('"\'') for p in params.split(";")
                                if p.strip().lower().startswith("charset=")), None)
                return 200, Response(asked, url, 200, body, kind.strip().lower(), charset or None,
                                     r.headers.get("etag"), r.headers.get("last-modified"))
        except httpx.TimeoutException as e:
            what = {"ConnectTimeout": "no connection", "ReadTimeout": "no data",
                    "WriteTimeout": "could not send", "PoolTimeout": "no connection"}.get(type(e).__name__, "no answer")
            raise FetchError(asked, f"timed out: {what} within {self.options.timeout:g} s", transient=True) from None
        except httpx.ConnectError as e:
            raise FetchError(asked, f"cannot connect: {_said(e)}", transient=True) from None
        except httpx.HTTPError as e:  # the server broke the protocol or the connection; a bad header ...
            raise FetchError(asked, f"{type(e).__name__}: {_said(e)}", transient=True) from None
        except httpx.InvalidURL as e:
            raise FetchError(asked, f"not a valid URL ({e})") from None

    def _body(self, r: httpx.Response, max_bytes: int, deadline: float, asked: str) -> bytes:
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes and "content-encoding" not in r.headers:
            raise FetchError(asked, f"response of {int(declared):,} bytes is over the limit of {max_bytes:,} "
                                    f"(--max-bytes)")
        chunks, size = [], 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(asked, f"response over the limit of {max_bytes:,} bytes (--max-bytes); cut off")
            if time.monotonic() > deadline:
                raise FetchError(asked, f"timed out: the response took over {TOTAL * self.options.timeout:g} s",
                                 transient=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _allowed(self, url: str, asked: str) -> None:
        """FetchError unless the host's robots.txt lets entente fetch `url`."""
        state = self.hosts.setdefault(host(url), _Host())
        age = time.monotonic() - state.robots_at
        if state.unreachable is not None and age < ROBOTS_RETRY:
            raise FetchError(asked, state.unreachable, transient=True)
        if state.robots is None or age > ROBOTS_TTL:
            state.robots_at, state.delay = time.monotonic(), 0.0
            try:
                state.robots, state.unreachable = self._robots(url), None
            except FetchError as e:
                state.robots, state.unreachable = None, e.reason
                raise FetchError(asked, e.reason, transient=True) from None
            delay = state.robots.crawl_delay(AGENT)
            if delay is not None:
                state.delay = min(float(delay), MAX_CRAWL_DELAY)
        if not state.robots.can_fetch(AGENT, url):
            where = "" if url == asked else f" (redirected to {url})"
            raise FetchError(asked, f"disallowed by robots.txt{where}")

    def _robots(self, url: str) -> RobotFileParser:
        """The host's robots.txt, parsed; FetchError when it is unreachable."""
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        parser = RobotFileParser(robots_url)
        try:
            response = self._follow(robots_url, {}, ROBOTS_MAX_BYTES, robots=False)
        except FetchError as e:
            if e.transient:  # RFC 9309: an unreachable robots.txt means: nothing may be fetched now
                raise FetchError(robots_url, f"robots.txt unreachable ({e.reason}); not fetched", True) from None
            lines: list[str] = []  # missing (4xx), too large, redirected away: no rules
        else:
            lines = response.body.decode("utf-8", "replace").splitlines()
        parser.parse(lines)
        return parser


def _said(error: Exception) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__
