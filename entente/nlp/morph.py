"""pymorphy3 for Russian and Ukrainian, loaded once, with a per-word cache.

Only what the recognizers ask: the grammemes of a word's readings, and a name's nominative form.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


INFINITIVE_TAGS = frozenset({"INFN", "infn"})  # the Russian and the Ukrainian dictionary's tag


class Reading(NamedTuple):
    """One reading of a word (a named tuple, as `Token`: a word's readings are made by the hundred thousand over a
    corpus, and a tuple is made in one step; its fields, and its equality and hash among readings, are the frozen
    dataclass's it was)."""

    lemma: str
    tags: frozenset[str]
    score: float
    known: bool = True  # in the dictionary, not guessed from the ending


class Morph:
    LANGS = ("ru", "uk")

    def __init__(self) -> None:
        self._loaded: dict[str, Any] = {}
        self._tagsets: dict[str, frozenset[str]] = {}
        self.readings = lru_cache(maxsize=100_000)(self._readings)

    def _analyzer(self, lang: str) -> Any | None:
        """pymorphy3's analyzer for `lang`, its dictionaries loaded when the language first comes."""
        if lang not in self.LANGS:
            return None
        if lang not in self._loaded:
            from entente.lasting import loading

            with loading():
                import pymorphy3

                self._loaded[lang] = pymorphy3.MorphAnalyzer(path=dictionary(lang), lang=lang)
        return self._loaded[lang]

    def _readings(self, word: str, lang: str) -> tuple[Reading, ...]:
        analyzer = self._analyzer(lang)
        if analyzer is None:
            return ()
        out = []
        known: dict[str, bool] = {}  # a dictionary look-up per form: the readings of a word mostly share theirs
        for p in analyzer.parse(word):
            tag = str(p.tag)
            tags = self._tagsets.get(tag)
            if tags is None:  # a few hundred distinct tags: each split once
                tags = self._tagsets[tag] = frozenset(tag.replace(" ", ",").split(","))
            if p.word not in known:
                known[p.word] = bool(p.is_known)
            out.append(Reading(p.normal_form, tags, p.score, known[p.word]))
        return tuple(out)

    def forms(self, lemma: str, lang: str) -> frozenset[str]:
        """Every form of every paradigm whose normal form is `lemma` («бой»: «бои», «боя»; «мати»: «має» as well
        as the noun's «матері»); the lemma alone in a language without a dictionary."""
        analyzer = self._analyzer(lang)
        if analyzer is None:
            return frozenset({lemma})
        out = {lemma}
        for p in analyzer.parse(lemma):
            if p.normal_form == lemma:
                out.update(f.word for f in p.lexeme)
        return frozenset(out)

    def known(self, word: str, lang: str) -> bool:
        """Whether the dictionary has `word` (lower-case), as pymorphy3's first analyzer looks it up (a Russian е
        may stand for its ё): then every reading of it is the dictionary's, and the word is a form of each
        reading's lemma (`forms`); an unknown word's readings are guessed."""
        analyzer = self._analyzer(lang)
        return analyzer is not None and bool(analyzer.word_is_known(word))

    def infinitive(self, word: str, lang: str) -> bool:
        """Whether the first reading of `word` is an infinitive (pymorphy3 tags it INFN in Russian, infn in
        Ukrainian)."""
        readings = self.readings(word.lower(), lang)
        return bool(readings) and bool(INFINITIVE_TAGS & readings[0].tags)

    def best(self, word: str, lang: str) -> frozenset[str]:
        """The tags of the most likely reading of `word` (none when the dictionary has no reading)."""
        readings = self.readings(word.lower(), lang)
        return frozenset(readings[0].tags) if readings else frozenset()

    def has(self, word: str, lang: str, *tags: str) -> bool:
        """Whether some reading of `word` carries all `tags`."""
        return any(r.tags.issuperset(tags) for r in self.readings(word, lang))

    def first_name(self, word: str, lang: str) -> bool:
        """Whether the dictionary knows `word` as a plain first name and not as a surname: «Марина», «Мартин»,
        «Павел», «Мишель» (but not «Путин», nor «Байден», which it only guesses)."""
        readings = self.readings(word, lang)
        best = readings[0] if readings else None
        # the best reading, or one as likely (the Ukrainian dictionary scores all readings alike: «Богданом»)
        if best is None or not any(r.known and "Name" in r.tags and r.score >= best.score for r in readings):
            return False
        return not any("Surn" in r.tags and r.score >= 0.2 for r in readings)

    def common_word(self, word: str, lang: str) -> bool:
        """Whether the dictionary's best reading of `word` is a common word, not a name or place:
        «Горе», «Ціна», «Бо», «пані», «Песков» (a form of «песок»); a capital mid-sentence overrides it."""
        readings = self.readings(word, lang)
        best = readings[0] if readings else None
        if best is None or not best.known or best.tags & {"ADJF", "ADJS"}:
            return False  # an adjective may be a surname («Зеленський», which the Ukrainian dictionary only has so)
        if any(r.tags & {"Name", "Surn", "Patr"} and r.score >= 0.1 for r in readings):
            return False
        return not best.tags & {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "UNKN", "LATN"}

    def nominative(self, words: list[str], lang: str) -> list[str]:
        """A person's name in the nominative, word by word, gender agreed with the given name.

        >>> Morph().nominative(["Андрея", "Денисова"], "ru")
        ['Андрей', 'Денисов']
        """
        analyzer = self._analyzer(lang)
        if analyzer is None:
            return words
        female = any(r.tags >= {"Name", "femn"} and r.score >= 0.3 for w in words for r in self.readings(w, lang))
        out = []
        for word in words:
            out.append(self._nominative_word(analyzer, word, female) if len(word) > 2 else word)
        return out

    @staticmethod
    def _nominative_word(analyzer: Any, word: str, female: bool) -> str:
        parses = analyzer.parse(word)
        # a name unknown to the dictionary is read as a noun or left alone, never as a verb form («Ризви»)
        named = [p for p in parses if NAME_TAGS & set(p.tag.grammemes)] or [p for p in parses[:1] if "NOUN" in p.tag]
        if not named:
            return word
        best = named[0]
        if "nomn" in best.tag.grammemes and ("femn" in best.tag.grammemes) == female:
            return word
        target = {"nomn", "sing"} | ({"femn"} if female else set())
        form = best.inflect(target) or best.inflect({"nomn"})
        text = form.word if form else best.normal_form
        return _match_case(text, word)


def _match_case(text: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return text.upper()
    return "-".join(p[:1].upper() + p[1:] for p in text.split("-")) if model[:1].isupper() else text


def dictionary(lang: str) -> str | None:
    """The folder of pymorphy3's dictionary for `lang`, as its `pymorphy3_dicts` entry point names it
    (`pymorphy3_dicts_ru`, `pymorphy3_dicts_uk`), found by importing that package: pymorphy3 itself reads
    the entry points of every installed package (≈0.02 s a language). None (pymorphy3 chooses) when
    PYMORPHY2_DICT_PATH is set or the package is not there."""
    import importlib
    import os

    if "PYMORPHY2_DICT_PATH" in os.environ:
        return None
    try:
        return str(importlib.import_module(f"pymorphy3_dicts_{lang}").get_path())
    except ImportError:
        return None
