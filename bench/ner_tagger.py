"""entente's way of running natasha's NER model (`entente/nlp/tagger.py`) against natasha's own call: the
same spans on every corpus text, and what each costs in process CPU seconds, one core.

    .venv/bin/python bench/ner_tagger.py [--corpus PATH] [--limit N] [--lang ru] [--json]

Every text (of `--lang` only, when given) is tagged both ways, in turns (which goes first alternates, so that
other work on the machine falls on both alike); any text whose spans differ is listed and makes the exit
status 1.
"""

from __future__ import annotations

import os

if hasattr(os, "sched_setaffinity"):  # before numpy loads, so that its BLAS threads share the one core too
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from entente.nlp.embedding import Embedding  # noqa: E402
from entente.nlp.tagger import Tagger  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import DEFAULT_CORPUS, load_corpus, machine, revision  # noqa: E402


def compare(corpus: Path, limit: int | None, lang: str | None) -> dict:
    records = [r for r in load_corpus(corpus) if lang is None or r["lang"] == lang][:limit]
    from natasha import NewsEmbedding, NewsNERTagger

    tagger = Tagger(Embedding())
    natasha = NewsNERTagger(NewsEmbedding())  # natasha's own, loaded as natasha loads it
    tagger.spans("Прогрев."), natasha("Прогрев.")
    cpu = {"natasha": 0.0, "entente": 0.0}
    differ = []
    for n, r in enumerate(records):
        text = r["text"]
        if not text.strip():
            continue
        order = ("natasha", "entente") if n % 2 == 0 else ("entente", "natasha")
        got = {}
        for way in order:
            t = time.process_time()
            if way == "natasha":
                got[way] = [(s.start, s.stop, s.type) for s in natasha(text).spans]
            else:
                got[way] = tagger.spans(text)
            cpu[way] += time.process_time() - t
        if got["natasha"] != got["entente"]:
            differ.append(r["id"])
    return {
        "corpus": str(corpus), "revision": revision(), "machine": machine(), "texts": len(records),
        "cpu_seconds": {k: round(v, 2) for k, v in cpu.items()},
        "entente_share_of_natasha": round(cpu["entente"] / cpu["natasha"], 3) if cpu["natasha"] else None,
        "differ": differ,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--lang", default=None, help="only texts the corpus labels with this language")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = compare(args.corpus, args.limit, args.lang)
    if args.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
    else:
        print(f"{r['texts']} texts: natasha {r['cpu_seconds']['natasha']} CPU s, entente's tagger "
              f"{r['cpu_seconds']['entente']} CPU s ({r['entente_share_of_natasha']:.0%}); "
              f"{len(r['differ'])} texts with other spans {r['differ'][:10]}")
    sys.exit(1 if r["differ"] else 0)


if __name__ == "__main__":
    main()
