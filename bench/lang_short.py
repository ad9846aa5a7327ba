"""Does identifying short text among the plausible languages (ru, uk, en) help? Measured, not assumed.

Takes every sentence-sized piece of the labelled benchmark corpus (split at sentence ends), buckets
them by length, and reports language-id accuracy with and without the restriction.

    .venv/bin/python bench/lang_short.py [--corpus ../shared/data/bench/corpus.jsonl] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from entente.nlp.lang import LanguageId

ROOT = Path(__file__).resolve().parents[1]
BUCKETS = ((0, 30), (30, 60), (60, 120), (120, 10**9))
SENTENCE = re.compile(r"(?<=[.!?…])\s+")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/data/bench/corpus.jsonl"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not Path(args.corpus).is_file():
        print(f"lang_short: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    lid = LanguageId()
    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: {"n": 0, "free": 0, "restricted": 0})
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            for piece in SENTENCE.split(" ".join(doc["text"].split())):
                if not any(c.isalpha() for c in piece):
                    continue
                bucket = next(b for b in BUCKETS if b[0] <= len(piece) < b[1])
                c = counts[bucket]
                c["n"] += 1
                c["free"] += lid.detect(piece) == doc["lang"]
                c["restricted"] += lid.detect(piece, restrict=True) == doc["lang"]
    rows = [{"chars": f"{lo}-{hi if hi < 10**9 else ''}", "pieces": c["n"],
             "accuracy_free": round(c["free"] / c["n"], 4), "accuracy_restricted": round(c["restricted"] / c["n"], 4)}
            for (lo, hi), c in sorted(counts.items())]
    if args.json:
        print(json.dumps(rows))
    else:
        print(f"{'chars':>8} {'pieces':>7} {'free':>7} {'restricted':>10}")
        for r in rows:
            print(f"{r['chars']:>8} {r['pieces']:>7} {r['accuracy_free']:>7.4f} {r['accuracy_restricted']:>10.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
