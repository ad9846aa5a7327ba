"""Which stored actor a name on the command line stands for; never a silent fuzzy pick.

An actor id or a stored name (case and ё/е aside) is taken as is. Otherwise one candidate is taken only
when every word typed is a whole word of its name (`Putin` for "Vladimir Putin") or, in Cyrillic, an
inflected form of one (`Путиным`, `Лаврова`: the same stem, up to three letters of ending apart), and
stderr says what it was taken as. Anything else — no candidate, several, or a near spelling such as
`Atlantis` for "Atlantic Ocean" — is a UsageError that lists the closest stored names.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from entente.cli_args import countries
from entente.display import neutral
from entente.errors import UsageError
from entente.store import Store
from entente.store.rows import name_key

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def resolve(store: Store, text: str) -> dict[str, Any]:
    """The stored actor `text` names (an id or a name in any language)."""
    found = store.find_actors(text, limit=6)
    key = name_key(text)
    exact = [x for x in found if x["id"].lower() == text.strip().lower() or name_key(x.get("matched") or "") == key]
    if len(exact) == 1 or (exact and len({x["id"] for x in exact}) == 1):
        return exact[0]
    if exact:
        raise UsageError(f"{text!r} names several stored actors: {_listed(exact)}; give an id")
    close = [x for x in found if _same_words(key, name_key(x.get("matched") or ""))]
    if len(close) == 1:
        x = close[0]
        print(neutral(f"entente: {text!r} taken as {x['id']} ({x['name']})"), file=sys.stderr)
        return x
    if close:
        raise UsageError(f"{text!r} matches several stored actors: {_listed(close)}; give an id or a full name")
    if not found:  # the closest by the first letters of its first word
        found = store.find_actors(key.split()[0][:3], limit=5) if key and len(key.split()[0]) > 3 else []
    hint = f"; closest stored: {_listed(found)}" if found else ""
    raise UsageError(f"no stored actor matches {text!r}{hint} (`entente actors` lists them)")


def side(store: Store, text: str) -> str:
    """What a dyad or event side is keyed by: an ISO alpha-3 country code (`chn` -> CHN), else the stored actor
    a name or id stands for: a country, or an actor without one (org:NATO); a person or body stands for its
    country (said on stderr)."""
    text = text.strip()
    if text.upper() in countries():
        return text.upper()
    x = resolve(store, text)
    if x["country"] and x["type"] != "country":
        print(neutral(f"entente: {text!r} is {x['id']} ({x['name']}); the dyad takes its country, {x['country']}"),
              file=sys.stderr)
    return str(x["country"] or x["id"])


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
