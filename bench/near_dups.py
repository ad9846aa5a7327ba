"""Near-duplicate detection on the bench corpus with planted re-scrapes: recall of the planted pairs (target
>= 95 %), false merges among distinct documents (target 0), and the cost per article.

    .venv/bin/python bench/near_dups.py [--corpus PATH] [--per-kind N] [--sweep] [--json]

Every corpus text is a page; PER_KIND of them (drawn with a fixed seed) get a planted re-scrape of each
kind below. The pages go through the cleaning steps of the pipeline (extract ... language: what the store
sees is the cleaned body), then into a fresh SQLite store through `Store.add` in batches of 50: the corpus
pages first, in file order, then the re-scrapes in random order. The store marks near-duplicates.

Kinds of planted re-scrape (the original is the corpus page, except for `junk_removed`, where the page
with junk is stored first and the clean page comes later):
  junk_added        2-6 lines of page furniture (rubric, date, photo credit, "read also", counter, tags,
                    share buttons, newsletter prompt, image URL) above and below the text
  junk_removed      the same, the other way round
  word_changed      one or two words replaced by other words of the text
  sentence_dropped  one sentence left out
  punctuation       other quote marks and dashes, commas dropped, spaces doubled, paragraphs joined
  headline_added    a headline line on top
  combined          junk added, a word changed and other punctuation at once

A planted pair is found when the re-scrape points to its original (or to the article the original itself
points to). Distinct documents: the corpus holds real reprints (the same agency story in several datasets
or scraped twice), so "distinct" is judged independently of the detector: two corpus documents are the
same text when at least half of the sentences of the shorter one occur in the other (sentences of 5 or
more words, normalized). A false merge is a corpus document marked as a duplicate of one that is not the
same text, or a re-scrape pointed to an article that is neither its original nor the same text.

`--sweep` prints, for several shingle sizes, the exact Jaccard similarity of the planted pairs and of the
most similar distinct corpus pairs, and recall / false merges at several thresholds: how SHINGLE and
THRESHOLD in entente/store/near_dups.py were chosen.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from entente.errors import InputError
from entente.models import Analysis, Article
from entente.pipeline import Pipeline
from entente.store import near_dups, open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import DEFAULT_CORPUS, INGEST_STEPS, load_corpus, machine, pin_one_core, revision  # noqa: E402

KINDS = ("junk_added", "junk_removed", "word_changed", "sentence_dropped", "punctuation", "headline_added",
         "combined")
JUNK = {
    "ru": ["Политика", "21 марта 2023, 14:35", "Фото: РИА Новости", "Читайте также: Курс доллара опустился ниже "
           "90 рублей", "Просмотров: 1 245", "Теги: Россия, политика, экономика", "Поделиться: ВКонтакте "
           "Одноклассники Telegram", "Подписывайтесь на наш Telegram-канал", "https://cdn.example.ru/img/2023/03/"
           "21/photo_1.jpg", "Комментарии (3)"],
    "uk": ["Політика", "21 березня 2023, 14:35", "Фото: Укрінформ", "Читайте також: Курс долара знизився до 36 "
           "гривень", "Переглядів: 1 245", "Теги: Україна, політика, економіка", "Поділитися: Facebook Telegram",
           "Підписуйтесь на наш Telegram-канал", "https://cdn.example.ua/img/2023/03/21/photo_1.jpg",
           "Коментарі (3)"],
    "en": ["Politics", "March 21, 2023 2:35 PM", "Photo: Reuters", "Read more: Dollar falls to a two-month low",
           "1,245 views", "Tags: Russia, politics, economy", "Share: Facebook Twitter Email",
           "Subscribe to our newsletter", "https://cdn.example.com/img/2023/03/21/photo_1.jpg", "Comments (3)"],
}
SENTENCE = re.compile(r"(?<=[.!?…])\s+")
SAME_TEXT = 0.5  # share of the shorter document's sentences found in the other


# --- planting ------------------------------------------------------------------------------------------------


def junked(text: str, lang: str, rng: random.Random) -> str:
    lines = JUNK.get(lang, JUNK["en"])
    top = rng.sample(lines, rng.randint(1, 3))
    bottom = rng.sample(lines, rng.randint(1, 3))
    return "\n".join([*top, text, *bottom])


def word_changed(text: str, rng: random.Random) -> str:
    spans = [m.span() for m in re.finditer(r"\w{4,}", text)]
    words = [text[a:b] for a, b in spans]
    for a, b in sorted(rng.sample(spans, min(len(spans), rng.randint(1, 2))), reverse=True):
        text = text[:a] + rng.choice(words) + text[b:]
    return text


def sentence_dropped(text: str, rng: random.Random) -> str:
    parts = SENTENCE.split(text)
    if len(parts) < 3:
        return word_changed(text, rng)
    del parts[rng.randrange(1, len(parts))]
    return " ".join(parts)


def punctuation(text: str, rng: random.Random) -> str:
    text = re.sub(r"[«»“”„]", '"', text).replace("—", "-").replace("–", "-")
    text = re.sub(r",", lambda m: "" if rng.random() < 0.3 else ",", text)
    text = re.sub(r" ", lambda m: "  " if rng.random() < 0.05 else " ", text)
    return re.sub(r"\n\s*\n", lambda m: "\n" if rng.random() < 0.5 else m.group(0), text)


def headline(text: str, rng: random.Random) -> str:
    first = re.findall(r"\w+", text)[: rng.randint(5, 9)]
    return " ".join(first).capitalize() + "\n\n" + text


def plant(kind: str, text: str, lang: str, rng: random.Random) -> tuple[str, str]:
    """(the page stored first, the re-scrape) for one kind."""
    if kind == "junk_added":
        return text, junked(text, lang, rng)
    if kind == "junk_removed":
        return junked(text, lang, rng), text
    if kind == "word_changed":
        return text, word_changed(text, rng)
    if kind == "sentence_dropped":
        return text, sentence_dropped(text, rng)
    if kind == "punctuation":
        return text, punctuation(text, rng)
    if kind == "headline_added":
        return text, headline(text, rng)
    return text, punctuation(word_changed(junked(text, lang, rng), rng), rng)


# --- the independent judgement of "the same text" ------------------------------------------------------------


def sentences(text: str) -> set[str]:
    found = (" ".join(near_dups.words(s)) for s in SENTENCE.split(text))
    return {s for s in found if s.count(" ") >= 4}


def same_text_pairs(texts: dict[str, str]) -> set[frozenset[str]]:
    """Pairs of documents of which at least half of the shorter one's sentences occur in the other."""
    sets = {i: sentences(t) for i, t in texts.items()}
    holders: defaultdict[str, list[str]] = defaultdict(list)
    for i, ss in sets.items():
        for s in ss:
            holders[s].append(i)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in holders.values():
        for a in ids:
            for b in ids:
                if a < b:
                    shared[a, b] += 1
    return {frozenset(p) for p, n in shared.items() if n >= SAME_TEXT * min(len(sets[p[0]]), len(sets[p[1]]))}


# --- running -------------------------------------------------------------------------------------------------


def clean(pipeline: Pipeline, name: str, text: str) -> tuple[Article, Analysis] | None:
    article = Article(file=f"{name}.txt", text=text)
    try:
        return article, pipeline(article)
    except InputError:
        return None


def build(corpus: list[dict], per_kind: int, seed: int = 7) -> tuple[dict[str, tuple[str, str]], list[dict]]:
    """The stored-first pages by corpus id (id -> (lang, text)) and the planted re-scrapes."""
    rng = random.Random(seed)
    pages = {d["id"]: (d["lang"], d["text"]) for d in corpus}
    chosen = rng.sample(sorted(pages), per_kind * len(KINDS))
    planted = []
    for n, doc_id in enumerate(chosen):
        kind = KINDS[n % len(KINDS)]
        lang, text = pages[doc_id]
        first, again = plant(kind, text, lang, rng)
        pages[doc_id] = (lang, first)
        planted.append({"kind": kind, "source": doc_id, "text": again})
    rng.shuffle(planted)
    return pages, planted


def run(args: argparse.Namespace) -> dict:
    pinned = pin_one_core()
    corpus = load_corpus(args.corpus)
    pages, planted = build(corpus, args.per_kind)
    pipeline = Pipeline(steps=INGEST_STEPS)
    originals = {i: c for i, (lang, text) in pages.items() if (c := clean(pipeline, i, text)) is not None}
    variants = []
    for p in planted:
        cleaned = clean(pipeline, f"{p['source']}~{p['kind']}", p["text"])
        if cleaned is not None and p["source"] in originals:
            variants.append((p, cleaned))
    by_article = {a.id: i for i, (_, a) in originals.items()}
    same = same_text_pairs({i: a.text for i, (_, a) in originals.items()})

    # the cost of the near-duplicate check alone (shingles, MinHash, band keys), per article
    bodies = [a.text for _, a in originals.values()]
    t = time.perf_counter()
    signatures = []
    for text in bodies:
        found = near_dups.shingles(text)
        if len(found):
            signatures.append(near_dups.signature(found))
            near_dups.band_keys(signatures[-1])
    signature_us = (time.perf_counter() - t) / len(bodies) * 1e6
    in_memory = memory_index(signatures)

    items = list(originals.values()) + [c for _, c in variants]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "near_dups.db"))
        t = time.perf_counter()
        for start in range(0, len(items), 50):
            store.add(items[start:start + 50])
        add_seconds = time.perf_counter() - t
        marks = {r["id"]: (r["duplicate_of"], r["duplicate_similarity"]) for r in store._rows(  # type: ignore[attr-defined]
            "SELECT id, duplicate_of, duplicate_similarity FROM articles")}
        bands = store._rows(  # type: ignore[attr-defined]
            "SELECT count(*) AS n, count(DISTINCT article_id) AS articles, (SELECT sum(pgsize) FROM dbstat"
            " WHERE name = 'article_bands') AS bytes FROM article_bands")[0]
        store.close()

    # the same writes without the near-duplicate check (its function replaced by one that finds nothing)
    check, near_dups.mark = near_dups.mark, lambda store, articles: {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(str(Path(tmp) / "plain.db"))
            t = time.perf_counter()
            for start in range(0, len(items), 50):
                store.add(items[start:start + 50])
            plain_seconds = time.perf_counter() - t
            store.close()
    finally:
        near_dups.mark = check

    def root(article_id: str) -> str:
        return marks[article_id][0] or article_id

    def same_doc(a: str, b: str) -> bool:
        x, y = by_article.get(a), by_article.get(b)
        return x == y or (x is not None and y is not None and frozenset((x, y)) in same)

    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed, false_merges = [], []
    for p, (_, a) in variants:
        total[p["kind"]] += 1
        original = originals[p["source"]][1].id
        target = marks[a.id][0]
        # the re-scrape points to its original (or to what that points to); or its content is an article
        # already stored, the original's own reprint: then the store knew it by its content hash
        if root(a.id) == root(original) or (a.id in by_article and same_doc(a.id, original)):
            found[p["kind"]] += 1
        elif target is not None and not same_doc(target, original) and not same_doc(root(target), original):
            false_merges.append({"kind": "re-scrape", "article": p["source"] + "~" + p["kind"],
                                 "merged_into": by_article.get(target), "similarity": marks[a.id][1]})
        else:
            missed.append({"kind": p["kind"], "source": p["source"], "marked": target is not None,
                           "words": len(near_dups.words(a.text))})
    corpus_merged, corpus_same = [], 0
    for i, (_, a) in originals.items():
        target = marks[a.id][0]
        if target is None:
            continue
        if same_doc(a.id, target):
            corpus_same += 1
            corpus_merged.append({"document": i, "original": by_article[target], "similarity": marks[a.id][1]})
        else:
            false_merges.append({"kind": "corpus", "article": i, "merged_into": by_article[target],
                                 "similarity": marks[a.id][1]})
    in_same = {i for p in same for i in p}
    planted_total = sum(total.values())
    return {
        "corpus": str(args.corpus), "documents": len(corpus), "cleaned": len(originals),
        "distinct_documents": len(originals) - len(in_same & set(originals)),
        "same_text_pairs_in_corpus": len(same),
        "planted_pairs": planted_total, "found": sum(found.values()),
        "recall": round(sum(found.values()) / planted_total, 4) if planted_total else None,
        "recall_by_kind": {k: f"{found[k]}/{total[k]}" for k in KINDS},
        "false_merges": len(false_merges), "false_merge_list": false_merges,
        "corpus_reprints_marked": corpus_same, "corpus_reprints": corpus_merged,
        "missed": missed,
        "shingle": near_dups.SHINGLE, "threshold": near_dups.THRESHOLD, "num_perm": near_dups.NUM_PERM,
        "bands": near_dups.BANDS, "rows": near_dups.ROWS, "min_words": near_dups.MIN_WORDS,
        "signature_us_per_article": round(signature_us, 1),
        "index_in_sqlite": {"rows": bands["n"], "articles": bands["articles"],
                            "bytes_per_article": round(bands["bytes"] / bands["articles"])},
        "index_in_memory": in_memory,
        "store_add_us_per_article": round(add_seconds / len(items) * 1e6, 1),
        "store_add_us_per_article_without_check": round(plain_seconds / len(items) * 1e6, 1),
        "articles_stored": len(items), "machine": machine(), "pinned": pinned, "revision": revision(),
    }


def memory_index(values: list) -> dict:
    """What the other design would cost: datasketch's MinHashLSH in memory, rebuilt from stored signatures
    each time a store opens (insert time and Python memory per article, by tracemalloc)."""
    import tracemalloc

    signatures = [MinHash(num_perm=near_dups.NUM_PERM, seed=near_dups.SEED, hashvalues=v, scheme="affine32")
                  for v in values]

    t = time.perf_counter()
    lsh = MinHashLSH(num_perm=near_dups.NUM_PERM, params=(near_dups.BANDS, near_dups.ROWS))
    for n, m in enumerate(signatures):
        lsh.insert(n, m, check_duplication=False)
    seconds = time.perf_counter() - t
    tracemalloc.start()
    lsh = MinHashLSH(num_perm=near_dups.NUM_PERM, params=(near_dups.BANDS, near_dups.ROWS))
    for n, m in enumerate(signatures):
        lsh.insert(n, m, check_duplication=False)
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {"insert_us_per_article": round(seconds / len(signatures) * 1e6, 1),
            "bytes_per_article": round(size / len(signatures)),
            "signature_bytes_per_article": near_dups.NUM_PERM * 4}


def sweep(args: argparse.Namespace) -> dict:
    """Exact Jaccard of planted pairs and of the closest distinct corpus pairs, per shingle size."""
    corpus = load_corpus(args.corpus)
    pages, planted = build(corpus, args.per_kind)
    pipeline = Pipeline(steps=INGEST_STEPS)
    bodies = {i: c[1].text for i, (_, text) in pages.items() if (c := clean(pipeline, i, text)) is not None}
    again = []
    for p in planted:
        c = clean(pipeline, p["source"], p["text"])
        if c is not None and p["source"] in bodies:
            again.append((p["kind"], p["source"], c[1].text))
    same = same_text_pairs(bodies)
    out: dict = {"thresholds": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8], "by_shingle": {}}
    ids = sorted(bodies)
    for k in (2, 3, 4, 5, 7):
        sets = {i: near_dups.shingles(bodies[i], k) for i in ids}
        planted_j = sorted(near_dups.jaccard(sets[s], near_dups.shingles(t, k)) for _, s, t in again)
        lsh = MinHashLSH(threshold=0.2, num_perm=near_dups.NUM_PERM)
        for i in ids:
            if len(sets[i]):
                lsh.insert(i, near_dups.signature(sets[i]))
        distinct_j = []
        for i in ids:
            if len(sets[i]):
                for j in lsh.query(near_dups.signature(sets[i])):
                    if i < j and frozenset((i, j)) not in same:
                        distinct_j.append(near_dups.jaccard(sets[i], sets[j]))
        distinct_j.sort(reverse=True)
        out["by_shingle"][k] = {
            "planted_min": round(planted_j[0], 3), "planted_p1": round(planted_j[len(planted_j) // 100], 3),
            "planted_p5": round(planted_j[len(planted_j) // 20], 3),
            "distinct_top5": [round(j, 3) for j in distinct_j[:5]],
            "recall": {t: round(sum(j >= t for j in planted_j) / len(planted_j), 4) for t in out["thresholds"]},
            "false_merges": {t: sum(j >= t for j in distinct_j) for t in out["thresholds"]},
        }
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--per-kind", type=int, default=100, help="planted re-scrapes of each kind (default: 100)")
    p.add_argument("--sweep", action="store_true", help="similarities per shingle size and threshold instead")
    p.add_argument("--json", action="store_true", help="one JSON object")
    args = p.parse_args()
    result = sweep(args) if args.sweep else run(args)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    elif args.sweep:
        print(f"thresholds {result['thresholds']}")
        for k, r in result["by_shingle"].items():
            print(f"k={k}: planted min {r['planted_min']} p1 {r['planted_p1']} p5 {r['planted_p5']}; "
                  f"closest distinct {r['distinct_top5']}\n  recall {r['recall']}\n  false merges {r['false_merges']}")
    else:
        print(f"planted pairs {result['planted_pairs']}: found {result['found']} (recall {result['recall']:.2%}); "
              f"by kind {result['recall_by_kind']}")
        print(f"false merges {result['false_merges']} among {result['distinct_documents']} distinct documents "
              f"({result['cleaned']} cleaned, {result['same_text_pairs_in_corpus']} same-text pairs in the corpus; "
              f"{result['corpus_reprints_marked']} corpus reprints marked)")
        print(f"cost: {result['signature_us_per_article']} us/article for shingles + MinHash + band keys; "
              f"{result['store_add_us_per_article']} us/article for Store.add of cleaned articles "
              f"({result['store_add_us_per_article_without_check']} without the check) "
              f"(k={result['shingle']}, threshold {result['threshold']}, {result['bands']}x{result['rows']} bands)")
        mem, sql = result["index_in_memory"], result["index_in_sqlite"]
        print(f"LSH index: in SQLite {sql['bytes_per_article']} bytes/article ({sql['rows']} rows); a datasketch "
              f"MinHashLSH in memory would take {mem['bytes_per_article']} bytes/article and "
              f"{mem['insert_us_per_article']} us/article to rebuild at each start")
    return 0


if __name__ == "__main__":
    sys.exit(main())
