import pytest

from entente.nlp.dates import Calendar, normalize_iso

cal = Calendar.load()

LINES = """\
4 декабря 2020 г. в 19:00      | 2020-12-04
29 Квітня 2024                 | 2024-04-29
21.02.2025                     | 2025-02-21
5 марта 2024, 10:15            | 2024-03-05
Опубліковано 3 квітня 2023     | 2023-04-03
Published: April 9, 2024 10:15 GMT | 2024-04-09
Oct 18, 2024 at 5:00 pm        | 2024-10-18
2024-04-09                     | 2024-04-09
березень 2024                  | 2024-03
вівторок, 9 квітня             | -
19:36                          | -
Сегодня, 14:05                 | -
"""

NOT_DATE_LINES = ["Китай готов", "Прочитано 496 раз", "0", "у вівторок, 9 квітня Ван Ї прибув", "May be later",
                  "Март", "31.13.2024"]


@pytest.mark.parametrize("line,iso", [tuple(x.strip() for x in row.split("|")) for row in LINES.splitlines()])
def test_date_lines(line, iso):
    found = cal.date_line(line)
    assert found is not None, line
    assert found.iso() == (None if iso == "-" else iso)


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_not_date_lines(line):
    found = cal.date_line(line)
    assert found is None or found.iso() is None


def test_year_is_never_read_as_relative():
    # dateparser reads "2022 року" as "2 years ago"; the grammar reads the month and year.
    dates = [d.iso() for d, _, _ in cal.find_dates("у лютому 2022 року, у лютому 2022 р.")]
    assert dates == ["2022-02", "2022-02"]


def test_find_dates_offsets():
    text = "В октябре 2019 года он упомянул; WASHINGTON, March 5, 2024 (AP)"
    found = [(d.iso(), text[s:e]) for d, s, e in cal.find_dates(text)]
    assert found == [("2019-10", "октябре 2019 года"), ("2024-03-05", "March 5, 2024")]


@pytest.mark.parametrize("value,iso", [("2024-04-09T10:00:00+03:00", "2024-04-09"), ("2024-04", "2024-04"),
                                       ("09.04.2024", "2024-04-09"), ("", None), ("soon", None)])
def test_normalize_iso(value, iso):
    assert normalize_iso(value) == iso
