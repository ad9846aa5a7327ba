"""Match keys for names: one key for every case form of a name, in Russian and Ukrainian.

Names are looked up by key, not by lemma: dictionaries do not know most foreign names and read
Ukrainian surnames in -ов/-ін as adjectives («Лавровим» -> «лавровий»). Stripping a case ending
maps «Путин», «Путину», «Путиным» to «путин» and «Росія», «Росії», «Росією» to «рос». Because the
base's own names go through the same function, the key only has to be consistent, not a real stem.

>>> [name_key(w) for w in ("Сергей", "Сергея", "Сергієм", "Лавровим", "Києва", "Київ", "Xi's")]
['серг', 'серг', 'серг', 'лавров', 'києв', 'києв', 'xi']
"""

from __future__ import annotations

from functools import lru_cache

# Case endings of Russian and Ukrainian nouns and adjectives, longest first. -ов/-ев/-ин/-ін are
# not here: they belong to surnames (Лавров, Путін), whose case forms add endings after them.
# fmt: off
_ENDINGS = sorted({
    "ыми", "ими", "ого", "его", "ому", "ему", "ієві", "еві", "ові", "ієм", "еем", "ией", "ією", "иею", "ою",
    "ею", "ой", "ей", "ий", "ый", "ій", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ым", "им", "ом",
    "ем", "ах", "ях", "ам", "ям", "ами", "ями", "ия", "ии", "ию", "ія", "ії", "ію", "ея", "еи", "еей", "еї", "еєю",
    "єм", "єві", "еєм", "еєві", "ього", "ьому", "ьої", "ьою", "ью", "ых", "их", "ої", "а", "я", "у", "ю", "ы",
    "и", "і", "ї", "е", "є", "о", "й", "ь",
}, key=len, reverse=True)
# fmt: on
_ENDINGS_BY_LAST: dict[str, tuple[str, ...]] = {}  # the endings a word can have, by its last letter, in order
for _e in _ENDINGS:
    _ENDINGS_BY_LAST[_e[-1]] = (*_ENDINGS_BY_LAST.get(_e[-1], ()), _e)
_MIN_STEM = 3
_NOMINATIVE_ENDINGS = frozenset({"ам", "ем", "им", "ом", "ым", "ям"})  # Вьетнам, Вифлеем, Иерусалим, Сиам
_ALTERNATING = {"ці": "к", "зі": "г", "сі": "х"}
_HEAD_ENDINGS = ("ом", "ем", "ой", "ою", "а", "у", "е", "і", "и", "ы", "я", "ю")


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """The lookup key of one word of a name (see the module docstring): its longest ending stripped."""
    return key_candidates(word)[-1]


@lru_cache(maxsize=200_000)
def key_candidates(word: str) -> tuple[str, ...]:
    """Every key `word` may have, the least stripped first: «Китая» -> ('китая', 'кита', 'кит').

    A base name is indexed under `name_key` (the last candidate); a word of running text matches it
    through any candidate, the longest first, since an ending such as -ая may be a noun's («Китая»)."""
    w = word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    if w.endswith("'s"):
        return (w[:-2],)
    w = w.rstrip(".")
    if not w or not ("а" <= w[-1] <= "я" or w[-1] in "іїєґ"):
        return (w,)
    head, _, last = w.rpartition("-")
    if last.endswith("ів"):  # Львів / Львова, Харків / Харкова
        last = last[:-2] + "ов"
    elif last.endswith("їв"):  # Київ / Києва
        last = last[:-2] + "єв"
    stems = _stems(last)
    if last[-2:] in _ALTERNATING:  # «в Америці», «у Празі»: к, г, х before a Ukrainian dative -і are ц, з, с
        stems.append(last[:-2] + _ALTERNATING[last[-2:]])
    # what is left once a case ending is gone may be a nominative ending in what looks like a case ending, stripped
    # from its key: «Вьетнама» -> вьетнам -> вьетн, the key of «Вьетнам»; «В'єтнамові», «Иерусалима» -> иерусал
    stems += [x[:-2] for x in stems[1:] if x[-2:] in _NOMINATIVE_ENDINGS and len(x) - 2 > _MIN_STEM]
    stems = sorted(dict.fromkeys(stems), key=len, reverse=True)  # in a fixed order: the last is the index key
    if head:  # both parts of a double name decline: «Касиму-Жомарту» -> касим-жомарт
        head = "-".join(_strip_vowel(p) for p in head.split("-"))
    return tuple(f"{head}-{x}" if head else x for x in stems)


def _stems(word: str) -> list[str]:
    """The word and what is left of it after each case ending it may have, of at least _MIN_STEM letters."""
    endings = _ENDINGS_BY_LAST.get(word[-1], ()) if word else ()
    return [word] + [word[: -len(e)] for e in endings if word.endswith(e) and len(word) - len(e) >= _MIN_STEM]


def _strip_vowel(part: str) -> str:
    for ending in _HEAD_ENDINGS:
        if part.endswith(ending) and len(part) - len(ending) >= _MIN_STEM:
            return part[: -len(ending)]
    return part
