"""Role nouns (посол, генерал, держсекретар, foreign minister) found in running text.

They give unknown people a sector, and with a country beside them a country; with `leader` roles
they resolve titles («российский лидер», "the Chinese president") to known people.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from entente.disk_cache import cached, code_digest
from entente.models import Pickled
from entente.nlp.keys import name_key
from entente.nlp.tokens import Token, tokenize


@dataclass(frozen=True)
class RoleNoun(Pickled):
    key: str
    sector: str | None
    leader: bool


@dataclass(frozen=True)
class RoleMatch:
    start: int  # token index
    end: int
    role: RoleNoun


class Roles:
    def __init__(self, data: dict[str, dict[str, Any]]) -> None:
        self.index: dict[tuple[str, ...], RoleNoun] = {}
        self.first: dict[str, int] = defaultdict(int)  # first key -> longest phrase
        for key, d in data.items():
            role = RoleNoun(key, d.get("sector"), bool(d.get("leader")))
            for lang in ("en", "ru", "uk"):
                for phrase in d.get(lang, []):
                    keys = tuple(name_key(t.text) for t in tokenize(phrase, lang) if t.is_word)
                    if keys:
                        self.index.setdefault(keys, role)
                        self.first[keys[0]] = max(self.first[keys[0]], len(keys))

    @classmethod
    def load(cls) -> Roles:
        """The role nouns of `data/roles.toml`, read from the disk cache (`entente.disk_cache`) when an earlier
        process built them from the same file and code (building tokenizes every phrase: ≈0.2 s)."""
        path = resources.files("entente.extract") / "data" / "roles.toml"

        def parts() -> list[bytes | str]:
            return [path.read_bytes() if path.is_file() else b"", code_digest(_BUILDERS)]

        return cached("roles", parts, lambda: cls(tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}),
                      cls)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its index (the disk cache): `__init__` wants the data file's tables, which mypyc's unpickling
        of a compiled class would call without them."""
        return _restored, (self.index, self.first)

    def at(self, tokens: list[Token], i: int) -> RoleMatch | None:
        """The longest role phrase starting at token `i`; a former holder's prefix is read through
        («экс-премьер», «екс-міністр», "ex-president"): the role still gives a sector and a country."""
        text = tokens[i].text
        if not text[0].isalnum():  # not a word
            return None
        first = _bare(text)
        longest = self.first.get(first, 0)
        if not longest:
            return None  # no role phrase begins with this word: most words of a text
        # keys of the few words a phrase can span, not of the rest of the text (this runs at every token)
        keys = [first] + [name_key(t.text) for t in tokens[i + 1 : i + longest]]
        for n in range(min(longest, len(tokens) - i), 0, -1):
            words = tokens[i : i + n]
            if not all(t.is_word for t in words):
                continue
            role = self.index.get(tuple(keys[:n]))
            if role:
                return RoleMatch(i, i + n, role)
        return None


def _restored(index: dict[tuple[str, ...], RoleNoun], first: dict[str, int]) -> Roles:
    roles = Roles({})
    roles.index, roles.first = index, first
    return roles


FORMER = ("экс-", "екс-", "ex-")
_BUILDERS = ("entente.extract.roles", "entente.nlp.keys", "entente.nlp.tokens", "tokenize_uk")


@lru_cache(maxsize=100_000)  # `Roles.at` asks at every token of a text
def _bare(word: str) -> str:
    """The match key of a word without a former holder's prefix."""
    low = word.lower()
    return name_key(word[len(p) :] if (p := next((f for f in FORMER if low.startswith(f)), "")) else word)
