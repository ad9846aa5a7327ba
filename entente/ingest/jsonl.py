"""JSON Lines streamed record by record: the size limit applies to each record (a line), not to the file,
and the file is never held whole in memory. Only "\n" ends a record (U+2028 may sit inside a string).

Lines are UTF-8 (with a BOM on the first, or not); a line in a legacy code page is decoded on its own. A
file with a UTF-16/32 byte-order mark is read whole by the general reader instead.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from entente.errors import BinaryInput, EmptyInput, InputError, TooLarge
from entente.ingest.decode import MAGIC, decode
from entente.ingest.readers import Item, parse_line

STREAMED = (".jsonl", ".ndjson")
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SKIP = 1 << 20  # bytes read at a time while skipping the rest of a record over the limit


def wide(head: bytes) -> bool:
    """Whether a file starting with `head` is UTF-16/32 (read whole, not line by line)."""
    return head.startswith(_WIDE_BOMS)


def stream(fh: BinaryIO, file: str, max_bytes: int) -> Iterator[Item]:
    """The records of an open binary JSON Lines file; errors of one record are yielded, not raised."""
    no, records = 0, 0
    while raw := fh.readline(max_bytes + 1):
        no += 1
        if no == 1:
            for magic, kind in MAGIC.items():
                if raw.startswith(magic):
                    raise BinaryInput(file, f"binary file ({kind}), not text")
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := fh.readline(_SKIP)) and not rest.endswith(b"\n"):
                pass
            records += 1
            yield TooLarge(file, f"record over the limit of {max_bytes:,} bytes (--max-bytes)", line=no)
            continue
        if not raw.strip():
            continue
        records += 1
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = decode(raw, file, max_bytes)
            except InputError as e:
                yield type(e)(file, e.reason, line=no)
                continue
        yield parse_line(text, file, no, encoding)
    if not records:
        raise EmptyInput(file, "empty file")
