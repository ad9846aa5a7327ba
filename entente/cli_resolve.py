"""Which stored actor a name on the command line stands for (entente.store.resolve: never a silent fuzzy pick);
what a loose match was taken as goes to stderr."""

from __future__ import annotations

import sys
from typing import Any

from entente.display import neutral
from entente.store import Store
from entente.store import resolve as rules


def _say(note: str | None) -> None:
    if note:
        print(neutral(f"entente: {note}"), file=sys.stderr)


def resolve(store: Store, text: str) -> dict[str, Any]:
    """The stored actor `text` names (an id or a name in any language); UsageError when none or several."""
    found = rules.resolve(store, text)
    _say(found.note)
    return found.actor


def event_side(store: Store, text: str) -> str:
    """An event filter's side: a country code (its people and bodies too), else a stored actor's id."""
    code, note = rules.event_side(store, text)
    _say(note)
    return code


def side(store: Store, text: str) -> str:
    """A dyad side: a country code, or an actor without a country; a person or body stands for its country."""
    code, note = rules.dyad_side(store, text)
    _say(note)
    return code
