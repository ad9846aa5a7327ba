"""Throughput of the ingest + clean + metadata + language stages on one CPU core.

Each corpus record's text is encoded as UTF-8 and read back with `entente.ingest.read_bytes`
(as a `.txt` file), then every article goes through the default pipeline steps. The steps are
applied here one by one from `pipeline.steps` (as `Pipeline.__call__` does) so that each named
step can be timed; the pipeline itself is not modified.

    .venv/bin/python bench/ingest.py [--corpus PATH] [--repeat N] [--json]

Reported: documents, characters, model loading time, wall time (median of N repeats),
articles/s, chars/s, per-step time shares, peak RSS, and two quality side-figures: how often the
detected language equals the corpus label, and how much of the (already clean) input the cleaner
removed, by reason, with example lines so a human can judge false removals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from entente.errors import InputError
from entente.ingest import read_bytes
from entente.ingest.readers import Item
from entente.models import Analysis, Article, Line
from entente.pipeline import DEFAULT_STEPS, Doc, Pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bench" / "corpus.jsonl"
TARGET = 500  # articles/s on one core (the target for these stages)
# the stages this harness measures: everything up to language identification (bench/actors.py does the rest)
INGEST_STEPS = DEFAULT_STEPS[: [name for name, _ in DEFAULT_STEPS].index("language") + 1]
EXAMPLES = 10


def pin_one_core() -> str:
    """Pin this process to the first CPU it may run on; say what was done."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (os.sched_setaffinity unavailable on this platform)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu} (os.sched_setaffinity)"


def machine() -> dict:
    """nproc, CPU model and Python version, for the record."""
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), model)
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"nproc": nproc, "cpu": model, "python": platform.python_version(),
            "platform": platform.platform()}


def revision() -> str:
    """The git commit measured, flagged when entente/ has uncommitted changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    try:
        commit = git("rev-parse", "--short", "HEAD") or "unknown"
        return commit + (" + uncommitted changes in entente/" if git("status", "--porcelain", "--", "entente") else "")
    except OSError:
        return "unknown (git not available)"


def load_corpus(path: Path) -> list[dict]:
    """The corpus records (id, lang, dataset, text); exits with a message if the file is missing."""
    if not path.is_file():
        sys.exit(f"bench/ingest.py: corpus file not found: {path}\n"
                 f"(expected ../shared/data/bench/corpus.jsonl beside the project, or pass --corpus PATH)")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 1024


class Outcome(NamedTuple):
    """What the benchmark keeps of one document (not the whole Analysis, so memory stays what a
    streaming ingest needs): the detected language, the lines the split step took out of the body,
    and the InputError that refused the document, if any."""

    lang: str | None
    removed: tuple[Line, ...]
    error: InputError | None


def run_once(pipeline: Pipeline, inputs: list[tuple[bytes, str]]) -> tuple[float, dict[str, float], list[Outcome]]:
    """One pass over the corpus: (wall seconds, seconds per stage, per-document outcome).

    An InputError raised by a step ends that document, as under errors='skip'.
    """
    max_bytes, kit, clock = pipeline.settings.max_bytes, pipeline.toolkit, time.perf_counter
    stages: defaultdict[str, float] = defaultdict(float)
    outcomes: list[Outcome] = []
    gc.collect()
    start = clock()
    for data, name in inputs:
        t = clock()
        try:
            items: list[Item] = list(read_bytes(data, name, max_bytes))
        except InputError as e:  # the whole input unreadable: one refused document
            items = [e]
        stages["ingest"] += clock() - t
        for article in items:
            if isinstance(article, InputError):
                outcomes.append(Outcome(None, (), article))
                continue
            doc = Doc(article, Analysis(id=article.id, file=article.file, url=article.url))
            error = None
            for step_name, step in pipeline.steps:
                t = clock()
                try:
                    doc = step(doc, kit)
                except InputError as e:
                    error = e
                finally:
                    stages[step_name] += clock() - t
                if error:
                    break
            a = doc.analysis  # `lines` is the split step's judgement, there even when `body` refused
            outcomes.append(Outcome(a.lang, tuple(x for x in a.lines if x.label != "body"), error))
    return clock() - start, stages, outcomes


def quality(records: list[dict], outcomes: list[Outcome]) -> dict:
    """Language agreement with the corpus labels and what the cleaner removed (by reason, examples)."""
    agree = 0
    confusion: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    reasons_n: Counter[str] = Counter()
    reasons_chars: Counter[str] = Counter()
    examples: dict[str, list[dict]] = {}
    removed_chars = input_chars = 0
    for record, (lang, removed, error) in zip(records, outcomes, strict=True):
        input_chars += len(record["text"])
        if error:
            errors[str(error)] += 1
        if lang == record["lang"]:
            agree += 1
        else:
            confusion[f"{record['lang']}->{lang}"] += 1
        for line in removed:
            reason = line.reason or line.label
            reasons_n[reason] += 1
            reasons_chars[reason] += len(line.text)
            removed_chars += len(line.text)
            examples.setdefault(reason, []).append(
                {"id": record["id"], "line": line.no, "reason": reason, "text": line.text})
    # Round-robin over reasons (most frequent first) so that every reason shows; within a reason the
    # longest lines first: furniture is short, so long removed lines are the likely false removals.
    title_chars = reasons_chars["title"] + reasons_chars["repeated_title"]  # moved to Analysis.title
    picked: list[dict] = []
    queues = [sorted(examples[r], key=lambda e: -len(e["text"])) for r, _ in reasons_n.most_common()]
    depth = 0
    while len(picked) < EXAMPLES and any(depth < len(q) for q in queues):
        picked += [q[depth] for q in queues if depth < len(q)][: EXAMPLES - len(picked)]
        depth += 1
    return {
        "lang_agreement": agree / len(records),
        "lang_disagreements": dict(confusion.most_common()),
        "input_errors": dict(errors.most_common()),
        "removed_share": removed_chars / input_chars if input_chars else 0.0,
        "removed_chars": removed_chars,
        "removed_share_without_titles": (removed_chars - title_chars) / input_chars if input_chars else 0.0,
        "removed_lines": sum(reasons_n.values()),
        "docs_with_removals": sum(1 for _, removed, _ in outcomes if removed),
        "removal_reasons": {r: {"lines": n, "chars": reasons_chars[r]} for r, n in reasons_n.most_common()},
        "removed_examples": picked,
    }


WARMUP = Article(file="warmup.txt", text="Путин прибыл в Пекин.\n\nПереговоры начались утром.")


def benchmark(corpus: Path, repeat: int) -> dict:
    """Pin, load, time `repeat` passes and summarize them (medians) into one dict."""
    started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    rev = revision()
    info = machine()  # before pinning, so nproc is what the process was given
    pinned = pin_one_core()
    records = load_corpus(corpus)
    inputs = [(r["text"].encode("utf-8"), f"{r['id']}.txt") for r in records]
    chars = sum(len(r["text"]) for r in records)

    t = time.perf_counter()
    pipeline = Pipeline(steps=INGEST_STEPS)
    pipeline(WARMUP)  # the language model loads on first use
    load_s = time.perf_counter() - t
    rss_loaded = peak_rss_mb()

    walls: list[float] = []
    stage_runs: list[dict[str, float]] = []
    outcomes: list[Outcome] = []
    for n in range(repeat):
        wall, stages, outcomes = run_once(pipeline, inputs)
        walls.append(wall)
        stage_runs.append(stages)
        rate = len(outcomes) / wall
        print(f"  repeat {n + 1}/{repeat}: {wall:.2f} s, {rate:.0f} articles/s", file=sys.stderr, flush=True)

    wall = statistics.median(walls)
    names = ["ingest", *pipeline.names]
    stage_s = {k: statistics.median(run[k] for run in stage_runs) for k in names}
    timed = sum(stage_s.values())
    return {
        "date": started,
        "machine": info,
        "revision": rev,
        "pinning": pinned,
        "corpus": str(corpus),
        "documents": len(records),
        "articles": len(outcomes),
        "chars": chars,
        "utf8_bytes": sum(len(d) for d, _ in inputs),
        "repeats": repeat,
        "load_seconds": load_s,
        "wall_seconds": wall,
        "wall_seconds_all": walls,
        "articles_per_second": len(outcomes) / wall,
        "chars_per_second": chars / wall,
        "target_articles_per_second": TARGET,
        "target_met": len(outcomes) / wall >= TARGET,
        "stage_seconds": stage_s,
        "stage_share": {k: v / timed for k, v in stage_s.items()},
        "peak_rss_mb_after_load": rss_loaded,
        "peak_rss_mb": peak_rss_mb(),
        "quality": quality(records, outcomes),
    }


def report(r: dict) -> str:
    """The human-readable report."""
    m, q = r["machine"], r["quality"]
    out = [
        f"entente ingest benchmark, {r['date']}",
        f"machine: {m['cpu']}, nproc {m['nproc']}, Python {m['python']}; {r['pinning']}",
        f"entente revision: {r['revision']}; corpus: {r['corpus']}",
        f"documents {r['documents']:,}, articles {r['articles']:,}, chars {r['chars']:,} "
        f"({r['utf8_bytes'] / 1e6:.1f} MB UTF-8)",
        f"pipeline + model loading: {r['load_seconds']:.2f} s (not in the figures below)",
        f"wall time, median of {r['repeats']}: {r['wall_seconds']:.2f} s "
        f"(all: {', '.join(f'{w:.2f}' for w in r['wall_seconds_all'])})",
        f"throughput: {r['articles_per_second']:,.0f} articles/s, {r['chars_per_second']:,.0f} chars/s",
        f"target >= {r['target_articles_per_second']} articles/s on one core: "
        f"{'MET' if r['target_met'] else 'NOT MET'}",
        "time per stage (median seconds, share of timed total):",
        *(f"  {k:<10} {r['stage_seconds'][k]:7.3f} s  {v:6.1%}" for k, v in r["stage_share"].items()),
        f"peak RSS: {r['peak_rss_mb']:.0f} MB (after loading, before the runs: {r['peak_rss_mb_after_load']:.0f} MB)",
        "",
        f"language agreement with corpus labels: {q['lang_agreement']:.2%} "
        f"(disagreements label->detected: {q['lang_disagreements'] or 'none'})",
        f"documents refused by a step: {sum(q['input_errors'].values())} {q['input_errors'] or ''}".rstrip(),
        f"removed by the cleaner: {q['removed_share']:.3%} of input chars ({q['removed_chars']:,} chars, "
        f"{q['removed_lines']:,} lines, in {q['docs_with_removals']:,} documents); "
        f"without headline lines: {q['removed_share_without_titles']:.3%}",
        "removal reasons (lines, chars):",
        *(f"  {k:<16} {v['lines']:6,} {v['chars']:9,}" for k, v in q["removal_reasons"].items()),
        f"example removed lines (up to {EXAMPLES}; round-robin over reasons, longest first):",
        *(f"  [{e['reason']}] {e['id']}:{e['line']}: {_short(e['text'])}" for e in q["removed_examples"]),
    ]
    return "\n".join(out)


def _short(s: str, n: int = 160) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON lines: id, lang, dataset, text")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the median is reported (default 3)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    result = benchmark(args.corpus, args.repeat)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else report(result))


if __name__ == "__main__":
    main()
