"""`entente eval ner`: exact-span scoring computed by hand, each corpus reader on a tiny file in its real
format, clear errors for a wrong PATH, and the real command on the shared corpora (CI)."""

import json
import re
import subprocess
import sys

import pytest

from entente.cli import main
from entente.errors import InputError, MalformedInput
from entente.eval import GoldDoc, evaluate, read_corpus, render_table
from entente.extract.ner import Entity

from .conftest import shared_path


def capitalized_as_person(text, lang):
    """A deliberately poor recognizer: every capitalized word is a person."""
    return [Entity(m.start(), m.end(), "PER", m[0]) for m in re.finditer(r"\b[А-ЯЁІЇЄ]\w+", text)]


DOCS = [
    GoldDoc("a", "Путин прибыл в Москву.", "ru", ((0, 5, "PER"), (15, 21, "LOC"))),
    GoldDoc("b", "Сергей Лавров и МИД России.", "ru", ((0, 13, "PER"), (16, 19, "ORG"), (20, 26, "LOC"))),
]


def test_scores_by_hand():
    # predicted PER: Путин (correct), Москву | Сергей, Лавров (gold is "Сергей Лавров"), МИД, России
    result = evaluate(DOCS, capitalized_as_person)
    per, loc, org, micro = result.by_label["PER"], result.by_label["LOC"], result.by_label["ORG"], result.micro
    assert (per.gold, per.predicted, per.correct) == (2, 6, 1)
    assert per.precision == pytest.approx(1 / 6) and per.recall == 0.5
    assert per.f1 == pytest.approx(2 * (1 / 6) * 0.5 / (1 / 6 + 0.5))  # 0.25
    assert (loc.gold, loc.predicted, loc.correct, loc.precision, loc.f1) == (2, 0, 0, 0.0, 0.0)
    assert (org.gold, org.predicted, org.correct) == (1, 0, 0)
    assert (micro.gold, micro.predicted, micro.correct) == (5, 6, 1)
    assert micro.precision == pytest.approx(1 / 6) and micro.recall == 0.2
    assert micro.f1 == pytest.approx(2 / 11)  # 2PR/(P+R) = 2·(1/6)·(1/5) / (11/30)
    assert result.docs == 2


def test_exact_match_ignores_other_labels_and_duplicates_and_passes_the_language():
    seen = []

    def recognizer(text, lang):
        seen.append(lang)
        return [Entity(0, 5, "PER", "Путин"), Entity(0, 5, "PER", "Путин"), Entity(15, 21, "MISC", "Москву"),
                Entity(15, 20, "LOC", "Москв")]

    result = evaluate(DOCS[:1], recognizer)
    assert seen == ["ru"]
    assert result.by_label["PER"].to_dict() == {"gold": 1, "predicted": 1, "correct": 1, "precision": 1.0,
                                                "recall": 1.0, "f1": 1.0}
    assert (result.by_label["LOC"].predicted, result.by_label["LOC"].correct) == (1, 0)  # off by one char
    assert result.micro.f1 == pytest.approx(2 * 0.5 * 0.5 / 1.0)


def test_table_and_json_shapes():
    result = evaluate(DOCS, capitalized_as_person)
    table = render_table(result).splitlines()
    assert table[0].split() == ["label", "gold", "predicted", "correct", "precision", "recall", "f1"]
    assert table[1].split() == ["PER", "2", "6", "1", "0.167", "0.500", "0.250"]
    assert table[4].split() == ["micro", "5", "6", "1", "0.167", "0.200", "0.182"]
    data = result.to_dict()
    assert set(data) == {"docs", "labels", "micro"} and set(data["labels"]) == {"PER", "LOC", "ORG"}
    assert data["micro"] == {"gold": 5, "predicted": 6, "correct": 1, "precision": 0.1667, "recall": 0.2,
                             "f1": 0.1818}


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_factrueval_reader_name_and_all_spans(tmp_path):
    text = "Представитель мэрии Москвы сообщил, что Юрий Лужков ушёл. Проект «Город» закрыт."
    spans = [("1", "org_descr", "мэрии"), ("2", "loc_name", "Москвы"), ("3", "name", "Юрий"),
             ("4", "surname", "Лужков"), ("5", "prj_name", "Город")]
    _write(tmp_path / "book_7.txt", text)
    _write(tmp_path / "book_7.spans", "".join(f"{sid} {kind} {text.index(w)} {len(w)} {100 + k} 1  # {100 + k} {w}\n"
                                              for k, (sid, kind, w) in enumerate(spans)))
    _write(tmp_path / "book_7.objects", "10 Org 1 2 # мэрии Москвы\n11 LocOrg 2 # Москвы\n"
                                        "12 Person 3 4 # Юрий Лужков\n13 Project 5 # Город\n")
    [doc] = read_corpus("factrueval", tmp_path)
    assert (doc.id, doc.lang) == ("book_7", "ru")
    assert [(text[s:e], label) for s, e, label in doc.entities] == [("Москвы", "LOC"), ("Юрий Лужков", "PER")]
    [doc] = read_corpus("factrueval", tmp_path, spans="all")  # "Москвы" is inside the ORG, so dropped
    assert [(text[s:e], label) for s, e, label in doc.entities] == [("мэрии Москвы", "ORG"), ("Юрий Лужков", "PER")]


def test_ner_uk_reader_multiline_entity_and_every_document(tmp_path):
    text = "ПАТ « Укртрансгаз » найняв Івана\nПетренка .\nДиректор з Києва .\n"
    entities = [("ORG", "ПАТ « Укртрансгаз »"), ("PERS", "Івана\nПетренка"), ("JOB", "Директор"), ("LOC", "Києва")]
    ann = "".join(f"T{i}\t{kind}\t{text.index(w)}\t{text.index(w) + len(w)}\t{w}\n"
                  for i, (kind, w) in enumerate(entities, 1))
    _write(tmp_path / "bruk" / "aa11.txt", text)
    _write(tmp_path / "bruk" / "aa11.ann", ann)
    _write(tmp_path / "ng" / "bb22.txt", "Тест .\n")
    _write(tmp_path / "ng" / "bb22.ann", "")
    _write(tmp_path / "dev-test-split.txt", "DEV\naa11\nTEST\nbb22\n")  # a held-out copy holds TEST documents
    doc, other = read_corpus("ner-uk", tmp_path)
    assert (doc.id, doc.lang) == ("bruk/aa11", "uk")
    assert [(text[s:e], label) for s, e, label in doc.entities] == [
        ("ПАТ « Укртрансгаз »", "ORG"), ("Івана\nПетренка", "PER"), ("Києва", "LOC")]
    assert (other.id, other.entities) == ("ng/bb22", ())


def test_nerel_reader_keeps_outermost_and_skips_discontinuous(tmp_path):
    text = "Министерство иностранных дел России сообщило, что Сергей Лавров посетит Берлин и Париж."
    spans = {w: (text.index(w), text.index(w) + len(w)) for w in (
        "Министерство иностранных дел России", "России", "Сергей Лавров", "Берлин", "Париж", "посетит")}
    lines = [f"T{i}\t{kind} {spans[w][0]} {spans[w][1]}\t{w}" for i, (kind, w) in enumerate((
        ("ORGANIZATION", "Министерство иностранных дел России"), ("COUNTRY", "России"), ("PERSON", "Сергей Лавров"),
        ("CITY", "Берлин"), ("EVENT", "посетит")), 1)]
    lines += [f"T9\tCITY {spans['Париж'][0]} {spans['Париж'][0] + 2};{spans['Париж'][0] + 3} {spans['Париж'][1]}\tПаиж",
              "R1\tWORKPLACE Arg1:T3 Arg2:T1", "N1\tReference T3 Wikidata:Q1\tСергей Лавров",
              "строка без номера (a stray continuation line)"]
    _write(tmp_path / "dev" / "42_text.txt", text)
    _write(tmp_path / "dev" / "42_text.ann", "\n".join(lines) + "\n")
    [doc] = read_corpus("nerel", tmp_path / "dev")
    assert (doc.id, doc.lang) == ("42_text", "ru")
    assert [(text[s:e], label) for s, e, label in doc.entities] == [
        ("Министерство иностранных дел России", "ORG"), ("Сергей Лавров", "PER"), ("Берлин", "LOC")]


def test_limit_takes_the_first_documents_by_file_name(tmp_path):
    for n in (3, 1, 2):
        _write(tmp_path / f"{n}.txt", "Текст.")
        _write(tmp_path / f"{n}.ann", "")
    assert [d.id for d in read_corpus("nerel", tmp_path, limit=2)] == ["1", "2"]


def test_wrong_path_is_a_clear_input_error(tmp_path):
    with pytest.raises(InputError, match="no such directory"):
        read_corpus("nerel", tmp_path / "missing")
    with pytest.raises(InputError, match="not a factRuEval devset"):
        read_corpus("factrueval", tmp_path)
    _write(tmp_path / "1.txt", "Путин")
    _write(tmp_path / "1.ann", "T1\tPERSON 0 4\tПутин\n")
    with pytest.raises(MalformedInput, match=r"1\.ann:1: 0-4 in 1\.txt is not 'Путин'"):
        read_corpus("nerel", tmp_path)


def test_cli_exit_code_1_names_the_path(tmp_path, capsys):
    assert main(["eval", "ner", "--format", "ner-uk", str(tmp_path)]) == 1
    assert f"entente: {tmp_path}: not a NER-UK data directory" in capsys.readouterr().err


CORPORA = [("factrueval", ("data", "factrueval2016", "devset")), ("nerel", ("data", "nerel", "dev")),
           ("ner-uk", ("data", "ner-uk", "data"))]


@pytest.mark.shared
@pytest.mark.parametrize(("fmt", "parts"), CORPORA, ids=[c[0] for c in CORPORA])
def test_real_command_on_shared_corpus(fmt, parts):
    path = shared_path(*parts)
    proc = subprocess.run([sys.executable, "-m", "entente.cli", "eval", "ner", "--format", fmt, str(path), "--json",
                           "--limit", "5"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["format"] == fmt and data["docs"] == 5 and set(data["labels"]) == {"PER", "LOC", "ORG"}
    for score in [*data["labels"].values(), data["micro"]]:
        assert set(score) == {"gold", "predicted", "correct", "precision", "recall", "f1"}
        assert 0 <= score["correct"] <= min(score["gold"], score["predicted"])
    assert data["micro"]["gold"] > 0
    assert data["micro"]["gold"] == sum(s["gold"] for s in data["labels"].values())
