"""Act nouns that name a state: «полковник в отставке», «генерал у відставці» is retired, not resigning; with a
genitive after it («в отставке министра») the noun is the act again. Publication date: 2024-04-10."""

from __future__ import annotations

import pytest

from entente.models import Article


def types(pipeline, text: str) -> list[str]:
    return [e.type for e in pipeline(Article(file="t.txt", text=text, published="2024-04-10")).events]


@pytest.mark.parametrize("text", [
    "Владимир Квачков — полковник ГРУ в отставке, кавалер двух орденов Мужества.",
    "Ван Цзюнь много времени проводил в Гонконге, в отставке увлекался гольфом.",
    "Генерал у відставці, депутат Петро Іваненко, виступив на форумі.",
])
def test_a_retired_officer_is_no_resignation(pipeline, text):
    assert "RETREAT" not in types(pipeline, text)


def test_the_locative_with_a_genitive_is_still_the_act(pipeline):
    text = "Захарова увидела в отставке министра иностранных дел Великобритании Бориса Джонсона контуры кризиса."
    assert "RETREAT" in types(pipeline, text)


@pytest.mark.parametrize("text", [
    "Татьяна приехала в квартиру на Гаврской улице и так описывает увиденное.",
    "Днями я побував у Бистриці.",
])
def test_a_trip_to_a_place_of_no_known_state_by_no_party_is_no_visit(pipeline, text):
    assert "CONSULT" not in types(pipeline, text)


def test_a_visit_of_a_party_to_a_city_is_still_a_visit(pipeline):
    assert "CONSULT" in types(pipeline, "Сергей Лавров посетил Белград.")
