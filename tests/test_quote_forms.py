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
