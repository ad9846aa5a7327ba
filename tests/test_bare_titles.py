"""A bare title («Премьер», «министра», "the prime minister") refers back to the person the article introduced
with it; a title never attached to anyone, a plural, a qualified or predicative title refers to no one."""

from __future__ import annotations

import pytest

from entente.actors.anaphora import INTRODUCED
from entente.models import Analysis, Article


def analyze(pipeline, text: str) -> Analysis:
    return pipeline(Article(file="t.txt", text=text))


def titles(a: Analysis) -> dict[str, str]:
    """Bare-title mention text -> the person it was linked to."""
    return {m.text: x.name for x in a.actors for m in x.mentions if m.why == INTRODUCED}


def test_titles_refer_back_to_the_people_introduced_with_them(pipeline):
    a = analyze(pipeline, "Британский премьер-министр Тереза Мэй приняла отставку министра по вопросам выхода "
                          "Великобритании из ЕС Дэвида Дэвиса. Премьер поблагодарила министра за проделанную работу.")
    davis = next(x.name for x in a.actors for m in x.mentions if m.text == "Дэвида Дэвиса")
    assert titles(a) == {"Премьер": "Theresa May", "министра": davis}


def test_the_thanks_between_two_people_of_one_country_is_coded_between_them(pipeline):
    a = analyze(pipeline, "Британский премьер-министр Тереза Мэй приняла отставку министра по вопросам выхода "
                          "Великобритании из ЕС Дэвида Дэвиса. Премьер поблагодарила министра за проделанную работу.")
    by_id = {x.id: x for x in a.actors}
    thanks = [e for e in a.events if e.trigger == "поблагодарила"]
    assert len(thanks) == 1 and thanks[0].type == "SUPPORT"
    assert [by_id[i].name for i in thanks[0].actor] == ["Theresa May"]
    assert [by_id[i].country for i in thanks[0].recipient] == ["GBR"]


def test_a_title_introduces_the_next_name_only(pipeline):
    # a sentence cut off at a link («в Ранее»): the title before May's name is not Raab's
    a = analyze(pipeline, "Об этом сообщает пресс-служба британского премьер-министра Терезы Мэй в Ранее господин "
                          "Доминик Рааб занимал пост замминистра. Премьер поблагодарила его за работу.")
    assert titles(a) == {"Премьер": "Theresa May"}


@pytest.mark.parametrize("text", [
    # a subject title with a name after it in its clause is another person: the same one again would be a pronoun
    "Борис Джонсон подал в отставку. Сегодня днем премьер-министр принял отставку Бориса Джонсона.",
    # a title after a word for an office names the office, not its holder
    "Борис Джонсон подал в отставку. Кто сменит Джонсона на посту главы МИД, пока не сообщается.",
    "Доминик Рааб был министром жилья. Рааб назначен на пост министра по делам Brexit.",
])
def test_a_title_beside_the_name_or_after_an_office_word_is_not_that_person(pipeline, text):
    assert titles(analyze(pipeline, text)) == {}, titles(analyze(pipeline, text))


def test_a_title_in_another_case_may_be_the_name_after_it(pipeline):
    a = analyze(pipeline, "Президент Узбекистана Ислам Каримов госпитализирован. Пресс-служба президента сообщила о "
                          "госпитализации Ислама Каримова вчера.")
    assert titles(a) == {"президента": "Islam Karimov"}, titles(a)


def test_a_ukrainian_title_refers_back_too(pipeline):
    a = analyze(pipeline, "Прем'єр-міністр Польщі Беата Шидло виступила в Сеймі. Прем'єр заявила, що уряд не піде "
                          "у відставку.")
    assert titles(a) == {"Прем'єр": "Beata Szydło"}


@pytest.mark.parametrize("text", [
    # never introduced: no guess from today's office holders
    "Премьер поблагодарил министров за работу.",
    # plural, qualified, former, predicative: someone else or no one
    "Премьер-министр Тереза Мэй выступила в парламенте. Министры поддержали ее план.",
    "Премьер-министр Тереза Мэй выступила в парламенте. Новый премьер будет избран осенью.",
    "Премьер-министр Тереза Мэй выступила в парламенте. Экс-премьер раскритиковал ее план.",
    "Премьер-министр Тереза Мэй выступила в парламенте. Джонсон хочет стать премьером.",
])
def test_a_title_that_names_no_introduced_person_refers_to_no_one(pipeline, text):
    assert titles(analyze(pipeline, text)) == {}


def test_an_office_the_article_did_not_attach_goes_to_the_one_person_named_who_held_it(pipeline):
    a = analyze(pipeline, "Тереза Мэй приняла отставку Дэвида Дэвиса. Премьер поблагодарила Дэвиса за работу.")
    assert titles(a) == {"Премьер": "Theresa May"}
    # two people named who both held the office (Johnson was prime minister later): no one is picked
    a = analyze(pipeline, "Тереза Мэй приняла отставку Бориса Джонсона. Премьер поблагодарила Бориса за работу.")
    assert titles(a) == {}
