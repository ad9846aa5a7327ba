"""Event coding scored against gold: PLOVER-GSR sentences and factRuEval Meeting facts.

The system under test is anything that turns an Article into an Analysis (`Pipeline()`); only its
non-negated events count, and their actor ids are looked up in `Analysis.actors`. An article the pipeline
refuses (InputError) counts as one with no events and is reported under `failed`.

PLOVER-GSR, per gold record (one English sentence):
- **type, strict**: the coder's *main* event (highest confidence, the earliest on a tie) has the gold type.
- **type, lenient**: any of its events has the gold type.
- **actor / recipient country**, among the records whose type is right (strict: on the main event;
  lenient: on any event of the gold type) and whose gold side has a code: the event's actor (recipient)
  side holds an actor whose `country` is one of the gold codes, or, for a gold IGO / NGO, whose `sector` is.
  A gold side with several codes (compound or reciprocal actors) is right when any of them is found.
- **confusion**: (gold type, main event's type or "-" for none) for the strict misses, the most frequent first.

factRuEval, per Meeting fact: **found** when one CONSULT event of that document has, among its actor and
recipient actors, two different actors matching two different participants. An actor matches a participant
when every word of one of the participant's names (nominative) has its `name_key` among the keys of the words
of the actor's name or of one of its mentions (`key_candidates`, so «Саркози» matches «Саркози», «Обамой»
-> «Обама»). `named` counts the facts with at least two participants that have a name; `linked` the facts
with at least two participants matched by different actors of the document (whatever the events), the
ceiling of what the event stage can find. Recall = found / facts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import permutations
from typing import Any

from entente.errors import InputError
from entente.eval.corpora_events import PLOVER_TYPES, GoldRecord, MeetingDoc, MeetingFact, Participant
from entente.models import Actor, Analysis, Article, Event
from entente.nlp.keys import key_candidates, name_key

Analyze = Callable[[Article], Analysis]  # e.g. Pipeline()
NON_STATE = ("IGO", "NGO")  # gold codes matched by an actor's sector
CONFUSIONS = 15
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Ratio:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.correct}/{self.total})"


@dataclass
class PloverResult:
    records: int = 0
    excluded: dict[str, int] = field(default_factory=dict)
    type_strict: Ratio = Ratio()
    type_lenient: Ratio = Ratio()
    actor_strict: Ratio = Ratio()
    actor_lenient: Ratio = Ratio()
    recipient_strict: Ratio = Ratio()
    recipient_lenient: Ratio = Ratio()
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)  # type -> gold, predicted, strict, lenient
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    no_event: int = 0  # records on which the coder found no (non-negated) event
    failed: int = 0
    dangling: int = 0  # event actor ids missing from Analysis.actors
    languages: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "excluded": self.excluded,
            "type_accuracy": {"strict": self.type_strict.to_dict(), "lenient": self.type_lenient.to_dict()},
            "actor_country_accuracy": {"strict": self.actor_strict.to_dict(), "lenient": self.actor_lenient.to_dict()},
            "recipient_country_accuracy": {"strict": self.recipient_strict.to_dict(),
                                           "lenient": self.recipient_lenient.to_dict()},
            "by_type": self.by_type,
            "confusion": [{"gold": g, "predicted": p, "count": n}
                          for (g, p), n in self.confusion.most_common(CONFUSIONS)],
            "no_event": self.no_event, "failed": self.failed, "dangling_actor_ids": self.dangling,
            "languages": dict(self.languages.most_common()), "misses": self.misses,
        }


def evaluate_plover(records: Iterable[GoldRecord], analyze: Analyze, excluded: dict[str, int] | None = None
                    ) -> PloverResult:
    """Code every gold sentence with `analyze` and score type, actor and recipient country (module docstring).

    >>> from entente.models import Analysis
    >>> gold = [GoldRecord("r1", "Iran rejected the offer.", None, "REJECT", "REJECT", None, ("IRN",), ())]
    >>> evaluate_plover(gold, lambda article: Analysis(id="a", file=article.file)).type_strict.total
    1
    """
    result = PloverResult(excluded=dict(excluded or {}))
    by_type = {t: {"gold": 0, "predicted": 0, "strict": 0, "lenient": 0} for t in PLOVER_TYPES}
    for gold in records:
        result.records += 1
        analysis = _analyze(analyze, Article(file=gold.id, text=gold.text, published=gold.date), result)
        result.languages[str(analysis.lang if analysis else None)] += 1
        events = [e for e in analysis.events if not e.negated] if analysis else []
        actors = {a.id: a for a in analysis.actors} if analysis else {}
        result.dangling += sum(i not in actors for e in events for i in (*e.actor, *e.recipient))
        main = max(events, key=lambda e: e.confidence) if events else None  # max keeps the first of equals
        same = [e for e in events if e.type == gold.type]
        strict, lenient = main is not None and main.type == gold.type, bool(same)
        by_type[gold.type]["gold"] += 1
        if main is not None:
            by_type.setdefault(main.type, {"gold": 0, "predicted": 0, "strict": 0, "lenient": 0})["predicted"] += 1
        else:
            result.no_event += 1
        by_type[gold.type]["strict"] += strict
        by_type[gold.type]["lenient"] += lenient
        result.type_strict += Ratio(int(strict), 1)
        result.type_lenient += Ratio(int(lenient), 1)
        actor = _side(gold.actor, "actor", main if strict else None, same, actors)
        recipient = _side(gold.recipient, "recipient", main if strict else None, same, actors)
        result.actor_strict += actor[0]
        result.actor_lenient += actor[1]
        result.recipient_strict += recipient[0]
        result.recipient_lenient += recipient[1]
        sides = {name: bool(r[0].correct) for name, r in (("actor", actor), ("recipient", recipient)) if r[0].total}
        if not strict:
            result.confusion[(gold.type, main.type if main else "-")] += 1
        if not strict or not all(sides.values()):
            result.misses.append(_miss(gold, main, actors, strict, lenient, sides))
    result.by_type = {t: c for t, c in by_type.items() if c["gold"] or c["predicted"]}
    return result


def _analyze(analyze: Analyze, article: Article, result: PloverResult | MeetingResult) -> Analysis | None:
    try:
        return analyze(article)
    except InputError:
        result.failed += 1
        return None


def _side(gold: tuple[str, ...], name: str, main: Event | None, same: list[Event], actors: dict[str, Actor]
          ) -> tuple[Ratio, Ratio]:
    """(strict, lenient) score of one side: Ratio(0, 0) where it is not scored (no gold code, type wrong)."""
    if not gold:
        return Ratio(), Ratio()
    strict = Ratio(int(_side_has(getattr(main, name), gold, actors)), 1) if main is not None else Ratio()
    lenient = Ratio(int(any(_side_has(getattr(e, name), gold, actors) for e in same)), 1) if same else Ratio()
    return strict, lenient


def _codes(actor: Actor) -> set[str]:
    codes = {actor.country} if actor.country else set()
    return codes | ({actor.sector} if actor.sector in NON_STATE else set())


def _side_has(ids: tuple[str, ...], gold: tuple[str, ...], actors: dict[str, Actor]) -> bool:
    return any(_codes(actors[i]) & set(gold) for i in ids if i in actors)


def _countries(ids: tuple[str, ...], actors: dict[str, Actor]) -> list[str]:
    return [",".join(sorted(_codes(actors[i]))) or i if i in actors else f"?{i}" for i in ids]


def _miss(gold: GoldRecord, main: Event | None, actors: dict[str, Actor], strict: bool, lenient: bool,
          sides: dict[str, bool]) -> dict[str, Any]:
    predicted = None if main is None else {"type": main.type, "actor": _countries(main.actor, actors),
                                           "recipient": _countries(main.recipient, actors),
                                           "trigger": main.trigger}
    return {"id": gold.id, "text": gold.text, "gold": {"type": gold.type, "actor": list(gold.actor),
                                                       "recipient": list(gold.recipient)},
            "predicted": predicted, "type_strict": strict, "type_lenient": lenient,
            **{f"{side}_strict": hit for side, hit in sides.items()}}


def render_plover(result: PloverResult) -> str:
    """A fixed-width table by gold type, then the summary figures and the confusion list."""
    header = ("type", "gold", "predicted", "strict", "lenient")
    rows = [(t, *(str(c[k]) for k in header[1:])) for t, c in result.by_type.items()]
    lines = _columns([header, *rows])
    lines += [
        f"type accuracy: strict {result.type_strict}, lenient {result.type_lenient}",
        f"actor country accuracy (type right): strict {result.actor_strict}, lenient {result.actor_lenient}",
        f"recipient country accuracy (type right): strict {result.recipient_strict}, "
        f"lenient {result.recipient_lenient}",
        f"{result.records} records; {result.no_event} without any event; {result.failed} failed; "
        f"excluded: {_counts(result.excluded)}",
    ]
    if result.confusion:
        lines.append("confusion (gold -> predicted): " + ", ".join(
            f"{g} -> {p} {n}" for (g, p), n in result.confusion.most_common(CONFUSIONS)))
    return "\n".join(lines)


@dataclass
class MeetingResult:
    docs: int = 0
    facts: int = 0
    named: int = 0  # facts with >= 2 participants that have a name
    linked: int = 0  # facts with >= 2 participants matched by different actors of the document
    found: int = 0
    consult_events: int = 0  # non-negated CONSULT events in the documents read
    failed: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> Ratio:
        return Ratio(self.found, self.facts)

    def to_dict(self) -> dict[str, Any]:
        return {"docs": self.docs, "facts": self.facts, "named": self.named, "linked": self.linked,
                "found": self.found, "recall": round(self.recall.value, 4), "consult_events": self.consult_events,
                "failed": self.failed, "missed": self.missed}


def evaluate_meetings(docs: Iterable[MeetingDoc], analyze: Analyze) -> MeetingResult:
    """For each Meeting fact, is there a CONSULT between two of its participants? (module docstring)"""
    result = MeetingResult()
    for doc in docs:
        result.docs += 1
        analysis = _analyze(analyze, Article(file=doc.id, text=doc.text), result)
        actors = {a.id: a for a in analysis.actors} if analysis else {}
        consults = [e for e in analysis.events if e.type == "CONSULT" and not e.negated] if analysis else []
        result.consult_events += len(consults)
        for fact in doc.facts:
            result.facts += 1
            result.named += sum(bool(p.names) for p in fact.participants) >= 2
            linked = _covers(fact, list(actors.values()))
            result.linked += linked
            if any(_covers(fact, [actors[i] for i in dict.fromkeys((*e.actor, *e.recipient)) if i in actors])
                   for e in consults):
                result.found += 1
            else:
                result.missed.append(_missed(doc, fact, actors, consults, linked))
    return result


def _covers(fact: MeetingFact, actors: list[Actor]) -> bool:
    """Two different actors match two different participants."""
    pairs = [(p, a) for p, participant in enumerate(fact.participants) for a, actor in enumerate(actors)
             if _matches(participant, actor)]
    return any(p1 != p2 and a1 != a2 for (p1, a1), (p2, a2) in permutations(pairs, 2))


def _matches(participant: Participant, actor: Actor) -> bool:
    surfaces = [actor.name, *(m.text for m in actor.mentions)]
    keys = [{k for w in _WORD.findall(s) for k in key_candidates(w)} for s in surfaces]
    return any(all(name_key(w) in ks for w in words) for name in participant.names
               if (words := _WORD.findall(name)) for ks in keys)


def _missed(doc: MeetingDoc, fact: MeetingFact, actors: dict[str, Actor], consults: list[Event],
            linked: bool) -> dict[str, Any]:
    matched = [{"participant": p.text, "names": list(p.names), "actors": [a.id for a in actors.values()
                                                                       if _matches(p, a)]} for p in fact.participants]
    return {"fact": fact.id, "doc": doc.id, "participants": matched, "modality": fact.modality, "linked": linked,
            "consult_events": [{"actor": list(e.actor), "recipient": list(e.recipient), "trigger": e.trigger}
                               for e in consults]}


def render_meetings(result: MeetingResult) -> str:
    lines = _columns([("facts", "named", "linked", "found", "recall"),
                      (str(result.facts), str(result.named), str(result.linked), str(result.found),
                       f"{result.recall.value:.3f}")])
    lines.append(f"{result.docs} documents with Meeting facts; {result.consult_events} CONSULT events; "
                 f"{result.failed} failed; named / linked: facts with two participants that have a name / "
                 f"that the actors of the document match")
    lines += [f"missed {m['fact']} ({m['doc']}): " + "; ".join(
        f"{p['participant']} = {', '.join(p['actors']) or '-'}" for p in m["participants"]) for m in result.missed]
    return "\n".join(lines)


def _columns(cells: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
            for row in cells]


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {reason}" for reason, n in counts.items()) or "none"
