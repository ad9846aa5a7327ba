"""Named-entity mentions (PER, LOC, ORG) in ru / uk / en text, tied to the knowledge base where it can.

Names of the base are found first (`gazetteer`), whatever their case form. Other names come from
natasha's NER for Russian (its weights ship inside the wheel; its spans are cut to what annotators
mark by `spans_ru`) and from rules for Ukrainian and English (`rules`). `Recognizer.entities` is what
`entente eval ner` measures; `mentions` is what the actor linker needs: adjectives («китайский») and
government bodies joined to their country («МИД России»), which for Russian `entities` leaves split.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter

from entente.actors.kb import Hit, KnowledgeBase
from entente.extract import gazetteer
from entente.extract.rules import EnglishNames, UkrainianNames, sentence_initial
from entente.extract.spans_ru import Cutter
from entente.nlp.embedding import Embedding
from entente.nlp.keys import name_key
from entente.nlp.morph import Morph
from entente.nlp.tagger import Tagger
from entente.nlp.tokens import Token, tokenize

LABELS = ("PER", "LOC", "ORG")
_LABEL = {"person": "PER", "country": "LOC", "location": "LOC", "organization": "ORG"}
_KEEP = ("organization", "country")  # types the base knows better than natasha, where both mark one span


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str  # PER | LOC | ORG
    text: str
    hits: tuple[Hit, ...] = ()  # knowledge-base readings, best first; empty for unknown names
    name: bool = True  # False for adjectives and bare body nouns, which are not names
    found: bool = False  # marked by the recognizer (natasha or the rules), not only by the base


class Recognizer:
    """Built once and passed in: the dictionaries and the base load at once, natasha's tagger with the first
    Russian text."""

    def __init__(self, kb: KnowledgeBase | None = None, morph: Morph | None = None,
                 embedding: Embedding | None = None) -> None:
        self.kb = kb or KnowledgeBase.load()
        self.morph = morph or Morph()
        self.embedding = embedding or Embedding()  # natasha's word vectors, shared with the syntax parser
        self._tagger = Tagger(self.embedding)  # natasha's NER model, loaded with the first Russian text
        english = EnglishNames(self.kb.first_names)
        self._rules: dict[str, UkrainianNames | EnglishNames] = {"uk": UkrainianNames(self.morph), "en": english}
        self._alone = {"en": english.cues.not_names}
        self._cutter = Cutter(self.morph)

    def entities(self, text: str, lang: str) -> list[Entity]:
        """Names only, as an NER corpus marks them. For Russian, a body joined to its country is not one
        name («МИД России»: МИД and России, as natasha marks them), and a knowledge-base name natasha did
        not see is dropped when it is a common word opening a sentence («Политика», «Экономист»)."""
        tokens, known, found = self._find(text, lang)
        if lang == "ru":
            known = [k for k in known if not _merged(k) and not self._common(text, tokens, k, found)]
        return [e for e in _combine(known, found, strict=lang == "ru") if e.name]

    def mentions(self, text: str, lang: str) -> list[Entity]:
        return self.read(text, lang)[1]

    def read(self, text: str, lang: str) -> tuple[list[Token], list[Entity]]:
        """The tokens of `text` and every mention in it: names, adjectives, body nouns."""
        tokens, known, found = self._find(text, lang)
        return tokens, _combine(known, found)

    def _find(self, text: str, lang: str) -> tuple[list[Token], list[Entity], list[Entity]]:
        """Tokens, the base's names (bodies joined to their country) and the recognizer's names."""
        tokens = tokenize(text, lang)
        matches = gazetteer.scan(text, tokens, self.kb, self._alone.get(lang, frozenset()), lang)
        known = _merge_bodies(text, tokens, matches)
        if lang == "ru":
            found = self._natasha(text, tokens)
        else:
            free = [True] * len(tokens)
            for e in known:
                for k in range(_index(tokens, e.start), bisect_left(tokens, e.end, key=_start)):
                    free[k] = False
            rules = self._rules.get(lang) or self._rules["en"]
            spans = rules.find(text, tokens, free)
            people = spans + [
                (_index(tokens, e.start), _index(tokens, e.end - 1) + 1, "PER") for e in known if e.label == "PER"
            ]
            spans += [x for x in _surnames(tokens, free, people) if not self._function_word(tokens[x[0]].text, lang)]
            found = [_entity(text, tokens, i, j, label) for i, j, label in spans]
        return tokens, known, found

    def _function_word(self, word: str, lang: str) -> bool:
        """«Бо», «Далі», "But": a word that also reads as a conjunction, adverb, pronoun or preposition."""
        if lang == "en":
            return word.lower() in self._alone["en"]
        tags = {t for r in self.morph.readings(word.lower(), lang)[:3] for t in r.tags}
        return bool(tags & {"CONJ", "conj", "PREP", "prep", "ADVB", "adv", "NPRO", "pron", "PRCL", "part"})

    def _natasha(self, text: str, tokens: list[Token]) -> list[Entity]:
        # the tagger tokenizes by itself; natasha's Doc.segment would only add sentence objects we do not use
        found = self._tagger.spans(text) if text.strip() else []
        spans = self._cutter.cut(text, tokens, found)
        return [Entity(start, end, label, text[start:end]) for start, end, label in spans]

    def _common(self, text: str, tokens: list[Token], k: Entity, found: list[Entity]) -> bool:
        """A one-word base name natasha did not mark, opening a sentence, that the dictionary knows as a
        common word and not as a name («Политика», «Дело»)."""
        i = _index(tokens, k.start)
        if tokens[i].end != k.end or any(f.start < k.end and f.end > k.start for f in found):
            return False
        if not sentence_initial(text, tokens, i):
            return False
        return self._cutter.common(k.text)


def _merged(k: Entity) -> bool:
    """A body with its country or adjective («МИД России», «японское правительство»): no name by itself."""
    return k.name and any(h.how == "body" for h in k.hits)


def _entity(
    text: str, tokens: list[Token], i: int, j: int, label: str, hits: tuple[Hit, ...] = (), name: bool = True
) -> Entity:
    start, end = tokens[i].start, tokens[j - 1].end
    last = tokens[j - 1].text
    if last.endswith(("'s", "’s")):
        end -= 2
    elif last.endswith(".") and len(last) > 2 and last[:-1].isupper() and _closes(text, end):
        end -= 1  # «КПК.» at a sentence end (tokenize-uk keeps the dot on acronyms)
    elif j - i > 1 and len(last) == 2 and last.endswith(".") and _closes(text, end):
        end -= 1  # «Ван И.» closing a sentence: the dot is the sentence's
    return Entity(start, end, label, text[start:end], hits, name)


def _index(tokens: list[Token], offset: int) -> int:
    """The first token ending after `offset` (tokens come in text order and do not overlap)."""
    k = bisect_right(tokens, offset, key=_end)
    if k == len(tokens):
        raise ValueError(f"no token ends after offset {offset}")
    return k


_start, _end = attrgetter("start"), attrgetter("end")


def _closes(text: str, end: int) -> bool:
    """Whether the dot at text[end - 1] ends a sentence: the text ends or goes on with a capital."""
    rest = text[end:end + 3].lstrip(" \u00a0")
    return not rest or rest[0] == "\n" or rest[0].isupper() or rest[0] in "«\"„“"


def _surnames(
    tokens: list[Token], free: list[bool], spans: list[tuple[int, int, str]], common: frozenset[str] = frozenset()
) -> list[tuple[int, int, str]]:
    """A capitalized word that is the last name of a person found elsewhere in the text is that person
    («Денисов отметил», "Denisov said"), even where it opens a sentence; `common` words («Бо», "But") never are."""
    taken = {k for i, j, _ in spans for k in range(i, j)}
    last = {name_key(tokens[k].text) for i, j, label in spans if label == "PER" and j - i > 1 for k in (i, j - 1)}
    return [
        (k, k + 1, "PER")
        for k, t in enumerate(tokens)
        if free[k] and k not in taken and t.is_word and t.text[0].isupper() and name_key(t.text) in last
        and t.text.lower() not in common
    ]


def _merge_bodies(text: str, tokens: list[Token], matches: list[gazetteer.Match]) -> list[Entity]:
    """Knowledge-base matches as entities; a body joins the country beside it
    («МИД России», "Russian Foreign Ministry")."""
    out: list[Entity] = []
    k = 0
    while k < len(matches):
        m = matches[k]
        how = m.hits[0].how
        nxt = matches[k + 1] if k + 1 < len(matches) else None
        joined = nxt is not None and nxt.start == m.end and text[tokens[m.end - 1].end : tokens[nxt.start].start] == " "
        if how == "body" and joined and nxt is not None and nxt.hits[0].entry.type == "country":
            out.append(_entity(text, tokens, m.start, nxt.end, "ORG", m.hits + nxt.hits[:1]))
            k += 2
            continue
        possessive = tokens[m.end - 1].text.endswith(("'s", "’s")) and m.hits[0].entry.type == "country"
        if (how == "adj" or possessive) and joined and nxt is not None and nxt.hits[0].how == "body":
            out.append(_entity(text, tokens, m.start, nxt.end, "ORG", nxt.hits + m.hits))
            k += 2
            continue
        label = "ORG" if how in ("body", "seat") else _LABEL[m.hits[0].entry.type]
        out.append(_entity(text, tokens, m.start, m.end, label, m.hits, how not in ("adj", "body")))
        k += 1
    return out


def _combine(known: list[Entity], found: list[Entity], strict: bool = False) -> list[Entity]:
    """Recognized spans keep their extent and take the base's readings of what they cover; base names
    the recognizer missed are added. A longer base name replaces the spans inside it («Голос Америки» over
    «Америки»), unless, `strict`, it would join names of two types («Конгресса США») or add a lowercase
    word before them («папа Франциск»), and a country or organization of the base keeps its type where the
    spans coincide («ЕС», which natasha calls a place)."""
    out: list[Entity] = []
    used: set[int] = set()
    for f in found:
        if any(_covers(k, f, found, strict) for k in known):
            continue
        inside = [(n, k) for n, k in enumerate(known) if k.start < f.end and k.end > f.start]
        if any(k.name and k.hits[0].entry.type == "person" for _, k in inside) and f.label != "PER":
            continue  # the base knows this is a person; its own reading is kept below
        used.update(n for n, k in inside if k.name)
        hits = tuple(h for _, k in inside if k.name for h in k.hits)
        same = [k for _, k in inside if k.name and (k.start, k.end) == (f.start, f.end)]
        keep = strict and same and same[0].hits[0].entry.type in _KEEP
        label = _LABEL[same[0].hits[0].entry.type] if keep else f.label
        out.append(Entity(f.start, f.end, label, f.text, hits, True, True))
    out.extend(k for n, k in enumerate(known) if n not in used)
    return sorted(out, key=lambda e: (e.start, -e.end))


def _covers(k: Entity, f: Entity, found: list[Entity], strict: bool) -> bool:
    if not (k.name and k.start <= f.start and f.end <= k.end and k.end - k.start > f.end - f.start):
        return False
    if not strict:
        return True
    labels = {g.label for g in found if k.start <= g.start and g.end <= k.end}
    return len(labels) == 1 and (k.start == f.start or not k.text[:1].islower())
