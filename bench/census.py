"""Census of base-person links: draw a random sample, judge it by hand, count precision and error classes.

    .venv/bin/python bench/census.py draw [--corpus PATH] [--seed N] [--size N] > bench/data/census_sample.jsonl
    .venv/bin/python bench/census.py score [--sample PATH] [--judgments PATH]

`draw` analyzes every corpus text up to the actor stage, lists every (text, base person) link, and
draws `size` links with a fixed seed; each line gives the person, the mentions with why each was
linked, and the text around the first mention, so a judge reads the context and decides. `score`
reads the judgments (TSV: key, verdict right|wrong, error class, note) and prints precision overall,
by link reason and by language, and the wrong links by class. Redo on another corpus with --corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import DEFAULT_CORPUS, load_corpus  # noqa: E402

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "data" / "census_sample.jsonl"
JUDGMENTS = HERE / "data" / "census_judgments.tsv"
CONTEXT = 160


def draw(corpus: Path, seed: int, size: int) -> list[dict]:
    from entente.models import Analysis, Article
    from entente.pipeline import Doc, Pipeline

    pipeline = Pipeline()
    kb = pipeline.toolkit.linker.kb
    steps = dict(pipeline.steps)
    names = [name for name, _ in pipeline.steps]
    upto = names[: names.index("actors") + 1]
    links = []
    for r in load_corpus(corpus):
        doc = Doc(Article(file=f"{r['id']}.txt", text=r["text"]), Analysis(id=r["id"], file=r["id"]))
        try:
            for name in upto:
                doc = steps[name](doc, pipeline.toolkit)
        except Exception:  # noqa: BLE001 - a refused text has no links
            continue
        a = doc.analysis
        for actor in a.actors:
            entry = kb.entries.get(actor.id)
            if entry is None or entry.type != "person":
                continue
            m = actor.mentions[0]
            links.append(
                {
                    "key": f"{r['id']}|{actor.id}",
                    "lang": a.lang,
                    "person": actor.name,
                    "why": sorted({x.why for x in actor.mentions if x.why}),
                    "mentions": [x.text for x in actor.mentions],
                    "context": a.text[max(0, m.start - CONTEXT) : m.end + CONTEXT].replace("\n", " "),
                }
            )
    random.Random(seed).shuffle(links)
    return sorted(links[:size], key=lambda x: x["key"])


def score(sample: Path, judgments: Path) -> dict:
    links = {x["key"]: x for x in map(json.loads, sample.read_text("utf-8").splitlines())}
    rows = [line.split("\t") for line in judgments.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    verdicts = {r[0]: (r[1], r[2] if len(r) > 2 else "") for r in rows}
    missing = [k for k in links if k not in verdicts]
    judged = [k for k in links if k in verdicts]
    right = [k for k in judged if verdicts[k][0] == "right"]
    by_why: Counter[str] = Counter()
    by_why_right: Counter[str] = Counter()
    by_lang: Counter[str] = Counter()
    by_lang_right: Counter[str] = Counter()
    for k in judged:
        why = " + ".join(links[k]["why"]) or "-"
        by_why[why] += 1
        by_lang[links[k]["lang"]] += 1
        if verdicts[k][0] == "right":
            by_why_right[why] += 1
            by_lang_right[links[k]["lang"]] += 1
    return {
        "links": len(links),
        "judged": len(judged),
        "unjudged": missing,
        "precision": round(len(right) / len(judged), 3) if judged else None,
        "by_reason": {w: f"{by_why_right[w]}/{n}" for w, n in by_why.most_common()},
        "by_language": {w: f"{by_lang_right[w]}/{n}" for w, n in by_lang.most_common()},
        "errors": dict(Counter(verdicts[k][1] for k in judged if verdicts[k][0] != "right").most_common()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("draw", "score"))
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--size", type=int, default=110)
    ap.add_argument("--sample", type=Path, default=SAMPLE)
    ap.add_argument("--judgments", type=Path, default=JUDGMENTS)
    args = ap.parse_args()
    if args.command == "draw":
        for link in draw(args.corpus, args.seed, args.size):
            print(json.dumps(link, ensure_ascii=False))
    else:
        print(json.dumps(score(args.sample, args.judgments), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
