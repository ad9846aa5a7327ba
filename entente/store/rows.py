"""An analysis as table rows and back: one mapping for every backend, so SQLite and PostgreSQL hold the same
record, and `Store.get` gives back exactly what `Analysis.to_dict` gave.

Each table keeps the order of its list in the analysis (`seq`); offsets ("start", "end") point into
articles.text. Actors are one row per id (the newest knowledge base wins); `article_actors` says which an
article mentions, `mentions` where.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from entente.models import Actor, Analysis, Article, Event, Mention, Paragraph, Quote, Removed

ARTICLE_COLUMNS = ("id", "content_hash", "file", "line", "url", "lang", "title", "published", "source", "text")
# Child tables and their columns, in the order the builder emits them; "start" and "end" are quoted in SQL
# (END is reserved in PostgreSQL).
TABLES: dict[str, tuple[str, ...]] = {
    "removed": ("article_id", "seq", "line", "text", "reason"),
    "paragraphs": ("article_id", "seq", "start", "end", "lang"),
    "article_actors": ("article_id", "actor_id", "seq", "mentions"),
    "mentions": ("article_id", "actor_id", "start", "end", "text", "why"),
    "quotes": ("article_id", "seq", "speaker", "speaker_text", "text", "start", "end", "partial"),
    "events": ("article_id", "id", "seq", "type", "mode", "context", "actor", "recipient", "date", "location",
               "negated", "modality", "trigger", "sentence", "start", "end", "confidence", "historical", "rule",
               "cluster_id"),  # cluster_id last: the store fills it in at write time (store/base.py)
    "event_actors": ("article_id", "event_id", "role", "seq", "actor_id"),
}
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ё": "е"})


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """What a typed name is matched against: case-folded, ё as е, one apostrophe, spaces collapsed.

    >>> name_key("  Путін ")
    'путін'
    >>> name_key("Пётр  Порошенко") == name_key("ПЕТР ПОРОШЕНКО")
    True
    """
    return " ".join(text.casefold().translate(_APOSTROPHES).split())


def article_row(article: Article, a: Analysis) -> tuple:
    return (a.id, article.content_hash, a.file, article.line, a.url, a.lang, a.title, a.published, a.source, a.text)


@dataclass
class Rows:
    """The child rows of a batch of analyses, per table, plus the actors and the names they were seen under."""

    tables: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in TABLES})
    actors: dict[str, tuple] = field(default_factory=dict)  # id -> (id, name, type, country, sector)
    names: dict[tuple[str, str], list[Any]] = field(default_factory=dict)  # (actor, key) -> [text, mentions]

    def add(self, a: Analysis) -> None:
        t, aid = self.tables, a.id
        t["removed"].extend((aid, k, r.line, r.text, r.reason) for k, r in enumerate(a.removed))
        t["paragraphs"].extend((aid, k, p.start, p.end, p.lang) for k, p in enumerate(a.paragraphs))
        mentions, names = t["mentions"], self.names
        for k, actor in enumerate(a.actors):
            xid = actor.id
            self.actors[xid] = (xid, actor.name, actor.type, actor.country, actor.sector, bool(actor.romanized))
            self._name(xid, actor.name, 0)
            seen = set()
            for m in actor.mentions:
                if (m.start, m.end) in seen:
                    continue
                seen.add((m.start, m.end))
                mentions.append((aid, xid, m.start, m.end, m.text, m.why))
                key = name_key(m.text)
                entry = names.get((xid, key))
                if entry is not None:
                    entry[1] += 1
                elif key:
                    names[xid, key] = [m.text, 1]
            t["article_actors"].append((aid, xid, k, len(seen)))
        t["quotes"].extend((aid, k, q.speaker, q.speaker_text, q.text, q.start, q.end, bool(q.partial))
                           for k, q in enumerate(a.quotes))
        events = set()
        for k, e in enumerate(a.events):
            if e.id in events:  # one row per event id and article
                continue
            events.add(e.id)
            t["events"].append((aid, e.id, k, e.type, e.mode, json.dumps(list(e.context)), json.dumps(list(e.actor)),
                                json.dumps(list(e.recipient)), e.date, e.location, bool(e.negated), e.modality,
                                e.trigger, e.sentence, e.start, e.end, float(e.confidence), bool(e.historical),
                                e.rule, None))  # cluster_id: the store fills it in (entente.store.clusters)
            for role, ids in (("actor", e.actor), ("recipient", e.recipient)):
                t["event_actors"].extend((aid, e.id, role, n, x) for n, x in enumerate(ids))

    def _name(self, actor_id: str, text: str, mentions: int) -> None:
        key = name_key(text)
        if key and (actor_id, key) not in self.names:
            self.names[actor_id, key] = [text, mentions]


def build(analyses: Iterable[Analysis]) -> Rows:
    rows = Rows()
    for a in analyses:
        rows.add(a)
    return rows


def from_dict(d: dict[str, Any]) -> Analysis:
    """An Analysis from its `to_dict()` form (as stored as JSON by schema version 1)."""
    return Analysis(
        id=d["id"], file=d.get("file") or "", url=d.get("url"), lang=d.get("lang"), title=d.get("title"),
        published=d.get("published"), source=d.get("source"), text=d.get("text") or "",
        paragraphs=tuple(Paragraph(p["start"], p["end"], p.get("lang")) for p in d.get("paragraphs") or ()),
        removed=tuple(Removed(r["line"], r["text"], r["reason"]) for r in d.get("removed") or ()),
        actors=tuple(Actor(x["id"], x["name"], x["type"], x.get("country"), x.get("sector"),
                           tuple(Mention(m["start"], m["end"], m["text"]) for m in x.get("mentions") or ()))
                     for x in d.get("actors") or ()),
        quotes=tuple(Quote(q.get("speaker"), q.get("speaker_text"), q["text"], q["start"], q["end"],
                           bool(q.get("partial"))) for q in d.get("quotes") or ()),
        events=tuple(Event(**{**e, "context": tuple(e["context"]), "actor": tuple(e["actor"]),
                              "recipient": tuple(e["recipient"])}) for e in d.get("events") or ()),
    )


OUTPUT_FIELDS = tuple(f.name for f in fields(Analysis) if f.name != "lines")


_FLAGS = ("negated", "historical")  # booleans that SQLite returns as 0 / 1


def to_dict(article: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The `Analysis.to_dict()` form of a stored article: its row and its child rows (each list in `seq`
    order; `mentions` in article-actor order, then by offset; JSON columns already decoded)."""
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in children["mentions"]:
        mentions.setdefault(m["actor_id"], []).append(
            {"start": m["start"], "end": m["end"], "text": m["text"], "why": m.get("why") or ""}
        )
    parts: dict[str, Any] = {
        "paragraphs": [{"start": p["start"], "end": p["end"], "lang": p["lang"]} for p in children["paragraphs"]],
        "removed": [{"line": r["line"], "text": r["text"], "reason": r["reason"]} for r in children["removed"]],
        "actors": [{"id": x["id"], "name": x["name"], "type": x["type"], "country": x["country"],
                    "sector": x["sector"], "mentions": mentions.get(x["id"], []),
                    "romanized": bool(x.get("romanized") or False),
                    # an actor of the article with no mention in its text is one the headline alone names
                    "headline": not mentions.get(x["id"])} for x in children["actors"]],
        "quotes": [{"speaker": q["speaker"], "speaker_text": q["speaker_text"], "text": q["text"],
                    "start": q["start"], "end": q["end"], "partial": bool(q["partial"])} for q in children["quotes"]],
        "events": [{f.name: (bool(e[f.name]) if f.name in _FLAGS else e[f.name]) for f in fields(Event)}
                   for e in children["events"]],
    }
    return {name: parts[name] if name in parts else article.get(name) for name in OUTPUT_FIELDS}
