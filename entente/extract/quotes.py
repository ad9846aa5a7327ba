"""Direct quotes and who said them, by text rules (no morphology, well under a millisecond per article).

    >>> finder = QuoteFinder()
    >>> text = "«Мы готовы к диалогу», — сказал министр обороны РФ Сергей Шойгу."
    >>> [(q.text, text[q.speaker_start:q.speaker_end], q.speaker_kind) for q in finder.find(text, "ru", [(51, 63)])]
    [('Мы готовы к диалогу', 'Сергей Шойгу', 'person')]

Steps: pair the quote marks (`quote_marks`), split quotes interrupted by their attribution, add speech
given without marks (after a colon ending a paragraph, dash dialogue, interview answers:
`quote_unmarked`), mask the
quoted words and split sentences outside them (`quote_text`), drop quoted names and scare quotes and
tell full quotes from partial ones (`quote_attribution.shape`), find each quote's reporting cue
(`quote_attribution.attribute`) and its speaker phrase (`quote_speaker`). Reporting verbs, pronouns
and the other cues are in `data/quotes_<lang>.toml`.

Choices worth knowing:
- A quote interrupted by its attribution («Первая часть, — сказал он, — вторая часть») is returned as
  two spans with the same speaker, so that a span never contains the author's words. Likewise a quote
  running over paragraphs (each reopening the mark) is one span per paragraph, all with one speaker.
- A full quote without a cue of its own takes the speaker of the quote just before it when that one
  ends in the previous sentence («...», — сказал Шойгу. «...».), also across a paragraph break, so that
  a run of quote paragraphs after one attribution keeps it; else of the quote just after it in the
  same paragraph.
- Pronoun speakers are returned as pronouns, with the person mention they most likely stand for.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from entente.extract.quote_attribution import REACH, Shape, attribute, shape, split_interrupted
from entente.extract.quote_lexicon import QuoteLexicon
from entente.extract.quote_marks import Quoted, quoted_regions
from entente.extract.quote_speaker import NO_SPEAKER, Context, Speaker
from entente.extract.quote_text import Tokens, tokenize
from entente.extract.quote_unmarked import merge, unmarked_regions

Spans = Sequence[tuple[int, int]]
ANTECEDENT_SENTENCES = 6  # how far back a pronoun's person is looked for


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offsets of the quoted words, quote marks excluded, into `text`
    end: int
    text: str
    partial: bool  # a short fragment inside the author's sentence, not a full statement
    speaker_start: int | None  # the speaker phrase: a person mention, an institution, a noun phrase or a pronoun
    speaker_end: int | None
    speaker_kind: str  # person | institution | noun | pronoun | none
    marked: bool = True  # False for speech found by its form, without quote marks (quote_unmarked)
    antecedent: tuple[int, int] | None = None  # for a pronoun speaker: the person mention it stands for


class QuoteFinder:
    """Built once (loads the ru / uk / en lexicons), then `find` per text; safe to share."""

    def __init__(self) -> None:
        self._lex = {lang: QuoteLexicon.load(lang) for lang in ("ru", "uk", "en")}

    def find(self, text: str, lang: str, people: Spans = (), orgs: Spans = ()) -> list[QuoteSpan]:
        """Quotes in `text`; `people` / `orgs` are sorted (start, end) mentions found by NER, if any."""
        lex = self._lex.get(lang, self._lex["en"])
        marked = split_interrupted(text, quoted_regions(text), lex)
        people = sorted(people)
        bare = unmarked_regions(text, marked, lex, people)
        regions = merge(marked, bare.regions)
        answers = {bare.regions[i] for i in bare.interview}
        interview = {k for k, q in enumerate(regions) if q in answers}
        toks = tokenize(text, regions, lex)
        ctx = Context(toks, lex, sorted(people), sorted(orgs), set(range(len(regions))))
        bounds: dict[int, list[int]] = {}
        for j, tok in enumerate(toks.items):
            if tok.region >= 0:
                bounds.setdefault(tok.region, [j, j])[1] = j
        shapes = [s for r, (a, b) in sorted(bounds.items()) if (s := shape(ctx, r, a, b, regions[r], text))]
        ctx.accepted = {s.region for s in shapes}
        speakers = [attribute(ctx, s, text, regions[s.region]) for s in shapes]
        _share(text, shapes, speakers, regions, toks)
        guest = Speaker(bare.interviewee[0], bare.interviewee[1], "person") if bare.interviewee else NO_SPEAKER
        speakers = [guest if s.region in interview else sp for s, sp in zip(shapes, speakers, strict=True)]
        starts = [t.start for t in toks.items]
        return [QuoteSpan(regions[s.region].start, regions[s.region].end,
                          text[regions[s.region].start:regions[s.region].end], s.partial,
                          sp.start, sp.end, sp.kind, bool(regions[s.region].mark),
                          _antecedent(ctx, bisect_right(starts, sp.start) - 1)
                          if sp.kind == "pronoun" and sp.start is not None else None)
                for s, sp in zip(shapes, speakers, strict=True)]

    def antecedent(self, text: str, lang: str, pos: int, people: Spans) -> tuple[int, int] | None:
        """The person a pronoun at `pos` most likely stands for (see `_antecedent`). A heuristic for
        wiring, not coreference."""
        lex = self._lex.get(lang, self._lex["en"])
        regions = quoted_regions(text)
        toks = tokenize(text, regions, lex)
        starts = [t.start for t in toks.items]
        at = max(bisect_right(starts, pos) - 1, 0)
        ctx = Context(toks, lex, sorted(people), [], set(range(len(regions))))
        return _antecedent(ctx, at) if starts else None


def _antecedent(ctx: Context, at: int) -> tuple[int, int] | None:
    """The person a subject pronoun at token `at` stands for: a person named earlier in its own sentence,
    else the subject of the nearest earlier sentence that names one. An earlier sentence opening with
    the same pronoun has the same subject, so the search goes on past it («Mr. Lou said ... But he
    suggested that Mr. Lew ... "...," he said» is Lou). The subject is the first person mention outside
    quotes not governed by a preposition («В беседе с Чжаном Путин»: Путин)."""
    items, lex, toks = ctx.items, ctx.lex, ctx.toks
    if not ctx.people:
        return None
    pronoun = items[at].low
    here = toks.sentence_of[at]
    lo = max(toks.sentences[here][0], at - REACH)
    found = _subject(ctx, lo, at)
    if found:
        return found
    for s in range(here - 1, max(here - ANTECEDENT_SENTENCES, 0) - 1, -1):
        lo, hi = toks.sentences[s]
        hi = min(hi, lo + REACH)  # the subject opens its sentence
        opening = next((j for j in range(lo, hi) if items[j].word and not ctx.masked(j)
                        and items[j].low not in lex.skip and items[j].low not in lex.clause_words), -1)
        if opening >= 0 and items[opening].low == pronoun:
            continue  # «But he suggested ...»: the same subject as ours, named further back
        found = _subject(ctx, lo, hi)
        if found:
            return found
    return None


def _subject(ctx: Context, lo: int, hi: int) -> tuple[int, int] | None:
    items, lex = ctx.items, ctx.lex
    for j in range(lo, hi):  # the first mention not governed by a preposition («с Чжаном Путин»)
        if ctx.masked(j) or ctx.person[j] < 0:
            continue
        first = ctx.people[ctx.person[j]]
        k = j - 1
        while k >= lo and ctx.person[k] == ctx.person[j]:
            k -= 1
        if k >= lo and (items[k].low in lex.prepositions or items[k].low in lex.np_links):
            continue
        return first
    return None


def _share(text: str, shapes: list[Shape], speakers: list[Speaker], regions: list[Quoted], toks: Tokens) -> None:
    """Give unattributed quotes the speaker of the run-on part or neighbouring quote they belong with."""
    for k in range(1, len(shapes)):  # run-on paragraphs: one quote, one speaker
        if regions[shapes[k - 1].region].continues:
            if speakers[k].kind == "none":
                speakers[k] = speakers[k - 1]
            elif speakers[k - 1].kind == "none":
                for m in range(k - 1, -1, -1):
                    speakers[m] = speakers[k]
                    if m == 0 or not regions[shapes[m - 1].region].continues:
                        break
    own = [sp.kind != "none" for sp in speakers]
    for k, sh in enumerate(shapes):
        if speakers[k].kind != "none" or sh.partial:
            continue
        before = shapes[k - 1] if k else None  # chains: a run of quote paragraphs after one attribution
        if before and speakers[k - 1].kind != "none" and not before.partial and _near(text, before, sh, toks, True):
            speakers[k] = speakers[k - 1]
        elif k + 1 < len(shapes) and own[k + 1] and not shapes[k + 1].partial and _near(text, sh, shapes[k + 1], toks):
            speakers[k] = speakers[k + 1]


def _near(text: str, first: Shape, second: Shape, toks: Tokens, paragraphs: bool = False) -> bool:
    """The second quote opens in the sentence after the first one at most (and, unless `paragraphs`,
    in the same paragraph)."""
    gap = text[toks.items[first.close].end:toks.items[second.open].start]
    return (paragraphs or "\n" not in gap) and toks.sentence_of[second.open] - toks.sentence_of[first.close] <= 1


__all__ = ["NO_SPEAKER", "QuoteFinder", "QuoteSpan"]
