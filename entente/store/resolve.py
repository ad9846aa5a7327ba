"""Which stored actor a name stands for, one rule for the command line and the REST API: never a silent fuzzy
pick.

An actor id, an ISO alpha-3 country code, or a stored name (case and ё/е aside) is taken as is. Otherwise one
candidate is taken only when every word typed is a whole word of its name (`Putin` for "Vladimir Putin") or, in
Cyrillic, an inflected form of one (`Путиным`, `Лаврова`: the same stem, up to three letters of ending apart),
and the answer says what it was taken as (`note`). Anything else — no candidate, several, or a near spelling
such as `Atlantis` for "Atlantic Ocean" — is a UsageError that lists the closest stored names.

    resolve(store, "Путиным")   # -> Resolved(actor={"id": "person:vladimir-putin", ...}, note="'Путиным' taken as ...")
    event_side(store, "rus")    # -> "RUS": a country code takes the country's people and bodies in event filters
    dyad_side(store, "Путин")   # -> "RUS", note: a person stands for their country in a dyad
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from entente.errors import UsageError
from entente.store.rows import name_key

if TYPE_CHECKING:
    from entente.store import Store

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class Resolved:
    actor: dict[str, Any]  # id, name, type, country, sector, matched
    note: str | None = None  # what a loose match was taken as, for the user to see


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO alpha-3 codes of the actor knowledge base's countries file."""
    data = tomllib.loads(resources.files("entente.actors").joinpath("data/countries.toml").read_text("utf-8"))
    return frozenset(data)


def resolve(store: Store, text: str) -> Resolved:
    """The stored actor `text` names (an id or a name in any language); UsageError when it names none or several."""
    same_id = store._rows(  # type: ignore[attr-defined]  # an id as stored wins over its namesakes in another
        "SELECT id, name, type, country, sector, id AS matched FROM actors WHERE id = ?", (text.strip(),))  # case
    if same_id:
        return Resolved(same_id[0])
    found = store.find_actors(text, limit=6)
    key = name_key(text)
    exact = [x for x in found if x["id"].lower() == text.strip().lower() or name_key(x.get("matched") or "") == key]
    if len(exact) == 1 or (exact and len({x["id"] for x in exact}) == 1):
        return Resolved(exact[0])
    if exact:
        raise UsageError(f"{text!r} names several stored actors: {_listed(exact)}; give an id")
    close = [x for x in found if _same_words(key, name_key(x.get("matched") or ""))]
    if len(close) == 1:
        x = close[0]
        return Resolved(x, f"{text!r} taken as {x['id']} ({x['name']})")
    if close:
        raise UsageError(f"{text!r} matches several stored actors: {_listed(close)}; give an id or a full name")
    if not found:  # the closest by the first letters of its first word
        found = store.find_actors(key.split()[0][:3], limit=5) if key and len(key.split()[0]) > 3 else []
    hint = f"; closest stored: {_listed(found)}" if found else ""
    raise UsageError(f"no stored actor matches {text!r}{hint} (`entente actors` and /api/actors list them)")


def event_side(store: Store, text: str) -> tuple[str, str | None]:
    """What an event filter's actor or recipient is keyed by, and a note: an ISO alpha-3 country code (`rus` ->
    RUS, which takes the country's people and bodies), else the id of the stored actor `text` names."""
    text = text.strip()
    if text.upper() in country_codes():
        return text.upper(), None
    found = resolve(store, text)
    return found.actor["id"], found.note


def dyad_side(store: Store, text: str) -> tuple[str, str | None]:
    """What a dyad side is keyed by, and a note: an ISO alpha-3 country code (`chn` -> CHN), else the stored actor
    a name or id stands for: a country, or an actor without one (org:NATO); a person or body stands for its
    country (the note says so)."""
    text = text.strip()
    if text.upper() in country_codes():
        return text.upper(), None
    found = resolve(store, text)
    x = found.actor
    if x["country"] and x["type"] != "country":
        return str(x["country"]), f"{text!r} is {x['id']} ({x['name']}); the dyad takes its country, {x['country']}"
    return str(x["country"] or x["id"]), found.note


def _same_words(typed: str, name: str) -> bool:
    """Every typed word is a word of `name`, or (Cyrillic) an inflected form of one."""
    words = name.split()
    return bool(words) and all(any(w == n or _inflected(w, n) for n in words) for w in typed.split())


def _inflected(typed: str, stored: str) -> bool:
    if not (_CYRILLIC.search(typed) and _CYRILLIC.search(stored)):
        return False
    common = 0
    for a, b in zip(typed, stored, strict=False):
        if a != b:
            break
        common += 1
    return common >= 4 and len(typed) - common <= 3 and len(stored) - common <= 3


def _listed(actors: list[dict[str, Any]]) -> str:
    return ", ".join(f"{x['id']} ({x['name']})" for x in actors[:5])
