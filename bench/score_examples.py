"""Score the analyzer on the bundled examples against tests/data/examples_expected.json.

    .venv/bin/python bench/score_examples.py [--json]

Prints per-article misses and a summary: language, title and date accuracy (a year-less dateline
may give null, see `published_needs_year`), junk lines left, body passages missing, and how often
`source` agrees with the page's own outlet (informational: the examples' outlets are invented).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from entente import Pipeline
from entente.clean import Outlets
from entente.ingest import read
from entente.models import Analysis

ROOT = Path(__file__).resolve().parents[1]


def flat(s: str | None) -> str:
    return " ".join((s or "").split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    expected = json.loads((ROOT / "tests/data/examples_expected.json").read_text("utf-8"))["documents"]
    found: dict[tuple[str, int], Analysis] = {}
    for item in Pipeline().run(read([str(ROOT / "examples")], 10**7)):
        if not isinstance(item, Analysis):
            print(f"score_examples: {item}", file=sys.stderr)
            continue
        name = Path(item.file).name
        found[(name, 1 + sum(1 for k in found if k[0] == name))] = item
    outlets = Outlets.load()
    rows = []
    for doc in expected:
        a = found[(doc["file"], doc.get("line") or 1)]
        lines = {flat(x) for x in a.text.splitlines()}
        accepted = {doc["published"]} | ({None} if doc.get("published_needs_year") else set())
        rows.append({
            "file": doc["file"] + (f":{doc['line']}" if doc.get("line") else ""),
            "lang_ok": a.lang == doc["lang"],
            "title_ok": a.title == doc["title"],
            "published_ok": a.published in accepted,
            "published_exact": a.published == doc["published"],
            "junk_left": [j for j in doc["junk_lines"] if flat(j) in lines],
            "body_missing": [b for b in doc["body_must_contain"] if flat(b) not in flat(a.text)],
            "source": a.source,
            "source_ok": doc["source"] is not None and a.source is not None
            and outlets.name(doc["source"]) == outlets.name(a.source),
            "gold_source": doc["source"],
        })
    n = len(rows)
    summary = {
        "documents": n,
        "lang_acc": round(sum(r["lang_ok"] for r in rows) / n, 3),
        "title_acc": round(sum(r["title_ok"] for r in rows) / n, 3),
        "published_acc": round(sum(r["published_ok"] for r in rows) / n, 3),
        "published_exact": round(sum(r["published_exact"] for r in rows) / n, 3),
        "junk_lines_left": sum(len(r["junk_left"]) for r in rows),
        "body_passages_missing": sum(len(r["body_missing"]) for r in rows),
        "source_agreement": f"{sum(r['source_ok'] for r in rows)}/{sum(r['gold_source'] is not None for r in rows)}",
    }
    if args.json:
        print(json.dumps({"summary": summary, "documents": rows}, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        misses = {k: v for k, v in r.items() if v is False or (isinstance(v, list) and v)}
        if misses or not r["source_ok"]:
            print(f"{r['file']}: {misses} source={r['source']!r} gold={r['gold_source']!r}")
    for k, v in summary.items():
        print(f"{k:>22}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
