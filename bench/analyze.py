"""The whole pipeline on one CPU core, in one process: articles per CPU second and where the time goes.

Every corpus record is read as `entente analyze CORPUS` reads it (untimed, held in memory) and analyzed as
it analyzes it: each default pipeline step in turn, then the output as `analyze --format jsonl` writes it
(`to_dict` and `json.dumps`); the steps are applied one by one so that each is timed. Process CPU time is
the measure (all the process's threads, so BLAS worker threads count too), which other work on the machine
changes less than wall time; wall time is reported beside it. The process pins itself to one CPU before
numpy loads, so BLAS threads share that core too.

    .venv/bin/python bench/analyze.py [--corpus PATH] [--limit N] [--top N] [--json]

`--top N` runs the same loop under cProfile instead and prints its N most expensive functions (by own time
and by cumulative time); the profiler slows everything down, so its figures are shares, not a rate.
"""

from __future__ import annotations

import os

if hasattr(os, "sched_setaffinity"):  # before numpy loads, so that its BLAS threads share the one core too
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

import argparse  # noqa: E402
import cProfile  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import pstats  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from itertools import islice  # noqa: E402
from pathlib import Path  # noqa: E402

from entente.errors import InputError  # noqa: E402
from entente.ingest import read  # noqa: E402
from entente.models import Analysis, Article  # noqa: E402
from entente.pipeline import Doc, Pipeline  # noqa: E402
from entente.settings import Settings  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import DEFAULT_CORPUS, machine, peak_rss_mb, revision  # noqa: E402

TARGET = 40  # articles per CPU second, issue 13
OUTPUT = "output"  # the pseudo-stage: to_dict + json.dumps, as `analyze --format jsonl` does


def pinned() -> str:
    if not hasattr(os, "sched_getaffinity"):
        return "not pinned (os.sched_setaffinity unavailable on this platform)"
    return f"pinned to CPU {sorted(os.sched_getaffinity(0))} (os.sched_setaffinity, before numpy loads)"


def articles(corpus: Path, limit: int | None) -> list[Article]:
    """The corpus's records as `entente analyze` reads them (a record the reader refuses is left out)."""
    items = islice(read([str(corpus)], Settings().max_bytes), limit)
    return [item for item in items if isinstance(item, Article)]


def run(pipeline: Pipeline, inputs: list[Article]) -> tuple[dict[str, float], Counter[str]]:
    """Analyze every article, step by step; CPU seconds per step, and counts of what came out."""
    cpu: defaultdict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()
    clock = time.process_time
    for article in inputs:
        doc = Doc(article, Analysis(id=article.id, file=article.file, url=article.url))
        try:
            for name, step in pipeline.steps:
                t = clock()
                doc = step(doc, pipeline.toolkit)
                cpu[name] += clock() - t
        except InputError:
            counts["refused"] += 1
            continue
        t = clock()
        json.dumps(doc.analysis.to_dict(), ensure_ascii=False)
        cpu[OUTPUT] += clock() - t
        counts[doc.analysis.lang or "?"] += 1
        counts["actors"] += len(doc.analysis.actors)
        counts["quotes"] += len(doc.analysis.quotes)
        counts["events"] += len(doc.analysis.events)
    return cpu, counts


def warm(pipeline: Pipeline) -> None:
    """One small article per language: models that build on first use are built before the clock starts."""
    for text in ("Путин провёл переговоры с Си Цзиньпином в Пекине.", "Зеленський зустрівся з Байденом у Києві.",
                 "Biden met Xi Jinping in Beijing."):
        pipeline(Article(file="warm.txt", text=f"Заголовок\n\n{text}"))


def benchmark(corpus: Path, limit: int | None) -> dict:
    info, where = machine(), pinned()
    inputs = articles(corpus, limit)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    pipeline = Pipeline()
    load = {"cpu_seconds": round(time.process_time() - cpu0, 2), "wall_seconds": round(time.perf_counter() - wall0, 2)}
    warm(pipeline)
    rss_loaded = peak_rss_mb()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    per_stage, counts = run(pipeline, inputs)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    timed = sum(per_stage.values())
    return {
        "corpus": str(corpus),
        "revision": revision(),
        "machine": info,
        "cpu": where,
        "load": load,
        "documents": len(inputs),
        "refused": counts.pop("refused", 0),
        "cpu_seconds": round(cpu, 2),
        "wall_seconds": round(wall, 2),
        "articles_per_cpu_second": round(len(inputs) / cpu, 1),
        "articles_per_second": round(len(inputs) / wall, 1),
        "target_articles_per_cpu_second": TARGET,
        "target_met": len(inputs) / cpu >= TARGET,
        "cpu_seconds_per_stage": {k: round(v, 2) for k, v in per_stage.items()},
        "share_per_stage": {k: round(v / timed, 3) for k, v in per_stage.items()},
        "peak_rss_mb": {"loaded": round(rss_loaded, 1), "end": round(peak_rss_mb(), 1)},
        "found": dict(counts),
    }


def profile(corpus: Path, limit: int | None, top: int) -> str:
    pipeline = Pipeline()
    warm(pipeline)
    inputs = articles(corpus, limit)
    profiler = cProfile.Profile(time.process_time)  # CPU time: other work on the machine does not count
    profiler.enable()
    run(pipeline, inputs)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def report(r: dict) -> str:
    stages = r["cpu_seconds_per_stage"]
    lines = [
        f"{r['documents']} documents ({r['refused']} refused), {r['cpu']}, revision {r['revision']}",
        f"{r['articles_per_cpu_second']} articles per CPU second ({r['cpu_seconds']} CPU s; "
        f"wall {r['wall_seconds']} s, {r['articles_per_second']} articles/s); "
        f"target {r['target_articles_per_cpu_second']}: {'met' if r['target_met'] else 'NOT met'}",
        f"load: {r['load']['cpu_seconds']} CPU s, {r['load']['wall_seconds']} s wall; peak RSS {r['peak_rss_mb']} MB",
        "CPU seconds per stage:",
        *(f"  {k:10} {v:8.2f}  {r['share_per_stage'][k]:6.1%}" for k, v in stages.items()),
        f"found: {r['found']}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--top", type=int, default=0, help="profile with cProfile and print the N top functions")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        sys.exit(f"bench/analyze.py: no corpus at {args.corpus}")
    if args.top:
        print(profile(args.corpus, args.limit, args.top))
        return
    r = benchmark(args.corpus, args.limit)
    print(json.dumps(r, ensure_ascii=False, indent=1) if args.json else report(r))


if __name__ == "__main__":
    main()
