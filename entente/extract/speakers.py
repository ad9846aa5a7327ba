"""Quotes with their speakers: the quote finder's speaker phrase tied to an actor.

A named speaker is the actor whose mention the phrase covers; a pronoun («сказал он», «заявив
він», "he said") is the person the quote finder took it for (the subject of the sentence that named
them), else the one last named before it, outside quotes — of the pronoun's gender where the name
tells one («сказала она» is not Виктор); an institution phrase is the
organization it names, if any. A phrase naming no person is resolved to a person named earlier: by a
role noun (the titled person), else by its descriptor («добавил экс-премьер» after «Экс-премьер Андрюс
Кубилюс»: `quote_reference`).
"""

from __future__ import annotations

import re

from entente.extract.quote_lexicon import Gender, QuoteLexicon
from entente.extract.quote_reference import described
from entente.extract.quotes import QuoteFinder, QuoteSpan
from entente.extract.roles import Roles
from entente.models import Actor, Quote
from entente.nlp.tokens import tokenize


def attribute(
    text: str, lang: str, actors: tuple[Actor, ...], finder: QuoteFinder, roles: Roles | None = None
) -> tuple[Quote, ...]:
    people = sorted((m.start, m.end) for a in actors if a.type == "person" for m in a.mentions)
    orgs = sorted((m.start, m.end) for a in actors if a.type == "organization" for m in a.mentions)
    found = finder.find(text, lang, people=people, orgs=orgs)
    quoted = [(q.start, q.end) for q in found]
    mentions = sorted(((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda x: x[0])
    outside = [(s, e, a) for s, e, a in mentions if not any(qs <= s < qe for qs, qe in quoted)]
    return tuple(_quote(text, lang, q, outside, roles) for q in found)


def _quote(text: str, lang: str, q: QuoteSpan, mentions: list[tuple[int, int, Actor]], roles: Roles | None) -> Quote:
    if q.speaker_start is None or q.speaker_end is None:
        return Quote(None, None, q.text, q.start, q.end, q.partial)
    s, e = q.speaker_start, q.speaker_end
    speaker_text = text[s:e]
    if q.speaker_kind == "pronoun":
        named = [a for ms, me, a in mentions if q.antecedent and ms < q.antecedent[1] and me > q.antecedent[0]
                 and a.type == "person"]
        before = [a for ms, _, a in mentions if ms < min(s, q.start) and a.type == "person"]
        candidates = named or before
        pick: Actor | None = candidates[-1] if candidates else None
        gender = GENDER.of_pronoun(speaker_text)
        if gender == "p":  # «сказали они»: a group, not the last person named
            pick = None
        if pick and gender and GENDER.of_person(pick.name) not in (gender, None):
            # «сказала она» after «Алла ... Виктора»: the nearest person named before whose name says the gender
            pick = next((a for a in before[::-1] if GENDER.of_person(a.name) == gender), pick)
        return Quote(pick.id if pick else None, speaker_text, q.text, q.start, q.end, q.partial)
    covered = [a for ms, me, a in mentions if ms < e and me > s and a.type != "location"]
    covered.sort(key=lambda a: _RANK.get(a.type, 4))
    if covered and covered[0].type == "person" or _unknown_name(text, s, e, mentions):
        return Quote(covered[0].id if covered else None, speaker_text, q.text, q.start, q.end, q.partial)
    lex = QuoteLexicon.load(lang)
    if q.speaker_kind == "noun" and lex.descriptors_before_names:  # «представитель МИД» named earlier as such
        people = {(ms, me): a for ms, me, a in mentions if a.type == "person"}
        bodies = {a.id for a in covered if a.type == "organization"}  # «представитель российского МИД»
        within = [(ms, me) for ms, me, a in mentions if a.id in bodies]
        hit = described(text, (s, e), list(people), lex.adjective_endings, lex.anonymous, lex.not_descriptors,
                        within)
        if hit:
            return Quote(people[hit].id, speaker_text, q.text, q.start, q.end, q.partial)
    if roles is not None and _titled(speaker_text, lang, roles):
        # «заявления спецпредставителя МИД Китая»: the person with that title named earlier (with that
        # organization before the name, when the phrase names one: «представитель МИД КНР ... Чэн Гопин»)
        countries = {a.country for a in covered if a.country}
        named_by = [(ms, me) for ms, me, a in mentions if a.id in {b.id for b in covered if b.type == "organization"}]
        before = [
            a for ms, _, a in mentions if ms < s and a.type == "person" and (not countries or a.country in countries)
            and (not named_by or _introduced(text, ms, named_by))
        ]
        if before:
            return Quote(before[-1].id, speaker_text, q.text, q.start, q.end, q.partial)
    if q.speaker_kind == "institution" and lex.descriptors_before_names and not covered:
        # «в заявлении профсоюза»: the organization named earlier as «профсоюз пилотов Forsa»
        orgs = {(ms, me): a for ms, me, a in mentions if a.type == "organization"}
        hit = described(text, (s, e), list(orgs), lex.adjective_endings, lex.anonymous, lex.not_descriptors)
        if hit:
            return Quote(orgs[hit].id, speaker_text, q.text, q.start, q.end, q.partial)
    return Quote(covered[0].id if covered else None, speaker_text, q.text, q.start, q.end, q.partial)


def _introduced(text: str, at: int, bodies: list[tuple[int, int]]) -> bool:
    """Whether one of the organization mentions stands shortly before `at` in the same sentence."""
    return any(at - INTRODUCED <= me <= at and not re.search(r"[.!?]\s", text[me:at]) for _, me in bodies)


def _unknown_name(text: str, s: int, e: int, mentions: list[tuple[int, int, Actor]]) -> bool:
    """Whether the phrase ends in a capitalized word no mention covers: a name the recognizer missed
    («Clark County Sheriff Joe Lombardo»), which no earlier person may stand in for."""
    words = text[s:e].split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    last = e - len(words[-1])
    return not any(ms < e and me > last for ms, me, _ in mentions)


GENDER = Gender.load()
INTRODUCED = 120  # characters: «специальный представитель МИД КНР по вопросам внешней безопасности Чэн Гопин»
_RANK = {"person": 0, "organization": 1, "country": 2}


def _titled(phrase: str, lang: str, roles: Roles) -> bool:
    """Whether a role noun is among the first words of the phrase."""
    tokens = tokenize(phrase, lang)
    return any(roles.at(tokens, k) is not None for k in range(min(3, len(tokens))))
