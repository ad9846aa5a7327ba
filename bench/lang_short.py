"""Does identifying short text among the plausible languages (ru, uk, en) help? Measured, not assumed.

Takes every sentence-sized piece of the labelled benchmark corpus (split at sentence ends), buckets
them by length, and reports language-id accuracy with and without the restriction.

    .venv/bin/python bench/lang_short.py [--corpus ../shared/data/bench/corpus.jsonl] [--json]
    .venv/bin/python bench/lang_short.py --documents   # whole-text call vs paragraph vote, per document
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
    ap.add_argument("--documents", action="store_true",
                    help="compare document language from one whole-text call with the paragraph vote")
    args = ap.parse_args()
    if not Path(args.corpus).is_file():
        print(f"lang_short: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    lid = LanguageId()
    if args.documents:
        return documents(lid, args.corpus, args.json)
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


def documents(lid: LanguageId, corpus: str, as_json: bool) -> int:
    n = whole_ok = vote_ok = agree = 0
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            text = "\n\n".join(p.strip() for p in doc["text"].split("\n") if p.strip())
            whole, vote = lid.detect(text), lid.document(lid.paragraphs(text))
            n += 1
            whole_ok += whole == doc["lang"]
            vote_ok += vote == doc["lang"]
            agree += whole == vote
    row = {"documents": n, "accuracy_whole_text": round(whole_ok / n, 4),
           "accuracy_paragraph_vote": round(vote_ok / n, 4), "agreement": round(agree / n, 4)}
    print(json.dumps(row) if as_json else "\n".join(f"{k:>24}: {v}" for k, v in row.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
