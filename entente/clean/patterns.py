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


MAX_CONTAINS_LINE = 200  # phrase patterns judge short lines only: a long paragraph may quote them


@dataclass(frozen=True)
class Patterns:
    junk: tuple[tuple[str, re.Pattern[str]], ...]  # matched against the whole line
    contains: tuple[tuple[str, re.Pattern[str]], ...]  # searched anywhere in a short line
    rubrics: frozenset[str]
    block_heads: frozenset[str]

    @classmethod
    @cache
    def load(cls, langs: tuple[str, ...] = LANGS) -> Patterns:
        tables: dict[str, dict[str, list[str]]] = {"junk": {}, "contains": {}}
        rubrics: set[str] = set()
        heads: set[str] = set()
        for name in ("common", *langs):
            data = _data(name)
            for table, by_reason in tables.items():
                for reason, regexes in data.get(table, {}).items():
                    by_reason.setdefault(reason, []).extend(regexes)
            words = data.get("words", {})
            rubrics.update(fold(w) for w in words.get("rubrics", []))
            heads.update(fold(w) for w in words.get("block_heads", []))
        junk, contains = (_compiled(tables[t]) for t in ("junk", "contains"))
        return cls(junk, contains, frozenset(rubrics), frozenset(heads))

    def junk_reason(self, line: str, prose: bool = False) -> str | None:
        """The reason a stripped line is page furniture by its own look, or None.

        `prose`: the caller judged the line a long sentence; phrase patterns then do not apply
        ("... to sign up for updates from the campaign resulted in ..." is news, not a prompt)."""
        for reason, pattern in self.junk:
            if pattern.fullmatch(line):
                return reason
        if not prose and len(line) <= MAX_CONTAINS_LINE:
            for reason, pattern in self.contains:
                if pattern.search(line):
                    return reason
        return None


def _compiled(by_reason: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for reason, regexes in by_reason.items():
        try:
            out.append((reason, re.compile("|".join(f"(?:{r})" for r in regexes), re.IGNORECASE)))
        except re.error as e:  # fail when the data is loaded, naming the culprit
            raise ValueError(f"bad pattern for junk reason {reason!r}: {e}") from e
    return tuple(out)
