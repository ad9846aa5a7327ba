"""Person names written in Cyrillic to their English spelling, and stable ASCII ids from English names.

- Chinese names, in the Palladius system (Russian) or its Ukrainian adaptation, become pinyin.
- Other Russian names follow BGN/PCGN without diacritics; Ukrainian names follow the national system
  of 2010 (Cabinet of Ministers resolution No. 55). Tables: `actors/data/translit_*.toml`.

>>> romanize("Чжан Юся", "ru"), romanize("Сі Цзіньпін", "uk")
('Zhang Youxia', 'Xi Jinping')
>>> romanize("Андрей Денисов", "ru"), romanize("Андрій Сибіга", "uk")
('Andrey Denisov', 'Andrii Sybiha')
>>> slug("Kassym-Jomart Tokayev")
'kassym-jomart-tokayev'

A name is read as Chinese when it has one or two words, the first reads whole as a common Chinese
family name (`translit_chinese.toml`), and the second, if any, reads whole as one or two syllables
and is not a Slavic first name that happens to spell syllables ("Ли Иван"). Each word is cut into
syllables by the fewest syllables, then the fewest that start with a vowel ("Ина" is yi-na, not ying-a);
a hyphen, "ъ" or an apostrophe forces a cut ("Чанъань" is Chang'an).

Letters decide over `lang`: a name with і/ї/є/ґ is Ukrainian and one with ы/э/ё/ъ Russian, whatever
language the surrounding text is in ("Ван Ї" is Wang Yi even in a Russian article).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGS = ("ru", "uk")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_APOSTROPHES = "'’ʼ`"
_UK_ONLY, _RU_ONLY = frozenset("іїєґ"), frozenset("ыэёъ")
_CUTS = re.compile(f"[-ъ{_APOSTROPHES}]")
# Latin letters that Unicode does not decompose into a base letter and a mark.
_ASCII_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "þ": "th"})


def _data(name: str) -> dict:
    return tomllib.loads(resources.files("entente.actors").joinpath(f"data/{name}.toml").read_text("utf-8"))


@dataclass(frozen=True)
class Alphabet:
    """One language's letter table: Cyrillic letters (and pairs) to Latin, by position in the word."""

    letters: dict[str, str]
    initial: dict[str, str]
    after_vowel: dict[str, str]
    vowels: frozenset[str]
    sequences: dict[str, str]

    @classmethod
    @cache
    def load(cls, lang: str) -> Alphabet:
        t = _data("translit_cyrillic")[lang]
        return cls(t["letters"], t["initial"], t["after_vowel"], frozenset(t["vowels"]), t["sequences"])

    def spell(self, text: str) -> str:
        """Latin letters for Cyrillic ones; everything else is kept.

        >>> Alphabet.load("uk").spell("Мар'яна Згурська")
        'Mariana Zghurska'
        """
        out, i = [], 0
        while i < len(text):
            ch = text[i]
            pair = next((s for s in self.sequences if text[i : i + len(s)].lower() == s), None)
            if pair is not None:
                out.append(_cased(self.sequences[pair], text, i, len(pair)))
                i += len(pair)
                continue
            low = ch.lower()
            if low in self.letters:
                prev = text[i - 1].lower() if i else " "
                if not prev.isalpha() and prev not in _APOSTROPHES:
                    latin = self.initial.get(low, self.letters[low])
                elif prev in self.vowels:
                    latin = self.after_vowel.get(low, self.letters[low])
                else:
                    latin = self.letters[low]
                out.append(_cased(latin, text, i, 1))
            elif not (ch in _APOSTROPHES and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()):
                out.append(ch)  # an apostrophe inside a word is dropped; anything else is kept
            i += 1
        return "".join(out)


@dataclass(frozen=True)
class Western:
    """Cyrillic letters read back towards a Latin-script name's own spelling (`[western]` in
    `translit_cyrillic.toml`): "Кенни Джейкобс" -> "Kenny Jacobs" where BGN/PCGN gives "Kenni Dzheykobs"."""

    sequences: dict[str, str]
    letters: dict[str, str]
    front: frozenset[str]
    vowels: frozenset[str]
    slavic: tuple[str, ...]

    @classmethod
    @cache
    def load(cls, lang: str) -> Western:
        t = _data("translit_cyrillic")["western"]
        letters = dict(t["letters"]) | (t["uk_letters"] if lang == "uk" else {})
        longest_first = dict(sorted(t["sequences"].items(), key=lambda kv: -len(kv[0])))
        return cls(
            longest_first, letters, frozenset(t["front_vowels"]), frozenset(t["vowels"]), tuple(t["slavic_endings"])
        )

    def spell(self, word: str) -> str:
        """
        >>> Western.load("ru").spell("Джейкобс"), Western.load("uk").spell("Клуні")
        ('Jacobs', 'Cluny')
        """
        low, out, i = word.lower(), [], 0
        while i < len(low):
            pair = next((s for s in self.sequences if low.startswith(s, i)), None)
            if pair is not None:
                out.append(self.sequences[pair])
                i += len(pair)
                continue
            ch, before, after = low[i], low[i - 1 : i], low[i + 1 : i + 2]
            if ch == "к":
                latin = "k" if after in self.front else "c"
            elif ch == "у" and after in self.vowels and (not before.isalpha() or before in self.vowels):
                latin = "w"
            elif ch in "иі" and not after.isalpha():
                latin = "y"
            else:
                latin = self.letters.get(ch, ch)
            out.append(latin)
            i += 1
        spelt = "".join(out)
        return spelt[:1].upper() + spelt[1:] if word[:1].isupper() else spelt


def _cased(latin: str, text: str, i: int, width: int) -> str:
    """`latin` cased like text[i:i+width]: "Щ" -> "Shch", but "ЩЕ" -> "SHCHE"."""
    if not text[i].isupper():
        return latin
    before, after = text[i - 1 : i], text[i + width : i + width + 1]
    shouting = (width > 1 and text[i : i + width].isupper()) or any(c.isupper() for c in before + after)
    return latin.upper() if shouting else latin.capitalize()


@dataclass(frozen=True)
class Palladius:
    """Chinese syllables in one language's Cyrillic spelling, read back as pinyin."""

    readings: dict[str, str]  # "цзинь" -> "jin"
    surnames: frozenset[str]  # pinyin, "ouyang" included
    slavic_given_names: frozenset[str]  # lower-case Cyrillic
    longest: int  # letters in the longest spelling

    @classmethod
    @cache
    def load(cls, lang: str) -> Palladius:
        table, names = _data("translit_palladius"), _data("translit_chinese")
        spellings = {pinyin: _adapted(ru, table.get(lang, {})) for pinyin, ru in table["syllables"].items()}
        readings = {cyr: pinyin for pinyin, cyr in spellings.items()}
        for old, new in table[lang].get("fallback", []):  # press spellings, only where nothing else reads so
            for cyr, pinyin in list(readings.items()):
                readings.setdefault(cyr.replace(old, new), pinyin)
        readings.update(table[lang].get("prefer", {}))
        surnames = frozenset(names["surnames"]) | frozenset(names["compound_surnames"])
        given = frozenset(w.lower() for w in names["slavic_given_names"])
        return cls(readings, surnames, given, max(map(len, readings)))

    def syllables(self, word: str) -> tuple[str, ...] | None:
        """The pinyin syllables of one word, or None if it is not made of them.

        >>> Palladius.load("ru").syllables("Цзиньпин")
        ('jin', 'ping')
        """
        out: list[str] = []
        for piece in _CUTS.split(word.lower()):
            cut = self._cut(piece)
            if cut is None:
                return None
            out.extend(cut)
        return tuple(out)

    def _cut(self, piece: str) -> tuple[str, ...] | None:
        # best[i]: (syllables, syllables after the first that start with a vowel, spellings) for piece[:i]
        best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (len(piece) + 1)
        best[0] = (0, 0, ())
        for i in range(len(piece)):
            here = best[i]
            if here is None:
                continue
            for j in range(i + 1, min(len(piece), i + self.longest) + 1):
                spelling = piece[i:j]
                if spelling in self.readings:
                    vowel = i > 0 and spelling[0] in "аеёиоуыэюяіїє"
                    option = (here[0] + 1, here[1] + vowel, (*here[2], spelling))
                    there = best[j]
                    if there is None or option[:2] < there[:2]:
                        best[j] = option
        done = best[-1]
        return tuple(self.readings[s] for s in done[2]) if done and done[2] else None

    def read(self, name: str) -> str | None:
        """Pinyin for a Chinese name ("Чжан Юся" -> "Zhang Youxia"), None if the name is not Chinese."""
        words = name.split()
        if not 1 <= len(words) <= 2:
            return None
        family = self.syllables(words[0])
        if family is None or "".join(family) not in self.surnames:
            return None
        if len(words) == 1:
            return _pinyin(family)
        if words[1].lower() in self.slavic_given_names:
            return None
        given = self.syllables(words[1])
        if given is None or len(given) > 2:
            return None
        return f"{_pinyin(family)} {_pinyin(given)}"


def _adapted(ru: str, rules: dict) -> str:
    """A syllable's spelling in the language whose `rules` are given: ("чэн", uk) -> "чен"."""
    letters, keep_after = rules.get("letters", {}), rules.get("keep_i_after", [])
    out = []
    for i, ch in enumerate(ru):
        kept = ch == "и" and i > 0 and ru[i - 1] in keep_after
        out.append(ch if kept else letters.get(ch, ch))
    return "".join(out)


def _pinyin(syllables: tuple[str, ...]) -> str:
    """Syllables joined as pinyin writes one name: ("xi", "an") -> "Xi'an"."""
    joined = "".join(("'" if i and s[0] in "aoe" else "") + s for i, s in enumerate(syllables))
    return joined.capitalize()


def _lang(name: str, lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS} for a Cyrillic name, not {lang!r}")
    letters = set(name.lower())
    if letters & _UK_ONLY and not letters & _RU_ONLY:
        return "uk"
    if letters & _RU_ONLY and not letters & _UK_ONLY:
        return "ru"
    return lang


def romanize(name: str, lang: str) -> str:
    """The English spelling of a person's name in its base form; `lang` is the language of the text.

    Latin-script names come back with their whitespace normalized.

    >>> romanize("Хэ Вэйдун", "ru"), romanize("Юлія Свириденко", "uk"), romanize(" Wang  Yi ", "uk")
    ('He Weidong', 'Yuliia Svyrydenko', 'Wang Yi')
    """
    name = " ".join(name.split())
    if not _CYRILLIC.search(name):
        return name
    lang = _lang(name, lang)
    chinese = Palladius.load(lang).read(name)
    return chinese if chinese is not None else Alphabet.load(lang).spell(name)


def western(word: str, lang: str) -> str:
    """One word of a Latin-script person's name written in Cyrillic, read back towards its own spelling.

    A reading, not the spelling: close enough to be recognized ("Ragan" for Reagan), never a
    Slavic surname («Рождественская»), which stays BGN/PCGN.

    >>> western("Рейган", "ru"), western("Коркоран", "uk"), western("Рождественская", "ru")
    ('Ragan', 'Corcoran', 'Rozhdestvenskaya')
    """
    if not _CYRILLIC.search(word):
        return word
    reading = Western.load(_lang(word, lang))
    if word.lower().endswith(reading.slavic):
        return romanize(word, lang)
    return "-".join(reading.spell(part) for part in word.split("-"))


@cache
def patronymic_endings() -> tuple[str, ...]:
    """Endings of Russian and Ukrainian patronymics (`[patronymic]` in `translit_cyrillic.toml`)."""
    return tuple(_data("translit_cyrillic")["patronymic"]["endings"])


def is_chinese_name(name: str, lang: str | None = None) -> bool:
    """Whether a Cyrillic name reads as a Chinese one, in `lang`'s spelling or (None) either's.

    >>> is_chinese_name("Ван И"), is_chinese_name("Ли Вадим"), is_chinese_name("Wang Yi")
    (True, False, False)
    """
    name = " ".join(name.split())
    if not _CYRILLIC.search(name):
        return False
    langs = LANGS if lang is None else (_lang(name, lang),)
    return any(Palladius.load(one).read(name) is not None for one in langs)


def slug(name: str) -> str:
    """An ASCII id part from a Latin-script name: lower case, words joined by hyphens, apostrophes dropped.

    >>> slug("Kassym-Jomart Tokayev"), slug("Recep Tayyip Erdoğan"), slug("Xi'an")
    ('kassym-jomart-tokayev', 'recep-tayyip-erdogan', 'xian')
    """
    folded = unicodedata.normalize("NFKD", name.lower().translate(_ASCII_FOLD))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    stray = sorted({c for c in folded if c.isalpha() and not c.isascii()})
    if stray:
        raise ValueError(f"slug() wants a Latin-script name (romanize() it first): {name!r} has {''.join(stray)}")
    out = re.sub(r"[^a-z0-9]+", "-", re.sub(f"[{_APOSTROPHES}]", "", folded)).strip("-")
    if not out:
        raise ValueError(f"slug() found no letters or digits in {name!r}")
    return out
