"""One bad record never costs another: records Python's json cannot hold, odd file names, folders and special
files, limits per record, a step that fails or runs too long — each is one reported line (or a count), the
good articles of the same run are stored, and nothing hangs or ends in a traceback.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from entente import Pipeline
from entente.cli import main
from entente.errors import InputError
from entente.models import Article
from entente.pipeline import DEFAULT_STEPS

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "Лавров встретился с Ван И в Пекине\n\nМинистры обсудили подготовку визита и сотрудничество в рамках ШОС.",
    "Modi arrives in Moscow for talks\n\nIndian Prime Minister Narendra Modi arrived in Moscow on Monday.",
    "Сі Цзіньпін прибув до Москви\n\nГолова КНР Сі Цзіньпін прибув до Москви на переговори з Путіним.",
    "Токаев встретился с Путиным\n\nПрезидент Казахстана провёл переговоры с Владимиром Путиным в Астане.",
]


def stored(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def test_records_python_cannot_hold_are_reported_and_the_batch_is_kept(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": TEXTS[0]}, ensure_ascii=False),
        '{"text": "Путин \\ud800 прибыл в Пекин. Переговоры начались.", "title": "\\udfff"}',  # lone surrogates
        '{"text": "x", "n": ' + "9" * 5000 + "}",                                                 # 5,000 digits
        "[" * 100_000 + "]" * 100_000,                                                            # deep nesting
        json.dumps({"text": TEXTS[1]}, ensure_ascii=False),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    code = main(["ingest", "--db", str(db), str(feed), "--no-progress", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert f"{feed}:3: not valid JSON: Exceeds the limit" in err
    assert f"{feed}:4: not valid JSON: nested too deeply" in err
    assert json.loads(out)["new"] == 3 and stored(db) == 3  # the surrogate record is stored, U+FFFD in place
    assert main(["analyze", str(feed), "--format", "jsonl"]) == 1  # printing is safe too
    assert "\ufffd" in capsys.readouterr().out


def test_max_bytes_is_per_record_and_jsonl_streams(tmp_path, capsys):
    feed = tmp_path / "big.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for n in range(300):  # ~ 60 KB in all, each record ~ 200 bytes
            fh.write(json.dumps({"text": f"{TEXTS[n % 4]} Номер {n}."}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"text": "Длинная статья. " * 2000}, ensure_ascii=False) + "\n")  # ~ 60 KB
        fh.write(json.dumps({"text": TEXTS[3] + " Последняя."}, ensure_ascii=False) + "\n")
    from entente.ingest import read

    items = list(read([str(feed)], max_bytes=5_000))  # the file is over 5 KB, every record but one is not
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(items) == 302 and len(errors) == 1
    assert errors[0].line == 301 and "record over the limit of 5,000 bytes" in errors[0].reason
    assert items[-1].line == 302


def test_file_names_folders_and_special_files_are_reported_for_what_they_are(tmp_path, capsys):
    pages = tmp_path / "pages"
    (pages / "empty").mkdir(parents=True)
    (pages / "pdfs").mkdir()
    (pages / "pdfs" / "scan.pdf").write_bytes(b"%PDF-1.4")
    for n, text in enumerate(TEXTS[:3]):
        (pages / f"good{n}.txt").write_text(text, encoding="utf-8")
    bad_name = os.path.join(os.fsencode(pages), b"\xff\xfe-cp1251-\xcf\xf3\xf2\xe8\xed.txt")
    with open(bad_name, "wb") as fh:
        fh.write(TEXTS[3].encode("utf-8"))
    (pages / "list.json").write_text("[]", encoding="utf-8")
    (pages / "loop.txt").symlink_to(pages / "loop.txt")
    os.mkfifo(pages / "pipe.txt")
    db = tmp_path / "s.db"
    code = main(["ingest", "--db", str(db), str(pages), str(pages / "empty"), str(pages / "pdfs"),
                 str(pages / "pipe.txt"), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert stored(db) == 4  # the file with a non-UTF-8 name too
    assert "list.json: an empty JSON list" in err
    assert "loop.txt: a broken symbolic link or a symbolic link loop" in err
    assert "pipe.txt: not a regular file: a FIFO" in err
    assert "empty: no .txt, .html, .json or .jsonl files in this folder" in err
    assert "pdfs: no .txt, .html, .json or .jsonl files in this folder (1 other files)" in err
    with sqlite3.connect(db) as con:
        assert any("\ufffd" in f for (f,) in con.execute("SELECT file FROM articles"))


def test_a_glob_over_symlink_loops_returns(tmp_path):
    d = tmp_path / "d" / "a" / "b"
    d.mkdir(parents=True)
    (d / "page.txt").write_text(TEXTS[0], encoding="utf-8")
    for n in range(4):  # loops at every level: glob.glob(recursive=True) would walk them for ever
        (d / f"up{n}").symlink_to(tmp_path / "d")
        (d.parent / f"up{n}").symlink_to(tmp_path / "d")
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "entente.cli", "analyze", f"{tmp_path}/d/**/*.txt", "--format",
                          "table"], capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("\n") == 2 and time.monotonic() - started < 120


def test_many_bad_records_of_one_file_are_summarized(tmp_path, capsys):
    feed = tmp_path / "bad.json"
    feed.write_text(json.dumps([{"title": "no text"}] * 5000), encoding="utf-8")
    assert main(["analyze", str(feed)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 12 and err[-1].endswith("5,000 errors in all, 4,990 of them not shown")


def test_a_failing_or_overlong_step_is_an_error_of_its_record_only():
    def boom(doc, kit):
        if "взрыв" in doc.analysis.text:
            raise ZeroDivisionError("a bug in a step")
        return doc

    def slow(doc, kit):
        if "медленно" in doc.analysis.text:
            time.sleep(5)
        return doc

    base = Pipeline()
    pipeline = Pipeline(steps=(*DEFAULT_STEPS, ("boom", boom), ("slow", slow)), toolkit=base.toolkit, budget=1)
    articles = [Article(file="a.txt", text=TEXTS[0]), Article(file="b.txt", text=TEXTS[1] + " взрыв"),
                Article(file="c.txt", text=TEXTS[2] + " медленно"), Article(file="d.txt", text=TEXTS[3])]
    started = time.monotonic()
    out = list(pipeline.run(articles))
    assert time.monotonic() - started < 4.5
    assert [type(x).__name__ for x in out] == ["Analysis", "InputError", "InputError", "Analysis"]
    assert "in step 'boom': ZeroDivisionError: a bug in a step" in str(out[1])
    assert "analysis took over 1 s (in step 'slow')" in str(out[2])
    huge = Article(file="huge.txt", text="Заголовок\n\n" + "Слово слово слово. " * 40_000)
    with pytest.raises(InputError, match="over the analysis limit of 500,000"):
        base(huge)
