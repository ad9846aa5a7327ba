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
