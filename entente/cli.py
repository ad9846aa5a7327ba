"""Command line: `entente analyze|ingest|search|show|stats|eval`. `main(argv) -> exit code`.

Exit codes: 0 all went well; 1 some inputs could not be read (the others were processed);
2 usage error, unusable database or interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from entente import __version__, cli_args, cli_dyad, cli_record, cli_serve, cli_show, cli_stories, cli_trace, cli_watch
from entente.display import dumps, json_line
from entente.errors import EntenteError, InputError, UsageError
from entente.eval import FORMATS, SPANS, evaluate, read_corpus, render_table
from entente.eval.corpora_events import EVENT_FORMATS, read_meetings, read_plover_gsr
from entente.eval.events import evaluate_meetings, evaluate_plover, render_meetings, render_plover
from entente.extract.ner import Recognizer
from entente.ingest import read
from entente.ingest.count import count
from entente.models import Analysis
from entente.pipeline import Pipeline
from entente.run import Executor, auto_workers, open_executor
from entente.run.ingest import Counts, ingest_items
from entente.settings import Settings, settings_help
from entente.store.migrate import describe
from entente.store.tsquery import check

if TYPE_CHECKING:
    from tqdm import tqdm

EPILOG = """\
examples:
  entente analyze page.txt                       one JSON object per article on stdout
  entente analyze pages/ --format table          a line per article
  cat page.html | entente analyze - --format json
  entente ingest examples/                       into the default database
  entente ingest corpus.jsonl --workers 4        four worker processes (default: one per core)
  entente ingest corpus.jsonl --cluster tcp://10.0.0.5:8786 --db postgresql://...   on a Dask cluster
  entente search "Лавров Ван"                    full-text search (FTS5 syntax)
  entente show 3f2a9c...                         one stored article as JSON
  entente stats
  entente actors --country RUS                   stored actors, most mentioned first
  entente actor Путін                            an actor's profile (an id or a name in any language)
  entente quotes --speaker "Xi Jinping"          quotes of one speaker
  entente events --actor CHN --recipient RUS --clusters   real-world events, each with all its reports
  entente dyad CHN RUS --by quarter --chart chn-rus.png    China -> Russia by PLOVER type, quad class, score
  entente export --format gdelt-csv -o events.csv          one row per event (plover-jsonl, parquet too)
  entente stories                                one story in any language and outlet: its articles, titles
  entente watch https://example.com/rss urls.txt --once   fetch and store the new articles of feeds and URL lists
  entente eval ner --format nerel ../shared/data/nerel/dev     NER precision / recall / F1 on a gold corpus
  entente eval events --format plover-gsr ../shared/data/plover-gsr   event type and actor country accuracy
inputs: .txt (scraped text), .html/.htm, .json/.jsonl (one article per line: text or html, optional
url, title, published, source), directories (recursive), shell globs, and - for stdin.
"""


MAX_LIMIT = cli_args.MAX_LIMIT
MAX_BYTES = 2**31 - 1


def _parser() -> argparse.ArgumentParser:
    helps = settings_help()
    p = argparse.ArgumentParser(
        prog="entente", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Turn scraped Russian, Ukrainian and English news pages into a verifiable record.")
    p.add_argument("--version", action="version", version=f"entente {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help)

    def db_option(c: argparse.ArgumentParser) -> None:
        c.add_argument("--db", default=None, help=helps["db"])

    def fmt_option(c: argparse.ArgumentParser, choices: Sequence[str], default: str) -> None:
        c.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")

    def input_options(c: argparse.ArgumentParser) -> None:
        c.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs, or - for stdin")
        c.add_argument("--errors", choices=("skip", "raise"), default="skip", help=helps["errors"])
        c.add_argument("--max-bytes", type=cli_args.whole(1, MAX_BYTES), default=Settings.max_bytes,
                       help=helps["max_bytes"] + " For JSON Lines and JSON lists: per record.")
        c.add_argument("--actors", metavar="FILE", default=None, help=helps["actors"])
        c.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="progress bar on stderr, with a total and the time left when the inputs can be "
                       "counted (default: when stderr is a terminal)")
        c.add_argument("--workers", type=cli_args.whole(1, cli_args.MAX_WORKERS), default=None, metavar="N",
                       help="worker processes that analyze, each loading the models once (default: one per core "
                       "this process may use, fewer for a few inputs; 1: in this process). Output stays in input "
                       "order; only this process writes to the store")
        c.add_argument("--cluster", type=cli_args.scheduler, default=None, metavar="tcp://HOST:PORT",
                       help="analyze on the Dask distributed cluster of this scheduler instead (the `cluster` "
                       "extra: pip install 'entente[cluster]'); start its workers with --nthreads 1")

    c = command("analyze", "Analyze articles and print the results (nothing is stored).")
    input_options(c)
    fmt_option(c, ("jsonl", "json", "table"), "jsonl")

    c = command("ingest", "Analyze articles and store them; already stored content is skipped.")
    input_options(c)
    db_option(c)
    c.add_argument("--batch", type=cli_args.whole(1, 100_000), default=Settings.batch, help=helps["batch"])
    fmt_option(c, ("table", "json"), "table")

    c = command("search", "Full-text search over stored titles and bodies (SQLite FTS5 syntax).")
    c.add_argument("query", help="words, \"phrases\", OR, NOT, prefix* (FTS5 syntax)")
    c.add_argument("--limit", type=cli_args.whole(1, MAX_LIMIT), default=20,
                   help="at most this many results (default: 20)")
    db_option(c)
    fmt_option(c, ("table", "json", "jsonl"), "table")

    c = command("show", "Print one stored article, event or event cluster with its evidence (an id or a unique id "
                "prefix).")
    c.add_argument("id", help="an article, event or event cluster id, or a unique prefix of one (cluster:ID for the "
                   "cluster an event names)")
    db_option(c)
    fmt_option(c, ("json", "table"), "json")

    c = command("migrate", "Bring an existing store to this entente's schema (read commands never do: they "
                "open stores read-only).")
    db_option(c)

    c = command("stats", "Summarize the store: articles (and near-duplicates apart), languages, sources, dates, "
                "events and event clusters.")
    db_option(c)
    fmt_option(c, ("table", "json"), "table")

    cli_record.add_parsers(command, db_option, fmt_option)
    cli_dyad.add_parsers(command, db_option, fmt_option)
    cli_stories.add_parsers(command, db_option, fmt_option)
    cli_trace.add_parsers(command, db_option, fmt_option)
    cli_serve.add_parsers(command, db_option)
    cli_watch.add_parsers(command, db_option, fmt_option)

    c = command("eval", "Measure quality on a gold corpus, reproducibly.")
    evaluations = c.add_subparsers(dest="evaluation", required=True, metavar="EVALUATION", help="what to measure")
    e = evaluations.add_parser(
        "ner", help="exact-span P / R / F1 of PER, LOC, ORG", description="Exact-span precision, recall and F1 "
        "per entity type (PER, LOC, ORG) and micro-averaged, with gold / predicted / correct counts.")
    e.add_argument("path", metavar="PATH", help="factrueval: devset/ or testset/; ner-uk: data/ (with bruk/, ng/); "
                   "nerel: dev/ or train/")
    e.add_argument("--format", required=True, choices=FORMATS, help="the corpus format")
    e.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    e.add_argument("--limit", type=cli_args.whole(1, MAX_LIMIT), default=None, metavar="N",
                   help="only the first N documents (sorted by file name)")
    e.add_argument("--spans", choices=SPANS, default="name",
                   help="factrueval: extent of a mention from its name spans or all its spans (default: name)")
    e.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    e = evaluations.add_parser(
        "events", help="event type and actor accuracy; CONSULT recall on Meeting facts",
        description="plover-gsr: PLOVER type accuracy (strict and lenient), actor and recipient country accuracy, "
        "confusions; factrueval: share of Meeting facts with a CONSULT event between two participants. "
        "Definitions: entente/eval/events.py.")
    e.add_argument("path", metavar="PATH", help="plover-gsr: PLOVER_GSR_CAMEO.json or a directory of such .json "
                   "files; factrueval: devset/ or testset/")
    e.add_argument("--format", required=True, choices=EVENT_FORMATS, help="the corpus format")
    e.add_argument("--json", action="store_true", help="one JSON object (with the misses) instead of the table")
    e.add_argument("--limit", type=cli_args.whole(1, MAX_LIMIT), default=None, metavar="N",
                   help="only the first N records (plover-gsr) or documents with Meeting facts (factrueval)")
    e.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:  # a usage error (2, said on stderr), --help or --version (0)
        return e.code if isinstance(e.code, int) else 2
    try:
        return COMMANDS[args.command](args)
    except EntenteError as e:
        print(cli_show.safe(f"entente: {e}"), file=sys.stderr)
        return 2
    except sqlite3.Error as e:  # a store that breaks under a read (a damaged page): one line, not a traceback
        print(cli_show.safe(f"entente: {getattr(args, 'db', None) or Settings().db}: {describe(e, 5)}"),
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("entente: interrupted; everything committed so far is kept", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `| head`: the reader has gone; nothing more to say (nor to flush at exit)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as e:  # writing an output file: a full disk, a permission taken away meanwhile
        print(cli_show.safe(f"entente: {e.filename or ''}: {e.strerror or e}"), file=sys.stderr)
        return 2
    except Exception as e:
        if not type(e).__module__.startswith("psycopg"):
            raise
        print(f"entente: PostgreSQL: {' '.join(str(e).split())}", file=sys.stderr)
        return 2


def _settings(args: argparse.Namespace) -> Settings:
    kwargs: dict[str, Any] = {}
    for name in ("errors", "max_bytes", "batch", "db", "actors"):
        if getattr(args, name, None) is not None:
            kwargs[name] = getattr(args, name)
    return Settings(**kwargs)


def _progress(args: argparse.Namespace, items: Iterator | None, unit: str, total: int | None = None) -> tqdm:
    """A progress bar on stderr (when asked, or stderr is a terminal); a total gives it the time left."""
    return _bar(items, unit, args.progress, total=total)


def _bar(items: Any, unit: str, progress: bool | None, **options: Any) -> tqdm:
    """tqdm over `items` on stderr; tqdm is imported only when the bar is shown (≈0.02 s of start-up)."""
    if not (sys.stderr.isatty() if progress is None else progress):
        return _NoBar(items)  # the part of a tqdm bar used here
    from tqdm import tqdm

    return tqdm(items, unit=unit, file=sys.stderr, dynamic_ncols=True, **options)


class _NoBar:
    """What a disabled tqdm bar does: iterate over its items, count nothing."""

    def __init__(self, items: Any) -> None:
        self._items = items

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int = 1) -> None:
        return None


def _executor(args: argparse.Namespace, settings: Settings, window: int | None = None) -> tuple[Executor, int | None]:
    """The executor `--workers`/`--cluster` ask for, and the number of inputs when they can be counted."""
    if args.cluster is not None:
        if args.workers is not None:
            raise UsageError("--workers and --cluster: give one (a cluster's workers are its own)")
        cli_args.cluster_extra()
    total = count(args.paths)
    workers = args.workers or auto_workers(total)
    if total is not None:
        workers = max(1, min(workers, total))
    return open_executor(settings, workers, args.cluster, window), total


def _report(error: InputError) -> None:
    print(cli_show.safe(f"entente: {error}"), file=sys.stderr)


class _Errors:
    """Bad inputs on stderr, one line each; after the first SHOWN of one file only a count, at the end."""

    SHOWN = 10

    def __init__(self) -> None:
        self.by_file: Counter[str] = Counter()

    def __call__(self, error: InputError) -> None:
        self.by_file[error.file] += 1
        n = self.by_file[error.file]
        if n <= self.SHOWN:
            _report(error)
        elif n == self.SHOWN + 1:
            print(cli_show.safe(f"entente: {error.file}: more errors; their number follows at the end"),
                  file=sys.stderr)

    def summary(self) -> None:
        for file, n in self.by_file.items():
            if n > self.SHOWN:
                print(cli_show.safe(f"entente: {file}: {n:,} errors in all, {n - self.SHOWN:,} of them not shown"),
                      file=sys.stderr)


def cmd_analyze(args: argparse.Namespace) -> int:
    cli_args.text_file("--actors", args.actors)
    settings = _settings(args)
    failed, results, report = 0, [], _Errors()
    executor, total = _executor(args, settings)
    inputs = read(args.paths, settings.max_bytes)
    with executor:
        done = executor.map_ordered(inputs, json_line) if args.format == "jsonl" else executor.map_ordered(inputs)
        for item in _progress(args, done, "article", total):
            if isinstance(item, InputError):
                if settings.errors == "raise":
                    raise item
                failed += 1
                report(item)
            elif isinstance(item, str):  # a JSON line, made by the worker
                print(item, flush=False)
            else:
                results.append(item)
    if args.format == "json":
        print(dumps([a.to_dict() for a in results], indent=1))
    elif args.format == "table":
        _table([_row(a) for a in results], ("id", "lang", "published", "source", "removed", "chars", "title"))
    report.summary()
    return 1 if failed else 0


def _row(a: Analysis) -> dict[str, Any]:
    return {"id": a.id, "lang": a.lang, "published": a.published, "source": a.source,
            "removed": len(a.removed), "chars": len(a.text), "title": a.title, "file": a.file}


def cmd_ingest(args: argparse.Namespace) -> int:
    cli_args.text_file("--actors", args.actors)
    settings = _settings(args)
    counts, report = Counts(), _Errors()
    executor, total = _executor(args, settings, window=settings.batch)  # an unreachable cluster creates no store
    with executor:
        store = cli_args.store(settings.db, "create")
        try:
            with _progress(args, None, "article", total) as bar:
                ingest_items(store, read(args.paths, settings.max_bytes), executor, batch=settings.batch,
                             errors=settings.errors, report=report, advance=lambda: bar.update(1), counts=counts)
        finally:
            report.summary()
            store.close()
    if args.format == "json":
        print(json.dumps({**counts.to_dict(), "database": settings.db}, ensure_ascii=False))
    else:
        print(f"{counts.read} articles read: {counts.new} new, {counts.already_stored} already stored, "
              f"{counts.failed} failed -> {settings.db}")
    return 1 if counts.failed else 0


def cmd_search(args: argparse.Namespace) -> int:
    check(args.query)
    store = cli_args.store(args.db)
    try:
        hits = store.search(args.query, args.limit)
    finally:
        store.close()
    if args.format == "table":
        _table(hits, ("id", "lang", "published", "source", "title", "snippet"))
    else:
        _dump(hits, args.format)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """An article, else an event, else an event cluster, by id or unique id prefix."""
    with cli_args.store(args.db) as store:
        if args.id.startswith("cluster:"):  # a cluster is named by its first report's event id
            found, reports, cluster = None, [], store.cluster(args.id.removeprefix("cluster:"))
        else:
            found = store.get(args.id)
            reports = store.event(args.id) if found is None else []
            cluster = store.cluster(args.id) if found is None and not reports else None
        if found is None and not reports and cluster is None:
            print(cli_show.safe(f"entente: no stored article, event or event cluster with id {args.id!r} (or the "
                                f"prefix is not unique)"), file=sys.stderr)
            return 1
        if args.format == "json":
            print(dumps(found or reports or cluster, indent=1))
        elif found is not None:
            cli_show.show_article(found)
        elif reports:
            cli_show.show_event(store, reports)
        elif cluster is not None:
            cli_show.show_cluster(store, cluster)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    with cli_args.store(args.db, "update") as store:
        print(f"{store.location}: schema version {store.version}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = cli_args.store(args.db)
    try:
        stats = store.stats()
    finally:
        store.close()
    if args.format == "json":
        print(dumps(stats, indent=1))
        return 0
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        print(cli_show.safe(f"{key:>15}: {value if value is not None else '-'}"))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """`eval ner|events`: read the gold corpus, run the recognizer (pipeline), print the scores."""
    if args.limit is not None and args.limit < 1:
        print("entente: --limit must be at least 1", file=sys.stderr)
        return 2
    if args.evaluation == "events":
        return _eval_events(args)
    try:
        docs = read_corpus(args.format, args.path, args.limit, args.spans)
    except InputError as e:
        _report(e)
        return 1
    recognizer = Recognizer()
    started = time.perf_counter()  # recognition and scoring, not model loading
    result = evaluate(_bar(docs, "doc", args.progress), recognizer.entities)
    seconds = round(time.perf_counter() - started, 2)
    if args.json:
        spans = {"spans": args.spans} if args.format == "factrueval" else {}
        print(json.dumps({"format": args.format, "path": args.path, **spans, **result.to_dict(), "seconds": seconds},
                         ensure_ascii=False, indent=1))
    else:
        print(f"{render_table(result)}, {args.format} {args.path}, {seconds} s")
    return 0


def _eval_events(args: argparse.Namespace) -> int:
    try:
        corpus = read_plover_gsr(args.path, args.limit) if args.format == "plover-gsr" else None
        docs = read_meetings(args.path, args.limit) if corpus is None else []
    except InputError as e:
        _report(e)
        return 1
    pipeline = Pipeline()
    started = time.perf_counter()  # coding and scoring, not model loading
    if corpus is not None:
        plover = evaluate_plover(_bar(corpus.records, "record", args.progress), pipeline, corpus.excluded)
        data, table = plover.to_dict(), render_plover(plover)
    else:
        meetings = evaluate_meetings(_bar(docs, "doc", args.progress), pipeline)
        data, table = meetings.to_dict(), render_meetings(meetings)
    seconds = round(time.perf_counter() - started, 2)
    if args.json:
        print(json.dumps({"format": args.format, "path": args.path, **data, "seconds": seconds},
                         ensure_ascii=False, indent=1))
    else:
        print(f"{table}\n{args.format} {args.path}, {seconds} s")
    return 0


def _dump(rows: list[dict[str, Any]], fmt: str) -> None:
    """Rows as one JSON list or as JSON Lines, control and bidi characters escaped (entente.display)."""
    if fmt == "json":
        print(dumps(rows, indent=1))
    else:
        for r in rows:
            print(dumps(r))


def _table(rows: list[dict[str, Any]], columns: Sequence[str], width: int = 60) -> None:
    """Rows as a table that fits the terminal (entente.cli_show.table; `width` is kept for callers)."""
    cli_show.table(rows, columns)


COMMANDS = {"analyze": cmd_analyze, "ingest": cmd_ingest, "search": cmd_search, "show": cmd_show,
            "stats": cmd_stats, "migrate": cmd_migrate, "eval": cmd_eval, **cli_record.COMMANDS,
            **cli_dyad.COMMANDS, **cli_stories.COMMANDS, **cli_trace.COMMANDS, **cli_serve.COMMANDS}
COMMANDS.update(cli_watch.COMMANDS)

if __name__ == "__main__":
    sys.exit(main())
