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
    relative: bool = False


@dataclass(frozen=True)
class Slot:
    """One actor mention in the sentence, with the token range it covers."""

    actor: Actor
    i: int
    j: int


def assign(tokens: list[Token], slots: list[Slot], trigger: tuple[int, int], lang: str, morph: Morph,
           visit: bool = False) -> Roles:
    """Roles of the sentence's mentions; mentions in the trigger's own clause are preferred as actors.
    `visit`: a place named as the direct object («посетил Москву») is the destination."""
    roles = _assign(tokens, slots, trigger, lang, morph, visit)
    clause = _clause(tokens, trigger[0])
    local = _assign(tokens, [s for s in slots if _clause(tokens, s.i) == clause], trigger, lang, morph, visit)
    if local.objects or local.partners:  # the trigger's own clause names whom: others name other things
        roles.objects, roles.partners = local.objects, local.partners
    else:
        roles.objects = [a for a in roles.objects if not _in_relative(tokens, slots, a)]
        roles.partners = [a for a in roles.partners if not _in_relative(tokens, slots, a)]
    if local.subjects:
        roles.subjects = local.subjects
    elif _relative(tokens, trigger[0]):
        roles.subjects, roles.relative = [], True  # «..., которые требуют»: the subject is not among the actors
    else:  # «Хотя Запад ввёл санкции, Китай воздержался»: no subject is borrowed from a later clause
        roles.subjects = [a for a in roles.subjects if any(s.actor is a and s.i < trigger[0] for s in slots)]
    return roles


# «що» and "that" also introduce reported speech («заявив, що ...»), so they are not here
RELATIVE = frozenset({"который", "которая", "которое", "которые", "которых", "которым", "кто", "який", "яка", "яке",
                      "які", "яких", "хто", "which", "who", "whom"})


def _in_relative(tokens: list[Token], slots: list[Slot], actor: Actor) -> bool:
    return all(_relative(tokens, s.i) for s in slots if s.actor is actor)


def _relative(tokens: list[Token], k: int) -> bool:
    """Whether the clause of token k opens with a relative pronoun."""
    start = max((n + 1 for n in range(k) if tokens[n].text in CLAUSE_BREAKS), default=0)
    return start < len(tokens) and tokens[start].text.lower() in RELATIVE and start > 0


CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–"})


def _clause(tokens: list[Token], k: int) -> int:
    """The number of clause breaks before token k (a crude clause id)."""
    return sum(1 for t in tokens[:k] if t.text in CLAUSE_BREAKS)


def _assign(tokens: list[Token], slots: list[Slot], trigger: tuple[int, int], lang: str, morph: Morph,
            visit: bool = False) -> Roles:
    roles = Roles()
    for slot in slots:
        prep = tokens[slot.i - 1].text.lower() if slot.i > 0 else ""
        if slot.actor.type == "location" or (prep in PLACE.get(lang, ()) and slot.actor.type == "country"):
            # «в Пекине», «до Москви», and for a visit «посетил Москву»; «засудження Москви» is no place
            if prep in PLACE.get(lang, ()) or (visit and slot.i >= trigger[1] and slot.i - trigger[1] <= 1):
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
        elif _case(tokens, slot, lang, morph) == "nomn" and not (
            slot.i >= trigger[1]
            and roles.subjects
            and _clause(tokens, slot.i) == _clause(tokens, trigger[0])
            and _accusative(tokens, slot, lang, morph)
        ):
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


def _accusative(tokens: list[Token], slot: Slot, lang: str, morph: Morph) -> bool:
    """Whether the mention can also be accusative («закликав Північноатлантичний альянс»)."""
    return any(morph.has(t.text, lang, "accs") for t in tokens[slot.i : slot.j] if t.is_word)


def _add(group: list[Actor], actor: Actor) -> None:
    if all(a.id != actor.id for a in group):
        group.append(actor)
