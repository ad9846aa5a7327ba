"""The store's views for reading it as tables (migration 0010: datasette, a SQL shell): names beside ids, on
SQLite and PostgreSQL."""

from __future__ import annotations


def test_views_name_the_sides_of_events_and_the_speakers_of_quotes(store, examples):
    store.add(examples)
    events = store._rows("SELECT * FROM event_reports WHERE actor_names IS NOT NULL AND recipient_names IS NOT NULL")
    assert len(events) >= 10
    assert any(e["actor_names"] == "China" and e["recipient_names"] == "Russia" for e in events)
    assert any(e["rule"] for e in events)  # the coder's rule (migration 0009), beside the evidence
    total = store._rows("SELECT count(*) AS n FROM event_reports")[0]["n"]
    assert total == store.stats()["events"]
    quotes = store._rows("SELECT * FROM quote_records WHERE speaker_name IS NOT NULL")
    assert quotes and all(q["speaker"] and q["text"] for q in quotes)
    assert any(q["speaker_name"] == "Xi Jinping" for q in quotes)
    mentions = store._rows("SELECT * FROM mention_records WHERE actor_name = 'Vladimir Putin'")
    assert mentions and {m["lang"] for m in mentions} >= {"ru", "uk"}
