"""Checks of command-line values, run by argparse before any work: a wrong value is a usage error (exit 2)
that says what is wrong and lists the valid values, never a silent empty answer.

    --from 2023-13         '2023-13' is not a real date: month 13 (YYYY, YYYY-MM or YYYY-MM-DD)
    --type MEET            'MEET' is not a PLOVER event type; did you mean MOBILIZE? valid: AGREE, ...
    --country Russia       'Russia' is not an ISO alpha-3 country code; did you mean RUS (Russia)?
    --limit 0              --limit must be a whole number from 1 to 1,000,000
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import tomllib
from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from entente.errors import StoreError, UsageError
from entente.store import Store

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_NAME = 200  # characters of an actor name or id on the command line
MAX_LIMIT = 1_000_000  # --limit: more rows than anyone reads, well inside SQLite's integers
MAX_WORKERS = 512  # --workers: more processes than any machine's cores
_SCHEDULER = re.compile(r"^(tcp|tls)://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(:\d{1,5})?$")


def real_date(text: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year."""
    m = _DATE.match(text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-03)")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date(year if year is not None else 1, month if month is not None else 1, day if day is not None else 1)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real date: {e}") from None
    return text.strip()


def whole(low: int, high: int) -> Callable[[str], int]:
    """A whole number from `low` to `high`."""
    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text[:40]!r}: give a whole number from {low:,} to {high:,}")
        return value
    check.__name__ = "number"
    return check


@cache
def countries() -> dict[str, str]:
    """ISO alpha-3 code -> English name, from the actor knowledge base's countries file."""
    data = tomllib.loads(resources.files("entente.actors").joinpath("data/countries.toml").read_text("utf-8"))
    return {code: (entry.get("en") or [code])[0] for code, entry in data.items()}


def country(text: str) -> str:
    code = text.strip().upper()
    if code in countries():
        return code
    names = {name.lower(): c for c, name in countries().items()}
    near = [names[n] for n in difflib.get_close_matches(text.strip().lower(), list(names), n=3, cutoff=0.6)]
    near += [c for c in difflib.get_close_matches(code, list(countries()), n=3) if c not in near]
    hint = "; did you mean " + " or ".join(f"{c} ({countries()[c]})" for c in near[:3]) if near else ""
    raise argparse.ArgumentTypeError(f"{text[:40]!r} is not an ISO alpha-3 country code{hint}? "
                                     f"(codes such as RUS, UKR, CHN, USA)")


def plover_type(text: str) -> str:
    from entente.store.dyad import plover

    types = list(plover())
    value = text.strip().upper()
    if value in types:
        return value
    near = difflib.get_close_matches(value, types, n=2, cutoff=0.5)
    hint = f"; did you mean {' or '.join(near)}?" if near else ""
    raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a PLOVER event type{hint} valid: {', '.join(types)}")


def name(text: str) -> str:
    """An actor id or name: not empty, not absurdly long."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty actor name")
    if len(text) > MAX_NAME:
        raise argparse.ArgumentTypeError(f"an actor name of {len(text):,} characters (at most {MAX_NAME})")
    return text


def out_file(text: str) -> str:
    """A file to write: `-`, or a path whose folder exists and that is not itself a folder."""
    if text == "-":
        return text
    path = Path(text)
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty file name")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: is a folder; give a file name in it")
    folder = path.parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: the folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK):
        raise argparse.ArgumentTypeError(f"{text}: the folder {str(folder)!r} is not writable")
    return text


def text_file(option: str, path: str | None) -> None:
    """A file the command will read as UTF-8 text (--actors): UsageError naming it when it cannot be."""
    if path is None:
        return
    try:
        Path(path).read_bytes().decode("utf-8")
    except OSError as e:
        raise UsageError(f"{option} {path}: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise UsageError(f"{option} {path}: not UTF-8 text (byte {e.start:,}); save it as UTF-8") from e


def creatable(location: str) -> None:
    """A store `ingest` may create: not a throwaway in-memory one (nothing would be kept)."""
    if location.strip() in (":memory:", "") or location.startswith("file::memory:"):
        raise StoreError(f"--db {location!r}: an in-memory store keeps nothing; give a file path or a "
                         f"postgresql:// URL")


limit = whole(1, MAX_LIMIT)


def scheduler(text: str) -> str:
    """A Dask scheduler address: tcp://HOST:PORT (or tls://); the port defaults to Dask's 8786."""
    value = text.strip()
    m = _SCHEDULER.match(value)
    if not m or (m.group(3) and not 0 < int(m.group(3)[1:]) < 65536):
        raise argparse.ArgumentTypeError(f"{text[:80]!r} is not a Dask scheduler address; give tcp://HOST:PORT "
                                         f"(e.g. tcp://10.0.0.5:8786)")
    return value if m.group(3) else f"{value}:8786"


def cluster_extra() -> None:
    """UsageError when Dask distributed (the `cluster` extra) is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError as e:
        raise UsageError("--cluster needs Dask distributed, which is not installed: pip install 'entente[cluster]'"
                         ) from e


def store(db: str | None, mode: str = "read") -> Store:
    """The store a command works on. `read`: an existing entente store, opened read-only; `update`: an
    existing one, opened to write (stories, migrate); `create`: created when missing (ingest)."""
    from entente.settings import Settings
    from entente.store import check_location, open_store
    from entente.store.postgres import is_url

    location = Settings().db if db is None else db
    check_location(location)
    if mode == "create":
        creatable(location)
        return open_store(location, "write")
    if mode == "update" and not is_url(location) and (location == ":memory:" or not Path(location).is_file()):
        raise StoreError(f"{location}: no such store (create one with `entente ingest --db {location} FILES`)")
    return open_store(location, "read" if mode == "read" else "write")
