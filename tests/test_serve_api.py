"""The REST API of `entente serve`, called over HTTP on a real server process over a real store (the examples and
a hostile article), on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import time
from urllib.parse import quote

import pytest

from tests.serve_support import HOSTILE_TITLE, build_store, drop_schema, pg_schema_url, require_serve_extra, serve


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(request, tmp_path_factory, examples, pipeline):
    require_serve_extra()
    if request.param == "sqlite":
        location = str(tmp_path_factory.mktemp("serve") / "store.db")
        hostile = build_store(location, examples, pipeline)
        yield from serve(location, hostile)
        return
    pg = request.getfixturevalue("pg_server")
    location, schema = pg_schema_url(pg)
    try:
        hostile = build_store(location, examples, pipeline)
        yield from serve(location, hostile)
    finally:
        drop_schema(pg, schema)


def test_openapi_schema_lists_every_endpoint(server):
    schema = server.json("/api/openapi.json")
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{article_id}/{event_id}",
            "/api/clusters", "/api/clusters/{cluster_id}", "/api/dyads/{a}/{b}", "/api/actors",
            "/api/actors/{actor_id}", "/api/graph", "/api/stats", "/api/export/{fmt}"} <= set(schema["paths"])


def test_search_with_facets_narrows(server):
    found = server.json("/api/articles?q=" + quote("Путин"))
    assert found["total"] >= 3 and found["articles"]
    langs = {f["value"]: f["count"] for f in found["facets"]["lang"]}
    assert "ru" in langs and sum(langs.values()) == found["total"]
    narrowed = server.json("/api/articles?q=" + quote("Путин") + "&lang=ru")
    assert narrowed["total"] == langs["ru"] and {a["lang"] for a in narrowed["articles"]} == {"ru"}
    by_type = server.json("/api/articles?type=CONSULT&limit=100")
    assert by_type["total"] == next(f["count"] for f in server.json("/api/articles")["facets"]["type"]
                                    if f["value"] == "CONSULT")


def test_articles_page_with_a_cursor(server):
    first = server.json("/api/articles?limit=5")
    assert len(first["articles"]) == 5 and first["next"]
    second = server.json(f"/api/articles?limit=5&cursor={first['next']}")
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}


def test_article_has_its_evidence_with_offsets(server):
    hit = server.json("/api/articles?q=" + quote("Токаев"))["articles"][0]
    a = server.json(f"/api/articles/{hit['id']}")
    assert a["text"] and a["actors"] and a["events"] and a["removed"] is not None
    for e in a["events"]:
        assert a["text"][e["start"]:e["end"]].strip() and "rule" in e and e["actor_names"] is not None
    for m in a["mentions"]:
        assert a["text"][m["start"]:m["end"]] == m["text"]
    for q in a["quotes"]:
        assert q["text"] in a["text"][q["start"]:q["end"]] or a["text"][q["start"]:q["end"]] in q["text"]


def test_events_by_dyad_type_and_date_page_through(server):
    everything = server.json("/api/events?actor=CHN&recipient=RUS&limit=200")["events"]
    assert everything and all("CHN" in e["actor"] or e["actor_names"] for e in everything)
    days = [e["day"] for e in everything]
    dated = [d for d in days if d]
    assert dated == sorted(dated) and days == dated + [None] * (len(days) - len(dated))  # oldest first, undated last
    pages, cursor = [], ""
    while True:
        page = server.json(f"/api/events?actor=CHN&recipient=RUS&limit=2{cursor}")
        pages += page["events"]
        if not page["next"]:
            break
        cursor = f"&cursor={page['next']}"
    assert [(e["article_id"], e["id"]) for e in pages] == [(e["article_id"], e["id"]) for e in everything]
    dated = server.json("/api/events?actor=CHN&recipient=RUS&from=2023&to=2023-12&type=consult")
    assert dated["filters"]["type"] == "CONSULT"
    assert all(e["type"] == "CONSULT" and e["day"].startswith("2023") for e in dated["events"])
    by_name = server.json("/api/events?actor=" + quote("Путін"))
    assert by_name["filters"]["actor"] == "person:vladimir-putin" and by_name["events"]


@pytest.mark.parametrize(("path", "param", "words"), [
    ("/api/events?type=MEET", "type", "unknown PLOVER type"),
    ("/api/events?from=2023-02-30", "from", "not a date"),
    ("/api/events?from=2024&to=2023", "from", "after"),
    ("/api/events?actor=Zorgon", "actor", "no stored actor matches"),  # the command line's words
    ("/api/events?actor=Lavrovs", "actor", "closest stored: person:sergey-lavrov"),  # no fuzzy pick, as on the CLI
    ("/api/dyads/Lavrovs/CHN", "a", "closest stored: person:sergey-lavrov"),
    ("/api/events?cursor=bm9wZQ", "cursor", "not a cursor"),
    ("/api/articles?cursor=Wzk5OTk5OTk5OTk5OTk5OTk5OTk5XQ", "cursor", "not a cursor"),  # [99999999999999999999]
    ("/api/events?limit=0", "limit", "limit"),
    ("/api/articles?month=2023", "month", "not a month"),
    ("/api/dyads/CHN/XXX", "b", "no stored actor matches"),
    ("/api/dyads/CHN/RUS?by=week", "by", "not one of"),
    ("/api/actors/nobody", "id", "no actor"),
    ("/api/articles/0000000000000000", "id", "no article"),
    ("/api/clusters/nothing", "id", "no event cluster"),
    ("/api/events/x/y", "event_id", "no event"),
    ("/api/articles?q=" + "x" * 300, "q", "at most 200"),
    ("/api/graph?min_weight=99999999999999999999", "min_weight", "less than or equal"),  # found by schemathesis
    ("/graph.json?min_weight=99999999999999999999", "min_weight", "not between"),
])
def test_mistakes_are_4xx_problems_that_say_what_was_wrong(server, path, param, words):
    code, headers, body = server.get(path)
    assert 400 <= code < 500, (path, code)
    assert headers["content-type"].startswith("application/problem+json")
    problem = json.loads(body)
    assert problem["status"] == code and problem["param"] == param, problem
    assert words.lower() in problem["detail"].lower(), problem


def test_event_with_its_evidence_and_cluster(server):
    e = server.json("/api/events?actor=CHN&recipient=RUS&limit=1")["events"][0]
    one = server.json(f"/api/events/{e['article_id']}/{e['id']}")
    assert one["sentence"] == e["sentence"] and one["trigger"] and "rule" in one
    assert one["cluster"]["id"] == one["cluster_id"] and one["cluster"]["events"]
    clusters = server.json("/api/clusters?actor=CHN&recipient=RUS&limit=200")["clusters"]
    assert one["cluster_id"] in {c["id"] for c in clusters}
    every = server.json("/api/clusters?limit=200")["clusters"]
    paged, cursor = [], ""
    while True:
        page = server.json(f"/api/clusters?limit=7{cursor}")
        paged += page["clusters"]
        if not page["next"]:
            break
        cursor = f"&cursor={page['next']}"
    assert [c["id"] for c in paged] == [c["id"] for c in every] and len({c["id"] for c in every}) == len(every)
    several = [c for c in every if c["reports"] > 1]
    assert several and len({r["article_id"] for r in several[0]["events"]}) == several[0]["reports"]


def test_dyad_series_and_the_reports_behind_a_period(server):
    d = server.json("/api/dyads/CHN/RUS?by=month")
    busy = max(d["periods"], key=lambda p: p["events"])
    assert busy["events"] and set(busy["quads"]) == set(d["quad_names"])
    behind = server.json(f"/api/dyads/CHN/RUS?period={busy['period']}")
    assert len(behind["events"]) >= busy["events"] and all(e["day"].startswith(busy["period"])
                                                          for e in behind["events"])


def test_actors_and_a_profile(server):
    found = server.json("/api/actors?q=" + quote("Путіна"))["actors"]
    assert found[0]["id"] == "person:vladimir-putin"
    profile = server.json("/api/actors/person:vladimir-putin")
    assert profile["names"] and profile["months"] and profile["counterparts"] and profile["co_mentioned"]
    assert server.json("/api/actors?country=RUS&limit=5")["actors"][0]["country"] == "RUS"


def test_graph_links_actors_by_events_and_co_mentions(server):
    g = server.json("/api/graph?countries=RUS,CHN&edges=20")
    ids = {n["id"] for n in g["nodes"]}
    assert g["events"] and g["co_mentions"] and "CHN" in ids and "RUS" in ids
    assert all(e["source"] in ids and e["target"] in ids and e["weight"] >= 1 for e in g["events"] + g["co_mentions"])
    assert server.json("/api/graph?from=2030")["nodes"] == []


def test_hostile_article_comes_back_as_data(server):
    a = server.json(f"/api/articles/{server.hostile_id}")
    assert a["title"] == HOSTILE_TITLE and "\u202e" in a["text"]  # the API gives the record as stored
    _, _, body = server.get(f"/api/articles/{server.hostile_id}")  # ... with the bidi override escaped, as
    assert "\u202e".encode() not in body and b"\\u202e" in body  # `curl` would show it in a terminal


def test_every_answer_has_a_strict_content_security_policy(server):
    for path in ("/", "/api/stats", "/nope", "/static/app.js"):
        _, headers, _ = server.get(path)
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_pages_have_json_twins(server):
    assert server.json("/events?actor=CHN&format=json") == server.json("/api/events?actor=CHN")
    assert server.json("/events.json?actor=CHN") == server.json("/api/events?actor=CHN")
    assert server.json(f"/articles/{server.hostile_id}.json") == server.json(f"/api/articles/{server.hostile_id}")
    assert server.json("/actors/RUS?format=json") == server.json("/api/actors/RUS")
    assert server.json("/dyads/CHN/RUS?format=json") == server.json("/api/dyads/CHN/RUS")
    assert server.json("/graph.json") == server.json("/api/graph?edges=60")
    code, headers, body = server.get("/events?type=MEET")
    assert code == 422 and headers["content-type"].startswith("text/html") and b"unknown PLOVER type" in body


def test_exports_stream_every_event(server):
    stats = server.json("/api/stats")
    code, headers, body = server.get("/api/export/plover-jsonl")
    assert code == 200 and headers["content-type"].startswith("application/x-ndjson")
    lines = body.decode("utf-8").splitlines()
    assert len(lines) == stats["events"] and all(json.loads(line)["event"] for line in lines[:5])
    code, headers, body = server.get("/api/export/gdelt-csv")
    assert code == 200 and headers["content-type"].startswith("text/csv")
    assert body.decode("utf-8").splitlines()[0].startswith("GlobalEventID,")
    assert server.get("/api/export/xml")[0] == 422


def test_a_profile_is_kept_until_the_store_changes(server, pipeline):
    from entente.models import Article
    from entente.store import open_store

    before = server.json("/api/actors/person:xi-jinping")
    assert server.json("/api/actors/person:xi-jinping") == before
    text = ("Председатель КНР Си Цзиньпин 5 мая 2024 года провёл переговоры с президентом Франции Эммануэлем "
            "Макроном в Париже.")
    with open_store(server.location) as store:
        store.add([(Article(file="new.txt", text=text), pipeline(Article(file="new.txt", text=text)))])
    for _ in range(50):  # PostgreSQL's table statistics lag its commits by up to about a second
        after = server.json("/api/actors/person:xi-jinping")
        if after["articles"] == before["articles"] + 1:
            break
        time.sleep(0.1)
    assert after["articles"] == before["articles"] + 1
