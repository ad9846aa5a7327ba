"""The `entente trace` command: why each event of a text exists — its sentence, trigger, the named rule
and how the clause holds it (extract/event_clause.py), its sides by name, and its polarity.

Registered by entente.cli; returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from entente.display import dumps, neutral
from entente.errors import InputError
from entente.ingest import read
from entente.models import Analysis, Event
from entente.pipeline import Pipeline
from entente.settings import Settings

Command = Callable[[str, str], argparse.ArgumentParser]
Option = Callable[[argparse.ArgumentParser], None]
Format = Callable[[argparse.ArgumentParser, Sequence[str], str], None]


def add_parsers(command: Command, db_option: Option, fmt_option: Format) -> None:
    """Add `trace` to the `entente` parser."""
    c = command(
        "trace",
        "Analyze articles and show, for every event, why it exists: sentence, trigger, rule (how the clause "
        "holds the event: verb, occurrence, support, undergone, presupposed, failed, mentioned-<relation>; "
        "negated-by, if; from:<source> for a side from outside the clause), "
        "actor and recipient by name, polarity and modality. Nothing is stored.",
    )
    c.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs, or - for stdin")
    c.add_argument("--max-bytes", type=int, default=Settings.max_bytes, help="refuse larger inputs")
    fmt_option(c, ("table", "json"), "table")


def trace(a: Analysis) -> list[dict[str, Any]]:
    """One record per event of `a`: the evidence and the decisions behind it."""
    names = {x.id: x.name for x in a.actors}
    return [_record(e, names) for e in a.events]


def _record(e: Event, names: dict[str, str]) -> dict[str, Any]:
    rule, _, how = e.rule.partition(" ")
    return {
        "id": e.id,
        "sentence": e.sentence,
        "trigger": e.trigger,
        "rule": rule or None,
        "clause": how or None,
        "type": e.type,
        "mode": e.mode,
        "actor": [{"id": x, "name": names.get(x, x)} for x in e.actor],
        "recipient": [{"id": x, "name": names.get(x, x)} for x in e.recipient],
        "negated": e.negated,
        "modality": e.modality,
        "date": e.date,
    }


def cmd_trace(args: argparse.Namespace) -> int:
    pipeline = Pipeline(Settings(max_bytes=args.max_bytes))
    failed, out = 0, []
    for item in pipeline.run(read(args.paths, args.max_bytes)):
        if isinstance(item, InputError):
            failed += 1
            print(neutral(f"entente: {item}"), file=sys.stderr)
            continue
        if args.format == "json":
            out.append({"file": item.file, "id": item.id, "events": trace(item)})
        else:
            _print(item)
    if args.format == "json":
        print(dumps(out, indent=1))
    return 1 if failed else 0


def _print(a: Analysis) -> None:
    """The trace as text; every line through `display.neutral`: a page's ESC or bidi characters stay inert."""
    say = print
    say(neutral(f"== {a.file} ({a.lang}, {len(a.events)} events)"))
    for r in trace(a):
        sides = " -> ".join(", ".join(x["name"] for x in r[k]) or "-" for k in ("actor", "recipient"))
        polarity = "NOT " if r["negated"] else ""
        say(neutral(f"  {polarity}{r['type']}{'/' + r['mode'] if r['mode'] else ''}  {sides}  [{r['modality']}]"))
        say(neutral(f"    trigger «{r['trigger']}»  rule {r['rule']}  clause {r['clause'] or '(no parse)'}"))
        say(neutral(f"    {' '.join(r['sentence'].split())}"))


COMMANDS = {"trace": cmd_trace}
