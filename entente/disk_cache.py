"""A cache on disk for what entente builds from its own data files, so that a new process need not build it
again (the knowledge-base index: ≈1.5 s to build, ≈0.1 s to read).

Where: `$ENTENTE_CACHE` if set (a directory; `off` turns the cache off), else `$XDG_CACHE_HOME/entente`,
else `~/.cache/entente`. Each entry is a pickle named by a hash of everything it was built from, so a
changed input is never served stale: it simply has another name. An entry is written to a temporary file
and renamed into place, so two processes writing at once leave one whole file; an entry that cannot be read
(missing, truncated, corrupt, from another version) is built again, never an error; a folder that cannot
be written only means the next process builds it too.

>>> key = digest(b"inputs")
>>> store("example", key, {"a": 1}, Path(tempfile.mkdtemp())) is not None
True
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FORMAT = 1  # bump when what an entry holds changes in a way its key does not show
KEEP = 4  # entries of one name kept (several --actors files, several checkouts); older ones are removed
OFF = ("off", "0", "no", "none", "false")


def directory() -> Path | None:
    """The cache folder, or None when `$ENTENTE_CACHE` turns the cache off."""
    env = os.environ.get("ENTENTE_CACHE")
    if env is not None and env.strip():
        return None if env.strip().lower() in OFF else Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "entente"
    try:
        return Path.home() / ".cache" / "entente"
    except (RuntimeError, KeyError):  # no home folder to be found (no $HOME, no passwd entry): no cache
        return None


def digest(*parts: bytes | str) -> str:
    """One hex key for everything an entry is built from (each part length-prefixed, so no two lists of
    parts collide by concatenation)."""
    h = hashlib.sha256(f"entente cache {FORMAT}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def files_digest(files: Iterable[Traversable]) -> bytes:
    """The names and bytes of files that an entry depends on, hashed (one that cannot be read raises OSError)."""
    h = hashlib.sha256()
    for file in files:
        data = file.read_bytes()
        h.update(file.name.encode("utf-8") + b"\0" + len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


def code_digest(modules: Iterable[str]) -> bytes:
    """The source of the modules that build an entry, hashed: a change to the code is a new key. Raises
    OSError, ImportError or ValueError when a module or its source cannot be found.

    A module compiled by mypyc (`make fast`) is an extension whose file is the same whatever its source: its
    `.py` beside it is hashed instead, and the key marked as compiled, since its pickles name native classes."""
    import importlib.util

    sources, compiled = [], False
    for module in modules:
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.origin:
            raise ImportError(f"no source for {module}")
        origin = Path(spec.origin)
        if origin.suffix != ".py":
            origin, compiled = origin.with_name(module.rpartition(".")[2] + ".py"), True
        sources.append(origin)
    return files_digest(sources) + (b"mypyc" if compiled else b"")


def key_of(parts: list[bytes | str]) -> str:
    """The key of an entry built from `parts` by this Python (whose pickles it holds)."""
    return digest(sys.version, *parts)


def cached(name: str, parts: Callable[[], list[bytes | str]], build: Callable[[], T], kind: type[T],
           folder: Path | None | bool = True) -> T:
    """`build()`, or what an earlier process stored for the same `parts()`: the inputs it is built from (file
    bytes, code digests, versions). `folder`: True for `directory()`, a folder, or False/None for no cache.
    When `parts()` cannot be read (OSError, ImportError, ValueError) the value is built without the cache."""
    place = directory() if folder is True else (folder or None)
    key = None
    if place is not None:
        try:
            key = key_of(parts())
        except (OSError, ImportError, ValueError):
            key = None
    if key is not None:
        found = load(name, key, place)
        if isinstance(found, kind):
            return found
    value = build()
    if key is not None:
        store(name, key, value, place)
    return value


def _path(folder: Path, name: str, key: str) -> Path:
    return folder / f"{name}-{key[:40]}.pickle"


def load(name: str, key: str, folder: Path | None) -> Any | None:
    """The value stored under `name` and `key`, or None when there is none that can be read."""
    if folder is None:
        return None
    try:
        with open(_path(folder, name, key), "rb") as fh:
            enabled = gc.isenabled()
            gc.disable()  # unpickling many small objects: the collector would walk them again and again
            try:
                stored_key, value = pickle.load(fh)
            finally:
                if enabled:
                    gc.enable()
    except Exception:  # noqa: BLE001 - missing, truncated, corrupt, unreadable or foreign: build it again
        return None
    return value if stored_key == key else None


def store(name: str, key: str, value: Any, folder: Path | None) -> Path | None:
    """Write `value` under `name` and `key`; the path written, or None when it could not be (no cache, a
    read-only folder, a full disk): the caller has its value all the same."""
    if folder is None:
        return None
    target = _path(folder, name, key)
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)  # atomic: a reader sees the old entry or the whole new one
        tmp = None
    except (OSError, pickle.PicklingError):
        return None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _prune(folder, name, target)
    return target


def _prune(folder: Path, name: str, keep: Path) -> None:
    """Remove all but the KEEP most recently written entries of `name` (the one just written stays)."""
    try:
        entries = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in [p for p in entries if p != keep][KEEP - 1 :]:
            old.unlink()
    except OSError:
        pass  # another process pruned it first, or the folder is not ours to tidy
