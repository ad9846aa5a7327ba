"""A man's name in the nominative by agreement: the given name shows the case, the surname follows it.

«Гюнтера Эттингера» is genitive because «Гюнтера» is, so «Эттингера» is read as the genitive of «Эттингер»,
not as the woman's name the dictionary prefers; «Лайнус Полинг» is nominative because «Лайнус» has no case
ending (the dictionary does not know it), so «Полинг» stays as written. A surname the dictionary does not
know loses the regular ending of that case («Джулиану Ассанжу» -> «Ассанж»); an indeclinable one («Шойгу»,
«Корреа») keeps its form; so does a woman's surname ending in a consonant («Лены Данэм» -> «Лена Данэм»).
Other women's names and undecided cases are left to `Morph.nominative`.
"""

from __future__ import annotations

from entente.nlp.morph import NAME_TAGS, Morph, Reading

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# the endings a foreign man's surname takes in each oblique case («Брэгга», «Левитту», «Сенгером», «Полинге»)
ENDINGS = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем", "ём"), "loct": ("е",)}
VOWELS = frozenset("аеёиоуыэюяіїє")


def nominative(words: list[str], lang: str, morph: Morph) -> list[str] | None:
    """The nominative of a man's name whose given name shows its case; None when agreement cannot decide
    (no known given name before the surname, or a woman's name)."""
    if len(words) < 2:
        return None
    given = _given(words[0], lang, morph)
    if given is None:
        return _unknown(words)
    if "Fixd" in given.tags:
        return None  # a given name that shows no case («Арье»)
    if "femn" in given.tags:
        # a woman's surname ending in a consonant does not decline («Лены Данэм»); one in a vowel may («Ивановой»)
        if all(w[-1:].lower() not in VOWELS | {"й", "ь"} for w in words[1:]):
            return [_match_case(given.lemma, words[0]), *words[1:]]
        return None
    case = next((c for c in CASES if c in given.tags), "nomn")
    out = [_match_case(given.lemma, words[0])]
    for word in words[1:]:
        out.append(word if case == "nomn" else _word(word, case, lang, morph))
    return out


def _unknown(words: list[str]) -> list[str] | None:
    """A name whose given name the dictionary does not know: nominative when the given name has no ending
    («Лайнус Полинг»), instrumental when every word has that case's ending («Хадимом Хусейном»); else
    undecided: «-а» or «-у» on every word may be a man's genitive or dative or a woman's nominative or
    accusative («Лайнуса Полинга», «Нора Донда»)."""
    first = words[0].lower()
    if len(first) > 2 and first[-1] not in VOWELS | {"й", "ь"} and not first.endswith(("ом", "ем", "ём")):
        # the given name shows no case: only the instrumental ending of a surname is unmistakable («Чэн Гопином»)
        last = _strip(words[-1], "ablt")
        return [*words[:-1], _match_case(last, words[-1])] if last else list(words)
    stems = [_strip(w, "ablt") for w in words]
    if all(stem is not None for stem in stems):
        return [_match_case(stem or "", w) for stem, w in zip(stems, words, strict=True)]
    return None


def _strip(word: str, case: str) -> str | None:
    low = word.lower()
    for ending in ENDINGS[case]:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 3 and stem[-1] not in VOWELS:
            return stem
    return None


def _given(word: str, lang: str, morph: Morph) -> Reading | None:
    """The best reading of `word` as a given name the dictionary knows, if it is one."""
    readings = [r for r in morph.readings(word, lang) if r.known and "Name" in r.tags]
    return max(readings, key=lambda r: r.score) if readings else None


def _word(word: str, case: str, lang: str, morph: Morph) -> str:
    if "-" in word.strip("-"):  # «Михнова-Вайтенко»: each capitalized part declines on its own
        return "-".join(_word(p, case, lang, morph) if p[:1].isupper() else p for p in word.split("-"))
    readings = morph.readings(word, lang)
    if any("Fixd" in r.tags and r.tags & NAME_TAGS for r in readings):
        return word  # «Шойгу», «Корреа»: the same in every case
    agreeing = [r for r in readings if case in r.tags and r.tags & NAME_TAGS and "femn" not in r.tags]
    if agreeing:
        return _match_case(max(agreeing, key=lambda r: r.score).lemma, word)
    stem = _strip(word, case) if case in ENDINGS else None
    return _match_case(stem, word) if stem else word


def _match_case(text: str, model: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in text.split("-")) if model[:1].isupper() else text
