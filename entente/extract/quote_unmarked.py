"""Speech given without quote marks, found by the form of the page rather than by marks.

- **After a colon ending a paragraph**: «Об этом сообщил Трамп:» and the next paragraph is what he said.
  The colon's clause must hold a reporting cue (a say or cite verb, an impersonal form, an according
  phrase), or the paragraph must be a short line naming a person («Хозяин плантации Джино Дескальси:»).
  A next paragraph that starts a list, is itself a heading (ends in a colon), reports speech of its
  own in its first sentence (Как сообщает «МК», ...) or holds quotes of its own is the author's text.
- **After a colon inside a paragraph** (Russian and Ukrainian pages stripped of their marks): «Мэй
  ответила: Насколько я знаю, нет.» — a reporting verb right before the colon and a capital after
  it; the quote runs to the end of that sentence.
- **Dash dialogue**: a line opening with a dash is speech up to the author's words («— Ми так не
  домовлялися, — обізвався Дяченко. — Нізащо.»), kept when those words hold a reporting verb, or when
  the line follows a colon that introduces speech.
- **A line opening with a person's name and a colon** («Мустафа Джемилев: Во времена ...»): the rest
  of the line is that person's speech (transcripts, interview pages).
- **Interviews in Q/A form**: with at least two answer lines (A: / Ответ: / Відповідь:) and a question
  line, each answer is a quote of the person the introduction names first (`Unmarked.interviewee`).

Regions come back as `Quoted` with an empty `mark`: `start:end` are the words, `open = start`,
`close = end`.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from entente.extract.quote_lexicon import QuoteLexicon
from entente.extract.quote_marks import OPENING, Quoted

WORD = re.compile(r"\w+(?:[-'’ʼ]\w+)*")
SENTENCE_END = re.compile(r"[.!?…]+\s+(?=[^\s\w]*[A-ZА-ЯІЇЄҐ0-9])")
AUTHOR_BREAK = re.compile(r"([,.!?…])\s*[—–-]\s+")  # «... , — сказав він»: where speech gives way to the author
RESUME = re.compile(r"[,.:]\s*[—–-]\s+")  # «... — сказав він. — ...»: where speech resumes
# speech opens with a capital (or a mark); a list item need not
DASH_LINE = re.compile(r"[ \t\u00a0]*[—–-]\s*(?=[A-ZА-ЯІЇЄҐ«\"“„…])")
LIST_START = re.compile(r"\s*(?:[•*·▪►✓–—<-]|\d{1,2}[.)]\s|[a-zа-я][.)]\s)")  # lists, dialogue, markup
NAMED_LINE = re.compile(r"[ \t\u00a0]*([A-ZА-ЯІЇЄҐ][\w.'’ -]{1,40}?)[ \t]*:[ \t\u00a0]+(?=[A-ZА-ЯІЇЄҐ])")
NAMED_WORDS = 3  # «Clinton: 2,316.» is a tally, not speech
HEADLINE_WORDS = 8  # «Хозяин крупной плантации Джино Дескальси:»
NAME_WORDS = 4  # a quoted stretch this short inside speech is a name («Газпром»); a longer one, a quote of its own
FIRST_SENTENCE = 300  # characters of the next paragraph checked for a speech report of its own

Spans = Sequence[tuple[int, int]]


@dataclass(frozen=True)
class Unmarked:
    regions: list[Quoted]
    interview: set[int]  # indices into `regions` of interview answers
    interviewee: tuple[int, int] | None  # the person mention the answers belong to


def unmarked_regions(text: str, marked: list[Quoted], lex: QuoteLexicon, people: Spans) -> Unmarked:
    """Speech without marks in `text`, outside the `marked` regions."""
    lines = _lines(text)
    taken = [(q.open, q.last + 1) for q in marked]  # marked regions come sorted and disjoint
    opens = [q.open for q in marked]
    found: list[Quoted] = []
    answers = _answers(text, lines, lex)
    found.extend(answers)
    answered = [(q.open, q.close) for q in answers]
    for n, (lo, hi) in enumerate(lines):
        line = text[lo:hi]
        if _inside(taken, lo) or _inside(answered, lo):
            continue
        if DASH_LINE.match(line):
            introduced = n > 0 and _colon_intro(text, lines[n - 1], lex, people)
            found.extend(_dialogue(text, lo, hi, lex, introduced))
            continue
        named = _named_line(text, lo, hi, people)
        if named is not None:
            found.append(named)
            continue
        stripped = line.rstrip()
        if stripped.endswith(":") and n + 1 < len(lines) and _colon_intro(text, (lo, hi), lex, people):
            nlo, nhi = lines[n + 1]
            nxt = text[nlo:nhi]
            inner = marked[bisect_left(opens, nlo):bisect_left(opens, nhi)]
            if _speech_paragraph(nxt, lex) and not any(len(_words(text[q.start:q.end])) > NAME_WORDS for q in inner):
                found.append(_region(text, nlo, nhi))
        elif lex.unmarked_after_colon and ":" in line:
            found.extend(_in_paragraph(text, lo, hi, lex, taken))
    regions = [q for q in found if q.start < q.end]
    interviewee = _interviewee(text, answers, people) if answers else None
    return Unmarked(regions, {k for k, q in enumerate(regions) if q in answers}, interviewee)


def merge(marked: list[Quoted], unmarked: list[Quoted]) -> list[Quoted]:
    """Both kinds in order; a marked region inside an unmarked one is part of that speech, and an
    unmarked one overlapping a marked one otherwise is dropped."""
    bare = sorted(unmarked, key=lambda q: q.open)
    opens = [u.open for u in bare]
    kept = []
    for q in marked:  # inside the unmarked region that opens last at or before it?
        k = bisect_right(opens, q.open) - 1
        if not (k >= 0 and q.last < bare[k].close):
            kept.append(q)
    spans = sorted((q.open, q.last + 1) for q in kept)
    out = kept + [u for u in bare if not _overlaps(spans, u.open, u.close)]
    return sorted(out, key=lambda q: q.open)


def _overlaps(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Whether any of the sorted, disjoint spans overlaps [lo, hi)."""
    k = bisect_right(spans, (lo, lo)) - 1
    return any(s < hi and lo < e for s, e in spans[max(k, 0):k + 2])


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether pos lies in one of the sorted, disjoint spans."""
    k = bisect_right(spans, (pos, sys.maxsize)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _region(text: str, lo: int, hi: int) -> Quoted:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return Quoted(lo, hi, lo, hi, "")


def _words(text: str) -> list[str]:
    return [m.group().lower() for m in WORD.finditer(text)]


def _cue(words: list[str], lex: QuoteLexicon) -> bool:
    """A reporting cue among the words, not in a «как сказал X» aside of the author's own clause."""
    for k, w in enumerate(words):
        according = any(tuple(words[k:k + len(p)]) == p for p in lex.according.get(w, ()))
        said = according or lex.verb_kind(w) in ("say", "cite") or w in lex.impersonal
        if said and not (k and words[k - 1] in lex.as_words):
            return True
    return False


def _colon_intro(text: str, line: tuple[int, int], lex: QuoteLexicon, people: Spans) -> bool:
    """Whether the line ends in a colon that introduces speech (a cue in its sentence, or a short line
    naming a person)."""
    lo, hi = line
    body = text[lo:hi].rstrip()
    if not body.endswith(":"):
        return False
    ends = list(SENTENCE_END.finditer(body))
    begin = ends[-1].end() if ends else 0
    words = _words(body[begin:])
    if _cue(words, lex):
        return True
    k = bisect_left(people, (lo + begin, lo + begin))
    named = k < len(people) and people[k][0] < lo + len(body)
    return named and len(words) <= HEADLINE_WORDS


def _named_line(text: str, lo: int, hi: int, people: Spans) -> Quoted | None:
    """«Мустафа Джемилев: Во времена ...»: a line opening with a person's name and a colon, the rest
    unmarked speech (transcripts, interview pages, headlines)."""
    m = NAMED_LINE.match(text, lo, hi)
    if m is None:
        return None
    k = bisect_left(people, (m.start(1), m.start(1)))
    if k >= len(people) or people[k][0] != m.start(1) or people[-1][1] < m.end(1):
        return None
    covered = m.start(1)
    while k < len(people) and people[k][0] <= covered + 1 and covered < m.end(1):
        covered = max(covered, people[k][1])
        k += 1
    rest = _words(text[m.end():hi])
    if covered < m.end(1) or len(rest) < NAMED_WORDS or _words(m.group(1))[-1] in rest:
        return None  # too short for speech, or it speaks of the person («Sanders: ... Senator Sanders calls ...»)
    return _region(text, m.end(), hi)


def _speech_paragraph(line: str, lex: QuoteLexicon) -> bool:
    """Whether a paragraph after an introducing colon reads as the speech itself, not as the author's
    text reporting speech of its own (Как сообщает «МК», ...; По данным X, ...; X заявил, что ...)."""
    body = line.strip()
    if not body or body[0] in OPENING or LIST_START.match(body) or body.endswith(":"):
        return False
    end = SENTENCE_END.search(body, 0, FIRST_SENTENCE)
    first = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", " ", body[: end.start() if end else FIRST_SENTENCE])
    return not _reports(first, lex)


def _reports(sentence: str, lex: QuoteLexicon) -> bool:
    """An according phrase, «как сообщает», a reporting verb before a complementizer or colon, or one
    in the subjectless plural (сообщили, підтвердили)."""
    tokens = [m.group().lower() for m in re.finditer(r"\w+(?:[-'’ʼ]\w+)*|[,:]", sentence)]
    for k, w in enumerate(tokens):
        if any(tuple(tokens[k:k + len(p)]) == p for p in lex.according.get(w, ())):
            return True
        if lex.verb_kind(w) != "say" and w not in lex.impersonal:
            continue
        after = tokens[k + 1:k + 3]
        if k and tokens[k - 1] in lex.as_words or ":" in after or after[:1] == [","] and after[1:2] and (
                after[1] in lex.clause_words):
            return True
        if lex.plural_endings and w.endswith(lex.plural_endings) and not lex.first_person & set(tokens[:k]):
            return True  # «... также подтвердили украинские источники»: the author's narrative (not «Мы не признали»)
    return False


def _in_paragraph(text: str, lo: int, hi: int, lex: QuoteLexicon, taken: list[tuple[int, int]]) -> list[Quoted]:
    """«... Мэй ответила: Насколько я знаю, нет.»: a verb before a colon, a capital after it, no marks."""
    out = []
    for m in re.finditer(r"(\w+)\s*:[ \t\u00a0]+(?=[A-ZА-ЯІЇЄҐ])", text[lo:hi]):
        at = lo + m.end()
        word = m.group(1).lower()
        if _inside(taken, at) or not (lex.verb_kind(word) == "say" or word in lex.impersonal):
            continue
        end = SENTENCE_END.search(text, at, hi)
        stop = end.start() + 1 if end else hi
        brk = AUTHOR_BREAK.search(text, at, stop)
        if brk:
            stop = brk.start(1) + (0 if brk.group(1) == "," else 1)
        if not _overlaps(taken, at, stop):
            out.append(_region(text, at, stop))
    return out


def _dialogue(text: str, lo: int, hi: int, lex: QuoteLexicon, introduced: bool) -> list[Quoted]:
    """Speech parts of a dash line: «— Speech, — author's words. — More speech.»"""
    at = DASH_LINE.match(text, lo, hi)
    if at is None:
        return []
    start = at.end()
    brk = AUTHOR_BREAK.search(text, start, hi)
    if brk is None:
        return [_region(text, start, hi)] if introduced else []
    resume = RESUME.search(text, brk.end(), hi)
    author = text[brk.end():resume.start() if resume else hi]
    if not (introduced or _cue(_words(author), lex)):
        return []
    first = _region(text, start, brk.start(1) + (0 if brk.group(1) == "," else 1))
    if resume is None:
        return [first]
    return [first, *_dialogue_rest(text, resume.end(), hi)]


def _dialogue_rest(text: str, start: int, hi: int) -> list[Quoted]:
    brk = AUTHOR_BREAK.search(text, start, hi)
    return [_region(text, start, brk.start(1) + (0 if brk.group(1) == "," else 1) if brk else hi)]


def _answers(text: str, lines: list[tuple[int, int]], lex: QuoteLexicon) -> list[Quoted]:
    """Answer lines of an interview in Q/A form, the label cut off; none unless the form is clear."""
    answers, questions = [], 0
    for lo, hi in lines:
        line = text[lo:hi]
        label = _label(line, lex.answer_labels)
        if label:
            answers.append(_region(text, lo + label, hi))
        elif _label(line, lex.question_labels):
            questions += 1
    return answers if len(answers) >= 2 and questions else []


def _label(line: str, labels: frozenset[str]) -> int:
    """Length of a leading «A:» / «Q» label (a bare Q glued to a capital, as in «QWhy ...»), else 0."""
    m = re.match(r"\s*(\w+)\s*[:—–-]\s*|\s*([QA])(?=[A-Z\"“‘])", line)
    if not m:
        return 0
    word = m.group(1) or m.group(2)
    return m.end() if word in labels else 0


def _interviewee(text: str, answers: list[Quoted], people: Spans) -> tuple[int, int] | None:
    """The first person the text names before its first answer (the introduction presents the guest)."""
    before = [p for p in people if p[1] <= answers[0].start]
    return before[0] if before else None
