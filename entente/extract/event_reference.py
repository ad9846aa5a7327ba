"""Who a pronoun or a quote's first person stands for, for the event coder: «мы подпишем» in a quote is its
speaker; «он», "she" the person named before, of the pronoun's gender where the name says it («Алла ...
Виктор. Она ...»: Alla), or the actor of the sentence before.
"""

from __future__ import annotations

from entente.extract.event_grammar import HE, WE, WE_LED, WE_OBJECT
from entente.extract.event_sentence import CLAUSE_BREAKS
from entente.extract.speakers import GENDER
from entente.models import Actor
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

SINGULAR_HE = frozenset({"он", "она", "він", "вона", "he", "she"})
PLURAL_HE = frozenset({"они", "вони", "they"})
FIRST_PERSON_SPAN = 6  # words before a trigger in which "we" or "I" is its subject


def first_person(tokens: list[Token], i: int, lang: str, morph: Morph) -> bool:
    """Whether the speaker is the subject of the trigger at token i: a first-person pronoun in its clause
    before it («мы будем», "I want to meet"), or a first-person verb beside it («подпишем», «зустрінуся»)."""
    for k in range(i - 1, max(-1, i - FIRST_PERSON_SPAN), -1):
        if tokens[k].text in CLAUSE_BREAKS:
            break
        word = tokens[k].text.lower()
        if word in WE or (word in WE_OBJECT and k > 0 and tokens[k - 1].text.lower() in WE_LED):
            return True
    return any(
        tokens[k].is_word and morph.has(tokens[k].text.lower(), lang, "1per", "VERB")
        for k in range(max(0, i - 2), min(len(tokens), i + 2))
    )


def pronoun_subject(tokens: list[Token], i: int, lang: str) -> bool:
    """Without a tree: a personal pronoun stands in the trigger's clause before it («Він також поклав ...»)."""
    for k in range(i - 1, -1, -1):
        if tokens[k].text in CLAUSE_BREAKS:
            return False
        if tokens[k].text.lower() in HE.get(lang, ()):
            return True
    return False


def singular_pronoun(tokens: list[Token], i: int, lang: str) -> bool:
    """Whether the personal pronoun nearest before token i in its sentence is «он», «вона», "he" (not «они»)."""
    return pronoun_before(tokens, i, lang) in SINGULAR_HE


def pronoun_before(tokens: list[Token], i: int, lang: str) -> str:
    """The personal pronoun nearest before token i in its sentence («она», "he"), or ""."""
    return next((t.text.lower() for t in reversed(tokens[:i]) if t.text.lower() in HE.get(lang, ())), "")


def of_gender(people: list[Actor], pronoun: str, mentions: list[tuple[int, int, Actor]], start: int) -> list[Actor]:
    """The pronoun's antecedent: `people` unless every one's name says the other gender, then the person named last
    before `start` whose name says the pronoun's (as speakers.py ties «сказала она»); unchanged when unknown."""
    gender = GENDER.of_pronoun(pronoun) if pronoun else None
    if gender not in ("f", "m") or not people:
        return people
    if any(GENDER.of_person(x.name) in (gender, None) for x in people):
        return [x for x in people if GENDER.of_person(x.name) in (gender, None)]
    other = next((x for s, _, x in reversed(mentions) if s < start and x.type == "person"
                  and GENDER.of_person(x.name) == gender), None)
    return [other] if other is not None else people


def antecedent(mentions: list[tuple[int, int, Actor]], start: int) -> list[Actor]:
    """The person named last before `start`: whom a pronoun subject most likely stands for."""
    person = next((x for s, _, x in reversed(mentions) if s < start and x.type == "person"), None)
    return [person] if person is not None else []
