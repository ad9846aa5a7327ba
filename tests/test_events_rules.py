"""Coding rules of the PLOVER manual that turn one reading into another: demands, promised retreats,
announced coercion. Publication date: 2024-04-10."""

from __future__ import annotations

import pytest

from entente.models import Article


def code(pipeline, text: str):
    a = pipeline(Article(file="t.txt", text=text, published="2024-04-10"))
    return [(e.type, e.actor, e.recipient, e.negated) for e in a.events]


@pytest.mark.parametrize("text, expected", [
    # "X said Y must ...": a demand of X on Y
    ("Lavrov said the United States must stop supplying weapons to Ukraine.",
     ("REQUEST", ("person:sergey-lavrov",), ("USA",), False)),
    ("Президент Франции заявил, что Россия должна вывести войска.",
     ("REQUEST", ("person:emmanuel-macron",), ("RUS",), False)),
])
def test_a_speaker_demanding_of_another_party_is_request(pipeline, text, expected):
    assert code(pipeline, text) == [expected]


def test_announced_coercion_is_a_threat(pipeline):
    events = code(pipeline, "США введут новые санкции против Ирана.")
    assert [e[0] for e in events] == ["THREATEN"]
    assert events[0][1:3] == (("USA",), ("IRN",))


def test_a_promised_retreat_is_a_concession(pipeline):
    events = code(pipeline, "Russia will withdraw its troops from Armenia.")
    assert [e[0] for e in events] == ["CONCEDE"]
