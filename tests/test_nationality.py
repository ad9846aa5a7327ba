"""An unknown person's country from how the article describes them without their name (actors/nationality.py)."""

from __future__ import annotations

import pytest

from entente.models import Article


def countries(pipeline, text: str, lang_hint: str = "") -> dict[str, str | None]:
    a = pipeline(Article(file="t.txt", text=text, published="2011-01-25"))
    return {x.name: x.country for x in a.actors if x.type == "person"}


@pytest.mark.parametrize("text, name, country", [
    # a demonym standing for the person named in the sentence before
    ("29-летний Дмитрий Смилянец заявил о своей невиновности в суде в Ньюарке. Россиянин, которого обвиняют в "
     "хакерской атаке, отказался признать свою вину. Смилянец был экстрадирован в сентябре.",
     "Dmitriy Smilyanets", "RUS"),
    # a country adjective with a person noun, in a later sentence
    ("Виктор Бут был экстрадирован из Таиланда. Российскому бизнесмену разрешили свидание с женой. Бут "
     "не признал себя виновным.", "Viktor But", "RUS"),
    # an apposition after the name
    ("Олег Ткаченко, український бізнесмен, заявив про свою невинуватість.", "Oleh Tkachenko", "UKR"),
    # English: a country adjective with a role
    ("The Chinese finance minister jabbed back on Monday. The finance minister, Lou Jiwei, suggested that "
     "officials should curb their complaints. Mr. Lou told a news briefing.", "Lou Jiwei", "CHN"),
])
def test_a_description_without_a_name_gives_the_country(pipeline, text, name, country):
    assert countries(pipeline, text).get(name) == country


@pytest.mark.parametrize("text, name", [
    # two countries said of the people nearby: no one gets either
    ("Виктор Бут был экстрадирован. Российскому бизнесмену разрешили свидание. Американскому бизнесмену "
     "отказали. Бут не признал вину.", "Viktor But"),
    # a plural describes a group, not the person
    ("Виктор Бут был экстрадирован. Российские бизнесмены возмущены.", "Viktor But"),
])
def test_no_country_from_conflicting_or_group_descriptions(pipeline, text, name):
    assert countries(pipeline, text).get(name, "missing") is None


def test_a_title_that_stands_for_a_named_person_describes_no_one_else(pipeline):
    text = ("Премьер-министр Литвы Саулюс Сквернялис встретился с еврокомиссаром. Литовский премьер напомнил, что на "
            "встрече с еврокомиссаром Маргрете Вестагер выразил позицию правительства.")
    found = countries(pipeline, text)
    assert found.get("Margrethe Vestager") != "LTU", found


def test_a_describing_phrase_that_runs_into_the_name_gives_its_country(pipeline):
    text = "Известному американскому исполнителю ритм-н-блюза Ар Келли предъявлены обвинения."
    assert countries(pipeline, text).get("Ar Kelly") == "USA"


@pytest.mark.parametrize("text, name", [
    # a description beside another name is mostly someone else
    ("Бельгиец заменил на посту главного тренера Рикарду Са Пинту после поражения.", "Rikard Sa Pinta"),
    # a phrase that ends before the name ("and") describes someone else
    ("It was a meeting between a senior American government official and Gilbert Chagoury, a developer.",
     "Gilbert Chagoury"),
    # an adjective of a body («американским спецназом») describes no person after it
    ("После ликвидации американским спецназом лидера Аль-Каиды Усамы бин Ладена прошел год.", None),
])
def test_a_description_of_someone_else_gives_no_country(pipeline, text, name):
    found = countries(pipeline, text)
    people = [name] if name else list(found)
    assert people and all(p in found and found[p] is None for p in people), found


@pytest.mark.parametrize("text, name, country", [
    # a title completed by its country's genitive, right before the name
    ("Умер народный артист России Пётр Самойлов.", "Petr Samoylov", "RUS"),
    ("Глава Олимпийского комитета Бразилии Карлос Нузман подал в отставку.", "Carlos Nuzman", "BRA"),
    ("Заслужений артист України Олег Скрипка виступив у Львові.", "Oleh Skrypka", "UKR"),
])
def test_a_title_with_its_countrys_genitive_gives_the_country(pipeline, text, name, country):
    assert countries(pipeline, text).get(name) == country


@pytest.mark.parametrize("text, name", [
    # a country a preposition governs is what the title concerns, not the person's own
    ("Спецпосланник ООН по Сирии Стаффан Ригер провёл переговоры.", "Staffan Riger"),
    ("Датский эксперт по России Флемминг Сплидсбёль дал интервью.", "Flemming Splidsbel"),
])
def test_a_country_after_a_preposition_is_no_nationality(pipeline, text, name):
    found = countries(pipeline, text)
    assert name in found and found[name] != "SYR" and found[name] != "RUS", found


def test_a_title_held_abroad_gives_its_own_country(pipeline):
    # «посол Украины в Польше»: the country the title serves, not where it is held
    found = countries(pipeline, "Посол Украины в Польше Василий Зварыч осудил нападение.")
    assert found.get("Vasiliy Zvarych") == "UKR", found
