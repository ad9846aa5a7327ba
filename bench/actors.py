"""Throughput of the actor and quote stages on one CPU core.

Every corpus text first goes through the ingest stages (untimed), then the `actors` step
(recognition + linking) and the `quotes` step are timed, document by document.

    .venv/bin/python bench/actors.py [--corpus PATH] [--limit N] [--json]

Reported: documents, articles/s for the two stages together (target 50), seconds per stage and per
language, peak RSS, and counts of what was found (actors by type, quotes, quotes with a speaker).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from entente.models import Analysis, Article
from entente.pipeline import Doc, Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import DEFAULT_CORPUS, load_corpus, machine, peak_rss_mb, pin_one_core, revision  # noqa: E402

TARGET = 50
TIMED = ("actors", "quotes")


def prepare(pipeline: Pipeline, records: list[dict], first: str) -> list[Doc]:
    """Each corpus record through the pipeline's steps before `first`, untimed; records a step refuses
    are left out (they are simply not timed)."""
    steps = [step for name, step in pipeline.steps]
    before = steps[: [name for name, _ in pipeline.steps].index(first)]
    docs = []
    for r in records:
        doc = Doc(Article(file=f"{r['id']}.txt", text=r["text"]), Analysis(id=r["id"], file=r["id"]))
        try:
            for step in before:
                doc = step(doc, pipeline.toolkit)
        except Exception:  # noqa: BLE001 - a refused document is simply not timed
            continue
        docs.append(doc)
    return docs


def benchmark(corpus: Path, limit: int | None, timed: tuple[str, ...] = TIMED, target: int = TARGET) -> dict:
    """Run the stages before `timed` untimed, then time `timed` document by document."""
    info, pinned = machine(), pin_one_core()
    records = load_corpus(corpus)[:limit]
    t = time.perf_counter()
    pipeline = Pipeline()
    load_s = time.perf_counter() - t
    steps = dict(pipeline.steps)
    docs = prepare(pipeline, records, timed[0])
    pipeline.toolkit.recognizer.read("Прогрев.", "ru")  # natasha builds lazily on first use
    per_stage: defaultdict[str, float] = defaultdict(float)
    per_lang: defaultdict[str, float] = defaultdict(float)
    langs: Counter[str] = Counter()
    found: Counter[str] = Counter()
    clock = time.perf_counter
    cpu_start = time.process_time()  # CPU time of the process (all its threads): other work does not inflate it
    start = clock()
    for doc in docs:
        d0 = clock()
        for name in timed:
            t = clock()
            doc = steps[name](doc, pipeline.toolkit)
            per_stage[name] += clock() - t
        lang = doc.analysis.lang or "?"
        per_lang[lang] += clock() - d0
        langs[lang] += 1
        found.update(a.type for a in doc.analysis.actors)
        found["quotes"] += len(doc.analysis.quotes)
        found["quotes with speaker"] += sum(q.speaker is not None for q in doc.analysis.quotes)
        found["events"] += len(doc.analysis.events)
    wall = clock() - start
    cpu = time.process_time() - cpu_start
    return {
        "corpus": str(corpus),
        "revision": revision(),
        "machine": info,
        "cpu": pinned,
        "documents": len(docs),
        "load_seconds": round(load_s, 2),
        "wall_seconds": round(wall, 2),
        "stages": list(timed),
        "articles_per_second": round(len(docs) / wall, 1),
        "cpu_seconds": round(cpu, 2),
        "articles_per_cpu_second": round(len(docs) / cpu, 1),
        "target_articles_per_second": target,
        "target_met": len(docs) / wall >= target,
        "seconds_per_stage": {k: round(v, 2) for k, v in per_stage.items()},
        "articles_per_second_by_language": {k: round(langs[k] / v, 1) for k, v in per_lang.items()},
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "found": dict(found),
    }


def main(argv: list[str] | None = None, timed: tuple[str, ...] = TIMED, target: int = TARGET) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    r = benchmark(args.corpus, args.limit, timed, target)
    if args.json:
        print(json.dumps(r, ensure_ascii=False, indent=2))
    else:
        report(r)


def report(r: dict) -> None:
    print(f"{'+'.join(r['stages'])}: {r['documents']} documents, {r['wall_seconds']} s: {r['articles_per_second']} "
          f"articles/s (target {r['target_articles_per_second']}: {'met' if r['target_met'] else 'NOT met'}); "
          f"{r['cpu']}")
    print(f"per stage (s): {r['seconds_per_stage']}; by language (articles/s): {r['articles_per_second_by_language']}")
    print(f"peak RSS {r['peak_rss_mb']} MB; model load {r['load_seconds']} s; found {r['found']}")


if __name__ == "__main__":
    main()
