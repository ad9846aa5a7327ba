"""Which of a sentence's mentions can be an event's parties, and as what. The members of a list of names share the
preposition before its first member: «в Испании, Бельгии, Италии и Португалии» are four places where a strike is held,
not a place and three parties it is done to; "airstrikes in Iraq and Syria" are done to both. Not "of" (which noun it
hangs on is unknown: "Cruz of Texas and Rubio") nor "between". A source phrase («по словам X», "according to X") names
no party at all. Publication date: 2018-08-10."""

from __future__ import annotations

import pytest

from entente.models import Article


def sides(pipeline, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    a = pipeline(Article(file="t.txt", text=text, published="2018-08-10"))
    return [(e.type, e.actor, e.recipient) for e in a.events]


@pytest.mark.parametrize("text, expected", [
    # the places of a strike are where it is held: the strike is against the airline its genitive names
    ("В Испании, Бельгии, Италии и Португалии 25 и 26 июля состоялась забастовка бортпроводников Ryanair.",
     ("PROTEST", (), ("org:IRL-RYANAIR",))),
    # every member is a place, the first as much as the last
    ("Минулого тижня пройшли страйки пілотів і бортпровідників в Італії, Іспанії, Португалії та Бельгії.",
     ("PROTEST", (), ("ITA", "ESP", "PRT", "BEL"))),
    ("Obama's strategy of airstrikes in Iraq and Syria is inadequate, Republicans said.",
     ("ASSAULT", (), ("IRQ", "SYR"))),
    # "of" is not shared: Rubio is a subject as much as Cruz
    ("Ted Cruz of Texas and Marco Rubio of Florida have both urged Trump to release the tapes.",
     ("REQUEST", ("person:ted-cruz", "person:marco-rubio"), ("person:donald-trump",))),
])
def test_the_members_of_a_list_share_its_preposition(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # «по данным», «за словами», "according to" name whom the sentence is told by, not a party to its event
    ("По данным турецких силовых структур, теракт осуществил Мевлют Мерт Алтынташ.",
     ("ASSAULT", ("person:mevlut-mert-altyntash",), ())),
    ("По словам Константина Косачева, Великобритания пригрозила России новыми санкциями.",
     ("THREATEN", ("GBR",), ("RUS",))),
])
def test_a_source_phrase_names_no_party(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # a country's adjective before a body of that country is its nationality, not a second party
    ("Ирландская авиакомпания Ryanair обвинила профсоюз пилотов в срыве переговоров.",
     ("ACCUSE", ("org:IRL-RYANAIR",), ())),
    ("Российский газовый концерн Газпром подписал соглашение с Китаем.",
     ("COOPERATE", ("org:RUS-GAZPROM",), ("CHN",))),
    # through quote marks too; and the workers of the body strike against it, it does not strike
    ("Пилоты и бортпроводники ирландской компании «Ryanair» объявили 24-часовую забастовку.",
     ("PROTEST", (), ("org:IRL-RYANAIR",))),
])
def test_a_bodys_nationality_is_no_party_of_its_own(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text", [
    "Асия Биби все обвинения в свой адрес отрицала.",
    "Звинувачення проти себе Дмитро Філіпчук називає замовними.",
])
def test_a_reflexive_after_an_event_noun_makes_the_subject_its_target(pipeline, text):
    found = [s for s in sides(pipeline, text) if s[0] == "ACCUSE"]
    assert found and all(not actor and recipient for _, actor, recipient in found), found


@pytest.mark.parametrize("text, expected", [
    # a head that cannot be genitive opens its own phrase after another noun: it is no complement of that noun, and
    # its genitive body acts («Виплату компенсацій керівництво Ryanair відхиляє»: Ryanair refuses)
    ("Виплату інших компенсацій пасажирам керівництво Ryanair відхиляє.", ("REJECT", ("org:IRL-RYANAIR",), ())),
    # a part of a body acts for it
    ("Значна частина Консервативної партії критикує прем'єра.", ("ACCUSE", ("org:GBR-CONSERVATIVES",), ())),
])
def test_a_heads_genitive_body_acts(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text", [
    # who names an act is not who does it: the strike is the workers', not the airline's
    "Раніше керівництво Ryanair назвало цей страйк непотрібним.",
    "Trump defended eminent domain, calling the expropriation of private property an absolute necessity.",
])
def test_who_names_an_act_does_not_do_it(pipeline, text):
    found = sides(pipeline, text)
    assert not any(t in ("PROTEST", "COERCE") and actor for t, actor, _ in found), found


@pytest.mark.parametrize("text", [
    # what a clause's subject does because of an event it does not do: the airline cancels, the pilots strike
    "В среду Ryanair отменила 150 из 400 рейсов в Германии в связи с 24-часовой забастовкой пилотов.",
    "«Аэрофлот» меняет расписание рейсов 8 мая из-за забастовки работников управления воздушным движением в Италии.",
    "Ryanair cancelled 600 flights on Wednesday due to the strike of its pilots in Germany.",
])
def test_who_acts_because_of_an_event_does_not_do_it(pipeline, text):
    found = sides(pipeline, text)
    assert not any(t == "PROTEST" and actor for t, actor, _ in found), found


def test_the_cause_phrase_names_its_own_doer(pipeline):
    found = sides(pipeline, "Крупнейшие города Пакистана оказались парализованы в среду из-за протестов партии "
                           "«Техрик-э-Лабаик Пакистан».")
    assert any(t == "PROTEST" and actor for t, actor, _ in found), found


@pytest.mark.parametrize("text, expected", [
    # a name in Latin letters does not decline: before its own verb, with no noun or preposition governing it, it is
    # the verb's subject
    ("Лоукостеру неодноразово закидали недостатню оплату праці своїм працівникам, що Ryanair заперечує.",
     ("REJECT", ("org:IRL-RYANAIR",), ())),
    ("Ryanair також пообіцяв перейти на місцеві контракти.", ("AGREE", ("org:IRL-RYANAIR",), ())),
])
def test_a_latin_name_before_its_verb_is_its_subject(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text", [
    # a noun's genitive, or the second of two genitives, is no subject
    "Співробітники Ryanair вимагають підвищення зарплати.",
    "У Швейцарії Вищий суд відновив арешт акцій компаній «Nord Stream AG» та «Nord Stream 2 AG».",
])
def test_a_governed_latin_name_is_no_subject(pipeline, text):
    found = sides(pipeline, text)
    assert not any("NORD" in x.upper() or "RYANAIR" in x for _, actor, _ in found for x in actor), found


@pytest.mark.parametrize("text, expected", [
    # where the subject is a pronoun or a common noun, a name that case alone could make a subject is the verb's
    # object when the tree places it there
    ("Махмуд Аббас выступил в Рамалле. Он обвинил Израиль в попытке взять под контроль Храмовую гору.",
     ("ACCUSE", ("person:mahmoud-abbas",), ("ISR",))),
    ("Оппозиция обвиняет Саакашвили в авторитарном правлении и хочет его отставки.",
     ("ACCUSE", (), ("person:mikheil-saakashvili",))),
    # without a tree: a pronoun or a common noun before the verb is its subject, and the name after it, which may be
    # accusative, its object
    ("Махмуд Аббас виступив у Рамаллі. Він звинуватив Ізраїль у спробі взяти під контроль Храмову гору.",
     ("ACCUSE", ("person:mahmoud-abbas",), ("ISR",))),
    ("Опозиція звинувачує Саакашвілі в авторитарному правлінні.", ("ACCUSE", (), ("person:mikheil-saakashvili",))),
])
def test_the_verbs_object_is_done_to(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text", [
    # a strike noun that names its workers is theirs, not the clause's subject's
    "Директор по маркетингу Ryanair Кенни Джейкобс пояснил, что это связано с забастовкой 400 пилотов и 1000 "
    "бортпроводников.",
    "Глава Ryanair Майкл О'Лірі пригрозив перенести робочі місця з Ірландії до Польщі, оскільки авіакомпанія "
    "стикається зі страйками пілотів.",
])
def test_a_strike_of_named_workers_is_theirs(pipeline, text):
    found = sides(pipeline, text)
    assert not any(t == "PROTEST" and actor for t, actor, _ in found), found


@pytest.mark.parametrize("text, expected", [
    # a gerund has no subject of its own: its clause's is its doer
    ("Поддержав Башара Асада и тем самым изменив расклад сил в гражданской войне, Владимир Путин приоткрыл дверь для "
     "переговоров по Сирии.", ("SUPPORT", ("person:vladimir-putin",), ("person:bashar-al-assad",))),
    ("Поддержав кандидатуру Байдена, Габбард заявила, что он добросердечный человек.",
     ("SUPPORT", ("person:tulsi-gabbard",), ("person:joe-biden",))),
])
def test_a_gerunds_doer_is_its_clauses_subject(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, event_type, outsider", [
    # a clause with a subject of its own is another predication: its mentions are its sides, not this event's
    ("Бардо заявила, что готова попросить российское гражданство, если власти Франции не сделают ничего, чтобы "
     "спасти слоних.", "REQUEST", "FRA"),
    ("Дмитрий Гаев подал в отставку после того, как Генпрокуратура попросила Сергея Собянина его уволить.",
     "RETREAT", "person:sergey-sobyanin"),
    ("Американская администрация отказалась от прежней позиции, которая заключалась в том, что добиться успеха в "
     "войне невозможно, пока Башар Асад находится у власти.", "REJECT", "person:bashar-al-assad"),
])
def test_another_clauses_mentions_are_not_the_events_sides(pipeline, text, event_type, outsider):
    found = [(t, actor, recipient) for t, actor, recipient in sides(pipeline, text) if t == event_type]
    assert found and not any(outsider in actor + recipient for _, actor, recipient in found), found


@pytest.mark.parametrize("text, event_type, outsider", [
    # what a verb governs below its own arguments (an infinitive's object, a prepositional phrase's genitive) is not
    # who does it, whatever its case
    ("Ранее Гренелл разослал письма немецким бизнесменам, в которых призвал отказаться от поддержки строительства "
     "газопровода Северный поток-2.", "REQUEST", "org:NORD-STREAM-2"),
    ("В тот же день Палата представителей приняла резолюцию, в которой выступила против завершения строительства "
     'российского газопровода "Северный поток-2".', "REJECT", "org:NORD-STREAM-2"),
])
def test_what_a_verb_governs_deep_is_not_its_doer(pipeline, text, event_type, outsider):
    found = [(t, actor) for t, actor, _ in sides(pipeline, text) if t == event_type]
    assert found and not any(outsider in actor for _, actor in found), found


@pytest.mark.parametrize("text, event_type, doer", [
    # the parser's misreadings stay doers: a subject after the verb taken for its object, a name before the verb hung
    # on the phrase before it
    ("Проект активно критикуют США, Польша и страны Балтии.", "ACCUSE", "USA"),
    ("После публикации указа о помиловании Нетаньяху поблагодарил «своего друга» Путина.", "SUPPORT",
     "person:benjamin-netanyahu"),
])
def test_a_misparsed_subject_still_acts(pipeline, text, event_type, doer):
    found = [(t, actor) for t, actor, _ in sides(pipeline, text) if t == event_type]
    assert any(doer in actor for _, actor in found), found


def test_a_relative_clause_opens_at_its_comma(pipeline):
    # the parser hangs «Ливане» on the relative clause after it: Lebanon is still where the army fired
    text = ("Это был первый случай, когда сирийская армия обстреляла предполагаемых повстанцев в Ливане, который "
            "старается соблюдать нейтралитет в гражданской войне в Сирии.")
    assert ("ASSAULT", ("SYR", "org:SYR-ARMED_FORCES"), ("LBN",)) in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # a release from arrest or custody is RETREAT (release), not the arrest its noun names
    ("Суд звільнив Саакашвілі з-під арешту.", ("RETREAT", (), ("person:mikheil-saakashvili",))),
    ("Суд освободил Саакашвили из-под ареста.", ("RETREAT", (), ("person:mikheil-saakashvili",))),
    # a common noun before a past tense that agrees with it is the subject: the indeclinable name after is the object
    ("Суд засудив Саакашвілі.", ("ACCUSE", (), ("person:mikheil-saakashvili",))),
    # «тому» opening a Ukrainian clause is "therefore", not a dative: the abbreviation after it is the subject
    ("Тому ВГСУ відхилив касацію військової прокуратури.", ("REJECT", ("org:UKR-HECU",), ())),
])
def test_a_release_from_arrest_and_ukrainian_subjects(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # the name after the verb is the subject when it cannot be accusative, or a pronoun puts the object first
    ("Закон підтримав Зеленський.", ("SUPPORT", ("person:volodymyr-zelensky",), ())),
    ("Частина консерваторів незадоволені проектом угоди, текст якої цього тижня затвердив британський уряд.",
     ("SUPPORT", ("GBR",), ())),
])
def test_an_object_first_keeps_its_subject_after_the_verb(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # the parser reads an indeclinable name after the verb as a second subject: it is the object
    ("Суд осудил Саакашвили.", ("ACCUSE", (), ("person:mikheil-saakashvili",))),
    ("Турция в открытую поддержала Азербайджан во время конфликта.", ("SUPPORT", ("TUR",), ("AZE",))),
])
def test_a_second_subject_after_the_verb_is_its_object(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


def test_an_indefinite_personal_chain_shares_its_object(pipeline):
    # no verb of the chain has a subject: the one arrested is the one charged, by someone the sentence does not name
    text = ("Христианка Асия Биби работала на ферме. Однако позже Биби арестовали, продержали больше года в тюрьме, "
            "после чего предъявили обвинения в богохульстве.")
    found = [(t, actor, recipient) for t, actor, recipient in sides(pipeline, text) if t == "ACCUSE"]
    assert found and all(not actor and "person:asia-bibi" in recipient for _, actor, recipient in found), found


@pytest.mark.parametrize("text, outsider", [
    # what an accusation charges its named target with is no side of it
    ("Прокуратура обвинила Мифтахова в нападении на офис «Единой России».", "org:RUS-UR"),
    ("Ратко Младич был арестован. Он обвинён также в захвате сотрудников ООН в 1995 году.", "org:UN"),
])
def test_what_an_accusation_charges_is_no_side(pipeline, text, outsider):
    found = [(t, actor, recipient) for t, actor, recipient in sides(pipeline, text) if t == "ACCUSE"]
    assert found and not any(outsider in actor + recipient for _, actor, recipient in found), found


@pytest.mark.parametrize("text, expected", [
    # a head whose genitive acts («глава Cockpit»), with no case in the dictionary, before the verb of a phrase whose
    # object comes first
    ("Відповідальність за акцію глава Cockpit покладає на керівництво авіакомпанії.",
     ("ACCUSE", ("org:DEU-COCKPIT",), ())),
    ("Раніше глава британського МЗС критикував варіанти митних відносин з ЄС.",
     ("ACCUSE", ("GBR", "org:GBR-MFA"), ("org:EU",))),
])
def test_a_heads_genitive_acts_inside_an_object_first_phrase(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # a sentence passed with no court named is the act of the state where it is passed; the place is no recipient
    ("Украинскую летчицу Надежду Савченко приговорили в России к 22 годам тюрьмы.",
     ("SANCTION", ("RUS",), ("person:nadezhda-savchenko",))),
    ("Журналист был приговорен в Москве к пяти годам.", ("SANCTION", ("place:moscow",), ())),
])
def test_a_sentence_with_no_court_named_is_the_places_state(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # a past tense agrees with its subject in gender: a declinable name of another gender before it is its object
    ("Ізраїль засудила Туреччина.", ("ACCUSE", ("TUR",), ("ISR",))),
    ("Израиль осудила Турция.", ("ACCUSE", ("TUR",), ("ISR",))),
])
def test_a_past_tense_agrees_with_its_subject(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


def test_a_name_beside_a_noun_agrees_through_it(pipeline):
    # «магазин» agrees with «отказался», not the shop's name in quotes
    text = "Московский книжный магазин «Молодая гвардия» отказался продавать номер журнала «Дилетант»."
    found = [(t, actor, recipient) for t, actor, recipient in sides(pipeline, text) if t == "REJECT"]
    assert found and all(recipient == () or actor for _, actor, recipient in found), found


@pytest.mark.parametrize("text, person", [
    # a plural verb with no subject in its clause («її визнали», «которого обвинили») is done by no one named: not by
    # the single person of an earlier clause
    ("51-річна католичка Азія Бібі була засуджена до смертної кари в 2010 році, коли її визнали винною в образі "
     "ісламу.", "person:asia-bibi"),
    ("Если приговор был бы исполнен, то Норин могла стать первой женщиной в Пакистане, которую в рамках закона "
     "казнили бы за богохульство.", "person:norina"),
])
def test_a_subjectless_plural_verb_is_no_earlier_persons_act(pipeline, text, person):
    found = sides(pipeline, text)
    assert found and not any(person in actor for _, actor, _ in found), found


def test_a_speaker_still_stands_for_the_plural_body_named_after_him(pipeline):
    found = sides(pipeline, "Тереза Мей заявила, що міністри її кабінету підтримали чорновий варіант угоди з "
                            "Євросоюзом.")
    assert any("person:theresa-may" in actor for t, actor, _ in found if t == "SUPPORT"), found


@pytest.mark.parametrize("text", [
    # leaving a firm's founders or owners is commerce, no withdrawal between states
    "У 2008 році Яцишин вийшов зі складу засновників обох компаній.",
    "В 2010 году Иванов вышел из состава учредителей компании.",
])
def test_leaving_a_firms_owners_is_no_sanction(pipeline, text):
    assert not [t for t, _, _ in sides(pipeline, text) if t == "SANCTION"], sides(pipeline, text)


def test_leaving_a_union_is_still_a_withdrawal(pipeline):
    assert [t for t, _, _ in sides(pipeline, "Британія вийшла зі складу Європейського Союзу.") if t == "SANCTION"]


def test_an_event_nouns_genitive_event_keeps_its_own_sides(pipeline):
    # «расследование убийства X»: X was killed, not investigated, and does not investigate
    text = ("По словам представителя СК, расследованием убийства Анаса Пшихачева будет заниматься Главное следственное "
            "управление.")
    found = [(t, actor, recipient) for t, actor, recipient in sides(pipeline, text) if t == "ACCUSE"]
    assert found and not any(any("pshikhachev" in x for x in actor + recipient) for _, actor, recipient in found), found
