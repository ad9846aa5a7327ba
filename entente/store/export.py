"""Exports of the stored events for other tools.

    export(store, "plover-jsonl", "events.jsonl")   # one PLOVER record per event report
    export(store, "gdelt-csv", "events.csv")        # one row per event: a cluster of reports is one
    export(store, "parquet", "events.parquet")      # the same table with typed columns (pyarrow, `parquet` extra)

PLOVER JSON Lines follow the manual's "Data Fields" chapter (plover_manual.tex, table "PLOVER JSON"): `id`,
`date`, `actor` and `recipient` as entity objects (`code`: the country or, for international actors, the
manual's non-state code: UNO, EUR, IGO, NGO, IMG, MNC; `sector`; `identifier_id` and `identifier_text`:
entente's actor id and canonical name), `event`, `mode`, `context` (lists), `quad_code`, `event_scale` (the
PLOVER score), `event_loc`, `event_text` (the trigger), `text` and `text_info` (the sentence and its
offsets), `cite_info` (url, title, language, publication; entente adds `file`, the input the article was
read from, with `:LINE` for a JSON Lines record), `link` (the event cluster), `coder`, `coded_date`; entente
adds `negated`, `modality`, `historical`, `confidence`, `article_id`, `event_id`. Every report is exported,
negated ones too (with `negated: true`).

The GDELT-style table names its columns as GDELT's event table does where there is an equivalent, with
PLOVER in place of CAMEO (`EventType`, `EventMode`, `PloverScore` for EventCode and GoldsteinScale). One
row per event that happened (negated and hypothetical reports are left out): an event cluster is one row,
described by its first report (as the dyad series count it), with `NumMentions` (reports), `NumSources` (outlets),
`NumArticles` and `NumLanguages`; a report outside any cluster is a row alone. Each row carries its evidence:
`Sentence`, `Trigger`, `SourceName` (the outlet), `SourceLanguage`, `SOURCEURL`, `SourceFile`, `ArticleID`
and `EventReportID`, all from one report: the earliest with a URL, else the first. Reports of near-duplicate
articles are in neither export. Rows stream from the database, so exporting millions of events takes little
memory.

Untrusted text stays harmless: PLOVER JSON Lines write control and bidi characters as `\\uXXXX` escapes (the
text loads back as stored); in the GDELT-style table (CSV and Parquet alike, one table) they are shown as
U+FFFD, as in every table entente prints (entente.display).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import IO, TYPE_CHECKING, Any

from entente import __version__
from entente.display import dumps, neutral_value
from entente.errors import EntenteError
from entente.store import Store
from entente.store.dyad import backend, quad_code, score

if TYPE_CHECKING:
    from entente.store.base import SQLStore

EXPORTS = ("plover-jsonl", "gdelt-csv", "parquet")
CODEBOOK = "PLOVER 2.0 (draft manual, openeventdata/PLOVER 5e0c24f)"
# International actors without a country, by the manual's non-state codes (table "International Non-state
# actor names"): the UN system, the EU's bodies, then by sector.
UN_SYSTEM = {"UN", "UNSC", "UNGA", "UN-SECRETARIAT", "UNHRC", "OHCHR", "HRMMU", "UNHCR", "UNICEF", "WHO", "IAEA",
             "ICJ", "UNESCO", "FAO", "WFP", "UNDP", "UNRWA", "OCHA", "ILO", "IOM", "ICAO", "UNIFIL"}
EU_BODIES = {"EU", "EC", "EUCO", "CEU", "EP", "ECB", "CJEU", "EEAS"}
BY_SECTOR = {"IGO": "IGO", "NGO": "NGO", "REB": "IMG", "BUS": "MNC"}

GDELT_COLUMNS: dict[str, str] = {  # column -> Parquet type
    "GlobalEventID": "string", "Day": "int32", "MonthYear": "int32", "Year": "int32", "Date": "string",
    "Actor1Code": "string", "Actor1Name": "string", "Actor1CountryCode": "string", "Actor1Type1Code": "string",
    "Actor1IDs": "string", "Actor1CountryCodes": "string",
    "Actor2Code": "string", "Actor2Name": "string", "Actor2CountryCode": "string", "Actor2Type1Code": "string",
    "Actor2IDs": "string", "Actor2CountryCodes": "string",
    "EventType": "string", "EventMode": "string", "EventContext": "string", "QuadClass": "int8",
    "PloverScore": "float64", "NumMentions": "int32", "NumSources": "int32", "NumArticles": "int32",
    "NumLanguages": "int32", "ActionGeo_ID": "string", "ActionGeo_FullName": "string",
    "ActionGeo_CountryCode": "string", "Modality": "string", "Historical": "bool_", "DATEADDED": "int64",
    "SOURCEURL": "string", "SourceName": "string", "SourceLanguage": "string", "SourceFile": "string",
    "Trigger": "string", "Sentence": "string", "ArticleID": "string", "EventReportID": "string",
}
PARQUET_BATCH = 10_000


def export(store: Store, fmt: str, out: str | IO[str]) -> dict[str, int]:
    """Write every stored event in `fmt` (one of EXPORTS) to the file `out` (a path, or an open text stream
    for the text formats); returns {"rows": written, "reports": event reports read}."""
    if fmt not in EXPORTS:
        raise ValueError(f"format must be one of {', '.join(EXPORTS)}, not {fmt!r}")
    db = backend(store)
    actors = {r["id"]: r for r in db._rows("SELECT id, name, type, country, sector FROM actors")}
    counts = {"rows": 0, "reports": 0}
    if fmt == "parquet":
        if not isinstance(out, str):
            raise ValueError("parquet is written to a file path")
        _parquet(_gdelt_rows(db, actors, counts), out, counts)
        return counts
    with ExitStack() as stack:
        stream = out if not isinstance(out, str) else stack.enter_context(open(out, "w", encoding="utf-8", newline=""))
        if fmt == "plover-jsonl":
            for report in _reports(db):
                counts["reports"] += 1
                stream.write(dumps(plover_record(report, actors)) + "\n")
                counts["rows"] += 1
        else:
            writer = csv.DictWriter(stream, fieldnames=list(GDELT_COLUMNS), lineterminator="\n")
            writer.writeheader()
            for row in _gdelt_rows(db, actors, counts):
                writer.writerow(row)
                counts["rows"] += 1
    return counts


def _reports(store: SQLStore, happened: bool = False) -> Iterator[dict[str, Any]]:
    """Every event report of an original article (not a near-duplicate) with its article, in article order;
    with `happened`, neither negated nor hypothetical, by event cluster (its first report first)."""
    where, params = "WHERE a.duplicate_of IS NULL", []
    order = "e.article_id, e.seq"
    if happened:  # neither said not to have happened nor supposed («если ...», "if ...")
        where += " AND e.negated = ? AND e.modality <> 'hypothetical'"
        params.append(False)
        order = ("coalesce(e.cluster_id, e.article_id || ':' || e.id), CASE WHEN e.id = e.cluster_id THEN 0 ELSE 1"
                 " END, coalesce(e.date, a.published, ''), e.article_id, e.id")
    sql = ("SELECT e.article_id, e.id, e.type, e.mode, e.context, e.actor, e.recipient, e.date, e.location,"
           ' e.negated, e.modality, e.historical, e.trigger, e.sentence, e."start", e."end", e.confidence,'
           " e.cluster_id, a.published, a.url, a.title, a.lang, a.source, a.file, a.line, a.ingested_at"
           f" FROM events e JOIN articles a ON a.id = e.article_id {where} ORDER BY {order}")
    for r in store._stream(sql, params):
        for key in ("context", "actor", "recipient"):
            r[key] = store._json(r[key])
        r["negated"], r["historical"] = bool(r["negated"]), bool(r["historical"])
        r["day"] = r["date"] or r["published"]
        r["file"] = r["file"] if r["line"] is None else f"{r['file']}:{r['line']}"
        yield r


def code(actor: dict[str, Any] | None, actor_id: str) -> str | None:
    """PLOVER's country name field as a code: the ISO alpha-3 country, else a non-state code."""
    if actor is None:
        return None
    if actor.get("country"):
        return str(actor["country"])
    key = actor_id.split(":", 1)[-1]
    if key in UN_SYSTEM:
        return "UNO"
    if key in EU_BODIES:
        return "EUR"
    return BY_SECTOR.get(actor.get("sector") or "")


def _entity(actor_id: str, actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    x = actors.get(actor_id)
    return {"code": code(x, actor_id), "sector": x.get("sector") if x else None, "identifier_id": actor_id,
            "identifier_text": x.get("name") if x else None}


def plover_record(r: dict[str, Any], actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One event report as a PLOVER JSON record (see the module's docstring for the fields)."""
    place = actors.get(r["location"]) if r["location"] else None
    return {
        "id": f"{r['article_id']}-{r['id']}",
        "has_event": True,
        "date": r["day"],
        "actor": [_entity(x, actors) for x in r["actor"]],
        "recipient": [_entity(x, actors) for x in r["recipient"]],
        "event": [r["type"]],
        "mode": [r["mode"]] if r["mode"] else [],
        "context": list(r["context"]),
        "quad_code": quad_code(r["type"]),
        "event_scale": score(r["type"], r["mode"]),
        "event_loc": {"resolved_place": place["name"] if place else None, "identifier_id": r["location"],
                      "country_code": place.get("country") if place else None} if r["location"] else None,
        "event_text": [r["trigger"]],
        "text": r["sentence"],
        "text_info": {"start": r["start"], "end": r["end"]},
        "cite_info": {"url": r["url"], "title": r["title"], "language": r["lang"], "publication": r["source"],
                      "file": r["file"], "coder": f"entente {__version__}", "codebook": CODEBOOK},
        "link": None if r["cluster_id"] is None else str(r["cluster_id"]),
        "coder": f"entente {__version__}",
        "coded_date": str(r["ingested_at"])[:10] if r["ingested_at"] else None,
        "negated": r["negated"],
        "modality": r["modality"],
        "historical": r["historical"],
        "confidence": r["confidence"],
        "article_id": r["article_id"],
        "event_id": r["id"],
    }


def _units(reports: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Reports grouped by event cluster (each report alone where it has none), in stream order."""
    group: list[dict[str, Any]] = []
    key: object = None
    for r in reports:
        k = r["cluster_id"] if r["cluster_id"] is not None else (r["article_id"], r["id"])
        if group and k != key:
            yield group
            group = []
        key = k
        group.append(r)
    if group:
        yield group


def _gdelt_rows(store: SQLStore, actors: dict[str, dict[str, Any]],
                counts: dict[str, int]) -> Iterator[dict[str, Any]]:
    for group in _units(_reports(store, happened=True)):
        counts["reports"] += len(group)
        yield gdelt_row(group, actors)


def gdelt_row(group: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The GDELT-style row of one event: its reports, the earliest first (text neutralized, entente.display)."""
    first = group[0]
    evidence = next((r for r in group if r["url"]), first)
    day = first["day"] or ""
    digits = day.replace("-", "")
    row: dict[str, Any] = {
        "GlobalEventID": str(first["cluster_id"]) if first["cluster_id"] is not None
        else f"{first['article_id']}-{first['id']}",
        "Day": int(digits) if len(digits) == 8 else None,
        "MonthYear": int(digits[:6]) if len(digits) >= 6 else None,
        "Year": int(digits[:4]) if len(digits) >= 4 else None,
        "Date": day or None,
    }
    for n, side in ((1, first["actor"]), (2, first["recipient"])):
        x = actors.get(side[0]) if side else None
        country = code(x, side[0]) if side else None
        sector = x.get("sector") if x else None
        row[f"Actor{n}Code"] = (country or "") + (sector if sector and sector != country else "") or None
        row[f"Actor{n}Name"] = x["name"] if x else (side[0] if side else None)
        row[f"Actor{n}CountryCode"] = country
        row[f"Actor{n}Type1Code"] = sector
        row[f"Actor{n}IDs"] = ";".join(side) or None
        # every country on the side, as the event and dyad queries match any of them: Actor1CountryCode is the
        # first actor's only, as GDELT has one actor a side
        row[f"Actor{n}CountryCodes"] = ";".join(dict.fromkeys(
            c for x_id in side if (c := (actors.get(x_id) or {}).get("country")))) or None
    place = actors.get(first["location"]) if first["location"] else None
    added = "".join(ch for ch in str(first["ingested_at"] or "") if ch.isdigit())[:14]
    row.update({
        "EventType": first["type"], "EventMode": first["mode"], "EventContext": ";".join(first["context"]) or None,
        "QuadClass": quad_code(first["type"]), "PloverScore": score(first["type"], first["mode"]),
        "NumMentions": len(group), "NumSources": len({r["source"] for r in group if r["source"]}),
        "NumArticles": len({r["article_id"] for r in group}),
        "NumLanguages": len({r["lang"] for r in group if r["lang"]}),
        "ActionGeo_ID": first["location"], "ActionGeo_FullName": place["name"] if place else None,
        "ActionGeo_CountryCode": place.get("country") if place else None,
        "Modality": first["modality"], "Historical": first["historical"],
        "DATEADDED": int(added) if len(added) == 14 else None,
        "SOURCEURL": evidence["url"], "SourceName": evidence["source"], "SourceLanguage": evidence["lang"],
        "SourceFile": evidence["file"], "Trigger": evidence["trigger"], "Sentence": evidence["sentence"],
        "ArticleID": evidence["article_id"], "EventReportID": evidence["id"],
    })
    return {k: neutral_value(v) for k, v in row.items()}


def _parquet(rows: Iterable[dict[str, Any]], path: str, counts: dict[str, int]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise EntenteError("parquet needs pyarrow, which is not installed: pip install 'entente[parquet]'") from e
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in GDELT_COLUMNS.items()])
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                counts["rows"] += len(batch)
                batch.clear()
        if batch or not counts["rows"]:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            counts["rows"] += len(batch)
