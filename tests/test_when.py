"""The event-date grammar: each row is  lang | published | text | expression = date ; ...  (- : no date)."""

import pytest

from entente.nlp.when import TimeRef, When, nearest

when = When()

# 2024-04-12 is a Friday; 2024-04-10 a Wednesday.
CASES = """\
ru | 2024-04-12 | Визит завершился 30 декабря 2023 года.          | 30 декабря 2023 года = 2023-12-30
ru | 2024-04-12 | Он упомянул об этом в октябре 2019 года.        | в октябре 2019 года = 2019-10
ru | 2024-04-12 | в 2022 году было 30 случаев                     | в 2022 году = 2022
ru | 2024-04-12 | Цены выросли на 30 процентов, до 2000 рублей.   |
ru | 2024-07-01 | Саммит прошёл 16–18 июня в Астане.              | 16–18 июня = 2024-06-16
ru | 2024-04-12 | Саммит пройдёт с 16 по 18 июня 2025 года.       | с 16 по 18 июня 2025 года = 2025-06-16
ru | 2024-04-12 | Во вторник, 9 апреля, министр прибыл в Пекин.   | Во вторник, 9 апреля = 2024-04-09
ru | 2024-04-12 | Переговоры прошли в среду.                      | в среду = 2024-04-10
ru | 2024-04-10 | Переговоры прошли в среду.                      | в среду = 2024-04-10
ru | 2024-04-10 | Переговоры пройдут в следующую среду.           | в следующую среду = 2024-04-17
ru | 2024-04-10 | Переговоры прошли в прошлую среду.              | в прошлую среду = 2024-04-03
ru | 2024-04-12 | Переговоры прошли в среду на прошлой неделе.    | в среду на прошлой неделе = 2024-04-03
ru | 2024-04-12 | Удар был нанесён в ночь на среду.               | в ночь на среду = 2024-04-10
ru | 2024-04-12 | Вчера и позавчера.                              | Вчера = 2024-04-11; позавчера = 2024-04-10
ru | 2024-04-12 | Сегодня и завтра.                               | Сегодня = 2024-04-12; завтра = 2024-04-13
ru | 2024-04-12 | Накануне министр заявил об этом.                | Накануне = 2024-04-11
ru | 2024-04-12 | Он выступил накануне визита в Китай.            |
ru | 2024-01-15 | Соглашение подписали в прошлом месяце.          | в прошлом месяце = 2023-12
ru | 2024-04-12 | В этом году рост замедлился.                    | В этом году = 2024
ru | 2024-04-12 | Это случилось в конце марта.                    | в конце марта = 2024-03
ru | 2024-04-12 | Это случилось в марте прошлого года.            | в марте прошлого года = 2023-03
ru | 2024-04-12 | Санкции ввели два года назад.                   | два года назад = 2022
ru | 2024-04-12 | Встреча прошла на прошлой неделе.               | на прошлой неделе = 2024-04
ru | 2024-03-06 | Встреча прошла на прошлой неделе.               | на прошлой неделе = 2024
ru | 2025-01-08 | Встреча прошла на прошлой неделе.               | на прошлой неделе = -
ru | 2024-01-10 | Переговоры прошли 30 декабря.                   | 30 декабря = 2023-12-30
ru | 2024-01-10 | Переговоры прошли в декабре.                    | в декабре = 2023-12
ru | 2024-04-12 | Выборы пройдут 9 мая.                           | 9 мая = 2024-05-09
ru | 2024-03-05 | Встреча состоялась 29 февраля.                  | 29 февраля = 2024-02-29
ru | 2025-03-05 | Встреча состоялась 29 февраля.                  |
ru | 2024-04-12 | Встреча 29 февраля 2023 года и 31 февраля.      |
ru | 2024-04-12 | Протокол от 21.02.2025 и 2024-04-09.            | 21.02.2025 = 2025-02-21; 2024-04-09 = 2024-04-09
ru | 2024-04-12 | С 1956 по 1960 годы он работал в театре.        | С 1956 по 1960 годы = 1956
uk | 2025-01-05 | Зустріч відбулася 30 грудня.                    | 30 грудня = 2024-12-30
uk | 2024-12-01 | Угоду підписали у листопаді цього року.         | у листопаді цього року = 2024-11
uk | 2024-04-12 | Закон ухвалили 2022 року.                       | 2022 року = 2022
uk | 2024-06-20 | Саміт тривав 16 – 18 червня.                    | 16 – 18 червня = 2024-06-16
uk | 2024-04-12 | У вівторок, 9 квітня Ван Ї прибув до Києва.     | У вівторок, 9 квітня = 2024-04-09
uk | 2024-04-12 | Переговори відбулися у середу.                  | у середу = 2024-04-10
uk | 2024-04-12 | Учора та напередодні ввечері.                   | Учора = 2024-04-11; напередодні = 2024-04-11
uk | 2024-04-12 | Він заявив напередодні візиту до Пекіна.        |
uk | 2024-04-12 | Це сталося минулого місяця, а не торік.         | минулого місяця = 2024-03; торік = 2023
uk | 2024-04-12 | Цього року уряд змінився.                       | Цього року = 2024
uk | 2024-04-12 | Переговори відбулися минулої середи.            | минулої середи = 2024-04-10
uk | 2024-04-12 | Зустріч пройде наступного тижня.                | наступного тижня = 2024-04
uk | 2024-04-12 | У 2014 році, з 2015 року.                       | У 2014 році = 2014; з 2015 року = 2015
uk | 2023-11-25 | Удар завдано у ніч на суботу, 24 листопада.     | у ніч на суботу, 24 листопада = 2023-11-24
uk | 2024-04-12 | Угоду підписали три роки тому.                  | три роки тому = 2021
uk | 2024-04-12 | Ціни зросли на 30 відсотків.                    |
en | 2024-04-12 | The minister arrived on Tuesday, April 9.       | on Tuesday, April 9 = 2024-04-09
en | 2024-04-12 | Talks began April 9 in Beijing.                 | April 9 = 2024-04-09
en | 2024-04-12 | The treaty was signed on 9 April 2024.          | 9 April 2024 = 2024-04-09
en | 2024-04-12 | The envoys met on Wednesday.                    | on Wednesday = 2024-04-10
en | 2024-04-12 | The president said Wednesday that he would go.  | Wednesday = 2024-04-10
en | 2024-04-12 | They will meet next Wednesday.                  | next Wednesday = 2024-04-17
en | 2024-04-12 | Yesterday and today.                            | Yesterday = 2024-04-11; today = 2024-04-12
en | 2024-04-12 | They will meet tomorrow.                        | tomorrow = 2024-04-13
en | 2024-04-12 | They met earlier this week.                     | earlier this week = 2024-04
en | 2024-05-31 | They met earlier this week.                     | earlier this week = 2024-05
en | 2024-04-12 | Sales fell last year and will rise next month.  | last year = 2023; next month = 2024-05
en | 2024-01-04 | The strike was called on Dec. 30.               | Dec. 30 = 2023-12-30
en | 2024-04-12 | Fighting resumed in early March.                | in early March = 2024-03
en | 2024-04-12 | The summit on June 16-18, 2023 and in 2022.     | June 16-18, 2023 = 2023-06-16; in 2022 = 2022
en | 2024-04-12 | The president may march on 30 percent.          |
en | 2024-04-12 | USA TODAY reported it three years ago.          | three years ago = 2021
en | 2024-04-12 | It happened in March last year, not last March. | in March last year = 2023-03; last March = 2024-03
"""


def _rows():
    for row in CASES.splitlines():
        lang, published, text, expected = (x.strip() for x in row.split("|"))
        pairs = [tuple(x.strip() for x in e.split(" = ")) for e in expected.split(";") if e.strip()]
        yield pytest.param(lang, published, text, [(t, None if d == "-" else d) for t, d in pairs], id=text[:40])


@pytest.mark.parametrize("lang,published,text,expected", list(_rows()))
def test_cases(lang, published, text, expected):
    refs = when.find(text, lang, published)
    assert [(r.text, r.date) for r in refs] == expected
    assert all(text[r.start:r.end] == r.text for r in refs)


@pytest.mark.parametrize("text,lang,date,relative", [
    ("30 декабря 2023 года", "ru", "2023-12-30", False),   # a full date needs no anchor
    ("в 2022 году", "ru", "2022", False),
    ("30 грудня", "uk", None, False),                       # year-less: no year to give it
    ("вчера", "ru", None, True),                            # relative: nothing to count from
    ("last month", "en", None, True),
])
def test_no_anchor(text, lang, date, relative):
    [ref] = when.find(text, lang, None)
    assert (ref.text, ref.date, ref.relative) == (text, date, relative)


@pytest.mark.parametrize("text,published,date", [
    ("в прошлом месяце", "2024-04", "2024-03"),           # any day of April 2024: March
    ("в прошлом году", "2024", "2023"),
    ("в прошлом месяце", "2024-04-12T10:00:00+03:00", "2024-03"),
    ("вчера", "2024-04", "2024"),                          # 31 March .. 29 April: only the year is sure
    ("вчера", "2024", None),                               # 31 December 2023 .. 30 December 2024
    ("вчера", "not a date", None),
    ("30 декабря", "2024", "2024-12-30"),
])
def test_partial_anchor(text, published, date):
    assert [r.date for r in when.find(text, "ru", published)] == [date]


def test_year_word_is_never_read_as_years_ago():
    # dateparser reads "2022 року" as "2 years ago"
    assert [(r.text, r.date) for r in when.find("2022 року та 5 років тому", "uk", "2024-04-12")] == [
        ("2022 року", "2022"), ("5 років тому", "2019")]


def test_relative_flag():
    refs = when.find("30 грудня, у середу, у березні минулого року, у 2022 році", "uk", "2024-04-12")
    assert [(r.text, r.relative) for r in refs] == [
        ("30 грудня", False), ("у середу", True), ("у березні минулого року", True), ("у 2022 році", False)]


def test_eve_of_with_morphology():
    from entente.nlp.morph import Morph

    with_morph = When(Morph())
    text = "Накануне начала переговоров. Накануне представители сторон встретились."
    assert [r.date for r in with_morph.find(text, "ru", "2024-04-12")] == ["2024-04-11"]


def test_unknown_language_uses_all_grammars():
    assert [r.date for r in when.find("вчера и 9 April 2024", "xx", "2024-04-12")] == ["2024-04-11", "2024-04-09"]


def test_nearest_stays_inside_the_sentence():
    text = "Вчера министр прибыл в Пекин. В среду он встретился с Си."
    refs = when.find(text, "ru", "2024-04-12")
    pos = text.index("встретился")
    assert nearest(refs, pos).text == "В среду"
    assert nearest(refs, text.index("прибыл"), 0, text.index(".")).text == "Вчера"
    assert nearest(refs, pos, text.index("Пекин")) is not None
    assert nearest([TimeRef(0, 5, "вчера", None, True)], 3) is None


def test_starter_scan_finds_what_a_full_scan_finds():
    # `find` tries the grammar only where a starter word begins; that must lose nothing
    texts = [row.split("|")[2] for row in CASES.splitlines()] + [
        "В период с 2014 по 2016 год, на прошлой неделе и в ночь со вторника на среду; by the beginning of May, "
        "over the past week, a year ago, mid-March, the day before yesterday."]
    for lang in ("ru", "uk", "en", "xx"):
        g = when.grammar(lang)
        for text in texts:
            lowered = text.lower()
            assert [m.span() for m in g.matches(text, lowered)] == [m.span() for m in g.pattern.finditer(lowered)]
