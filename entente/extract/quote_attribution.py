"""Which quoted regions are quotes, whether they are partial, and which cue attributes each.

A region is a full quote when it opens its sentence or follows a colon; a partial one when it sits
inside the author's sentence (назвал отношения «беспрецедентно высокими»). Inside a sentence, short
capitalized regions (газета «Известия», клуб «Валдай») and title-cased ones are names, not quotes, and
one- or two-word regions are scare quotes unless the sentence reports speech.

The cue of a quote is looked for in this order: before a colon that introduces it; right after it
(«...», — сказал он; "...," he said); before it in its sentence (Лавров заявил, что «...»; по словам
X, «...»); anywhere after it in its sentence (..., сказал он); in the sentence just before, when that
one reports speech without quoting it («..., объясняет Сплидбёль. «В этом году ...»»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from entente.extract.quote_lexicon import QuoteLexicon
from entente.extract.quote_marks import Quoted
from entente.extract.quote_speaker import NO_SPEAKER, STOPS, Context, Cue, Speaker
from entente.extract.quote_text import DASHES, TOKEN

MAX_NAME_WORDS = 4  # «Пояс и путь»: a capitalized region this short inside a sentence is a name
SCARE_WORDS = 2  # «зеленых»: kept only when the sentence reports speech
MIN_FULL_WORDS = 6  # a capitalized embedded region this long is a statement, not a fragment
NAMING_WINDOW = 8  # tokens: called the 1996 pageant winner “Miss Piggy”
RIGHT_CUE_WORDS = 8
BYLINE_WORDS = 5  # «...», — [up to 8 words] said
REACH = 120  # tokens: how far from a quote its cue and sentence context are looked for, so that a run-on
# "sentence" of thousands of quotes (lists, pre-tokenized dumps) costs linear time, not quadratic
INTERRUPTION = re.compile(r"([,.!?…])\s+[—–-]\s+([^«»“”„\"‹›—–]{2,120}?)([,.:])\s+(?P<dash>[—–-])\s+")


@dataclass(frozen=True)
class Shape:
    region: int
    open: int  # token of the opening mark
    close: int  # token of the closing mark (or the last token of a run-on region)
    partial: bool
    colon: int  # token of the introducing colon, -1 without one


def split_interrupted(text: str, regions: list[Quoted], lex: QuoteLexicon) -> list[Quoted]:
    """«Первая часть, — сказал он, — вторая часть» is two quotes around the attribution, not one."""
    out: list[Quoted] = []
    for r in regions:
        m = _interruption(text, r, lex)
        if not m:
            out.append(r)
            continue
        cut = m.start(1) + (1 if m.group(1) != "," else 0)
        out.append(Quoted(r.open, m.start(1), r.start, cut, r.mark))
        rest = Quoted(m.start("dash"), r.close, m.end(), r.end, r.mark, r.continues)
        out.extend(split_interrupted(text, [rest], lex))
    return out


def _interruption(text: str, r: Quoted, lex: QuoteLexicon) -> re.Match[str] | None:
    """The first dash-set aside in the region that holds a reporting verb («..., — прийти в суд, —
    сказала она. — ...»: the second one, not the first)."""
    pos = r.start
    while (m := INTERRUPTION.search(text, pos, r.end)) is not None:
        words = [w.group() for w in TOKEN.finditer(m.group(2))]
        if len(words) <= 12 and any(lex.verb_kind(w) or w.lower() in lex.impersonal for w in words):
            return m
        pos = m.start(3)  # the aside's closing stop may open the next one
    return None


def shape(ctx: Context, r: int, first: int, last: int, q: Quoted, text: str) -> Shape | None:
    """How region r (tokens first..last, marks included) stands in its sentence; None for a name or scare quote."""
    items, toks = ctx.items, ctx.toks
    s0, s1 = _reach(toks.sentences[toks.sentence_of[first]], first, last)
    before = [j for j in range(s0, first) if items[j].text not in DASHES]
    colon = before[-1] if before and items[before[-1]].text == ":" and not ctx.masked(before[-1]) else -1
    lead = first - 1
    while lead > s0 - 1 and items[lead].text in DASHES:  # «Лилия Шевцова, Москва:» + «— Исламский террор ...»
        lead -= 1
    if not before and lead >= 0 and items[lead].text == ":":
        colon = lead  # «Он сказал:» ending the previous paragraph
    initial = all(not items[j].word and items[j].region < 0 for j in range(s0, first))
    words = [t for t in items[first:last + 1] if t.word]
    following = last + 1 if last + 1 < s1 else -1
    ends = text[q.end - 1] in ",.!?…" or following < 0 or items[following].text in STOPS
    # said, "..." / заявив «...»: a reporting verb (and at most a comma) right before the quote
    comma = bool(before) and items[before[-1]].text == ","
    verb_at = before[-1] - 1 if comma else before[-1] if before else -1
    introduced = verb_at >= 0 and any(c.kind != "name" for c in ctx.cues(verb_at, verb_at + 1)) and (
        comma or len(words) > MAX_NAME_WORDS)  # not «заявил „Известиям“», a name after the verb
    resumed = text[q.open] in DASHES  # «..., — сказал он, — вторая часть»: the rest of a split quote
    if initial or colon >= 0 or introduced or resumed:
        if initial and colon < 0 and not ends and len(words) <= MAX_NAME_WORDS:
            return None  # «Газпром» заявил...: a quoted name as the subject
        return Shape(r, first, last, False, colon)
    naming = any(c.kind == "name" for c in ctx.cues(max(s0, first - NAMING_WINDOW), first))
    upper = text[q.start].isupper()
    long_words = [w for w in words if len(w.text) > 3]
    titled = len(words) >= 2 and bool(long_words) and all(w.upper for w in long_words)
    if not naming and (upper and len(words) <= MAX_NAME_WORDS or titled):
        return None
    if not naming and len(words) <= SCARE_WORDS and not ctx.cues(s0, s1):
        return None
    return Shape(r, first, last, not (upper and len(words) >= MIN_FULL_WORDS), colon)


def attribute(ctx: Context, sh: Shape, text: str, q: Quoted) -> Speaker:
    """The speaker of the quote shaped `sh`, or NO_SPEAKER."""
    toks, items = ctx.toks, ctx.items
    s0, s1 = _reach(toks.sentences[toks.sentence_of[sh.open]], sh.open, sh.close)
    if sh.colon >= 0:
        c0 = max(toks.sentences[toks.sentence_of[sh.colon]][0], sh.colon - REACH)
        cues = ctx.cues(c0, sh.colon)
        if cues:
            return ctx.speaker(cues[-1], c0, sh.colon + 1)
        return _headline(ctx, c0, sh.colon) or ctx.sentence_subject(Cue(sh.colon, sh.colon, "say"), c0) or NO_SPEAKER
    nxt = sh.close + 1
    right = _right_window(ctx, nxt, s1)
    if right > nxt and (text[q.end - 1] in ",.!?…" or items[nxt].text in STOPS or items[nxt].low in ctx.lex.skip):
        cues = ctx.cues(nxt, right)
        if cues:
            return ctx.speaker(cues[0], s0, s1, after_quote=nxt)
    cues = ctx.cues(s0, sh.open)
    if cues:
        return ctx.speaker(cues[-1], s0, sh.open)
    cues = [c for c in ctx.cues(sh.close + 1, s1) if c.kind != "name"]  # not «..." compared to ...»
    if cues:
        return ctx.speaker(cues[0], s0, s1, after_quote=sh.close + 1)
    return _byline(ctx, nxt, s1) or _reported_before(ctx, sh) or NO_SPEAKER


def _reported_before(ctx: Context, sh: Shape) -> Speaker | None:
    """«..., объясняет Сплидбёль.» + «В этом году ...»: a full quote opening the sentence right after
    one that reports speech without quoting any continues that speech, and has its speaker."""
    toks, items = ctx.toks, ctx.items
    here = toks.sentence_of[sh.open]
    s0 = toks.sentences[here][0]
    if sh.partial or here == 0 or any(items[j].word for j in range(s0, sh.open)):
        return None
    p0, p1 = toks.sentences[here - 1]
    p0 = max(p0, p1 - REACH)
    if any(items[j].region >= 0 for j in range(p0, p1)):
        return None  # a sentence with quotes of its own: its quotes pass their speaker on (quotes._share)
    cues = [c for c in ctx.cues(p0, p1) if c.kind in ("say", "according")]
    found = ctx.speaker(cues[-1], p0, p1) if cues else None
    return found if found and found.kind in ("person", "pronoun") else None


def _reach(sentence: tuple[int, int], first: int, last: int) -> tuple[int, int]:
    """The quote's sentence, cut to REACH tokens on either side of it."""
    return max(sentence[0], first - REACH), min(sentence[1], last + 1 + REACH)


def _right_window(ctx: Context, lo: int, s1: int) -> int:
    """End of the stretch after a quote where its reporting verb may stand: «...», — [the former minister said]."""
    items = ctx.items
    j, words = lo, 0
    while j < s1 and not ctx.masked(j) and words < RIGHT_CUE_WORDS:
        tok = items[j]
        if tok.word:
            if words and tok.low in ctx.lex.clause_words:
                break  # «...," but stopped short of calling ...»: another clause
            words += 1
        elif words and tok.text in STOPS and not ctx.abbreviation_dot(j):
            break
        j += 1
    return j


def _byline(ctx: Context, lo: int, s1: int) -> Speaker | None:
    """«"...” ― Sonya Herridge»: a dash and a short capitalized name closing the sentence."""
    items = ctx.items
    j = lo
    while j < s1 and not items[j].word and items[j].text not in DASHES:
        j += 1
    words = [k for k in range(j + 1, s1) if items[k].word]
    if j >= s1 or items[j].text not in DASHES or not words or len(words) > BYLINE_WORDS:
        return None
    if not items[words[0]].upper or any(ctx.masked(k) for k in range(j, s1)):
        return None
    return ctx.nearest(Cue(j, j, "say"), j + 1, s1, True, pronouns=False) or ctx.np_after(j + 1, s1)


def _headline(ctx: Context, lo: int, colon: int) -> Speaker | None:
    """«Лавров: „...“» — a short speaker phrase before a colon, without a verb."""
    words = [j for j in range(lo, colon) if ctx.items[j].word and not ctx.masked(j)]
    if not words or len(words) > MAX_NAME_WORDS or not any(ctx.items[j].upper for j in words):
        return None
    cue = Cue(colon, colon, "say")
    return ctx.nearest(cue, lo, colon, False, pronouns=False) or ctx.np_before(colon, lo)
