"""`entente watch`: follow news feeds and URL lists, storing every new article (entente.watch does the work).

Exit codes, as ingest's: 0 all went well; 1 some sources or pages failed (each said on stderr, one line:
`entente: URL: reason`, and counted in the summary); 2 a usage error, an unusable database, the `watch`
extra missing, or a `--once` run stopped before its end. Without `--once` a signal (Ctrl-C, SIGTERM) is the
normal end: the page in hand is finished and stored, and the exit code says whether anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import Any

from entente import cli_args
from entente.cli_show import safe
from entente.errors import UsageError
from entente.settings import Settings, settings_help

INSTALL = "pip install 'entente[watch]'"
MAX_BYTES = 2**31 - 1


def add_parsers(command: Callable[[str, str], argparse.ArgumentParser], db_option: Callable[..., None],
                fmt_option: Callable[..., None]) -> None:
    helps = settings_help()
    c = command("watch", "Poll RSS/Atom feeds and URL lists, fetch the new articles they link to, analyze and "
                "store them; the fetch state is kept in the store, so a restart resumes where it stopped.")
    c.add_argument("sources", nargs="+", metavar="FEED_OR_URL_LIST",
                   help="an http(s) URL of an RSS/Atom feed or of a URL list (plain text, one URL a line, # for "
                   "comments), or a local file holding either")
    c.add_argument("--once", action="store_true", help="poll each source once, fetch what is due, and exit")
    c.add_argument("--interval", type=_seconds(1, 7 * 86400), default=900.0, metavar="S",
                   help="seconds from the start of one round (a poll of every source, then the fetches) to the "
                   "start of the next (default: 900)")
    c.add_argument("--delay", type=_seconds(0, 3600), default=1.0, metavar="S",
                   help="seconds between two requests to one host (default: 1; a longer robots.txt Crawl-delay "
                   "wins, up to 60)")
    c.add_argument("--timeout", type=_seconds(0.01, 600), default=20.0, metavar="S",
                   help="seconds to connect, and to wait for data, per request; a whole response must come "
                   "within 3 times this (default: 20)")
    c.add_argument("--max-bytes", type=cli_args.whole(1, MAX_BYTES), default=Settings.max_bytes, metavar="N",
                   help="largest response body accepted, in bytes (default: 10,000,000)")
    c.add_argument("--retries", type=cli_args.whole(1, 100), default=3, metavar="N",
                   help="attempts in all for a page whose failure may pass (timeout, HTTP 5xx), one a round "
                   "(default: 3)")
    c.add_argument("--actors", metavar="FILE", default=None, help=helps["actors"])
    db_option(c)
    fmt_option(c, ("table", "json"), "table")


def _seconds(low: float, high: float) -> Callable[[str], float]:
    def check(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text[:40]!r}: give a number of seconds from {low:g} to {high:g}")
        return value
    check.__name__ = "seconds"
    return check


def cmd_watch(args: argparse.Namespace) -> int:
    try:
        import feedparser  # noqa: F401
        import httpx  # noqa: F401
    except ImportError as e:
        raise UsageError(f"entente watch needs {e.name or 'feedparser and httpx'}: {INSTALL}") from None
    from entente.ingest.fetch import Fetcher, FetchOptions
    from entente.run.local import InProcess
    from entente.watch import Round, Source, Stop, Watcher

    cli_args.text_file("--actors", args.actors)
    sources = list({s.name: s for s in map(Source.of, args.sources)}.values())
    settings = Settings(**{k: getattr(args, k) for k in ("db", "actors") if getattr(args, k) is not None})
    stop, failed, rounds = Stop(), 0, 0
    store = cli_args.store(settings.db, "create")
    where = store.location  # a PostgreSQL URL without its password
    fetcher = Fetcher(FetchOptions(timeout=args.timeout, delay=args.delay, max_bytes=args.max_bytes), stop.pause)
    try:
        watcher = Watcher(store, sources, fetcher, InProcess(settings), stop, retries=args.retries,
                          max_bytes=args.max_bytes, report=_report)
        with _signals(stop):
            while True:
                rounds += 1
                started = time.monotonic()
                result: Round = watcher.round(rounds)
                failed += len(result.failures)
                _summary(result, args.format, where)
                # rounds start --interval apart; one that took longer is followed at once
                if args.once or stop.requested or stop.wait(args.interval - (time.monotonic() - started)):
                    break
    finally:
        fetcher.close()
        store.close()
    if stop.requested:
        print(f"entente: watch stopped; {'run it again to resume' if args.once else 'nothing in hand was lost'}",
              file=sys.stderr)
        if args.once:
            return 2
    return 1 if failed else 0


def _report(failure: Any) -> None:
    again = " (will try again)" if failure.retry else ""
    print(safe(f"entente: {failure.url}: {failure.reason}{again}"), file=sys.stderr, flush=True)


def _summary(result: Any, fmt: str, db: str) -> None:
    if fmt == "json":
        print(json.dumps({**result.to_dict(), "database": db}, ensure_ascii=False), flush=True)
        return
    r = result.to_dict()
    sources = ", ".join(f"{n} {what}" for n, what in ((r["sources_not_modified"], "not modified"),
                                                      (r["sources_failed"], "failed")) if n)
    pages = ", ".join(f"{n} {what}" for n, what in ((r["pages_not_modified"], "not modified"),) if n)
    retry = f" ({r['to_retry']} to try again)" if r["to_retry"] else ""
    stopped = f"; stopped with {r['left']} still due" if r["stopped"] else ""
    print(f"round {r['round']}: {r['sources']} sources{f' ({sources})' if sources else ''}, {r['links_found']} new "
          f"links; {r['pages_fetched']} pages fetched{f' ({pages})' if pages else ''}: {r['new']} new articles, "
          f"{r['already_stored']} already stored; {r['failed']} failed{retry}{stopped} -> {db}", flush=True)


@contextmanager
def _signals(stop: Any) -> Iterator[None]:
    """SIGINT and SIGTERM ask for a stop after the page in hand; a second SIGINT stops at once."""
    def ask(signum: int, frame: FrameType | None) -> None:
        if stop.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        if not stop.requested:  # os.write: a print here could land inside another print to stderr
            os.write(2, b"entente: stopping after the page in hand (Ctrl-C again to stop at once)\n")
        stop.requested = True

    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return
    previous = {s: signal.signal(s, ask) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"watch": cmd_watch}
__all__: Sequence[str] = ("COMMANDS", "add_parsers")
