"""How storing and querying change as a SQLite store grows to 1,000,000 articles (issue 13, item 5), one core.

    .venv/bin/python bench/growth.py [--sizes 0,10000,100000,300000,1000000] [--db PATH] [--batch-articles N]
                                     [--base N] [--analyses FILE] [--rounds R] [--pg [URL]] [--json]

One store is grown in steps through `Store.add`, the write path of `entente ingest` (near-duplicate check,
event clusters, dyad rows and the full-text index included), in transactions of FILL_BATCH articles. Its
articles are real analyses re-keyed: the bench corpus is analyzed once by the whole pipeline (untimed; cached
with `--analyses`), and each synthetic article copies one of them with

- every word outside the actor mentions replaced by a word of the same length drawn from the corpus's own
  words (as often as they occur there), so offsets stay valid, the full-text index sees real vocabulary,
  actor names stay searchable, and no article is a near-duplicate of another;
- every date (publication and event dates, at their precision) moved by one random number of days up to
  25 years back, so event clusters stay as small as a real record's instead of collecting every copy;
- new article and event ids (from the new text), a synthetic file name; actors, mentions, quotes, events and
  paragraphs as the pipeline found them.

At each size it measures (a) storing a fixed batch of real analyses (the first `--batch-articles`, re-keyed
the same way with a fresh draw so they are new; analysis time is not in the figure) in transactions of
`entente ingest`'s default batch, by wall clock and CPU time, (b) the latency of a fixed set of queries through
the query layer the command line uses (median and p95 over `--rounds` rounds, after one untimed round), and
(c) the size of the database file. The filling itself is timed too (articles/s between sizes). The batch
stays in the store, so each size counts the batches measured before it.

`--db` keeps the store for another run (the sizes it already holds are filled no further); a path that
exists and was not made by this script is refused. A side file `<db>.growth.json` marks it and records
how far the synthetic stream went. `--pg` grows a PostgreSQL store instead, in a schema of its own
(`entente_growth`, made anew each run; default URL: the test server); its CPU time counts the server process
serving the connection too (read from /proc, so the server must run on this machine).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import pickle
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from entente.models import Analysis, Article
from entente.settings import Settings
from entente.store import Store, open_store
from entente.store.dyad import dyad_series

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dyad import PG_URL, pg_location  # noqa: E402
from ingest import DEFAULT_CORPUS, load_corpus, machine, pin_one_core, revision  # noqa: E402

SIZES = (0, 10_000, 100_000, 300_000, 1_000_000)
FILL_BATCH = 2000  # articles per transaction while filling: the store's own batch writer, fewer commits
MARK = ".growth.json"
PG_SCHEMA = "entente_growth"
_WORD = re.compile(r"\w+")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
SPAN_DAYS = 25 * 365  # dates move back by up to this many days


# --- real analyses -------------------------------------------------------------------------------------------

def analyses(corpus: Path, limit: int | None, cache: Path | None) -> list[Analysis]:
    """The corpus texts analyzed by the whole pipeline (texts it refuses left out); read from / written to
    `cache` (a pickle) when given."""
    if cache and cache.exists():
        with cache.open("rb") as f:
            found: list[Analysis] = pickle.load(f)
        if limit is None or len(found) >= limit:
            return found[:limit]
    from entente.pipeline import Pipeline

    pipeline, found = Pipeline(), []
    records = load_corpus(corpus)[:limit]
    for n, r in enumerate(records, 1):
        with contextlib.suppress(Exception):  # a refused text is simply not used
            found.append(replace(pipeline(Article(file=f"{r['id']}.txt", text=r["text"])), lines=()))
        if n % 50 == 0 or n == len(records):
            print(f"\r  analyzing the corpus: {n:,} / {len(records):,}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    if cache:
        with cache.open("wb") as f:
            pickle.dump(found, f)
    return found


# --- re-keyed copies -----------------------------------------------------------------------------------------

class Rekeyed:
    """Synthetic articles made from real analyses (see the module's docstring); the `serial`-th article is
    always the same, so a kept store can be grown further."""

    def __init__(self, bases: Sequence[Analysis], seed: int = 13):
        self.bases, self.seed = bases, seed
        words: dict[str | None, dict[int, list[str]]] = {}
        for a in bases:
            for w in _WORD.findall(a.text):
                if not w.isdigit():
                    words.setdefault(a.lang, {}).setdefault(len(w), []).append(w)
        self.pools = {lang: self._pool(by_length) for lang, by_length in words.items()}
        self.layouts = [self._layout(a, self.pools[a.lang][1]) if a.lang in self.pools else ([a.text], np.empty(0, int))
                        for a in bases]

    @staticmethod
    def _pool(by_length: dict[int, list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """One language's words ordered by length, with how many there are of each length and where they start."""
        lengths = max(by_length) + 1
        vocabulary = np.array([w for n in range(lengths) for w in by_length.get(n, [])], dtype=object)
        sizes = np.array([len(by_length.get(n, [])) for n in range(lengths)], dtype=np.int64)
        return vocabulary, sizes, np.concatenate(([0], np.cumsum(sizes)[:-1]))

    @staticmethod
    def _layout(a: Analysis, sizes: np.ndarray) -> tuple[list[str], np.ndarray]:
        """The text as the pieces kept (between and around replaceable words) and the replaceable words'
        lengths. Words inside a mention are kept (actor names stay in the text), and so are numbers."""
        kept = sorted((m.start, m.end) for x in a.actors for m in x.mentions)
        gaps, lengths, at, k = [], [], 0, 0
        for m in _WORD.finditer(a.text):
            while k < len(kept) and kept[k][1] <= m.start():
                k += 1
            n = len(m.group())
            if (k < len(kept) and kept[k][0] < m.end()) or m.group().isdigit() or n >= len(sizes) or not sizes[n]:
                continue
            gaps.append(a.text[at:m.start()])
            lengths.append(n)
            at = m.end()
        gaps.append(a.text[at:])
        return gaps, np.array(lengths, dtype=np.int64)

    def make(self, serial: int, stream: int = 0) -> tuple[Article, Analysis]:
        """The `serial`-th copy of stream `stream` (0: the filling; 1, 2, ...: the measured batches)."""
        rng = np.random.default_rng((self.seed, stream, serial))
        k = serial % len(self.bases)
        a, (gaps, lengths) = self.bases[k], self.layouts[k]
        if len(lengths):
            vocabulary, sizes, starts = self.pools[a.lang]
            picks = starts[lengths] + (rng.random(len(lengths)) * sizes[lengths]).astype(np.int64)
            pieces: list[str] = [""] * (2 * len(gaps) - 1)
            pieces[0::2] = gaps
            pieces[1::2] = vocabulary[picks].tolist()
            text = "".join(pieces)
        else:
            text = a.text
        article = Article(file=f"growth/{stream}/{serial}.txt", text=text)
        aid, shift = article.id, -int(rng.integers(0, SPAN_DAYS))
        events = tuple(replace(e, id=hashlib.sha1(f"{aid}:{e.id}".encode()).hexdigest()[:16],
                               date=moved(e.date, shift)) for e in a.events)
        return article, replace(a, id=aid, file=article.file, text=text, published=moved(a.published, shift),
                                events=events)

    def stream(self, first: int, count: int) -> Iterator[tuple[Article, Analysis]]:
        for serial in range(first, first + count):
            yield self.make(serial)


def moved(date: str | None, days: int) -> str | None:
    """A date moved by `days`, at its own precision (a day, a month, a year); anything else as it is."""
    if not date:
        return date
    try:
        if _DAY.match(date):
            return (dt.date.fromisoformat(date) + dt.timedelta(days)).isoformat()
        if _MONTH.match(date):
            return (dt.date.fromisoformat(date + "-15") + dt.timedelta(days)).isoformat()[:7]
        if _YEAR.match(date):
            return str(int(date) + round(days / 365.25))
    except ValueError:
        pass
    return date


# --- the store -----------------------------------------------------------------------------------------------

def refuse_others(path: str) -> None:
    """Exit when a file at `path` is not a store this script made (it has no mark beside it)."""
    mark = Path(path + MARK)
    if Path(path).exists() and not mark.exists():
        raise SystemExit(f"bench/growth.py: {path} exists and is not a store this benchmark made (no {mark.name} "
                         f"beside it); give a new path, or remove the file if it is a bench store")


class Bench:
    """The growing store: a SQLite file with its mark (kept, reusable), or a PostgreSQL schema of its own
    (made anew each run). `state` is how far the synthetic stream went."""

    def __init__(self, db: str, pg: str | None):
        self.db, self.pg = db, pg
        if pg:
            self.location, self.mark = pg_location(pg, True, PG_SCHEMA), None
            state: dict[str, Any] = {"bench": "growth", "serial": 0}
        else:
            refuse_others(db)
            self.location, self.mark = db, Path(db + MARK)
            state = json.loads(self.mark.read_text("utf-8")) if self.mark.exists() else {"bench": "growth", "serial": 0}
        self.state = state
        self.store = open_store(self.location)
        self.save()
        # a PostgreSQL server does the writing in a process of its own: its CPU time is read from /proc
        self.server = int(self.sql("SELECT pg_backend_pid() AS pid")[0]["pid"]) if pg else None

    def sql(self, query: str) -> list[dict[str, Any]]:
        return self.store._rows(query)  # type: ignore[attr-defined]

    def save(self) -> None:
        if self.mark:
            self.mark.write_text(json.dumps(self.state), "utf-8")

    def count(self, where: str = "") -> int:
        return int(self.sql(f"SELECT count(*) AS n FROM articles {where}")[0]["n"])

    def size_mb(self) -> float:
        """The SQLite file after a checkpoint (the WAL folded in and emptied), or the schema's tables with their
        indexes and TOAST in PostgreSQL, MB."""
        if self.pg:
            return round(int(self.sql(
                f"SELECT sum(pg_total_relation_size(c.oid)) AS n FROM pg_class c JOIN pg_namespace s"
                f" ON s.oid = c.relnamespace WHERE s.nspname = '{PG_SCHEMA}' AND c.relkind = 'r'")[0]["n"]) / 1e6, 1)
        self.sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return round(sum(Path(self.db + s).stat().st_size for s in ("", "-wal") if Path(self.db + s).exists()) / 1e6, 1)

    def cpu(self) -> tuple[float, float]:
        """CPU seconds so far of this process and of the PostgreSQL server process serving it (0 for SQLite)."""
        server = 0.0
        if self.server:
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{self.server}/stat").read_text().rsplit(")", 1)[1].split()
                server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return time.process_time(), server


def timed(bench: Bench, work: Callable[[], int]) -> dict[str, Any]:
    """Wall, CPU (and server CPU) seconds of `work`, which returns how many articles it stored."""
    wall, (cpu, server) = time.perf_counter(), bench.cpu()
    n = work()
    wall, cpu, server = time.perf_counter() - wall, bench.cpu()[0] - cpu, bench.cpu()[1] - server
    out = {"articles": n, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
           "articles_per_s": round(n / wall, 1) if n else None, "articles_per_cpu_s": round(n / cpu, 1) if n else None}
    if bench.pg:
        out.update(server_cpu_s=round(server, 2),
                   articles_per_cpu_s_with_server=round(n / (cpu + server), 1) if n else None)
    return out


def fill(bench: Bench, rekeyed: Rekeyed, target: int, goal: int) -> dict[str, Any]:
    """Add synthetic articles until the store holds `target`, in transactions of FILL_BATCH."""
    def work() -> int:
        have, added, started = bench.count(), 0, time.perf_counter()
        while have < target:
            n = min(FILL_BATCH, target - have)
            new, _ = bench.store.add(list(rekeyed.stream(bench.state["serial"], n)))
            bench.state["serial"] += n
            bench.save()
            have, added = have + new, added + new
            print(f"\r  growing: {have:,} / {target:,} articles (final {goal:,}), "
                  f"{added / (time.perf_counter() - started):,.0f} articles/s   ", end="", file=sys.stderr, flush=True)
        if added:
            print(file=sys.stderr)
        return added

    return timed(bench, work)


def store_batch(bench: Bench, items: list[tuple[Article, Analysis]], batch: int) -> dict[str, Any]:
    """Store the measured batch as `entente ingest` does (transactions of `batch`)."""
    return timed(bench, lambda: sum(bench.store.add(items[k:k + batch])[0] for k in range(0, len(items), batch)))


# --- queries -------------------------------------------------------------------------------------------------

def plan(bases: Sequence[Analysis], n: int = 4) -> dict[str, list[Any]]:
    """The queries' parameters, from what the real analyses hold most: the commonest country pairs with events
    between them, persons and bodies with events, and as searches the names of persons most often written as
    one word (one per language, then two together, then a prefix)."""
    country = {x.id: x.country or x.id for a in bases for x in a.actors}
    dyads: Counter[tuple[str, ...]] = Counter()
    actors: Counter[str] = Counter()
    names: dict[str | None, Counter[str]] = {}
    for a in bases:
        for e in a.events:
            for x in e.actor:
                actors[x] += 1
                for y in e.recipient:
                    pair = country.get(x, x), country.get(y, y)
                    if pair[0] != pair[1] and all(re.fullmatch(r"[A-Z]{3}", c) for c in pair):
                        dyads[tuple(sorted(pair))] += 1
        for actor in a.actors:
            if actor.type == "person":
                names.setdefault(a.lang, Counter()).update(m.text for m in actor.mentions if _WORD.fullmatch(m.text))
    people = [x for x, _ in actors.most_common() if x.startswith(("Q", "person:", "org:")) and country.get(x) != x]
    counts = [c for _, c in sorted(names.items(), key=lambda kv: str(kv[0])) if c]
    top = [c.most_common(1)[0][0] for c in counts]
    searches = [*top, " ".join(w for w, _ in counts[0].most_common(2)), f"{top[0][:4]}*"] if top else ["the"]
    return {"dyads": [list(d) for d, _ in dyads.most_common(n)], "actors": people[:n], "searches": searches[:n + 1]}


def queries(store: Store) -> dict[str, tuple[str, Callable[[Any], Any]]]:
    """What `entente events`, `entente search` and `entente dyad` ask of the store: per query kind, which
    parameters of the plan it takes and the call for one of them."""
    return {
        "events of a dyad (entente events --actor CC --recipient CC, 100)":
            ("dyads", lambda d: store.events(actor=d[0], recipient=d[1], negated=False, limit=100)),
        "an actor's events (entente events --actor ID, 100)":
            ("actors", lambda x: store.events(actor=x, negated=False, limit=100)),
        "text search (entente search, 20)": ("searches", lambda q: store.search(q, 20)),
        "monthly dyad series (entente dyad CC CC --by month)":
            ("dyads", lambda d: dyad_series(store, d[0], d[1], by="month")),
    }


def time_queries(store: Store, p: dict[str, list[Any]], rounds: int) -> dict[str, Any]:
    """Median and p95 per query kind over `rounds` rounds of its parameters, after one untimed round."""
    out = {}
    for name, (key, call) in queries(store).items():
        for value in p[key]:
            call(value)
        took = []
        for _ in range(rounds):
            for value in p[key]:
                t = time.perf_counter()
                call(value)
                took.append((time.perf_counter() - t) * 1000)
        took.sort()
        out[name] = {"p50_ms": round(took[len(took) // 2], 2),
                     "p95_ms": round(took[min(len(took) - 1, int(0.95 * len(took)))], 2), "queries": len(took)}
    return out


# --- the run -------------------------------------------------------------------------------------------------

def run(args: argparse.Namespace) -> dict[str, Any]:
    if not args.pg:
        refuse_others(args.db)
    cpu_note = pin_one_core()
    bases = analyses(args.corpus, args.base, args.analyses)
    if not bases:
        raise SystemExit("bench/growth.py: no analyzed corpus text to copy")
    rekeyed, p = Rekeyed(bases), plan(bases)
    warm = open_store(":memory:")  # the first add imports numpy and datasketch: not timed
    warm.add([rekeyed.make(0)])
    warm.close()
    bench = Bench(args.db, args.pg)
    where = f"PostgreSQL, schema {PG_SCHEMA}" if args.pg else args.db
    report: dict[str, Any] = {"revision": revision(), "machine": machine(), "cpu": cpu_note, "store": where,
                              "bases": len(bases), "batch_articles": args.batch_articles,
                              "ingest_batch": Settings.batch, "fill_batch": FILL_BATCH, "query_plan": p, "sizes": []}
    try:
        for size in args.sizes:
            if bench.count() > size:
                print(f"  {where} holds more than {size:,} articles: size skipped", file=sys.stderr)
                continue
            row: dict[str, Any] = {"size": size, "fill": fill(bench, rekeyed, size, args.sizes[-1])}
            row["size"] = bench.count()
            row["queries"] = time_queries(bench.store, p, args.rounds)
            # a fresh draw of the same analyses: new articles, real content, stored as ingest stores
            bench.state["batch"] = bench.state.get("batch", 0) + 1
            items = [rekeyed.make(k, bench.state["batch"]) for k in range(args.batch_articles)]
            row["ingest"] = store_batch(bench, items, Settings.batch)
            bench.save()
            row["after"] = bench.count()
            row["db_mb"] = bench.size_mb()
            row["duplicates"] = bench.count("WHERE duplicate_of IS NOT NULL")
            row["load"] = os.getloadavg()
            report["sizes"].append(row)
            print(f"  {row['size']:>9,} articles: store {row['ingest']['articles_per_s']} articles/s "
                  f"({row['ingest']['articles_per_cpu_s']} per CPU s), {row['db_mb']} MB", file=sys.stderr)
            print(f"  row {json.dumps(row, ensure_ascii=False)}", file=sys.stderr)  # kept if a later size fails
    finally:
        bench.store.close()
    return report


def sizes(text: str) -> list[int]:
    try:
        found = sorted({int(s.replace("_", "")) for s in text.split(",") if s.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give store sizes as numbers separated by commas") from None
    if not found or found[0] < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give store sizes as numbers >= 0")
    return found


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=sizes, default=list(SIZES),
                    help="store sizes in articles, comma-separated (default: %(default)s)")
    ap.add_argument("--db", default=None, help="the SQLite store, kept (default: a temporary file, removed)")
    ap.add_argument("--pg", nargs="?", const=PG_URL, default=None, metavar="URL",
                    help=f"grow a PostgreSQL store instead, in schema {PG_SCHEMA} made anew (default URL: {PG_URL})")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--base", type=int, default=None, help="corpus texts analyzed and copied (default: all)")
    ap.add_argument("--analyses", type=Path, default=None,
                    help="a pickle of the analyzed corpus: read when there, written otherwise")
    ap.add_argument("--batch-articles", type=int, default=1000,
                    help="articles in the measured batch at each size (default %(default)s)")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds of each query kind (default %(default)s)")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = ap.parse_args(argv)
    if args.db is None and not args.pg:
        with tempfile.TemporaryDirectory() as tmp:
            args.db = str(Path(tmp) / "growth.db")
            report = run(args)
    else:
        report = run(args)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    print(f"revision {report['revision']}, {report['machine']['cpu']}, {report['cpu']}; "
          f"{report['bases']} real analyses copied; batch of {report['batch_articles']} stored in transactions "
          f"of {report['ingest_batch']}")
    names = list(report["sizes"][0]["queries"]) if report["sizes"] else []
    heads = " | ".join(f"q{k + 1} p50/p95 ms" for k in range(len(names)))
    if report["store"].startswith("PostgreSQL"):
        print("(CPU: this process and its PostgreSQL server process together)")
    print(f"size | fill art/s (CPU) | batch art/s (CPU) | {heads} | MB")
    for r in report["sizes"]:
        f, b = r["fill"], r["ingest"]
        key = "articles_per_cpu_s_with_server" if "server_cpu_s" in b else "articles_per_cpu_s"
        print(f"{r['size']:,} | {f['articles_per_s'] or '-'} ({f[key] or '-'}) | {b['articles_per_s']} ({b[key]}) | "
              + " | ".join(f"{q['p50_ms']}/{q['p95_ms']}" for q in r["queries"].values()) + f" | {r['db_mb']}")
    for k, name in enumerate(names):
        print(f"  q{k + 1}: {name}")


if __name__ == "__main__":
    main()
