"""The speaker phrase of one reporting cue: a person mention, a pronoun, an institution or a noun phrase.

A cue is a reporting verb (заявил, said), an impersonal form (говорится), a citing verb (приводит
слова X) or an according phrase (по словам X). Its attribution clause runs from the previous clause
break to the next one (commas, dashes, complementizers such as что / that). In that clause the person
mention (or subject pronoun) nearest the verb wins, on the side where the subject usually stands: after
a clause-initial verb (— сказал Шойгу; said Trump; как отметил X), before it otherwise (Путин заявил:
...; Trump said). Without one, an organization mention, then the noun phrase beside the verb.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from entente.extract.quote_phrases import NO_SPEAKER, STOPS, Phrases, Speaker

__all__ = ["NO_SPEAKER", "STOPS", "Context", "Cue", "Speaker"]


@dataclass(frozen=True)
class Cue:
    first: int  # first token of the cue
    at: int  # the verb, or the last word of a phrase
    kind: str  # say | cite | name | impersonal | according
    possessive: int = -1  # token of «его» in «по его словам»


class Context(Phrases):
    """The cues of a text and the speaker each one names."""

    def cues(self, lo: int, hi: int) -> list[Cue]:
        """Reporting cues among the tokens in [lo, hi) outside quotes, in order. The text's cues are
        found once per masking (`accepted`) and looked up, so many quotes in one sentence stay linear."""
        if self._cues_for is not self.accepted:  # find() assigns a new set when the masking changes
            self._all, self._cues_for = self._scan(0, len(self.items)), self.accepted
            self._firsts = [c.first for c in self._all]
        k = bisect_left(self._firsts, max(lo, 0))
        found = []
        while k < len(self._all) and self._all[k].at < hi:
            found.append(self._all[k])
            k += 1
        return found

    _cues_for: set[int] | None = None
    _all: list[Cue]
    _firsts: list[int]

    def _scan(self, lo: int, hi: int) -> list[Cue]:
        found: list[Cue] = []
        items, lex = self.items, self.lex
        j = max(lo, 0)
        hi = min(hi, len(items))
        accepted, according, impersonal, verbs = self.accepted, lex.according, lex.impersonal, lex.verbs
        while j < hi:
            tok = items[j]
            if not tok.word or tok.region in accepted:
                j += 1
                continue
            phrase = self._according(j, hi) if tok.low in according else None
            if phrase:
                found.append(phrase)
                j = phrase.at + 1
                continue
            kind = "impersonal" if tok.low in impersonal else verbs.get(tok.low)  # low is folded already
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
            found = (
                self.nearest(cue, lo, hi, True)
                or self._apposition(cue, hi, s1)
                or self.np_after(cue.at + 1, hi)
                or self.np_before(cue.first, lo)
            )
        else:  # the subject stands before the verb: «дед сказал Дзержинскому» is not Дзержинский speaking
            found = self.nearest(cue, lo, cue.first, False) or self.np_before(cue.first, lo)
            if not found and inverted:
                found = self.nearest(cue, cue.at + 1, hi, True) or self.np_after(cue.at + 1, hi)
        return (found
                or self._earlier_cue(cue, s0)
                or self.sentence_subject(cue, s0)
                or (self._place(cue, lo, max(hi, self._clause_end(cue.at + 1, s1))) if self._plural(cue) else None)
                or NO_SPEAKER)

    def _apposition(self, cue: Cue, hi: int, s1: int) -> Speaker | None:
        """The person named at the end of an apposition after the comma that ends the verb's clause («— пообещал
        лидер партии, радикальный проповедник Хадим Ризви»: Rizvi, not whoever «лидер партии» would refer back
        to): a lower-case phrase and a person's name that ends it, with the sentence or the next stop."""
        if hi >= s1 or self.items[hi].text != "," or hi + 1 >= s1 or self.items[hi + 1].upper:
            return None
        if any(self.items[j].low in self.lex.place_prepositions for j in range(cue.at + 1, hi)):
            return None  # «— написал министр в прошении об отставке, поданном Т. Мэй»: the phrase goes on elsewhere
        end = self._clause_end(hi, s1)
        last = end - 1
        while last > hi and not self.items[last].word:
            last -= 1
        if last <= hi or self.person[last] < 0:
            return None
        first = last
        while first > hi + 1 and self.person[first - 1] == self.person[last]:
            first -= 1
        between = [self.items[j] for j in range(hi + 1, first) if self.items[j].word]
        # a few words of title, no preposition (not «, отвечая на вопрос Путина»: a clause of its own)
        if len(between) > 4 or any(t.low in self.lex.prepositions or t.low in self.lex.clause_words for t in between):
            return None
        return self._mention(self.people[self.person[last]], "person")

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
        if self.masked(j) or tok.low in self.lex.clause_words and not self.initial(j):
            return True
        return tok.text in STOPS and not self.abbreviation_dot(j)

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
        return self._with_head(best_org[1]) if best_org else None

    def _with_head(self, org: Speaker) -> Speaker:
        """«представитель российского МИД»: an organization mention with the lower-case noun phrase it
        depends on, which says who spoke for it (a noun phrase, resolved later to the person)."""
        items = self.items
        j = next((k for k, t in enumerate(items) if t.start == org.start), -1)
        words: list[int] = []
        while j > 0 and len(words) < 2:  # a noun, or an adjective and its noun (глава столичной полиции)
            tok = items[j - 1]
            if not tok.word or tok.upper or self.masked(j - 1) or self._function_word(tok) or tok.low in self.lex.skip:
                break
            if words and not items[words[-1]].low.endswith(self.lex.adjective_endings or ("\0",)):
                break
            words.append(j - 1)
            j -= 1
        if not words:
            return org
        phrase = self._phrase(sorted(words))
        return Speaker(items[words[-1]].start, org.end, phrase.kind if phrase else "noun")

    def _adjacent(self, j: int, cue: Cue) -> bool:
        between = range(j + 1, cue.first) if j < cue.first else range(cue.at + 1, j)
        return all(self.items[k].low in self.lex.skip or not self.items[k].word and self.items[k].text not in STOPS
                   for k in between)

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
            if j == s0 + 1 and items[s0].low in lex.np_links:
                continue  # "Of Carson, Levine ... said": a sentence opening with of / for names its topic
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

