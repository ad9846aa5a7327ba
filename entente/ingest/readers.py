"""Readers: one input file (or stdin) -> Articles, by format.

`.txt` and unknown suffixes are scraped plain text; `.html`/`.htm` keep the page source for the
extraction step; `.json`/`.jsonl` hold one article per line (`text` or `html`, optional `url`,
`title`, `published`, `source`). A `.json` file may also hold one object or a list of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from entente.errors import InputError, MalformedInput
from entente.ingest.decode import decode
from entente.models import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
META_FIELDS = ("url", "title", "published", "source")

Item = Article | InputError
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # re reads the escapes; mypyc cannot compile surrogates in a literal


def read_bytes(data: bytes, file: str, max_bytes: int) -> Iterator[Item]:
    """Articles of one input; bad records of a JSON Lines file are yielded as errors, not raised.

    Errors that make the whole file unreadable (empty, binary, undecodable) are raised.
    """
    text, encoding = decode(data, file, max_bytes)
    lower = file.lower()
    if lower.endswith(JSON_SUFFIXES):
        yield from _json_records(text, file, encoding, whole=lower.endswith(".json"))
    elif lower.endswith(HTML_SUFFIXES) or _looks_like_html(text):
        yield Article(file=file, html=text, encoding=encoding)
    else:
        yield Article(file=file, text=text, encoding=encoding)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def _json_records(text: str, file: str, encoding: str, whole: bool) -> Iterator[Item]:
    """JSON Lines; a `.json` file may instead hold one object or one list of objects."""
    stripped = text.lstrip()
    if whole and stripped.startswith(("[", "{")) and (records := _whole(stripped, file)) is not None:
        if isinstance(records, InputError):
            yield records
            return
        if not records:
            yield MalformedInput(file, "an empty JSON list: no articles")
        for i, record in enumerate(records, 1):
            yield _record(record, file, i, encoding)
        return
    # Only "\n" ends a record: str.splitlines() would also split at U+2028 inside JSON strings.
    for no, raw in enumerate(text.split("\n"), 1):
        if raw.strip():
            yield parse_line(raw, file, no, encoding)


def parse_line(raw: str, file: str, no: int, encoding: str) -> Item:
    """One JSON Lines record (an article or the error that says why it is not one)."""
    record = loads(raw)
    if isinstance(record, _Bad):
        return MalformedInput(file, f"not valid JSON: {record.reason}", line=no)
    return _record(record, file, no, encoding)


class _Bad:
    def __init__(self, reason: str, fatal: bool = True):
        self.reason, self.fatal = reason, fatal  # fatal: valid syntax that Python cannot hold


def loads(text: str) -> Any:
    """json.loads, with every way it can fail (bad syntax, an integer of over 4,300 digits, nesting deeper
    than the recursion limit) as a _Bad value."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        return _Bad(e.msg, fatal=False)
    except RecursionError:
        return _Bad("nested too deeply")
    except ValueError as e:  # int() of too many digits
        return _Bad(str(e).split(";")[0])


def _whole(text: str, file: str) -> list[Any] | InputError | None:
    """The records of a whole-file JSON document, or None when the file is JSON Lines after all."""
    data = loads(text)
    if isinstance(data, _Bad):
        if not data.fatal:
            return None  # read as JSON Lines, which reports each bad line
        return MalformedInput(file, f"not valid JSON: {data.reason}")
    return data if isinstance(data, list) else [data]


def _clean(value: str) -> str:
    """Lone surrogates (JSON's `"\\ud800"`) are no Unicode text: U+FFFD in their place, one for one."""
    return _SURROGATE.sub("\ufffd", value)


def _record(record: Any, file: str, no: int, encoding: str) -> Item:
    if not isinstance(record, dict):
        return MalformedInput(file, f"expected a JSON object, got {type(record).__name__}", line=no)
    record = {k: _clean(v) if isinstance(v, str) else v for k, v in record.items()}
    text, html = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return MalformedInput(file, "record has no non-empty 'text' or 'html' field", line=no)
    meta: dict[str, str | None] = {}
    for key in META_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return MalformedInput(file, f"field {key!r} must be a string", line=no)
        meta[key] = value.strip() or None if isinstance(value, str) else None
    fields = {"url": meta["url"], "title": meta["title"], "published": meta["published"], "source": meta["source"]}
    if isinstance(text, str) and text.strip():
        return Article(file=file, text=text, line=no, encoding=encoding, **fields)
    return Article(file=file, html=html, line=no, encoding=encoding, **fields)  # type: ignore[arg-type]
