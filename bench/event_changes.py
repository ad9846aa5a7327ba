"""What a change did to the events of a corpus: two `entente analyze --format jsonl` outputs of the same texts
(before and after) compared event by event, with counts by where a side outside the clause came from (the
`from:` part of each event's rule), and a random sample of events for judging by hand.

    entente analyze ../shared/data/bench/corpus.jsonl --format jsonl > after.jsonl  # before.jsonl: the old commit
    .venv/bin/python bench/event_changes.py before.jsonl after.jsonl --list
    .venv/bin/python bench/event_changes.py after.jsonl after.jsonl --sample 25 --rule from:pair

An event is compared by its text, type, actor and recipient names, polarity and sentence. `--sample N`: N events
of the second output (those whose rule contains `--rule`, and in `--lang`, if given), drawn with `--seed`,
printed with their sentence; asserted events only unless `--negated`.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

Key = tuple[str, str, tuple[str, ...], tuple[str, ...], bool, int]


def events(path: Path) -> dict[Key, dict[str, Any]]:
    """(text, type, actor names, recipient names, negated, sentence start) -> the event with its names."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            text = doc.get("id") or doc["file"]
            names = {a["id"]: a["name"] for a in doc["actors"]}
            for e in doc["events"]:
                actor = tuple(names.get(x, x) for x in e["actor"])
                recipient = tuple(names.get(x, x) for x in e["recipient"])
                key = (text, e["type"], actor, recipient, bool(e["negated"]), e["start"])
                out[key] = {**e, "text": text, "actor_names": actor, "recipient_names": recipient,
                            "lang": doc.get("lang")}
    return out


def source(e: dict[str, Any]) -> str:
    """Where a side outside the event's clause came from, as its rule says (`from:pair`), or `clause`."""
    return next((p for p in (e.get("rule") or "").split() if p.startswith("from:")), "clause")


def line(e: dict[str, Any]) -> str:
    sides = f"{', '.join(e['actor_names']) or '-'} -> {', '.join(e['recipient_names']) or '-'}"
    neg = " NOT" if e["negated"] else ""
    return f"{e['text']}\t{e['type']}{neg}\t{sides}\t{e.get('rule') or ''}\t{' '.join(e['sentence'].split())[:200]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--list", action="store_true", help="list every added and removed event")
    parser.add_argument("--sample", type=int, default=0, help="print N random events of the second output")
    parser.add_argument("--rule", default="", help="with --sample: only events whose rule contains this")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--negated", action="store_true", help="with --sample: negated events too")
    parser.add_argument("--lang", help="with --sample: only texts in these languages (comma-separated: ru,uk)")
    args = parser.parse_args()
    before, after = events(args.before), events(args.after)
    added = [after[k] for k in after.keys() - before.keys()]
    removed = [before[k] for k in before.keys() - after.keys()]
    asserted = [e for e in after.values() if not e["negated"]]
    print(f"events: {len(before)} -> {len(after)} ({len(added)} added, {len(removed)} removed)")
    print("asserted events of the second output by side source:",
          dict(Counter(source(e) for e in asserted).most_common()))
    if args.list:
        for mark, group in (("+", added), ("-", removed)):
            for e in sorted(group, key=lambda e: (e["text"], e["start"])):
                print(f"{mark}\t{line(e)}")
    if args.sample:
        langs = set(args.lang.split(",")) if args.lang else None
        pool = [e for e in after.values() if (args.negated or not e["negated"]) and args.rule in (e.get("rule") or "")
                and (langs is None or e["lang"] in langs)]
        pool.sort(key=lambda e: (e["text"], e["start"], e["type"]))
        print(f"sample of {min(args.sample, len(pool))} of {len(pool)} events with rule containing {args.rule!r}:")
        for e in random.Random(args.seed).sample(pool, min(args.sample, len(pool))):
            print(line(e))


if __name__ == "__main__":
    main()
