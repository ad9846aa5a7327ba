"""natasha's model vocabularies in the disk cache (entente/nlp/slovnet_load.py): the items and their order read
back by the next process, keyed by the archive member's bytes and by its content, never served stale."""

from __future__ import annotations

import gzip

from slovnet.vocab import Vocab

from entente.nlp.slovnet_load import SortedVocab, _vocab


class Member:
    """A slovnet pack holding one vocabulary (what `_vocab` reads of it: `read(name)`)."""

    def __init__(self, items: list[str], mtime: int = 0) -> None:
        self.raw = gzip.compress("\n".join(items).encode("utf8"), mtime=mtime)

    def read(self, name: str) -> bytes:
        return self.raw


WORDS = [f"w{n:05d}" for n in range(12_000)] + ["<unk>", "<pad>"]


def test_a_vocabulary_is_written_once_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_CACHE", str(tmp_path))
    first = _vocab(Member(WORDS), "word", {})
    entries = sorted(p.name for p in tmp_path.glob("vocab-*.pickle"))
    assert len(entries) == 2  # the content's hash by the member's bytes, the items by the content's hash
    again = _vocab(Member(WORDS), "word", {})
    assert sorted(p.name for p in tmp_path.glob("vocab-*.pickle")) == entries
    assert isinstance(again, SortedVocab) and again.items == first.items == WORDS
    assert [again.encode(w) for w in ("w00007", "<pad>", "zz")] == [7, 12_001, 12_000]


def test_other_content_is_another_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_CACHE", str(tmp_path))
    _vocab(Member(WORDS), "word", {})
    changed = WORDS[:5] + ["w00004x"] + WORDS[5:]
    got = _vocab(Member(changed), "word", {})
    assert got.items == changed and got.encode("w00004x") == 5


def test_the_same_content_in_other_bytes_is_shared_in_a_process(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_CACHE", str(tmp_path))
    vocabs: dict[str, object] = {}
    one = _vocab(Member(WORDS, mtime=1), "word", vocabs)
    other = _vocab(Member(WORDS, mtime=2), "word", vocabs)  # another gzip header, the same words
    assert Member(WORDS, mtime=1).raw != Member(WORDS, mtime=2).raw
    assert one is other and len(vocabs) == 1


def test_unsorted_and_small_vocabularies_are_slovnets_own(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_CACHE", str(tmp_path))
    shuffled = WORDS[1:3] + WORDS[:1] + WORDS[3:]
    for items in (shuffled, ["O", "B-PER", "I-PER"]):
        for _ in range(2):  # built, then read back
            got = _vocab(Member(items), "tag", {})
            assert isinstance(got, Vocab) and got.items == items
