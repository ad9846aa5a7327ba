"""Named-entity mentions (PER, LOC, ORG) in ru / uk / en text, tied to the knowledge base where it can.

Names of the base are found first (`gazetteer`), whatever their case form. Other names come from
natasha's NER for Russian (its weights ship inside the wheel) and from rules for Ukrainian and
English (`rules`). `Recognizer.entities` is what `entente eval ner` measures; `mentions` adds
what the actor linker also needs: adjectives («китайский») and government bodies («МИД России»).
"""

from __future__ import annotations

from dataclasses import dataclass

from entente.actors.kb import Hit, KnowledgeBase
from entente.extract import gazetteer
from entente.extract.rules import EnglishNames, UkrainianNames
from entente.nlp.keys import name_key
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token, tokenize

LABELS = ("PER", "LOC", "ORG")
_LABEL = {"person": "PER", "country": "LOC", "location": "LOC", "organization": "ORG"}


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str  # PER | LOC | ORG
    text: str
    hits: tuple[Hit, ...] = ()  # knowledge-base readings, best first; empty for unknown names
    name: bool = True  # False for adjectives and bare body nouns, which are not names


class Recognizer:
    """Built once and passed in: natasha's embeddings, the dictionaries and the base load in ~2 s."""

    def __init__(self, kb: KnowledgeBase | None = None, morph: Morph | None = None) -> None:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter

        self.kb = kb or KnowledgeBase.load()
        self.morph = morph or Morph()
        self._segmenter = Segmenter()
        self._ner = NewsNERTagger(NewsEmbedding())
        english = EnglishNames()
        self._rules: dict[str, UkrainianNames | EnglishNames] = {"uk": UkrainianNames(self.morph), "en": english}
        self._alone = {"en": english.cues.not_names}

    def entities(self, text: str, lang: str) -> list[Entity]:
        """Names only, as an NER corpus marks them."""
        return [e for e in self.mentions(text, lang) if e.name]

    def mentions(self, text: str, lang: str) -> list[Entity]:
        return self.read(text, lang)[1]

    def read(self, text: str, lang: str) -> tuple[list[Token], list[Entity]]:
        """The tokens of `text` and every mention in it: names, adjectives, body nouns."""
        tokens = tokenize(text, lang)
        matches = gazetteer.scan(text, tokens, self.kb, self._alone.get(lang, frozenset()))
        known = _merge_bodies(text, tokens, matches)
        if lang == "ru":
            found = self._natasha(text)
        else:
            free = [True] * len(tokens)
            for e in known:
                for k in range(len(tokens)):
                    if tokens[k].start < e.end and tokens[k].end > e.start:
                        free[k] = False
            rules = self._rules.get(lang) or self._rules["en"]
            spans = rules.find(text, tokens, free)
            people = spans + [
                (_index(tokens, e.start), _index(tokens, e.end - 1) + 1, "PER") for e in known if e.label == "PER"
            ]
            spans += _surnames(tokens, free, people)
            found = [_entity(text, tokens, i, j, label) for i, j, label in spans]
        return tokens, _combine(known, found)

    def _natasha(self, text: str) -> list[Entity]:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self._segmenter)
        doc.tag_ner(self._ner)
        return [Entity(s.start, s.stop, s.type, text[s.start : s.stop]) for s in doc.spans]


def _entity(
    text: str, tokens: list[Token], i: int, j: int, label: str, hits: tuple[Hit, ...] = (), name: bool = True
) -> Entity:
    start, end = tokens[i].start, tokens[j - 1].end
    last = tokens[j - 1].text
    if last.endswith(("'s", "’s")):
        end -= 2
    elif j - i > 1 and len(last) == 2 and last.endswith("."):
        end -= 1  # «Ван И.» closing a sentence: the dot is the sentence's
    return Entity(start, end, label, text[start:end], hits, name)


def _index(tokens: list[Token], offset: int) -> int:
    return next(k for k, t in enumerate(tokens) if t.end > offset)


def _surnames(tokens: list[Token], free: list[bool], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A capitalized word that is the last name of a person found elsewhere in the text is that person
    («Денисов отметил», "Denisov said"), even where it opens a sentence."""
    taken = {k for i, j, _ in spans for k in range(i, j)}
    last = {name_key(tokens[k].text) for i, j, label in spans if label == "PER" and j - i > 1 for k in (i, j - 1)}
    return [
        (k, k + 1, "PER")
        for k, t in enumerate(tokens)
        if free[k] and k not in taken and t.is_word and t.text[0].isupper() and name_key(t.text) in last
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


def _combine(known: list[Entity], found: list[Entity]) -> list[Entity]:
    """Recognized spans keep their extent and take the base's readings of what they cover; base names
    the recognizer missed are added."""
    out: list[Entity] = []
    used: set[int] = set()
    for f in found:
        if any(k.name and k.start <= f.start and f.end <= k.end and k.end - k.start > f.end - f.start for k in known):
            continue  # a longer base name covers it («МИД России» over «России»)
        inside = [(n, k) for n, k in enumerate(known) if k.start < f.end and k.end > f.start]
        if any(k.name and k.hits[0].entry.type == "person" for _, k in inside) and f.label != "PER":
            continue  # the base knows this is a person; its own reading is kept below
        used.update(n for n, k in inside if k.name)
        hits = tuple(h for _, k in inside if k.name for h in k.hits)
        out.append(Entity(f.start, f.end, f.label, f.text, hits, True))
    out.extend(k for n, k in enumerate(known) if n not in used)
    return sorted(out, key=lambda e: (e.start, -e.end))
