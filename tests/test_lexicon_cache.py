"""The event lexicon's tables in the disk cache: written by the first process, read back whole by the next, and
keyed by the data files they are read from."""

from __future__ import annotations

from importlib import resources
from types import SimpleNamespace

from entente.extract import event_lexicon
from entente.extract.event_lexicon import _FILES, _TABLES, Lexicon, _parts
from entente.nlp.morph import Morph


def tables(lexicon: Lexicon) -> dict[str, object]:
    return {name: getattr(lexicon, name) for name in _TABLES}


def test_the_tables_are_written_once_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_CACHE", "off")
    built = Lexicon(Morph())
    monkeypatch.setenv("ENTENTE_CACHE", str(tmp_path))
    first = Lexicon(Morph())
    [entry] = sorted(tmp_path.glob("event-lexicon-*.pickle"))
    again = Lexicon(Morph())
    assert tables(first) == tables(built) == tables(again)
    assert again.lemma("переговорах", "ru") == "переговоры"
    assert sorted(tmp_path.glob("event-lexicon-*.pickle")) == [entry]


def test_the_key_changes_with_a_data_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    for name in _FILES:
        data.joinpath(name).write_bytes((resources.files("entente.extract") / "data" / name).read_bytes())
    monkeypatch.setattr(event_lexicon, "resources", SimpleNamespace(files=lambda package: tmp_path))
    before = _parts()
    with data.joinpath("cues_ru.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n# one more line\n")
    assert _parts() != before
