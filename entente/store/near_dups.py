"""Near-duplicate articles: MinHash LSH (datasketch's "affine32" MinHash, computed here) over the normalized body,
confirmed by exact Jaccard.

A re-scrape of a stored story (other page furniture, a changed word, a dropped sentence, other quote marks)
is a near-duplicate of it: it is stored whole, with `duplicate_of` naming the original, and left out of
counts. The body is normalized (lower case, ё as е, apostrophes dropped, every run of digits one `0`,
punctuation gone) and cut into overlapping word shingles of SHINGLE words; two bodies are near-duplicates
when the Jaccard similarity of their shingle sets is at least THRESHOLD. Measured on the bench corpus with
planted re-scrapes (bench/near_dups.py, BENCHMARKS.md).

The LSH index is kept in the database (`article_bands`, one row per band key of an original): nothing is
held in memory or rebuilt when a store opens, and every process writing to the store sees the same index.
A band key is a 64-bit hash of ROWS consecutive MinHash values and the band's number; articles sharing a
band key are candidates, and the exact Jaccard similarity of the two shingle sets (recomputed from the
stored text) decides, so LSH only has to find the pairs, never to judge them. (Measured against the other
way, a datasketch MinHashLSH in memory rebuilt from stored signatures at open: that takes ~10 KB of memory
and ~0.1 ms per article at every start; the table takes ~1 KB on disk and nothing at start. BENCHMARKS.md.)
Changing SHINGLE, NUM_PERM, BANDS, ROWS or SEED changes every key: it needs a migration that empties
`article_bands` and indexes the originals again (as migration 5 does, `SQLStore._backfill_near_dups`).

    >>> words("Путин, 21 марта, встретился с Си Цзиньпином: «Ёлки!»")
    ['путин', '0', 'марта', 'встретился', 'с', 'си', 'цзиньпином', 'елки']
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

SHINGLE = 5  # words per shingle
THRESHOLD = 0.6  # Jaccard similarity of shingle sets at and above which a body is a near-duplicate
NUM_PERM = 128  # MinHash permutations
# LSH bands x rows, as datasketch's MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
# chooses them: tuned below THRESHOLD and for recall, since the exact similarity judges every candidate. A pair
# at similarity 0.6 becomes a candidate with probability 0.985, at 0.7 with 0.9997 (1 - (1 - s^ROWS)^BANDS).
BANDS, ROWS = 30, 4
LSH_THRESHOLD, LSH_WEIGHTS = 0.5, (0.2, 0.8)
MIN_WORDS = 20  # shorter bodies are never matched: too little text to tell a re-scrape from a templated brief
SEED = 1  # MinHash permutation seed: signatures must never change, or stored band keys stop matching

_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+")
_PRIME = np.uint32(0x01000193)  # FNV prime: combines the word hashes of a shingle, order-sensitive
_MIX = np.uint64(0x9E3779B97F4A7C15)  # combines the values of a band


def words(text: str) -> list[str]:
    """The normalized words of a text: lower case, ё as е, no apostrophes, digits folded, no punctuation."""
    folded = text.lower().replace("ё", "е").replace("'", "").replace("’", "").replace("ʼ", "")
    return _WORD.findall(_DIGITS.sub("0", folded))


def shingles(text: str, k: int = SHINGLE) -> np.ndarray:
    """The set of k-word shingles of a text, as sorted unique 32-bit hashes (empty below MIN_WORDS words)."""
    found = words(text)
    if len(found) < MIN_WORDS:
        return np.empty(0, dtype=np.uint32)
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, found)), dtype=np.uint32, count=len(found))
    n = len(hashes) - k + 1
    combined = hashes[:n].copy()
    for j in range(1, k):
        combined = combined * _PRIME ^ hashes[j:n + j]
    return np.unique(combined)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's "affine32" permutations for SEED (a test pins them equal): an odd multiplier and an offset
    each, drawn from numpy's legacy RandomState, whose stream numpy keeps stable. Drawn here because importing
    datasketch loads scipy, 0.6 s of every writing process's start."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


# MurmurHash3's 32-bit finalizer: shifts and multipliers
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


def signature(shingle_set: np.ndarray) -> np.ndarray:
    """The MinHash of a shingle set: NUM_PERM 32-bit values, exactly datasketch's
    `MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme="affine32")` updated with the set (its values
    are already hashes), computed in one array step instead of a Python call per shingle (a test pins the two
    equal)."""
    a, b = _permutations()
    s1, m1, s2, m2, s3 = _FMIX
    h = shingle_set.astype(np.uint32).reshape(-1, 1)
    with np.errstate(over="ignore"):  # arithmetic modulo 2^32 is the point
        h = (h ^ (h >> s1)) * m1
        h = (h ^ (h >> s2)) * m2
        h ^= h >> s3
        return (h * a + b).min(axis=0, initial=np.uint32(0xFFFFFFFF))  # an empty set: all at the maximum


def band_keys(values: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band: its number and its ROWS MinHash values, mixed (splitmix64)."""
    bands = values[:BANDS * ROWS].reshape(BANDS, ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2^64 is the point
        key = np.arange(BANDS, dtype=np.uint64)
        for row in range(ROWS):
            key = key * _MIX + bands[:, row]
        key = (key ^ (key >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        key = (key ^ (key >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        key ^= key >> np.uint64(31)
    return key.view(np.int64).tolist()


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two shingle sets (sorted unique hashes)."""
    if not len(a) or not len(b):
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


# --- in the store --------------------------------------------------------------------------------------------


class _Store(Protocol):
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def _upsert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], conflict: str) -> None: ...


@dataclass(frozen=True)
class Duplicate:
    article_id: str
    original: str
    similarity: float


LOOKUP_CHUNK = 500  # band keys per lookup query


def mark(store: _Store, articles: Iterable[tuple[str, str]]) -> dict[str, Duplicate]:
    """Check articles new in this transaction, in order, against the stored originals and each other: mark
    near-duplicates (`duplicate_of`), index the originals (`article_bands`). `articles` are (id, body
    text) pairs already in the articles table. Returns the duplicates found, by article id."""
    todo = []
    for article_id, text in articles:
        found = shingles(text)
        if len(found):
            todo.append((article_id, found, band_keys(signature(found))))
    if not todo:
        return {}
    stored = _lookup(store, sorted({k for _, _, keys in todo for k in keys}))
    fresh: dict[int, list[str]] = {}  # band key -> originals of this batch
    sets: dict[str, np.ndarray] = {}
    duplicates: dict[str, Duplicate] = {}
    bands: list[tuple[int, str]] = []
    for article_id, found, keys in todo:
        candidates = {c for k in keys for c in (*stored.get(k, ()), *fresh.get(k, ()))}
        best = _best(store, found, candidates, sets)
        if best is not None:
            duplicates[article_id] = Duplicate(article_id, *best)
            continue
        sets[article_id] = found
        for k in keys:
            fresh.setdefault(k, []).append(article_id)
        bands.extend((k, article_id) for k in keys)
    if duplicates:
        store._executemany("UPDATE articles SET duplicate_of = ?, duplicate_similarity = ? WHERE id = ?",
                           [(d.original, round(d.similarity, 4), d.article_id) for d in duplicates.values()])
    if bands:
        store._upsert("article_bands", ("key", "article_id"), bands, "ON CONFLICT DO NOTHING")
    return duplicates


def _lookup(store: _Store, keys: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for start in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[start:start + LOOKUP_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for r in store._rows(f"SELECT key, article_id FROM article_bands WHERE key IN ({marks})", chunk):
            found.setdefault(r["key"], []).append(r["article_id"])
    return found


def _best(store: _Store, found: np.ndarray, candidates: set[str],
          sets: dict[str, np.ndarray]) -> tuple[str, float] | None:
    """The most similar candidate at or above THRESHOLD (of equals, the smallest id), if any."""
    missing = sorted(c for c in candidates if c not in sets)
    if missing:
        marks = ", ".join("?" for _ in missing)
        for r in store._rows(f"SELECT id, text FROM articles WHERE id IN ({marks})", missing):
            sets[r["id"]] = shingles(r["text"])
    best: tuple[str, float] | None = None
    for c in sorted(candidates):
        similarity = jaccard(found, sets[c])
        if similarity >= THRESHOLD and (best is None or similarity > best[1]):
            best = (c, similarity)
    return best
