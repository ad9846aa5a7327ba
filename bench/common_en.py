"""Build entente/actors/data/common_en.txt: English words that running text writes in lower case.

A word counts as common when, in the English texts of the bench corpus, it is written in lower case
at least MIN times and at least as often as capitalized inside a sentence. The linker uses the list to
tell that "Industrial Revolution" or "Iron Dome" is no person while "Susanne Rust" may be.

    .venv/bin/python bench/common_en.py [--corpus PATH] > entente/actors/data/common_en.txt
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

MIN = 3
CORPUS = Path(__file__).resolve().parents[2] / "shared/data/bench/corpus.jsonl"
_WORD = re.compile(r"(?<![\w'’.])([A-Za-z][a-z]+)\b")


def common(texts: list[str]) -> list[str]:
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for text in texts:
        for m in _WORD.finditer(text):
            w = m.group(1)
            before = text[max(0, m.start() - 3) : m.start()].rstrip(" \"'“‘(")
            if not before or before[-1] in ".!?:\n":
                continue  # sentence-initial: its capital says nothing
            (upper if w[0].isupper() else lower)[w.lower()] += 1
    return sorted(w for w, n in lower.items() if n >= MIN and n >= upper[w])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        texts = [r["text"] for r in map(json.loads, f) if r.get("lang") == "en"]
    words = common(texts)
    print("# English words written in lower case in running text (bench/common_en.py over the bench corpus).")
    print(f"# {len(words)} words from {len(texts)} English texts; one a line.")
    sys.stdout.writelines(w + "\n" for w in words)


if __name__ == "__main__":
    main()
