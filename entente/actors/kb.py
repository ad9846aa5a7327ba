"""The actor knowledge base: countries, places, organizations, government bodies and people.

Loaded once from the TOML files in `actors/data/` (format in its README.md) plus an optional user
file. Every name form is indexed by its tuple of match keys (`entente.nlp.keys.name_key`), so all
case forms of «Сергей Лавров» / «Сергієм Лавровим» find the same entry.
"""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from entente.disk_cache import cached, code_digest, files_digest
from entente.errors import InputError
from entente.models import Pickled
from entente.nlp.keys import name_key
from entente.nlp.tokens import tokenize

LANGS = ("en", "ru", "uk")
VARIANT_SIMILARITY = 0.85  # how alike two spellings of one surname are (difflib ratio of their keys)
_SISTER = {"ru": "uk", "uk": "ru"}
# Countries whose people's names are written in Cyrillic (or romanized from it): their names are
# romanized, never borrowed from the base's spelling of someone else.
CYRILLIC_NAMED = frozenset(
    {
        "RUS",
        "UKR",
        "BLR",
        "KAZ",
        "KGZ",
        "TJK",
        "UZB",
        "TKM",
        "AZE",
        "ARM",
        "GEO",
        "MDA",
        "SRB",
        "BGR",
        "MKD",
        "MNE",
        "BIH",
        "MNG",
        "CHN",
        "TWN",
    }
)
_BASE_FILES = ("countries", "bodies", "places", "orgs", "people")
_REMEMBERED = 200_000  # words whose adjective reading is kept; past that the memory starts again


@dataclass(frozen=True)
class Role(Pickled):
    key: str
    title: str = ""
    sector: str | None = None
    start: str = ""
    end: str = ""
    country: str | None = None
    org: str | None = None

    def holds(self, date: str | None) -> bool:
        """Whether the role was held at `date` (YYYY[-MM[-DD]]); undated questions accept any role."""
        if not date:
            return not self.end
        # compared at the coarser precision of the two: to = "2025" still holds on "2025-06-01"
        return (not self.start or _cut(self.start, date) <= _cut(date, self.start)) and (
            not self.end or _cut(date, self.end) <= _cut(self.end, date)
        )


@dataclass(frozen=True)
class Entry(Pickled):
    id: str
    name: str
    type: str  # person | country | organization | location
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class Hit(Pickled):
    """An entry reached through one of its name forms; `how` says which kind of form."""

    entry: Entry
    how: str  # name | short | capital | seat | adj | body
    acronym: bool = False
    form: str = ""  # the name form as written in the base
    lang: str = ""  # the language the form is written for ("" for any)


class LatinWords:
    """Word-by-word spellings learned from the base: «Дэвид Кэмерон» = David Cameron gives «Дэвид» -> David
    and «Кэмерон» -> Cameron, so an unknown «Дэвид Дэвис» is David Devis, not Devid Devis. Where entries
    disagree («Джеймс» is James Baker's and Jim Mattis's), the spelling most entries use wins."""

    def __init__(self) -> None:
        self.votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.given_names: set[tuple[str, str]] = set()
        self.western: set[tuple[str, str]] = set()  # words of Western people's names (people_west, given_foreign)

    def learn(self, d: dict[str, Any], western: bool = False) -> None:
        short = d.get("short") or {}
        for lang in ("ru", "uk"):
            self._pair(d[lang][0] if d.get(lang) else "", d["name"], lang, western)
            self._pair((short.get(lang) or [""])[0], (short.get("en") or [""])[0], lang, western)

    def _pair(self, form: str, latin: str, lang: str, western: bool) -> None:
        cyr, words = form.split(), latin.split()
        if len(cyr) != len(words):
            return
        for c, w in zip(cyr, words, strict=True):
            if c.isalpha() and w.isalpha() and w[:1].isupper():
                self.votes[lang, c.lower().replace("ё", "е")][w] += 1
                if western:
                    self.western.add((lang, c.lower().replace("ё", "е")))

    def learn_given(self, data: dict[str, dict[str, str]]) -> None:
        """Given names from `given_foreign.toml`: one vote each, so the base's own spellings outvote none."""
        for lang, names in data.items():
            for cyr, latin in names.items():
                self.votes[lang, cyr.lower().replace("ё", "е")][latin] += 1
                self.given_names.add((lang, cyr.lower().replace("ё", "е")))
                self.western.add((lang, cyr.lower().replace("ё", "е")))

    def is_western(self, word: str, lang: str) -> bool:
        """Whether `word` is spelt in the base for a person of Europe or the Americas («Кенни», «Клинтон»):
        the other words of such a name are read back with `translit.western`."""
        return (lang, word.lower().replace("ё", "е")) in self.western

    def given(self, word: str, lang: str) -> bool:
        """Whether `word` is a foreign given name of `given_foreign.toml` («Дженни»)."""
        return (lang, word.lower().replace("ё", "е")) in self.given_names

    def get(self, word: str, lang: str) -> str | None:
        votes = self.votes.get((lang, word.lower().replace("ё", "е")))
        return votes.most_common(1)[0][0] if votes else None


def _cut(a: str, b: str) -> str:
    return a[: min(len(a), len(b))]


def form_keys(form: str, lang: str) -> tuple[str, ...]:
    return tuple(name_key(t.text) for t in tokenize(form, lang) if t.is_word)


class KnowledgeBase:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.index: dict[tuple[str, ...], list[Hit]] = defaultdict(list)
        self.stems: dict[str, list[tuple[str, Entry]]] = defaultdict(list)  # first 3 letters -> (stem, country)
        self.bodies: dict[str, Entry] = {}  # body key -> template entry (no country)
        self.prefixes: set[tuple[str, ...]] = set()  # proper prefixes of indexed keys, to prune the search
        self.max_words = 1
        self.given: dict[str, set[str]] = defaultdict(set)  # person id -> keys of every word of its full names
        self.latin = LatinWords()  # Cyrillic words of Latin-script people's names -> their own spelling
        self.family_first: set[str] = set()  # people named family name first (Сі Цзіньпін, short Сі)
        self.first_names: set[str] = set()  # first words of the base's people's full names, lower case
        self.russian_name: dict[str, str] = {}  # person id -> its first Russian name form, for its sex
        self._adjectives: dict[str, tuple[Entry, ...]] = {}  # word -> adjectives(word), filled as words come
        self._first_keys: frozenset[str] | None = None  # built on first use, dropped when a form is added
        self._by_given: dict[tuple[str, str], list[tuple[str, Entry]]] | None = None  # for spelling_variant

    @classmethod
    def load(cls, extra: str | None = None, cache: Path | None | bool = True) -> KnowledgeBase:
        """The bundled base plus the user's `extra` file. The built index is kept in the cache folder
        (`entente.disk_cache`; `cache`: True for the usual folder, a folder, or False for none) under a key of
        every input it is built from, and read from there by the next process that asks for the same."""
        return cached("kb", lambda: _cache_parts(extra), lambda: cls._build(extra), cls, cache)

    @classmethod
    def _build(cls, extra: str | None) -> KnowledgeBase:
        kb = cls()
        data = resources.files("entente.actors") / "data"
        for name in _base_files():
            kb.add_file(name, tomllib.loads((data / name).read_text("utf-8")))
        given = tomllib.loads((data / "given_foreign.toml").read_text("utf-8"))
        kb.latin.learn_given(given)
        kb.first_names.update(latin.lower() for names in given.values() for latin in names.values())
        if extra:
            path = Path(extra)
            try:
                kb.add_file(str(path), tomllib.loads(path.read_text("utf-8")))
            except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as e:
                raise InputError(str(path), f"cannot read actors file: {e}") from e
        return kb

    def add_file(self, name: str, data: dict[str, Any]) -> None:
        if name.startswith("countries"):
            for code, d in data.items():
                self._add_country(code, d)
        elif name.startswith("bodies"):
            for key, d in data.items():
                entry = Entry(f"body:{key}", d["name"], "organization", None, d.get("sector", "GOV"))
                self.bodies[key] = entry
                self._add_forms(entry, d, "body")
        elif name.startswith("places"):
            for d in data.get("place", []):
                self._add_forms(
                    self._add(Entry(f"place:{_slug(d['name'])}", d["name"], "location", d.get("country"))), d, "name"
                )
        elif "person" in data:
            for d in data["person"]:
                self._add_person(d, western=name.startswith("people_west"))
        else:
            for key, d in data.items():
                entry = Entry(
                    f"org:{key}",
                    d["name"],
                    "organization",
                    d.get("country"),
                    d.get("sector"),
                    wikidata=d.get("wikidata"),
                )
                self._add_forms(self._add(entry), d, "name")

    def _add(self, entry: Entry) -> Entry:
        self.entries[entry.id] = entry
        return entry

    def _add_country(self, code: str, d: dict[str, Any]) -> None:
        country = self._add(Entry(code, d["en"][0], "country", code, None))
        self._add_forms(country, d, "name")
        for lang in LANGS:
            for adj in d.get(f"adj_{lang}", []):
                if lang == "en":
                    self._index(adj, lang, Hit(country, "adj", lang=lang))
                else:
                    stem = adj.lower()
                    self.stems[stem[:3]].append((stem, country))
        capital = d.get("capital") or {}
        if capital:
            city = self._add(Entry(f"place:{_slug(capital['en'][0])}", capital["en"][0], "location", code))
            self._add_forms(city, capital, "capital")
        self._add_forms(country, d.get("seats") or {}, "seat")

    def _add_person(self, d: dict[str, Any], western: bool = False) -> None:
        roles = tuple(
            Role(
                r["key"],
                r.get("title", ""),
                r.get("sector"),
                str(r.get("from", "")),
                str(r.get("to", "")),
                r.get("country"),
                r.get("org"),
            )
            for r in d.get("roles", [])
        )
        entry = self._add(
            Entry(
                f"person:{_slug(d['name'])}",
                d["name"],
                "person",
                d.get("country"),
                d.get("sector"),
                roles,
                d.get("wikidata"),
            )
        )
        self._add_forms(entry, d, "name")
        self._add_forms(entry, d.get("short") or {}, "short")
        short = d.get("short") or {}
        if d.get("ru"):
            self.russian_name[entry.id] = d["ru"][0]
        for lang in LANGS:
            for form in d.get(lang) or []:
                self.given[entry.id].update(form_keys(form, lang))
            for form in d.get(lang) or []:
                if len(form.split()) > 1 and form.split()[0].isalpha():
                    self.first_names.add(form.split()[0].lower())
            first = (d.get(lang) or [""])[0].split()
            if len(first) > 1 and first[0] in (short.get(lang) or []):
                self.family_first.add(entry.id)
        if entry.country not in CYRILLIC_NAMED:
            self.latin.learn(d, western)

    def _add_forms(self, entry: Entry, d: dict[str, Any], how: str) -> None:
        for lang in LANGS:
            # an entry without forms in one Cyrillic language is found by the other's
            forms = d.get(lang) or (d.get(_SISTER.get(lang, "")) or [])
            for form in [forms] if isinstance(forms, str) else forms:
                self._index(form, lang, Hit(entry, how, form.isupper() and len(form) > 1, form, lang))

    def lookup(self, keys: tuple[str, ...], lang: str, latin: bool = False) -> list[Hit]:
        """The hits of `keys` among the forms written for `lang` (and, for a Latin-script word in Cyrillic
        text, for English): a Ukrainian «Бо» is not read against Russian forms, nor "Ban" against «Бан»."""
        hits = self.index.get(keys)
        if not hits or lang not in LANGS:
            return hits or []
        return [h for h in hits if h.lang == lang or (latin and h.lang == "en")]

    @property
    def first_keys(self) -> frozenset[str]:
        """The first key of every indexed name: a word whose keys are none of these begins no name."""
        if self._first_keys is None:
            self._first_keys = frozenset(keys[0] for keys in self.index)
        return self._first_keys

    def spelling_variant(self, keys: list[str], lang: str) -> Entry | None:
        """The one base person whose two-word name has this given name and a surname spelt a little
        differently: the press transcribes foreign surnames several ways («Саулюс Сквярнялис» for the
        base's «Сквернялис»). Same given name, same first letter, surnames of 5+ letters alike >= VARIANT_SIMILARITY
        (0.8 let «Мария Кожевникова» be Maria Kalesnikava's «Колесникова»)."""
        if len(keys) != 2 or len(keys[1]) < 5:
            return None
        if self._by_given is None:
            self._by_given = defaultdict(list)
            for k, hits in self.index.items():
                for h in hits:
                    if len(k) == 2 and h.how == "name" and h.entry.type == "person" and h.lang in LANGS:
                        self._by_given[k[0], h.lang].append((k[1], h.entry))
        found = {
            e.id: e
            for last, e in self._by_given.get((keys[0], lang), ())
            if last[:1] == keys[1][:1] and SequenceMatcher(None, last, keys[1]).ratio() >= VARIANT_SIMILARITY
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _index(self, form: str, lang: str, hit: Hit) -> None:
        keys = form_keys(form, lang)
        if not keys:
            return
        self._first_keys = self._by_given = None
        hits = self.index[keys]
        if not any(h.entry.id == hit.entry.id and h.how == hit.how and h.lang == hit.lang for h in hits):
            hits.append(hit)
        for n in range(1, len(keys)):
            self.prefixes.add(keys[:n])
        self.max_words = max(self.max_words, len(keys))

    def adjectives(self, word: str) -> list[Entry]:
        """The countries whose adjective or demonym stems begin `word` or its hyphen parts
        («китайско-российские» -> China, Russia)."""
        found = self._adjectives.get(word)
        if found is None:  # asked of nearly every word of every text: remembered per word
            if len(self._adjectives) >= _REMEMBERED:
                self._adjectives.clear()
            found = self._adjectives[word] = tuple(self._stems_of(word))
        return list(found)

    def _stems_of(self, word: str) -> list[Entry]:
        out = []
        for part in word.lower().replace("’", "'").replace("ʼ", "'").split("-"):
            best = max(
                (s for s in self.stems.get(part[:3], ()) if part.startswith(s[0])),
                key=lambda s: len(s[0]),
                default=None,
            )
            if best and best[1] not in out:
                out.append(best[1])
        return out


@cache
def regions() -> frozenset[str]:
    """The ids of the base's world areas that lie in no one country (Europe, the Middle East, the Balkans): places
    that stand for the states in them as a party («угроза Европе»); other places of no country are only places."""
    data = resources.files("entente.actors") / "data" / "places.toml"
    places = tomllib.loads(data.read_text("utf-8")).get("place", [])
    return frozenset(f"place:{_slug(d['name'])}" for d in places if d.get("kind") == "area" and not d.get("country"))


def _base_files() -> list[str]:
    data = resources.files("entente.actors") / "data"
    return sorted(p.name for p in data.iterdir() if p.name.endswith(".toml") and p.name.startswith(_BASE_FILES))


# the code that turns the data files into the index: a change to any of it is a new index
_BUILDERS = ("entente.actors.kb", "entente.actors.translit", "entente.nlp.keys", "entente.nlp.tokens", "tokenize_uk")


def _cache_parts(extra: str | None) -> list[bytes | str]:
    """What the index is built from: the bundled data files, the user's file (its path as given, which names
    its kind, and its bytes), the code that builds the index and entente's version. A user's file that cannot
    be read raises OSError: the base is then built without the cache, which reports the file as it always has."""
    from entente import __version__

    data = resources.files("entente.actors") / "data"
    return [
        __version__,
        files_digest(data / name for name in [*_base_files(), "given_foreign.toml"]),
        code_digest(_BUILDERS),
        extra or "",
        Path(extra).read_bytes() if extra else b"",
    ]


def _slug(name: str) -> str:
    from entente.actors.translit import slug

    return slug(name)
