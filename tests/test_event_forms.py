"""Word forms the event coder must read for what they are: forms that do not begin as their lemmas do, reflexive
and impersonal passives, protests held by people no one names, and predicate nouns that point back to an event
named before. Publication date: 2024-04-10."""

from __future__ import annotations

import pytest

from entente.models import Article


def code(pipeline, text: str):
    a = pipeline(Article(file="t.txt", text=text, published="2024-04-10"))
    return [(e.type, e.actor, e.recipient, e.negated) for e in a.events]


# a strike or a protest said to be held, to go on or to begin happened, though no one who holds it is an actor:
# the place it is held in is whom it concerns; a bare mention with no predicate reports nothing
@pytest.mark.parametrize("text, expected", [
    ("Пилоты в пятницу проводят забастовку в Германии.", [("PROTEST", (), ("DEU",), False)]),
    ("Пілоти у п'ятницю здійснюють страйк у Німеччині.", [("PROTEST", (), ("DEU",), False)]),
    ("У Грузії тривають протести.", [("PROTEST", (), ("GEO",), False)]),
    ("Рейсы в Германии задерживаются из-за забастовки.", []),
])
def test_a_protest_held_by_people_no_one_names_happened(pipeline, text, expected):
    assert code(pipeline, text) == expected


# «Это будет самая масштабная забастовка»: a predicate noun with a subject that points back describes the strike
# named before; it is no second event (and no threat of one)
def test_a_predicate_noun_pointing_back_is_no_new_event(pipeline):
    text = "Пилоты Ryanair объявили забастовку в Германии. Это будет самая масштабная забастовка в истории Ryanair."
    events = pipeline(Article(file="t.txt", text=text, published="2024-04-10")).events
    assert [e.sentence.startswith("Пилоты") for e in events] == [True], [(e.type, e.sentence) for e in events]


# a word is looked up when its first letters can begin a trigger or a cue: every form counts, not the lemma's
# alone («бои» of «бой», «бої» of «бій», «снимет» of «снять»; «мають намір» of the cue «мати намір»)
@pytest.mark.parametrize("text, expected", [
    ("Армия Сирии ведёт бои с Турцией.", [("ASSAULT", ("SYR",), ("TUR",), False)]),
    ("Армія Росії веде бої з Україною.", [("ASSAULT", ("RUS",), ("UKR",), False)]),
    ("Россия снимет санкции с Турции.", [("AGREE", ("RUS",), ("TUR",), False)]),  # a promise (ANNOTATION.md)
    ("Пілоти мають намір провести страйк у Німеччині.", [("THREATEN", (), ("DEU",), False)]),
])
def test_a_trigger_is_found_in_forms_that_begin_unlike_its_lemma(pipeline, text, expected):
    found = [(kind, tuple(x for x in actor if x.isupper()), recipient, negated)
             for kind, actor, recipient, negated in code(pipeline, text)]
    assert found == expected


# a word the first letters let through is lemmatized only if its lemma may open a trigger (`Lexicon.may_open`): a
# form the dictionary knows opens one only if it begins as a form of the trigger word, of its reflexive or of its
# Ukrainian participle does (е for ё, any apostrophe); a word the dictionary does not know may (its lemma is guessed)
@pytest.mark.parametrize("word, lang, opens", [
    ("пошел", "ru", True), ("Начнет", "ru", True), ("обсуждались", "ru", True), ("вбиті", "uk", True),
    ("пом’якшення", "uk", True), ("збитий", "uk", True), ("Встречались", "ru", True), ("встречкабанта", "ru", True),
    ("прибрежный", "ru", False), ("вставку", "ru", False), ("заводом", "uk", False), ("president", "en", True),
])
def test_a_word_is_looked_up_where_its_lemma_may_open_a_trigger(pipeline, word, lang, opens):
    lexicon = pipeline.toolkit.events.lexicon
    lemma = lexicon.lemma(word, lang)
    opening = lemma in lexicon.triggers[lang] or lemma in lexicon.fronted[lang]
    assert lexicon.may_open(word, lang) == opens and (opens or not opening), lemma


def test_the_ukrainian_participles_of_a_verb_are_those_read_as_it():
    from entente.extract.event_lexicon import _uk_participles, _uk_verbs

    for participle in ("звинувачений", "запроваджений", "проведений", "знятий", "схвалений", "пом'якшений"):
        assert all(participle in _uk_participles(verb) for verb in _uk_verbs(participle)), participle


# an imperfective reflexive is the passive of the verb a trigger has: its subject undergoes it, an instrumental
# does it; a reflexive with a sense of its own («требуется»: is needed) is no trigger
@pytest.mark.parametrize("text, expected", [
    ("Бывший премьер Италии обвиняется в уклонении от налогов.", [("ACCUSE", (), ("ITA",), False)]),
    ("Підходи обговорювалися з урядом України.", [("CONSULT", (), ("UKR",), False)]),
    ("Требуется помощь Украине.", []),
])
def test_a_reflexive_passive_is_read_as_the_passive_of_its_verb(pipeline, text, expected):
    found = [(kind, actor, tuple(x for x in recipient if x.isupper()), negated)
             for kind, actor, recipient, negated in code(pipeline, text)]
    assert found == expected


# a Ukrainian passive's doer is the instrumental, or the name in the genitive of an instrumental noun; the
# impersonal form in -но / -то is a passive too, and never a describing participle
@pytest.mark.parametrize("text, actor", [
    ("Ці вимоги активно підтримуються представниками Європейської комісії.", "org:EC"),
    ("Угоду з Польщею підписано урядом України.", "UKR"),
])
def test_a_ukrainian_passives_doer_is_its_instrumental(pipeline, text, actor):
    events = pipeline(Article(file="t.txt", text=text, published="2024-04-10")).events
    assert len(events) == 1 and actor in events[0].actor, [(e.type, e.actor, e.recipient) for e in events]


# the infinitive of a future tense is a verb with its own subject, not a noun a speech verb mentions: Russia, not
# the minister who says so, will support China
def test_the_infinitive_of_a_future_tense_is_a_verb(pipeline):
    events = code(pipeline, "Лавров заявил, что Россия будет поддерживать Китай.")
    assert [(kind, actor, recipient) for kind, actor, recipient, _ in events] == [("AGREE", ("RUS",), ("CHN",))]


# no objection is consent: the «не» that begins the trigger does not negate it; one inside a gapped phrase does
@pytest.mark.parametrize("text, expected", [
    ("США не будут возражать против вооружения повстанцев Францией.", [("SUPPORT", ("USA",), ("FRA",), False)]),
    ("Польща не заперечує проти вступу України до НАТО.", [("SUPPORT", ("POL",), ("UKR",), False)]),
])
def test_no_objection_is_support(pipeline, text, expected):
    assert code(pipeline, text) == expected


# «стороны», "both sides" stand for the article's two main countries in what two sides do together; accusations
# «в адрес обеих стран» are no accusation of one by the other
@pytest.mark.parametrize("second, expected", [
    ("Стороны договорились продолжить диалог.", [("AGREE", ("RUS",), ("USA",), False)]),
    ("В адрес обеих стран поступают обвинения в нарушениях прав человека.", []),
])
def test_both_sides_are_the_main_pair_only_in_what_they_do_together(pipeline, second, expected):
    text = "Россия и США провели переговоры в Женеве. " + second
    events = pipeline(Article(file="t.txt", text=text, published="2024-04-10")).events
    found = [(e.type, e.actor, e.recipient, e.negated) for e in events if e.sentence == second]
    assert found == expected, [(e.type, e.actor, e.recipient, e.rule) for e in events]


# a Russian short passive participle: whom the nominative names underwent it, even where the parser hung the
# subject on another verb of the sentence
def test_a_short_passive_participles_nominative_underwent_it(pipeline):
    text = ("Бывший президент Йемена Али Абдалла Салех был убит, подтвердила в понедельник, 4 декабря 2017 года, "
            "его партия после появления в соцсетях видео с телом политика.")
    events = code(pipeline, text)
    assert [(kind, actor, recipient) for kind, actor, recipient, _ in events] == [
        ("ASSAULT", (), ("person:ali-abdullah-saleh",))
    ]


# «призван» after a thing says what it is meant for; after a party, that it was called on
@pytest.mark.parametrize("text, requests", [
    ("Эксперты считают, что визит Нетаньяху в Москву призван решить эту проблему.", 0),
    ("Россия была призвана спасти режим в Сирии.", 1),
])
def test_a_participle_of_purpose_is_no_request(pipeline, text, requests):
    assert [kind for kind, *_ in code(pipeline, text)].count("REQUEST") == requests


# an event or a force of nature destroys or threatens only in a figure; a person or a state does so in fact
@pytest.mark.parametrize("text, kind, coded", [
    ("Политический кризис угрожает шансам Терезы Мэй.", "THREATEN", False),
    ("Забастовка в пяти странах угрожает Ryanair отменой рейсов.", "THREATEN", False),
    ("Россия угрожает Украине.", "THREATEN", True),
    ("Смертник напал на военных в Кандагаре.", "ASSAULT", True),
    ("The crisis threatens Ukraine.", "THREATEN", False),
])
def test_a_thing_destroys_or_threatens_only_in_a_figure(pipeline, text, kind, coded):
    assert (kind in [k for k, *_ in code(pipeline, text)]) == coded
