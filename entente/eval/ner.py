"""Exact-span NER scoring: a predicted entity is correct when its (start, end, label) equals a gold one's.

Per label (PER, LOC, ORG) and micro-averaged over the three: precision = correct / predicted, recall =
correct / gold, F1 their harmonic mean; each is 0.0 when its denominator is 0 (a recognizer that finds
nothing scores 0, not "undefined"). Predictions with other labels are not scored; duplicates count once.

    >>> from entente.extract.ner import Entity
    >>> docs = [GoldDoc("d", "Путин в Москве", "ru", ((0, 5, "PER"), (8, 14, "LOC")))]
    >>> evaluate(docs, lambda text, lang: [Entity(0, 5, "PER", "Путин")]).micro.recall
    0.5
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from entente.eval.corpora import GoldDoc

LABELS = ("PER", "LOC", "ORG")
COLUMNS = ("label", "gold", "predicted", "correct", "precision", "recall", "f1")


class Labelled(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


Recognize = Callable[[str, str], Iterable[Labelled]]  # (text, lang) -> entities, e.g. Recognizer().entities


@dataclass(frozen=True)
class Score:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.gold + other.gold, self.predicted + other.predicted, self.correct + other.correct)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "correct": self.correct,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class NerResult:
    docs: int
    by_label: dict[str, Score] = field(default_factory=lambda: {label: Score() for label in LABELS})

    @property
    def micro(self) -> Score:
        return sum(self.by_label.values(), Score())

    def to_dict(self) -> dict[str, Any]:
        return {"docs": self.docs, "labels": {k: v.to_dict() for k, v in self.by_label.items()},
                "micro": self.micro.to_dict()}


def evaluate(docs: Iterable[GoldDoc], recognize: Recognize) -> NerResult:
    """Run `recognize(doc.text, doc.lang)` on every document and count exact (start, end, label) matches."""
    totals = {label: Score() for label in LABELS}
    count = 0
    for doc in docs:
        count += 1
        gold = set(doc.entities)
        predicted = {(e.start, e.end, e.label) for e in recognize(doc.text, doc.lang) if e.label in totals}
        for label in LABELS:
            g = {e for e in gold if e[2] == label}
            p = {e for e in predicted if e[2] == label}
            totals[label] += Score(len(g), len(p), len(g & p))
    return NerResult(count, totals)


def render_table(result: NerResult) -> str:
    """A fixed-width table: one row per label, then micro; figures to 3 decimals."""
    rows = [(label, result.by_label[label]) for label in LABELS] + [("micro", result.micro)]
    cells = [COLUMNS] + [(name, str(s.gold), str(s.predicted), str(s.correct), f"{s.precision:.3f}",
                          f"{s.recall:.3f}", f"{s.f1:.3f}") for name, s in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             for row in cells]
    return "\n".join(lines + [f"{result.docs} documents; exact (start, end, label) match"])
