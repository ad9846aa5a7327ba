"""The closed-class words of the event coder's argument rules, per language, from extract/data/grammar.toml
(prepositions of partners, places and targets, conjunctions, relative pronouns, ...).

>>> PARTNER["ru"], "которые" in RELATIVE
({'с', 'со'}, True)
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

LANGS = ("ru", "uk", "en")


@cache
def _table() -> dict[str, dict[str, list[str]]]:
    path = resources.files("entente.extract") / "data" / "grammar.toml"
    return tomllib.loads(path.read_text("utf-8"))


def words(name: str) -> dict[str, set[str]]:
    """The `name` list of every language, as sets."""
    return {lang: set(_table()[lang].get(name, ())) for lang in LANGS}


def everywhere(name: str) -> frozenset[str]:
    """The `name` lists of all languages together (for rules that read any language's words)."""
    return frozenset(w for lang in LANGS for w in _table()[lang].get(name, ()))


PARTNER = words("partner")
PLACE = words("place")
PLACE_NOUNS = words("place_nouns")  # «в деревне Иттан Вали»: a kind of place between «в» and the name
AGAINST = words("against")
STRUCK_AT = words("struck_at")
OTHER_PREP = words("other_prep")
CONJUNCTIONS = everywhere("conjunctions")
LIST_JOINERS = words("list_joiners")  # «в Испании, Бельгии и Италии»: members of one list share its preposition
SELF_TARGET = words("self_target")  # «обвинения против себя»: the subject is the target
SELF_ADDRESS = words("self_address")  # «в свой адрес»
UNSHARED = words("unshared")  # but not "of", "between"
GIVING = words("giving")  # "gave Tanzania a grant": the name after the verb is whom it is given to
VERB_BEFORE = words("verb_before")  # "to march", "they attack": a verb, not a noun
RELATIVE = everywhere("relative")
OBJECT_OPENERS = words("object_openers")  # «текст якої затвердив уряд»: the noun before the verb may be its object
TEMPORAL = everywhere("temporal")
GOVERNED_TEMPORAL = words("governed_temporal")
TEMPORAL_LEAD = words("temporal_lead")
PURPOSE = everywhere("purpose")
WE = everywhere("we")
WE_LED = everywhere("we_led")
WE_OBJECT = frozenset({"me", "us"})
NEAR = words("near")
SOURCE = everywhere("source")
LED_BY = everywhere("led_by")
NOT_ONLY = everywhere("not_only")
QUOTES = frozenset({"''", '"', "“", "”", "„", "``", "«", "»"})  # quote marks, as tokens
CAUSE = {lang: {tuple(w.split()) for w in ws} for lang, ws in words("cause").items()}  # «из-за», "due to"
QUANTITY = everywhere("quantity")
BE = words("be")
HE = words("he")
CLAUSE_OPEN = words("clause_open")
POSSESSIVE = words("possessive")
UNDERGOER = words("undergoer")  # "Zimmerman's acquittal": the possessor is the one it is done to
VENUE_NOUNS = everywhere("venue_nouns")
# «со стороны X»: the noun, then the prepositions before it
AGENT_MARK = {
    lang: (marks[0], set(marks[1:])) for lang in LANGS if (marks := _table()[lang].get("agent_mark", []))
}
