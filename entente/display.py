"""Untrusted text for people to read: a page's title, body, outlet, URL or file name can hold terminal escapes
(ESC, OSC, BEL, BS, C1 such as U+009B) and bidi controls that would clear the screen, set the window title,
plant a link or reorder the text around them. Every human-facing output goes through one of these; stored
data stays as it was read.

    neutral("a\\x1b]0;x\\x07b\\u202e")   # -> "a\\ufffd]0;x\\ufffdb\\ufffd"  (tables, lines, CSV cells, error messages)
    dumps({"t": "\\x9b31m"})            # -> '{"t": "\\\\u009b31m"}'          (JSON: escaped, so it loads back as read)

Neutralized characters: C0 controls except tab and newline (CR, ESC, BEL, BS included), DEL, the C1 controls
U+0080–U+009F, and the bidi controls: embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks
U+200E, U+200F and U+061C. In text each becomes U+FFFD, one character for one (offsets hold); in JSON each is
written as a `\\uXXXX` escape, so a parser gets the stored text back and a terminal shows six plain characters.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from entente.models import Analysis

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def neutral(text: str) -> str:
    """`text` with control and bidi characters shown as U+FFFD (tab and newline kept)."""
    return UNSAFE.sub(REPLACEMENT, text)


def neutral_value(value: Any) -> Any:
    """A string neutralized; any other value as it is (numbers, booleans, None)."""
    return neutral(value) if isinstance(value, str) else value


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def dumps(value: Any, indent: int | None = None, compact: bool = False) -> str:
    """`value` as JSON (UTF-8 text kept readable) with every control and bidi character escaped as `\\uXXXX`.

    Outside strings JSON is plain ASCII, so each such character in the output is inside a string literal and
    its escape decodes to the same character: `json.loads(dumps(x)) == x`. `compact`: no spaces after `,` and `:`;
    NaN and infinities are refused (they are not JSON)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=not compact,
                      separators=(",", ":") if compact else None)
    return UNSAFE.sub(_escape, text)


def json_line(analysis: Analysis) -> str:
    """An analysis as a line of `entente analyze --format jsonl`. Given to the executor (entente.run), it runs where
    the analysis is made, in a worker process: this process only writes the line."""
    return dumps(analysis.to_dict())


def write_csv(stream: IO[str], columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Rows as CSV with a header (columns missing from a row are empty, extra keys ignored); every text cell
    neutralized as in tables (tab and newline kept, quoted). Returns the number of rows written."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([neutral_value(row.get(c)) for c in columns])
        n += 1
    return n
