"""Quote forms that real pages use beyond one marked sentence: marks broken over lines, doubled
apostrophes, speech after a colon ending a paragraph, dash dialogue, interviews in Q/A form. Cases read
as in test_quotes: language, text, person mentions, expected `quote | speaker phrase | kind`."""

from __future__ import annotations

import pytest

from entente.extract.quote_marks import quoted_regions
from entente.extract.quotes import QuoteFinder
from tests.test_quotes import _show, _spans

CASES = [
    # a quote broken over lines (one sentence a line, as in pre-tokenized corpora and some scrapers)
    ("ru", "«В этом году состоятся выборы.\n\nИ хотя в исходе никто не сомневается, это поможет», — говорит Сплидбёль.",
     ["Сплидбёль"],
     ["В этом году состоятся выборы.\n\nИ хотя в исходе никто не сомневается, это поможет | Сплидбёль | person"]),
    ("uk", "« У Києві багато проблем .\nМи їх бачимо » , — зазначив Володимир Бондаренко .", ["Володимир Бондаренко"],
     ["У Києві багато проблем .\nМи їх бачимо | Володимир Бондаренко | person"]),
    # doubled apostrophes as quote marks (newspaper archives)
    ("en", "''Your letter disputes the substance,'' Mr. Coll wrote.", ["Coll"],
     ["Your letter disputes the substance, | Coll | person"]),
    # speech after a colon that ends a paragraph, without marks
    ("ru", "Об этом Борис Джонсон заявил в Twitter:\n\nЗа последние 24 часа у меня развились симптомы.",
     ["Борис Джонсон"], ["За последние 24 часа у меня развились симптомы. | Борис Джонсон | person"]),
    ("ru", "Хозяин крупной плантации Джино Дескальси:\nМы просто шокированы случившимся.", ["Джино Дескальси"],
     ["Мы просто шокированы случившимся. | Джино Дескальси | person"]),
    ("uk", "У заяві міністерства йдеться:\n\nПереговори триватимуть.", [],
     ["Переговори триватимуть. | заяві міністерства | institution"]),
    # ... but not a list, a heading, or the author's next paragraph reporting speech of its own
    ("ru", "Полный список арбитров:\n\nАвстралию представляет один арбитр.", [], []),
    ("ru", "Песков сообщил:\n\n• встреча состоится в мае;", ["Песков"], []),
    ("ru", "Балахничев добавил, что бегун не нужен:\n\nКак сообщает «МК», бегун не должен был ехать.",
     ["Балахничев"], []),
    ("ru", "В министерстве подтвердили смерть Моторолы:\n\nГибель Павлова также подтвердили украинские источники.",
     [], []),
    ("ru", "Посол заявил:\n\nМы не признали Крым частью России.", [],
     ["Мы не признали Крым частью России. | Посол | noun"]),
    # a reporting verb, a colon and a capital inside a paragraph (pages stripped of their marks)
    ("uk", "Мей відповіла: Наскільки я знаю, ні. Частина консерваторів незадоволена.", ["Мей"],
     ["Наскільки я знаю, ні. | Мей | person"]),
    # a line opening with a person's name and a colon (transcripts, interview pages)
    ("ru", "Мустафа Джемилев: Во времена Османской империи мы были союзниками.", ["Мустафа Джемилев"],
     ["Во времена Османской империи мы были союзниками. | Мустафа Джемилев | person"]),
    ("ru", "Пакистан: муж христианки просит Запад о помощи.", [], []),
    ("en", "Clinton: 2,316 delegates.", ["Clinton"], []),
    ("en", "Bernie Sanders: Credit scores On his website, Senator Sanders calls for reform.", ["Bernie Sanders"], []),
    # dash dialogue: speech up to the author's words, resumed after them
    ("uk", "— А навіщо розділятися? — обізвався Дяченко. — Ми так не домовлялися.", ["Дяченко"],
     ["А навіщо розділятися? | Дяченко | person", "Ми так не домовлялися. | Дяченко | person"]),
    ("uk", "– Тепер у мене є студія, – сказав Данко.", ["Данко"], ["Тепер у мене є студія | Данко | person"]),
    ("uk", "– Автоколона (вул. Військовий проїзд, 6).", [], []),
    # an expert panel: a name line ending in a colon, the comment as a dash line
    ("ru", "Лилия Шевцова, ведущий исследователь, Москва:\n\n— Исламский террор изменил ландшафт.", ["Лилия Шевцова"],
     ["Исламский террор изменил ландшафт. | Лилия Шевцова | person"]),
]


@pytest.fixture(scope="module")
def finder() -> QuoteFinder:
    return QuoteFinder()


@pytest.mark.parametrize(("lang", "text", "people", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_forms(finder: QuoteFinder, lang: str, text: str, people: list[str], expected: list[str]) -> None:
    found = finder.find(text, lang, _spans(text, people))
    assert [_show(text, q) for q in found] == expected


def test_open_mark_without_closer_on_later_lines_is_dropped() -> None:
    text = "Компания «Рога и копыта заявила о росте.\n\nПродажи выросли вдвое."
    assert quoted_regions(text) == []


def test_marks_opened_between_lines_stop_the_span() -> None:
    text = "Проект «Захист людей\n\nпроекту «Мости\n\nкінець» тут."
    assert [text[r.start:r.end] for r in quoted_regions(text)] == ["Мости\n\nкінець"]


def test_wiki_italics_around_a_quote_are_not_the_quote() -> None:
    text = "Он отметил, что ''«опыт подготовил его к этой роли»''."
    assert [text[r.start:r.end] for r in quoted_regions(text)] == ["опыт подготовил его к этой роли"]


def test_interview_answers_are_the_guests(finder: QuoteFinder) -> None:
    text = ("Former first lady Laura Bush sat down this week with USA TODAY.\n\n"
            "Q: Why Afghan women?\n\nA: Because they needed help, I think.\n\n"
            "Q: And now?\n\nA: I think it's in our interests.")
    found = finder.find(text, "en", _spans(text, ["Laura Bush"]))
    assert [_show(text, q) for q in found] == [
        "Because they needed help, I think. | Laura Bush | person",
        "I think it's in our interests. | Laura Bush | person",
    ]
    assert not any(q.marked for q in found)


def test_one_answer_label_is_not_an_interview(finder: QuoteFinder) -> None:
    text = "Laura Bush spoke.\n\nA: Because they needed help."
    assert finder.find(text, "en", _spans(text, ["Laura Bush"])) == []


def test_many_quotes_in_one_sentence_take_linear_time(finder: QuoteFinder) -> None:
    # a run-on "sentence" of thousands of quotes (a list, a pre-tokenized dump) once took minutes: each
    # quote looked back over the whole sentence. The reach is bounded now, so this finishes in seconds.
    n = 20000
    text = "Он перечислил: " + ", ".join(f"«Мы готовы к диалогу {i}»" for i in range(n)) + ", — сказал он."
    found = finder.find(text, "ru")
    assert len(found) == n
    assert found[-1].text == f"Мы готовы к диалогу {n - 1}"


def test_many_dialogue_lines_take_linear_time(finder: QuoteFinder) -> None:
    n = 20000
    found = finder.find("— Мы готовы, — сказал он.\n" * n, "ru")
    assert len(found) == n and {q.speaker_kind for q in found} == {"pronoun"}


def test_a_headline_in_wiki_italics_is_not_a_quote() -> None:
    text = "''У Обамы появился соперник''\n\nБывший губернатор заявил о выдвижении."
    assert quoted_regions(text) == []
