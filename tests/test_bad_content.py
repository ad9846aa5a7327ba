"""A battery of bad content and a fuzzer over JSON records: every input is analyzed or reported as an InputError
(never an exception, never a hang), the good articles among them are all stored, and human output carries
no raw control characters. Seeded, so a failure can be replayed.
"""

from __future__ import annotations

import codecs
import json
import random
import sqlite3
import time
from pathlib import Path

import pytest

from entente.cli import main
from entente.errors import InputError
from entente.ingest import read

GOOD = ("Лавров встретился с Ван И в Пекине\n\nМинистры иностранных дел России и Китая обсудили визит. "
        "Стороны договорились продолжить консультации.")


def contents() -> dict[str, bytes]:
    """File name -> bytes: the classes of bad content the issue lists, each next to good text."""
    text = GOOD.encode()
    cases = {
        "empty.txt": b"", "spaces.txt": b"  \n\t\n ", "pdf.txt": b"%PDF-1.4 binary", "png.txt": b"\x89PNG\r\n",
        "zip.txt": b"PK\x03\x04....", "nul.txt": b"\x00" * 500, "nul_mixed.txt": text + b"\x00" * 100,
        "bad_utf8.txt": b"\xff\xfe\xfd" * 50, "cp1251.txt": GOOD.encode("cp1251"), "koi8.txt": GOOD.encode("koi8-r"),
        "utf16.txt": codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"), "utf8_bom.txt": codecs.BOM_UTF8 + text,
        "controls.txt": "Заголовок\x1b[2J\x07\n\nТекст \x1b]0;title\x07 и \x9b31m ссылка \u202eтекст.".encode(),
        "punct.txt": b"!!! ??? ... --- ***\n\n;;;", "digits.txt": b"1234567890 " * 200,
        "one_word.txt": ("Слово" * 20_000).encode(), "emoji.txt": ("Заголовок 😀\n\n" + "🙂 " * 3000).encode(),
        "rtl.txt": ("عنوان\n\n" + "هذا نص عربي. " * 200).encode(), "ah.txt": ("А.\n" * 3_000).encode(),
        "tags.html": b"<html><body>" + b"<div>" * 5000 + b"</div>" * 5000 + b"</body></html>",
        "script.html": b"<html><script>var x = 1;</script></html>", "broken.html": b"<html><body><p>\xff\xfe<",
        "list.json": b"[]", "number.json": b"42", "nested.json": b"[" * 50_000 + b"]" * 50_000,
        "digits.json": b'{"text": ' + b"7" * 5000 + b"}",
        "surrogate.json": b'{"text": "\\ud800 \\udfff ' + json.dumps(GOOD)[1:-1].encode() + b'"}',
        "truncated.jsonl": b'{"text": "abc', "lines.jsonl": b"\n\n\n", "bad_types.jsonl": b'{"text": ["a"], "url": 5}',
        "good.txt": text,
    }
    return cases


def fuzz_records(n: int, seed: int = 14) -> list[str]:
    """JSON Lines records with random types, random Unicode (lone surrogates, controls, bidi), random nesting."""
    rng = random.Random(seed)
    alphabet = ["а", "б", "Я", "x", " ", "\n", "\u2028", "\x00", "\x1b", "\u202e", "\ud800", "😀", ".", '"', "\\"]

    def value(depth: int = 0):  # noqa: ANN202
        kind = rng.randrange(7 if depth < 3 else 4)
        if kind == 0:
            return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 300)))
        if kind == 1:
            return rng.choice([0, -1, 10**30, 1.5, float("1e308")])
        if kind == 2:
            return rng.choice([None, True, False])
        if kind == 3:
            return GOOD if rng.random() < 0.5 else GOOD[: rng.randrange(len(GOOD))]
        if kind == 4:
            return [value(depth + 1) for _ in range(rng.randrange(3))]
        return {rng.choice(["text", "html", "title", "url", "published", "source", "x"]): value(depth + 1)
                for _ in range(rng.randrange(4))}

    out = []
    for _ in range(n):
        record = {k: value() for k in rng.sample(["text", "html", "title", "url", "published", "source"], 3)}
        out.append(json.dumps(record, ensure_ascii=rng.random() < 0.5))
    return out


def test_bad_content_and_fuzzed_records_cost_no_good_article(tmp_path, pipeline, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in contents().items():
        (folder / name).write_bytes(data)
    records = fuzz_records(300)
    (folder / "fuzz.jsonl").write_text("\n".join([*records, json.dumps({"text": GOOD + " Конец."})]) + "\n",
                                       encoding="utf-8", errors="surrogatepass")
    slowest, analyzed, reported = 0.0, 0, 0
    for item in read([str(folder)], 10_000_000):
        if isinstance(item, InputError):
            reported += 1
            continue
        started = time.monotonic()
        try:
            pipeline(item)
            analyzed += 1
        except InputError:
            reported += 1
        slowest = max(slowest, time.monotonic() - started)
    assert analyzed >= 5 and reported >= 20 and slowest < 30
    db = tmp_path / "s.db"
    code = main(["ingest", "--db", str(db), str(folder), "--no-progress", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert json.loads(out)["new"] + json.loads(out)["already_stored"] == analyzed
    with sqlite3.connect(db) as con:
        files = {Path(f).name for (f,) in con.execute("SELECT file FROM articles")}
    assert {"cp1251.txt", "fuzz.jsonl", "surrogate.json", "emoji.txt"} <= files  # good.txt, koi8, utf16: same text
    assert not any(c in err for c in "\x1b\x07\x9b\u202e")  # error lines are neutralized
    from entente import Pipeline
    from entente.models import Article

    bounded = Pipeline(toolkit=pipeline.toolkit, budget=2)  # 30,000 lines of «А.» take minutes unbounded
    started = time.monotonic()
    with pytest.raises(InputError, match="analysis took over 2 s"):
        bounded(Article(file="ah.txt", text="А.\n" * 30_000))
    assert time.monotonic() - started < 10
    assert main(["analyze", str(folder / "controls.txt"), "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert "\x1b" not in table and "\x07" not in table
