"""What the words around a mention say about it: role nouns, countries in apposition, titles, metonyms.

«посол России в КНР Андрей Денисов» -> RUS, GOV; «китайский генерал» -> MIL; «российский лидер»
-> the president of Russia at the article's date; «Пекин заявил» -> the Chinese government, while
«в Пекине» stays a place.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from importlib import resources

from entente.actors import window as time_words
from entente.actors.kb import Entry, KnowledgeBase
from entente.actors.window import Window
from entente.extract.ner import Entity
from entente.extract.roles import RoleMatch, Roles
from entente.nlp.morph import Morph
from entente.nlp.tokens import SENTENCE_END, Token

WINDOW = 8
NATIONALITY_SPAN = 2  # words before a name in which a demonym says its country («пакистанская христианка Асия»)
CITIZEN = ("граждан", "громадян", "citizen", "national", "подданн", "уроженц", "уродженц", "уроженец", "уродженець")
APPOSITION_LEAD = 4  # words of an apposition after a name before its role noun («исполняющий обязанности ...»)
TITLE_AT_DATE = "title held at the article's time"
TITLE_NAMED = "title of a person the article names"
_UK_TO_RU = str.maketrans(
    {"і": "и", "І": "И", "ї": "йи", "Ї": "Йи", "є": "е", "Є": "Е", "ґ": "г", "Ґ": "Г", "'": "", "’": "", "ʼ": ""}
)
PREPOSITIONS = frozenset(
    [
        "в",
        "во",
        "у",
        "на",
        "из",
        "с",
        "со",
        "к",
        "ко",
        "до",
        "від",
        "з",
        "із",
        "зі",
        "по",
        "под",
        "над",
        "за",
        "о",
        "об",
        "про",
        "при",
        "для",
        "через",
        "между",
        "між",
        "біля",
        "около",
        "in",
        "at",
        "to",
        "from",
        "into",
        "near",
        "for",
        "with",
        "of",
        "by",
        "on",
    ]
)
_NAMED_OFFICES = frozenset(
    {
        "president",
        "prime_minister",
        "foreign_minister",
        "defence_minister",
        "monarch",
        "leader",
        "vice_president",
        "speaker",
    }
)
_EN_VERBS = frozenset(
    [
        "said",
        "says",
        "will",
        "has",
        "have",
        "is",
        "was",
        "would",
        "should",
        "must",
        "can",
        "could",
        "wants",
        "warned",
        "urged",
        "called",
        "accused",
        "announced",
        "denied",
        "signed",
    ]
)


class Context:
    def __init__(self, kb: KnowledgeBase, morph: Morph, roles: Roles) -> None:
        self.kb, self.morph, self.roles = kb, morph, roles
        self._holders: dict[tuple[str, str], list[Entry]] | None = None
        self._given: dict[str, str] | None = None
        self._leaders = frozenset(r.key for r in roles.index.values() if r.leader) | {"leader"}

    def _given_names(self) -> dict[str, str]:
        if self._given is None:
            path = resources.files("entente.actors") / "data" / "names_uk_ru.toml"
            self._given = tomllib.loads(path.read_text("utf-8"))["given"]
        return self._given

    def native_given(self, word: str) -> bool:
        """Whether `word` is a Russian or Ukrainian given name («Александр», «Олександр»), romanized as such."""
        given = self._given_names()
        return word in given or word in given.values()

    def russian_spelling(self, words: list[str]) -> list[str]:
        """A Russian's name as written in Ukrainian, respelled in Russian: «Андрій Денисов» -> «Андрей Денисов»."""
        given = self._given_names()
        out = []
        for w in words:
            ru = given.get(w)
            out.append(ru if ru else w.translate(_UK_TO_RU))
        return out

    def acts(self, tokens: list[Token], i: int, lang: str) -> bool:
        """Whether a capital at token `i` is the grammatical subject («Пекин заявил»), i.e. its government."""
        if i > 0 and tokens[i - 1].text.lower() in PREPOSITIONS:
            return False
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or not nxt.is_word:
            return False
        if lang == "en":
            return nxt.text.lower() in _EN_VERBS or nxt.text.endswith("ed") and nxt.text.islower()
        if not self.morph.has(tokens[i].text, lang, "nomn"):
            return False
        return any(
            self.morph.has(t.text, lang, "VERB") or self.morph.has(t.text, lang, "verb")
            for t in tokens[i + 1 : i + 4]
            if t.is_word
        )

    def apposition(self, tokens: list[Token], i: int, j: int, entities: list[Entity]) -> tuple[str | None, str | None]:
        """Country and sector of the person named at tokens [i, j) from a role phrase before or after it."""
        role = self.role_before(tokens, i)
        if role is not None:
            k = role.start - 1 if role.start > 0 and tokens[role.start - 1].text[-1] not in SENTENCE_END else role.start
            lo = tokens[k].start
            return self._country(tokens, entities, lo, tokens[i].start), role.role.sector
        if j + 1 < len(tokens) and tokens[j].text == ",":
            # «Марк Тоунер, исполняющий обязанности официального представителя Госдепартамента США»: the role
            # noun may come a few words into the apposition
            after = next(
                (m for k in range(j + 1, min(j + 1 + APPOSITION_LEAD, len(tokens)))
                 if tokens[k].text not in ',;:«»"“”' and (m := self.roles.at(tokens, k)) is not None),
                None,
            )
            if after is not None and all(t.text not in ',;:«»"“”' for t in tokens[j + 1 : after.start]):
                hi = tokens[min(after.end + 3, len(tokens) - 1)].end
                return self._country(tokens, entities, tokens[j + 1].start, hi), after.role.sector
        return self.nationality(tokens, i, entities), None

    @staticmethod
    def nationality(tokens: list[Token], i: int, entities: list[Entity]) -> str | None:
        """A country said of the person named from token i by the words just before the name: a demonym or a
        country adjective («Россиянин Дмитрий Смилянец», «пакистанская христианка Асия Биби»), or a citizen
        of a country («гражданин России», «громадянин України»)."""
        at = {e.start: e for e in entities}
        for k in range(i - 1, max(-1, i - NATIONALITY_SPAN - 1), -1):
            if not tokens[k].is_word:
                return None
            e = at.get(tokens[k].start)
            hit = next((h for h in e.hits if h.entry.type == "country"), None) if e is not None else None
            if hit is not None and hit.how == "adj":
                return hit.entry.country or hit.entry.id
            if hit is not None and k > 0 and tokens[k - 1].text.lower().startswith(CITIZEN):
                return hit.entry.country or hit.entry.id
        return None

    def role_before(self, tokens: list[Token], i: int) -> RoleMatch | None:
        for k in range(i - 1, max(-1, i - WINDOW), -1):
            if tokens[k].text[-1] in SENTENCE_END or tokens[k].text in '«»"“”„:;':
                return None
            m = self.roles.at(tokens, k)
            if m is not None and m.end <= i:
                return m
        return None

    @staticmethod
    def _country(tokens: list[Token], entities: list[Entity], lo: int, hi: int) -> str | None:
        for e in entities:
            if lo <= e.start < hi and e.hits:
                before = [t for t in tokens if t.end <= e.start][-1:]
                if before and before[0].text.lower() in PREPOSITIONS:
                    continue  # «посол России в КНР»: the ambassador is Russian, not Chinese
                code = next((h.entry.country for h in e.hits if h.entry.country), None)
                if code:
                    return code
        return None

    def titles(
        self,
        text: str,
        lang: str,
        window: Window | None,
        tokens: list[Token],
        entities: list[Entity],
        people: list[str],
    ) -> list[tuple[tuple[int, int], Entry, str]]:
        """Titles standing for a known person: «российский лидер», «президент Казахстана», "the Chinese president",
        with why: held inside the article's time window, or by a person the article names. Past, generic and
        hoped-for uses («бывший президент», «кандидат в президенты», "former president") stand for nobody."""
        out = []
        starts = {e.start: e for e in entities}
        by_token = {t.start: k for k, t in enumerate(tokens)}
        for e in entities:
            if not e.hits or e.hits[0].how not in ("adj", "name") or e.hits[0].entry.type != "country":
                continue
            k = by_token.get(e.start)
            if k is None:
                continue
            found = self._title_at(tokens, k, starts)
            if found is None:
                continue
            role, span_end = found
            if self._past(tokens, min(k, role.start), lang):
                continue
            holder, why = self._holder(e.hits[0].entry.id, role, window, people)
            if holder is not None:
                out.append(((min(e.start, tokens[role.start].start), span_end), holder, why))
        return out

    @staticmethod
    def _past(tokens: list[Token], start: int, lang: str) -> bool:
        """A marker of a past, generic or future office within three words before the title."""
        past = time_words.words(lang)["past"]
        whole = {w for w in past if not w.endswith("-")}
        prefixes = tuple(w for w in past if w.endswith("-"))
        if tokens[start].text.lower().startswith(prefixes):
            return True
        seen = 0
        for t in reversed(tokens[:start]):
            if not t.is_word:
                if t.text in '.!?;:«»"“”':
                    return False
                continue
            w = t.text.lower()
            if w in whole or w.startswith(prefixes):
                return True
            seen += 1
            if seen == 3:
                return False
        return False

    def _title_at(self, tokens: list[Token], k: int, starts: dict[int, Entity]) -> tuple[RoleMatch, int] | None:
        # adjective before the role («российский лидер») or country after it («президента России»)
        after = self.roles.at(tokens, k + 1) if k + 1 < len(tokens) else None
        if after is not None and after.role.key in _NAMED_OFFICES:
            nxt = tokens[after.end] if after.end < len(tokens) else None
            if nxt is None or nxt.start not in starts or starts[nxt.start].label != "PER":
                return after, tokens[after.end - 1].end
        for n in (1, 2, 3):
            if k - n < 0:
                break
            before = self.roles.at(tokens, k - n)
            if before is not None and before.end == k and before.role.key in _NAMED_OFFICES:
                nxt = tokens[k + 1] if k + 1 < len(tokens) else None
                if nxt is None or nxt.start not in starts or starts[nxt.start].label != "PER":
                    return before, tokens[k].end
        return None

    def _holder(
        self, country: str, role: RoleMatch, window: Window | None, people: list[str]
    ) -> tuple[Entry | None, str]:
        if self._holders is None:
            self._holders = defaultdict(list)
            for entry in self.kb.entries.values():
                for r in entry.roles:
                    self._holders[(r.country or entry.country or "", r.key)].append(entry)
        keys = self._leaders if role.role.key == "leader" else {role.role.key}
        ever = [
            (p, r)
            for key in keys
            for p in self._holders.get((country, key), ())
            for r in p.roles
            if r.key == key and (r.country or p.country) == country
        ]
        when = [(p, r) for p, r in ever if window is not None and window.holds(r)]
        # the holder the article names first, in the window if it names several: never today's holder over it
        named = list(dict.fromkeys(p for p, _ in ever if p.id in people))
        if len(named) > 1 and window is not None:
            named = list(dict.fromkeys(p for p, _ in when if p.id in people))
        elif len(named) > 1:  # no time: the one whose latest office is this one (not Medvedev, now in another)
            named = [p for p in named if max(p.roles, key=lambda r: r.start).key in keys]
        if len(named) == 1:
            return named[0], TITLE_NAMED
        if named or role.role.key == "leader" or window is None:  # without a time: only someone the article names
            return None, ""
        unique = list(dict.fromkeys(p for p, _ in when))
        return (unique[0], TITLE_AT_DATE) if len(unique) == 1 else (None, "")
