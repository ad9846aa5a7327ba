"""Speaker phrases over the masked tokens: noun phrases beside a verb, mentions, spans.

`Phrases` is the token view the speaker rules work on: which tokens are quoted, where a noun phrase
beside a reporting verb begins and ends (stops at prepositions, conjunctions, verbs, punctuation; at most
seven words; «Си казахстанскому коллеге» stops after the name), and whether it names an institution.
"""

from __future__ import annotations

from dataclasses import dataclass

from entente.extract.quote_lexicon import QuoteLexicon
from entente.extract.quote_marks import MARKS
from entente.extract.quote_text import DASHES, ENDS, Token, Tokens

MAX_NP_WORDS = 7
STOPS = frozenset(",;:()[]") | DASHES | ENDS


@dataclass(frozen=True)
class Speaker:
    start: int | None
    end: int | None
    kind: str  # person | institution | noun | pronoun | none


NO_SPEAKER = Speaker(None, None, "none")


class Phrases:
    """One text's tokens, mentions and lexicon, shared by every quote of the text.

    `accepted` holds the quoted regions that are quotes: their words are masked, while quoted names
    and scare quotes read as ordinary text.
    """

    def __init__(self, toks: Tokens, lex: QuoteLexicon, people: list[tuple[int, int]], orgs: list[tuple[int, int]],
                 accepted: set[int]) -> None:
        self.toks, self.items, self.lex = toks, toks.items, lex
        self.people, self.orgs, self.accepted = people, orgs, accepted
        self.person = _mark(self.items, people)
        self.org = _mark(self.items, orgs)

    def masked(self, j: int) -> bool:
        """Whether token j lies in an accepted quote (quoted names and scare quotes count as text)."""
        return self.items[j].region in self.accepted

    def abbreviation_dot(self, j: int) -> bool:
        prev = self.items[j - 1] if j else None
        """Whether token j is the stop of an abbreviation or initial (Sen., В.), not a sentence end."""
        return (self.items[j].text == "." and prev is not None and prev.word and prev.end == self.items[j].start
                and ((len(prev.text) == 1 and prev.upper) or prev.low in self.lex.abbreviations))

    def initial(self, j: int) -> bool:
        """Whether token j is a capital initial before its stop («А. Кубилюс», «С. Сквярнялис»), which
        reads like the conjunction «а» or the preposition «с» but belongs to a name."""
        items = self.items
        return (items[j].upper and len(items[j].text) == 1 and j + 1 < len(items) and items[j + 1].text == "."
                and items[j + 1].start == items[j].end)

    def np_after(self, lo: int, hi: int) -> Speaker | None:
        """The noun phrase starting at token lo (after a verb or a preposition), within [lo, hi)."""
        items, lex = self.items, self.lex
        j = lo
        while j < hi and (items[j].low in lex.skip or items[j].text in MARKS or self._adverb(items[j])):
            j += 1
        words: list[int] = []
        while j < hi and len(words) < MAX_NP_WORDS:
            tok = items[j]
            if tok.text in MARKS or self.abbreviation_dot(j):
                j += 1
                continue
            if not tok.word or self.masked(j) or self._function_word(tok) and tok.low not in lex.np_links and (
                    not self.initial(j)):
                break
            if words and (tok.low in lex.skip or self._adverb(tok)):
                break
            if lex.name_ends_np and words and not tok.upper and items[words[-1]].upper and items[words[0]].upper:
                break  # «Си казахстанскому коллеге»; but «заяві Офісу президента» goes on
            words.append(j)
            j += 1
        while words and items[words[-1]].low in lex.np_links:
            words.pop()
        return self._phrase(words)

    def np_before(self, first: int, lo: int) -> Speaker | None:
        """The noun phrase ending just before token `first` (a verb), not reaching before lo."""
        items, lex = self.items, self.lex
        j = first - 1
        while j >= lo and (items[j].low in lex.skip or items[j].text in MARKS or self._adverb(items[j])):
            j -= 1
        words: list[int] = []
        while j >= lo and len(words) < MAX_NP_WORDS:
            tok = items[j]
            if tok.text in MARKS or tok.text == "." and self.abbreviation_dot(j):
                j -= 1
                continue
            if tok.low in lex.prepositions and not self.initial(j):
                words = words[:-1]  # the preposition's object: «с Чжаном Путин» keeps «Путин»
                break
            if not tok.word or self.masked(j) or self._function_word(tok) and tok.low not in lex.np_links and (
                    not self.initial(j)):
                break
            words.append(j)
            j -= 1
        while words and items[words[-1]].low in lex.np_links:
            words.pop()
        return self._phrase(sorted(words))

    def _adverb(self, tok: Token) -> bool:
        return not tok.upper and tok.low.endswith(self.lex.adverb_endings) if self.lex.adverb_endings else False

    def _function_word(self, tok: Token) -> bool:
        lex = self.lex
        return (tok.low in lex.prepositions or tok.low in lex.clause_words or tok.low in lex.pronouns
                or tok.low in lex.impersonal or tok.low in lex.as_words or lex.verb_kind(tok.low) is not None)

    def _phrase(self, words: list[int]) -> Speaker | None:
        if not words:
            return None
        texts = [self.items[j].text for j in words]
        kind = "institution" if self.lex.is_institution(texts) else "noun"
        return self._span(words[0], words[-1], kind)

    def _span(self, first: int, last: int, kind: str) -> Speaker:
        return Speaker(self.items[first].start, self.items[last].end, kind)

    @staticmethod
    def _mention(span: tuple[int, int], kind: str) -> Speaker:
        return Speaker(span[0], span[1], kind)


def _mark(items: list[Token], spans: list[tuple[int, int]]) -> list[int]:
    """For each token, the index of the span that covers it, or -1."""
    out = [-1] * len(items)
    k = 0
    for j, tok in enumerate(items):
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        if k < len(spans) and spans[k][0] < tok.end and tok.start < spans[k][1]:
            out[j] = k
    return out
