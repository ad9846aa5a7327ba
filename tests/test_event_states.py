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


@pytest.mark.parametrize("text, asserted, denied", [
    # a denial before a coordinator is the first verb's: the accusation after it stands
    ("Лавров опроверг обвинения и обвинил Киев в провокации.", "ACCUSE", None),
    ("Зеленський заперечив ці заяви та звинуватив Росію у брехні.", "ACCUSE", None),
    ("Кондолиза Райс опровергает эти слухи и требует от ООН резолюции против Ирана.", "REQUEST", None),
    # an infinitive after the coordinator is still under the negation; so is a verb with a negation of its own
    ("Лавров не стал встречаться и обсуждать этот вопрос с Кулебой.", None, "CONSULT"),
])
def test_a_negation_does_not_cross_into_a_coordinated_finite_verb(pipeline, text, asserted, denied):
    events = pipeline(Article(file="t.txt", text=text, published="2024-04-10")).events
    if asserted:
        assert any(e.type == asserted and not e.negated for e in events), events
    if denied:
        assert any(e.type == denied and e.negated for e in events), events


def test_a_thing_a_relative_clause_says_is_meant_for_something_is_no_request(pipeline):
    text = "Кремлю не помогла и интервенция в Сирии, которая была призвана подкрепить идею совместной борьбы."
    assert "REQUEST" not in types(pipeline, text)


@pytest.mark.parametrize("text, met", [
    # "meet" with a requirement or a response for its object, or in the passive, meets no one
    ("The White House, however, did meet the deadline Congress imposed on Barack Obama.", False),
    ("Even in the House, Paul Ryan's ideas have met with resistance.", False),
    ("When China announced its plan in Kazakhstan, it was met with skepticism by Russia.", False),
    # a name is met
    ("Donald Trump met with Mexican President Enrique Pena Nieto on Wednesday.", True),
    ("Barack Obama meets Bernie Sanders in the Oval Office on Thursday.", True),
])
def test_meeting_a_deadline_or_with_resistance_is_no_meeting(pipeline, text, met):
    assert ("CONSULT" in types(pipeline, text)) is met, types(pipeline, text)
