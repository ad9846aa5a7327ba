"""Throughput of storing analyzed articles (issue 5 target: >= 2,000 articles/s into SQLite), one core.

The first N corpus texts are analyzed by the whole pipeline (untimed), then stored in transactions of
`--batch` articles (ingest's default) into a fresh SQLite file (or `--db`), timed: wall clock, and the
process's CPU time (the CPU figure is the one that other work on the machine does not move). With
`--copies K` > 1 every analysis is stored K times with a different first line: new content hashes, but
near-duplicates of each other, so that measures the duplicate path (an exact similarity check per
candidate), not plain storing.

    .venv/bin/python bench/store.py [--limit N] [--copies K] [--batch B] [--db PATH] [--breakdown] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from entente.models import Article
from entente.pipeline import Pipeline
from entente.settings import Settings
from entente.store import clusters, near_dups, open_store
from entente.store.rows import build

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import DEFAULT_CORPUS, load_corpus, pin_one_core, revision  # noqa: E402

TARGET = 2000


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="corpus texts to analyze (default: all)")
    ap.add_argument("--copies", type=int, default=1, help="times each analysis is stored (default 1)")
    ap.add_argument("--batch", type=int, default=Settings.batch,
                    help=f"articles per transaction (default {Settings.batch}, as ingest)")
    ap.add_argument("--db", default=None, help="store location (default: a fresh temporary SQLite file)")
    ap.add_argument("--breakdown", action="store_true",
                    help="also time the parts apart: the store without its full-text index, and the Python steps alone")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    cpu = pin_one_core()
    pipeline = Pipeline()
    analyzed = []
    for r in load_corpus(args.corpus)[: args.limit]:
        try:
            article = Article(file=f"{r['id']}.txt", text=r["text"])
            analyzed.append((article, pipeline(article)))
        except Exception:  # noqa: BLE001 - a refused text is simply not stored
            continue
    items = []
    for copy in range(args.copies):
        for article, a in analyzed:
            # a distinct article: the copy number as a headline line changes the content hash
            moved = replace(article, text=f"{copy}\n{article.text}") if copy else article
            items.append((moved, replace(a, id=moved.id)))
    warm = open_store(":memory:")  # the first add imports datasketch (and numpy/scipy): not timed
    warm.add(items[:1])
    warm.close()
    wall, cpu_seconds, stats = store_all(items, args.batch, args.db)
    rate = len(items) / wall
    result = {"revision": revision(), "cpu": cpu, "articles": len(items), "batch": args.batch,
              "wall_seconds": round(wall, 2), "articles_per_second": round(rate, 1),
              "cpu_seconds": round(cpu_seconds, 2), "articles_per_cpu_second": round(len(items) / cpu_seconds, 1),
              "target": TARGET,
              "target_met": rate >= TARGET, "stored": stats.get("articles"), "duplicates": stats.get("duplicates"),
              "events": stats.get("events")}
    if args.breakdown:
        result["breakdown_ms_per_article"] = breakdown(items, args.batch, cpu_seconds)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['articles']} articles in batches of {args.batch}: {result['wall_seconds']} s, "
              f"{result['articles_per_second']} articles/s (target {TARGET}: "
              f"{'met' if result['target_met'] else 'NOT met'}); "
              f"{result['articles_per_cpu_second']} per CPU second; {cpu}")
        print(f"stored {result['stored']}, marked duplicate {result['duplicates']}, events {result['events']}")
        for part, ms in result.get("breakdown_ms_per_article", {}).items():
            print(f"  {part:<58} {ms:6.3f} ms CPU per article")


def store_all(items: list, batch: int, db: str | None, fts: bool = True) -> tuple[float, float, dict]:
    """Store the items in transactions of `batch` into a fresh SQLite file (or `db`): wall and CPU seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(db or str(Path(tmp) / "bench.db"))
        if not fts:  # the full-text index is filled by this trigger (migrations/sqlite/0003)
            store._executemany("DROP TRIGGER articles_ai", [()])  # type: ignore[attr-defined]
        start, cpu_start = time.perf_counter(), time.process_time()
        for k in range(0, len(items), batch):
            store.add(items[k : k + batch])
        wall, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
        stats = store.stats()
        store.close()
    return wall, cpu_seconds, stats


def breakdown(items: list, batch: int, cpu_seconds: float) -> dict[str, float]:
    """CPU milliseconds per article of the parts of storing: the full-text index (the whole store again
    without it), and the Python steps run alone over the same analyses (near-duplicate signatures, table rows,
    event clusters); the rest is SQLite writing and reading the other tables."""
    n = len(items)
    analyses = [a for _, a in items]

    def cpu(step) -> float:  # noqa: ANN001
        start = time.process_time()
        step()
        return (time.process_time() - start) * 1000 / n

    fts = cpu_seconds * 1000 / n - store_all(items, batch, None, fts=False)[1] * 1000 / n
    signatures = cpu(lambda: [near_dups.band_keys(near_dups.signature(near_dups.shingles(a.text))) for a in analyses])
    rows = cpu(lambda: build(analyses))
    cluster = cpu(lambda: clusters.assign([r for a in analyses for r in clusters.reports(a)], {}))
    total = cpu_seconds * 1000 / n
    return {"total": round(total, 3), "full-text index (FTS5)": round(fts, 3),
            "near-duplicate signatures (shingles, MinHash, band keys)": round(signatures, 3),
            "table rows from analyses (Python)": round(rows, 3), "event cluster assignment (Python)": round(cluster, 3),
            "the rest: SQLite writes and lookups of the other tables":
                round(total - fts - signatures - rows - cluster, 3)}


if __name__ == "__main__":
    main()
