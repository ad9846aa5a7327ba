"""Which event is a sentence's main one: the confidence of an event that is the content of another
(«demanded that Israel ease restrictions», "suspected of blowing up", a merely mentioned event noun) is
lowered, so that the framing event ranks first; the content of an accusation, a demand or a threat
told in a clause of its own («обвиняют в том, что он похитил ...», "demanded that ...") is an allegation or
a wish, not a report that it happened, and is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from entente.extract.event_clause import Clause
from entente.extract.event_grammar import AGAINST, OTHER_PREP
from entente.extract.event_sentence import Key, Sentence
from entente.models import Event

FRAMING = frozenset({"REQUEST", "REJECT", "AGREE", "THREATEN", "ACCUSE"})  # types whose complement is an event
ALLEGING = frozenset({"ACCUSE", "REQUEST", "THREATEN"})  # types whose complement is alleged, wanted or threatened
# words that open what an accusation, a demand or a threat says: «что», «чтобы», "that"
COMPLEMENTIZERS = frozenset({"что", "чтобы", "що", "щоб", "that"})


def drop_alleged(
    out: dict[Key, Event], placed: list[tuple[Key, int]], sentence: Sentence, alleging: list[int]
) -> None:
    """Drop an event whose trigger follows an accusation, a demand or a threat in the same sentence with a
    complementizer between them: it is what is alleged, demanded or threatened («Смилянца обвиняют в том, что
    ... он похитил информацию», «требует, чтобы ...»). `alleging`: the positions of the sentence's accusation,
    demand and threat triggers, also those that made no event of their own (an accuser the article does not
    name: «мусульманки обвинили женщину в том, что она «осквернила воду»»)."""
    tokens = sentence.tokens
    framing = sorted(set(alleging) | {i for key, i in placed if key[0] in ALLEGING})
    for key, i in placed:
        if key[0] in ALLEGING or key not in out:
            continue
        if any(f < i and any(tokens[k].text.lower() in COMPLEMENTIZERS for k in range(f + 1, i)) for f in framing):
            del out[key]


def demote_content(out: dict[Key, Event], placed: list[tuple[Key, int]]) -> None:
    """An event whose trigger follows a demand, refusal, promise, threat or accusation in the same sentence
    is most likely its content ("demanded that Israel ease restrictions"): it stays, with lower confidence,
    so that the sentence's main event is the framing one."""
    framing = [i for key, i in placed if key[0] in FRAMING]
    for key, i in placed:
        if key[0] not in FRAMING and any(f < i for f in framing) and key in out:
            e = out[key]
            out[key] = replace(e, confidence=round(max(0.1, e.confidence - 0.3), 2))


def nested(sentence: Sentence, i: int, clause: Clause | None) -> bool:
    """Whether the trigger at token i is an argument of another predicate: an English gerund after a
    preposition ("suspected of blowing up", "sanctions for attacking"), or an event noun merely mentioned
    in a parsed clause."""
    if clause is not None:
        return clause.how.startswith("mentioned")
    tokens = sentence.tokens
    return (
        sentence.lang == "en"
        and tokens[i].text.lower().endswith("ing")
        and i > 0
        and tokens[i - 1].text.lower() in OTHER_PREP["en"] | AGAINST["en"] | {"in", "at"}
    )


def drop_broader(out: dict[Key, Event], start: int) -> None:
    """Two events of one type and actor in a sentence, the recipients of one among the other's, are one event
    told twice («Лавров в беседе с Ван И обсудил Украину»: the conversation and the discussion); the one with
    the fewer recipients stays, since the other took a party from what the first reads as its topic."""
    keys = [k for k in out if k[3] == start and k[2]]
    for k in keys:
        if any(o != k and o[:2] == k[:2] and set(o[2]) < set(k[2]) for o in keys):
            del out[k]
