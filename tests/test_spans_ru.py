from entente.extract.spans_ru import SpanRules, tidy

RULES = SpanRules.load()


def cut(text: str, label: str = "ORG") -> list[str]:
    return [text[s:e] for s, e, _ in tidy(text, [(0, len(text), label)], RULES)]


def test_legal_form_before_a_quoted_name_goes() -> None:
    assert cut("ОАО «Газпром»") == ["Газпром"]
    assert cut("РИА «Новости»") == ["Новости"]
    assert cut("партии «Единая Россия»") == ["партии «Единая Россия»"]  # not a legal form


def test_parentheses_bullets_and_lines_separate_names() -> None:
    assert cut("Джошуа Вольфа (Joshua Wolf)", "PER") == ["Джошуа Вольфа", "Joshua Wolf"]
    assert cut("Комитет защиты журналистов (КЗЖ)") == ["Комитет защиты журналистов", "КЗЖ"]
    assert cut("Йемен • Замбия", "LOC") == ["Йемен", "Замбия"]
    assert cut("Юкия Амано\nУшёл", "PER") == ["Юкия Амано", "Ушёл"]  # the common word goes in Cutter


def test_unpaired_quotes_and_edge_punctuation_go() -> None:
    assert cut("Кориера делла Сера»") == ["Кориера делла Сера"]
    assert cut("«Телевизора»") == ["Телевизора"]
    assert cut("Бенин) •", "LOC") == ["Бенин"]
    assert cut("«Солидарность") == ["Солидарность"]
