"""Charges and their answers: whom a denial of guilt is addressed to.

«Россиянин, которого обвиняют в ... в США, отказался признать свою вину», "Lou rebutted the American
criticism": a refusal to admit guilt, a claim of innocence or a denial of the charges answers an
accusation; its recipient is whoever made the accusation against the one who denies it, when the article
says so earlier or in the same sentence. An admission of guilt that is denied («не признал себя виновным»)
is such a denial, coded REJECT. Nothing is guessed when no accuser is named.
"""

from __future__ import annotations

import dataclasses

from entente.extract.event_sentence import CLAUSE_BREAKS, Lemmas, before_adjectives
from entente.models import Actor, Event
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

AFTER = 6  # words after a refusal in which what it refuses names guilt or charges («отказался признать свою вину»)
CHARGES = " charges"  # marks, in a rule, a rejection of charges


def held_on_charges(lemmas: Lemmas, i: int, words: dict[str, set[str]], morph: Morph) -> bool:
    """Whether the charge noun at token i is the grounds someone is held, sought or sentenced on («находится в розыске
    по обвинению в вымогательстве», «просиділа за ґратами за звинуваченням», "was held on charges of fraud"): its
    preposition, with adjectives between («по новым обвинениям»), is one of `held_on`."""
    if lemmas.get(i) not in words.get("charge_nouns", set()):
        return False
    k = before_adjectives(lemmas.tokens, i, lemmas.lang, morph)
    return k >= 0 and lemmas.tokens[k].text.lower() in words.get("held_on", set())


def denied_guilt(trigger: tuple[str, ...], guilt: set[str]) -> bool:
    """Whether a trigger phrase admits guilt («признать вину», "plead guilty"): denied, it rejects the charges."""
    return any(w in guilt for phrase in trigger for w in phrase.split())


def about_charges(tokens: list[Token], lemmas: Lemmas, i: int, j: int, guilt: set[str]) -> bool:
    """Whether the rejection at tokens i..j is of guilt or charges: a guilt word in it or just after it, in
    its clause."""
    for k in range(i, min(len(tokens), j + AFTER)):
        if k >= j and tokens[k].text in CLAUSE_BREAKS:
            return False
        if lemmas.get(k) in guilt or tokens[k].text.lower() in guilt:
            return True
    return False


def answer_charges(events: list[Event], actors: tuple[Actor, ...]) -> list[Event]:
    """The events with every rejection of charges that names no recipient addressed to the accuser: the
    actor of the last accusation before it (or in its sentence) against the same party or country."""
    country = {x.id: x.country for x in actors}

    def parties(ids: tuple[str, ...]) -> set[str]:
        return set(ids) | {c for x in ids if (c := country.get(x))}

    out = []
    for e in events:
        if CHARGES in (e.rule or "") and not e.recipient and not e.negated and e.actor:
            accused = parties(e.actor)
            charges = [
                x for x in events
                if x.type == "ACCUSE" and not x.negated and x.actor and x.start <= e.start
                and parties(x.recipient) & accused and not parties(x.actor) & accused
            ]
            if charges:
                accuser = max(charges, key=lambda x: x.start)
                e = dataclasses.replace(e, recipient=accuser.actor, rule=f"{e.rule} answers:{accuser.id}")
        out.append(e)
    return out
