"""Who is who around an event trigger: actor, recipient, partners, destination, from grammar and order.

Russian and Ukrainian: a nominative mention outside a prepositional phrase is the actor; «с/з + ...»
a partner; «в/у/до + place» a destination; a dative or accusative object, or «против/проти», the
recipient. English: the mention before the trigger is the actor, the one after it the recipient,
"with" a partner, "in/to + place" a destination. Mentions are actors' mentions in the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from entente.models import Actor
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

PARTNER = {"ru": {"с", "со"}, "uk": {"з", "із", "зі", "зо"}, "en": {"with"}}
PLACE = {"ru": {"в", "во", "на"}, "uk": {"в", "у", "на", "до"}, "en": {"in", "to", "into", "at"}}
AGAINST = {"ru": {"против", "к", "ко", "для"}, "uk": {"проти", "для"}, "en": {"against", "on", "to", "for", "from"}}
OTHER_PREP = {
    "ru": {"из", "от", "до", "по", "о", "об", "при", "за", "под", "над", "через", "после", "без", "у"},
    "uk": {"від", "по", "про", "при", "за", "під", "над", "через", "після", "без", "о", "об"},
    "en": {"of", "by", "about", "after", "before", "over", "under", "from", "between", "among"},
}


CONJUNCTIONS = frozenset({"и", "і", "й", "та", "а", "но", "але", "and", "but"})


@dataclass
class Roles:
    subjects: list[Actor] = field(default_factory=list)
    objects: list[Actor] = field(default_factory=list)
    partners: list[Actor] = field(default_factory=list)
    places: list[Actor] = field(default_factory=list)


@dataclass(frozen=True)
class Slot:
    """One actor mention in the sentence, with the token range it covers."""

    actor: Actor
    i: int
    j: int


def assign(tokens: list[Token], slots: list[Slot], trigger: tuple[int, int], lang: str, morph: Morph) -> Roles:
    """Roles of the sentence's mentions; mentions in the trigger's own clause are preferred as actors."""
    roles = _assign(tokens, slots, trigger, lang, morph)
    clause = _clause(tokens, trigger[0])
    local = _assign(tokens, [s for s in slots if _clause(tokens, s.i) == clause], trigger, lang, morph)
    if local.subjects:
        roles.subjects = local.subjects
    else:  # «Хотя Запад ввёл санкции, Китай воздержался»: no subject is borrowed from a later clause
        roles.subjects = [a for a in roles.subjects if any(s.actor is a and s.i < trigger[0] for s in slots)]
    return roles


CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–"})


def _clause(tokens: list[Token], k: int) -> int:
    """The number of clause breaks before token k (a crude clause id)."""
    return sum(1 for t in tokens[:k] if t.text in CLAUSE_BREAKS)


def _assign(tokens: list[Token], slots: list[Slot], trigger: tuple[int, int], lang: str, morph: Morph) -> Roles:
    roles = Roles()
    for slot in slots:
        prep = tokens[slot.i - 1].text.lower() if slot.i > 0 else ""
        if slot.actor.type == "location" or (prep in PLACE.get(lang, ()) and slot.actor.type == "country"):
            if prep in PLACE.get(lang, ()):  # «в Пекине», «до Москви»; «засудження Москви» is no place
                _add(roles.places, slot.actor)
            continue
        if prep in PARTNER.get(lang, ()):
            _add(roles.partners, slot.actor)
        elif prep in AGAINST.get(lang, ()):
            _add(roles.objects, slot.actor)
        elif prep in OTHER_PREP.get(lang, ()) or prep in PLACE.get(lang, ()):
            continue
        elif lang == "en":
            _add(roles.subjects if slot.j <= trigger[0] else roles.objects, slot.actor)
        elif _case(tokens, slot, lang, morph) == "nomn":
            _add(roles.subjects, slot.actor)
        else:
            _add(roles.objects, slot.actor)
    return roles


def _case(tokens: list[Token], slot: Slot, lang: str, morph: Morph) -> str:
    """The case of a mention: nominative if its head word can be nominative and not only oblique."""
    words = [t.text for t in tokens[slot.i : slot.j] if t.is_word and len(t.text) > 1] or [tokens[slot.i].text]
    # a person's case shows on the last word («Си Цзиньпина», «Владимиру Путину»), a body's on the first
    head = words[-1] if slot.actor.type == "person" else words[0]
    if head.isupper():  # acronyms (США, НАТО, КНР) do not decline: a subject opens its clause or follows «и»
        before = tokens[slot.i - 1].text.lower() if slot.i > 0 else ""
        return "nomn" if not before or not tokens[slot.i - 1].is_word or before in CONJUNCTIONS else "obl"
    readings = morph.readings(head, lang)
    if not readings:
        return "nomn"
    best = readings[0].tags
    if "nomn" in best:
        return "nomn"
    if any("nomn" in r.tags for r in readings[:3]) and not ({"datv", "ablt", "loct"} & best):
        return "nomn"
    return "obl"


def _add(group: list[Actor], actor: Actor) -> None:
    if all(a.id != actor.id for a in group):
        group.append(actor)
