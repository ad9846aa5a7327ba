"""Where inputs come from: files, directories (recursive), shell globs, and `-` for stdin."""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from entente.errors import InputError
from entente.ingest.readers import HTML_SUFFIXES, JSON_SUFFIXES

TEXT_SUFFIXES = (".txt", ".text", *HTML_SUFFIXES, *JSON_SUFFIXES)
STDIN = "-"


def expand(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Input paths in a stable order; a path that matches nothing is yielded as an error.

    Directories are walked recursively for text-like files (.txt, .html, .json, .jsonl, ...);
    a file named explicitly is read whatever its suffix.
    """
    for path in paths:
        if path == STDIN:
            yield STDIN
            continue
        p = Path(path)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
            yield from (str(f) for f in found)
        elif p.is_file():
            yield path
        elif glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield InputError(path, "no file matches this pattern")
            for m in matches:
                yield from expand([m])
        else:
            yield InputError(path, "no such file or directory")


def read_path(path: str, max_bytes: int) -> bytes:
    """The bytes of a file or of stdin; reads at most max_bytes + 1 so a huge file is refused cheaply."""
    try:
        if path == STDIN:
            return sys.stdin.buffer.read(max_bytes + 1)
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError(path, e.strerror or str(e)) from e
