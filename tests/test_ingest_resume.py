"""Ingest is idempotent and crash-safe, checked with real `python -m entente.cli` processes:

* ingesting the same inputs again stores nothing new and says so;
* a run killed with SIGKILL in the middle leaves only whole committed batches behind, and running the
  same command again completes the store with every article exactly once.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

BATCH = 20


def _env(tmp_path: Path) -> dict[str, str]:
    # Belt and braces: even a command that forgot --db could not touch the user's database.
    return dict(os.environ, ENTENTE_DB=str(tmp_path / "fallback.db"), XDG_DATA_HOME=str(tmp_path / "xdg"))


def run_ingest(tmp_path: Path, *args: str, timeout: float = 300) -> tuple[int, dict, str]:
    """`entente ingest ARGS --format json` to completion; returns (exit code, summary, stderr)."""
    proc = subprocess.run([sys.executable, "-m", "entente.cli", "ingest", *args, "--format", "json"],
                          capture_output=True, text=True, timeout=timeout, cwd=tmp_path, env=_env(tmp_path))
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert lines, f"no summary (exit {proc.returncode}); stderr:\n{proc.stderr}"
    return proc.returncode, json.loads(lines[-1]), proc.stderr


def count(db: Path, sql: str = "SELECT count(*) FROM articles") -> Any:
    con = sqlite3.connect(db, timeout=10)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def peek_count(db: Path) -> int | None:
    """Rows committed so far, read through a read-only connection; None while the store is not readable
    yet (no file, no table, locked)."""
    if not db.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # "no such table", "database is locked", WAL not ready ...
        return None
    finally:
        con.close()


# --- (a) the same inputs twice ---------------------------------------------------------------------------

PAGES = {
    "ru/lavrov_wang.txt": (
        "Лавров провёл переговоры с Ван И в Пекине\n\n"
        "Министр иностранных дел России Сергей Лавров встретился в Пекине с главой МИД КНР Ван И. "
        "Стороны обсудили подготовку визита президента и сотрудничество в рамках ШОС.\n"
    ),
    "uk/xi_moscow.txt": (
        "Сі Цзіньпін прибув до Москви з державним візитом\n\n"
        "Голова КНР Сі Цзіньпін у понеділок прибув до Москви на переговори з Володимиром Путіним. "
        "Сторони мають обговорити торгівлю енергоносіями та ситуацію навколо України.\n"
    ),
    "en/modi_moscow.txt": (
        "Modi arrives in Moscow for annual summit with Putin\n\n"
        "Indian Prime Minister Narendra Modi arrived in Moscow on Monday for two days of talks with "
        "President Vladimir Putin. The leaders are expected to discuss oil purchases and defence supplies.\n"
    ),
    "en/nato_china.html": (
        "<!DOCTYPE html><html><head><title>NATO calls China a decisive enabler of Russia's war</title></head>"
        "<body><article><h1>NATO calls China a decisive enabler of Russia's war</h1>"
        "<p>NATO leaders said on Wednesday that China had become a decisive enabler of Russia's war against "
        "Ukraine, in the alliance's sharpest language yet about Beijing.</p>"
        "<p>China's foreign ministry rejected the statement as slander and said it would defend its "
        "legitimate interests.</p></article></body></html>\n"
    ),
}
FEED = [
    {"text": "Токаев встретился с Путиным в Астане\n\nПрезидент Казахстана Касым-Жомарт Токаев провёл "
             "переговоры с Владимиром Путиным в Астане. Лидеры подписали соглашение о поставках газа."},
    {"text": "Україна та Польща домовилися про спільні навчання\n\nМіністри оборони України та Польщі "
             "підписали угоду про спільні військові навчання. Перші маневри відбудуться восени."},
]


def test_ingesting_the_same_folder_twice_stores_nothing_new(tmp_path):
    folder = tmp_path / "pages"
    for name, text in PAGES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "feed.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in FEED),
                                       encoding="utf-8")
    total = len(PAGES) + len(FEED)
    db = tmp_path / "store.db"

    code, first, err = run_ingest(tmp_path, str(folder), "--db", str(db))
    assert code == 0, err
    assert first["read"] == total and first["new"] == total and first["failed"] == 0
    assert first["already_stored"] == 0
    assert count(db) == total

    code, second, err = run_ingest(tmp_path, str(folder), "--db", str(db))
    assert code == 0, err
    assert second["new"] == 0
    assert second["read"] == total and second["already_stored"] == total and second["failed"] == 0
    assert count(db) == total

    # The identity is the content, not the path: a copy of the folder elsewhere is not new either.
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    code, third, err = run_ingest(tmp_path, str(copy), "--db", str(db))
    assert code == 0, err
    assert third["new"] == 0 and third["already_stored"] == total
    assert count(db) == total
    assert count(db, "SELECT count(DISTINCT content_hash) FROM articles") == total


# --- (b) SIGKILL in the middle, then resume ---------------------------------------------------------------

HEADLINES = ("Лавров провёл переговоры с Ван И", "Сі Цзіньпін прибув до Москви",
             "Modi arrives in Moscow for talks")


def write_feed(path: Path, total: int) -> None:
    """`total` distinct small articles, one JSON Lines file, written in one go."""
    rows = []
    for i in range(total):
        lang = i % 3
        if lang == 0:
            body = (f"Министр иностранных дел России провёл встречу № {i} с коллегой из Китая. "
                    f"Стороны обсудили торговлю и безопасность в регионе, сообщил пресс-секретарь.")
        elif lang == 1:
            body = (f"Делегації двох країн провели зустріч № {i} у Москві. "
                    f"Сторони обговорили постачання енергоносіїв та спільні проєкти.")
        else:
            body = (f"Officials from both countries held meeting No. {i} in the capital on Monday. "
                    f"They discussed energy supplies and joint infrastructure projects.")
        rows.append(json.dumps({"text": f"{HEADLINES[lang]} ({i})\n\n{body}"}, ensure_ascii=False))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def kill_midway(tmp_path: Path, feed: Path, db: Path, total: int, deadline: float = 120) -> int | None:
    """Start an ingest, SIGKILL it once some batches are committed; returns the rows left behind, or
    None when the run got to the end before it could be killed."""
    cmd = [sys.executable, "-m", "entente.cli", "ingest", str(feed), "--db", str(db), "--batch", str(BATCH)]
    with open(tmp_path / "killed.out", "wb") as out, open(tmp_path / "killed.err", "wb") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=tmp_path, env=_env(tmp_path))
        try:
            end = time.monotonic() + deadline
            seen = None
            while time.monotonic() < end and proc.poll() is None:
                seen = peek_count(db)
                if seen:  # some rows committed, and the process is still running
                    break
                time.sleep(0.002)
            if proc.poll() is not None:
                return None  # finished (or died) before we could kill it
            assert seen, f"no rows committed within {deadline}s"
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"ingest was not killed: exit {proc.returncode}"
    left = count(db)
    return None if left >= total else left


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_ingest_resumes_and_stores_every_article_once(tmp_path):
    total, killed_at = 3000, None
    for attempt in range(5):  # too fast to kill midway: make the input bigger, never weaken the check
        feed = tmp_path / f"feed_{attempt}.jsonl"
        db = tmp_path / f"store_{attempt}.db"
        write_feed(feed, total)
        killed_at = kill_midway(tmp_path, feed, db, total)
        if killed_at is not None:
            break
        total *= 4
    assert killed_at is not None, f"ingest of {total // 4} articles always finished before it could be killed"

    # Killed midway: some rows committed, not all, and only whole batches (one transaction each).
    assert 0 < killed_at < total
    assert killed_at % BATCH == 0, f"{killed_at} rows: a batch was committed partially"
    assert count(db, "PRAGMA integrity_check") == "ok"

    # Resume: the same command again completes the store.
    code, summary, err = run_ingest(tmp_path, str(feed), "--db", str(db), "--batch", str(BATCH))
    assert code == 0, err
    assert summary["read"] == total and summary["failed"] == 0
    assert summary["already_stored"] == killed_at
    assert summary["new"] == total - killed_at

    assert count(db) == total
    assert count(db, "SELECT count(DISTINCT content_hash) FROM articles") == total
    assert count(db, "SELECT count(DISTINCT id) FROM articles") == total
    assert count(db, f"SELECT count(DISTINCT line) FROM articles WHERE line BETWEEN 1 AND {total}") == total
    assert count(db, "PRAGMA integrity_check") == "ok"
    # The full-text index followed the articles through the crash.
    con = sqlite3.connect(db)
    try:
        con.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        hits = con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", ('"Modi"',)).fetchone()
    finally:
        con.close()
    assert hits[0] == len(range(2, total, 3))

    # And once more: nothing new.
    code, again, err = run_ingest(tmp_path, str(feed), "--db", str(db), "--batch", str(BATCH))
    assert code == 0, err
    assert again["new"] == 0 and again["already_stored"] == total
    assert count(db) == total
