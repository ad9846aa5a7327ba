"""Quote speakers tied to actors (entente.extract.speakers): descriptors standing for a person named
earlier, and names the recognizer missed. Actors are built by hand from their mention texts."""

from __future__ import annotations

import pytest

from entente.extract.quote_reference import described
from entente.extract.quotes import QuoteFinder
from entente.extract.roles import Roles
from entente.extract.speakers import attribute
from entente.models import Actor, Mention


@pytest.fixture(scope="module")
def finder() -> QuoteFinder:
    return QuoteFinder()


NAMES = {"alla": "Alla Bout", "viktor": "Viktor Bout", "rachel": "Rachel Berg", "milton": "Milton Berg"}


def _actor(text: str, ident: str, kind: str, *names: str) -> Actor:
    mentions = []
    for name in names:
        at = text.index(name)
        mentions.append(Mention(at, at + len(name), name))
    return Actor(ident, NAMES.get(ident, ident), kind, mentions=tuple(mentions))  # canonical names tell gender


def _speakers(text: str, lang: str, actors: tuple[Actor, ...], finder: QuoteFinder) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in attribute(text, lang, actors, finder, Roles.load())]


SPEAKERS = [
    ("ru", "Экс-премьер Андрюс Кубилюс говорит, что штраф нужен. «Комиссия отказывается», — добавил экс-премьер.",
     [("kubilius", "person", "Андрюс Кубилюс")], [("Комиссия отказывается", "kubilius")]),
    ("uk", "Кандидат у президенти, багатій Дональд Трамп тішиться. “Вона актриса другого ешелону”, – відповів багатій.",
     [("trump", "person", "Дональд Трамп")], [("Вона актриса другого ешелону", "trump")]),
    ("ru", "Ирландский профсоюз пилотов Forsa достиг соглашения. «Соглашение достигнуто», - говорится в заявлении "
     "профсоюза.", [("forsa", "organization", "Forsa")], [("Соглашение достигнуто", "forsa")]),
    # a role noun before an organization: the person named earlier with that role in it
    ("ru", "Официальный представитель МИД РФ Мария Захарова ответила. «Это кризис», - прокомментировала отставку "
     "представитель российского МИД.",
     [("zakharova", "person", "Мария Захарова"), ("mfa", "organization", "МИД РФ | российского МИД")],
     [("Это кризис", "zakharova")]),
    ("ru", "Избран президент Барак Обама. «Проверки будут тщательными», — заявил Избранный президент.",
     [("obama", "person", "Барак Обама")], [("Проверки будут тщательными", None)]),
    # a role noun with an organization: not any person of that country, only one named with that organization
    ("ru", "Премьер Борис Джонсон ушёл. «Отставка принята», — сообщил пресс-секретарь британского парламента.",
     [("johnson", "person", "Борис Джонсон"), ("parliament", "organization", "британского парламента")],
     [("Отставка принята", "parliament")]),
    # an unnamed source stays unnamed; a genitive after the head names someone else
    ("ru", "Источник Андрюс Кубилюс. «Комиссия отказывается», — сказал источник.",
     [("kubilius", "person", "Андрюс Кубилюс")], [("Комиссия отказывается", None)]),
    ("ru", "Певица Селена Гомес в клинике. «Это не центр», — сказало доверенное лицо певицы.",
     [("gomez", "person", "Селена Гомес")], [("Это не центр", None)]),
    # English descriptors are common words: not resolved this way
    ("en", "The report by Donald Trump came out. “We welcome all,” the website said.",
     [("trump", "person", "Donald Trump")], [("We welcome all,", None)]),
    # a pronoun is the subject of the sentence that named the person, past sentences opening with it
    ("en", "Mr. Lou said there was nothing wrong with Mr. Lew's remarks. But he suggested that Mr. Lew had critics "
     "in mind. ''They're under pressure,'' he said.", [("lou", "person", "Lou"), ("lew", "person", "Lew")],
     [("They're under pressure,", "lou")]),
    ("ru", "В беседе с Чжаном Путин отметил важность связей.\n\n«Мы открыты», — заявил он.",
     [("zhang", "person", "Чжаном"), ("putin", "person", "Путин")], [("Мы открыты", "putin")]),
    # a pronoun's gender: «сказала она» is not the man named last, "she" not Milton
    ("ru", "Алла Бут увидит Виктора Бута в суде. «Мы не виделись с ноября», — сказала она.",
     [("alla", "person", "Алла Бут"), ("viktor", "person", "Виктора Бута")], [("Мы не виделись с ноября", "alla")]),
    ("en", "Rachel Berg spoke. Along with her husband, Milton Berg, she has given to many. “I feel bad,” she said.",
     [("rachel", "person", "Rachel Berg"), ("milton", "person", "Milton Berg")], [("I feel bad,", "rachel")]),
    ("en", "Mike Pence blamed the media. “It is unfair,” they said.", [("pence", "person", "Mike Pence")],
     [("It is unfair,", None)]),
    # a title after the verb, then an apposition that ends with a name: that name speaks, not whoever the title
    # would refer back to; not a clause of its own after the comma, nor a phrase that goes on elsewhere
    ("ru", "Асия Биби была оправдана. «Мы никогда не сдадимся», - пообещал лидер партии, радикальный проповедник "
     "Хадим Ризви.", [("bibi", "person", "Асия Биби"), ("rizvi", "person", "Хадим Ризви")],
     [("Мы никогда не сдадимся", "rizvi")]),
    ("ru", "Министр Сергей Лавров был в Москве. «Мы не сдадимся», - заявил министр, отвечая на вопрос Владимира "
     "Путина.",
     [("lavrov", "person", "Сергей Лавров"), ("putin", "person", "Владимира Путина")],
     [("Мы не сдадимся", "lavrov")]),
    # a name the recognizer missed is nobody else: not the person named before it
    ("en", 'Lakeisha Holloway will be charged. "The videos show intention," Clark County Sheriff Joe Lombardo said.',
     [("holloway", "person", "Lakeisha Holloway")], [("The videos show intention,", None)]),
]


@pytest.mark.parametrize(("lang", "text", "actors", "expected"), SPEAKERS, ids=[c[1][:40] for c in SPEAKERS])
def test_speakers(finder: QuoteFinder, lang: str, text: str, actors: list[tuple[str, str, str]],  # names: a | b
                  expected: list[tuple[str, str | None]]) -> None:
    built = tuple(_actor(text, ident, kind, *names.split(" | ")) for ident, kind, names in actors)
    assert _speakers(text, lang, built, finder) == expected


def test_descriptor_run_stops_at_punctuation() -> None:
    text = "Премьер заявил, Андрюс Кубилюс прибыл. «Нет», — сказал премьер."
    assert described(text, (text.rindex("премьер"), len(text) - 1), [(16, 30)]) is None


def test_gender_of_names_and_pronouns() -> None:
    from entente.extract.quote_lexicon import Gender

    gender = Gender.load()
    assert [gender.of_person(n) for n in ("Alla Bout", "Viktor Bout", "Nikita Khrushchev", "Rachel Berg",
                                          "Carly Fiorina", "Obama")] == ["f", "m", "m", "f", None, None]
    assert [gender.of_pronoun(w) for w in ("вона", "Он", "she", "they", "it")] == ["f", "m", "f", "p", None]
