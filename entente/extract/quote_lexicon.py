"""Per-language cues for quote attribution, read from `extract/data/quotes_<lang>.toml`.

The data files hold stems with endings (заяви + л, заяви + ла), so no morphology runs at match
time: every form is expanded once into a set when the lexicon is built.

    >>> lex = QuoteLexicon.load("ru")
    >>> lex.verb_kind("заявила"), lex.verb_kind("заявление")
    ('say', None)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGS = ("ru", "uk", "en")
VERB_KINDS = ("say", "cite", "name")  # cite: приводит слова X; name: назвал X «...»
MAX_ENDING = 2


def fold(word: str) -> str:
    """How words are compared: lower case, Ukrainian apostrophes unified."""
    return word.lower().replace("’", "'").replace("ʼ", "'")


@dataclass(frozen=True)
class QuoteLexicon:
    lang: str
    verbs: dict[str, str]  # word form -> kind (say | cite | name)
    impersonal: frozenset[str]  # говорится, йдеться
    according: dict[str, tuple[tuple[str, ...], ...]]  # first word -> по словам, according to (longest first)
    possessives: frozenset[str]  # его in «по его словам»: the speaker is that pronoun
    as_words: frozenset[str]  # как / як / as before a verb: its subject follows it
    words_of: frozenset[str]  # слова in «приводит слова X»
    pronouns: frozenset[str]
    skip: frozenset[str]
    adverb_endings: tuple[str, ...]  # English -ly: adverbs never belong to a speaker phrase
    prepositions: frozenset[str]
    clause_words: frozenset[str]
    place_prepositions: frozenset[str]  # в / у / in: «в Кремле заявили», «говорится в заявлении»
    subject_after_verb: bool  # — сказал Шойгу: a subject may follow its verb anywhere (not in English)
    name_ends_np: bool  # «Си казахстанскому коллеге»: a noun phrase stops where a name is followed by lower case
    plural_endings: tuple[str, ...]  # заявили: a subjectless plural, the speaker is a place or body
    np_links: frozenset[str]  # of in «secretary of state»
    institutions: tuple[str, ...]  # stems of nouns heading an institution phrase
    adjective_endings: tuple[str, ...]
    abbreviations: frozenset[str]
    descriptors_before_names: bool  # «Экс-премьер Андрюс Кубилюс» ... «— добавил экс-премьер» (quote_reference)
    not_descriptors: tuple[str, ...]  # stems: заявлени, котор — words of a speaker phrase that describe nobody
    anonymous: frozenset[str]  # источник, собеседник: a speaker phrase that stands for nobody named
    unmarked_after_colon: bool  # «Мэй ответила: Насколько я знаю, нет.»: speech without marks inside a paragraph
    first_person: frozenset[str]  # я, мы: speech of its own, not the author's narrative
    answer_labels: frozenset[str]  # A: / Ответ: — interview answers
    question_labels: frozenset[str]

    @classmethod
    @cache
    def load(cls, lang: str) -> QuoteLexicon:
        """The lexicon of `lang` (ru, uk or en); unknown languages get the English one."""
        if lang not in LANGS:
            lang = "en"
        raw = tomllib.loads(resources.files("entente.extract").joinpath(f"data/quotes_{lang}.toml").read_text("utf-8"))
        verbs: dict[str, str] = {}
        for group in raw["verbs"]:
            kind = group["kind"]
            if kind not in VERB_KINDS:
                raise ValueError(f"quotes_{lang}.toml: unknown verb kind {kind!r}")
            forms = [s + e for s in group["stems"] for e in group["endings"]] + list(group["forms"])
            # English e-drop: describe + ing = describing, note + ed = noted
            forms += [s[:-1] + e for s in group["stems"] for e in group["endings"] if s.endswith("e") and e[:1] in "ei"]
            for form in forms:
                verbs.setdefault(fold(form), kind)
        cues, words = raw["cues"], raw["words"]
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted((tuple(fold(p).split()) for p in cues["according"]), key=len, reverse=True):
            phrases.setdefault(p[0], []).append(p)
        return cls(
            lang=lang,
            verbs=verbs,
            impersonal=_set(cues["impersonal"]),
            according={w: tuple(ps) for w, ps in phrases.items()},
            possessives=_set(cues["possessives"]),
            as_words=_set(cues["as_words"]),
            words_of=_set(cues["words_of"]),
            pronouns=_set(words["pronouns"]),
            skip=_set(words["skip"]),
            adverb_endings=tuple(words["adverb_endings"]),
            prepositions=_set(words["prepositions"]),
            clause_words=_set(words["clause_words"]),
            place_prepositions=_set(words["place_prepositions"]),
            subject_after_verb=bool(words["subject_after_verb"]),
            name_ends_np=bool(words["name_ends_np"]),
            plural_endings=tuple(words["plural_endings"]),
            np_links=_set(words["np_links"]),
            institutions=tuple(fold(w) for w in words["institutions"]),
            adjective_endings=tuple(words["adjective_endings"]),
            abbreviations=_set(words["abbreviations"]),
            descriptors_before_names=bool(words["descriptors_before_names"]),
            not_descriptors=tuple(fold(w) for w in words["not_descriptors"]),
            anonymous=_set(words["anonymous"]),
            unmarked_after_colon=bool(raw["unmarked"]["after_colon_in_paragraph"]),
            first_person=_set(raw["unmarked"]["first_person"]),
            answer_labels=frozenset(raw["unmarked"]["answer_labels"]),
            question_labels=frozenset(raw["unmarked"]["question_labels"]),
        )

    def verb_kind(self, word: str) -> str | None:
        """`say`, `cite` or `name` when `word` is a reporting verb form, else None."""
        return self.verbs.get(fold(word))

    def is_institution(self, words: list[str]) -> bool:
        """Whether a noun phrase (its words in order) is headed by an institution noun.

        The head is the first noun-looking word in Russian and Ukrainian (пресс-служба Кремля), the
        last word before `of` in English (the Foreign Ministry, Department of State).
        """
        if not words:
            return False
        if self.np_links:  # English: head-final
            cut = next((i for i, w in enumerate(words) if i and fold(w) in self.np_links), len(words))
            heads = [fold(words[cut - 1])]
        else:
            heads = [fold(words[0])]
            if len(words) > 1 and heads[0].endswith(self.adjective_endings):
                heads.append(fold(words[1]))
        return any(self._institution_word(h) for h in heads)

    def _institution_word(self, word: str) -> bool:
        # a stem plus an inflection of at most two letters: министерств-а, but not совет-ник
        return any(word.startswith(stem) and len(word) - len(stem) <= MAX_ENDING for stem in self.institutions)

@dataclass(frozen=True)
class Gender:
    """A person's gender guessed from a romanized first name, and a pronoun's (data/quotes_gender.toml)."""

    feminine_endings: tuple[str, ...]
    masculine_endings: tuple[str, ...]
    masculine_exceptions: frozenset[str]
    feminine_exceptions: frozenset[str]
    feminine_pronouns: frozenset[str]
    masculine_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]

    @classmethod
    def load(cls) -> Gender:
        raw = tomllib.loads(resources.files("entente.extract").joinpath("data/quotes_gender.toml").read_text("utf-8"))
        return cls(tuple(raw["feminine_endings"]), tuple(raw["masculine_endings"]),
                   _set(raw["masculine_exceptions"]), _set(raw["feminine_exceptions"]),
                   _set(raw["feminine_pronouns"]), _set(raw["masculine_pronouns"]), _set(raw["plural_pronouns"]))

    def of_pronoun(self, word: str) -> str | None:
        """f, m, p (plural) or None."""
        low = fold(word)
        if low in self.plural_pronouns:
            return "p"
        return "f" if low in self.feminine_pronouns else "m" if low in self.masculine_pronouns else None

    def of_person(self, name: str) -> str | None:
        """f, m or None (unknown) for a canonical name of two words or more."""
        words = name.split()
        if len(words) < 2:
            return None
        first = fold(words[0]).strip(".")
        if first in self.feminine_exceptions:
            return "f"
        if first in self.masculine_exceptions:
            return "m"
        if first.endswith(self.feminine_endings):
            return "f"
        return "m" if first.endswith(self.masculine_endings) and len(first) > 2 else None


def _set(words: list[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)
