"""Where inputs come from: files, directories (recursive), shell globs, and `-` for stdin.

What is not an input is said, never skipped in silence: a missing path, a broken symbolic link or a link
loop, a FIFO or device, a folder that cannot be read, a folder with no text-like files. Symbolic links to
folders are not followed (a link loop would never end); file names that are not valid UTF-8 are read
all the same and shown with U+FFFD in place of their bad bytes.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from entente.errors import InputError
from entente.ingest.readers import HTML_SUFFIXES, JSON_SUFFIXES

TEXT_SUFFIXES = (".txt", ".text", *HTML_SUFFIXES, *JSON_SUFFIXES)
STDIN = "-"
_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def shown(path: str) -> str:
    """A path as it can be printed and stored: undecodable bytes of a file name as U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def expand(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Input paths in a stable order; a path that yields nothing is yielded as an error saying why.

    Directories are walked recursively for text-like files (.txt, .html, .json, .jsonl, ...);
    a file named explicitly is read whatever its suffix.
    """
    for path in paths:
        if path == STDIN:
            yield STDIN
            continue
        try:
            mode = os.stat(path).st_mode
        except OSError as e:
            if glob.has_magic(path):
                yield from _glob(path)
            else:
                yield InputError(shown(path), _missing(path, e))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield path
        else:
            yield InputError(shown(path), f"not a regular file: {_kind(mode)}")


def _missing(path: str, error: OSError) -> str:
    if os.path.islink(path):
        return "a broken symbolic link or a symbolic link loop"
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    return error.strerror or str(error)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def _glob(pattern: str) -> Iterator[str | InputError]:
    """The matches of a shell glob (`**` recursive); pathlib does not follow symbolic links to folders."""
    p = Path(pattern)
    base = Path(p.anchor) if p.anchor else Path(".")
    relative = str(p.relative_to(p.anchor)) if p.anchor else pattern
    try:
        matches = sorted(str(m) if p.anchor else os.path.normpath(m) for m in base.glob(relative))
    except (OSError, ValueError, NotImplementedError) as e:
        yield InputError(shown(pattern), f"cannot expand this pattern: {e}")
        return
    if not matches:
        yield InputError(shown(pattern), "no file matches this pattern")
    for m in matches:
        yield from expand([m])


def _walk(folder: str) -> Iterator[str | InputError]:
    found: list[str] = []
    errors: list[InputError] = []
    others = 0

    def unreadable(e: OSError) -> None:
        errors.append(InputError(shown(e.filename or folder), f"cannot read this folder: {e.strerror or e}"))

    for root, _dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        for name in files:
            full = os.path.join(root, name)
            if not name.lower().endswith(TEXT_SUFFIXES):
                others += 1
                continue
            try:
                mode = os.stat(full).st_mode
            except OSError as e:
                errors.append(InputError(shown(full), _missing(full, e)))
                continue
            if stat.S_ISREG(mode):
                found.append(full)
            else:
                errors.append(InputError(shown(full), f"not a regular file: {_kind(mode)}"))
    yield from sorted(errors, key=lambda e: e.file)
    if not found and not errors:
        what = f" ({others:,} other files)" if others else ""
        yield InputError(shown(folder), f"no .txt, .html, .json or .jsonl files in this folder{what}")
    yield from sorted(found, key=Path)  # the order pathlib sorts paths in (by their parts)


def read_path(path: str, max_bytes: int) -> bytes:
    """The bytes of a file or of stdin; reads at most max_bytes + 1 so a huge file is refused cheaply."""
    try:
        if path == STDIN:
            return sys.stdin.buffer.read(max_bytes + 1)
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError(shown(path), e.strerror or str(e)) from e
