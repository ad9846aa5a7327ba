"""Bad inputs through the real CLI: each is reported as `entente: FILE[:LINE]: reason` on one line of
stderr, the good files of the same batch are still analyzed and stored, and the exit code is 1 when
anything failed (0 when nothing did).

Every test ingests into a database under tmp_path, never the user's default one.
"""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

from entente.cli import main
from entente.store import open_store

# Short realistic news pages: a headline, a blank line, two sentences.
GOOD = {
    "ru_lavrov_wang.txt": (
        "Лавров провёл переговоры с Ван И в Пекине\n\n"
        "Министр иностранных дел России Сергей Лавров встретился в Пекине с главой МИД КНР Ван И. "
        "Стороны обсудили подготовку визита президента и сотрудничество в рамках ШОС.\n"
    ),
    "uk_xi_moscow.txt": (
        "Сі Цзіньпін прибув до Москви з державним візитом\n\n"
        "Голова КНР Сі Цзіньпін у понеділок прибув до Москви на переговори з Володимиром Путіним. "
        "Сторони мають обговорити торгівлю енергоносіями та ситуацію навколо України.\n"
    ),
    "en_modi_moscow.txt": (
        "Modi arrives in Moscow for annual summit with Putin\n\n"
        "Indian Prime Minister Narendra Modi arrived in Moscow on Monday for two days of talks with "
        "President Vladimir Putin. The leaders are expected to discuss oil purchases and defence supplies.\n"
    ),
}

# Articles for JSON Lines records (different content from GOOD, so every one is new).
RECORDS = [
    {"text": "Токаев встретился с Путиным в Астане\n\nПрезидент Казахстана Касым-Жомарт Токаев провёл "
             "переговоры с Владимиром Путиным в Астане. Лидеры подписали соглашение о поставках газа.",
     "url": "https://example.kz/news/1"},
    {"text": "Україна та Польща домовилися про спільні навчання\n\nМіністри оборони України та Польщі "
             "підписали угоду про спільні військові навчання. Перші маневри відбудуться восени.",
     "title": "Україна та Польща домовилися про спільні навчання"},
    {"text": "NATO calls China a decisive enabler of Russia's war\n\nNATO leaders said on Wednesday that "
             "China had become a decisive enabler of Russia's war against Ukraine. Beijing rejected the "
             "statement as slander.", "source": "Reuters"},
]


@pytest.fixture
def good(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "good"
    folder.mkdir()
    paths = []
    for name, text in GOOD.items():
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store" / "test.db"


def ingest(capsys: pytest.CaptureFixture[str], db: Path, *paths: Path | str) -> tuple[int, dict, str]:
    """Run `entente ingest` in-process; returns (exit code, JSON summary, stderr)."""
    code = main(["ingest", *(str(p) for p in paths), "--db", str(db), "--format", "json", "--no-progress"])
    out, err = capsys.readouterr()
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines, f"ingest printed no summary; stderr:\n{err}"
    return code, json.loads(lines[-1]), err


def stored(db: Path) -> int:
    store = open_store(str(db))
    try:
        return store.stats()["articles"]
    finally:
        store.close()


def stored_rows(db: Path) -> set[tuple[str, int | None]]:
    con = sqlite3.connect(db)
    try:
        return {(f, line) for f, line in con.execute("SELECT file, line FROM articles")}
    finally:
        con.close()


def assert_reported(err: str, where: Path | str, *reason: str) -> str:
    """Exactly one stderr line `entente: WHERE: ...` and it carries every part of `reason`."""
    prefix = f"entente: {where}: "
    hits = [line for line in err.splitlines() if line.startswith(prefix)]
    assert len(hits) == 1, f"expected one error line starting {prefix!r}, got {hits!r}; stderr:\n{err}"
    for part in reason:
        assert part in hits[0], f"{part!r} not in error line {hits[0]!r}"
    assert len(hits[0]) > len(prefix) + 5, f"error line has no reason: {hits[0]!r}"
    return hits[0]


def assert_only_error_lines(err: str, failed: int) -> None:
    """stderr holds one `entente: ...` line per failure and nothing else (no traceback, no noise)."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert all(line.startswith("entente: ") for line in lines), f"unexpected stderr:\n{err}"
    assert len(lines) == failed, f"{failed} failures but {len(lines)} error lines:\n{err}"


def assert_good_stored(db: Path, good: list[Path], summary: dict, extra: int = 0) -> None:
    assert stored(db) == len(good) + extra
    files = {f for f, _ in stored_rows(db)}
    assert {str(p) for p in good} <= files
    assert summary["new"] == len(good) + extra


# --- control: nothing bad ---------------------------------------------------------------------------


def test_all_good_inputs_exit_zero(capsys, db, good):
    code, summary, err = ingest(capsys, db, *good)
    assert code == 0
    assert summary["failed"] == 0 and summary["read"] == len(good)
    assert err.strip() == ""
    assert_good_stored(db, good, summary)


# --- one test per bad input ---------------------------------------------------------------------------


def test_empty_file(capsys, tmp_path, db, good):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.html"
    blank.write_bytes(b" \n\t\r\n  \n")
    code, summary, err = ingest(capsys, db, good[0], empty, good[1], blank, good[2])
    assert code == 1
    assert summary["failed"] == 2
    assert_reported(err, empty, "empty file")
    assert_reported(err, blank, "empty file")
    assert_only_error_lines(err, 2)
    assert_good_stored(db, good, summary)


def test_binary_files_pdf_and_png(capsys, tmp_path, db, good):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
                    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
                    b"\x00\x00IEND\xaeB`\x82")
    # A scraper that saved a PDF under a page name: the content decides, not the suffix.
    disguised = tmp_path / "page.html"
    disguised.write_bytes(pdf.read_bytes())
    code, summary, err = ingest(capsys, db, pdf, good[0], png, good[1], disguised, good[2])
    assert code == 1
    assert summary["failed"] == 3
    assert_reported(err, pdf, "binary file", "PDF")
    assert_reported(err, png, "binary file", "PNG")
    assert_reported(err, disguised, "binary file", "PDF")
    assert_only_error_lines(err, 3)
    assert_good_stored(db, good, summary)


def test_too_large_file(capsys, tmp_path, db, good):
    big = tmp_path / "huge.txt"
    line = "Лавров провёл переговоры с Ван И в Пекине. Стороны обсудили сотрудничество.\n".encode()
    big.write_bytes(line * (50_000_000 // len(line) + 1))
    assert big.stat().st_size >= 50_000_000
    code, summary, err = ingest(capsys, db, good[0], big, good[1], good[2])
    assert code == 1
    assert summary["failed"] == 1
    assert_reported(err, big, "over the limit", "10,000,000")
    assert_only_error_lines(err, 1)
    assert_good_stored(db, good, summary)


def test_undecodable_bytes(capsys, tmp_path, db, good):
    rng = random.Random(20240611)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(4096))
    assert b"\x00" not in data
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(data)
    code, summary, err = ingest(capsys, db, good[0], good[1], garbage, good[2])
    assert code == 1
    assert summary["failed"] == 1
    assert_reported(err, garbage, "not valid UTF-8", "no known encoding")
    assert_only_error_lines(err, 1)
    assert_good_stored(db, good, summary)


def test_malformed_html(capsys, tmp_path, db, good):
    skeleton = tmp_path / "skeleton.html"
    skeleton.write_text("<html><body><div><p>", encoding="utf-8")
    truncated = tmp_path / "truncated.html"
    truncated.write_text('<!DOCTYPE html><html><head><title>Путин и Си</ti<body><div class="art"><p class="le'
                         '<<span><//div><p', encoding="utf-8")
    # HTML recognized by its content although saved as .txt.
    sniffed = tmp_path / "saved_page.txt"
    sniffed.write_text("<html><head></head><body><div><p></p><span></", encoding="utf-8")
    code, summary, err = ingest(capsys, db, skeleton, good[0], truncated, good[1], sniffed, good[2])
    assert code == 1
    assert summary["failed"] == 3
    for bad in (skeleton, truncated, sniffed):
        assert_reported(err, bad, "no article text found in the HTML")
    assert_only_error_lines(err, 3)
    assert_good_stored(db, good, summary)


def test_jsonl_with_bad_lines(capsys, tmp_path, db, good):
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(RECORDS[0], ensure_ascii=False),                       # 1 good
        '{"text": "Лавров прибыл в Пекин", "url": ',                      # 2 invalid JSON (truncated)
        json.dumps(RECORDS[1], ensure_ascii=False),                       # 3 good
        json.dumps(["Путин", "Си Цзиньпин"], ensure_ascii=False),         # 4 not an object
        "",                                                               # 5 blank: skipped silently
        json.dumps({"title": "Заголовок без текста", "url": "https://example.ru/a"}, ensure_ascii=False),  # 6
        '"just a string"',                                                # 7 not an object
        json.dumps({"text": "   \n  "}),                                  # 8 empty text
        json.dumps({"text": "Путин встретился с Си Цзиньпином в Пекине.", "title": 42}),  # 9 bad field type
        json.dumps(RECORDS[2], ensure_ascii=False),                       # 10 good
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, summary, err = ingest(capsys, db, good[0], feed, good[1], good[2])
    assert code == 1
    assert summary["failed"] == 6
    assert_reported(err, f"{feed}:2", "not valid JSON")
    assert_reported(err, f"{feed}:4", "expected a JSON object", "list")
    assert_reported(err, f"{feed}:6", "no non-empty 'text' or 'html' field")
    assert_reported(err, f"{feed}:7", "expected a JSON object", "str")
    assert_reported(err, f"{feed}:8", "no non-empty 'text' or 'html' field")
    assert_reported(err, f"{feed}:9", "'title'", "must be a string")
    assert_only_error_lines(err, 6)
    # The good records were analyzed and stored, each with its own line number.
    assert stored(db) == len(good) + 3
    assert summary["new"] == len(good) + 3
    assert {line for f, line in stored_rows(db) if f == str(feed)} == {1, 3, 10}


def test_jsonl_whose_first_line_is_an_array(capsys, tmp_path, db, good):
    """A JSON Lines file is read line by line even when its first record happens to be a list."""
    feed = tmp_path / "first_bad.jsonl"
    lines = [
        json.dumps(["Путин", "Си Цзиньпин"], ensure_ascii=False),   # 1 not an object
        json.dumps(RECORDS[0], ensure_ascii=False),                   # 2 good
        json.dumps(RECORDS[1], ensure_ascii=False),                   # 3 good
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, summary, err = ingest(capsys, db, good[0], feed, good[1], good[2])
    assert code == 1
    assert_reported(err, f"{feed}:1", "expected a JSON object", "list")
    assert_only_error_lines(err, 1)
    assert summary["failed"] == 1
    assert stored(db) == len(good) + 2
    assert {line for f, line in stored_rows(db) if f == str(feed)} == {2, 3}


def test_jsonl_line_numbers_with_unicode_line_separators(capsys, tmp_path, db, good):
    """U+2028, U+2029 and U+0085 are legal raw characters inside JSON strings (json.dumps with
    ensure_ascii=False writes them as is, and scraped text carries them): they do not end a JSON Lines
    record, and error line numbers are the file's physical (newline-separated) lines."""
    feed = tmp_path / "separators.jsonl"
    tricky = {"text": "Лавров провёл переговоры с Ван И\n\nМинистр иностранных дел России прибыл в Пекин.\u2028"
                      "Стороны обсудили\x85подготовку визита и\u2029сотрудничество в рамках ШОС."}
    lines = [
        json.dumps(tricky, ensure_ascii=False),    # 1 good, with raw separators inside the string
        "{not json at all",                        # 2 invalid JSON
        json.dumps(RECORDS[2], ensure_ascii=False),  # 3 good
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert feed.read_bytes().count(b"\n") == 3
    code, summary, err = ingest(capsys, db, good[0], feed, good[1], good[2])
    assert code == 1
    assert_reported(err, f"{feed}:2", "not valid JSON", "Expecting property name")
    assert_only_error_lines(err, 1)
    assert summary["failed"] == 1
    assert stored(db) == len(good) + 2
    assert {line for f, line in stored_rows(db) if f == str(feed)} == {1, 3}


def test_path_that_does_not_exist(capsys, tmp_path, db, good):
    missing = tmp_path / "nowhere" / "article.txt"
    code, summary, err = ingest(capsys, db, good[0], missing, good[1], good[2])
    assert code == 1
    assert summary["failed"] == 1
    assert_reported(err, missing, "no such file or directory")
    assert_only_error_lines(err, 1)
    assert_good_stored(db, good, summary)


def test_glob_that_matches_nothing(capsys, tmp_path, db, good):
    pattern = str(tmp_path / "scraped" / "*.html")
    code, summary, err = ingest(capsys, db, good[0], pattern, good[1], good[2])
    assert code == 1
    assert summary["failed"] == 1
    assert_reported(err, pattern, "no file matches this pattern")
    assert_only_error_lines(err, 1)
    assert_good_stored(db, good, summary)
    # ... while a glob that does match reads its files.
    capsys.readouterr()
    code, summary, err = ingest(capsys, tmp_path / "other.db", str(tmp_path / "good" / "*.txt"))
    assert code == 0 and summary["new"] == len(good) and err.strip() == ""
