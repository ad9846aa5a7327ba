"""Who does what around an English event noun: the phrase's possessive names its doer, or for a noun of what is
done to someone ("acquittal", "arrest") the one it is done to; "of" after the noun names whom it is done to.
Publication date: 2024-04-10."""

from __future__ import annotations

import pytest

from entente.models import Article


def sides(pipeline, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    a = pipeline(Article(file="t.txt", text=text, published="2024-04-10"))
    return [(e.type, e.actor, e.recipient) for e in a.events]


@pytest.mark.parametrize("text, expected", [
    # whatever the preposition before it: "to Trump's criticism" is Trump's act, not one done to him
    ("Asked by Stephanopoulos to respond to Trump’s criticism, Carson said it was wrong.",
     ("ACCUSE", ("person:donald-trump",), ())),
    # whatever the clause's subject: Cruz did not endorse, Graham did
    ("Ted Cruz disavowed Lindsey Graham's endorsement.", ("SUPPORT", ("person:lindsey-graham",), ())),
    # "of" after the noun: whom the possessor's act is done to
    ("Glenn Beck mocked Sarah Palin’s endorsement of Donald Trump.",
     ("SUPPORT", ("person:sarah-palin",), ("person:donald-trump",))),
    # a noun of what is done to someone: the possessor undergoes it
    ("The jury in Florida celebrated George Zimmerman's acquittal.", ("CONCEDE", (), ("person:george-zimmerman",))),
])
def test_an_english_event_nouns_possessor_is_its_doer_or_undergoer(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # the pronoun of a passive stands for the one it is done to
    ("Donald Trump spoke in Ohio on Monday. “I was disturbed that he was criticized for accepting the Purple Heart,” "
     "she said.", ("ACCUSE", (), ("person:donald-trump",))),
    # an auxiliary with its negation, or an adverb, between the pronoun and its verb leaves it the subject
    ("Bernie Sanders spoke on Sunday. He said that he would vote for Hillary Clinton, though he hasn’t endorsed "
     "her.", ("SUPPORT", ("person:bernie-sanders",), ("person:hillary-clinton",))),
])
def test_an_english_pronoun_is_the_subject_only_of_its_own_verb(pipeline, text, expected):
    found = [(t, a, r) for t, a, r in sides(pipeline, text) if t == expected[0]]
    assert found[:1] == [expected], found


def test_a_past_form_with_a_subject_of_its_own_is_not_the_pronouns_act(pipeline):
    # "parishioners killed", "people were shot": their own subject, not the pronoun's further back
    text = ("Barack Obama spoke on Sunday. He mentioned freedom of religion taken from parishioners killed at a South "
            "Carolina church. He said that three people were fatally shot last summer.")
    found = sides(pipeline, text)
    assert not any(t == "ASSAULT" and a for t, a, _ in found), found


@pytest.mark.parametrize("text, expected", [
    # a quote's first person in a passive is whom it was done to; "by" names the doer, honorific and all
    ('Mr. Trump added, "I was viciously attacked by Mr. Khan at the Democratic Convention."',
     ("ACCUSE", ("person:karim-khan",), ("person:donald-trump",))),
    # "by" right after an event noun or a participle names its doer, and only that one
    ("Palestinians want East Jerusalem, captured by Israel in the 1967 Middle East war.", ("ASSAULT", ("ISR",), ())),
    ("Valls spoke after an influential endorsement by Marine Le Pen.", ("SUPPORT", ("person:marine-le-pen",), ())),
    # after a verb and its noun, "by" names the noun's doer, whom the verb answers
    ("Berlin rejected recent calls by Belarus's rulers for immediate economic aid.",
     ("REJECT", ("org:DEU-GOV",), ("BLR",))),
])
def test_by_names_the_doer_of_a_passive_or_an_event_noun(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


@pytest.mark.parametrize("text, negated", [
    # a clause that opens with a subject denying it, however long, denies its verb
    ("Ryan's campaign said, “Neither Speaker Ryan nor anyone on his team has ever asked for Donald Trump’s "
     "endorsement.”", True),
    # not a noun inside another phrase of that clause
    ("None of the major candidates is pushing for a troop presence like the 2003 invasion of Iraq.", False),
])
def test_a_clause_opening_with_neither_or_none_denies_its_verb(pipeline, text, negated):
    events = pipeline(Article(file="t.txt", text=text, published="2024-04-10")).events
    assert events and all(e.negated is negated for e in events), events


@pytest.mark.parametrize("text, expected", [
    # "from" after an event noun names its doer, after a modifier too ("blistering attacks"), and a given name
    # after "from" is a person, not a place
    ("Rubio faltered in the face of blistering attacks from Chris Christie.",
     ("ACCUSE", ("person:chris-christie",), ("person:marco-rubio",))),
    # a list of names after "from" does it together
    ("Mr. Trump has faced criticism from Ted Cruz and Marco Rubio over the remarks.",
     ("ACCUSE", ("person:ted-cruz", "person:marco-rubio"), ("person:donald-trump",))),
])
def test_from_after_an_event_noun_names_its_doers(pipeline, text, expected):
    assert expected in sides(pipeline, text), sides(pipeline, text)


def test_a_given_name_after_a_preposition_of_place_is_a_person(pipeline):
    a = pipeline(Article(file="t.txt", text="Trump faced criticism from Ted Cruz in New York.", published="2016-01-01"))
    assert {(x.name, x.type) for x in a.actors} >= {("Ted Cruz", "person"), ("New York City", "location")}


@pytest.mark.parametrize("text, expected", [
    # the first object of a verb of giving is whom it is given to, not a second subject
    ("Finland will give Tanzania a grant of 580 million shillings over the next three years.",
     ("FIN", "TZA")),
    ("On Sunday Joe Biden finally gave Hillary Clinton a ringing endorsement.",
     ("person:joe-biden", "person:hillary-clinton")),
])
def test_the_first_object_of_a_verb_of_giving_is_the_recipient(pipeline, text, expected):
    actor, recipient = expected
    assert any(e[1] == (actor,) and e[2] == (recipient,) for e in sides(pipeline, text)), sides(pipeline, text)


def test_quote_marks_do_not_hide_a_passive(pipeline):
    # the agent after "by" does it, though the participle stands in quote marks
    text = "Julian Assange has been “arbitrarily detained” by Britain and Sweden since December 2010."
    assert ("COERCE", ("GBR", "SWE"), ("person:julian-assange",)) in sides(pipeline, text), sides(pipeline, text)
