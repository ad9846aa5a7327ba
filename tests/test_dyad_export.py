"""Dyad series and exports, on SQLite and PostgreSQL (the `store` / `store_location` fixtures of conftest.py).

The record is built by hand as real `Event` values inside real `Analysis` values, stored through the Store:

    article  published   events (actor -> recipient, date)
    tass     2023-03-22  CONSULT visit  Xi -> Putin  2023-03-21      (CHN -> RUS, +4.0)
                         AGREE          China -> Russia 2023-03-21   (CHN -> RUS, +2.5)
                         ACCUSE         Putin -> USA 2023-03-20      (RUS -> USA, -3.0)
    ukrinform 2023-04-02 COOPERATE      China -> Russia 2023-04      (CHN -> RUS, +9.5)
                         THREATEN       China -> Russia, negated     (left out)
    reuters  2024-01-10  REJECT meet    Putin -> China 2024-01-09    (RUS -> CHN, -2.0)
                         CONSULT        Russian MFA -> Xi, undated   (RUS -> CHN, +2.5, on the publication date)
                         ASSAULT        China -> Russia 2024         (CHN -> RUS, -9.0, a year only)
                         THREATEN       NATO -> Russia 2024-01-09    (org:NATO -> RUS, -3.5)
"""

from __future__ import annotations

import csv
import io
import json
import sys
from importlib import resources

import pytest

from entente.cli import main
from entente.models import Actor, Analysis, Article, Event, Mention, Paragraph
from entente.store import open_store
from entente.store.dyad import (
    HYPOTHETICAL_SINCE,
    SINCE,
    backend,
    dyad_events,
    dyad_series,
    plover,
    quad,
    quad_code,
    score,
)
from entente.store.export import export

PUTIN = Actor("person:vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV", (Mention(0, 5, "Путин"),))
XI = Actor("person:xi-jinping", "Xi Jinping", "person", "CHN", "GOV", (Mention(6, 8, "Си"),))
CHINA = Actor("CHN", "China", "country", "CHN", None, (Mention(9, 14, "Китай"),))
RUSSIA = Actor("RUS", "Russia", "country", "RUS", None, (Mention(15, 21, "Россия"),))
MFA = Actor("org:RUS-MFA", "Ministry of Foreign Affairs of Russia", "organization", "RUS", "GOV",
            (Mention(22, 25, "МИД"),))
USA = Actor("USA", "United States", "country", "USA", None, (Mention(26, 29, "США"),))
NATO = Actor("org:NATO", "NATO", "organization", None, "IGO", (Mention(30, 34, "НАТО"),))
MOSCOW = Actor("loc:moscow", "Moscow", "location", "RUS", None, (Mention(35, 41, "Москва"),))


def event(id: str, type: str, actor: Actor, recipient: Actor | None, date: str | None, **kw) -> Event:
    fields = dict(mode=None, context=("diplomatic",), location=None, negated=False, modality="asserted",
                  trigger="встретился", sentence=f"Событие {id}.", start=0, end=10, confidence=0.9)
    return Event(id, type, actor=(actor.id,), recipient=(recipient.id,) if recipient else (), date=date,
                 **{**fields, **kw})


def article(name: str, lang: str, source: str, published: str, events: list[Event]) -> tuple[Article, Analysis]:
    text = f"Путин Си Китай Россия МИД США НАТО Москва. Статья {name}."
    item = Article(file=f"{name}.txt", text=text, url=f"https://example.org/{name}")
    return item, Analysis(
        id=item.id, file=item.file, url=item.url, lang=lang, title=f"Статья {name}", published=published,
        source=source, text=text, paragraphs=(Paragraph(0, len(text), lang),),
        actors=(PUTIN, XI, CHINA, RUSSIA, MFA, USA, NATO, MOSCOW), events=tuple(events))


RECORD = [
    article("tass", "ru", "ТАСС", "2023-03-22", [
        event("t1", "CONSULT", XI, PUTIN, "2023-03-21", mode="visit", location="loc:moscow"),
        event("t2", "AGREE", CHINA, RUSSIA, "2023-03-21", context=("economic",)),
        event("t3", "ACCUSE", PUTIN, USA, "2023-03-20"),
    ]),
    article("ukrinform", "uk", "Укрінформ", "2023-04-02", [
        event("u1", "COOPERATE", CHINA, RUSSIA, "2023-04", context=("military",)),
        event("u2", "THREATEN", CHINA, RUSSIA, "2023-04-01", negated=True),
    ]),
    article("reuters", "en", "Reuters", "2024-01-10", [
        event("r1", "REJECT", PUTIN, CHINA, "2024-01-09", mode="meet"),
        event("r2", "CONSULT", MFA, XI, None),
        event("r3", "ASSAULT", CHINA, RUSSIA, "2024"),
        event("r4", "THREATEN", NATO, RUSSIA, "2024-01-09"),
    ]),
]
NO_QUADS = {"verbal cooperation": 0, "material cooperation": 0, "verbal conflict": 0, "material conflict": 0}


@pytest.fixture
def record(store):
    store.add(RECORD)
    return store


def periods(series) -> dict[str, tuple[int, float | None]]:
    return {p["period"]: (p["events"], p["mean_score"]) for p in series["periods"]}


# --- the PLOVER scale -------------------------------------------------------------------------------------------


def test_scores_and_quads_come_from_the_plover_table():
    assert len(plover()) == 16
    assert score("CONSULT", "visit") == 4.0 and score("CONSULT", None) == 2.5 and score("CONSULT", "nope") == 2.5
    assert score("ACCUSE", None) == -3.0 and score("AID", None) == 10.0 and score("UNKNOWN", None) is None
    assert quad("SANCTION") == "material conflict" and quad_code("SANCTION") == 4 and quad_code("AGREE") == 1


# --- dyad series ------------------------------------------------------------------------------------------------


def test_a_monthly_series_counts_by_type_and_quad_with_the_mean_score(record):
    series = dyad_series(record, "CHN", "RUS", by="month")
    assert series["undated"] == 1  # the ASSAULT dated "2024" only
    assert periods(series) == {"2023-03": (2, 3.25), "2023-04": (1, 9.5)}  # the negated THREATEN is left out
    march = series["periods"][0]
    assert march["types"] == {"AGREE": 1, "CONSULT": 1}
    assert march["quads"] == {**NO_QUADS, "verbal cooperation": 2}
    assert series["periods"][1]["quads"] == {**NO_QUADS, "material cooperation": 1}
    assert series["total"]["events"] == 3 and series["total"]["mean_score"] == pytest.approx(16 / 3, abs=0.01)


def test_a_yearly_series_takes_events_dated_by_year(record):
    series = dyad_series(record, "CHN", "RUS", by="year")
    assert periods(series) == {"2023": (3, pytest.approx(16 / 3, abs=0.01)), "2024": (1, -9.0)}
    assert series["periods"][1]["quads"] == {**NO_QUADS, "material conflict": 1}
    assert series["undated"] == 0 and series["total"]["mean_score"] == 1.75


def test_the_other_direction_and_both_together(record):
    back = dyad_series(record, "RUS", "CHN", by="month")
    # a body and a person count for their countries; an undated event takes its article's date
    assert periods(back) == {"2024-01": (2, 0.25)}
    assert back["periods"][0]["types"] == {"CONSULT": 1, "REJECT": 1}
    both = dyad_series(record, "CHN", "RUS", by="quarter", both=True)
    assert periods(both) == {"2023-Q1": (2, 3.25), "2023-Q2": (1, 9.5), "2023-Q3": (0, None),
                             "2023-Q4": (0, None), "2024-Q1": (2, 0.25)}  # no holes between periods
    assert both["total"]["events"] == 5 and both["undated"] == 1
    assert periods(dyad_series(record, "RUS", "CHN", by="quarter", both=True)) == periods(both)


def test_a_date_range_cuts_the_series_and_spans_it(record):
    series = dyad_series(record, "CHN", "RUS", by="month", date_from="2023-04", date_to="2023-06")
    assert periods(series) == {"2023-04": (1, 9.5), "2023-05": (0, None), "2023-06": (0, None)}
    assert dyad_series(record, "CHN", "RUS", by="year", date_from="2024")["total"]["events"] == 1
    assert dyad_series(record, "CHN", "RUS", date_to="2023-03-20")["periods"] == []
    with pytest.raises(ValueError, match="by must be"):
        dyad_series(record, "CHN", "RUS", by="week")


def test_an_actor_without_a_country_is_its_own_side(record):
    assert periods(dyad_series(record, "org:NATO", "RUS")) == {"2024-01": (1, -3.5)}
    assert dyad_series(record, "RUS", "USA")["total"]["types"] == {"ACCUSE": 1}
    assert dyad_series(record, "USA", "RUS")["periods"] == []


def test_dyad_events_are_the_reports_behind_a_series(record):
    found = dyad_events(record, "CHN", "RUS")
    assert [(e["id"], e["day"]) for e in found] == [("t1", "2023-03-21"), ("t2", "2023-03-21"), ("u1", "2023-04"),
                                                    ("r3", "2024")]
    assert found[0]["actor"] == ["person:xi-jinping"] and found[0]["source"] == "ТАСС" and found[0]["lang"] == "ru"
    assert [e["id"] for e in dyad_events(record, "CHN", "RUS", negated=None, date_from="2023-04",
                                         date_to="2023-04")] == ["u1", "u2"]
    assert [e["id"] for e in dyad_events(record, "CHN", "RUS", both=True, date_from="2024-01")] == ["r1", "r2"]
    assert len(dyad_events(record, "CHN", "RUS", limit=2)) == 2


def test_an_event_cluster_counts_once_at_its_first_report(record):
    db = backend(record)
    tass, reuters = RECORD[0][1].id, RECORD[2][1].id
    # The Chinese visit and China's agreement are taken for reports of one meeting, as are Putin's refusal and
    # the ministry's consultation of January 2024; a cluster's id is the event id of its first report.
    db._executemany("INSERT INTO event_clusters (id, type, negated, modality, mentions, reports, sources, languages)"
                    " VALUES (?, ?, ?, 'asserted', 2, 1, 1, 1) ON CONFLICT DO NOTHING",
                    [("t1", "CONSULT", False), ("r1", "REJECT", False)])
    db._executemany("UPDATE events SET cluster_id = ? WHERE article_id = ? AND id = ?",
                    [("t1", tass, "t1"), ("t1", tass, "t2"), ("r1", reuters, "r1"), ("r1", reuters, "r2")])
    series = dyad_series(record, "CHN", "RUS", by="month")
    assert periods(series) == {"2023-03": (1, 4.0), "2023-04": (1, 9.5)}  # the visit stands for the meeting
    assert periods(dyad_series(record, "RUS", "CHN", by="year", both=True)) == {"2023": (2, 6.75),
                                                                                 "2024": (2, -5.5)}
    assert len(dyad_events(record, "CHN", "RUS")) == 4  # the reports are all still there
    rows = list(csv.DictReader(io.StringIO(_export_text(record, "gdelt-csv"))))
    assert len(rows) == 6  # 8 reports not negated, 2 clusters of 2
    meeting = next(r for r in rows if r["GlobalEventID"] == "t1")
    assert (meeting["EventType"], meeting["NumMentions"], meeting["NumArticles"], meeting["NumSources"]) == (
        "CONSULT", "2", "1", "1")
    records = [json.loads(line) for line in _export_text(record, "plover-jsonl").splitlines()]
    assert {r["event_id"]: r["link"] for r in records}["t2"] == "t1"


def test_a_near_duplicate_article_is_left_out(record):
    tass, ukrinform = RECORD[0][1].id, RECORD[1][1].id
    backend(record)._executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?", [(tass, ukrinform)])
    assert periods(dyad_series(record, "CHN", "RUS")) == {"2023-03": (2, 3.25)}
    assert {r["ArticleID"] for r in csv.DictReader(io.StringIO(_export_text(record, "gdelt-csv")))} == {
        tass, RECORD[2][1].id}
    assert ukrinform not in _export_text(record, "plover-jsonl")


def test_events_stored_before_the_dyad_table_are_paired_by_its_migration(store_location):
    from entente.store.postgres import PostgresStore, is_url
    from entente.store.sqlite import SQLiteStore

    old = (PostgresStore if is_url(store_location) else SQLiteStore)(store_location, upto=SINCE - 1)
    old.add(RECORD)
    old.close()
    with open_store(store_location) as new:
        assert periods(dyad_series(new, "CHN", "RUS", by="year")) == {"2023": (3, pytest.approx(5.33, abs=0.01)),
                                                                       "2024": (1, -9.0)}
        assert new.add(RECORD) == (0, 3)


HYPOTHETICAL = article("hypo", "ru", "ТАСС", "2023-03-25", [
    event("h1", "SANCTION", USA, RUSSIA, "2023-03-25", modality="hypothetical"),  # «если ..., США введут санкции»
])


def test_a_hypothetical_report_is_in_no_series_and_no_gdelt_row(record):
    record.add([HYPOTHETICAL])
    assert dyad_series(record, "USA", "RUS")["total"]["events"] == 0
    assert dyad_events(record, "USA", "RUS") == []
    assert HYPOTHETICAL[1].id not in _export_text(record, "gdelt-csv")
    # the record keeps the report, with its modality: the full export and the dyad's listing of reports
    exported = [json.loads(line) for line in _export_text(record, "plover-jsonl").splitlines()]
    assert [e.get("modality") for e in exported if e.get("article_id") == HYPOTHETICAL[1].id] == ["hypothetical"]
    assert [e["modality"] for e in record.events(actor="USA", recipient="RUS")] == ["hypothetical"]


def test_the_dyad_rows_of_hypothetical_reports_stored_before_are_marked(store_location):
    from entente.store.postgres import PostgresStore, is_url
    from entente.store.sqlite import SQLiteStore

    old = (PostgresStore if is_url(store_location) else SQLiteStore)(store_location, upto=HYPOTHETICAL_SINCE - 1)
    old.add([HYPOTHETICAL, *RECORD])
    assert len(backend(old)._rows("SELECT * FROM event_dyads WHERE country_b = 'USA'")) == 2  # ACCUSE, SANCTION
    old.close()
    with open_store(store_location) as new:
        assert dyad_series(new, "USA", "RUS")["total"]["events"] == 0
        assert dyad_series(new, "RUS", "USA")["total"]["events"] == 1  # Putin's ACCUSE


def test_the_dyad_migration_is_numbered_as_the_code_says():
    for dialect in ("sqlite", "postgres"):
        names = [p.name for p in (resources.files("entente.store") / "migrations" / dialect).iterdir()]
        assert f"{SINCE:04d}_event_dyads.sql" in names
        assert f"{HYPOTHETICAL_SINCE:04d}_dyad_hypothetical.sql" in names


# --- exports ----------------------------------------------------------------------------------------------------


def _export_text(store, fmt: str) -> str:
    out = io.StringIO()
    export(store, fmt, out)
    return out.getvalue()


def test_plover_jsonl_has_the_manuals_fields(record, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export(record, "plover-jsonl", str(path)) == {"rows": 9, "reports": 9}
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len({r["id"] for r in records}) == 9  # every report, negated ones too
    visit = next(r for r in records if r["event_id"] == "t1")
    assert visit["date"] == "2023-03-21" and visit["event"] == ["CONSULT"] and visit["mode"] == ["visit"]
    assert visit["actor"] == [{"code": "CHN", "sector": "GOV", "identifier_id": "person:xi-jinping",
                               "identifier_text": "Xi Jinping"}]
    assert visit["recipient"][0]["code"] == "RUS" and visit["quad_code"] == 1 and visit["event_scale"] == 4.0
    assert visit["context"] == ["diplomatic"] and visit["text"] == "Событие t1."
    assert visit["event_text"] == ["встретился"]
    assert visit["event_loc"] == {"resolved_place": "Moscow", "identifier_id": "loc:moscow", "country_code": "RUS"}
    assert visit["cite_info"]["url"] == "https://example.org/tass" and visit["cite_info"]["language"] == "ru"
    assert visit["cite_info"]["publication"] == "ТАСС" and visit["negated"] is False
    assert visit["link"] == "t1"  # its event cluster: here the report alone
    undated = next(r for r in records if r["event_id"] == "r2")
    assert undated["date"] == "2024-01-10"  # the article's publication date
    nato = next(r for r in records if r["event_id"] == "r4")
    assert nato["actor"][0]["code"] == "IGO" and nato["event_scale"] == -3.5 and nato["quad_code"] == 3
    assert next(r for r in records if r["event_id"] == "u2")["negated"] is True


def test_gdelt_csv_has_one_row_per_event_that_happened(record, tmp_path):
    path = tmp_path / "events.csv"
    assert export(record, "gdelt-csv", str(path)) == {"rows": 8, "reports": 8}  # the negated report is left out
    with path.open(encoding="utf-8", newline="") as f:
        rows = {r["EventReportID"]: r for r in csv.DictReader(f)}
    visit = rows["t1"]
    assert visit["Day"] == "20230321" and visit["MonthYear"] == "202303" and visit["Year"] == "2023"
    assert (visit["Actor1Code"], visit["Actor1Name"], visit["Actor1CountryCode"], visit["Actor1Type1Code"]) == (
        "CHNGOV", "Xi Jinping", "CHN", "GOV")
    assert (visit["Actor2Code"], visit["Actor2CountryCode"]) == ("RUSGOV", "RUS")
    assert (visit["EventType"], visit["EventMode"], visit["QuadClass"], visit["PloverScore"]) == (
        "CONSULT", "visit", "1", "4.0")
    assert (visit["NumMentions"], visit["NumSources"], visit["NumArticles"]) == ("1", "1", "1")
    assert visit["ActionGeo_FullName"] == "Moscow" and visit["SOURCEURL"] == "https://example.org/tass"
    assert rows["u1"]["Day"] == "" and rows["u1"]["MonthYear"] == "202304" and rows["u1"]["Date"] == "2023-04"
    assert rows["t2"]["Actor1Code"] == "CHN" and rows["r4"]["Actor1Code"] == "IGO"
    assert len(rows["t1"]["DATEADDED"]) == 14  # YYYYMMDDHHMMSS, when stored
    assert (visit["Sentence"], visit["Trigger"], visit["SourceName"], visit["SourceLanguage"],
            visit["SourceFile"]) == ("Событие t1.", "встретился", "ТАСС", "ru", "tass.txt")


def test_an_exported_event_carries_the_evidence_of_a_report_with_a_link(record):
    db = backend(record)
    tass, ukrinform = RECORD[0][1].id, RECORD[1][1].id
    db._executemany("UPDATE articles SET url = NULL WHERE id = ?", [(tass,)])  # read from a file: no link
    db._executemany("INSERT INTO event_clusters (id, type, negated, modality, mentions, reports, sources, languages)"
                    " VALUES ('t2', 'AGREE', ?, 'asserted', 2, 2, 2, 2) ON CONFLICT DO NOTHING", [(False,)])
    db._executemany("UPDATE events SET cluster_id = 't2' WHERE article_id = ? AND id = ?",
                    [(tass, "t2"), (ukrinform, "u1")])
    rows = {r["GlobalEventID"]: r for r in csv.DictReader(io.StringIO(_export_text(record, "gdelt-csv")))}
    agreed = rows["t2"]  # described by its first report (TASS), its evidence from the first with a link
    assert (agreed["EventType"], agreed["Date"], agreed["NumArticles"]) == ("AGREE", "2023-03-21", "2")
    assert (agreed["SOURCEURL"], agreed["SourceName"], agreed["Sentence"], agreed["ArticleID"]) == (
        "https://example.org/ukrinform", "Укрінформ", "Событие u1.", ukrinform)
    alone = rows["t1"]  # no report with a link: the first report's evidence, its file
    assert (alone["SOURCEURL"], alone["SourceFile"], alone["Sentence"]) == ("", "tass.txt", "Событие t1.")
    records = [json.loads(line) for line in _export_text(record, "plover-jsonl").splitlines()]
    t1 = next(r for r in records if r["event_id"] == "t1")
    assert t1["cite_info"]["url"] is None and t1["cite_info"]["file"] == "tass.txt"


def test_parquet_reads_back_with_typed_columns(record, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export(record, "parquet", str(path))["rows"] == 8
    table = pq.read_table(path)
    assert table.num_rows == 8 and str(table.schema.field("PloverScore").type) == "double"
    rows = {r["EventReportID"]: r for r in table.to_pylist()}
    assert rows["t1"]["Day"] == 20230321 and rows["t1"]["PloverScore"] == 4.0 and rows["t1"]["QuadClass"] == 1
    assert rows["r3"]["Year"] == 2024 and rows["r3"]["Day"] is None and rows["r3"]["EventType"] == "ASSAULT"


def test_exports_of_an_empty_store(store, tmp_path):
    assert _export_text(store, "plover-jsonl") == ""
    assert _export_text(store, "gdelt-csv").splitlines()[0].startswith("GlobalEventID,Day,MonthYear,Year,Date,")
    pq = pytest.importorskip("pyarrow.parquet")
    export(store, "parquet", str(tmp_path / "none.parquet"))
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0


# --- command line -----------------------------------------------------------------------------------------------


def test_dyad_command_prints_a_table_json_and_csv(store_location, capsys):
    with open_store(store_location) as s:
        s.add(RECORD)
    assert main(["dyad", "chn", "RUS", "--db", store_location]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("CHN -> RUS by month, 2023-03 … 2023-04: 3 events (neither negated nor hypothetical), "
                             "mean PLOVER score +5.33")
    assert out[1].split() == ["period", "events", "score", "v.coop", "m.coop", "v.confl", "m.confl", "AGREE",
                              "CONSULT", "COOPERATE"]
    assert out[2].split() == ["2023-03", "2", "+3.25", "2", "0", "0", "0", "1", "1", "0"]

    assert main(["dyad", "CHN", "RUS", "--by", "quarter", "--both", "--from", "2023", "--to", "2024",
                 "--db", store_location, "--format", "json"]) == 0
    series = json.loads(capsys.readouterr().out)
    assert series["both"] and [p["period"] for p in series["periods"]] == [
        "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]

    assert main(["dyad", "CHN", "RUS", "--by", "year", "--db", store_location, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["period"], r["events"], r["mean_score"]) for r in rows] == [("2023", "3", "5.33"), ("2024", "1", "-9.0")]
    assert rows[0]["material_cooperation"] == "1" and rows[0]["COOPERATE"] == "1" and rows[1]["ASSAULT"] == "1"
    assert list(rows[0])[:7] == ["period", "events", "mean_score", "verbal_cooperation", "material_cooperation",
                                 "verbal_conflict", "material_conflict"]

    assert main(["dyad", "CHN", "RUS", "--events", "--limit", "2", "--db", store_location, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "day,type,mode,actor,recipient,lang,source,sentence,article_id" and len(lines) == 3

    # a name in any language stands for its country; a person for theirs
    assert main(["dyad", "Китай", "Путин", "--by", "year", "--db", store_location, "--format", "json"]) == 0
    named = json.loads(capsys.readouterr().out)
    assert (named["actor"], named["recipient"], named["total"]["events"]) == ("CHN", "RUS", 4)
    assert main(["dyad", "НАТО", "Russia", "--db", store_location, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["actor"] == "org:NATO"
    assert main(["dyad", "Атлантида", "RUS", "--db", store_location]) == 2  # an unknown name is a usage error
    assert "no stored actor matches" in capsys.readouterr().err


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<svg")])
def test_dyad_chart_is_written(store_location, tmp_path, capsys, suffix, magic):
    pytest.importorskip("matplotlib")
    with open_store(store_location) as s:
        s.add(RECORD)
    chart = tmp_path / f"chn-rus{suffix}"
    assert main(["dyad", "CHN", "RUS", "--by", "quarter", "--chart", str(chart), "--db", store_location]) == 0
    assert magic in chart.read_bytes()[:400] and chart.stat().st_size > 1000


def test_dyad_command_refuses_bad_arguments(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "store.db")
    assert main(["dyad", "CHN", "RUS", "--db", db, "--chart", str(tmp_path / "x.pdf")]) == 2
    assert "must end in .png or .svg" in capsys.readouterr().err
    assert main(["dyad", "CHN", "RUS", "--db", db, "--from", "March"]) == 2
    assert "is not a date" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if the `charts` extra were not installed
    assert main(["dyad", "CHN", "RUS", "--db", db, "--chart", str(tmp_path / "x.png")]) == 2
    assert "pip install 'entente[charts]'" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_export_command_writes_each_format(store_location, tmp_path, capsys):
    with open_store(store_location) as s:
        s.add(RECORD)
    for fmt, name in (("plover-jsonl", "e.jsonl"), ("gdelt-csv", "e.csv"), ("parquet", "e.parquet")):
        assert main(["export", "--format", fmt, "--db", store_location, "-o", str(tmp_path / name)]) == 0
        assert "rows" in capsys.readouterr().err and (tmp_path / name).stat().st_size > 100
    assert main(["export", "--format", "gdelt-csv", "--db", store_location, "--output", "-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 9  # header and 8 events
    assert main(["export", "--format", "parquet", "--db", store_location, "-o", "-"]) == 2
