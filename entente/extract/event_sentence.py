"""One sentence as the event coder sees it: its tokens, its lemmas (looked up only when a rule asks), the
actors' mentions in it as slots, and what the rules that look beyond one trigger need.

The rules of events.py, event_modality.py and event_statements.py all read this one value, so a rule
that needs one more thing about the sentence gets it here, not through a longer argument list.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from entente.extract.event_args import Slot
from entente.extract.event_lexicon import Cues, Lexicon
from entente.extract.event_memo import prepared
from entente.models import Actor, Analysis, Quote
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token
from entente.nlp.when import TimeRef

CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})
# words that open a clause that is another verb's content: «что», «чтобы», "that"
COMPLEMENTIZERS = frozenset({"что", "чтобы", "що", "щоб", "that"})
PARTICIPANTS = ("person", "country", "organization")  # actor types that can be a party to an event
Key = tuple[str, tuple[str, ...], tuple[str, ...], int]  # (type, actor, recipient, sentence start): one event


@dataclass(frozen=True)
class Sentence:
    """One sentence being coded, with what the rules that look beyond one trigger need.

    `quote`: the quote the sentence is in or holds, if any; `marks`: the token positions of the cue words
    that make its events future, hypothetical or reciprocal (empty when the sentence has no trigger); `two`:
    whether the sentence itself names two parties («стороны», «обе страны», "both sides", a bare «лидеры»)."""

    a: Analysis
    lang: str
    text: str
    start: int
    end: int
    tokens: list[Token]
    lemmas: Lemmas
    slots: list[Slot]
    refs: list[TimeRef]
    cues: Cues
    quote: Quote | None
    marks: Mapping[str, set[int]]
    two: bool = False


class Lemmas(Mapping[int, str]):
    """The lemmas of a sentence's words, computed only when asked for: most words are never looked up,
    because their first letters cannot begin a trigger or a cue (`Lexicon.prefixes`)."""

    def __init__(self, lexicon: Lexicon, tokens: list[Token], words: list[int], lang: str) -> None:
        self.lexicon, self.tokens, self.words, self.lang = lexicon, tokens, words, lang
        self._word_set = set(words)
        self._cache: dict[int, str] = {}
        self._prefix = [t.text[:3].lower() for t in tokens]
        self._kinds = lexicon.prefixes[lang]
        self._openers: dict[str, set[int]] = {}
        self._word_prefixes: list[str] | None = None  # the words' first letters, in word order (`openers`)
        self._mapped: tuple[Mapping[str, str], list[str]] | None = None

    def __getitem__(self, k: int) -> str:
        lemma = self._cache.get(k)
        if lemma is None:
            if k not in self._word_set:
                raise KeyError(k)
            lemma = self._cache[k] = self.lexicon.lemma(self.tokens[k].text, self.lang)
        return lemma

    def get(self, k: int, default: str | None = None) -> str | None:  # type: ignore[override]
        """`Mapping.get` without its exception handling (the rules ask ≈100 times an article)."""
        lemma = self._cache.get(k)
        if lemma is None:
            if k not in self._word_set:
                return default
            lemma = self._cache[k] = self.lexicon.lemma(self.tokens[k].text, self.lang)
        return lemma

    def __iter__(self) -> Iterator[int]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def mapped(self, table: Mapping[str, str]) -> list[str]:
        """The values `table` gives the sentence's lemmas, in word order, each once, none empty (the contexts of
        `Cues.contexts`: every event of the sentence asks, so they are looked up once)."""
        if self._mapped is None or self._mapped[0] is not table:
            found = (table.get(self[k]) for k in self.words)
            self._mapped = (table, list(dict.fromkeys(c for c in found if c)))
        return self._mapped[1]

    def could(self, k: int, kind: str) -> bool:
        """Whether word k's first letters allow it to begin a `kind` (trigger, future, ...) phrase."""
        return self._prefix[k] in self._kinds[kind]

    def openers(self, kind: str) -> set[int]:
        """The words whose first letters allow them to begin a `kind` phrase (`could`, for every word at once)."""
        found = self._openers.get(kind)
        if found is None:
            if self._word_prefixes is None:
                self._word_prefixes = [self._prefix[k] for k in self.words]
            # the words in order, each kept where its first letters are among the kind's (in C: asked ≈200,000 times)
            opening = map(self._kinds[kind].__contains__, self._word_prefixes)
            found = self._openers[kind] = set(compress(self.words, opening))
        return found


def word_positions(tokens: list[Token]) -> list[int]:
    """The positions of the words among `tokens` (`Token.is_word`: the first character a letter or a digit)."""
    return list(compress(range(len(tokens)), map(str.isalnum, map(_first, map(_text, tokens)))))


_text, _first = itemgetter(2), itemgetter(0)  # a token's text; a text's first character


def before_adjectives(tokens: list[Token], i: int, lang: str, morph: Morph) -> int:
    """The token before the adjectives that stand before token i («по новым обвинениям»: «по»), or -1."""
    k = i - 1
    while k >= 0 and tokens[k].is_word and morph.has(tokens[k].text.lower(), lang, "ADJF"):
        k -= 1
    return k


def has_phrase(phrases: set[tuple[str, ...]], lemmas: Lemmas, k: int) -> bool:
    """Whether one of the cue `phrases` (tuples of lemmas) begins at word k."""
    first = lemmas.get(k)
    if first is None:
        return False
    return any(all(lemmas.get(k + d) == w for d, w in enumerate(p[1:], 1)) for p in _by_first(phrases).get(first, ()))


def _by_first(phrases: set[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    return prepared(phrases, _phrases_by_first)


def _phrases_by_first(phrases: set[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    return out


_begin, _end = itemgetter(0), itemgetter(1)  # of a mention (start, end, actor) or a token (start, end, text)


def sentence_slots(tokens: list[Token], mentions: list[tuple[int, int, Actor]], start: int, end: int) -> list[Slot]:
    """The mentions (start, end, actor) between `start` and `end` that can be a party to an event, as
    token ranges of the sentence's `tokens`."""
    out = []
    # `mentions` are in text order: only those that begin inside the sentence can lie in it
    first, last = bisect_left(mentions, start, key=_begin), bisect_right(mentions, end, key=_begin)
    for s, e, actor in mentions[first:last]:
        outlet = actor.sector == "MED"  # outlets report events, they are not parties to them
        # «МИД» of whom? A state body without its state is vague; a company, union or party is a party itself
        vague = actor.type == "organization" and not actor.country and actor.sector not in ("IGO", None)
        if s < start or e > end or outlet or vague:
            continue
        i = bisect_left(tokens, (s,))  # the first token that begins at s or after it
        if i == len(tokens):
            continue
        j = min(bisect_left(tokens, e, lo=i, key=_end), len(tokens) - 1) + 1  # the token that ends at e or after it
        out.append(Slot(actor, i, j))
    if any(s.actor.country for s in out):
        # a company, union or party unknown to the base is a party only where no state is named: beside
        # states, a country-less name is more often a state's own body («ВВС», «ВМФ») than a party of its own
        out = [s for s in out if s.actor.country or s.actor.type != "organization" or s.actor.sector == "IGO"]
    # a country named right before a person of that country is an apposition («президент России Путин»)
    return [
        s
        for s in out
        if not (
            s.actor.type == "country"
            and any(
                o.actor.type == "person" and o.actor.country == s.actor.country and 0 <= o.i - s.j <= 3 for o in out
            )
        )
    ]
