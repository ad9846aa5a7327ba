"""The speaker phrase of one reporting cue: a person mention, a pronoun, an institution or a noun phrase.

A cue is a reporting verb (заявил, said), an impersonal form (говорится), a citing verb (приводит
слова X) or an according phrase (по словам X). Its attribution clause runs from the previous clause
break to the next one (commas, dashes, complementizers such as что / that). In that clause the person
mention (or subject pronoun) nearest the verb wins, on the side where the subject usually stands: after
a clause-initial verb (— сказал Шойгу; said Trump; как отметил X), before it otherwise (Путин заявил:
...; Trump said). Without one, an organization mention, then the noun phrase beside the verb.
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


@dataclass(frozen=True)
class Cue:
    first: int  # first token of the cue
    at: int  # the verb, or the last word of a phrase
    kind: str  # say | cite | name | impersonal | according
    possessive: int = -1  # token of «его» in «по его словам»


class Context:
    """One text's tokens, mentions and lexicon, shared by every quote of the text."""

    def __init__(self, toks: Tokens, lex: QuoteLexicon, people: list[tuple[int, int]], orgs: list[tuple[int, int]],
                 accepted: set[int]) -> None:
        self.toks, self.items, self.lex = toks, toks.items, lex
        self.people, self.orgs, self.accepted = people, orgs, accepted
        self.person = _mark(self.items, people)
        self.org = _mark(self.items, orgs)

    def masked(self, j: int) -> bool:
        """Whether token j lies in an accepted quote (quoted names and scare quotes count as text)."""
        return self.items[j].region in self.accepted

    def cues(self, lo: int, hi: int) -> list[Cue]:
        """Reporting cues among the tokens in [lo, hi) outside quotes, in order."""
        found: list[Cue] = []
        items, lex = self.items, self.lex
        j = max(lo, 0)
        while j < min(hi, len(items)):
            tok = items[j]
            if self.masked(j) or not tok.word:
                j += 1
                continue
            phrase = self._according(j, hi)
            if phrase:
                found.append(phrase)
                j = phrase.at + 1
                continue
            kind = "impersonal" if tok.low in lex.impersonal else lex.verb_kind(tok.low)
            if kind:
                found.append(Cue(j, j, kind))
            j += 1
        return found

    def _according(self, j: int, hi: int) -> Cue | None:
        for phrase in self.lex.according.get(self.items[j].low, ()):
            end = j + len(phrase)
            if end <= hi and all(self.items[j + k].low == w for k, w in enumerate(phrase)):
                poss = next((j + k for k, w in enumerate(phrase) if w in self.lex.possessives), -1)
                return Cue(j, end - 1, "according", poss)
        return None

    def speaker(self, cue: Cue, s0: int, s1: int, after_quote: int = -1) -> Speaker:
        """The speaker of `cue`, whose sentence spans tokens [s0, s1). `after_quote`: when the cue follows
        its quote, the token just after the quote («"...," Graham, a former candidate, told CBS News»)."""
        right = after_quote >= 0
        items = self.items
        if cue.possessive >= 0:
            return self._span(cue.possessive, cue.possessive, "pronoun")
        lo, hi = self._clause_start(cue.first, s0), self._clause_end(cue.at, s1)
        if cue.kind == "according":
            return self.nearest(cue, cue.at + 1, hi, True) or self.np_after(cue.at + 1, hi) or NO_SPEAKER
        if cue.kind == "impersonal":
            return (self.nearest(cue, lo, hi, True) or self._place(cue, lo, hi)
                    or self._span(cue.at, cue.at, "institution"))
        if cue.kind == "cite":
            of = next((j for j in range(cue.at + 1, hi) if items[j].low in self.lex.words_of), -1)
            while 0 <= of < hi - 1 and items[of + 1].low in self.lex.words_of:
                of += 1
            if of >= 0:
                of_cue = Cue(of, of, "say")
                found = self.nearest(of_cue, of + 1, hi, True, pronouns=False, orgs=False) or self.np_after(of + 1, hi)
                if found:
                    return found
        after = all(not items[j].word or items[j].low in self.lex.skip or items[j].low in self.lex.as_words
                    for j in range(lo, cue.first))
        # may the subject follow the verb? Russian / Ukrainian: yes (— сказал Шойгу), but not after a naming
        # verb (назвал отношения «...»: that is the object); English: only in «"...," said X» and «as X said»
        as_word = cue.first > lo and items[cue.first - 1].low in self.lex.as_words
        inverted = (cue.kind != "name" or right) and (self.lex.subject_after_verb or after and (right or as_word))
        stretch = [j for j in range(after_quote, lo) if items[j].word] if right else []
        if stretch and (items[stretch[0]].upper or items[stretch[0]].low in self.lex.pronouns):
            # the words between the quote and the verb's clause are its subject, an apposition follows
            found = self.nearest(Cue(lo, lo, "say"), after_quote, lo, False) or self.np_after(after_quote, lo)
            if found:
                return found
        if after and inverted:
            found = self.nearest(cue, lo, hi, True) or self.np_after(cue.at + 1, hi) or self.np_before(cue.first, lo)
        else:  # the subject stands before the verb: «дед сказал Дзержинскому» is not Дзержинский speaking
            found = self.nearest(cue, lo, cue.first, False) or self.np_before(cue.first, lo)
            if not found and inverted:
                found = self.nearest(cue, cue.at + 1, hi, True) or self.np_after(cue.at + 1, hi)
        return (found
                or self._earlier_cue(cue, s0)
                or self.sentence_subject(cue, s0)
                or (self._place(cue, lo, hi) if self._plural(cue) else None)
                or NO_SPEAKER)

    def _plural(self, cue: Cue) -> bool:
        return bool(self.lex.plural_endings) and self.items[cue.at].low.endswith(self.lex.plural_endings)

    def _clause_start(self, first: int, s0: int) -> int:
        j = first - 1
        while j >= s0 and not self._stop(j):
            j -= 1
        return j + 1

    def _clause_end(self, at: int, s1: int) -> int:
        j = at + 1
        while j < s1 and not self._stop(j):
            j += 1
        return j

    def _stop(self, j: int) -> bool:
        tok = self.items[j]
        if self.masked(j) or tok.low in self.lex.clause_words:
            return True
        return tok.text in STOPS and not self.abbreviation_dot(j)

    def abbreviation_dot(self, j: int) -> bool:
        prev = self.items[j - 1] if j else None
        return (self.items[j].text == "." and prev is not None and prev.word and prev.end == self.items[j].start
                and ((len(prev.text) == 1 and prev.upper) or prev.low in self.lex.abbreviations))

    def nearest(self, cue: Cue, lo: int, hi: int, after: bool, pronouns: bool = True,
                orgs: bool = True) -> Speaker | None:
        """The person mention or subject pronoun nearest the cue in [lo, hi), else the nearest organization."""
        best: tuple[float, int, Speaker] | None = None
        best_org: tuple[float, Speaker] | None = None
        for j in range(lo, hi):
            if cue.first <= j <= cue.at or self.masked(j):
                continue
            dist = (cue.first - j if j < cue.first else j - cue.at) + (0.0 if (j > cue.at) == after else 0.5)
            cand: tuple[float, int, Speaker] | None = None
            if self.person[j] >= 0:
                cand = (dist, 0, self._mention(self.people[self.person[j]], "person"))
            elif pronouns and self.items[j].low in self.lex.pronouns and self._adjacent(j, cue):
                cand = (dist, 1, self._span(j, j, "pronoun"))
            elif orgs and self.org[j] >= 0 and (best_org is None or dist < best_org[0]):
                best_org = (dist, self._mention(self.orgs[self.org[j]], "institution"))
            if cand and (best is None or cand[:2] < best[:2]):
                best = cand
        if best:
            return best[2]
        return best_org[1] if best_org else None

    def _adjacent(self, j: int, cue: Cue) -> bool:
        between = range(j + 1, cue.first) if j < cue.first else range(cue.at + 1, j)
        return all(self.items[k].low in self.lex.skip or not self.items[k].word and self.items[k].text not in STOPS
                   for k in between)

    def np_after(self, lo: int, hi: int) -> Speaker | None:
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
            if not tok.word or self.masked(j) or self._function_word(tok) and tok.low not in lex.np_links:
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
            if tok.low in lex.prepositions:
                words = words[:-1]  # the preposition's object: «с Чжаном Путин» keeps «Путин»
                break
            if not tok.word or self.masked(j) or self._function_word(tok) and tok.low not in lex.np_links:
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

    def _earlier_cue(self, cue: Cue, s0: int) -> Speaker | None:
        """«— сказал он, добавив, что „...“»: a subjectless verb shares the subject of the cue before it."""
        earlier = [c for c in self.cues(s0, cue.first) if c.kind != "according"]
        return self.speaker(earlier[-1], s0, cue.first) if earlier else None

    def sentence_subject(self, cue: Cue, s0: int) -> Speaker | None:
        """For a verb without a subject in its clause (заявив, adding): the sentence's first person or pronoun."""
        items, lex = self.items, self.lex
        for j in range(s0, cue.first):
            if self.masked(j) or (j > s0 and items[j - 1].low in lex.prepositions):
                continue
            if self.person[j] >= 0:
                return self._mention(self.people[self.person[j]], "person")
            if items[j].low in lex.pronouns and j == s0:
                return self._span(j, j, "pronoun")
        # no mention known: a capitalized name opening the sentence (Лавров, своєю чергою, зазначив)
        run = []
        for j in range(s0, min(cue.first, s0 + 3)):
            if not items[j].word or not items[j].upper or self.masked(j) or self._function_word(items[j]):
                break
            run.append(j)
        return self._phrase(run) if run and (len(run) > 1 or not self.people) else None

    def _place(self, cue: Cue, lo: int, hi: int) -> Speaker | None:
        """«заявили в Кремле», «говорится в заявлении МИД»: the body named after в / у / in."""
        items, lex = self.items, self.lex
        spots = [j for j in range(cue.at + 1, min(cue.at + 3, hi)) if items[j].low in lex.place_prepositions]
        spots += [j for j in range(cue.first - 1, lo - 1, -1) if items[j].low in lex.place_prepositions]
        for j in spots:
            found = self.np_after(j + 1, hi if j > cue.at else cue.first)
            if found:
                return Speaker(found.start, found.end, "institution")
        return None

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
