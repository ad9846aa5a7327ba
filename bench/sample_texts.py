"""Write a random sample of the bench corpus as text files, one per record (`<lang>_<id>.txt`), for analyzing
the same texts before and after a change (bench/event_changes.py, bench/actor_changes.py).

    .venv/bin/python bench/sample_texts.py OUT_DIR [--n 900] [--seed 7] [--corpus PATH]
    entente analyze OUT_DIR --format jsonl > after.jsonl

The sample is `random.Random(seed).sample` of the corpus records in file order, so a seed gives the same texts.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bench" / "corpus.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=900)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"sample_texts.py: no corpus at {args.corpus}")
    with open(args.corpus, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    args.out.mkdir(parents=True, exist_ok=True)
    for row in random.Random(args.seed).sample(rows, min(args.n, len(rows))):
        name = f"{row['lang']}_{str(row['id']).replace('/', '_')}.txt"
        (args.out / name).write_text(row["text"], encoding="utf-8")
    print(f"{min(args.n, len(rows))} texts written to {args.out}")


if __name__ == "__main__":
    main()
