"""An article's text cut where its evidence starts and ends, so the page can mark actors, quotes and events at
their offsets; and `clean`, which keeps untrusted text from steering the page's layout.

    segments({"text": "Си встретился с Путиным.", "mentions": [...], "quotes": [], "events": [...]})
    # -> [{"text": "Си", "actors": ["person:xi-jinping"], "quotes": [], "events": ["e1"], "first": ["e1"]}, ...]

The markup itself is the template's (escaped there); offsets are character offsets into `text`, everywhere.
"""

from __future__ import annotations

from typing import Any

from entente.display import neutral


def clean(value: Any) -> str:
    """Text for display: bidi controls and control characters shown as U+FFFD, one character for one so offsets
    hold (entente.display; escaping is Jinja's)."""
    return "" if value is None else neutral(str(value))


def segments(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The text in pieces, each with the actors (mentions), quotes (seq) and events (id) that cover it; `first`
    lists the events that start in it (their anchor)."""
    text: str = article["text"]
    n = len(text)
    spans: list[tuple[int, int, str, Any]] = []
    for m in article.get("mentions", []):
        spans.append((m["start"], m["end"], "actors", m["actor_id"]))
    for q in article.get("quotes", []):
        spans.append((q["start"], q["end"], "quotes", q["seq"]))
    for e in article.get("events", []):
        spans.append((e["start"], e["end"], "events", e["id"]))
    spans = [(max(0, s), min(n, e), kind, key) for s, e, kind, key in spans if 0 <= s < e]
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[dict[str, Any]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end:
            continue
        piece: dict[str, Any] = {"text": text[start:end], "start": start, "actors": [], "quotes": [], "events": [],
                                 "first": []}
        for s, e, kind, key in spans:
            if s <= start and end <= e:
                piece[kind].append(key)
                if kind == "events" and s == start:
                    piece["first"].append(key)
        out.append(piece)
    return out
