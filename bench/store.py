"""Throughput of storing analyzed articles (issue 5 target: >= 2,000 articles/s into SQLite), one core.

The first N corpus texts are analyzed by the whole pipeline (untimed), then stored in transactions of
`--batch` articles (ingest's default) into a fresh SQLite file (or `--db`), timed: wall clock, and the
process's CPU time (the CPU figure is the one that other work on the machine does not move). With
`--copies K` > 1 every analysis is stored K times with a different first line: new content hashes, but
near-duplicates of each other, so that measures the duplicate path (an exact similarity check per
candidate), not plain storing.

    .venv/bin/python bench/store.py [--limit N] [--copies K] [--batch B] [--db PATH] [--json]
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
from entente.store import open_store

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
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.db or str(Path(tmp) / "bench.db"))
        start, cpu_start = time.perf_counter(), time.process_time()
        for k in range(0, len(items), args.batch):
            store.add(items[k : k + args.batch])
        wall, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
        stats = store.stats()
        store.close()
    rate = len(items) / wall
    result = {"revision": revision(), "cpu": cpu, "articles": len(items), "batch": args.batch,
              "wall_seconds": round(wall, 2), "articles_per_second": round(rate, 1),
              "cpu_seconds": round(cpu_seconds, 2), "articles_per_cpu_second": round(len(items) / cpu_seconds, 1),
              "target": TARGET,
              "target_met": rate >= TARGET, "stored": stats.get("articles"), "duplicates": stats.get("duplicates"),
              "events": stats.get("events")}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['articles']} articles in batches of {args.batch}: {result['wall_seconds']} s, "
              f"{result['articles_per_second']} articles/s (target {TARGET}: "
              f"{'met' if result['target_met'] else 'NOT met'}); "
              f"{result['articles_per_cpu_second']} per CPU second; {cpu}")
        print(f"stored {result['stored']}, marked duplicate {result['duplicates']}, events {result['events']}")


if __name__ == "__main__":
    main()
