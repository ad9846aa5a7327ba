"""Whether a base person is the one a mention names: candidates, then a decision that needs agreement.

A name the base knows in full («Сергей Лавров») links. A longer name around a base surname links only
if its other words agree with the entry: a given name, patronymic or initial of «Бориса Громова» must be
one of Alexei Gromov's, and is not. A surname alone links to the person the article itself names in
full («Хиллари Клинтон … Клинтон»), else, in a name position and when the word is no first name or
common word of its language, to the one base person with that surname who was active in the article's
time window. Each link says why it was made (`Decision.why`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from entente.actors.kb import Entry, KnowledgeBase, form_keys
from entente.actors.names import (
    COMMON_EN,
    HONORIFIC,
    PARTICLES,
    PATRONYMIC,
    People,
    caps_line,
    initial,
    initials,
    lower_words,
)
from entente.actors.window import Window
from entente.extract.ner import Entity
from entente.extract.roles import Roles
from entente.extract.rules import sentence_initial
from entente.nlp.keys import key_candidates, name_key
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

FULL = "full name"
GIVEN = "surname with its given name"
AFTER_FULL = "surname of a person the article names in full"
UNIQUE = "surname, the only one in the base"
ACTIVE = "surname, the only one active in the article's time"


@dataclass(frozen=True)
class Decision:
    entry: Entry | None  # the base person, or None
    why: str = ""
    owner: Entity | None = None  # an unknown person named in full whose surname this is


@dataclass
class Named:
    """Who the article names in full: base ids, and every surname key -> its bearer (base entry or entity)."""

    full: set[str] = field(default_factory=set)
    owners: dict[str, list[tuple[int, Entry | Entity]]] = field(default_factory=dict)  # key -> (start, bearer)
    other: set[int] = field(default_factory=set)  # token indices of base names that are not people
    namesakes: list[Entity] = field(default_factory=list)  # «Асия Биби»: a given name + a base surname

    def covering(self, e: Entity) -> Entity | None:
        """The namesake whose name holds the span of `e` («Асия» of «Асия Биби»)."""
        return next((n for n in self.namesakes if n.start <= e.start and e.end <= n.end and n != e), None)

    def owner(self, word: str, at: int) -> Entry | Entity | None:
        """The bearer of the surname `word` named in full last before offset `at`, else first after it
        (Bill and Hillary Clinton both named: a lone «Клинтон» is the one named last)."""
        bearers = next((self.owners[k] for k in key_candidates(word) if k in self.owners), [])
        before = [b for start, b in bearers if start < at]
        return before[-1] if before else (bearers[0][1] if bearers else None)


class Decider:
    def __init__(self, kb: KnowledgeBase, morph: Morph, roles: Roles) -> None:
        self.kb, self.morph, self.roles = kb, morph, roles
        self.people = People(kb, morph, roles)
        self._sexes: dict[str, str | None] = {}

    def named(self, text: str, tokens: list[Token], spans: list[tuple[Entity, int, int]], lang: str) -> Named:
        """First pass over the article: the people it names with more than a surname."""
        out = Named()
        for e, i, j in spans:
            place = e.hits and not any(h.entry.type == "person" for h in e.hits)
            if place and not self.given_place(e, tokens, i, j, lang):
                out.other.update(range(i, j))  # a country or body of the base: a name of its own («України Зеленський»)
                continue
            if e.label != "PER" and not e.hits:
                continue
            if e.hits and j - i == 1 and (namesake := self._namesake(text, tokens, i, lang, e, out.other)) is not None:
                out.owners.setdefault(name_key(tokens[i].text), []).append((namesake.start, namesake))
                out.namesakes.append(namesake)
                continue
            if not e.hits and e.label == "PER":
                i, j = self.people.extent(text, tokens, i, j, lang)
                lo, hi = tokens[i].start, tokens[j - 1].end
                e = Entity(lo, hi, "PER", text[lo:hi], (), True, True)
            words = [t for t in tokens[i:j] if t.is_word and not initial(t.text)]
            if len(words) < 2 or not words[-1].text[:1].isupper():
                continue
            d = self.full(e, tokens[i:j], lang)
            bearer: Entry | Entity | None = d.entry if d.entry is not None else e if e.label == "PER" else None
            if d.entry is not None:
                out.full.add(d.entry.id)
            if bearer is not None:
                out.owners.setdefault(name_key(words[-1].text), []).append((e.start, bearer))
        return out

    def given_place(self, e: Entity, tokens: list[Token], i: int, j: int, lang: str) -> bool:
        """Whether the tagger's person, whose base hits are all places, opens with a given name: «Йоганнес Ган» is a
        person, not Ghana."""
        words = [t for t in tokens[i:j] if t.is_word]
        return (
            e.label == "PER"
            and len(words) >= 2
            and all(h.entry.type in ("country", "location") for h in e.hits)
            and self.people.given_name(words[0].text, lang)
        )

    def _namesake(self, text: str, tokens: list[Token], i: int, lang: str, e: Entity, other: set[int]) -> Entity | None:
        """A base surname right after a given name that is none of its bearers' («Асия Биби», "Jimmy Carter",
        "Rick Gates"): someone else named in full, who owns the surname in this article."""
        k = i - 1
        while k >= 1 and (tokens[k].text == "." or initials(tokens[k].text)):
            k -= 1  # over initials: "Edward M. Kennedy"
        if k < 0 or k in other or not self._name_neighbour(text, tokens, k + 1, k, lang):
            return None
        people = [h.entry for h in e.hits if h.entry.type == "person"]
        words = [t.text for t in tokens[k:i] if t.text != "."]
        if not people or not self.people.given_name(tokens[k].text, lang):
            return None  # only a given name makes a namesake («Асия», "Jimmy"), not a brand ("Cockpit Martin")
        if any(all(self.agrees(w, p) for w in words) for p in people):
            return None
        lo, hi = tokens[k].start, tokens[i].end
        return Entity(lo, hi, "PER", text[lo:hi], (), True, True)

    def full(self, e: Entity, words: list[Token], lang: str) -> Decision:
        """The base person a name of several words names, when its other words agree with the entry."""
        for h in e.hits:
            if h.entry.type != "person" or h.how not in ("name", "short"):
                continue
            keys = set(form_keys(h.form, h.lang or lang))
            extra = [t for t in words if t.is_word and not keys & set(key_candidates(t.text))]
            if len(keys) >= 2 and not extra:
                return Decision(h.entry, FULL)
            if extra and all(self.agrees(t.text, h.entry) for t in extra) and not _patronymic_first(words, extra):
                return Decision(h.entry, FULL if len(keys) >= 2 else GIVEN)
        return Decision(None)

    def agrees(self, word: str, entry: Entry) -> bool:
        """Whether a word beside a surname may be the entry's: one of its name words, its initial, a
        patronymic, or a lowercase particle («де», "van", "bin")."""
        given = self.kb.given.get(entry.id, set())
        if initials(word):  # «В.», "H.W."
            return all(any(k[:1] == c.lower() for k in given) for c in word if c.isalpha())
        if not word[:1].isupper() or PATRONYMIC.search(word) or word.lower() in PARTICLES:
            return True
        keys = set(key_candidates(word))
        if given & keys:
            return True
        # a misspelt given name («Доональд» for «Дональд»)
        return len(word) >= 5 and any(SequenceMatcher(None, k, g).ratio() >= 0.85 for k in keys for g in given)

    def surname(
        self, e: Entity, text: str, tokens: list[Token], i: int, lang: str, window: Window | None, named: Named
    ) -> Decision:
        """A single word that a base person bears: the article's own bearer first, then the base's."""
        word = tokens[i].text
        people = list(dict.fromkeys(h.entry for h in e.hits if h.entry.type == "person"))
        owner = named.owner(word, e.start)
        if isinstance(owner, Entry):
            return Decision(owner, AFTER_FULL)
        if owner is not None:
            return Decision(None, AFTER_FULL, owner)
        full = [p for p in people if p.id in named.full]  # named in full by another form («Си» after «Си Цзиньпин»)
        if full:
            return Decision(full[0], AFTER_FULL)
        if not self.name_position(text, tokens, i, lang, people, named.other):
            return Decision(None)
        sex = self._sex_of_mention(tokens, i, lang)
        if sex:  # «на Мироновой горе» is not Sergey Mironov, "Mrs. Obama" not Barack Obama
            people = [p for p in people if self._sex(p) in (None, sex)]
        if window is not None:
            people = [p for p in people if window.active(p.roles)]
        if len(people) != 1:
            return Decision(None)
        return Decision(people[0], UNIQUE if len(set(h.entry.id for h in e.hits)) == 1 else ACTIVE)

    def _sex_of_mention(self, tokens: list[Token], i: int, lang: str) -> str | None:
        k = i - 1
        while k >= 0 and tokens[k].text == ".":
            k -= 1
        if k >= 0 and tokens[k].text.lower().rstrip(".") in HONORIFIC:
            return HONORIFIC[tokens[k].text.lower().rstrip(".")]
        if lang not in ("ru", "uk"):
            return None
        sexes = {
            g
            for r in self.morph.readings(tokens[i].text, lang)
            if "Surn" in r.tags
            for g in ("masc", "femn")
            if g in r.tags
        }
        return sexes.pop() if len(sexes) == 1 else None

    def _sex(self, entry: Entry) -> str | None:
        """A base person's sex, from the dictionary's reading of the first name of its Russian form (a declined one:
        the dictionary's indeclinable foreign names are often of either sex)."""
        if entry.id not in self._sexes:
            name = self.kb.russian_name.get(entry.id, "").split()
            sexes = {
                g
                for r in (self.morph.readings(name[0], "ru") if len(name) > 1 else ())
                # not an indeclinable foreign name: the dictionary reads «Эммануэль» (Macron's) as Emmanuelle
                if "Name" in r.tags and r.known and "Fixd" not in r.tags
                for g in ("masc", "femn")
                if g in r.tags
            }
            self._sexes[entry.id] = sexes.pop() if len(sexes) == 1 else None
        return self._sexes[entry.id]

    def name_position(
        self, text: str, tokens: list[Token], i: int, lang: str, people: list[Entry], other: set[int]
    ) -> bool:
        """A capitalized word that is no first name or (where a sentence opens) common word of `lang`, and
        not one word of a longer name that is someone else's («Асия Биби», "Clean Power Plan")."""
        word = tokens[i].text
        if not word[:1].isupper():
            return False
        if word.isupper() and len(word) > 1 and not caps_line(text, tokens[i].start):
            return False  # "a FICO score": an acronym, unless the whole line is in capitals
        family_first = all(p.id in self.kb.family_first for p in people)
        if lang in ("ru", "uk"):
            # a dictionary's first name is no surname, unless the name puts the family name first (Сі)
            if self.morph.first_name(word, lang) and not family_first:
                return False
            if sentence_initial(text, tokens, i) and self.morph.common_word(word, lang):
                return False
        elif lang == "en" and word.lower() in lower_words(text):
            return False  # the same word written lowercase: a common word ("power", "price")
        elif lang == "en" and word.lower() in self.kb.first_names and not family_first:
            return False  # "Martin" is a first name before it is Paul Martin
        written = self._initials_before(tokens, i)
        if written and not any(all(self.agrees(x, p) for x in written) for p in people):
            return False  # «Н. Ф. Клименко», «И. Д. Воронина»: someone else's initials
        for k in (i - 1, i + 1):
            # a base country or body on the left is a name of its own («України Зеленський»), not on the
            # right ("Kerry Washington")
            if (k < i and k in other) or not self._name_neighbour(text, tokens, i, k, lang):
                continue
            if not any(self.agrees(tokens[k].text, p) for p in people):
                return False
        return True

    @staticmethod
    def _initials_before(tokens: list[Token], i: int) -> list[str]:
        """Initials written right before token `i`, as separate letters and dots («Н . Ф . Клименко»)."""
        out: list[str] = []
        k = i - 1
        while k >= 1 and tokens[k].text == "." and len(tokens[k - 1].text) == 1 and tokens[k - 1].text.isupper():
            out.append(tokens[k - 1].text + ".")
            k -= 2
        while k >= 0 and initials(tokens[k].text) and tokens[k].text.endswith("."):
            out.append(tokens[k].text)
            k -= 1
        return out

    def _name_neighbour(self, text: str, tokens: list[Token], i: int, k: int, lang: str) -> bool:
        """Whether token `k`, right beside token `i`, is a capitalized word that may be part of one name with it."""
        if not 0 <= k < len(tokens) or not tokens[k].is_word:
            return False
        lo, hi = min(i, k), max(i, k)
        if text[tokens[lo].end : tokens[hi].start] not in (" ", "\u00a0"):
            return False
        w = tokens[k].text
        if not w[:1].isupper() or (w.isupper() and not initials(w)) or self.roles.at(tokens, k) is not None:
            return False
        if k < i and sentence_initial(text, tokens, k):  # a capital that may only open the sentence
            if lang in ("ru", "uk"):
                return self.morph.first_name(w, lang)
            return w.lower() not in COMMON_EN
        if lang in ("ru", "uk"):
            return not self.morph.common_word(w, lang)
        return True


def _patronymic_first(words: list[Token], extra: list[Token]) -> bool:
    """Whether a word read as a patronymic comes before any other word agrees with the entry: a patronymic follows a
    given name, so in «Мило Джукановича» the -ович word is a surname, and «Мило» no form of «Милей»."""
    first = next((t for t in words if t.is_word), None)
    second = next((t for t in words if t.is_word and t is not first), None)
    return second is not None and second in extra and first not in extra and bool(PATRONYMIC.search(second.text))
