"""`entente trace`: every event of a text with its evidence, rule, sides by name and polarity."""

from __future__ import annotations

import json

from entente.cli import main


def test_trace_shows_the_rule_and_the_polarity_of_each_event(tmp_path, capsys):
    page = tmp_path / "p.txt"
    page.write_text(
        "Встреча Владимира Путина и Си Цзиньпина была отложена.\n\n"
        "Россия и Китай провели совместные военные учения в Японском море.\n",
        encoding="utf-8",
    )
    assert main(["trace", str(page), "--format", "json"]) == 0
    [doc] = json.loads(capsys.readouterr().out)
    events = {e["type"]: e for e in doc["events"]}
    consult, cooperate = events["CONSULT"], events["COOPERATE"]
    assert consult["negated"] is True and "negated-by:отложить" in consult["clause"]
    assert [x["name"] for x in consult["actor"] + consult["recipient"]] == ["Vladimir Putin", "Xi Jinping"]
    assert cooperate["negated"] is False and cooperate["rule"].startswith("cooperate:")
    assert main(["trace", str(page)]) == 0
    table = capsys.readouterr().out
    assert "NOT CONSULT" in table and "negated-by:отложить" in table


def test_trace_of_a_missing_file_names_it(tmp_path, capsys):
    assert main(["trace", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_trace_and_analyze_pass_no_control_or_bidi_character_raw(tmp_path, capsys):
    page = tmp_path / "hostile\x1b.txt"
    page.write_text("Заголовок \x1b]0;pwned\x07 новости\n\nПутин \u202e встретился с Си Цзиньпином в Пекине \x9b.\n",
                    encoding="utf-8")
    for argv in (["trace", str(page)], ["trace", str(page), "--format", "json"],
                 ["analyze", str(page), "--format", "jsonl"], ["analyze", str(page), "--format", "json"]):
        assert main(argv) == 0
        out = capsys.readouterr()
        assert not any(c in out.out + out.err for c in "\x1b\x07\x9b\u202e"), argv
        if argv[-1].startswith("json"):
            assert "\\u202e" in out.out  # escaped, so the JSON still loads back to the text as read
