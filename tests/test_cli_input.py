"""Wrong invocations through the real CLI (`main(argv)`, a real SQLite store of the examples): each is one
clear line on stderr and exit 2, and creates or changes nothing. The battery (`BAD`, over 100 cases) is also
run as real processes by bench/bad_invocations.py.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from entente.cli import main
from tests.bad_invocations import BAD, invocations
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "store.db"
    assert main(["ingest", "--db", str(db), str(EXAMPLES), "--no-progress"]) == 0
    return db


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` with a hash of its bytes (the SQLite store's -wal/-shm aside: readers may
    leave them, as SQLite does)."""
    return {str(p.relative_to(folder)): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(("-wal", "-shm"))}


@pytest.mark.parametrize("case", invocations(), ids=lambda c: " ".join(c.argv)[:60])
def test_every_wrong_invocation_is_one_clear_line_and_exit_2(case, stored, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ENTENTE_DB", str(tmp_path / "default" / "entente.db"))  # never the user's store
    foreign = tmp_path / "other.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE schema_migrations (version TEXT, name TEXT)")
    con.execute("INSERT INTO schema_migrations VALUES ('v1', 'init')")
    con.commit()
    con.close()
    (tmp_path / "page.txt").write_text("Лавров встретился с Ван И\n\nЛавров и Ван И провели переговоры.\n")
    (tmp_path / "bad_actors.toml").write_bytes('[person.x]\nname = "Лавров"\n'.encode("cp1251"))
    argv = [a.replace("{db}", str(stored)).replace("{tmp}", str(tmp_path)) for a in case.argv]
    before, store_before = tree(tmp_path), hashlib.sha1(stored.read_bytes()).hexdigest()
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, (argv, err)
    last = err.strip().splitlines()[-1]
    assert last.startswith("entente") and "Traceback" not in err, err
    assert case.says in last, (case.says, last)
    assert tree(tmp_path) == before  # nothing created (no folders, no store, no tables in another's file)
    assert hashlib.sha1(stored.read_bytes()).hexdigest() == store_before


def test_the_battery_has_over_100_cases():
    assert len(BAD) >= 100


def test_reading_commands_work_on_a_read_only_store_and_change_nothing(stored, tmp_path, capsys):
    copy = tmp_path / "ro.db"
    copy.write_bytes(stored.read_bytes())
    copy.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before = copy.read_bytes()
    try:
        for argv in (["search", "Лавров"], ["stats"], ["events", "--limit", "3"], ["actors", "--limit", "3"],
                     ["dyad", "CHN", "RUS"], ["quotes", "--limit", "2"]):
            assert main([*argv, "--db", str(copy)]) == 0, argv
        assert "Лавров" in capsys.readouterr().out
        assert copy.read_bytes() == before
    finally:
        copy.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_an_older_store_is_read_only_after_migrate(tmp_path, capsys):
    from entente.store.sqlite import SQLiteStore

    db = tmp_path / "old.db"
    SQLiteStore(str(db), upto=4).close()
    assert main(["stats", "--db", str(db)]) == 2
    assert "entente migrate" in capsys.readouterr().err
    assert main(["migrate", "--db", str(db)]) == 0
    assert main(["stats", "--db", str(db), "--format", "json"]) == 0


def test_a_locked_store_is_one_line_and_nothing_committed_is_lost(stored, tmp_path, capsys, monkeypatch):
    from entente.store.sqlite import SQLiteStore

    db = tmp_path / "locked.db"
    db.write_bytes(stored.read_bytes())
    monkeypatch.setattr(SQLiteStore, "WRITE_WAIT", 0.2)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    page = tmp_path / "page.txt"
    page.write_text("Лавров встретился с Ван И\n\nЛавров и Ван И провели переговоры в Пекине в среду.\n")
    try:
        assert main(["ingest", "--db", str(db), str(page), "--no-progress"]) == 2
        err = capsys.readouterr().err
        assert "locked by another process" in err and "Traceback" not in err
        assert main(["stats", "--db", str(db)]) == 0  # readers are not blocked by a writer (WAL)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_damaged_store_is_one_line_for_readers_and_ingest(stored, tmp_path, capsys):
    db = tmp_path / "damaged.db"
    data = bytearray(stored.read_bytes())
    page = 4096
    for n in range(3 * page, len(data) - page, 7 * page):  # scribble over some pages, the header left alone
        data[n:n + 512] = os.urandom(512)
    db.write_bytes(bytes(data))
    page_file = tmp_path / "page.txt"
    page_file.write_text("Лавров встретился с Ван И\n\nЛавров и Ван И провели переговоры в Пекине в среду.\n")
    codes = [main(["search", "Лавров", "--db", str(db)]), main(["events", "--db", str(db)]),
             main(["ingest", "--db", str(db), str(page_file), "--no-progress"])]
    err = capsys.readouterr().err
    assert codes[2] == 2 and "damaged" in err and "Traceback" not in err
    assert all(c in (0, 2) for c in codes)
