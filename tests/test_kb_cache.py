"""The knowledge-base index cache: read back by the next process, rebuilt when an input changes or the entry is
damaged, never an error, safe when several processes write it at once, and turned off or moved by
$ENTENTE_CACHE."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from entente import disk_cache
from entente.actors.kb import KnowledgeBase, _cache_parts
from entente.extract.roles import Roles

ROOT = Path(__file__).resolve().parents[1]


def _cache_key(extra: str | None) -> str:
    return disk_cache.key_of(_cache_parts(extra))


PERSON = """
[[person]]
name = "Ivan Testovy"
country = "RUS"
sector = "GOV"
en = ["Ivan Testovy"]
ru = ["Иван Тестовый"]
uk = ["Іван Тестовий"]
short = { en = ["Testovy"], ru = ["Тестовый"], uk = ["Тестовий"] }
"""


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("kb-*.pickle"))


def same(a: KnowledgeBase, b: KnowledgeBase) -> bool:
    return (a.entries, dict(a.index), a.prefixes, dict(a.stems), a.bodies, a.max_words, dict(a.given),
            dict(a.latin.votes), a.family_first, a.first_names, a.russian_name) == (
        b.entries, dict(b.index), b.prefixes, dict(b.stems), b.bodies, b.max_words, dict(b.given),
        dict(b.latin.votes), b.family_first, b.first_names, b.russian_name)


@pytest.fixture(scope="module")
def built() -> KnowledgeBase:
    return KnowledgeBase.load(cache=False)


def test_the_index_is_written_once_and_read_back(tmp_path, built):
    first = KnowledgeBase.load(cache=tmp_path)
    [entry] = entries(tmp_path)
    assert same(first, built)
    written = entry.stat().st_mtime_ns
    again = KnowledgeBase.load(cache=tmp_path)
    assert same(again, built) and again is not first
    assert entries(tmp_path) == [entry] and entry.stat().st_mtime_ns == written  # read, not written again


def test_what_is_stored_under_the_key_is_what_loads(tmp_path, built):
    """The entry is really read: a base stored under the key (here one with a person more) comes back."""
    key = _cache_key(None)
    marked = KnowledgeBase.load(cache=False)
    marked.russian_name["person:marked"] = "Помеченный"
    disk_cache.store("kb", key, marked, tmp_path)
    assert KnowledgeBase.load(cache=tmp_path).russian_name["person:marked"] == "Помеченный"


@pytest.mark.parametrize("damage", [
    lambda p, key: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),  # cut short
    lambda p, key: p.write_bytes(b"not a pickle at all"),
    lambda p, key: p.write_bytes(pickle.dumps((key, {"not": "a knowledge base"}))),
    lambda p, key: p.write_bytes(pickle.dumps(KnowledgeBase())),  # not (key, value)
], ids=["truncated", "garbage", "other type", "other shape"])
def test_a_damaged_entry_is_rebuilt_not_an_error(tmp_path, built, damage):
    key = _cache_key(None)
    entry = disk_cache.store("kb", key, built, tmp_path)
    assert entry is not None
    damage(entry, key)
    assert same(KnowledgeBase.load(cache=tmp_path), built)
    assert same(pickle.loads(entry.read_bytes())[1], built)  # and the entry is whole again


def test_an_unreadable_entry_is_rebuilt(tmp_path, built):
    entry = disk_cache.store("kb", _cache_key(None), built, tmp_path)
    assert entry is not None
    entry.unlink()
    entry.mkdir()  # a folder where the file should be: cannot be opened, cannot be replaced
    assert same(KnowledgeBase.load(cache=tmp_path), built)


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, built):
    blocked = tmp_path / "file"
    blocked.write_text("a file, not a folder")
    assert same(KnowledgeBase.load(cache=blocked / "cache"), built)
    assert disk_cache.store("kb", "k" * 64, 1, blocked / "cache") is None


def test_a_changed_actors_file_is_a_new_entry(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(PERSON, encoding="utf-8")
    folder = tmp_path / "cache"
    kb = KnowledgeBase.load(str(mine), cache=folder)
    assert "person:ivan-testovy" in kb.entries and len(entries(folder)) == 1
    mine.write_text(PERSON.replace("Ivan Testovy", "Petr Testovy").replace("Иван", "Пётр").replace("Іван", "Петро"),
                    encoding="utf-8")
    kb = KnowledgeBase.load(str(mine), cache=folder)
    assert "person:petr-testovy" in kb.entries and "person:ivan-testovy" not in kb.entries
    assert len(entries(folder)) == 2
    assert "person:ivan-testovy" not in KnowledgeBase.load(cache=folder).entries  # the bundled base alone: a third


def test_a_changed_data_file_is_a_new_key(tmp_path):
    """The key covers the bundled data: a copy of the package with one name more has another key."""
    key = _cache_key(None)
    copy = tmp_path / "entente"
    package = Path(disk_cache.__file__).parent  # the package imported here: the source, or a compiled install
    subprocess.run(["cp", "-r", str(package), str(copy)], check=True)
    with open(copy / "actors" / "data" / "orgs.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[testorg]\nname = "Test Org"\nen = ["Test Org"]\nru = ["Тест Орг"]\nuk = ["Тест Орг"]\n')
    code = ("from entente.actors.kb import _cache_parts; from entente.disk_cache import key_of; "
            "print(key_of(_cache_parts(None)))")
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONPATH": str(tmp_path)}, cwd=tmp_path).stdout.strip()
    assert key and other and other != key


def test_entente_cache_moves_or_turns_off_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_CACHE", str(tmp_path / "here"))
    assert disk_cache.directory() == tmp_path / "here"
    monkeypatch.setenv("ENTENTE_CACHE", "off")
    assert disk_cache.directory() is None
    monkeypatch.delenv("ENTENTE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert disk_cache.directory() == tmp_path / "xdg" / "entente"


def test_old_entries_are_pruned(tmp_path):
    keys = [disk_cache.digest(str(n)) for n in range(disk_cache.KEEP + 3)]
    for n, key in enumerate(keys):
        disk_cache.store("thing", key, n, tmp_path)
    assert len(list(tmp_path.glob("thing-*.pickle"))) == disk_cache.KEEP
    assert disk_cache.load("thing", keys[-1], tmp_path) == len(keys) - 1
    assert disk_cache.load("thing", keys[-1][::-1], tmp_path) is None


def test_processes_writing_at_once_leave_one_whole_entry(tmp_path, built):
    """Four processes start together on an empty cache: each gets the base, one whole entry is left, and no
    temporary file."""
    code = ("from entente.actors.kb import KnowledgeBase; kb = KnowledgeBase.load(); "
            "print(len(kb.entries), len(kb.index))")
    env = {**os.environ, "ENTENTE_CACHE": str(tmp_path), "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(4)]
    outputs = [p.communicate(timeout=120)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert outputs == [[str(len(built.entries)), str(len(built.index))]] * 4
    [entry] = entries(tmp_path)
    assert same(pickle.loads(entry.read_bytes())[1], built)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_analyze_gives_the_same_output_from_the_cache(tmp_path):
    page = ROOT / "examples" / "ru_04_lavrov_wang_yi_beijing.txt"
    argv = [sys.executable, "-m", "entente.cli", "analyze", str(page), "--format", "jsonl"]
    env = {**os.environ, "ENTENTE_CACHE": str(tmp_path), "PYTHONPATH": str(ROOT)}
    cold = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    assert len(entries(tmp_path)) == 1
    warm = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    off = subprocess.run(argv, env={**env, "ENTENTE_CACHE": "off"}, capture_output=True, text=True, check=True).stdout
    assert cold == warm == off
    assert json.loads(warm)["actors"]


def test_role_nouns_are_cached_too(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_CACHE", "off")
    built = Roles.load()
    monkeypatch.setenv("ENTENTE_CACHE", str(tmp_path))
    first = Roles.load()
    [entry] = tmp_path.glob("roles-*.pickle")
    again = Roles.load()
    assert (again.index, dict(again.first)) == (first.index, dict(first.first)) == (built.index, dict(built.first))
    assert again is not first and len(built.index) > 100
