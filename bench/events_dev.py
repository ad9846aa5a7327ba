"""Score the PLOVER event coder on the ru/uk development sentences (tests/data/events_dev.jsonl).

Each line: {"lang", "text", "published", "events": [{"type", "actor": [ISO3 or org key], "recipient": [...],
"negated", "modality", "reciprocal"?, "optional"?}]}. Org keys: EU, NATO, UN.

Matching follows ../shared/tools/score_seeds.py for events: same type, and the output's actor and
recipient country sets each meet the gold side (an empty gold side matches anything); for a gold event
marked `reciprocal` the sides may be swapped or merged. Negated outputs are left out, as there.
Recall counts the gold events that are neither negated nor `optional`; precision counts outputs that
match any non-negated gold event (optional ones included). Also reported: per-type precision/recall, a
type confusion (gold type -> output type of an event with the right parties), modality accuracy on
matches, how many negated gold events came out negated, and the list of misses and wrong outputs.

    .venv/bin/python bench/events_dev.py [PATH] [--lang ru|uk] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from entente import Pipeline  # noqa: E402
from entente.models import Article  # noqa: E402

# EU institutions count as the EU (the Council of the EU, the Commission)
ORGS = {"org:EU": "EU", "org:CEU": "EU", "org:EC": "EU", "org:NATO": "NATO", "org:UN": "UN"}


def codes(ids, by_id) -> set[str]:
    out: set[str] = set()
    for i in ids or ():
        if i in ORGS:
            out.add(ORGS[i])
        a = by_id.get(i)
        if a is not None and a.country:
            out.add(a.country.upper())
    return out


def parties_match(a: set[str], r: set[str], gold: dict) -> bool:
    ga, gr = set(gold.get("actor") or []), set(gold.get("recipient") or [])

    def meets(side, g):
        return not g or bool(side & g)

    if meets(a, ga) and meets(r, gr):
        return True
    if gold.get("reciprocal"):
        both = a | r
        return (meets(r, ga) and meets(a, gr)) or (
            meets(both, ga)
            and meets(both, gr)
            and (not ga or not gr or both >= (ga | gr) or len(both & (ga | gr)) >= 2)
        )
    return False


def run(path: Path, lang: str | None) -> dict:
    pipeline = Pipeline()
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    if lang:
        rows = [r for r in rows if r["lang"] == lang]
    req = found = out_n = correct = mod_ok = mod_n = neg_gold = neg_caught = 0
    per_type: dict[str, Counter] = defaultdict(Counter)
    confusion: Counter = Counter()
    misses, wrong, modality_errors, negation_misses = [], [], [], []
    for n, row in enumerate(rows, 1):
        art = pipeline(Article(file=f"dev{n:03d}.txt", text=row["text"], published=row["published"]))
        by_id = {a.id: a for a in art.actors}
        sys_all = [(e, codes(e.actor, by_id), codes(e.recipient, by_id)) for e in art.events]
        sys_ev = [x for x in sys_all if not x[0].negated]
        gold = row["events"]
        allowed = [g for g in gold if not g.get("negated")]
        for g in allowed:
            if g.get("optional"):
                continue
            req += 1
            per_type[g["type"]]["gold"] += 1
            hits = [x for x in sys_ev if x[0].type == g["type"] and parties_match(x[1], x[2], g)]
            if hits:
                found += 1
                per_type[g["type"]]["found"] += 1
                mod_n += 1
                if hits[0][0].modality == g.get("modality", "asserted"):
                    mod_ok += 1
                else:
                    modality_errors.append(
                        f"{g['type']} gold={g.get('modality')} out={hits[0][0].modality}: {row['text']}"
                    )
                continue
            same = [x for x in sys_all if parties_match(x[1], x[2], g)]
            got = ",".join(sorted({("~" if x[0].negated else "") + x[0].type for x in same})) or "none"
            confusion[(g["type"], got)] += 1
            out_desc = (
                "; ".join(
                    f"{'~' if e.negated else ''}{e.type} {sorted(a)}->{sorted(r)} [{e.trigger}]" for e, a, r in sys_all
                )
                or "-"
            )
            misses.append(
                f"[{row['lang']}] {g['type']} {g['actor']}->{g['recipient']} | out: {out_desc} | {row['text']}"
            )
        for e, a, r in sys_ev:
            out_n += 1
            per_type[e.type]["out"] += 1
            if any(e.type == g["type"] and parties_match(a, r, g) for g in allowed):
                correct += 1
                per_type[e.type]["correct"] += 1
            else:
                wrong.append(f"[{row['lang']}] {e.type} {sorted(a)}->{sorted(r)} [{e.trigger}] | {row['text']}")
        for g in gold:
            if g.get("negated"):
                neg_gold += 1
                if any(x[0].negated and x[0].type == g["type"] and parties_match(x[1], x[2], g) for x in sys_all):
                    neg_caught += 1
                else:
                    negation_misses.append(f"{g['type']} {g['actor']}->{g['recipient']}: {row['text']}")

    def ratio(a, b):
        return round(a / b, 3) if b else None

    types = {
        t: {
            "gold": c["gold"],
            "recall": ratio(c["found"], c["gold"]),
            "out": c["out"],
            "precision": ratio(c["correct"], c["out"]),
        }
        for t, c in sorted(per_type.items())
    }
    return {
        "summary": {
            "sentences": len(rows),
            "events_required": req,
            "events_found": found,
            "event_recall": ratio(found, req),
            "events_out": out_n,
            "events_correct": correct,
            "event_precision": ratio(correct, out_n),
            "modality_acc": ratio(mod_ok, mod_n),
            "negated_gold": neg_gold,
            "negated_caught": neg_caught,
        },
        "types": types,
        "confusion": {f"{g} -> {o}": n for (g, o), n in confusion.most_common()},
        "misses": misses,
        "wrong": wrong,
        "modality_errors": modality_errors,
        "negation_misses": negation_misses,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", default=str(ROOT / "tests" / "data" / "events_dev.jsonl"))
    ap.add_argument("--lang", choices=("ru", "uk"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    res = run(Path(args.path), args.lang)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return
    print("== summary")
    for k, v in res["summary"].items():
        print(f"   {k}: {v}")
    print("== by type (gold, recall | out, precision)")
    for t, v in res["types"].items():
        print(f"   {t:10} {v['gold']:3} {v['recall']!s:6} | {v['out']:3} {v['precision']!s:6}")
    for name in ("confusion", "misses", "wrong", "modality_errors", "negation_misses"):
        items = res[name]
        if items:
            print(f"== {name}")
            for x in items.items() if isinstance(items, dict) else items:
                print("   " + (f"{x[0]}: {x[1]}" if isinstance(x, tuple) else x))


if __name__ == "__main__":
    main()
