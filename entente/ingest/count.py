"""How many inputs `read(paths)` will yield, when that is cheap to know: for a progress bar's total.

Files count one each, JSON Lines files one per non-blank line, `.json` files their list's length; what
cannot be read counts one (it comes out as one InputError). Standard input cannot be counted: None.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from entente.errors import InputError
from entente.ingest.jsonl import STREAMED
from entente.ingest.sources import STDIN, expand

WHOLE_JSON = 50_000_000  # bytes: a .json file larger than this is counted by its lines, not parsed


def count(paths: Iterable[str]) -> int | None:
    """The number of inputs in `paths`, or None when one of them is standard input."""
    paths = list(paths)
    if STDIN in paths:
        return None
    total = 0
    for path in expand(paths):
        if isinstance(path, InputError):
            total += 1
            continue
        lower = path.lower()
        try:
            if lower.endswith(STREAMED):
                total += max(1, _lines(path))
            elif lower.endswith(".json"):
                total += max(1, _json(path))
            else:
                total += 1
        except OSError:
            total += 1
    return total


def _lines(path: str) -> int:
    with open(path, "rb") as fh:
        return sum(1 for line in fh if not line.isspace())


def _json(path: str) -> int:
    if os.path.getsize(path) > WHOLE_JSON:
        return _lines(path)
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return _lines(path)  # read as JSON Lines
    return len(value) if isinstance(value, list) else 1
