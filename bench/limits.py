"""One document at the default limits: time and peak memory of analyzing the largest article the pipeline
accepts (Pipeline.MAX_CHARS cleaned characters, Pipeline.BUDGET seconds), built from real corpus paragraphs.
Issue 14's bound: no document over 30 s or 2 GB on one core.

    .venv/bin/python bench/limits.py [--corpus PATH] [--chars N] [--cases ru,uk,en,mixed,run-on] [--no-budget]
                                     [--json]

Each case runs in a process of its own, pinned to one CPU, so its peak RSS (`ru_maxrss`) is that document's
alone (with the models, loaded first; their share is reported apart as `rss_loaded`). A case's text is the
corpus's paragraphs of that language, in corpus order, joined by blank lines up to `--chars` (default: the
limit less 1 %, so the cleaned text stays under it): `ru`, `uk`, `en`; `mixed` takes the three languages in
turn, paragraph by paragraph; `run-on` is the Russian text with every sentence end (. ! ?) taken out, one
sentence per paragraph (a spot that was quadratic). Reported per case: cleaned characters, outcome (analyzed,
or the pipeline's error: over the budget, over the size limit), wall and CPU seconds, peak RSS, and the
counts of actors, quotes and events. `--no-budget` runs without the time budget, to see what the budget
cuts off.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import multiprocessing.connection
import os
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "data" / "bench" / "corpus.jsonl"
CASES = ("ru", "uk", "en", "mixed", "run-on")
LIMIT_SECONDS, LIMIT_BYTES = 30.0, 2 * 1024**3


def paragraphs(corpus: Path) -> dict[str, list[str]]:
    """The corpus's paragraphs by language, in corpus order."""
    out: dict[str, list[str]] = {}
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for p in re.split(r"\n\s*\n|\n", record["text"]):
                p = " ".join(p.split())
                if len(p) >= 40:  # a sentence or more: headings and datelines would repeat as furniture
                    out.setdefault(record["lang"], []).append(p)
    return out


def build(case: str, by_lang: dict[str, list[str]], chars: int) -> str:
    if case == "mixed":
        turns = [by_lang[lang] for lang in ("ru", "uk", "en")]
        source = [ps[i] for i in range(max(len(ps) for ps in turns)) for ps in turns if i < len(ps)]
    else:
        source = by_lang["ru" if case == "run-on" else case]
    if case == "run-on":
        source = [re.sub(r"[.!?…]+", "", p) for p in source]
    picked, total, i = [], 0, 0
    while total < chars:
        p = source[i % len(source)]  # the corpus is long enough; wrapping round only guards a short --corpus
        picked.append(p)
        total += len(p) + 2
        i += 1
    text = "\n\n".join(picked)
    return text[:chars].rsplit(" ", 1)[0]


def _measure(case: str, text: str, budget: bool, out: Any) -> None:
    """In the child: pin to one CPU, load the pipeline, analyze the text once, send the figures."""
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        pinned = True
    except (AttributeError, OSError):
        pinned = False
    from entente import Pipeline
    from entente.errors import InputError
    from entente.models import Article

    pipeline = Pipeline() if budget else Pipeline(budget=None)
    pipeline(Article(file="warm.txt", text="Заголовок\n\nПутин встретился с Си Цзиньпином в Москве."))
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    article = Article(file=f"{case}.txt", text=text, title=f"Limits: {case}")
    wall, cpu = time.perf_counter(), time.process_time()
    result: dict[str, Any] = {"case": case, "input_chars": len(text), "pinned": pinned, "budget": pipeline.budget}
    try:
        a = pipeline(article)
        result.update(outcome="analyzed", cleaned_chars=len(a.text), actors=len(a.actors), quotes=len(a.quotes),
                      events=len(a.events))
    except InputError as e:
        result.update(outcome=f"error: {e}")
    result.update(wall_s=round(time.perf_counter() - wall, 2), cpu_s=round(time.process_time() - cpu, 2),
                  rss_loaded_mb=round(loaded / 2**20), peak_rss_mb=round(
                      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 2**20))
    out.send(result)


def run_case(case: str, text: str, budget: bool) -> dict[str, Any]:
    ctx = mp.get_context("spawn")  # a fresh interpreter: the peak is this document's, not the parent's
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_measure, args=(case, text, budget, child))
    p.start()
    child.close()
    ready = mp.connection.wait([parent, p.sentinel], timeout=3600)
    result = parent.recv() if parent in ready and parent.poll() else {
        "case": case, "input_chars": len(text), "outcome": f"no answer (exit code {p.exitcode})"}
    p.join()
    result["within_bound"] = (result.get("wall_s", 1e9) <= LIMIT_SECONDS
                              and result.get("peak_rss_mb", 1e9) * 2**20 <= LIMIT_BYTES)
    return result


def main() -> int:
    from entente import Pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--chars", type=int, default=int(Pipeline.MAX_CHARS * 0.99),
                    help="characters of input text per case (default: 99%% of Pipeline.MAX_CHARS)")
    ap.add_argument("--cases", default=",".join(CASES), help=f"comma-separated, of {', '.join(CASES)}")
    ap.add_argument("--no-budget", action="store_true", help="no time budget (see what it cuts off)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"limits.py: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    cases = [c for c in args.cases.split(",") if c]
    unknown = sorted(set(cases) - set(CASES))
    if unknown:
        print(f"limits.py: unknown case(s) {', '.join(unknown)}; choose from {', '.join(CASES)}", file=sys.stderr)
        return 2
    by_lang = paragraphs(args.corpus)
    results = []
    for case in cases:
        r = run_case(case, build(case, by_lang, args.chars), budget=not args.no_budget)
        results.append(r)
        if not args.json:
            print(f"{r['case']:>7}: {r['input_chars']:,} chars in, {r.get('cleaned_chars', '-')} cleaned; "
                  f"{r['outcome']}; {r.get('wall_s')} s wall, {r.get('cpu_s')} s CPU; peak RSS "
                  f"{r.get('peak_rss_mb')} MB (models loaded: {r.get('rss_loaded_mb')} MB); "
                  f"{r.get('actors', '-')} actors, {r.get('quotes', '-')} quotes, {r.get('events', '-')} events; "
                  f"{'within' if r['within_bound'] else 'OVER'} 30 s / 2 GB", flush=True)
    if args.json:
        print(json.dumps({"limits": {"max_chars": Pipeline.MAX_CHARS, "budget_s": Pipeline.BUDGET},
                          "cases": results}, ensure_ascii=False, indent=1))
    return 0 if all(r["within_bound"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
