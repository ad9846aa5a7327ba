"""The outlets data: canonical outlet names and the words that introduce them in text."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

_CAP = r"[A-ZА-ЯЁІЇЄҐ][\w’'-]*"


@dataclass(frozen=True)
class Outlets:
    canonical: dict[str, str]  # lower-cased alias -> canonical name
    known: re.Pattern[str]  # any alias, as a whole word
    strong_cue: re.Pattern[str]  # "пише DW": a capitalized name after a strong verb
    weak_cue: re.Pattern[str]  # "сообщает ТАСС": only known outlets after a weak verb

    @classmethod
    @cache
    def load(cls) -> Outlets:
        data = tomllib.loads(resources.files("entente.clean").joinpath("data/outlets.toml").read_text("utf-8"))
        canonical = {}
        for name, aliases in data["outlets"].items():
            canonical.update({a.lower(): name for a in [name, *aliases]})
        alias = "|".join(re.escape(a) for a in sorted(canonical, key=len, reverse=True))
        strong = "|".join(re.escape(w) for w in data["cues"]["strong"])
        weak = "|".join(re.escape(w) for w in data["cues"]["weak"])
        return cls(
            canonical,
            re.compile(rf"(?<!\w)(?:{alias})(?!\w)", re.IGNORECASE),
            re.compile(rf"(?<!\w)(?:{strong})\s+(?P<name>{_CAP}(?:[\s-]{_CAP}){{0,2}})"),
            re.compile(rf"(?<!\w)(?:{weak}),?\s+(?P<name>(?:{alias}))(?!\w)", re.IGNORECASE),
        )

    def name(self, text: str) -> str:
        """The canonical name of an outlet as written, or the text itself when unknown."""
        return self.canonical.get(text.strip().lower(), text.strip())

    def is_known(self, text: str) -> bool:
        return text.strip().lower() in self.canonical
