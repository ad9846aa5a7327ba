"""What the command line prints for people: tables that fit the terminal (120 columns unless $COLUMNS says
otherwise), actors by name, and `entente show` of an article, an event or an event cluster with its evidence.

Every cell and line passes through `safe()` (entente.display.neutral): control characters (ESC, BEL, BS, C1
such as U+009B) and bidi controls from a page cannot reach the terminal; stored data stays as it was read.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

from entente.display import neutral as safe
from entente.store import Store

WIDTH = 120
FLEXIBLE = ("sentence", "title", "snippet", "text")  # long text columns: cut last, they carry the evidence


def width() -> int:
    try:
        return max(60, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return WIDTH


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], total: int | None = None) -> None:
    """Rows as aligned columns, one line each, cut (…) so that a line fits `total` columns (default: width());
    the widest columns give way first."""
    total = total or width()

    def cell(v: Any) -> str:
        return "" if v is None else safe(" ".join(str(v).split()))

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[k]) for row in cells)]) for k, c in enumerate(columns)]
    room = total - 2 * (len(columns) - 1)
    flexible = [k for k, c in enumerate(columns) if c in FLEXIBLE]
    while sum(widths) > room:  # the other columns give way down to 16, then the text columns down to 20
        narrowable = [k for k in range(len(widths)) if k not in flexible and widths[k] > 16] or \
            [k for k in flexible if widths[k] > 20] or [k for k in range(len(widths)) if widths[k] > 6]
        if not narrowable:
            break
        widest = max(narrowable, key=lambda k: widths[k])
        widths[widest] -= 1

    def fit(s: str, w: int) -> str:
        return s if len(s) <= w else s[: max(0, w - 1)] + "…"

    print("  ".join(fit(c, w).ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(fit(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def with_names(store: Store, rows: list[dict[str, Any]], keys: Sequence[str] = ("actor", "recipient")) -> None:
    """Replace lists of actor ids under `keys` by their names, in place (ids not stored stay ids)."""
    ids = [i for r in rows for k in keys for i in (r.get(k) or []) if isinstance(r.get(k), list)]
    names = store.names(ids)
    for r in rows:
        for k in keys:
            if isinstance(r.get(k), list):
                r[k] = ", ".join(names.get(i, i) for i in r[k])


def show_event(store: Store, reports: list[dict[str, Any]]) -> None:
    with_names(store, reports)
    for r in reports:
        happened = "did NOT happen (negated)" if r["negated"] else "happened"
        rule = f"  rule: {r['rule']}" if r.get("rule") else ""
        _lines([f"event {r['id']}: {r['type']}{' / ' + r['mode'] if r.get('mode') else ''}, {happened}, "
                f"{r['modality']}{', historical' if r.get('historical') else ''}{rule}",
                f"  actor:     {r['actor'] or '-'}",
                f"  recipient: {r['recipient'] or '-'}",
                f"  date:      {r.get('day') or '-'} ({_dated(r)})",
                f"  trigger:   {r['trigger']}",
                f"  sentence:  {' '.join(r['sentence'].split())}",
                f"  outlet:    {r.get('source') or '-'} ({r.get('lang') or '?'}), "
                f"published {r.get('published') or '-'}",
                f"  link:      {r.get('url') or '-'}",
                f"  article:   {r['article_id']}   cluster: "
                + (f"{r['cluster_id']} (entente show cluster:{r['cluster_id']})" if r.get("cluster_id") else "-")])


def show_cluster(store: Store, c: dict[str, Any]) -> None:
    names = store.names([*(c.get("actor_countries") or []), *(c.get("recipient_countries") or [])])

    def side(ids: list[str] | None) -> str:
        return ", ".join(names.get(i, i) for i in ids or []) or "-"

    happened = "did NOT happen (negated)" if c["negated"] else "happened"
    _lines([f"cluster {c['id']}: {c['type']}, {happened}, {c['modality']}; {c['first']} … {c['last']}",
            f"  {side(c['actor_countries'])} -> {side(c['recipient_countries'])}",
            f"  {c['mentions']} reports in {c['reports']} articles, {c['sources']} outlets, {c['languages']} "
            f"languages", ""])
    reports = c["events"]
    with_names(store, reports)
    table(reports, ("day", "actor", "recipient", "source", "lang", "sentence"))


def show_article(found: dict[str, Any]) -> None:
    """Everything stored for an article: metadata, text, removed lines, actors, quotes, events."""
    lines = [f"{key:>10}: {found.get(key) if found.get(key) is not None else ''}"
             for key in ("id", "file", "url", "lang", "title", "published", "source", "duplicate_of")]
    lines += [f"{'removed':>10}: {len(found.get('removed', []))} lines", "", found["text"], ""]
    _lines(lines)
    if found.get("removed"):
        print("removed lines:")
        table(found["removed"], ("line", "reason", "text"))
    if found.get("actors"):
        print("\nactors:")
        table([{**a, "mentions": len(a.get("mentions") or [])} for a in found["actors"]],
              ("id", "name", "type", "country", "mentions"))
    if found.get("quotes"):
        print("\nquotes:")
        table(found["quotes"], ("speaker", "speaker_text", "partial", "text"))
    if found.get("events"):
        print("\nevents:")
        rows = [{**e, "actor": " ".join(e.get("actor") or []), "recipient": " ".join(e.get("recipient") or [])}
                for e in found["events"]]
        table(rows, ("id", "date", "type", "actor", "recipient", "negated", "modality", "sentence"))


def _dated(r: dict[str, Any]) -> str:
    if r.get("date"):
        return "the event's own date"
    return "its article's publication date" if r.get("day") else "undated"


def _lines(lines: list[str]) -> None:
    """Lines for the terminal, each wrapped to width() (continuations indented under the text)."""
    out = []
    for line in lines:
        line = safe(line)
        if len(line) <= width():
            out.append(line)
            continue
        indent = " " * min(len(line) - len(line.lstrip()) + (13 if ":  " in line[:16] else 0), 16)
        out += textwrap.wrap(line, width(), subsequent_indent=indent, break_long_words=True) or [""]
    sys.stdout.write("".join(line + "\n" for line in out))
