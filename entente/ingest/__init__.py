"""Ingest: paths -> Articles (or the InputErrors of what could not be read)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from entente.errors import InputError, TooLarge
from entente.ingest.jsonl import STREAMED, stream, wide
from entente.ingest.readers import Item, read_bytes
from entente.ingest.sources import STDIN, expand, read_path, shown

__all__ = ["Item", "read", "read_bytes"]


def read(paths: Iterable[str], max_bytes: int) -> Iterator[Item]:
    """Every article in `paths`, in order; unreadable inputs are yielded as InputErrors."""
    for path in expand(paths):
        if isinstance(path, InputError):
            yield path
            continue
        name = "<stdin>" if path == STDIN else shown(path)
        try:
            if path != STDIN and path.lower().endswith(STREAMED):
                with open(path, "rb") as fh:
                    if not wide(fh.read(4)):
                        fh.seek(0)
                        yield from stream(fh, name, max_bytes)
                        continue
            data = read_path(path, max_bytes)
            if len(data) > max_bytes:
                raise TooLarge(name, f"over the limit of {max_bytes:,} bytes (Settings.max_bytes)")
            yield from read_bytes(data, name, max_bytes)
        except InputError as e:
            yield e
        except OSError as e:
            yield InputError(name, e.strerror or str(e))
