"""Metadata that does not invent: a publication date only from a dateline, never from a sentence of the body;
event dates never from target years; outlet names with the shape of a name; wire-service credits as furniture.
"""

from __future__ import annotations

import pytest

from entente.clean.source import plausible
from entente.models import Article
from entente.nlp.when import When


@pytest.mark.parametrize("text, published", [
    ("Реформа налогов\n\nС 1 января 2020 года вступает в силу новый закон о налогах. Его приняли в декабре.", None),
    ("Tax reform\n\nBy 1 January 2030 the rules change for every company. Parliament passed them.", None),
    ("Новость дня\n\nВ 2019 году, 5 марта 2019 года, президент подписал указ. Его опубликовали.", None),
    ("Новость дня\n\nМОСКВА, 5 марта 2024 — Президент провел совещание. Об этом сообщили в Кремле.", "2024-03-05"),
    ("Title here\n\nKyiv, 5 March 2024 — The minister met his counterpart. They discussed aid.", "2024-03-05"),
    ("Новина дня\n\nКИЇВ 5 березня 2024 року — Міністр зустрівся з колегою. Вони обговорили допомогу.", "2024-03-05"),
])
def test_a_publication_date_only_from_a_dateline(pipeline, text, published):
    assert pipeline(Article(file="p.txt", text=text)).published == published


@pytest.mark.parametrize("text, lang", [
    ("Россия планирует до 2030 года удвоить товарооборот с Китаем.", "ru"),
    ("Стороны договорились к 2030 году удвоить торговлю.", "ru"),
    ("Україна має до 2030 року вступити до ЄС.", "uk"),
    ("China and Russia aim to double trade by 2030.", "en"),
    ("The sanctions stay until the end of the year.", "en"),
])
def test_target_years_are_no_event_dates(text, lang):
    assert When().find(text, lang, "2023-03-21") == []


def test_a_year_that_is_no_target_is_still_a_date():
    assert [r.date for r in When().find("В 2023 году стороны встретились.", "ru", "2024-01-01")] == ["2023"]
    assert [r.date for r in When().find("с 2020 до 2030 года", "ru", "2024-01-01")] == ["2020"]


def test_events_of_a_target_sentence_carry_no_target_date(pipeline):
    text = ("Путин и Си Цзиньпин договорились\n\nПрезидент России Владимир Путин и председатель КНР Си Цзиньпин "
            "договорились до 2030 года удвоить товарооборот между странами.")
    a = pipeline(Article(file="t.txt", text=text, published="2023-03-21"))
    assert a.events and all(e.date != "2030" for e in a.events)


@pytest.mark.parametrize("name, ok", [
    ("По", False), ("ONLINE", False), ("Новости", False), ("news", False), ("123", False), ("x", False),
    ("ТАСС", True), ("Ukrinform", True), ("Новости дня", True), ("The Moscow Times", True),
])
def test_outlet_names_have_the_shape_of_a_name(name, ok):
    assert plausible(name) is ok


def test_wire_service_footers_are_furniture(pipeline):
    text = ("Russia and China hold talks\n\nRussian and Chinese officials held talks in Moscow on Tuesday, "
            "officials said.\n\n(Reporting by Guy Faulconbridge; Editing by Mark Trevelyan)\n"
            "Our Standards: The Thomson Reuters Trust Principles.\n")
    a = pipeline(Article(file="r.txt", text=text))
    assert "Reporting by" not in a.text and "Our Standards" not in a.text
    assert [r.reason for r in a.removed if r.reason == "wire_credit"] == ["wire_credit", "wire_credit"]
    prose = "Writing by a committee is hard, the minister said in a long sentence about the reform."
    assert prose in pipeline(Article(file="p.txt", text="Title\n\n" + prose)).text
