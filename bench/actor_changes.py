"""What a change did to the actors of a corpus: two `entente analyze --format jsonl` outputs of the same texts
(before and after), their (text, actor) pairs compared, and each added or removed pair listed with the
words around its first mention, for judging by hand.

    entente analyze ../shared/data/bench/corpus.jsonl --format jsonl > after.jsonl  # before.jsonl: the old commit
    .venv/bin/python bench/actor_changes.py before.jsonl after.jsonl --type person --base --list

`--base`: only actors that are knowledge-base entries (base-person links); `--unknown`: only the others
(unknown organizations, romanized people).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def pairs(path: Path, keep: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """(text id, actor id) -> the actor with the text it was found in, for the actors `keep` accepts."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            key = doc.get("id") or doc["file"]
            for actor in doc["actors"]:
                if keep(actor):
                    out[key, actor["id"]] = {"actor": actor, "doc": doc}
    return out


def context(found: dict[str, Any]) -> str:
    actor, doc = found["actor"], found["doc"]
    if not actor["mentions"]:
        return f"headline: {doc.get('title') or ''}"
    m = actor["mentions"][0]
    return doc["text"][max(0, m["start"] - 100) : m["end"] + 60].replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--type", help="person, organization, country or location")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--base", action="store_true", help="knowledge-base entries only")
    which.add_argument("--unknown", action="store_true", help="actors outside the base only")
    parser.add_argument("--list", action="store_true", help="list every added and removed pair with its context")
    args = parser.parse_args()
    from entente.actors.kb import KnowledgeBase

    entries = KnowledgeBase.load().entries

    def keep(actor: dict[str, Any]) -> bool:
        if args.type and actor["type"] != args.type:
            return False
        return not (args.base and actor["id"] not in entries or args.unknown and actor["id"] in entries)

    before, after = pairs(args.before, keep), pairs(args.after, keep)
    added, removed = sorted(set(after) - set(before)), sorted(set(before) - set(after))
    print(f"(text, actor) pairs: {len(before)} before, {len(after)} after; {len(added)} added, {len(removed)} removed")
    if args.list:
        for label, keys, side in (("added", added, after), ("removed", removed, before)):
            for key in keys:
                print(f"{label}\t{side[key]['actor']['name']}\t{context(side[key])}")


if __name__ == "__main__":
    main()
