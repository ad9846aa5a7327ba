"""Readers: one input file (or stdin) -> Articles, by format.

`.txt` and unknown suffixes are scraped plain text; `.html`/`.htm` keep the page source for the
extraction step; `.json`/`.jsonl` hold one article per line (`text` or `html`, optional `url`,
`title`, `published`, `source`). A `.json` file may also hold one object or a list of them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from entente.errors import InputError, MalformedInput
from entente.ingest.decode import decode
from entente.models import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
META_FIELDS = ("url", "title", "published", "source")

Item = Article | InputError


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
    if whole and stripped.startswith(("[", "{")) and (records := _whole(stripped)) is not None:
        for i, record in enumerate(records, 1):
            yield _record(record, file, i, encoding)
        return
    # Only "\n" ends a record: str.splitlines() would also split at U+2028 inside JSON strings.
    for no, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as e:
            yield MalformedInput(file, f"not valid JSON: {e.msg}", line=no)
            continue
        yield _record(record, file, no, encoding)


def _whole(text: str) -> list[Any] | None:
    """The records of a whole-file JSON document, or None when the file is JSON Lines after all."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, list) else [data]


def _record(record: Any, file: str, no: int, encoding: str) -> Item:
    if not isinstance(record, dict):
        return MalformedInput(file, f"expected a JSON object, got {type(record).__name__}", line=no)
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
