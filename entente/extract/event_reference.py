"""Who a pronoun or a quote's first person stands for, for the event coder: «мы подпишем» in a quote is its
speaker; «он», "she" the person named before, of the pronoun's gender where the name says it («Алла ...
Виктор. Она ...»: Alla), or the actor of the sentence before.
"""

from __future__ import annotations

from entente.extract.event_args import AUXILIARIES, PARTICIPLES
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


# English words between which and a verb the subject may be further back: a coordinated verb ("He denied the charges
# and counter-accused her"), an infinitive's controller ("he plans to support"), a negation
SUBJECT_FURTHER = frozenset({"and", "but", "or", "to"})
# adverbs without -ly that stand in a verb group ("he instead struck a deal")
VERB_GROUP_ADVERBS = frozenset({"instead", "even", "once", "soon", "first", "too", "ever", "long", "since"})


def pronoun_subject(tokens: list[Token], i: int, lang: str) -> bool:
    """Without a tree: a personal pronoun stands in the trigger's clause before it («Він також поклав ...»). An
    English past form's subject is the word before its auxiliaries and adverbs: another word there is the subject
    ("three people were fatally shot", "parishioners killed at a church"), unless it links the verb to one further
    back (`SUBJECT_FURTHER`, a verb in -ing or -ed: "was considering supporting")."""
    if lang == "en" and (tokens[i].text.lower().endswith("ed") or tokens[i].text.lower() in PARTICIPLES):
        k = i - 1
        while k >= 0 and in_verb_group(tokens[k].text.lower()):
            k -= 1
        word = tokens[k].text.lower().replace("\u2019", "'") if k >= 0 else ""
        if word.split("'")[0] in HE.get(lang, ()):
            return True  # "he", "she'll", "they've"
        if not (word in SUBJECT_FURTHER or word.endswith(("ing", "ed"))):
            return False
    for k in range(i - 1, -1, -1):
        if tokens[k].text in CLAUSE_BREAKS:
            return False
        if tokens[k].text.lower() in HE.get(lang, ()):
            return True
    return False


def in_verb_group(word: str) -> bool:
    """Whether an English word may stand between a subject and its verb: an auxiliary, also negated ("hasn't"), or an
    adverb ("reportedly", "instead")."""
    word = word.replace("\u2019", "'")
    return (
        word in AUXILIARIES
        or word.endswith("ly")
        or word in VERB_GROUP_ADVERBS
        or (word.endswith("n't") and (word[:-3] in AUXILIARIES or word in ("won't", "can't")))
    )



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
