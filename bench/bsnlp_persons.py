"""How many of entente's person actors carry the name of a person the BSNLP annotators linked in the same
document: an independent check of person naming (romanization, Western names read back, spelling
variants) on the 2019 BSNLP topics (asia_bibi, brexit, nord_stream, ryanair: 585 ru/uk documents whose
entity ids are readable English names, "PER-Kenny-Jacobs").

A person actor counts when its name matches one of the document's PER ids as the development gold's
scorer compares names (`bench/western_names.same`); the rest are wrong names, people the annotators did
not mark, or both. The figure is for comparing two versions of the code, not an absolute precision.

    .venv/bin/python bench/bsnlp_persons.py [--data ../shared/data/bsnlp-ru-uk] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from entente.models import Article
from entente.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from western_names import same  # noqa: E402

TOPICS = ("asia_bibi", "brexit", "nord_stream", "ryanair")


def documents(root: Path) -> list[tuple[Path, set[str]]]:
    """(raw text file, names of its PER ids) for the 2019 topics."""
    out = []
    for line in (root / "pairs.tsv").read_text("utf-8").splitlines()[1:]:
        topic, _lang, annotation, raw = line.split("\t")
        if topic not in TOPICS:
            continue
        names = set()
        for row in (root / annotation).read_text("utf-8-sig").splitlines()[1:]:
            cells = row.rstrip("\r").split("\t")
            if len(cells) >= 4 and cells[2] == "PER" and cells[3].startswith("PER-"):
                names.add(cells[3][4:].replace("-", " "))
        out.append((root / raw, names))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
                        / "bsnlp-ru-uk")
    parser.add_argument("--misses", action="store_true", help="list the most frequent unmatched names")
    args = parser.parse_args()
    pipeline = Pipeline()
    right = wrong = 0
    unmatched: Counter[str] = Counter()
    docs = documents(args.data)
    for path, names in docs:
        analysis = pipeline(Article(file=str(path), text=path.read_text("utf-8-sig")))
        for actor in analysis.actors:
            if actor.type != "person":
                continue
            if any(same(actor.name, n) for n in names):
                right += 1
            else:
                wrong += 1
                unmatched[actor.name] += 1
    print(f"{len(docs)} documents: {right} of {right + wrong} person actors ({right / max(1, right + wrong):.3f}) "
          f"carry the name of a person the annotators linked")
    if args.misses:
        for name, n in unmatched.most_common(60):
            print(n, name)


if __name__ == "__main__":
    main()
