"""Direct quotes and their speakers. Each case reads as the data: language, text, the person mentions an
NER would give (by their text), and the expected quotes as `quote | speaker phrase | kind`, a leading
`~` marking a partial quote (a fragment inside the author's sentence)."""

from __future__ import annotations

import json

import pytest

from entente.extract.quotes import QuoteFinder, QuoteSpan
from tests.conftest import shared_path

CASES = [
    # speaker after the quote
    ("ru", "«Мы готовы к диалогу», — сказал министр обороны РФ Сергей Шойгу.", ["Сергей Шойгу"],
     ["Мы готовы к диалогу | Сергей Шойгу | person"]),
    ("ru", "«Решение уже принято», — сказал собеседник агентства.", [],
     ["Решение уже принято | собеседник агентства | noun"]),
    ("ru", "«Мы не видим угрозы», — заявил он журналистам.", [], ["Мы не видим угрозы | он | pronoun"]),
    ("ru", "«Переговоры прошли конструктивно», — отмечается в заявлении МИД.", [],
     ["Переговоры прошли конструктивно | заявлении МИД | institution"]),
    ("ru", "«Контакты продолжатся», — заявили в Кремле.", [], ["Контакты продолжатся | Кремле | institution"]),
    ("uk", "«Ми надаватимемо підтримку», - сказав Ван Ї.", ["Ван Ї"], ["Ми надаватимемо підтримку | Ван Ї | person"]),
    ("uk", '"Санкції підривають світовий порядок", заявив він.', [],
     ["Санкції підривають світовий порядок | він | pronoun"]),
    ("uk", "«Переговори тривають», – йдеться в заяві Офісу президента.", [],
     ["Переговори тривають | заяві Офісу президента | institution"]),
    ("uk", '"Китай продовжує надавати матеріали", - наводять слова Блінкена журналісти.', ["Блінкена"],
     ["Китай продовжує надавати матеріали | Блінкена | person"]),
    ("en", '"We will win," Trump said.', ["Trump"], ["We will win, | Trump | person"]),
    ("en", '"We will win," said Sen. Bernie Sanders.', [], ["We will win, | Sen. Bernie Sanders | noun"]),
    ("en", "“It is over,” the ministry said in a statement.", [], ["It is over, | the ministry | institution"]),
    ("en", "“We will win,” Graham, a former candidate, told CBS News.", ["Graham"],
     ["We will win, | Graham | person"]),
    # speaker before the quote
    ("ru", "Путин заявил: «Россия не собирается ни на кого нападать».", ["Путин"],
     ["Россия не собирается ни на кого нападать | Путин | person"]),
    ("ru", "По словам посла России в КНР Андрея Денисова, «стороны должны совместно работать».", ["Андрея Денисова"],
     ["~стороны должны совместно работать | Андрея Денисова | person"]),
    ("ru", "Как отметил глава МИД Сергей Лавров, «диалог продолжится».", ["Сергей Лавров"],
     ["~диалог продолжится | Сергей Лавров | person"]),
    ("ru", "В беседе с Чжаном Путин отметил, что НАТО «пытается выйти за пределы своей сферы».", ["Чжаном", "Путин"],
     ["~пытается выйти за пределы своей сферы | Путин | person"]),
    ("uk", "За словами Лаврова, \"діалог триватиме\".", ["Лаврова"], ["~діалог триватиме | Лаврова | person"]),
    ("uk", "Як зазначив речник МЗС, «позиція не змінилася».", [], ["~позиція не змінилася | речник МЗС | noun"]),
    ("en", 'Clinton said: "This is a serious problem."', ["Clinton"],
     ["This is a serious problem. | Clinton | person"]),
    ("en", 'According to the ministry, "talks were constructive."', [],
     ["~talks were constructive. | the ministry | institution"]),
    ("en", "She wrote: ‘We are ready.’", [], ["We are ready. | She | pronoun"]),
    ("en", "Of Carson, Levine, who has given money to Rubio, said, “He’s flat-out scary.”",
     ["Carson", "Levine", "Rubio"], ["He’s flat-out scary. | Levine | person"]),
    # partial fragments, names and scare quotes
    ("ru", "Лавров назвал отношения «беспрецедентно высокими».", ["Лавров"],
     ["~беспрецедентно высокими | Лавров | person"]),
    ("uk", 'Лавров зазначив, що відносини вийшли на "безпрецедентно високий рівень".', ["Лавров"],
     ["~безпрецедентно високий рівень | Лавров | person"]),
    ("en", "The senator called the plan “a disaster.”", [], ["~a disaster. | The senator | noun"]),
    ("ru", "Путин выступил на заседании клуба «Валдай».", ["Путин"], []),
    ("ru", "В «Акын-опере» ситуация была иная, а «зеленых» никто не слушал.", [], []),
    ("en", "He spoke at a “Make America Great Again” rally.", [], []),
    # nested, multi-sentence, interrupted, run-on paragraphs, inherited, unattributed
    ("ru", "«Газета „Известия“ написала неправду», — заявил Песков.", ["Песков"],
     ["Газета „Известия“ написала неправду | Песков | person"]),
    ("en", "“He called it ‘fake news,’ and left,” she said.", [],
     ["He called it ‘fake news,’ and left, | she | pronoun"]),
    ("ru", "«Мы готовы. Мы ждём ответа», — добавила Захарова.", ["Захарова"],
     ["Мы готовы. Мы ждём ответа | Захарова | person"]),
    ("ru", "«Первая часть, — сказал Песков, — вторая часть».", ["Песков"],
     ["Первая часть | Песков | person", "вторая часть | Песков | person"]),
    ("en", '"Not now," he said, "maybe later."', [], ["Not now, | he | pronoun", "maybe later. | he | pronoun"]),
    ("en", "Trump said: “First paragraph.\n\n“Second paragraph.”", ["Trump"],
     ["First paragraph. | Trump | person", "Second paragraph. | Trump | person"]),
    ("ru", "«Мы проводим учения», — сказал Шойгу. «Они не направлены против третьих стран».", ["Шойгу"],
     ["Мы проводим учения | Шойгу | person", "Они не направлены против третьих стран | Шойгу | person"]),
    ("ru", "‹Мы готовы›, — сказал он.", [], ["Мы готовы | он | pronoun"]),
    ("ru", "«Мы приедем втроём — с дочкой и мамой, — прийти в суд, — сказала она. — Нам не запрещали».", [],
     ["Мы приедем втроём — с дочкой и мамой, — прийти в суд | она | pronoun", "Нам не запрещали | она | pronoun"]),
    ("ru", "«Это конец эпохи».", [], ["Это конец эпохи | - | none"]),
    ("ru", "Санкции помогут ему, объясняет Сплидбёль.\n\n«В этом году состоятся выборы».", ["Сплидбёль"],
     ["В этом году состоятся выборы | Сплидбёль | person"]),
    ("ru", "Погода испортилась к вечеру.\n\n«В этом году состоятся выборы».", [],
     ["В этом году состоятся выборы | - | none"]),
]


@pytest.fixture(scope="module")
def finder() -> QuoteFinder:
    return QuoteFinder()


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    out = []
    for name in names:
        at = text.find(name)
        assert at >= 0, name
        out.append((at, at + len(name)))
    return sorted(out)


def _show(text: str, q: QuoteSpan) -> str:
    speaker = text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else "-"
    return f"{'~' if q.partial else ''}{q.text} | {speaker} | {q.speaker_kind}"


@pytest.mark.parametrize(("lang", "text", "people", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_quotes(finder: QuoteFinder, lang: str, text: str, people: list[str], expected: list[str]) -> None:
    found = finder.find(text, lang, _spans(text, people))
    assert [_show(text, q) for q in found] == expected
    for q in found:
        assert text[q.start:q.end] == q.text
        assert q.text == q.text.strip()


def test_orgs_make_institution_speakers(finder: QuoteFinder) -> None:
    text = "«Диалог продолжится», — говорится в заявлении МИД России."
    (q,) = finder.find(text, "ru", orgs=_spans(text, ["МИД России"]))
    # the organization with the noun it depends on: what spoke for it
    assert (text[q.speaker_start:q.speaker_end], q.speaker_kind) == ("заявлении МИД России", "institution")


def test_antecedent_of_pronoun(finder: QuoteFinder) -> None:
    text = "В беседе с Чжаном Путин отметил важность связей.\n\n«Мы открыты», — заявил он."
    people = _spans(text, ["Чжаном", "Путин"])
    (q,) = finder.find(text, "ru", people)
    assert q.speaker_kind == "pronoun"
    start, end = finder.antecedent(text, "ru", q.speaker_start or 0, people) or (0, 0)
    assert text[start:end] == "Путин"


@pytest.mark.shared
def test_seed_gold_quotes_all_found(finder: QuoteFinder) -> None:
    gold = json.loads(shared_path("gold", "seeds.json").read_text(encoding="utf-8"))
    for doc in gold["documents"]:
        text = shared_path("seeds", doc["file"]).read_text(encoding="utf-8")
        found = finder.find(text, doc["lang"])
        for g in doc["quotes"]:
            assert any(q.text.startswith(g["starts_with"]) for q in found), (doc["file"], g["starts_with"])
