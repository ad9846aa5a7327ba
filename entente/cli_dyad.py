"""Dyad and export commands of the command line: `entente dyad A B`, `entente export`.

Registered by entente.cli; each takes the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from entente import cli_args
from entente.cli_resolve import side
from entente.display import dumps, neutral, write_csv
from entente.store.dyad import PERIODS, QUADS, dyad_events, dyad_series, plover
from entente.store.export import EXPORTS, export

Command = Callable[[str, str], argparse.ArgumentParser]
Option = Callable[[argparse.ArgumentParser], None]
Format = Callable[[argparse.ArgumentParser, Sequence[str], str], None]

EVENT_COLUMNS = ("day", "type", "mode", "actor", "recipient", "lang", "source", "sentence", "article_id")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SHORT = {"verbal cooperation": "v.coop", "material cooperation": "m.coop", "verbal conflict": "v.confl",
         "material conflict": "m.confl"}


def add_parsers(command: Command, db_option: Option, fmt_option: Format) -> None:
    """Add `dyad` and `export` to the `entente` parser (with its helpers for --db and --format)."""
    c = command("dyad", "A dyad series: counts by PLOVER type and quad class and the mean PLOVER score of the "
                "events of one country towards another, per month, quarter or year.")
    c.add_argument("actor", metavar="ACTOR", type=cli_args.name,
                   help="the acting country: ISO alpha-3 (CHN) or a name in any "
                   "language (Китай); its people and bodies count for it. Or an actor without a country (org:NATO)")
    c.add_argument("recipient", metavar="RECIPIENT", type=cli_args.name,
                   help="the country (or actor without one) acted upon")
    c.add_argument("--by", choices=PERIODS, default="month", help="period of the series (default: month)")
    c.add_argument("--both", action="store_true", help="both directions together (ACTOR -> RECIPIENT and back)")
    c.add_argument("--from", dest="date_from", metavar="DATE", type=cli_args.real_date,
                   help="first date (YYYY, YYYY-MM or YYYY-MM-DD)")
    c.add_argument("--to", dest="date_to", metavar="DATE", type=cli_args.real_date,
                   help="last date (YYYY-MM takes the whole month)")
    c.add_argument("--chart", metavar="FILE", type=cli_args.out_file,
                   help="also draw the series to FILE.png or FILE.svg "
                   "(needs matplotlib: pip install 'entente[charts]')")
    c.add_argument("--events", action="store_true", help="list the dyad's event reports instead of the series")
    c.add_argument("--limit", type=cli_args.limit, default=100, help="with --events: at most this many (default: 100)")
    db_option(c)
    fmt_option(c, ("table", "json", "csv"), "table")

    c = command("export", "Export the stored events: PLOVER JSON Lines (one record per report), a GDELT-style "
                "event table as CSV or Parquet (one row per event cluster).")
    c.add_argument("--format", required=True, choices=EXPORTS, help="plover-jsonl, gdelt-csv or parquet "
                   "(parquet needs pyarrow: pip install 'entente[parquet]')")
    c.add_argument("-o", "--output", required=True, metavar="OUT", type=cli_args.out_file,
                   help="the file to write (- for standard output, "
                   "except parquet)")
    db_option(c)


def cmd_dyad(args: argparse.Namespace) -> int:
    if args.chart and not args.chart.lower().endswith((".png", ".svg")):
        print(f"entente: --chart {args.chart!r}: the file name must end in .png or .svg", file=sys.stderr)
        return 2
    if args.chart:
        try:
            import matplotlib  # noqa: F401  (before any work: the extra may be missing)
        except ImportError:
            print("entente: charts need matplotlib, which is not installed: pip install 'entente[charts]'",
                  file=sys.stderr)
            return 2
    with cli_args.store(args.db) as store:
        actor, recipient = side(store, args.actor), side(store, args.recipient)
        if args.events:
            rows = dyad_events(store, actor, recipient, both=args.both, date_from=args.date_from,
                               date_to=args.date_to, limit=args.limit)
            if args.format == "table":
                from entente.cli_show import with_names

                with_names(store, rows)
            _print_events(rows, args.format)
            return 0
        series = dyad_series(store, actor, recipient, by=args.by, both=args.both,
                             date_from=args.date_from, date_to=args.date_to)
    if args.chart:
        from entente.chart import draw

        draw(series, args.chart)
    if args.format == "json":
        print(dumps(series, indent=1))
    elif args.format == "csv":
        _print_csv(series)
    else:
        _print_table(series)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.output == "-" and args.format == "parquet":
        print("entente: parquet cannot go to standard output: give -o FILE", file=sys.stderr)
        return 2
    with cli_args.store(args.db) as store:
        counts = export(store, args.format, sys.stdout if args.output == "-" else args.output)
    if args.output != "-":
        print(f"{counts['rows']} rows ({counts['reports']} event reports) -> {args.output}", file=sys.stderr)
    return 0


def _columns() -> list[str]:
    return ["period", "events", "mean_score", *(q.replace(" ", "_") for q in QUADS), *plover()]


def _flat(p: dict[str, Any]) -> dict[str, Any]:
    return {"period": p["period"], "events": p["events"], "mean_score": p["mean_score"],
            **{q.replace(" ", "_"): p["quads"][q] for q in QUADS}, **{t: p["types"].get(t, 0) for t in plover()}}


def _print_csv(series: dict[str, Any]) -> None:
    write_csv(sys.stdout, _columns(), (_flat(p) for p in series["periods"]))


def _print_table(series: dict[str, Any]) -> None:
    from entente.cli import _table

    arrow = "<->" if series["both"] else "->"
    total = series["total"]
    span = f", {series['periods'][0]['period']} … {series['periods'][-1]['period']}" if series["periods"] else ""
    score = f", mean PLOVER score {total['mean_score']:+.2f}" if total["mean_score"] is not None else ""
    undated = f"; {series['undated']} without a date for the period" if series["undated"] else ""
    print(neutral(f"{series['actor']} {arrow} {series['recipient']} by {series['by']}{span}: {total['events']} "
                  f"events (neither negated nor hypothetical){score}{undated}"))
    if not series["periods"]:
        return
    types = [t for t in plover() if total["types"].get(t)]
    rows = [{"period": p["period"], "events": p["events"],
             "score": "" if p["mean_score"] is None else f"{p['mean_score']:+.2f}",
             **{SHORT[q]: p["quads"][q] for q in QUADS}, **{t: p["types"].get(t, 0) for t in types}}
            for p in series["periods"]]
    _table(rows, ("period", "events", "score", *SHORT.values(), *types))


def _print_events(rows: list[dict[str, Any]], fmt: str) -> None:
    from entente.cli import _table

    if fmt == "json":
        print(dumps(rows, indent=1))
        return
    flat = [{**r, "actor": " ".join(r["actor"]), "recipient": " ".join(r["recipient"])} for r in rows]
    if fmt == "table":
        from entente.cli_show import table

        print(f"{len(rows)} event reports (every report of a cluster; the series counts a cluster once), negated "
              f"and hypothetical ones left out; day: the event's own date, else its article's publication date",
              file=sys.stderr)
        table(rows, ("day", "type", "actor", "recipient", "source", "sentence", "id"))
        return
    if fmt == "csv":
        write_csv(sys.stdout, EVENT_COLUMNS, flat)
    else:
        _table(flat, EVENT_COLUMNS)


COMMANDS = {"dyad": cmd_dyad, "export": cmd_export}
