"""A man's name is put in the nominative by agreement with its given name (actors/declension.py)."""

from __future__ import annotations

import pytest

from entente.actors.declension import nominative
from entente.nlp.morph import Morph


@pytest.fixture(scope="module")
def morph() -> Morph:
    return Morph()


@pytest.mark.parametrize("words, lang, expected", [
    (["Гюнтера", "Эттингера"], "ru", ["Гюнтер", "Эттингер"]),  # not the woman's name «Эттингера»
    (["Джулиану", "Ассанжу"], "ru", ["Джулиан", "Ассанж"]),  # an unknown surname loses the dative ending
    (["Майклу", "Левитту"], "ru", ["Майкл", "Левитт"]),
    (["Фредерик", "Сенгер"], "ru", ["Фредерик", "Сенгер"]),  # nominative given name: the surname as written
    (["Лайнус", "Полинг"], "ru", ["Лайнус", "Полинг"]),  # unknown given name without an ending: nominative
    (["Хадимом", "Хусейном"], "ru", ["Хадим", "Хусейн"]),  # unknown given name: the instrumental is unmistakable
    (["Чэн", "Гопином"], "ru", ["Чэн", "Гопин"]),
    (["Григория", "Михнова-Вайтенко"], "ru", ["Григорий", "Михнов-Вайтенко"]),
    (["Андрея", "Денисова"], "ru", ["Андрей", "Денисов"]),
    (["Олега", "Кравця"], "uk", ["Олег", "Кравець"]),
    (["Сергею", "Шойгу"], "ru", ["Сергей", "Шойгу"]),  # indeclinable
    (["Рафаэля", "Корреа"], "ru", ["Рафаэль", "Корреа"]),
    (["Лена", "Данэм"], "ru", ["Лена", "Данэм"]),  # a woman's surname in a consonant does not decline
    (["Лены", "Данэм"], "ru", ["Лена", "Данэм"]),
])
def test_the_surname_takes_the_case_of_the_given_name(morph, words, lang, expected):
    assert nominative(words, lang, morph) == expected


@pytest.mark.parametrize("words", [
    ["Анны", "Ивановой"],  # a woman's surname that declines: left to Morph.nominative
    ["Арье", "Варшелю"],  # an indeclinable given name shows no case
    ["Жасинда", "Ардерн"],  # an unknown given name in -а that the surname does not agree with
    ["Нора", "Донда"],  # «-а» on both: a man's genitive or a woman's nominative
    ["Путин"],
])
def test_agreement_does_not_decide_without_a_mans_given_name_showing_the_case(morph, words):
    assert nominative(words, "ru", morph) is None
