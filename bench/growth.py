"""How storing and querying change as a SQLite store grows to 1,000,000 articles (issue 13, item 5), one core.

    .venv/bin/python bench/growth.py [--sizes 0,10000,100000,300000,1000000] [--db PATH] [--batch-articles N]
                                     [--base N] [--analyses FILE] [--rounds R] [--json]

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
how far the synthetic stream went.
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
from ingest import DEFAULT_CORPUS, load_corpus, machine, pin_one_core, revision  # noqa: E402

SIZES = (0, 10_000, 100_000, 300_000, 1_000_000)
FILL_BATCH = 2000  # articles per transaction while filling: the store's own batch writer, fewer commits
MARK = ".growth.json"
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


def open_bench(path: str) -> tuple[Store, dict[str, Any]]:
    """The bench store at `path` and its mark (made when new)."""
    refuse_others(path)
    mark = Path(path + MARK)
    state = json.loads(mark.read_text("utf-8")) if mark.exists() else {"bench": "growth", "serial": 0}
    store = open_store(path)
    mark.write_text(json.dumps(state), "utf-8")
    return store, state


def count(store: Store) -> int:
    return int(store._rows("SELECT count(*) AS n FROM articles")[0]["n"])  # type: ignore[attr-defined]


def size_mb(store: Store, path: str) -> float:
    """The database file after a checkpoint (the WAL folded in and emptied), MB."""
    store._rows("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[attr-defined]
    return round(sum(Path(path + s).stat().st_size for s in ("", "-wal") if Path(path + s).exists()) / 1e6, 1)


def fill(store: Store, rekeyed: Rekeyed, state: dict[str, Any], mark: Path, target: int, goal: int) -> dict[str, Any]:
    """Add synthetic articles until the store holds `target`; wall and CPU time of doing so."""
    have = count(store)
    wall, cpu, added = time.perf_counter(), time.process_time(), 0
    while have < target:
        n = min(FILL_BATCH, target - have)
        new, _ = store.add(list(rekeyed.stream(state["serial"], n)))
        state["serial"] += n
        mark.write_text(json.dumps(state), "utf-8")
        have, added = have + new, added + new
        rate = added / (time.perf_counter() - wall)
        print(f"\r  growing: {have:,} / {target:,} articles (final {goal:,}), {rate:,.0f} articles/s   ",
              end="", file=sys.stderr, flush=True)
    if added:
        print(file=sys.stderr)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"articles": added, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "articles_per_s": round(added / wall) if added else None,
            "articles_per_cpu_s": round(added / cpu) if added else None}


def store_batch(store: Store, items: list[tuple[Article, Analysis]], batch: int) -> dict[str, Any]:
    """Store the measured batch as `entente ingest` does (transactions of `batch`); wall and CPU time."""
    wall, cpu, new = time.perf_counter(), time.process_time(), 0
    for k in range(0, len(items), batch):
        new += store.add(items[k:k + batch])[0]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"articles": new, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "articles_per_s": round(new / wall, 1), "articles_per_cpu_s": round(new / cpu, 1)}


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
    refuse_others(args.db)
    cpu_note = pin_one_core()
    bases = analyses(args.corpus, args.base, args.analyses)
    if not bases:
        raise SystemExit("bench/growth.py: no analyzed corpus text to copy")
    rekeyed, p = Rekeyed(bases), plan(bases)
    store, state = open_bench(args.db)
    mark = Path(args.db + MARK)
    report: dict[str, Any] = {"revision": revision(), "machine": machine(), "cpu": cpu_note, "db": args.db,
                              "bases": len(bases), "batch_articles": args.batch_articles,
                              "ingest_batch": Settings.batch, "fill_batch": FILL_BATCH, "query_plan": p, "sizes": []}
    warm = open_store(":memory:")  # the first add imports numpy and datasketch: not timed
    warm.add([rekeyed.make(0)])
    warm.close()
    try:
        for size in args.sizes:
            if count(store) > size:
                print(f"  {args.db} holds more than {size:,} articles: size skipped", file=sys.stderr)
                continue
            filled = fill(store, rekeyed, state, mark, size, args.sizes[-1])
            row: dict[str, Any] = {"size": count(store), "fill": filled}
            row["queries"] = time_queries(store, p, args.rounds)
            # a fresh draw of the same analyses: new articles, real content, stored as ingest stores
            state["batch"] = state.get("batch", 0) + 1
            items = [rekeyed.make(k, state["batch"]) for k in range(args.batch_articles)]
            row["ingest"] = store_batch(store, items, Settings.batch)
            mark.write_text(json.dumps(state), "utf-8")
            row["after"] = count(store)
            row["db_mb"] = size_mb(store, args.db)
            row["duplicates"] = int(store._rows(  # type: ignore[attr-defined]
                "SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL")[0]["n"])
            row["load"] = os.getloadavg()
            report["sizes"].append(row)
            print(f"  {row['size']:>9,} articles: store {row['ingest']['articles_per_s']} articles/s "
                  f"({row['ingest']['articles_per_cpu_s']} per CPU s), file {row['db_mb']} MB", file=sys.stderr)
    finally:
        store.close()
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
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--base", type=int, default=None, help="corpus texts analyzed and copied (default: all)")
    ap.add_argument("--analyses", type=Path, default=None,
                    help="a pickle of the analyzed corpus: read when there, written otherwise")
    ap.add_argument("--batch-articles", type=int, default=1000,
                    help="articles in the measured batch at each size (default %(default)s)")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds of each query kind (default %(default)s)")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = ap.parse_args(argv)
    if args.db is None:
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
    print(f"size | fill art/s (CPU) | batch art/s (CPU) | {heads} | MB")
    for r in report["sizes"]:
        f, b = r["fill"], r["ingest"]
        print(f"{r['size']:,} | {f['articles_per_s'] or '-'} ({f['articles_per_cpu_s'] or '-'}) | "
              f"{b['articles_per_s']} ({b['articles_per_cpu_s']}) | "
              + " | ".join(f"{q['p50_ms']}/{q['p95_ms']}" for q in r["queries"].values()) + f" | {r['db_mb']}")
    for k, name in enumerate(names):
        print(f"  q{k + 1}: {name}")


if __name__ == "__main__":
    main()
