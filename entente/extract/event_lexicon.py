"""The event coder's data: PLOVER's ontology, trigger phrases and cue words per language (data/EVENTS.md).

Words are compared as lemmas: pymorphy3 normal forms for Russian and Ukrainian, and for English the
first of a few suffix-stripped candidates («talks» -> talk, "imposed" -> impose) that the lexicons know.
"""

from __future__ import annotations

import os
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from entente.disk_cache import cached, code_digest, files_digest
from entente.models import Pickled
from entente.nlp.morph import Morph, dictionary

LANGS = ("ru", "uk", "en")


@dataclass(frozen=True)
class Trigger(Pickled):
    lemmas: tuple[str, ...]
    type: str
    mode: str | None = None
    reciprocal: bool = False
    context: tuple[str, ...] = ()
    host: bool = False  # the subject hosts, the object visits: «принял», "hosted" (event_hosting.py)


@dataclass
class Cues:
    negation: set[tuple[str, ...]] = field(default_factory=set)
    future: set[tuple[str, ...]] = field(default_factory=set)
    hypothetical: set[tuple[str, ...]] = field(default_factory=set)
    reciprocal: set[tuple[str, ...]] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)  # surface forms marking future or both sides («будет», «стороны»)
    future_forms: set[str] = field(default_factory=set)
    intent: set[str] = field(default_factory=set)
    disapproval: set[tuple[str, ...]] = field(default_factory=set)  # a speaker's negative words about a party
    approval: set[tuple[str, ...]] = field(default_factory=set)
    naming: set[str] = field(default_factory=set)
    speech: set[str] = field(default_factory=set)
    obligation: set[str] = field(default_factory=set)
    visitor: set[str] = field(default_factory=set)  # nouns heading a visitor: «делегация», "delegation"
    admission: set[str] = field(default_factory=set)  # «принять в члены»: admitted, not received
    contexts: dict[str, str] = field(default_factory=dict)  # lemma -> context
    # how a clause holds its event (event_clause.py): `[clause]` in the cue files, name -> lemmas
    clause: dict[str, set[str]] = field(default_factory=dict)


def _data(name: str) -> dict[str, Any]:
    path = resources.files("entente.extract") / "data" / name
    return tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}


# what Lexicon builds from the data files and the dictionaries (its disk-cache entry holds them)
_TABLES = ("plover", "types", "triggers", "cues", "prefixes", "_openers", "fronted", "vocabulary", "passives",
           "starts")
_FILES = ("plover.toml", *(f"{kind}_{lang}.toml" for kind in ("events", "cues") for lang in LANGS))


def _parts() -> list[bytes | str]:
    """What the lexicon's tables are built from: its data files, this code and pymorphy3's (the version of
    pymorphy3 and of its Russian and Ukrainian dictionaries)."""
    import pymorphy3

    folder = resources.files("entente.extract") / "data"
    files = [folder / name for name in _FILES if (folder / name).is_file()]
    places = [dictionary(lang) or os.environ.get("PYMORPHY2_DICT_PATH") for lang in ("ru", "uk")]
    dictionaries = [Path(p) / "meta.json" for p in places if p]
    return [files_digest(files), files_digest(dictionaries), ",".join(_FILES), pymorphy3.__version__,
            code_digest(["entente.extract.event_lexicon", "entente.nlp.morph"])]


INFINITIVE = ("ть", "ти", "чь", "ться", "тися", "тись")  # Russian and Ukrainian infinitive endings


class Lexicon:
    def __init__(self, morph: Morph) -> None:
        self.morph = morph
        self.plover: dict[str, Any] = {}
        self.types: dict[str, dict[str, Any]] = {}
        self.triggers: dict[str, dict[str, list[Trigger]]] = {}
        self.cues: dict[str, Cues] = {}
        self.prefixes: dict[str, dict[str, set[str]]] = {}
        self._openers: dict[str, dict[str, set[str]]] = {}  # the words that open triggers and cues, by kind
        self.fronted: dict[str, dict[str, list[Trigger]]] = {}
        self.vocabulary: dict[str, set[str]] = defaultdict(set)
        self.passives: dict[str, set[str]] = {}  # verbs whose reflexive form is read as their passive
        self.starts: dict[str, frozenset[str]] = {}  # Russian and Ukrainian: the starts of `may_open`
        tables = cached("event-lexicon", _parts, self._build, dict)
        for name in _TABLES:
            setattr(self, name, tables[name])
        self.lemma = lru_cache(maxsize=200_000)(self._lemma)
        self.may_open = lru_cache(maxsize=200_000)(self._may_open)

    def _build(self) -> dict[str, Any]:
        """The tables read from the data files, as `__init__` keeps them in the disk cache: reading the files
        and looking up a few hundred words in the dictionaries takes ≈0.3 s at every start-up."""
        self.plover = _data("plover.toml")
        self.types = self.plover.get("types", {})
        for lang in LANGS:
            self._openers[lang] = {}
            self._load(lang)
            clause = self.cues[lang].clause
            words = {w for ts in self.triggers[lang].values() for t in ts for w in t.lemmas}
            self.passives[lang] = words | clause.get("support", set())
        self._prefixes()
        self._starts()
        return {name: getattr(self, name) for name in _TABLES}

    def _fronted(self, index: dict[str, list[Trigger]], lang: str) -> dict[str, list[Trigger]]:
        """Verb + object phrases whose object may come first («Ответственность за теракт возложили на ...»,
        «соглашение было подписано»), by the object's lemma: two-word phrases of an infinitive and a noun
        that is not a trigger of its own. Russian and Ukrainian only (free word order)."""
        out: dict[str, list[Trigger]] = defaultdict(list)
        if lang not in ("ru", "uk"):
            return out
        for triggers in index.values():
            for t in triggers:
                if len(t.lemmas) != 2 or t.lemmas[1] in index or not t.lemmas[0].endswith(INFINITIVE):
                    continue
                readings = self.morph.readings(t.lemmas[1], lang)
                if readings and "NOUN" in readings[0].tags:
                    out[t.lemmas[1]].append(t)
        return out

    def _load(self, lang: str) -> None:
        index: dict[str, list[Trigger]] = defaultdict(list)
        for d in _data(f"events_{lang}.toml").get("trigger", []):
            for phrase in d.get("lemmas", []):
                words = tuple(phrase.lower().split())
                if not words:
                    continue
                mode = d.get("mode") or None
                index[words[0]].append(
                    Trigger(
                        words,
                        d["type"],
                        mode,
                        bool(d.get("reciprocal")),
                        tuple(d.get("context", ())),
                        bool(d.get("host")),
                    )
                )
                self.vocabulary[lang].update(words)
        for triggers in index.values():
            triggers.sort(key=lambda t: -len(t.lemmas))  # longest phrase first
        self.triggers[lang] = index
        self.fronted[lang] = self._fronted(index, lang)
        # first three letters of every trigger's first word: other words are never lemmatized for a lookup; a
        # fronted object's, and its verb's (looked up only in a sentence that has such a verb)
        self._openers[lang] = {
            "trigger": set(index),
            "fronted": set(self.fronted[lang]),
            "fronted_verb": {t.lemmas[0] for ts in self.fronted[lang].values() for t in ts},
        }
        data = _data(f"cues_{lang}.toml")
        cues = Cues()
        for name in ("negation", "future", "hypothetical", "reciprocal", "disapproval", "approval"):
            phrases = {tuple(p.lower().split()) for p in data.get(name, []) if p.strip()}
            getattr(cues, name).update(phrases)
            for p in phrases:
                self.vocabulary[lang].update(p)
        cues.future_forms = {w.lower() for w in data.get("future_forms", [])}
        cues.intent = {w.lower() for w in data.get("intent", [])}
        cues.naming = {w.lower() for w in data.get("naming", [])}
        cues.speech = {w.lower() for w in data.get("speech", [])}
        cues.obligation = {w.lower() for w in data.get("obligation", [])}
        cues.visitor = {w.lower() for w in data.get("visitor", [])}
        cues.admission = {w.lower() for w in data.get("admission", [])}
        self.vocabulary[lang].update(cues.speech | cues.obligation | cues.visitor | cues.admission)
        self.vocabulary[lang].update(cues.naming)
        self.vocabulary[lang].update(cues.intent)
        cues.forms = {w.lower() for w in data.get("reciprocal_forms", [])}
        # `listed`, not `words`: that name holds a tuple above, and these are the TOML file's lists
        for context, listed in (data.get("contexts") or {}).items():
            for w in listed:
                cues.contexts.setdefault(w.lower(), context)
                self.vocabulary[lang].add(w.lower())
        for name, listed in (data.get("clause") or {}).items():
            cues.clause[name] = {w.lower() for w in listed}
            self.vocabulary[lang].update(cues.clause[name])
        self.cues[lang] = cues
        for name in ("future", "hypothetical", "reciprocal", "disapproval", "approval"):
            self._openers[lang][name] = {p[0] for p in getattr(cues, name)}
        self._openers[lang]["naming"] = set(cues.naming)

    def _prefixes(self) -> None:
        """The first three letters of every form of the words that open a trigger or a cue, by kind: a
        sentence's words are looked up only when they begin so, and a form may begin otherwise than its lemma
        («бои» of «бой», «снимет» of «снять», «має» of «мати»). The forms of ≈2,000 words take ≈0.2 s to
        generate: they are kept in the disk cache, keyed by the words and the dictionaries' version."""
        words = sorted({(lang, w) for lang, kinds in self._openers.items() for ws in kinds.values() for w in ws})

        def parts() -> list[bytes | str]:
            import pymorphy3

            return [repr(words), pymorphy3.__version__, code_digest(["entente.nlp.morph"])]

        def build() -> dict[tuple[str, str], frozenset[str]]:
            return {(lang, w): frozenset(f[:3] for f in self.morph.forms(w, lang)) for lang, w in words}

        starts = cached("word-starts", parts, build, dict)
        for lang, kinds in self._openers.items():
            self.prefixes[lang] = {
                kind: {p for w in ws for p in starts.get((lang, w), (w[:3],))} for kind, ws in kinds.items()
            }

    def _starts(self) -> None:
        """The first `START` letters (`_start`) of every form of the lemmas `Triggers.find` looks up (a trigger's
        first word, a fronted object), of the reflexive verbs `_lemma` reads as the passive of one of them, and of
        the Ukrainian participles it reads as one of them (`_uk_participles`)."""
        for lang in ("ru", "uk"):
            wanted = set(self.triggers[lang]) | set(self.fronted[lang])
            sources = wanted | {w + r for w in wanted & self.passives[lang] for r in REFLEXIVE}
            if lang == "uk":
                sources |= {p for w in wanted for p in _uk_participles(w) if self.morph.known(p, lang)}
            self.starts[lang] = frozenset(_start(f) for w in sources for f in self.morph.forms(w, lang))

    def _may_open(self, word: str, lang: str) -> bool:
        """Whether the lemma of `word` may be a trigger's first word or a fronted object: not when the dictionary
        knows the word (its lemmas are the dictionary's, and it is a form of each) and its first letters are no
        form's of such a lemma (`starts`), which holds for most of the words whose first three letters let them
        through (`prefixes`). Always in English (no dictionary: its lemma is a suffix-stripped candidate)."""
        starts = self.starts.get(lang)
        if starts is None:
            return True
        w = word.lower().replace("’", "'")  # as `_lemma` looks it up
        return _start(w) in starts or not self.morph.known(w, lang)

    def _lemma(self, word: str, lang: str) -> str:
        w = word.lower().replace("’", "'")
        if lang in ("ru", "uk"):
            readings = self.morph.readings(w, lang)
            if not readings:
                return w
            lemma = readings[0].lemma
            if lang == "uk" and "pssv" in readings[0].tags and lemma not in self.vocabulary["uk"]:
                # the Ukrainian dictionary gives a passive participle its own lemma («звинувачений»): its
                # verb, when a trigger or cue has it, is the lemma the lexicons know («звинуватити»)
                known = self.vocabulary["uk"]
                return next((v for v in _uk_verbs(lemma) if v in known), lemma)
            if (
                lemma.endswith(REFLEXIVE)
                and "impf" in readings[0].tags
                and readings[0].tags & FINITE
                and lemma not in self.vocabulary[lang]
            ):
                # «підходи обговорювалися з урядом», «переговоры ведутся»: an imperfective reflexive the lexicons do
                # not know is the passive of a trigger's or support verb they do, unless it has a sense of its own
                # («требуется» is needed, «заключается» consists: `reflexive_own`)
                active = lemma[:-2]
                own = self.cues[lang].clause.get("reflexive_own", set())
                return active if active in self.passives[lang] and lemma not in own else lemma
            return lemma
        known = self.vocabulary["en"]
        for cand in _english(w):
            if cand in known:
                return cand
        return w

    def reflexive_passive(self, word: str, lang: str) -> bool:
        """Whether `word` is an imperfective reflexive read as the passive of a lexicon verb («обговорювалися»)."""
        readings = self.morph.readings(word.lower(), lang) if lang in ("ru", "uk") else ()
        return bool(readings) and readings[0].lemma.endswith(REFLEXIVE) and self.lemma(word, lang) != readings[0].lemma

    def score(self, type: str, mode: str | None) -> float | None:
        t = self.types.get(type)
        if not t:
            return None
        modes = t.get("modes") or {}
        if mode and mode in modes:
            return float(modes[mode])
        return float(t["score"]) if "score" in t else None

    def quad(self, type: str) -> str | None:
        return (self.types.get(type) or {}).get("quad")


REFLEXIVE = ("ся", "сь")  # the reflexive ending of a Russian or Ukrainian infinitive
FINITE = frozenset({"VERB", "INFN"})  # a verb's own forms: a participle («обвинявшейся») describes, not reports
# Ukrainian passive participle endings and the infinitive endings they come from, with the consonant
# alternations of the stem (звинувачений <- звинуватити, запроваджений <- запровадити, проведений <- провести)
_UK_PARTICIPLE = (
    ("ований", ("увати",)),
    ("йований", ("ювати",)),
    ("аний", ("ати",)),
    ("яний", ("яти",)),
    ("ений", ("ити", "іти", "ти")),
    ("єний", ("їти", "ити")),
    ("тий", ("ти",)),
)
_UK_ALTERNATIONS = (("дж", "д"), ("ч", "т"), ("ж", "з"), ("ш", "с"), ("щ", "ст"), ("вл", "в"), ("бл", "б"),
                    ("пл", "п"), ("мл", "м"), ("д", "с"))


def _uk_verbs(participle: str) -> list[str]:
    """Infinitives a Ukrainian passive participle may come from, most literal first."""
    out = []
    for ending, infinitives in _UK_PARTICIPLE:
        if participle.endswith(ending) and len(participle) > len(ending) + 2:
            stem = participle[: -len(ending)]
            stems = [stem] + [stem[: -len(a)] + b for a, b in _UK_ALTERNATIONS if stem.endswith(a)]
            out += [s + i for s in stems for i in infinitives]
            if ending == "ений":
                out += [s[:-1] + "сти" for s in stems if s[-1:] in "дт"]  # проведений <- провести
            break
    return out


def _uk_participles(verb: str) -> list[str]:
    """The Ukrainian passive participles `_uk_verbs` may take for `verb`: each participle ending with each of the
    verb's infinitive endings, on its stem as it is and with each consonant alternation undone."""
    out = []
    for ending, infinitives in _UK_PARTICIPLE:
        stems = [verb[: -len(i)] for i in infinitives if verb.endswith(i)]
        if ending == "ений" and verb.endswith("сти"):
            stems += [verb[:-3] + c for c in "дт"]  # проведений -> провести
        for stem in stems:
            out += [stem + ending] + [stem[: -len(b)] + a + ending for a, b in _UK_ALTERNATIONS if stem.endswith(b)]
    return out


START = 5  # letters of a word's start that `Lexicon.may_open` compares


def _start(word: str) -> str:
    """A lower-case word's first `START` letters, ё read as е and ґ as г (the dictionary finds a word written with
    either for its ё or ґ), any apostrophe as «'»."""
    return word[:START].translate(_PLAIN)


_PLAIN = str.maketrans({"ё": "е", "ґ": "г", "’": "'", "ʼ": "'"})


def _english(w: str) -> list[str]:
    """Base-form candidates of an English word, most literal first."""
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("s") and not w.endswith("ss") and len(w) > 2:
        out.append(w[:-1])  # before "-es": "aides" is "aide" (a known word, `visitor`), not "aid"
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    for suffix in ("ed", "ing"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # planned -> plan
            if suffix == "ed" and stem.endswith("i"):
                out.append(stem[:-1] + "y")  # denied -> deny
    return out
