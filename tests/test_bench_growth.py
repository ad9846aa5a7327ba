"""bench/growth.py on tiny sizes: a row per size, rates that are rates, and a store holding what it says."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "bench" / "corpus.jsonl"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(ROOT / "bench" / "growth.py"), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=600)


@pytest.mark.skipif(not CORPUS.exists(), reason="the bench corpus is not beside the project")
def test_growth_on_tiny_sizes(tmp_path: Path) -> None:
    db = tmp_path / "growth.db"
    done = run("--sizes", "0,50,200", "--base", "12", "--batch-articles", "10", "--rounds", "1",
               "--db", str(db), "--analyses", str(tmp_path / "analyses.pkl"), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    rows = report["sizes"]
    assert [r["size"] for r in rows] == [0, 50, 200]  # each size counts the batches measured before it
    for r in rows:
        assert r["ingest"]["articles"] == 10
        assert r["ingest"]["articles_per_s"] > 0 and r["ingest"]["articles_per_cpu_s"] > 0
        assert r["after"] == r["size"] + 10
        assert r["db_mb"] > 0 and r["duplicates"] == 0
        assert set(r["queries"]) and all(q["queries"] > 0 for q in r["queries"].values())
    assert rows[1]["fill"]["articles"] == 40 and rows[1]["fill"]["articles_per_s"] > 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 210
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0

    again = run("--sizes", "300", "--base", "12", "--batch-articles", "10", "--rounds", "1",
                "--db", str(db), "--analyses", str(tmp_path / "analyses.pkl"), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["sizes"][0]["fill"]["articles"] == 90  # the kept store grows on


def test_refuses_a_store_it_did_not_make(tmp_path: Path) -> None:
    other = tmp_path / "entente.db"
    other.write_bytes(b"")
    done = run("--sizes", "0", "--db", str(other), "--base", "1")
    assert done.returncode != 0
    assert "not a store this benchmark made" in done.stderr
