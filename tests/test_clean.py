"""Cleaning and metadata on small pages written like real scrapes (not the seed texts)."""

import pytest

from entente import Article

RU_PAGE = """\
Политика
12 марта 2024, 14:05
Лавров и Ван И обсудили ситуацию на Корейском полуострове | Новости дня
Фото: Reuters
Министр иностранных дел России Сергей Лавров провел переговоры с китайским коллегой Ван И в Москве.
Стороны обсудили ситуацию на Корейском полуострове и в Азиатско-Тихоокеанском регионе.
Что известно
Лавров заявил, что Москва и Пекин будут и дальше координировать усилия в ООН.
Читайте также: Путин провел телефонный разговор с Си Цзиньпином
Ранее стороны договорились о новых консультациях по безопасности.
Теги:
Россия, Китай, МИД
Просмотров: 1 204
"""

EN_PAGE = """\
EU adopts new package of sanctions against Russia - Reuters
BRUSSELS, June 23, 2023 (Reuters) - The European Union adopted its eleventh package of sanctions \
against Russia on Friday, EU officials said.
The package includes measures aimed at stopping the circumvention of existing sanctions through third countries.
World
24.06.2023
Ukraine says it retook territory near Bakhmut
25.06.2023
Oil prices edge higher on supply worries
Sign up for our daily briefing newsletter
"""

UK_PAGE = """\
https://cdn.example.ua/images/2023/04/12/photo.jpg
Зеленський провів телефонну розмову з Сі Цзіньпіном
Світ
Президент України Володимир Зеленський провів телефонну розмову з головою КНР Сі Цзіньпіном.
Розмова тривала майже годину, повідомив Зеленський у соцмережах.
Популярне
Уряд ухвалив нові правила для переселенців
Нацбанк знизив облікову ставку до 15%
У Києві відкрили новий міст через Дніпро
Всі новини
"""


def reasons(analysis):
    return [(r.text, r.reason) for r in analysis.removed]


def test_russian_page_header_body_footer(pipeline):
    a = pipeline(Article(file="ru.txt", text=RU_PAGE))
    assert a.title == "Лавров и Ван И обсудили ситуацию на Корейском полуострове"
    assert a.published == "2024-03-12"
    assert a.lang == "ru"
    assert reasons(a) == [
        ("Политика", "rubric"),
        ("12 марта 2024, 14:05", "date"),
        ("Лавров и Ван И обсудили ситуацию на Корейском полуострове | Новости дня", "title"),
        ("Фото: Reuters", "photo_credit"),
        ("Читайте также: Путин провел телефонный разговор с Си Цзиньпином", "read_also"),
        ("Теги:", "taxonomy_label"),
        ("Россия, Китай, МИД", "taxonomy"),
        ("Просмотров: 1 204", "view_counter"),
    ]
    # A subheading inside the article and the sentence starting with "Ранее" stay.
    assert "Что известно" in a.text.splitlines()
    assert "Ранее стороны договорились о новых консультациях по безопасности." in a.text


def test_english_page_teasers_and_agency_dateline(pipeline):
    a = pipeline(Article(file="en.txt", text=EN_PAGE))
    assert a.title == "EU adopts new package of sanctions against Russia"
    assert a.published == "2023-06-23"
    assert a.source == "Reuters"
    assert a.text.count("\n\n") == 1  # two paragraphs, nothing of the teaser list
    assert {r.reason for r in a.removed} >= {"teaser", "date", "title"}
    assert ("Oil prices edge higher on supply worries", "teaser") in reasons(a)


def test_ukrainian_page_teaser_block_without_dates(pipeline):
    a = pipeline(Article(file="uk.txt", text=UK_PAGE))
    assert a.title == "Зеленський провів телефонну розмову з Сі Цзіньпіном"
    assert a.published is None  # the page states no date of its own
    assert a.lang == "uk"
    assert a.text.splitlines()[0].startswith("Президент України")
    assert "Нацбанк" not in a.text and "Всі новини" not in a.text
    assert ("https://cdn.example.ua/images/2023/04/12/photo.jpg", "image_url") in reasons(a)


def test_teaser_dates_are_never_the_publication_date(pipeline):
    page = EN_PAGE.replace("BRUSSELS, June 23, 2023 (Reuters) - ", "")
    a = pipeline(Article(file="en.txt", text=page))
    assert a.published is None


def test_metadata_given_by_the_input_wins(pipeline):
    a = pipeline(Article(file="x.jsonl", text=RU_PAGE, title="Лавров и Ван И обсудили ситуацию на Корейском "
                         "полуострове | Новости дня", published="2024-03-13T08:00:00Z", source="ТАСС",
                         url="https://tass.ru/politika/1"))
    assert (a.title, a.published, a.source, a.url) == (
        "Лавров и Ван И обсудили ситуацию на Корейском полуострове", "2024-03-13", "TASS", "https://tass.ru/politika/1")


def test_offsets_of_paragraphs_point_into_text(pipeline):
    a = pipeline(Article(file="ru.txt", text=RU_PAGE))
    assert [a.text[p.start:p.end] for p in a.paragraphs] == a.text.split("\n\n")
    assert all(p.lang == "ru" for p in a.paragraphs)


def test_source_cues(pipeline):
    text = "Заголовок новости о визите\n\nМОСКВА, 5 марта 2024 г. – РИА Новости. Путин встретился с Токаевым."
    a = pipeline(Article(file="a.txt", text=text))
    assert (a.source, a.published) == ("RIA Novosti", "2024-03-05")
    text = "Заголовок новини про візит\n\nПрем'єр Японії прибув до Києва, пише Укрінформ."
    assert pipeline(Article(file="b.txt", text=text)).source == "Ukrinform"
    text = "Заголовок новини про візит\n\nПро це повідомляє МЗС України, яке не є видавцем."
    assert pipeline(Article(file="c.txt", text=text)).source is None


def test_prose_that_mentions_signing_up_is_kept(pipeline):
    text = ("Sanders supporter banned from dating app\n\nA woman's right-swiping in an effort to get men to sign up "
            "for updates from Bernie Sanders's presidential bid resulted in her account being suspended.\n\n"
            "Sign up for our daily briefing newsletter")
    a = pipeline(Article(file="en.txt", text=text))
    assert "sign up for updates from Bernie Sanders" in a.text
    assert [r.reason for r in a.removed] == ["title", "newsletter"]


def test_live_blog_time_stamps_do_not_start_a_teaser_block(pipeline):
    text = ("The Latest: Cruz celebrates in South Carolina\n\n8:15 p.m.\n\nSupporters gathered at the hotel "
            "ballroom as results came in.\n\n“Marco! Marco!”\n\n8:40 p.m.\n\nThe candidate thanked volunteers "
            "and said the campaign would go on.")
    a = pipeline(Article(file="en.txt", text=text))
    assert "The candidate thanked volunteers" in a.text and "Supporters gathered" in a.text
    assert not any(r.reason == "teaser" for r in a.removed)


def test_short_final_sentences_are_body(pipeline):
    text = "Переговоры в Женеве\n\nДелегации встретились во вторник утром.\n\nПереговоры продолжаются."
    assert pipeline(Article(file="ru.txt", text=text)).text.endswith("Переговоры продолжаются.")


ARCHIVE_PAGE = """\
Columbia defends Exxon articles.

ABSTRACT.

The university rebutted Exxon's accusation that articles about the company were misleading and inaccurate.

FULL TEXT.

The dean of the school has published a letter strongly disputing accusations by Exxon Mobil.
"""


def test_an_archive_copys_headline_ends_in_a_period_and_its_section_labels_are_furniture(pipeline):
    a = pipeline(Article(file="a.txt", text=ARCHIVE_PAGE))
    assert a.title == "Columbia defends Exxon articles."
    assert {x.text: x.reason for x in a.lines if x.label == "junk"} == {
        "ABSTRACT.": "section_label", "FULL TEXT.": "section_label"}
    # a one-line lead that runs on into the next paragraph line is no headline
    lead = pipeline(Article(file="b.txt", text="Russia and China held talks in Beijing on Monday.\n"
                                               "The two sides discussed trade and security at length.\n"))
    assert lead.title is None


def test_feed_time_stamps_and_long_site_suffixes_leave_the_title(pipeline):
    a = pipeline(Article(file="a.txt", text="16:52 У Ryanair почалися страйки\n\nПілоти оголосили страйк у п'ятницю."))
    assert a.title == "У Ryanair почалися страйки"
    page = "Дональд Трамп - новини і статті nv.ua на тему Дональд Трамп / Новое Время\n\nТрамп виступив у Флориді."
    b = pipeline(Article(file="b.txt", text=page))
    assert b.title == "Дональд Трамп"


@pytest.mark.parametrize("line, reason", [
    ("* Якщо Ви знайшли помилку в тексті новини, виділіть її та натисніть Ctrl+Enter.", "error_report"),
    ("Більше про тендерну діяльність вузу тут.", "more_about"),
    ("Подробнее о ходе переговоров по «Брекситу» читайте в “Ъ”.", "more_about"),
    ("inosmi.ruПосмотреть оригиналапрель 22-го, 2016", "view_original"),
])
def test_pointers_to_other_pages_and_error_prompts_are_furniture(pipeline, line, reason):
    a = pipeline(Article(file="a.txt", text=f"Заголовок новости дня\n\nПутин прибыл в Пекин с визитом.\n{line}\n"))
    assert {x.text: x.reason for x in a.lines if x.label == "junk"}.get(line) == reason


CAPTIONED = """\
В Стокгольме вручены Нобелевские премии 2013
Карл XVI Густав в 2010 году
Вечером 10 декабря 2013 года в концертном зале Стокгольмской филармонии король вручил Нобелевские премии.
"""

LEAD = """\
Забастовка пилотов Ryanair
Работники ирландской авиакомпании Ryanair планируют 12 сентября провести забастовку
Профсоюзы пилотов Германии и Нидерландов поддержали акцию, сообщает агентство.
"""


def test_a_verbless_line_between_headline_and_text_is_a_caption_and_a_lead_stays(pipeline):
    a = pipeline(Article(file="a.txt", text=CAPTIONED))
    assert [(x.text, x.reason) for x in a.lines if x.label == "junk"] == [("Карл XVI Густав в 2010 году", "caption")]
    b = pipeline(Article(file="b.txt", text=LEAD))
    assert "планируют 12 сентября провести забастовку" in b.text


def test_a_caption_with_full_stops_under_the_headline_is_furniture_and_a_verbless_lead_is_not(pipeline):
    caption = "Принадлежности Русской Православной церкви. Российская национальная выставка. Минск, Белоруссия."
    text = f"В банке ввели временную администрацию\n\n{caption}\nБанк России ввёл временную администрацию.\n"
    a = pipeline(Article(file="a.txt", text=text))
    assert [x.reason for x in a.lines if x.label == "junk"] == ["caption"]
    lead = "Российский президент Владимир Путин очень доволен британским расставанием с ЕС."
    b = pipeline(Article(file="b.txt", text=f"Путин считает брексит победой\n\n{lead}\nОб этом пишет газета.\n"))
    assert "очень доволен британским" in b.text


def test_a_first_line_crediting_a_known_outlet_is_the_headline(pipeline):
    page = "Reuters: Росія і Китай провели переговори в Пекіні.\n\"Ми обговорили все\", - сказав Лавров.\n"
    assert pipeline(Article(file="a.txt", text=page)).title == "Reuters: Росія і Китай провели переговори в Пекіні."
    lead = "Москва: переговоры продолжаются.\nСтороны обсудили торговлю и безопасность в регионе.\n"
    assert pipeline(Article(file="b.txt", text=lead)).title is None  # not an outlet


def test_a_one_line_text_is_never_taken_for_a_caption(pipeline):
    a = pipeline(Article(file="a.txt", text="Зеленський не прийняв Орбана."))
    assert a.text == "Зеленський не прийняв Орбана."
