"""Whom a verb's own words name, not its complement's: in «призвал Запад ввести санкции против России», "urged
Germany to send tanks to Ukraine", "demanded that the US cancel plans to sell weapons to Taiwan" the trigger's
recipient is the party it addresses before the infinitive or the that-clause; the parties after it belong to the
embedded verb (the manual's DEMAND examples code the addressee, not the target of what is demanded).

Only when the trigger has such an object of its own: with none («призвал ввести санкции против России», "called
for sanctions on Russia") the complement's party is all the text gives, and stays.
"""

from __future__ import annotations

from entente.extract.event_args import CLAUSE_BREAKS, DETERMINERS, Roles, Slot
from entente.extract.event_grammar import words
from entente.extract.event_sentence import Lemmas
from entente.nlp.morph import INFINITIVE_TAGS, Morph
from entente.nlp.tokens import Token

OPENERS = words("complement_open")  # «чтобы», «щоб», "that": a finite complement clause
SUBJECT_GAP = 3  # words from a complementizer to its clause's subject ("that the United States")
VERB_GAP = 2  # words from a complement's first word to its verb ("to discuss", «чтобы вместе обсудить»)


def own_objects(roles: Roles, tokens: list[Token], usable: list[Slot], j: int, lang: str, morph: Morph) -> Roles:
    """`roles` without the recipients and partners named only inside the complement that opens after the trigger
    (ending at token j), when a recipient or partner is named between the trigger and that complement."""
    start = complement_start(tokens, j, lang, morph)
    if start is not None and tokens[start].text.lower() in OPENERS.get(lang, ()):
        # "demanded that Hamas renounce its struggle against Israel", «потребовала, чтобы Киев прекратил обстрелы
        # Донецка»: the addressee is the clause's subject, right after the complementizer; the rest is what it is
        # asked to do
        subject = next((s for s in usable if start < s.i <= start + SUBJECT_GAP), None)
        if subject is None:
            return roles
        if subject.actor not in roles.objects + roles.partners + roles.subjects:
            roles.objects = [subject.actor, *roles.objects]
        start = subject.j
    if start is None:
        return roles
    mine = {id(s.actor) for s in usable if j <= s.i < start}
    if not any(id(x) in mine for x in roles.objects + roles.partners):
        return roles
    theirs = {id(s.actor) for s in usable if s.i >= start} - mine
    roles.objects = [x for x in roles.objects if id(x) not in theirs]
    roles.partners = [x for x in roles.partners if id(x) not in theirs]
    return roles


def discussed(
    roles: Roles, tokens: list[Token], lemmas: Lemmas, usable: list[Slot], j: int, lang: str, morph: Morph,
    discussing: set[str],
) -> Roles:
    """A meeting's sides without what it is held to discuss: in "sat down with reporters to discuss the United
    States' longest war", «встретились, чтобы обсудить ситуацию в Сирии» the parties named after the verb of
    discussion of a complement that opens after the trigger (ending at token j) are its topic, not its sides; whom
    one discusses it with is a partner and stays."""
    start = complement_start(tokens, j, lang, morph)
    if start is None:
        return roles
    verb = next((k for k in range(start, min(len(tokens), start + VERB_GAP + 1)) if lemmas.get(k) in discussing), None)
    if verb is None:
        return roles
    topic = {id(s.actor) for s in usable if s.i > verb} - {id(s.actor) for s in usable if s.i < start}
    roles.objects = [x for x in roles.objects if id(x) not in topic]  # partners ("with Xi", «с Си») stay
    return roles


COVER_SPAN = 12  # words from a meeting noun to the verb of what it covers, an aside between ("talks, set to end ...")
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


def covered(roles: Roles, tokens: list[Token], lemmas: Lemmas, usable: list[Slot], j: int, covering: set[str]) -> Roles:
    """A meeting's sides without what it covers: when the meeting noun ending at token j is the subject of a verb of
    `covering` ("The talks, set to end on Tuesday, also cover ... North Korea's nuclear weapons", «переговоры
    касались ситуации в Сирии»), the parties named after that verb are its topic, not its sides."""
    verb = None
    for k in range(j, min(len(tokens), j + COVER_SPAN)):
        if tokens[k].text in SENTENCE_ENDS:
            break
        if lemmas.get(k) in covering:
            verb = k
            break
    if verb is None:
        return roles
    topic = {id(s.actor) for s in usable if s.i > verb}
    roles.objects = [x for x in roles.objects if id(x) not in topic]
    roles.partners = [x for x in roles.partners if id(x) not in topic]
    return roles


def complement_start(tokens: list[Token], j: int, lang: str, morph: Morph) -> int | None:
    """The first token of a complement clause after token j, in the trigger's clause: an infinitive (its "to"),
    a complementizer; None when the clause ends first."""
    for k in range(j, len(tokens)):
        word = tokens[k].text
        if word in CLAUSE_BREAKS:
            if k + 1 < len(tokens) and tokens[k + 1].text.lower() in OPENERS.get(lang, ()):
                continue  # «потребовала, чтобы ...»
            return None
        low = word.lower()
        if low in OPENERS.get(lang, ()):
            return k
        if lang == "en":
            if to_infinitive(tokens, k):
                return k
        elif word.islower() and (readings := morph.readings(low, lang)) and INFINITIVE_TAGS & readings[0].tags:
            return k
    return None


def to_infinitive(tokens: list[Token], k: int) -> bool:
    """Whether token k is an English "to" that opens an infinitive ("to send", "sought to distance"; not "to the
    talks", "to Ukraine")."""
    after = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return tokens[k].text.lower() == "to" and after.isalpha() and after.islower() and after not in DETERMINERS
