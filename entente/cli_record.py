"""Record commands of the command line: `entente actors`, `entente actor ID_OR_NAME`, `entente quotes`,
`entente events`.

Registered by entente.cli; each takes the parsed arguments and returns the exit code. A name in any
language finds its actor through the names stored actors were seen under (`Путін`, `Путина`, `Putin`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from entente import cli_args
from entente.cli_resolve import event_side, resolve
from entente.display import dumps, write_csv
from entente.store import Store

ACTOR_COLUMNS = ("id", "name", "type", "country", "sector", "articles", "mentions")
QUOTE_COLUMNS = ("published", "lang", "source", "speaker", "speaker_text", "partial", "text", "article_id")
EVENT_COLUMNS = ("day", "dated_by", "date", "type", "mode", "actor", "recipient", "negated", "modality", "lang",
                 "source", "trigger", "sentence", "url", "id", "cluster_id", "article_id")
EVENT_TABLE = ("day", "type", "actor", "recipient", "modality", "source", "sentence", "id")
CLUSTER_COLUMNS = ("id", "type", "negated", "modality", "actor_countries", "recipient_countries", "actor", "recipient",
                   "first", "last", "mentions", "reports", "sources", "languages", "sentence", "source", "url")
CLUSTER_TABLE = ("id", "first", "type", "actor_countries", "recipient_countries", "modality", "reports", "sources",
                 "languages")

Command = Callable[[str, str], argparse.ArgumentParser]
Option = Callable[[argparse.ArgumentParser], None]
Format = Callable[[argparse.ArgumentParser, Sequence[str], str], None]


def add_parsers(command: Command, db_option: Option, fmt_option: Format) -> None:
    """Add the record commands to the `entente` parser (with its helpers for --db and --format)."""
    c = command("actors", "List stored actors, most mentioned first.")
    c.add_argument("--type", choices=("person", "country", "organization", "location", "group"),
                   help="only actors of this type")
    c.add_argument("--country", metavar="CODE", type=cli_args.country,
                   help="only actors of this country (ISO alpha-3, e.g. RUS)")
    c.add_argument("--limit", type=cli_args.limit, default=50, help="at most this many actors (default: 50)")
    db_option(c)
    fmt_option(c, ("table", "json", "csv"), "table")

    c = command("actor", "Profile of one stored actor: names, mentions by month, co-mentioned actors, quotes.")
    c.add_argument("actor", metavar="ID_OR_NAME", type=cli_args.name,
                   help="an actor id (RUS, person:xi-jinping) or a name in any "
                   "language (Путін, Си Цзиньпин, Lavrov)")
    c.add_argument("--top", type=cli_args.whole(1, 1000), default=10,
                   help="co-mentioned actors and quotes shown (default: 10)")
    db_option(c)
    fmt_option(c, ("table", "json"), "table")

    c = command("quotes", "List stored quotes, newest article first.")
    c.add_argument("--speaker", metavar="ID_OR_NAME", type=cli_args.name,
                   help="only quotes of this speaker (an actor id or a name)")
    c.add_argument("--limit", type=cli_args.limit, default=50, help="at most this many quotes (default: 50)")
    db_option(c)
    fmt_option(c, ("table", "json", "csv"), "table")

    c = command("events", "List stored event reports, oldest first; --clusters: real-world events, each with all "
                "its reports (near-duplicate articles left out).")
    c.add_argument("--actor", metavar="ID_OR_NAME", type=cli_args.name,
                   help="only events this actor did: an actor id, a country code "
                   "(which takes its people and bodies) or a name in any language")
    c.add_argument("--recipient", metavar="ID_OR_NAME", type=cli_args.name,
                   help="only events done to this actor (as --actor)")
    c.add_argument("--type", metavar="TYPE", type=cli_args.plover_type,
                   help="only this PLOVER event type (CONSULT, AGREE, SANCTION, ...)")
    c.add_argument("--from", dest="date_from", metavar="DATE", type=cli_args.real_date,
                   help="only events dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD): the event's own "
                   "date, else its article's publication date; events with neither are left out")
    c.add_argument("--to", dest="date_to", metavar="DATE", type=cli_args.real_date,
                   help="only events dated on or before DATE (2023-03: all "
                   "of March)")
    c.add_argument("--negated", action="store_true", help="also the reports of events said not to have happened "
                   "and of hypothetical ones ('if China helped ...'; left out by default, as in the dyad series "
                   "and exports)")
    c.add_argument("--clusters", action="store_true", help="one row per event cluster (the reports of one real-world "
                   "event across articles and languages) with a report that matches, and its counts")
    c.add_argument("--limit", type=cli_args.limit, default=100,
                   help="at most this many events or clusters (default: 100)")
    db_option(c)
    fmt_option(c, ("table", "json", "csv"), "table")


def _store(args: argparse.Namespace) -> Store:
    return cli_args.store(args.db)


def cmd_actors(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = store.actors(type=args.type, country=args.country, limit=args.limit)
    _output(rows, ACTOR_COLUMNS, args.format)
    return 0


def cmd_actor(args: argparse.Namespace) -> int:
    with _store(args) as store:
        match = resolve(store, args.actor)
        profile = store.actor(match["id"], top=args.top)
    if profile is None:
        return 1
    if args.format == "json":
        print(dumps(profile, indent=1))
        return 0
    _print_profile(profile)
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    with _store(args) as store:
        speaker = None
        if args.speaker:
            speaker = resolve(store, args.speaker)["id"]
        rows = store.quotes(speaker=speaker, limit=args.limit)
    _output(rows, QUOTE_COLUMNS, args.format)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    with _store(args) as store:
        sides = {role: event_side(store, getattr(args, role)) for role in ("actor", "recipient") if getattr(args, role)}
        rows = store.events(actor=sides.get("actor"), recipient=sides.get("recipient"), type=args.type,
                            negated=None if args.negated else False, date_from=args.date_from,
                            date_to=args.date_to, limit=args.limit, clusters=args.clusters)
        if args.format == "table":  # names, not ids
            from entente.cli_show import with_names

            with_names(store, rows, ("actor_countries", "recipient_countries") if args.clusters else
                       ("actor", "recipient"))
    if args.format == "csv":  # lists of actors or countries as one cell; a cluster's evidence from one report
        rows = [{**{k: ";".join(v) if isinstance(v, list) and k != "events" else v for k, v in r.items()},
                 **(_evidence(r["events"]) if args.clusters else {})} for r in rows]
    if args.format == "table":
        print(f"{len(rows)} {'events (clusters)' if args.clusters else 'event reports'}" +
              ("" if args.negated else ", negated and hypothetical ones left out (--negated takes them)") +
              "; dates: the event's own, else its article's publication date", file=sys.stderr)
        _output(rows, CLUSTER_TABLE if args.clusters else EVENT_TABLE, args.format)
    else:
        _output(rows, CLUSTER_COLUMNS if args.clusters else EVENT_COLUMNS, args.format)
    return 0


def _evidence(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """A cluster's evidence as the GDELT-style export gives it: the earliest report with a URL, else the first."""
    r = next((r for r in reports if r.get("url")), reports[0] if reports else {})
    return {"sentence": r.get("sentence"), "source": r.get("source"), "url": r.get("url")}


def _print_profile(p: dict[str, Any]) -> None:
    from entente.cli import _table
    from entente.cli_show import safe

    def print(text: str = "") -> None:  # noqa: A001  (a page's names reach the terminal neutralized)
        sys.stdout.write(safe(text) + "\n")

    about = ", ".join(str(p[k]) for k in ("type", "country", "sector") if p.get(k))
    print(f"{p['id']}  {p['name']}  ({about})")
    span = f", published {p['published_from']} … {p['published_to']}" if p["published_from"] else ""
    print(f"{p['articles']} articles, {p['mentions']} mentions{span}; events: {p['events']['as_actor']} as actor, "
          f"{p['events']['as_recipient']} as recipient")
    if p["names"]:
        print("names: " + ", ".join(f"{n['text']} {n['mentions']}" for n in p["names"]))
    if p["months"] or p["undated"]:
        print("\nby month:")
        top = max([m["articles"] for m in p["months"]] or [1])
        for m in p["months"]:
            bar = "█" * max(1, round(20 * m["articles"] / top))
            print(f"  {m['month']}  {bar} {m['articles']} articles, {m['mentions']} mentions")
        if p["undated"]:
            print(f"  undated  {p['undated']} articles")
    if p["co_mentioned"]:
        print("\nmentioned with:")
        _table(p["co_mentioned"], ("id", "name", "type", "country", "articles"))
    if p["quotes"]:
        print("\nquotes:")
        _table(p["quotes"], ("published", "lang", "speaker_text", "text"), width=80)


def _output(rows: list[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    from entente.cli import _table

    if fmt == "json":
        print(dumps(rows, indent=1))
    elif fmt == "csv":
        write_csv(sys.stdout, columns, rows)
    else:
        _table(rows, columns)


COMMANDS = {"actors": cmd_actors, "actor": cmd_actor, "quotes": cmd_quotes, "events": cmd_events}
