"""What the dependency parse costs the event stage, measured so that other work on the machine cancels out.

Every corpus text goes through the stages before `events` untimed; then each document's `events` step
runs once untimed (to fill the lemma caches) and twice in turn, with the parse (Russian sentences that
hold a trigger) and without it (grammar cues only), alternating which goes first; the process CPU time
of each is summed.

    .venv/bin/python bench/syntax_cost.py [--corpus PATH] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from entente.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from actors import prepare  # noqa: E402
from ingest import DEFAULT_CORPUS, load_corpus, machine, pin_one_core, revision  # noqa: E402


def measure(corpus: Path, limit: int | None) -> dict:
    info, pinned = machine(), pin_one_core()
    pipeline = Pipeline()
    steps = dict(pipeline.steps)
    docs = prepare(pipeline, load_corpus(corpus)[:limit], "events")
    coder = pipeline.toolkit.events
    parsed = coder.parsed
    coder.syntax.parse([["Прогрев", "."]])  # the parser loads on first use
    cpu: defaultdict[str, float] = defaultdict(float)
    by_lang: defaultdict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    for n, doc in enumerate(docs):
        steps["events"](doc, pipeline.toolkit)  # untimed: fills the lemma caches both runs then share
        order = (("with", parsed), ("without", ())) if n % 2 == 0 else (("without", ()), ("with", parsed))
        for name, langs in order:
            coder.parsed = langs
            t = time.process_time()
            steps["events"](doc, pipeline.toolkit)
            took = time.process_time() - t
            cpu[name] += took
            by_lang[doc.analysis.lang or "?"][name] += took
    coder.parsed = parsed
    return {
        "corpus": str(corpus),
        "revision": revision(),
        "machine": info,
        "cpu": pinned,
        "documents": len(docs),
        "cpu_seconds": {k: round(v, 2) for k, v in cpu.items()},
        "articles_per_cpu_second": {k: round(len(docs) / v, 1) for k, v in cpu.items()},
        "parse_share_of_event_stage": round(1 - cpu["without"] / cpu["with"], 3),
        "cpu_ms_per_article_by_language": {
            lang: {k: round(1000 * v / max(1, sum(d.analysis.lang == lang for d in docs)), 2) for k, v in t.items()}
            for lang, t in by_lang.items()
        },
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = measure(args.corpus, args.limit)
    if args.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
    else:
        a = r["articles_per_cpu_second"]
        print(f"{r['documents']} documents: {a['with']} articles per CPU second with the parse, {a['without']} "
              f"without; the parse is {r['parse_share_of_event_stage']:.1%} of the event stage")


if __name__ == "__main__":
    main()
