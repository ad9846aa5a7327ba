"""Mentions -> actors: base entries, unknown people by transliteration, light coreference.

One actor per real-world entity per document, with an id that is the same in every document and
language: base entries keep their base id (`person:vladimir-putin`, `RUS`, `org:NATO`); unknown
people get `person:` + the slug of their romanized name (Чэн Гопин / Чен Гопін -> cheng-guoping).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field, replace

from entente.actors import declension
from entente.actors.anaphora import INTRODUCED, Person, bare_titles
from entente.actors.context import Context
from entente.actors.decide import Decider, Named
from entente.actors.kb import CYRILLIC_NAMED, Entry, Hit, KnowledgeBase
from entente.actors.names import COMMON_EN
from entente.actors.nationality import described
from entente.actors.translit import is_chinese_name, patronymic_endings, romanize, western
from entente.actors.translit import slug as _slug
from entente.actors.window import Window
from entente.extract.ner import Entity
from entente.extract.rules import Cues
from entente.models import Actor, Mention
from entente.nlp.keys import name_key
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

# People of these countries are romanized from the Russian spelling of their names, in any language.
RUSSIAN_NAMED = frozenset({"RUS", "BLR"})


@dataclass
class _Draft:
    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    keys: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    romanized: bool = False
    size: int = 0  # the most words a mention of this unknown person has

    def actor(self) -> Actor:
        first = {(m.start, m.end): m for m in reversed(self.mentions)}  # one per span, the first reason given
        return Actor(
            self.id,
            self.name,
            self.type,
            self.country,
            self.sector,
            tuple(sorted(first.values(), key=lambda m: m.start)),
            self.romanized,
        )


@dataclass(frozen=True)
class Linked:
    actors: tuple[Actor, ...]
    by_start: dict[int, str]  # mention start offset -> actor id


ANAPHORA_CHARS = 1000  # how far back a bare body («уряд», "the government") finds the country-named one


class Linker:
    def __init__(self, kb: KnowledgeBase, morph: Morph, context: Context) -> None:
        self.kb, self.morph, self.context = kb, morph, context
        self.decider = Decider(kb, morph, context.roles)
        self._text, self._named = "", Named()
        self._starts: list[int] = []

    def link(self, text: str, lang: str, date: str | None, tokens: list[Token], entities: list[Entity]) -> Linked:
        drafts: dict[str, _Draft] = {}
        starts = [t.start for t in tokens]
        window = Window.of(text, lang, date)
        spans = [(e, bisect.bisect_left(starts, e.start), bisect.bisect_left(starts, e.end)) for e in entities]
        named = self.decider.named(text, tokens, spans, lang)
        # for this call only: the article's own full names, and where its tokens start
        self._text, self._named, self._starts = text, named, starts
        for e, i, j in spans:
            if e.hits and e.hits[0].how == "adj":
                for hit in e.hits:  # «китайско-российские» mentions both countries
                    self._from_entry(hit.entry, drafts).mentions.append(Mention(e.start, e.end, e.text))
                continue
            why = ""
            if e.hits and _choose(e, window).entry.type == "person":
                draft, why = self._base_person(e, text, tokens, i, j, lang, window, named, entities, drafts)
            elif e.hits and self._person_named(e, tokens, i, j, lang):
                # «Йоганнес Ган ... наголосив Ган»: a person, not Ghana
                draft = self._unknown(replace(e, label="PER"), tokens, i, j, lang, entities, drafts)
            elif e.hits and _firm_named(e):
                # «ТОВ «Електронний світ України»», «ПАО «Банк Китая»»: a firm named after a place is neither
                draft = self._unknown(replace(e, label="ORG"), tokens, i, j, lang, entities, drafts)
            elif e.hits:
                draft = self._known(e, tokens, i, lang, window, drafts)
            else:
                draft = self._unknown(e, tokens, i, j, lang, entities, drafts)
            if draft is not None:
                draft.mentions.append(Mention(e.start, e.end, e.text, why))
                if draft.type == "person":  # «Чжан Юся» now, «Чжана» later
                    draft.keys.update(name_key(t.text) for t in tokens[i:j] if t.is_word)
        for span, entry, why in self.context.titles(text, lang, window, tokens, entities, self._people(drafts)):
            draft = self._from_entry(entry, drafts)
            draft.mentions.append(Mention(span[0], span[1], text[span[0] : span[1]], why))
        people = [
            Person(d.id, bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end))
            for d in drafts.values()
            if d.type == "person"
            for m in d.mentions
        ]
        by_id = {d.id: d for d in drafts.values()}
        # only a publication date bounds the article's time from above (the text's own years give its earliest)
        dated = window if date else None
        for i, j, pid in bare_titles(text, tokens, lang, people, entities, self.context, self.morph, dated):
            start, end = tokens[i].start, tokens[j - 1].end
            by_id[pid].mentions.append(Mention(start, end, text[start:end], INTRODUCED))
        unknown = {d.id for d in drafts.values() if d.type == "person" and d.country is None}
        for pid, country in described(tokens, lang, people, entities, self.morph, self.context.roles, unknown).items():
            by_id[pid].country = country  # «... Виктор Бут ... российскому бизнесмену»: he is Russian
        by_start = {m.start: d.id for d in drafts.values() for m in d.mentions}
        actors = sorted((d.actor() for d in drafts.values() if d.mentions), key=lambda a: a.mentions[0].start)
        return Linked(tuple(actors), by_start)

    @staticmethod
    def _people(drafts: dict[str, _Draft]) -> list[str]:
        return [d.id for d in drafts.values() if d.type == "person"]

    def _base_person(
        self,
        e: Entity,
        text: str,
        tokens: list[Token],
        i: int,
        j: int,
        lang: str,
        window: Window | None,
        named: Named,
        entities: list[Entity],
        drafts: dict[str, _Draft],
    ) -> tuple[_Draft | None, str]:
        """A mention the base reads as a person: linked when the decision agrees, else an unknown person
        (a full name whose given name differs) or nothing (a lone word that is no name here)."""
        words = [t for t in tokens[i:j] if t.is_word]
        if len(words) >= 2:
            d = self.decider.full(e, tokens[i:j], lang)
            if d.entry is not None:
                return self._from_entry(d.entry, drafts), d.why
            if e.label == "PER" or e.found:
                return self._unknown(e, tokens, i, j, lang, entities, drafts), ""
            return None, ""
        d = self.decider.surname(e, text, tokens, i, lang, window, named)
        if d.entry is not None:
            return self._from_entry(d.entry, drafts), d.why
        if d.owner is not None:
            starts = self._starts
            oi, oj = bisect.bisect_left(starts, d.owner.start), bisect.bisect_left(starts, d.owner.end)
            return self._unknown(d.owner, tokens, oi, oj, lang, entities, drafts), d.why
        return None, ""

    def _person_named(self, e: Entity, tokens: list[Token], i: int, j: int, lang: str) -> bool:
        """Whether a name whose base hits are all places is a person's: the tagger's person opening with a given name
        («Йоганнес Ган», not Ghana), or one word that is the surname of a person the article names in full («Ган»)."""
        words = [t for t in tokens[i:j] if t.is_word]
        if len(words) == 1 and all(h.entry.type in ("country", "location") for h in e.hits):
            # the surname of a person named in full whose name is also a place's («Йоганнес Ган»); not of a person
            # the tagger made of a slogan («Слава Україні»: «слава» is a common word too, and the lone «Україна» the
            # country)
            owner = self._named.owner(words[0].text, e.start)
            if not isinstance(owner, Entity):
                return False
            first = owner.text.split()[0].lower()
            return bool(owner.hits) or not any(
                "NOUN" in r.tags and "Name" not in r.tags for r in self.morph.readings(first, lang)
            )
        return self.decider.given_place(e, tokens, i, j, lang)

    def _known(
        self, e: Entity, tokens: list[Token], i: int, lang: str, window: Window | None, drafts: dict[str, _Draft]
    ) -> _Draft | None:
        hit = _choose(e, window)
        entry = hit.entry
        if hit.how == "body":
            country = next((h.entry for h in e.hits if h.entry.type == "country"), None)
            body = entry.id.removeprefix("body:")
            if country is None:
                # «з урядом» after «українського уряду»: a bare body is the one of a country the article named
                # shortly before, when it named only one
                before = tokens[i - 1].text.lower() if i > 0 else ""
                earlier = [
                    d
                    for d in drafts.values()
                    if d.id.endswith(f"-{body}")
                    and d.country
                    and d.mentions
                    and e.start - d.mentions[-1].end <= ANAPHORA_CHARS
                ]
                if len(earlier) == 1 and (lang != "en" or before == "the"):  # "a foreign government" is anyone's
                    return earlier[0]
                return self._draft(drafts, f"org:{body}", entry.name, "organization", None, entry.sector)
            self._from_entry(country, drafts).mentions.append(Mention(e.start, e.end, e.text))
            return self._draft(
                drafts,
                f"org:{country.id}-{body}",
                f"{entry.name} of {country.name}",
                "organization",
                country.id,
                entry.sector,
            )
        if hit.how == "seat" or (hit.how == "capital" and self.context.acts(tokens, i, lang)):
            code = entry.country or ""
            country = self.kb.entries.get(code)
            return self._draft(
                drafts,
                f"org:{code}-GOV",
                f"Government of {country.name if country else code}",
                "organization",
                code,
                "GOV",
            )
        return self._from_entry(entry, drafts)

    def _from_entry(self, entry: Entry, drafts: dict[str, _Draft]) -> _Draft:
        draft = self._draft(drafts, entry.id, entry.name, entry.type, entry.country, entry.sector)
        if entry.type == "person":
            draft.keys.update(name_key(w) for w in entry.name.split())
        return draft

    def _unknown(
        self,
        e: Entity,
        tokens: list[Token],
        i: int,
        j: int,
        lang: str,
        entities: list[Entity],
        drafts: dict[str, _Draft],
    ) -> _Draft | None:
        words = [t.text.removesuffix("'s").removesuffix("’s") for t in tokens[i:j] if t.is_word]
        if not words:
            return None
        if e.label == "PER":
            return self._unknown_person(e, tokens, i, j, lang, entities, drafts)
        if e.label != "LOC" and len(words) == 1 and (owner := _abbreviated(words[0], drafts)) is not None:
            return owner  # «ПЗЗ» after «Південно-Західна залізниця»
        if e.label != "LOC" and (known := self._base_org(words, lang, drafts)) is not None:
            return known
        if e.label != "LOC" and len(words) == 1 and not _quoted(self._text, e) and self._no_name(words[0], lang):
            return None  # «Комісія», «Державним», "University", "C.": no organization by itself
        key = name = " ".join(words)
        if lang in ("ru", "uk"):
            lemmas = [self._lemma(w, lang) for w in words]
            words = lemmas if e.label == "LOC" else words
            name = romanize(" ".join(words), lang)
            # an organization keeps the words it was first named with, but all its case forms are one actor
            # («Південно-Західна залізниця», «Південно-Західної залізниці»)
            if len(lemmas) > 1 and _ABBREVIATION.match(words[0]) and e.text[len(words[0]) :].lstrip()[:1] in "«\"„“":
                lemmas = lemmas[1:]  # «ДТГО «Південно-Західна залізниця»»: the legal form is no part of the name
            key = romanize(" ".join(lemmas), lang)
        kind = "location" if e.label == "LOC" else "organization"
        return self._draft(drafts, f"{'place' if kind == 'location' else 'org'}:{slug(key)}", name, kind, None, None)

    def _base_org(self, words: list[str], lang: str, drafts: dict[str, _Draft]) -> _Draft | None:
        """The one base organization these words, or their lemmas, name where the text's form escaped the lookup
        by keys: «Газпрома», «Генеральной Ассамблеи», «Північного потоку-2», «Лента.ру», «МИДа»."""
        forms = [words]
        if lang in ("ru", "uk"):
            forms.append([self._lemma_part(w, lang) for w in words])
        for form in forms:
            hits = [
                h
                for h in self.kb.lookup(tuple(name_key(w) for w in form), lang, all(w.isascii() for w in words))
                if h.entry.type == "organization" and (not h.acronym or all(_acronym(w) for w in words))
            ]
            if len({h.entry.id for h in hits}) != 1:
                continue
            entry = hits[0].entry
            if hits[0].how == "body":  # a body with no country beside it, as `_known` reports one
                body = entry.id.removeprefix("body:")
                return self._draft(drafts, f"org:{body}", entry.name, "organization", None, entry.sector)
            return self._from_entry(entry, drafts)
        return None

    def _no_name(self, word: str, lang: str) -> bool:
        """A lone word, not in quotation marks, that names no organization: a letter ("C.", "N."), a word English
        writes in lower case or an organization's head noun ("University", "Post"), a Russian or Ukrainian common
        noun or adjective of the dictionary («Комісія», «Интернете», «Державним»; but «Київстар» is one, so a word
        in quotation marks, «Яблоко», is always a name)."""
        if len(word.rstrip(".")) <= 1:
            return True
        if lang == "en":  # an acronym of three letters may spell a word: "UPS", "BET"
            return not (word.isupper() and len(word) <= 3) and word.lower() in _COMMON_EN
        if lang not in ("ru", "uk") or word.isascii():
            return False
        if self.morph.common_word(word, lang):
            return True
        readings = self.morph.readings(word, lang)
        return (
            bool(readings)
            and readings[0].known
            and bool(readings[0].tags & {"ADJF", "ADJS"})
            and not any(r.tags & {"Name", "Surn", "Geox", "Orgn"} for r in readings)
        )

    def _lemma_part(self, word: str, lang: str) -> str:
        """A word's lemma; a word with a number joined by a hyphen keeps its number («потоку-2» -> «Потік-2»)."""
        head, dash, number = word.rpartition("-")
        if dash and head and number.isdigit():
            return f"{self._lemma(head, lang)}-{number}"
        return self._lemma(word, lang)

    def _unknown_person(
        self,
        e: Entity,
        tokens: list[Token],
        i: int,
        j: int,
        lang: str,
        entities: list[Entity],
        drafts: dict[str, _Draft],
    ) -> _Draft | None:
        text, named, starts = self._text, self._named, self._starts
        if (namesake := named.covering(e)) is not None:  # «Jimmy» of "Jimmy Carter": that person
            e = namesake
            i, j = bisect.bisect_left(starts, e.start), bisect.bisect_left(starts, e.end)
        if j - i == 1:
            owner = named.owner(tokens[i].text, e.start)
            if isinstance(owner, Entry):
                return self._from_entry(owner, drafts)
            if owner is not None and owner.end - owner.start > e.end - e.start:
                i, j = bisect.bisect_left(starts, owner.start), bisect.bisect_left(starts, owner.end)
        people = self.decider.people
        i, j = people.extent(text, tokens, i, j, lang)
        words = [t.text.removesuffix("'s").removesuffix("’s") for t in tokens[i:j] if t.is_word]
        keys = [name_key(w) for w in words]
        if len(words) == 1 and (
            earlier := [d for d in drafts.values() if d.type == "person" and _fleeting(keys[-1]) in _stems(d.keys)]
        ):
            return earlier[-1]  # surname alone: the person named in full before («Смилянца» of «Смилянец»)
        fuller = [d for d in drafts.values() if d.type == "person" and d.size == len(words) + 1 and set(keys) < d.keys]
        if len(words) > 1 and fuller:
            return fuller[-1]  # «Рибер Нурдбю» after «Юханнеса Рибера Нурдбю», one given name less
        if lang in ("ru", "uk") and (variant := self.kb.spelling_variant(keys, lang)) is not None:
            draft = self._from_entry(variant, drafts)
            draft.keys.update(keys)  # «Сквярнялис» alone later is this person too
            return draft
        if not people.keep(tokens, i, j, lang):
            if lang in ("ru", "uk") and people.brand(tokens, i, j):  # «Ryanair»: an organization, if anything
                return self._unknown(replace(e, label="ORG"), tokens, i, j, lang, entities, drafts)
            return None
        return self._person(words, tokens, i, j, lang, entities, drafts)

    def _person(
        self,
        words: list[str],
        tokens: list[Token],
        i: int,
        j: int,
        lang: str,
        entities: list[Entity],
        drafts: dict[str, _Draft],
    ) -> _Draft:
        words = [w for w in words if not (len(w) <= 2 and w.endswith("."))] or words
        keys = [name_key(w) for w in words]
        earlier = [d for d in drafts.values() if d.type == "person" and keys[-1] in d.keys]
        if len(words) == 1 and earlier:
            return earlier[-1]  # surname alone: the person named in full before
        chinese = lang in ("ru", "uk") and is_chinese_name(" ".join(words))
        nominative = (
            declension.nominative(words, lang, self.morph) or self.morph.nominative(words, lang)
            if lang in ("ru", "uk") and not chinese
            else words
        )
        country, sector = self.context.apposition(tokens, i, j, entities)
        romanized = False
        if lang == "uk" and country in RUSSIAN_NAMED:
            name = romanize(" ".join(self.context.russian_spelling(nominative)), "ru")
        elif (
            lang in ("ru", "uk")
            and not chinese
            and country not in CYRILLIC_NAMED
            and not any(self.context.native_given(w) for w in nominative)
        ):
            # a name the base spells for someone of a Latin-script country (Дэвид -> David) keeps that spelling
            spelt = zip(words, nominative, strict=True)
            latin = [self.kb.latin.get(w, lang) or self.kb.latin.get(n, lang) for w, n in spelt]
            # the other words of a Western person's name (a word the base spells for one; Asian names have their own
            # systems) read back towards their own spelling: «Кенни Джейкобс» is Kenny Jacobs, not Kenny Dzheykobs
            read = western if any(self.kb.latin.is_western(w, lang) for w in nominative) else romanize
            name = " ".join(x or read(w, lang) for x, w in zip(latin, nominative, strict=True))
            romanized = any(latin) and not all(latin) or (country is not None and not all(latin))
        elif lang in ("ru", "uk"):
            # «Виталий Григорьевич Костомаров» is Vitaly Kostomarov, as the base and English news name people
            kept = [w for k, w in enumerate(nominative) if not (0 < k < len(nominative) - 1 and _patronymic(w))]
            name = romanize(" ".join(kept), lang)
        else:
            name = " ".join(nominative)
        own = _latin_after(self._text, tokens[j - 1].end) if lang in ("ru", "uk") else None
        if own is not None and len(own.split()) >= min(2, len(words)):
            name, romanized = own, False  # «Юханнеса Рибера Нурдбю (Johannes Riber Nordby)»: the text spells it
        draft = self._draft(drafts, f"person:{slug(name)}", name, "person", country, sector)
        draft.keys.update(keys)
        draft.romanized = draft.romanized or romanized
        draft.size = max(draft.size, len(words))
        return draft

    def _lemma(self, word: str, lang: str) -> str:
        readings = self.morph.readings(word, lang)
        if not readings or word.isupper():
            return word
        lemma = readings[0].lemma
        return "-".join(p[:1].upper() + p[1:] for p in lemma.split("-"))

    @staticmethod
    def _draft(
        drafts: dict[str, _Draft], id: str, name: str, type: str, country: str | None, sector: str | None
    ) -> _Draft:
        draft = drafts.get(id)
        if draft is None:
            draft = drafts[id] = _Draft(id, name, type, country, sector)
        else:
            draft.country = draft.country or country
            draft.sector = draft.sector or sector
        return draft


_ABBREVIATION = re.compile(r"^[A-ZА-ЯІЇЄҐЁ]{2,6}$")
# words English writes in lower case, and the heads of names ("University", "Committee", "Post"): no name alone
_COMMON_EN = COMMON_EN | Cues.load("en").org_heads


def _acronym(word: str) -> bool:
    """An acronym, perhaps with a case ending: «МИД», «МИДа», «МИДе»."""
    return bool(_ABBREVIATION.match(word.rstrip(".").rstrip("аеуыоюиіяйм") or "-"))


def _quoted(text: str, e: Entity) -> bool:
    """Whether the mention stands in quotation marks: «Яблоко», "Мемориал"."""
    return text[e.start - 1 : e.start] in _OPENING and text[e.end : e.end + 1] in _CLOSING


_OPENING, _CLOSING = tuple("«\"„“'"), tuple("»\"“”'")
_NAME_WORD = re.compile(r"[^\W\d_]+")


def _abbreviated(word: str, drafts: dict[str, _Draft]) -> _Draft | None:
    """The one organization named before whose words' initials spell `word` («ПЗЗ»: «Південно-Західна
    залізниця»; words of one or two letters, such as «і», «of», are skipped)."""
    if not _ABBREVIATION.match(word):
        return None
    found = {
        d.id: d
        for d in drafts.values()
        if d.type == "organization"
        and any(
            "".join(w[0] for w in _NAME_WORD.findall(m.text) if len(w) > 2).upper().endswith(word) for m in d.mentions
        )
    }
    return next(iter(found.values())) if len(found) == 1 else None


_FLEETING = re.compile(r"[еоєё]([цкнл])ь?$")


def _fleeting(key: str) -> str:
    """A surname's key without the vowel its oblique forms drop: «Смилянец» / «Смилянца», «Кравець» / «Кравця»."""
    return _FLEETING.sub(r"\1", key)


def _stems(keys: set[str]) -> set[str]:
    return {_fleeting(k) for k in keys}


def slug(name: str) -> str:
    """An id part for any name; names in scripts the romanizer does not know get a stable hash."""
    try:
        return _slug(name)
    except ValueError:
        return "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


_LATIN_AFTER = re.compile(r"\s*\(\s*([A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,4})\s*\)")


def _patronymic(word: str) -> bool:
    return word.lower().endswith(patronymic_endings())


def _latin_after(text: str, end: int) -> str | None:
    """A name in Latin letters in brackets right after a Cyrillic one: the person's own spelling."""
    m = _LATIN_AFTER.match(text, end)
    if m is None or not m.group(1).isascii() and not all(c.isalpha() or c in " '’.-" for c in m.group(1)):
        return None
    words = m.group(1).split()
    return m.group(1) if all(w[:1].isupper() or w in ("de", "van", "von", "der", "bin", "al") for w in words) else None


def _firm_named(e: Entity) -> bool:
    """Whether the mention is a firm's legal form and its quoted name, and the base knows only places in it:
    «ТОВ «Електронний світ України»» is a company, not Ukraine."""
    first, _, rest = e.text.partition(" ")
    return (
        bool(_ABBREVIATION.match(first))
        and rest[:1] in ("«", '"', "„", "“")
        and all(h.entry.type in ("country", "location") for h in e.hits)
    )


def _choose(e: Entity, window: Window | None) -> Hit:
    """The reading that fits the recognizer's label and, for people, an office held in the article's time."""
    want = {"PER": "person", "LOC": ("country", "location"), "ORG": "organization"}.get(e.label, ())
    fitting = [h for h in e.hits if h.entry.type in want or h.how in ("body", "seat", "capital", "adj")] or list(e.hits)
    held = [h for h in fitting if any(window.holds(r) if window else not r.end for r in h.entry.roles)]
    return (held or fitting)[0]
