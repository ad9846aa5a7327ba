"""Near-duplicate articles and event clusters, on both backends (the `store` / `store_location` fixtures run each
test on a SQLite file and on the local PostgreSQL server, as tests/test_store.py does).

Real data: the bundled examples through the real pipeline; re-scrapes are made from their page text. The
rules of clustering are also shown on hand-built events, one rule per case.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from entente.cli import main
from entente.models import Actor, Analysis, Article, Event, Mention, Paragraph
from entente.store import near_dups, open_store
from entente.store.postgres import PostgresStore, is_url
from entente.store.sqlite import SQLiteStore


def example(examples, name: str) -> tuple[Article, Analysis]:
    return next((art, a) for art, a in examples if a.file.endswith(name))


def rescrape(pipeline, article: Article, edit) -> tuple[Article, Analysis]:
    """The same page scraped again: its text edited, then analyzed for real."""
    again = Article(file="rescraped/" + article.file.rsplit("/", 1)[-1], text=edit(article.text))
    return again, pipeline(again)


RU_01, UK_02, RU_03 = "ru_01_xi_moscow_visit.txt", "uk_02_xi_putin_talks.txt", "ru_03_li_shangfu_putin_cp1251.txt"


def other_junk_and_a_word(text: str) -> str:
    """Other page furniture, one word changed, other quote marks: what a second scrape of a page looks like."""
    lines = [ln for ln in text.splitlines() if not ln.startswith(("Просмотров", "Теги"))]
    body = "\n".join(lines).replace("неформальную встречу", "неофициальную встречу").replace("«", '"')
    return "Мир и политика\nЧитайте также: Курс рубля на открытии торгов\n" + body.replace("»", '"') + \
        "\nПодписывайтесь на наш Telegram-канал\nПросмотров: 2 311"


# --- near-duplicate articles -----------------------------------------------------------------------------------


def test_normalized_words():
    assert near_dups.words("Путин, 21 марта 2023 г. встретился с Си: «Ёлки!» — прем'єр") == [
        "путин", "0", "марта", "0", "г", "встретился", "с", "си", "елки", "премєр"]
    assert len(near_dups.shingles("слишком короткий текст")) == 0  # under MIN_WORDS: never matched


def test_lsh_parameters_are_what_datasketch_chooses():
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=near_dups.LSH_THRESHOLD, num_perm=near_dups.NUM_PERM, weights=near_dups.LSH_WEIGHTS)
    assert (lsh.b, lsh.r) == (near_dups.BANDS, near_dups.ROWS)
    # a pair at the decision threshold becomes a candidate with probability >= 0.98
    assert 1 - (1 - near_dups.THRESHOLD ** lsh.r) ** lsh.b >= 0.98


def test_signature_is_datasketchs_minhash():
    """The array computation gives exactly datasketch's MinHash of the same shingle set."""
    import numpy as np
    from datasketch import MinHash

    rng = np.random.default_rng(7)
    for size in (0, 1, 30, 2_000):
        found = np.unique(rng.integers(0, 2**32, size, dtype=np.uint64).astype(np.uint32))
        reference = MinHash(num_perm=near_dups.NUM_PERM, seed=near_dups.SEED, hashfunc=int, scheme="affine32")
        reference.update_batch(found.tolist())
        assert np.array_equal(near_dups.signature(found), reference.hashvalues)


PINNED = ("Председатель КНР Си Цзиньпин и президент России Владимир Путин во вторник провели в Кремле переговоры "
          "в узком и расширенном составе. По их итогам лидеры подписали совместное заявление.")


def test_band_keys_never_change():
    """Stored band keys must keep matching new articles: the band keys of a fixed text are pinned."""
    keys = near_dups.band_keys(near_dups.signature(near_dups.shingles(PINNED)))
    assert len(keys) == near_dups.BANDS == len(set(keys))
    assert keys[:2] == [9206793375509056698, 7910944920183167737]


def test_a_rescrape_is_stored_but_points_to_its_original(store, examples, pipeline):
    store.add(examples)
    original = example(examples, RU_01)[1]
    article, again = rescrape(pipeline, example(examples, RU_01)[0], other_junk_and_a_word)
    assert again.id != original.id and again.text != original.text
    before = store.stats()
    profile = store.actor("person:xi-jinping")
    assert store.add([(article, again)]) == (1, 0)  # stored, nothing lost

    got = store.get(again.id)
    assert got["duplicate_of"] == original.id and 0.6 <= got["duplicate_similarity"] < 1
    assert got["text"] == again.text and len(got["events"]) == len(again.events)
    assert "duplicate_of" not in store.get(original.id)
    assert again.id in {h["id"] for h in store.search("неофициальную")}  # its text is searchable
    after = store.stats()
    assert after["duplicates"] == before["duplicates"] + 1 == 1
    for key in ("articles", "mentions", "quotes", "events", "event_clusters", "languages", "sources"):
        assert after[key] == before[key], key  # a duplicate inflates no count
    assert store.actor("person:xi-jinping") == profile
    assert again.id not in {e["article_id"] for e in store.events(limit=1000)}
    assert again.id not in {q["article_id"] for q in store.quotes(limit=1000)}
    assert {x["articles"] for x in store.actors(limit=1000) if x["id"] == "person:xi-jinping"} == {
        profile["articles"]}


def test_distinct_articles_are_not_duplicates(store, examples):
    store.add(examples)
    assert store.stats()["duplicates"] == 0  # ru_01 and uk_02 report the same meeting, in other words


def test_duplicates_within_one_batch_and_after_reopening(store_location, examples, pipeline):
    article, original = example(examples, RU_01)
    first = rescrape(pipeline, article, other_junk_and_a_word)
    with open_store(store_location) as s:
        s.add([(article, original), first])  # one transaction
        assert s.get(first[1].id)["duplicate_of"] == original.id
    second = rescrape(pipeline, article, lambda t: t.replace("Лавров", "Лавров,").replace("Политика", "Мир"))
    with open_store(store_location) as s:  # the LSH index lives in the database
        s.add([second])
        assert s.get(second[1].id)["duplicate_of"] == original.id
        assert s.stats()["duplicates"] == 2


# --- event clusters --------------------------------------------------------------------------------------------


def clusters_of(store, article_id: str, type: str) -> list[dict]:
    return [c for c in store.events(type=type, limit=1000, clusters=True)
            if article_id in {e["article_id"] for e in c["events"]}]


def test_the_same_meeting_in_russian_and_ukrainian_is_one_cluster(store, examples):
    """ru_01 and uk_02 report the Xi-Putin talks of 21 March 2023; ru_03 another meeting (April 2023)."""
    store.add(examples)
    ru, uk, other = (example(examples, n)[1] for n in (RU_01, UK_02, RU_03))
    both = [c for c in clusters_of(store, ru.id, "CONSULT") if uk.id in {e["article_id"] for e in c["events"]}]
    assert len(both) == 1
    meeting = both[0]
    assert meeting["reports"] == 2 and meeting["languages"] == 2 and meeting["sources"] == 2
    assert {e["article_id"] for e in meeting["events"]} == {ru.id, uk.id}
    assert {e["lang"] for e in meeting["events"]} == {"ru", "uk"}
    assert meeting["actor_countries"] == ["CHN"] and meeting["recipient_countries"] == ["RUS"]
    assert meeting["first"] <= "2023-03-21" <= meeting["last"] and meeting["mentions"] == len(meeting["events"])
    assert other.id not in {e["article_id"] for e in meeting["events"]}
    assert {c["id"] for c in clusters_of(store, other.id, "CONSULT")}.isdisjoint({meeting["id"]})
    # the main talks of each article, coded from the text, sit in that cluster
    for a, trigger in ((ru, "провели в Кремле переговоры"), (uk, "переговори")):
        assert any(e["trigger"] == trigger and e["date"] == "2023-03-21" for e in meeting["events"]
                   if e["article_id"] == a.id)


def test_another_meeting_a_month_later_stays_apart(store, examples, pipeline):
    """ru_03 states no year ("МОСКВА, 16 апреля. /ТАСС/."), so its events are undated and match nothing (above).
    Given its publication date as a feed would give it (2023-04-16), its April reports form clusters of their
    own. Its line «Визит министра проходит ... после государственного визита Си Цзиньпина в Россию,
    состоявшегося 20–22 марта» reports the minister's April visit: the date of the clause that describes
    Xi's visit is not the minister's (an event's time is one named in its own clause), so it stays out of the
    March cluster."""
    article, _ = example(examples, RU_03)
    dated = pipeline(replace(article, published="2023-04-16"))
    assert dated.published == "2023-04-16"
    store.add([x for x in examples if not x[1].file.endswith(RU_03)] + [(article, dated)])
    ru, uk = (example(examples, n)[1] for n in (RU_01, UK_02))
    [march] = [c for c in clusters_of(store, ru.id, "CONSULT") if uk.id in {e["article_id"] for e in c["events"]}]
    assert not [e for e in march["events"] if e["article_id"] == dated.id]
    assert march["reports"] == 2 and march["last"] <= "2023-03-22"
    minister = [e for e in dated.events if e.trigger == "Визит" and "Си Цзиньпина" in e.sentence]
    assert [e.date for e in minister] == [None]
    april = [c for c in clusters_of(store, dated.id, "CONSULT") if c["id"] != march["id"]]
    assert april and all(c["first"] >= "2023-04-16" for c in april if c["first"])
    # the April talks, one cluster: Putin receiving Li Shangfu (the visitor is the actor: CHN -> RUS) and the
    # talks with Shoigu (RUS -> CHN), which CONSULT reads both ways
    pair = {("CHN", "RUS"), ("RUS", "CHN")}
    talks = [c for c in april if {(*c["actor_countries"], *c["recipient_countries"])} <= pair and c["mentions"] >= 2]
    assert len(talks) == 1 and {e["trigger"] for e in talks[0]["events"]} >= {"принял"}


ACTORS = (Actor("CHN", "China", "country", "CHN"), Actor("RUS", "Russia", "country", "RUS"),
          Actor("USA", "United States", "country", "USA"),
          Actor("person:xi-jinping", "Xi Jinping", "person", "CHN", "GOV", (Mention(0, 2, "Си"),)),
          Actor("place:moscow", "Moscow", "location", "RUS"), Actor("place:kazan", "Kazan", "location", "RUS"),
          Actor("place:beijing", "Beijing", "location", "CHN"))


def report(n: int, type: str, actor: str, recipient: str, date: str | None, lang: str = "ru", **kw) -> tuple:
    """An article of its own with one event (hand-built: each case shows one rule)."""
    text = f"Сообщение {n}: Си и Путин."
    e = Event(f"e{n}", type, None, (), (actor,), (recipient,), date, kw.pop("location", None), kw.pop("negated", False),
              kw.pop("modality", "asserted"), "встретился", text, 0, len(text), 0.9)
    a = Analysis(id=Article(file=f"{n}.txt", text=text).id, file=f"{n}.txt", lang=lang, published="2023-03-25",
                 source=kw.pop("source", f"outlet {n}"), text=text, paragraphs=(Paragraph(0, len(text), lang),),
                 actors=ACTORS, events=(e,))
    return Article(file=f"{n}.txt", text=text), a


def test_clustering_rules(store):
    store.add([
        report(1, "CONSULT", "person:xi-jinping", "RUS", "2023-03-21", location="place:moscow"),
        report(2, "CONSULT", "RUS", "CHN", "2023-03-23", lang="uk"),        # swapped: CONSULT reads both ways
        report(3, "CONSULT", "CHN", "RUS", "2023-03", location="place:kazan"),  # a month; Kazan is in Russia too
        report(4, "CONSULT", "CHN", "RUS", "2023-03-26"),   # 5 days after the first report: too far
        report(5, "CONSULT", "CHN", "RUS", "2023-03-22", negated=True),  # denied: never with asserted ones
        report(6, "CONSULT", "CHN", "RUS", "2023-03-22", location="place:beijing"),  # another country's place
        report(7, "SANCTION", "CHN", "RUS", "2023-03-21"),
        report(8, "SANCTION", "RUS", "CHN", "2023-03-21"),  # a sanction does not read both ways
        report(9, "CONSULT", "CHN", "USA", "2023-03-21"),   # another recipient
        report(10, "CONSULT", "CHN", "RUS", None),          # no date of its own: the article's (2023-03-25)
    ])
    found = {tuple(sorted(e["id"] for e in c["events"])): c for c in store.events(limit=100, clusters=True)}
    assert set(found) == {("e1", "e2", "e3"), ("e10", "e4"), ("e5",), ("e6",), ("e7",), ("e8",), ("e9",)}
    meeting = found["e1", "e2", "e3"]
    assert (meeting["first"], meeting["last"], meeting["precision"]) == ("2023-03-21", "2023-03-23", "month")
    assert (meeting["mentions"], meeting["reports"], meeting["sources"], meeting["languages"]) == (3, 3, 3, 2)
    assert meeting["id"] == "e1" and meeting["location"] == "place:moscow"
    assert found["e5",]["negated"] is True
    assert store.stats()["event_clusters"] == 7 and store.stats()["clusters_with_several_reports"] == 2
    # queries find a cluster where its first report stands, as the dyad series count it: e1 is Xi -> Russia
    found = store.events(actor="CHN", recipient="RUS", type="CONSULT", negated=False, clusters=True)
    assert [c["id"] for c in found] == ["e1", "e6", "e4"]
    assert [c["id"] for c in store.events(actor="RUS", recipient="CHN", type="CONSULT", clusters=True)] == []
    assert [c["id"] for c in store.events(date_from="2023-03-26", clusters=True)] == ["e4"]  # its first report


def test_clusters_grow_across_batches(store):
    store.add([report(1, "AGREE", "CHN", "RUS", "2023-03-21", source="ТАСС")])
    store.add([report(2, "AGREE", "RUS", "CHN", "2023-03-20", source="ТАСС"), report(3, "AGREE", "CHN", "RUS",
                                                                                      "2023-03-22", lang="en")])
    [c] = store.events(clusters=True)
    assert (c["first"], c["last"], c["mentions"], c["reports"], c["sources"], c["languages"]) == (
        "2023-03-20", "2023-03-22", 3, 3, 2, 2)


def test_a_store_from_before_dedup_gets_duplicates_and_clusters(store_location, examples, pipeline):
    old = PostgresStore(store_location, upto=4) if is_url(store_location) else SQLiteStore(store_location, upto=4)
    again = rescrape(pipeline, example(examples, RU_01)[0], other_junk_and_a_word)
    old.add(examples)
    old.add([again])  # later: the original is the article stored first
    old.close()
    with open_store(store_location) as new:
        assert new.get(again[1].id)["duplicate_of"] == example(examples, RU_01)[1].id
        stats = new.stats()
        assert stats["duplicates"] == 1 and stats["articles"] == len(examples)
        assert stats["event_clusters"] > 0 and stats["clusters_with_several_reports"] >= 1
        ru, uk = (example(examples, n)[1] for n in (RU_01, UK_02))
        meeting = [c for c in clusters_of(new, ru.id, "CONSULT") if c["reports"] == 2]
        assert len(meeting) == 1 and {e["article_id"] for e in meeting[0]["events"]} == {ru.id, uk.id}


# --- command line ----------------------------------------------------------------------------------------------


def test_events_and_stats_commands(store_location, examples, capsys):
    with open_store(store_location) as s:
        s.add(examples)
    capsys.readouterr()
    assert main(["events", "--db", store_location, "--actor", "Китай", "--recipient", "RUS", "--type", "consult",
                 "--from", "2023-03-01", "--to", "2023-03", "--clusters", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(c["type"], c["reports"], c["languages"]) for c in found if c["reports"] > 1] == [("CONSULT", 2, 2)]
    assert main(["events", "--db", store_location, "--actor", "Си Цзиньпин", "--format", "csv", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("day,dated_by,date,type,mode,actor,recipient") and len(lines) == 4
    assert main(["events", "--db", store_location, "--clusters"]) == 0
    assert capsys.readouterr().out.startswith("id ")
    assert main(["events", "--db", store_location, "--actor", "Бонапарт"]) == 2  # an unknown name: a usage error
    assert main(["stats", "--db", store_location, "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["duplicates"] == 0 and stats["event_clusters"] > stats["clusters_with_several_reports"] > 0


@pytest.mark.parametrize("name", [RU_01, UK_02])
def test_every_report_of_an_original_has_a_cluster(store, examples, name):
    store.add(examples)
    a = example(examples, name)[1]
    assert all(e["cluster_id"] for e in store.events(limit=1000) if e["article_id"] == a.id)
