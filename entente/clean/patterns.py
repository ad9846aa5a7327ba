"""Page-furniture patterns, loaded from the data files in `clean/data/`.

`common.toml` holds shapes shared by every language (image URLs, counters); `<lang>.toml` adds
that language's words. All languages are loaded together: a Ukrainian page may carry Russian or
English furniture, and the union is still small enough to match in one pass per reason.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGS = ("ru", "uk", "en")


def _data(name: str) -> dict:
    return tomllib.loads(resources.files("entente.clean").joinpath(f"data/{name}.toml").read_text("utf-8"))


def fold(s: str) -> str:
    """Lower-case, apostrophes unified, trailing colon/arrow dropped: how label words are compared."""
    s = s.lower().replace("’", "'").replace("ʼ", "'")
    return s.strip().rstrip(":→⇢›>»").strip()


@dataclass(frozen=True)
class Patterns:
    junk: tuple[tuple[str, re.Pattern[str]], ...]
    rubrics: frozenset[str]
    block_heads: frozenset[str]

    @classmethod
    @cache
    def load(cls, langs: tuple[str, ...] = LANGS) -> Patterns:
        by_reason: dict[str, list[str]] = {}
        rubrics: set[str] = set()
        heads: set[str] = set()
        for name in ("common", *langs):
            data = _data(name)
            for reason, regexes in data.get("junk", {}).items():
                by_reason.setdefault(reason, []).extend(regexes)
            words = data.get("words", {})
            rubrics.update(fold(w) for w in words.get("rubrics", []))
            heads.update(fold(w) for w in words.get("block_heads", []))
        junk = []
        for reason, regexes in by_reason.items():
            try:
                junk.append((reason, re.compile("|".join(f"(?:{r})" for r in regexes), re.IGNORECASE)))
            except re.error as e:  # fail when the data is loaded, naming the culprit
                raise ValueError(f"bad pattern for junk reason {reason!r}: {e}") from e
        return cls(tuple(junk), frozenset(rubrics), frozenset(heads))

    def junk_reason(self, line: str) -> str | None:
        """The reason a stripped line is page furniture by its own look, or None."""
        for reason, pattern in self.junk:
            if pattern.fullmatch(line):
                return reason
        return None
