"""One answer per question: "China -> Russia in 2023" through `events`, `events --clusters`, `dyad --events`, the
dyad series and the GDELT-style export gives one count of event reports and one count of events, on SQLite
and PostgreSQL. The rules (entente.store.record): a report's date is the event's own, else its article's
publication date; negated and hypothetical reports are left out; an event cluster counts once, where its first
report stands.
And evidence at hand: `show` of an event and of a cluster, names in tables, booleans as booleans.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from entente.cli import main


def run(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_the_same_question_gets_the_same_count_through_every_path(store_location, examples, capsys):
    from entente.store import open_store

    with open_store(store_location) as s:
        s.add(examples)
    reports, clusters = same_answers(capsys, store_location, "CHN", "RUS", "2023")
    # some dated by their article: they carry no date; Blinken's "if China provided material support" is hypothetical
    # and in no answer
    assert len(reports) >= 12 and len(clusters) >= 4
    assert all(r["modality"] != "hypothetical" for r in reports)
    assert {r["dated_by"] for r in reports} == {"event", "published"}


@pytest.mark.shared
def test_the_same_question_gets_the_same_count_over_a_store_of_the_bench_corpus(tmp_path, capsys):
    """The whole bench corpus (2,831 real texts) ingested as a user would, then the busiest dyad of its busiest
    year asked through every path."""
    from collections import Counter

    from .conftest import shared_path

    db = str(tmp_path / "bench.db")
    corpus = shared_path("data", "bench", "corpus.jsonl")
    assert main(["ingest", str(corpus), "--db", db, "--format", "json"]) in (0, 1)  # a few corpus records fail
    capsys.readouterr()
    every = json.loads(run(capsys, "events", "--db", db, "--format", "json", "--limit", "100000"))
    def states(ids: list[str]) -> list[str]:
        return [x for x in ids if len(x) == 3 and x.isupper()]  # country actors' ids are their ISO codes

    pairs = Counter((a, r, e["day"][:4]) for e in every if e["day"]
                    for a in states(e["actor"]) for r in states(e["recipient"]) if a != r)
    # the busiest pairs, asked until one counts an event as well as reports: a reciprocal event's cluster
    # stands where its first report stands, which may be the other way round (DEU -> IRL for IRL -> DEU)
    # (the corpus is mostly undated: its busiest dated dyad-years have two reports each, since events no longer
    # take the article's two main countries as the sides of a meeting no sentence names)
    asked = []
    for (actor, recipient, year), _ in pairs.most_common(10):
        reports, clusters = same_answers(capsys, db, actor, recipient, year)
        asked.append((actor, recipient, year, len(reports), len(clusters)))
        if clusters and len(reports) >= 2:
            break
    assert asked[-1][3] >= 2 and asked[-1][4] >= 1, asked  # most corpus texts are undated: a few reports


def same_answers(capsys, db_location: str, actor: str, recipient: str, year: str) -> tuple[list, list]:
    """Ask "actor -> recipient in year" through `events`, `dyad --events`, `events --clusters`, the dyad series,
    the GDELT-style export and the REST API's handlers; assert one answer; return the reports and clusters."""
    from entente.store import open_store

    db = ("--db", db_location)
    span = ("--from", year, "--to", year)
    reports = json.loads(run(capsys, "events", "--actor", actor, "--recipient", recipient, *span, *db, "--format",
                             "json", "--limit", "100000"))
    dyad_reports = json.loads(run(capsys, "dyad", actor, recipient, "--events", *span, *db, "--format", "json",
                                  "--limit", "100000"))
    clusters = json.loads(run(capsys, "events", "--actor", actor, "--recipient", recipient, *span, *db, "--clusters",
                              "--format", "json", "--limit", "100000"))
    series = json.loads(run(capsys, "dyad", actor, recipient, "--by", "year", *span, *db, "--format", "json"))
    exported = [r for r in csv.DictReader(io.StringIO(run(capsys, "export", "--format", "gdelt-csv", "-o", "-", *db)))
                if r["Year"] == year and actor in r["Actor1CountryCodes"].split(";")
                and recipient in r["Actor2CountryCodes"].split(";")]

    assert len(reports) == len(dyad_reports)
    assert {(r["article_id"], r["id"]) for r in reports} == {(r["article_id"], r["id"]) for r in dyad_reports}
    assert dyad_reports == reports  # the same reports, in the same order, in the same shape
    assert all(r["day"][:4] == year and not r["negated"] for r in reports)
    assert len(clusters) == series["total"]["events"] == len(exported)
    assert {c["id"] for c in clusters} == {r["GlobalEventID"] for r in exported}
    assert {r["cluster_id"] for r in reports} >= {c["id"] for c in clusters}  # each event has its reports here

    # ... and the REST API's handlers (entente.serve.resources, over the same query layer), page by page
    pytest.importorskip("fastapi")
    from entente.serve import resources

    with open_store(db_location, "read") as s:
        f = resources.event_filters(s, actor, recipient, None, year, year, negated=False)
        api_reports = _all(lambda cursor: resources.event_list(s, f, cursor, 7), "events")
        api_clusters = _all(lambda cursor: resources.cluster_list(s, f, cursor, 3), "clusters")
        api_series = resources.dyad(s, actor, recipient, "year", False, year, year, year, 200)
    assert [(r["article_id"], r["id"]) for r in api_reports] == [(r["article_id"], r["id"]) for r in reports]
    assert [c["id"] for c in api_clusters] == [c["id"] for c in clusters]
    assert api_series["total"]["events"] == len(clusters) and len(api_series["events"]) == len(reports)
    assert api_reports == reports and api_clusters == clusters  # one JSON shape, one type per field
    return reports, clusters


def _all(page, key: str) -> list[dict]:
    """Every item of a paged API list, following its cursors."""
    found, cursor = [], None
    while True:
        answer = page(cursor)
        found += answer[key]
        cursor = answer["next"]
        if cursor is None:
            return found


def test_show_prints_an_event_and_a_cluster_with_their_evidence(store_location, examples, capsys):
    from entente.store import open_store

    with open_store(store_location) as s:
        s.add(examples)
    db = ("--db", store_location)
    event = run(capsys, "show", "f95a3ce71af8e662", *db, "--format", "table")
    assert "actor:     Xi Jinping" in event and "recipient: Vladimir Putin" in event
    assert "happened, asserted" in event and "sentence:  Председатель КНР Си Цзиньпин" in event
    assert "outlet:    Новости дня (ru)" in event and "cluster:f95a3ce71af8e662" in event
    cluster = run(capsys, "show", "cluster:f95a3ce71af8e662", *db, "--format", "table")
    assert cluster.splitlines()[1] == "  China -> Russia" and "2 articles, 2 outlets, 2 languages" in cluster
    assert "Ukrinform" in cluster and all(len(line) <= 120 for line in cluster.splitlines())
    assert json.loads(run(capsys, "show", "f95a3", *db))[0]["sentence"].startswith("Председатель")
    assert main(["show", "ffffffffffff", *db]) == 1


def test_tables_show_names_and_fit_120_columns(store_location, examples, capsys, monkeypatch):
    from entente.store import open_store

    monkeypatch.delenv("COLUMNS", raising=False)
    with open_store(store_location) as s:
        s.add(examples)
    db = ("--db", store_location)
    for argv in (["events"], ["events", "--clusters"], ["dyad", "CHN", "RUS", "--events"], ["search", "Путин"],
                 ["quotes"], ["actors"], ["show", examples[0][1].id, "--format", "table"]):
        out = run(capsys, *argv, *db)
        assert out and all(len(line) <= 120 for line in out.splitlines()), argv
    assert "Xi Jinping" in run(capsys, "events", "--actor", "CHN", *db)
    assert "person:xi-jinping" not in run(capsys, "events", "--actor", "CHN", *db)


def test_booleans_are_booleans_in_every_json(store_location, examples, capsys):
    from entente.store import open_store

    with open_store(store_location) as s:
        s.add(examples)
    db = ("--db", store_location)
    found = [json.loads(run(capsys, "events", *db, "--format", "json", "--negated")),
             json.loads(run(capsys, "dyad", "CHN", "RUS", "--events", *db, "--format", "json")),
             [e for c in json.loads(run(capsys, "events", "--clusters", *db, "--format", "json")) for e in c["events"]],
             json.loads(run(capsys, "show", examples[0][1].id, *db))["events"]]
    for rows in found:
        assert rows
        for r in rows:
            assert isinstance(r["negated"], bool) and isinstance(r["historical"], bool), r


def test_the_clusters_csv_names_countries_and_carries_evidence(store_location, examples, capsys):
    from entente.store import open_store

    with open_store(store_location) as s:
        s.add(examples)
        people = {x["id"] for x in s.actors(type="person", limit=1000)}
    db = ("--db", store_location)
    rows = list(csv.DictReader(io.StringIO(run(capsys, "events", "--clusters", *db, "--format", "csv",
                                                "--limit", "1000"))))
    assert len(rows) >= 30
    for r in rows:
        for key in ("actor_countries", "recipient_countries"):
            assert not set(filter(None, r[key].split(";"))) & people, r  # countries, not people
        assert r["sentence"] and r["source"] is not None
    spokesman = next(r for r in rows if "person:oleg-nikolenko" in r["actor"].split(";"))
    assert spokesman["actor_countries"] == "UKR"  # he has no country of his own; his ministry's is Ukraine
    meeting = next(r for r in rows if r["id"] == "f95a3ce71af8e662")
    assert (meeting["actor"], meeting["recipient"]) == ("person:xi-jinping", "person:vladimir-putin")
