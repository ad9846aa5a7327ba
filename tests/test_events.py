"""The PLOVER event coder on single news sentences: type, mode, actor and recipient, negation,
modality, date, location. Publication date of every sentence: 2024-04-10 (a Wednesday)."""

from __future__ import annotations

import pytest

from entente.models import Article

PUBLISHED = "2024-04-10"


def code(pipeline, text: str):
    a = pipeline(Article(file="t.txt", text=text, published=PUBLISHED))
    return [(e.type, e.mode, e.actor, e.recipient, e.negated, e.modality) for e in a.events], a.events


@pytest.mark.parametrize("text, expected", [
    ("Президент России Владимир Путин 8 апреля встретился в Пекине с председателем КНР Си Цзиньпином.",
     ("CONSULT", None, ("person:vladimir-putin",), ("person:xi-jinping",), False, "asserted")),
    ("Министр иностранных дел Китая Ван И посетил Россию с двухдневным визитом.",
     ("CONSULT", "visit", ("person:wang-yi",), ("RUS",), False, "asserted")),
    # «Ли» of «Ли Шанфу» is a name, not the question particle «ли»; «Шанфу» does not decline
    ("Ли Шанфу посетил Москву.", ("CONSULT", "visit", ("person:li-shangfu",), ("place:moscow",), False, "asserted")),
    ("Президент Казахстану Касим-Жомарт Токаєв провів телефонну розмову з Сі Цзіньпіном.",
     ("CONSULT", "phone", ("person:kassym-jomart-tokayev",), ("person:xi-jinping",), False, "asserted")),
    ("Россия и Китай провели совместные военные учения в Японском море.",
     ("COOPERATE", None, ("RUS",), ("CHN",), False, "asserted")),
    ("США ввели санкции против российских банков.",
     ("SANCTION", "discontinue", ("USA",), ("RUS",), False, "asserted")),
    ("The United States imposed sanctions on Iran.",
     ("SANCTION", "discontinue", ("USA",), ("IRN",), False, "asserted")),
    ("Ukraine accused Russia of shelling Kharkiv on Tuesday.",
     ("ACCUSE", "allege", ("UKR",), ("RUS",), False, "asserted")),
])
def test_one_event_with_its_parties(pipeline, text, expected):
    events, _ = code(pipeline, text)
    assert events == [expected]


def test_readiness_and_promises_are_agree_not_cooperation(pipeline):
    events, _ = code(pipeline, "Китай готов расширять сотрудничество с Казахстаном.")
    assert events == [("AGREE", None, ("CHN",), ("KAZ",), False, "asserted")]
    events, _ = code(pipeline, "Лавров заявил: «Мы будем укреплять сотрудничество с Китаем».")
    assert events == [("AGREE", None, ("person:sergey-lavrov",), ("CHN",), False, "asserted")]


@pytest.mark.parametrize("text, kind", [
    ("Си Цзиньпин не подтвердил визит в Москву.", "CONSULT"),
    ("Угорщина утрималася від засудження Росії.", "ACCUSE"),
])
def test_what_did_not_happen_is_kept_negated(pipeline, text, kind):
    events, _ = code(pipeline, text)
    assert [(e[0], e[4]) for e in events] == [(kind, True)]


def test_conditions_are_hypothetical_and_the_other_clause_keeps_its_subject(pipeline):
    events, _ = code(pipeline, "Если Вашингтон введет новые санкции, Пекин ответит.")
    assert events == [("SANCTION", "discontinue", ("org:USA-GOV",), (), False, "hypothetical")]


def test_date_and_place_of_a_meeting(pipeline):
    _, events = code(pipeline, "China and Russia held talks in Beijing on Monday.")
    [e] = events
    assert (e.type, e.actor, e.recipient, e.date, e.location) == ("CONSULT", ("CHN",), ("RUS",), "2024-04-08",
                                                                   "place:beijing")
    assert e.sentence == "China and Russia held talks in Beijing on Monday." and e.trigger == "held talks"


def test_events_inside_a_time_reference_are_not_reported(pipeline):
    events, _ = code(pipeline, "Москва и Пекин объявили о партнерстве незадолго до вторжения в Украину.")
    assert all(e[0] != "ASSAULT" for e in events)


def test_an_event_long_before_publication_is_historical(pipeline):
    _, events = code(pipeline, "В октябре 2019 года Россия и Китай провели совместные военные учения.")
    [e] = events
    assert (e.type, e.date, e.historical) == ("COOPERATE", "2019-10", True)
    _, events = code(pipeline, "China and Russia held talks in Beijing on Monday.")
    assert [e.historical for e in events] == [False]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a passive: the subject is the recipient, the "by" phrase the actor
        ("Israel was attacked by Syria on Monday.", ("ASSAULT", None, ("SYR",), ("ISR",), False, "asserted")),
        # "to" + a country is a recipient, not a destination
        ("Japan halted economic aid to Serbia.", ("SANCTION", "discontinue", ("JPN",), ("SRB",), False, "asserted")),
        # with no one else named, the country where it is done is the recipient
        ("Serbia lifted a night curfew in Montenegro.", ("CONCEDE", None, ("SRB",), ("MNE",), False, "asserted")),
        # "is opposed to" is a state, not a passive
        ("Israel is opposed to French mediation.", ("REJECT", None, ("ISR",), ("FRA",), False, "asserted")),
    ],
)
def test_english_argument_grammar(pipeline, text, expected):
    events, _ = code(pipeline, text)
    assert events[0] == expected


def test_english_apposition_is_not_the_subject(pipeline):
    events, _ = code(pipeline, "Pakistan, a key U.S. ally, has refused to deploy troops.")
    assert events[0][:3] == ("REJECT", None, ("PAK",))
