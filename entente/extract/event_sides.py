"""Sides completed after the clause has given them: a place of no country is no party beside one that is, and talks
or a deal refused with no one named are refused to the article's other main party.

«губернатор Пенджаба» names a province two states share, not a side; «Европа», «Запад» stand for the states in them.
«Палестинцы отказываются от возобновления переговоров»: talks have two sides, so the refusal is to the other one.
"""

from __future__ import annotations

from entente.actors.kb import regions
from entente.extract.event_clause import Clause
from entente.extract.event_lexicon import Lexicon, Trigger
from entente.extract.event_sentence import CLAUSE_BREAKS, Sentence
from entente.extract.event_triggers import Triggers
from entente.models import Actor

JOINT = frozenset({"CONSULT", "COOPERATE"})  # acts two sides do together, whose refusal is to the other side
JOINT_SPAN = 6  # words after a refusal, without a tree, in which what it refuses is named


def real_parties(
    sentence: Sentence, actor: list[Actor], recipient: list[Actor], lexicon: Lexicon
) -> tuple[list[Actor], list[Actor]]:
    """The sides without a place of no country beside a real party: not a street, a mountain, a province two states
    share («губернатор Пенджаба»), a town the gazetteer does not know; a world area of the base («Европа») or a bloc
    of states the cues name («Запад», «Захід», "the West") stays. Alone such a place stays, the only trace of where an
    unnamed party acted («шествие прошло по улице»)."""
    blocs = sentence.cues.clause.get("blocs", set())

    def party(x: Actor) -> bool:
        if x.type != "location" or x.country or x.id in regions():
            return True
        return any(lexicon.lemma(m.text.split()[-1], sentence.lang) in blocs for m in x.mentions[:1] if m.text)

    kept = [x for x in actor if party(x)], [x for x in recipient if party(x)]
    return kept if kept[0] or kept[1] else (actor, recipient)


def refused_talks(
    sentence: Sentence,
    trigger: Trigger,
    j: int,
    clause: Clause | None,
    actor: list[Actor],
    recipient: list[Actor],
    pair: list[Actor],
    lexicon: Lexicon,
    triggers: Triggers,
) -> list[Actor]:
    """The recipient of a refusal (ending at token j) of talks, a meeting or cooperation that names none: the article's
    other main party, when the refuser is one of the two («Палестинцы отказываются от возобновления переговоров» ->
    Israel); otherwise `recipient` unchanged."""
    if trigger.type != "REJECT" or not actor or recipient or len(pair) != 2:
        return recipient
    own = {x.country for x in actor}
    other = [p for p in pair if p.country not in own]
    if len(other) != 1 or len(own & {p.country for p in pair}) != 1:
        return recipient
    return other if _joint(sentence, j, clause, lexicon, triggers) else recipient


def _joint(sentence: Sentence, j: int, clause: Clause | None, lexicon: Lexicon, triggers: Triggers) -> bool:
    """Whether what a refusal ending at token j refuses is done by two sides together: a noun of talks, a meeting or
    cooperation in its complement (the tree's, or the next few words)."""
    tokens, lemmas, lang = sentence.tokens, sentence.lemmas, sentence.lang
    if clause is not None:
        span = list(clause.complement)
    else:
        span = []
        for k in range(j, min(len(tokens), j + JOINT_SPAN)):
            if tokens[k].text in CLAUSE_BREAKS:
                break
            span.append(k)
    table = lexicon.triggers[lang]
    return any(
        t.type in JOINT and not t.host and triggers.noun(tokens[k].text, lang)
        for k in span
        for t in table.get(lemmas.get(k) or "", ())
    )
