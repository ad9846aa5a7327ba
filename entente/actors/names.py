"""Names of people as words: which words may be given names, initials, particles, honorifics; where a
name stops; when an unknown person's words make a person at all. Shared by the link decision
(`decide.py`) and the linker's unknown people."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from entente.actors.kb import KnowledgeBase
from entente.extract.roles import Roles
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

_NAMES = tomllib.loads((resources.files("entente.actors") / "data" / "name_particles.toml").read_text("utf-8"))
PARTICLES = frozenset(_NAMES["particles"])
HONORIFIC = {**{w: "femn" for w in _NAMES["female"]}, **{w: "masc" for w in _NAMES["male"]}}
COMMON_EN = frozenset(
    w
    for w in (resources.files("entente.actors") / "data" / "common_en.txt").read_text("utf-8").split("\n")
    if w and not w.startswith("#")
)
_LOWER = re.compile(r"\b[a-z]+\b")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]", re.UNICODE)
PATRONYMIC = re.compile(r"(?:вич|вна|ична|ьич|івна|ївна|евна|овна)[а-яіїєґ]{0,3}$", re.IGNORECASE)


class People:
    """Which spans of unknown people make a person: the full extent of a name split by the base
    («Мартін» + «Лохера»), and no ids for brands, slogans, lone first names or common words."""

    def __init__(self, kb: KnowledgeBase, morph: Morph, roles: Roles) -> None:
        self.kb, self.morph, self.roles = kb, morph, roles

    def given_name(self, word: str, lang: str) -> bool:
        if not word[:1].isupper() or (word.isupper() and len(word) > 1):
            return False
        if lang in ("ru", "uk") and not word.isascii() and self.morph.first_name(word, lang):
            return True
        return word.lower() in self.kb.first_names

    def extent(self, text: str, tokens: list[Token], i: int, j: int, lang: str) -> tuple[int, int]:
        """[i, j) widened by a given name right before it, or, for a given name alone, the capitalized word
        right after it (the base having taken the other word for someone else)."""
        if i > 0 and joined(text, tokens, i - 1, i) and self.given_name(tokens[i - 1].text, lang):
            i -= 1
        elif j - i == 1 and j < len(tokens) and joined(text, tokens, i, j) and self.given_name(tokens[i].text, lang):
            nxt = tokens[j].text
            if nxt[:1].isupper() and not nxt.isupper() and self.roles.at(tokens, j) is None:
                j += 1
        return i, j

    def keep(self, tokens: list[Token], i: int, j: int, lang: str) -> bool:
        """Whether an unknown person's words can be a person's name."""
        words = [t.text for t in tokens[i:j] if t.is_word]
        if not words or any(c.isdigit() or c == "+" for w in words for c in w):
            return False  # «Євро-2012», "Boeing-737", "Ctrl+Enter"
        if len(words) == 1:
            w = words[0]
            if lang == "en" or (lang in ("ru", "uk") and w.isascii()):
                return False  # a lone capitalized word: "Hope", «Brexit»; its full name would have owned it
            if self.morph.first_name(w, lang) or self.morph.common_word(w, lang) or self.kb.latin.given(w, lang):
                return False  # a first name alone («Дженни») or a common word
            readings = self.morph.readings(w, lang)
            if any("Surn" in r.tags for r in readings):
                return True
            if readings and readings[0].tags & {"ADJF", "ADJS"}:
                return False  # «Білий», «Північний» alone: an adjective, not a person
            # a place («Ольстер») or a thing the dictionary guesses inanimate («Брексит») is no person
            return not any("Geox" in r.tags for r in readings) and not (readings and "inan" in readings[0].tags)
        if lang == "en" or all(w.isascii() for w in words):
            if any(w[:1].islower() and w.lower() not in PARTICLES for w in words):
                return False  # "Doom and Gloom", "Voices of Hope"
            # "Industrial Revolution", "Marshall Plan" are not people; "Susanne Rust", "Samantha Power" are
            first, last = words[0].lower(), words[-1].lower()
            return first in self.kb.first_names or (first not in COMMON_EN and last not in COMMON_EN)
        return True

    @staticmethod
    def brand(tokens: list[Token], i: int, j: int) -> bool:
        """A name in Latin letters or with digits that is no person: «Ryanair», «O2», «Boeing-737»."""
        words = [t.text for t in tokens[i:j] if t.is_word]
        return any(c.isdigit() for w in words for c in w) or (len(words) == 1 and words[0].isascii())


def joined(text: str, tokens: list[Token], a: int, b: int) -> bool:
    return tokens[a].is_word and tokens[b].is_word and text[tokens[a].end : tokens[b].start] in (" ", "\u00a0")


@lru_cache(maxsize=4)
def lower_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case (one set per article, asked for every lone English surname)."""
    return frozenset(_LOWER.findall(text))


def caps_line(text: str, pos: int) -> bool:
    line = text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]
    letters = [c for c in line if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.8 * len(letters)


def initials(word: str) -> bool:
    """«В.», "H.W.", a capital standing alone ("Edward M Kennedy"); not a lower-case letter («Джонсон и Дэвис»)."""
    return word[:1].isupper() and bool(_INITIALS.fullmatch(word))


def initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isupper()
