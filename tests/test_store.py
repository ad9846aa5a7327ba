"""The store, one suite for both backends: every test that takes `store` or `store_location` runs on a SQLite
file and on the local PostgreSQL server (see conftest.py).

Real data: the bundled examples, analyzed once; events are built by hand as real `Event` values.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from importlib import resources
from types import SimpleNamespace

import pytest

from entente.cli import main
from entente.errors import QueryError, StoreError
from entente.models import Actor, Analysis, Article, Event, Mention, Paragraph, Quote, Removed
from entente.store import open_store
from entente.store.rows import name_key
from entente.store.tsquery import to_tsquery
from tests.conftest import EXAMPLES

# the newest migration's number: every store opens at it
LATEST = max(int(p.name[:4]) for p in (resources.files("entente.store") / "migrations" / "sqlite").iterdir()
             if p.name.endswith(".sql"))


def plain(a: Analysis) -> dict:
    """What the store gives back for an analysis: its to_dict() as JSON would carry it."""
    return json.loads(json.dumps(a.to_dict()))


def before_0009(d: dict) -> dict:
    """What a store migrated from before 0009 gives back: it could not say why a person was linked nor
    whether a name was romanized (events read back without their rule: see the test)."""
    for actor in d["actors"]:
        actor["romanized"] = False
        for m in actor["mentions"]:
            m["why"] = ""
    return d


# --- storing ---------------------------------------------------------------------------------------------------


def test_adding_is_idempotent_by_content(store, examples):
    assert store.add(examples) == (len(examples), 0)
    assert store.add(examples) == (0, len(examples))
    # a batch holding the same article twice stores it once
    copy = [(Article(file="elsewhere.txt", text=examples[0][0].text), examples[0][1])]
    assert store.add(copy + copy) == (0, 2)
    stats = store.stats()
    assert stats["articles"] == len(examples)
    assert stats["schema_version"] == LATEST
    assert store.has(examples[0][1].id) and not store.has("0" * 16)


def test_every_article_comes_back_as_it_was_analyzed(store, examples):
    store.add(examples)
    for _, a in examples:
        assert store.get(a.id) == plain(a), a.file
    one = examples[0][1]
    assert store.get(one.id[:8]) == plain(one)  # a unique prefix
    assert store.get("") is None  # every id starts so: not unique
    assert store.get("nothing") is None


def test_actors_mentions_and_quotes_have_their_rows(store, examples):
    store.add(examples)
    stats = store.stats()
    actors = {x.id for _, a in examples for x in a.actors}
    assert stats["actors"] == len(actors) > 50
    assert stats["mentions"] == sum(len({(m.start, m.end) for m in x.mentions}) for _, a in examples
                                    for x in a.actors)
    assert stats["quotes"] == sum(len(a.quotes) for _, a in examples) > 10
    listed = store.actors(limit=1000)
    assert {x["id"] for x in listed} == actors
    putin = next(x for x in listed if x["id"] == "person:vladimir-putin")
    assert putin["name"] == "Vladimir Putin" and putin["type"] == "person" and putin["country"] == "RUS"
    assert putin["articles"] == sum(any(x.id == putin["id"] for x in a.actors) for _, a in examples)


def test_a_failing_batch_leaves_nothing_behind(store, examples):
    store.add(examples[:2])
    # a removed line without its reason, which the store refuses; not a Removed: compiled (make fast), Removed
    # itself refuses the None
    broken = replace(examples[3][1], removed=(SimpleNamespace(line=1, text="Политика", reason=None),))
    with pytest.raises(StoreError):
        store.add([examples[2], (examples[3][0], broken)])
    assert store.stats()["articles"] == 2
    assert not store.has(examples[2][1].id)
    assert store.add(examples) == (len(examples) - 2, 2)  # the store is still usable


def test_text_with_a_nul_character_keeps_its_offsets(store):
    text = "Посол\x00России встретился с Ван И."
    a = Analysis(id="00ff00ff00ff00ff", file="nul.txt", text=text, paragraphs=(Paragraph(0, len(text), "ru"),),
                 actors=(Actor("RUS", "Russia", "country", "RUS", None, (Mention(6, 12, "России"),)),))
    assert store.add([(Article(file="nul.txt", text=text), a)]) == (1, 0)
    got = store.get(a.id)
    assert len(got["text"]) == len(text) and got["text"][6:12] == "России"
    assert got["actors"][0]["mentions"] == [{"start": 6, "end": 12, "text": "России", "why": ""}]


# --- full-text search ------------------------------------------------------------------------------------------


def expected(examples, test) -> set[str]:
    return {a.id for _, a in examples if test(f"{a.title or ''}\n{a.text}".casefold())}


def has_word(word: str, prefix: bool = False):
    end = "" if prefix else r"(?!\w)"
    pattern = re.compile(r"(?<!\w)" + re.escape(word.casefold()) + end)
    return lambda text: bool(pattern.search(text))


@pytest.mark.parametrize("query, test", [
    ("Лавров", has_word("лавров")),
    ("Лавров*", has_word("лавров", prefix=True)),
    ("Путін Сі", lambda t: has_word("путін")(t) and has_word("сі")(t)),
    ('"Ван И"', lambda t: bool(re.search(r"(?<!\w)ван\s+и(?!\w)", t))),
    ("Modi OR Моди", lambda t: has_word("modi")(t) or has_word("моди")(t)),
    ("Путин NOT Лавров", lambda t: has_word("путин")(t) and not has_word("лавров")(t)),
    ("(Путин OR Путін) AND Москв*", lambda t: (has_word("путин")(t) or has_word("путін")(t))
     and has_word("москв", prefix=True)(t)),
])
def test_search_has_the_same_meaning_on_both_backends(store, examples, query, test):
    store.add(examples)
    want = expected(examples, test)
    assert want, query  # the examples do contain it
    hits = store.search(query, limit=100)
    assert {h["id"] for h in hits} == want
    assert all("[" in h["snippet"] for h in hits if h["snippet"])


@pytest.mark.parametrize("query, reason", [
    ("Лавров)", "without its '('"), ("(Лавров", "not closed"), ('"Ван И', "quote is not closed"),
    ("Lavrov -Putin", "no '-' operator"), ("Лавров OR", "ends with an operator"), ("NOT Путин", "before it"),
    ("Лав*ров", "only at the end"), (" ".join(["Путин"] * 100), "more than 64 words"),
])
def test_a_query_that_does_not_parse_is_an_error_not_a_rewrite(store, examples, query, reason):
    store.add(examples)
    with pytest.raises(QueryError, match=re.escape(reason)) as e:
        store.search(query)
    assert "e.g." in str(e.value)  # with an example of the syntax


def test_words_with_punctuation_are_searched_as_written(store, examples):
    store.add(examples)
    assert store.search("  ") == []
    assert {h["id"] for h in store.search("Лавров,", limit=100)} == expected(examples, has_word("лавров"))
    store.search("U.S. российско-китайского a:b")  # no column filters, no syntax errors


def test_queries_translate_to_tsquery():
    assert to_tsquery("Лавров Ван") == "'Лавров' & 'Ван'"
    assert to_tsquery('"Ван И" OR Моди*') == "'Ван И' | 'Моди':*"
    assert to_tsquery("Китай NOT Тайвань") == "'Китай' & !'Тайвань'"
    assert to_tsquery("(a OR b) c") == "('a' | 'b') & 'c'"
    assert to_tsquery("NOT x") == "!'x'"
    assert to_tsquery("it's") == "'it''s'"


# --- actors ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, actor_id", [
    ("person:vladimir-putin", "person:vladimir-putin"),
    ("rus", "RUS"),
    ("Путин", "person:vladimir-putin"),         # as seen in Russian
    ("ПУТІН", "person:vladimir-putin"),         # Ukrainian, any case
    ("Putin", "person:vladimir-putin"),         # English, a word of "Vladimir Putin"
    ("Владимира Путина", "person:vladimir-putin"),  # an inflected form not seen: by its stem
    ("Лаврова", "person:sergey-lavrov"),
    ("Си Цзиньпин", "person:xi-jinping"),
    ("Xi Jinping", "person:xi-jinping"),
    ("Цзиньп", "person:xi-jinping"),            # a prefix
])
def test_a_name_in_any_language_finds_its_actor(store, examples, name, actor_id):
    store.add(examples)
    found = store.find_actors(name)
    assert found and found[0]["id"] == actor_id, found


def test_an_unknown_name_finds_nothing(store, examples):
    store.add(examples)
    assert store.find_actors("Бонапарт") == []
    assert store.find_actors("  ") == []
    assert name_key(" Пётр  ПОРОШЕНКО ") == "петр порошенко"


def test_an_id_as_stored_wins_over_its_namesakes_in_another_case(store, examples):
    from entente.errors import UsageError
    from entente.store.resolve import resolve

    store.add(examples)  # the bench corpus holds both org:EP (European Parliament) and org:ep (an unknown "EP")
    store._executemany("INSERT INTO actors (id, name, type) VALUES (?, ?, ?)", [("Person:Xi-Jinping", "Xi", "person")])
    assert resolve(store, "person:xi-jinping").actor["id"] == "person:xi-jinping"
    assert resolve(store, "Person:Xi-Jinping").actor["id"] == "Person:Xi-Jinping"
    with pytest.raises(UsageError, match="names several stored actors"):
        resolve(store, "PERSON:XI-JINPING")  # neither as stored: the user chooses


def test_actors_filter_by_type_and_country(store, examples):
    store.add(examples)
    people = store.actors(type="person", limit=1000)
    assert people and all(x["type"] == "person" for x in people)
    chinese = store.actors(country="CHN", limit=1000)
    assert {"CHN", "person:xi-jinping"} <= {x["id"] for x in chinese}
    assert all(x["country"] == "CHN" for x in chinese)
    top = store.actors(limit=3)
    assert len(top) == 3 and top[0]["articles"] >= top[1]["articles"] >= top[2]["articles"]


def test_actor_profile(store, examples):
    store.add(examples)
    p = store.actor("person:xi-jinping")
    mine = [a for _, a in examples if any(x.id == "person:xi-jinping" for x in a.actors)]
    assert p["name"] == "Xi Jinping" and p["articles"] == len(mine)
    assert sum(m["articles"] for m in p["months"]) + p["undated"] == p["articles"]
    assert [m["month"] for m in p["months"]] == sorted({a.published[:7] for a in mine
                                                        if a.published and len(a.published) >= 7})
    assert p["mentions"] == sum(n["mentions"] for n in store.actor("person:xi-jinping", top=100)["names"])
    assert {"Си Цзиньпин", "Сі Цзіньпін", "Xi Jinping"} <= {n["text"] for n in p["names"]}
    together = {x["id"]: x["articles"] for x in p["co_mentioned"]}
    assert "person:xi-jinping" not in together and together["person:vladimir-putin"] >= 2
    assert p["quotes"] and all(q["speaker"] == "person:xi-jinping" for q in p["quotes"])
    assert store.actor("person:nobody") is None


def test_name_counts_add_up_across_batches(store, examples):
    """Each batch's names and actors are upserted (PostgreSQL stages them through COPY from STAGE_FROM rows):
    a name's count is the sum over every batch, and an actor seen again is not duplicated."""
    from entente.store.postgres import STAGE_FROM

    half = len(examples) // 2
    store.add(examples[:half])
    store.add(examples[half:])
    counts: Counter[str] = Counter()  # a name is counted under its key (case and spacing folded)
    for _, a in examples:
        for x in a.actors:
            if x.id == "person:vladimir-putin":
                counts.update(name_key(m.text) for m in {(m.start, m.end): m for m in x.mentions}.values())
    stored = store.actor("person:vladimir-putin", top=100)["names"]
    names = Counter({name_key(n["text"]): n["mentions"] for n in stored})
    assert len({x.id for _, a in examples[:half] for x in a.actors}) >= STAGE_FROM  # the staged path is taken
    assert names == counts and sum(counts.values()) > 10
    assert store.stats()["actors"] == len({x.id for _, a in examples for x in a.actors})


def test_quotes_by_speaker(store, examples):
    store.add(examples)
    everything = store.quotes(limit=1000)
    assert len(everything) == sum(len(a.quotes) for _, a in examples)
    dates = [q["published"] for q in everything if q["published"]]
    assert dates == sorted(dates, reverse=True)
    xi = store.quotes(speaker="person:xi-jinping")
    assert len(xi) == sum(q.speaker == "person:xi-jinping" for _, a in examples for q in a.quotes) >= 2
    for q in xi:
        assert isinstance(q["partial"], bool) and q["speaker_name"] == "Xi Jinping"
        assert store.get(q["article_id"])["text"][q["start"]:q["end"]] == q["text"]
    assert store.quotes(speaker="person:nobody") == []


# --- events ----------------------------------------------------------------------------------------------------


def event(id: str, type: str, actor: tuple[str, ...], recipient: tuple[str, ...], date: str | None, **kw) -> Event:
    fields = dict(mode=None, context=(), location=None, negated=False, modality="asserted", trigger="встретился",
                  sentence="Путин встретился с Си Цзиньпином.", start=0, end=33, confidence=0.9)
    return Event(id, type, actor=actor, recipient=recipient, date=date, **{**fields, **kw})


ACTORS = (Actor("person:vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV", (Mention(0, 5, "Путин"),)),
          Actor("person:xi-jinping", "Xi Jinping", "person", "CHN", "GOV", (Mention(19, 32, "Си Цзиньпином"),)),
          # with no mention in the text: actors the headline alone names (the store reads them back so)
          Actor("CHN", "China", "country", "CHN", headline=True), Actor("USA", "United States", "country", "USA",
                                                                         headline=True))
EVENTS = [
    event("e1", "CONSULT", ("person:vladimir-putin",), ("person:xi-jinping",), "2023-03-21", mode="visit",
          context=("diplomatic",)),
    event("e2", "AGREE", ("person:vladimir-putin", "person:xi-jinping"), (), "2023-03", context=("economic",)),
    event("e3", "ACCUSE", ("CHN",), ("USA",), "2024-01-05", negated=True, modality="future"),
    event("e4", "CONSULT", ("person:xi-jinping",), ("person:vladimir-putin",), None),
]


def with_events(events: list[Event]) -> tuple[Article, Analysis]:
    text = "Путин встретился с Си Цзиньпином."
    a = Analysis(id=Article(file="events.txt", text=text).id, file="events.txt", lang="ru", published="2023-03-22",
                 source="ТАСС", text=text, paragraphs=(Paragraph(0, len(text), "ru"),),
                 removed=(Removed(1, "Политика", "rubric"),), actors=ACTORS,
                 quotes=(Quote("person:vladimir-putin", "Путин", "встретился", 6, 16, True),), events=tuple(events))
    return Article(file="events.txt", text=text), a


def ids(rows) -> list[str]:
    return [r["id"] for r in rows]


def test_events_query_on_an_empty_table(store, examples):
    assert store.events() == []
    assert store.events(actor="RUS", recipient="CHN", type="CONSULT", date_from="2020") == []
    store.add(examples)  # whatever events the pipeline codes, each comes back with its article
    for e in store.events(limit=1000):
        assert e["type"] and e["article_id"] and isinstance(e["actor"], list) and isinstance(e["negated"], bool)


def test_events_filtered_by_actor_recipient_type_and_date(store):
    article, a = with_events(EVENTS)
    store.add([(article, a)])
    assert store.get(a.id) == plain(a)  # events come back whole, in order
    # by day as text ("2023-03" first); a day is the event's own date, else its article's publication date
    assert ids(store.events()) == ["e2", "e1", "e4", "e3"]
    assert [(r["day"], r["dated_by"]) for r in store.events()][2] == ("2023-03-22", "published")
    assert ids(store.events(actor="person:vladimir-putin")) == ["e2", "e1"]
    assert ids(store.events(actor="RUS")) == ["e2", "e1"]  # a country code takes its people
    assert ids(store.events(actor="CHN")) == ["e2", "e4", "e3"]
    assert ids(store.events(actor="RUS", recipient="CHN")) == ["e1"]
    assert ids(store.events(recipient=["USA", "person:vladimir-putin"])) == ["e4", "e3"]
    assert ids(store.events(type="CONSULT")) == ["e1", "e4"]
    assert ids(store.events(mode="visit")) == ["e1"]
    assert ids(store.events(context="economic")) == ["e2"]
    assert ids(store.events(date_from="2023-03-01", date_to="2023-12")) == ["e1", "e4"]  # "2023-03" is not after
    assert ids(store.events(date_from="2023-03", date_to="2023-03")) == ["e2", "e1", "e4"]  # e4: its article's day
    assert ids(store.events(date_to="2023")) == ["e2", "e1", "e4"]
    assert ids(store.events(negated=True)) == ["e3"]
    assert ids(store.events(negated=False, lang="ru", source="ТАСС", limit=1)) == ["e2"]
    e1 = store.events(type="CONSULT", limit=1)[0]
    assert e1["actor"] == ["person:vladimir-putin"] and e1["recipient"] == ["person:xi-jinping"]
    assert e1["context"] == ["diplomatic"] and e1["negated"] is False and e1["article_id"] == a.id
    assert e1["published"] == "2023-03-22" and e1["confidence"] == pytest.approx(0.9)
    profile = store.actor("person:vladimir-putin")
    assert profile["events"] == {"as_actor": 2, "as_recipient": 1}
    assert store.stats()["events"] == 4


def test_a_dyad_query_reads_event_dyads_and_agrees_with_the_general_query(store, examples):
    """One country (or country-less actor) each side is answered from event_dyads; asking for the same code
    plus one that matches nothing takes the general query: the two must agree, for every pair in the record."""
    store.add(examples)
    from entente.store.query import EventFilters

    assert EventFilters.of(store, "CHN", "RUS").dyad
    assert not EventFilters.of(store, "person:vladimir-putin", "CHN").dyad  # people count for their country there
    assert not EventFilters.of(store, ["CHN", "KAZ"], "RUS").dyad
    pairs = {(r["country_a"], r["country_b"]) for r in store._rows("SELECT country_a, country_b FROM event_dyads")}
    assert ("CHN", "RUS") in pairs
    checked = 0
    for a, b in sorted(pairs):
        for actor, recipient in ((a, b), (b, a)):
            for dates in ({}, {"date_from": "2023-03", "date_to": "2023-03"}):
                fast = store.events(actor=actor, recipient=recipient, limit=1000, **dates)
                general = store.events(actor=[actor, "XX-NONE"], recipient=recipient, limit=1000, **dates)
                assert fast == general, (actor, recipient, dates)
                fast_clusters = store.events(actor=actor, recipient=recipient, clusters=True, **dates)
                assert fast_clusters == store.events(actor=[actor, "XX-NONE"], recipient=recipient, clusters=True,
                                                     **dates)
                checked += len(fast)
    assert checked > 20


def test_postgresql_writers_take_turns(pg_server, examples):
    """A second writer waits while another holds the schema's write turn, then stores its batch: the
    near-duplicate check and the event clusters of each batch see the batches committed before it. (SQLite
    has one writer at a time by itself: BEGIN IMMEDIATE.)"""
    import threading
    import time
    import uuid

    import psycopg

    from entente.store.postgres import WRITE_LOCK_CLASS

    schema = f"entente_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    location = f"{pg_server}{'&' if '?' in pg_server else '?'}options=-csearch_path%3D{schema}"
    try:
        with open_store(location) as second, psycopg.connect(location) as first:
            first.execute("SELECT pg_advisory_xact_lock(%s, hashtext(current_schema()))", (WRITE_LOCK_CLASS,))
            done: list[tuple[int, int]] = []
            writer = threading.Thread(target=lambda: done.append(second.add(examples[:2])))
            writer.start()
            time.sleep(0.5)
            assert writer.is_alive() and not done  # waiting for its turn
            first.commit()  # the first writer's transaction ends, and its turn with it
            writer.join(timeout=30)
            assert done == [(2, 0)] and second.stats()["articles"] == 2
    finally:
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


# --- schema ----------------------------------------------------------------------------------------------------


def test_a_version_1_database_migrates_forward_without_losing_rows(store_location, examples):
    from entente.store.postgres import PostgresStore, is_url
    from entente.store.sqlite import SQLiteStore

    old = PostgresStore(store_location, upto=1) if is_url(store_location) else SQLiteStore(store_location, upto=1)
    assert old.version == 1
    cast = "?::json" if is_url(store_location) else "?"
    old._executemany(
        f"INSERT INTO articles (id, content_hash, file, line, url, lang, title, published, source, text, analysis)"
        f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {cast})",
        [(a.id, art.content_hash, a.file, art.line, a.url, a.lang, a.title, a.published, a.source, a.text,
          json.dumps(a.to_dict(), ensure_ascii=False)) for art, a in examples])
    old.close()

    with open_store(store_location) as new:
        assert new.version == LATEST
        assert new.stats()["articles"] == len(examples)
        for _, a in examples:
            # events stored before 0004 could not say whether they were historical, nor before 0009 which rule
            # made them: they read back as not historical, with no rule
            old_events = tuple(replace(e, historical=False, rule="") for e in a.events)
            assert new.get(a.id) == before_0009(plain(replace(a, events=old_events))), a.file
        assert new.find_actors("Путін")[0]["id"] == "person:vladimir-putin"
        assert {h["id"] for h in new.search("Лавров*", limit=100)} == expected(examples, has_word("лавров", True))
        assert new.add(examples) == (0, len(examples))


def test_a_newer_schema_is_refused(store_location):
    with open_store(store_location) as s:
        s._executemany("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [(99, "future")])
    with pytest.raises(StoreError, match="newer"):
        open_store(store_location)


def test_the_sqlite_file_is_plain_tables_for_datasette(tmp_path, examples):
    import sqlite3

    db = tmp_path / "plain.db"
    with open_store(str(db)) as s:
        s.add(examples)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        kinds = dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
        virtual = {n for n, sql in kinds.items() if sql.upper().startswith("CREATE VIRTUAL TABLE")}
        assert virtual == {"articles_fts"} and "fts5" in kinds["articles_fts"]
        assert 'content="articles"' in kinds["articles_fts"]  # how datasette finds a table's search index
        for table in kinds:  # every table reads with a plain SELECT, like datasette's table view
            con.execute(f"SELECT * FROM [{table}] LIMIT 5").fetchall()
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        links = {(t, r[2]) for t in kinds if t not in virtual for r in con.execute(f"PRAGMA foreign_key_list([{t}])")}
        assert {("mentions", "articles"), ("mentions", "actors"), ("quotes", "articles")} <= links
    finally:
        con.close()


# --- command line ----------------------------------------------------------------------------------------------


def test_record_commands(store_location, examples, capsys):
    with open_store(store_location) as s:
        s.add(examples)
    capsys.readouterr()

    assert main(["actors", "--db", store_location, "--format", "json", "--type", "person", "--limit", "3"]) == 0
    people = json.loads(capsys.readouterr().out)
    assert len(people) == 3 and all(x["type"] == "person" for x in people)

    assert main(["actors", "--db", store_location, "--format", "csv", "--country", "CHN"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id,name,type,country,sector,articles,mentions" and any(",CHN," in ln for ln in lines[1:])

    assert main(["actor", "Путін", "--db", store_location, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "person:vladimir-putin"
    assert main(["actor", "Си Цзиньпин", "--db", store_location]) == 0
    out = capsys.readouterr().out
    assert out.startswith("person:xi-jinping  Xi Jinping") and "by month:" in out and "mentioned with:" in out

    assert main(["actor", "Бонапарт", "--db", store_location]) == 2  # an unknown name: a usage error
    assert "no stored actor matches" in capsys.readouterr().err

    assert main(["quotes", "--speaker", "Xi Jinping", "--db", store_location, "--format", "json"]) == 0
    quotes = json.loads(capsys.readouterr().out)
    assert quotes and {q["speaker"] for q in quotes} == {"person:xi-jinping"}
    assert main(["quotes", "--db", store_location, "--limit", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3  # header and two quotes


def test_ingest_stores_actors_mentions_and_quotes(store_location, capsys):
    page = str(EXAMPLES / "ru_01_xi_moscow_visit.txt")
    assert main(["ingest", page, "--db", store_location, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["new"] == 1
    with open_store(store_location) as s:
        stats = s.stats()
        assert stats["articles"] == 1 and stats["actors"] > 3 and stats["mentions"] > 10 and stats["quotes"] >= 2
        assert s.quotes(speaker="person:xi-jinping")
