"""The PLOVER event coder: triggers from per-language lexicons, arguments from grammar, then negation,
modality, date, location and context, with the sentence as evidence.

One event per (type, actor, recipient, sentence). Nothing a sentence says is dropped: an event the
text denies is kept with `negated` true, a planned one with `modality` "future".
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from entente.extract.event_args import Roles, Slot, assign
from entente.extract.event_hosting import as_visit, drop_hosted, hosted_guests
from entente.extract.event_lexicon import Lexicon, Trigger
from entente.models import Actor, Analysis, Event, Quote
from entente.nlp.sentences import sentences
from entente.nlp.tokens import Token, tokenize
from entente.nlp.when import TimeRef, When, nearest

_WORD = re.compile(r"\w+")
OBJECT_SPAN = 8  # tokens after a trigger in which a noun trigger is its object
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})
CONFLICT = frozenset({"SANCTION", "ASSAULT", "MOBILIZE", "COERCE", "THREATEN", "PROTEST"})
PROMISED = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT"})  # promised in the future: AGREE
COERCIVE = frozenset({"COERCE", "SANCTION", "ASSAULT", "PROTEST", "MOBILIZE"})  # announced for the future: THREATEN
BETWEEN_COUNTRIES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT"})
# types whose place («в Иране», «до Росії») is also whom they concern when no one else is named
PLACED = frozenset({"CONSULT", "AID", "SANCTION", "ASSAULT"})
DOMESTIC = frozenset({"PROTEST", "COERCE", "CONCEDE"})
COOPERATIVE = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "RETREAT", "CONCEDE"})
INTENT_SPAN = 8  # words before a cooperative trigger in which an intent word turns it into AGREE
TEMPORAL = frozenset(
    {
        "до",
        "после",
        "перед",
        "накануне",
        "після",
        "напередодні",
        "after",
        "before",
        "since",
        "amid",
        "ahead",
        "during",
        "following",
    }
)
PURPOSE = frozenset({"для", "чтобы", "дабы", "щоб", "аби", "задля", "заради"})
NEGATION_SPAN = 6
NOT_ONLY = frozenset({"только", "лише", "тільки", "лишь", "only"})
HISTORICAL_DAYS = 90  # an event dated this long before publication is background
GAP = 2  # words a phrase trigger may have between its words ("подписали важное соглашение")
WE = {"мы", "ми", "we", "нам", "нас", "us"}
PARTICIPANTS = ("person", "country", "organization")


class EventCoder:
    def __init__(self, lexicon: Lexicon, when: When) -> None:
        self.lexicon, self.when = lexicon, when

    def code(self, a: Analysis) -> tuple[Event, ...]:
        lang = a.lang if a.lang in self.lexicon.triggers else "en"
        mentions = sorted(((m.start, m.end, x) for x in a.actors for m in x.mentions), key=lambda m: m[0])
        refs = self.when.find(a.text, lang, a.published)
        pair = _main_pair(a.actors)
        out: dict[tuple[str, tuple[str, ...], tuple[str, ...], int], Event] = {}
        previous: list[Actor] = []
        prefixes = self.lexicon.prefixes[lang]
        # the regular-expression tokenizer (the "en" path) keeps apostrophe words whole, as tokenize-uk does
        every = tokenize(a.text, "en")
        starts = [t.start for t in every]
        for start, end, text in sentences(a.text):
            if "\n" in a.text[max(0, start - 2) : start]:
                previous = []  # a new paragraph: the last actor does not carry over
            quote = next((q for q in a.quotes if q.start <= start < q.end or start <= q.start < end), None)
            statement = quote is not None and quote.speaker is not None and not quote.partial
            low = text.lower()
            if not statement and not any(
                w[:3] in prefixes["trigger"] or w[:3] in prefixes["naming"] for w in _WORD.findall(low)
            ):
                continue  # no word can begin a trigger: skip the sentence before any lemmatizing
            tokens = every[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            words = [k for k, t in enumerate(tokens) if t.is_word]
            lemmas = Lemmas(self.lexicon, tokens, words, lang)
            found = self._triggers(lang, words, lemmas)
            slots = _slots(tokens, mentions, start, end) if any(t.host for t, _, _ in found) else []
            cues = self.lexicon.cues[lang]
            guests = hosted_guests(found, tokens, slots, lang, self.lexicon.morph, lemmas.get, cues)
            found = self._main(tokens, [f for f in found if not f[0].host or f[1] in guests], lang)
            if not found and not statement and not any(lemmas.could(k, "naming") for k in words):
                continue
            slots = slots or _slots(tokens, mentions, start, end)
            named = {k for s in slots for k in range(s.i, s.j)}  # «Ли Шанфу» is a name, not the particle «ли»
            sentence = Sentence(a, lang, text, start, end, tokens, lemmas, slots, refs)
            marks = (
                {
                    name: {
                        k
                        for k in lemmas
                        if k not in named and lemmas.could(k, name) and _has(getattr(cues, name), lemmas, k)
                    }
                    for name in ("future", "hypothetical", "reciprocal")
                }
                if found
                else {}
            )
            hosted: list[tuple[str, tuple[str, ...], tuple[str, ...], int]] = []
            for trigger, i, j in found:
                # a mention inside a gapped phrase is an argument («предупредила Токио о последствиях»)
                matched = {k for k in range(i, j) if lemmas.get(k) in trigger.lemmas}
                roles = assign(
                    tokens,
                    [s for s in slots if not any(s.i <= k < s.j for k in matched)],
                    (i, j),
                    lang,
                    self.lexicon.morph,
                    trigger.mode == "visit",
                )
                if trigger.host:  # «Путин принял Ли Шанфу»: the visitor is the actor, the host the recipient
                    roles = as_visit(roles, guests[i])
                event = self._event(
                    a, lang, text, start, end, tokens, lemmas, trigger, i, j, roles, quote, pair, previous, refs, marks
                )
                if event is None:
                    continue
                event = self._demand(sentence, i, event)
                key = (event.type, event.actor, event.recipient, start)
                if key not in out:
                    out[key] = event
                    hosted += [key] if trigger.host else []
                if event.actor:
                    previous = [x for x in a.actors if x.id in event.actor]
                    if trigger.host and roles.objects:
                        previous = roles.objects  # the sentence is about its subject, the host
            _drop_promised(out, start)
            drop_hosted(out, hosted)
            if statement and quote is not None:
                speaker = next((x for x in a.actors if x.id == quote.speaker), None)
                said = self._evaluation(sentence, speaker, (quote.start, quote.end))
            else:
                said = self._naming(sentence)
            if said is not None and not any(k[0] == said.type and k[3] == start for k in out):
                out[(said.type, said.actor, said.recipient, start)] = said
        return tuple(out.values())

    def _demand(self, sentence: Sentence, i: int, event: Event) -> Event:
        """ "X said Y must ...", «X заявил, что Y должен ...»: a demand of X on Y, coded REQUEST."""
        tokens, lemmas, slots, lang = sentence.tokens, sentence.lemmas, sentence.slots, sentence.lang
        cues = self.lexicon.cues[lang]
        clause = [k for k in range(i - 1, -1, -1) if tokens[k].text in CLAUSE_BREAKS or lemmas.get(k) in cues.speech]
        if not clause or not event.actor:
            return event
        edge = clause[0]
        if not any(
            lemmas.get(k) in cues.obligation or tokens[k].text.lower() in cues.obligation for k in range(edge + 1, i)
        ):
            return event
        verb = next((k for k in range(edge, -1, -1) if lemmas.get(k) in cues.speech), None)
        if verb is None:
            return event
        addressed = list(dict.fromkeys(s.actor for s in slots if edge < s.i < i and s.actor.type in PARTICIPANTS))
        if not addressed:
            return event
        speakers = assign(tokens, [s for s in slots if s.j <= verb], (verb, verb + 1), lang, self.lexicon.morph)
        them = {x.country for x in addressed}
        speaker = [x for x in speakers.subjects if x.country and x.country not in them]
        if not speaker:
            return event
        return replace(
            event,
            type="REQUEST",
            mode=None,
            actor=tuple(x.id for x in speaker),
            recipient=tuple(x.id for x in addressed),
        )

    def _naming(self, sentence: Sentence) -> Event | None:
        """«Токаев назвал Китай надёжным партнёром»: the subject before a naming verb evaluates what follows."""
        tokens, lemmas, slots, lang = sentence.tokens, sentence.lemmas, sentence.slots, sentence.lang
        naming = self.lexicon.cues[lang].naming
        verb = next(
            (
                k
                for k in lemmas
                if lemmas.could(k, "naming") and (tokens[k].text.lower() in naming or lemmas[k] in naming)
            ),
            None,
        )
        if verb is None:
            return None
        roles = assign(tokens, [s for s in slots if s.j <= verb], (verb, verb + 1), lang, self.lexicon.morph)
        if len(roles.subjects) != 1:
            return None
        return self._evaluation(sentence, roles.subjects[0], (tokens[verb].end, sentence.end))

    def _evaluation(self, sentence: Sentence, speaker: Actor | None, span: tuple[int, int]) -> Event | None:
        """A speaker's words about another party within `span` (a quote, or what follows a naming verb):
        negative ones are ACCUSE (disapprove), positive ones SUPPORT («США все активнее подстрекают ...»
        -> ACCUSE; «назвал Китай надёжным партнёром» -> SUPPORT), the manual's criticize / praise."""
        a, lang, text, start, end = sentence.a, sentence.lang, sentence.text, sentence.start, sentence.end
        tokens, lemmas, slots, refs = sentence.tokens, sentence.lemmas, sentence.slots, sentence.refs
        if speaker is None or not speaker.country:
            return None
        inside = [s.actor for s in slots if span[0] <= tokens[s.i].start < span[1]]
        targets = list(
            dict.fromkeys(x for x in inside if x.country and x.country != speaker.country and x.type in PARTICIPANTS)
        )
        if not targets:
            return None
        cues = self.lexicon.cues[lang]
        words = [k for k in lemmas if span[0] <= tokens[k].start < span[1]]
        neg = [k for k in words if lemmas.could(k, "disapproval") and _has(cues.disapproval, lemmas, k)]
        pos = [k for k in words if lemmas.could(k, "approval") and _has(cues.approval, lemmas, k)]
        if bool(neg) == bool(pos):
            return None  # no evaluation, or both: nothing to code
        kind, mode, k = ("ACCUSE", "disapprove", neg[0]) if neg else ("SUPPORT", None, pos[0])
        ref = nearest(refs, tokens[k].start, start, end)
        ids, rec = (speaker.id,), tuple(x.id for x in targets)
        digest = hashlib.sha1(f"{a.id}:{start}:{kind}:{ids}:{rec}".encode()).hexdigest()[:16]
        return Event(
            digest,
            kind,
            mode,
            (),
            ids,
            rec,
            ref.date if ref else None,
            None,
            False,
            "asserted",
            tokens[k].text,
            text,
            start,
            end,
            0.5,
            historical(ref.date if ref else None, a.published),
        )

    def _triggers(self, lang: str, words: list[int], lemmas: Lemmas) -> list[tuple[Trigger, int, int]]:
        found: list[tuple[Trigger, int, int]] = []
        taken: set[int] = set()
        index = self.lexicon.triggers.get(lang, {})
        for n, k in enumerate(words):
            if k in taken:
                continue
            if not lemmas.could(k, "trigger"):
                continue
            for trigger in index.get(lemmas[k], ()):
                end = _phrase(trigger.lemmas, words, lemmas, n)
                if end is not None:
                    found.append((trigger, k, end))
                    taken.update(range(k, end))
                    break
        return found

    def _main(
        self, tokens: list[Token], found: list[tuple[Trigger, int, int]], lang: str
    ) -> list[tuple[Trigger, int, int]]:
        """Drop a noun trigger that is the object of an earlier trigger in the same clause: in «готов
        укреплять сотрудничество» or «обсудили сотрудничество» the cooperation is what was promised
        or discussed, not a second event."""
        kept: list[tuple[Trigger, int, int]] = []
        for trigger, i, j in found:
            if self._noun(tokens[i].text, lang) and any(
                tokens[k].text.lower() in TEMPORAL | PURPOSE for k in range(max(0, i - 2), i)
            ):
                continue  # «до вторгнення», «для укрепления связей»: a time or a purpose, not a report of the event
            if i > 0 and tokens[i - 1].text.lower() in PURPOSE:
                continue  # «чтобы обсудить», «щоб обговорити»
            head = next((k for k in kept if 0 <= i - k[2] <= OBJECT_SPAN), None)
            if (
                head is not None
                and (
                    head[0].type in ("AGREE", "THREATEN")
                    or self._noun(tokens[i].text, lang)
                    or (head[0].host and trigger.type == "CONSULT")  # "hosted Putin for talks": one meeting
                )
                and not any(tokens[k].text in CLAUSE_BREAKS for k in range(head[2], i))
            ):
                continue
            kept.append((trigger, i, j))
        return kept

    @staticmethod
    def _intent(tokens: list[Token], lemmas: Lemmas, i: int, intent: set[str]) -> bool:
        """An intent word earlier in the trigger's clause: «стороны должны совместно работать над ...»."""
        for k in range(i - 1, max(-1, i - INTENT_SPAN), -1):
            if tokens[k].text in CLAUSE_BREAKS:
                return False
            if lemmas.get(k) in intent or tokens[k].text.lower() in intent:  # «следует» is not «следовать»
                return True
        return False

    @staticmethod
    def _negated(tokens: list[Token], lemmas: Lemmas, i: int, negation: set[tuple[str, ...]]) -> bool:
        """A negation in the trigger's clause shortly before it: «не подтвердил своего согласия на визит»."""
        for k in range(i - 1, max(-1, i - NEGATION_SPAN), -1):
            if tokens[k].text in CLAUSE_BREAKS:
                return False
            if _has(negation, lemmas, k) and lemmas.get(k + 1) not in NOT_ONLY:
                return True
        return False

    def _future_verb(self, word: str, lang: str) -> bool:
        """A verb whose first reading is future tense («посетит», «зустрічатиметься»); not a name such as
        «Сибіга» that the dictionary can also guess as a verb."""
        readings = self.lexicon.morph.readings(word.lower(), lang) if word[:1].islower() else ()
        return bool(readings) and "futr" in readings[0].tags and bool({"VERB", "verb"} & readings[0].tags)

    def _noun(self, word: str, lang: str) -> bool:
        if lang == "en":
            return word.lower().endswith(("tion", "ment", "ance", "ence", "ship", "ity", "ies", "ism", "ing"))
        readings = self.lexicon.morph.readings(word.lower(), lang)
        return bool(readings) and bool({"NOUN", "noun", "INFN", "inf"} & readings[0].tags)

    def _event(
        self,
        a: Analysis,
        lang: str,
        text: str,
        start: int,
        end: int,
        tokens: list[Token],
        lemmas: Lemmas,
        trigger: Trigger,
        i: int,
        j: int,
        roles: Roles,
        quote: Quote | None,
        pair: list[Actor],
        previous: list[Actor],
        refs: list[TimeRef],
        marks: dict[str, set[int]],
    ) -> Event | None:
        cues = self.lexicon.cues[lang]
        actor, recipient = list(roles.subjects), list(roles.objects)
        inside = quote is not None and quote.start <= tokens[i].start < quote.end
        both_sides = bool(marks["reciprocal"]) and not actor  # «стороны должны ...»: not the speaker alone
        if (
            inside
            and quote is not None
            and quote.speaker
            and not both_sides
            and (not actor or any(lemmas.get(k) in WE for k in range(max(0, i - 4), i)))
        ):
            speaker = next((x for x in a.actors if x.id == quote.speaker), None)
            actor = [speaker] if speaker else actor
        reciprocal = not trigger.host and (
            trigger.reciprocal
            or bool(marks["reciprocal"])
            or any(
                tokens[k].text.lower() in cues.forms
                and (k == 0 or tokens[k - 1].text.lower() not in ("с", "со", "з", "із"))
                for k in lemmas
            )
        )
        if reciprocal and len(actor) > 1 and not roles.partners and not recipient:
            actor, recipient = actor[:1], actor[1:]
        recipient += [p for p in roles.partners if p not in recipient]
        if (trigger.mode == "visit" and not (trigger.host and recipient)) or (trigger.type in PLACED and not recipient):
            # a visit's destination is its host (unless named: «Путин принял в Москве ...»); talks held in
            # another country are talks with it
            recipient += [p for p in roles.places if p not in recipient]
        if reciprocal and actor and not recipient and len(pair) == 2:
            # «мы будем поддерживать друг друга»: the other side is the article's other main party
            own_countries = {x.country for x in actor}
            recipient = [p for p in pair if p.country not in own_countries][:1]
        if (
            trigger.type in CONFLICT
            and len(trigger.lemmas) == 1
            and not roles.subjects
            and self._noun(tokens[i].text, lang)
        ):
            return None  # a bare «санкции», «учения», «вторжение» with no one doing it: background, not a report
        if not actor and roles.relative:
            return None  # «западных стран, которые требуют»: done by someone the article does not name as an actor
        if not actor and recipient and previous:
            actor = previous  # «Он встретился с Си»: the subject left out is the one of the sentence before
        if not actor and reciprocal and len(pair) == 2:
            actor, recipient = [pair[0]], [pair[1]]  # «стороны договорились»: the two countries of the article
        if not actor and previous:
            actor = previous
        if not actor and not recipient:
            return None
        kind = trigger.type
        if kind in COOPERATIVE and self._intent(tokens, lemmas, i, cues.intent):
            kind = "AGREE"  # «должны расширять сотрудничество», "ready to cooperate": an intent, coded AGREE
        negated = self._negated(tokens, lemmas, i, cues.negation)
        modality = "asserted"
        before = [k for k in lemmas if k < i]
        if any(k < i for k in marks["hypothetical"]):
            modality = "hypothetical"
        elif any(
            k in marks["future"] or tokens[k].text.lower() in cues.future_forms for k in before if k >= i - 5
        ) or any(self._future_verb(tokens[k].text, lang) for k in range(max(0, i - 2), i + 1)):
            modality = "future"
        if modality == "future" and kind in PROMISED:
            kind, modality = "AGREE", "asserted"  # «мы будем укреплять сотрудничество»: a promise, coded AGREE
        elif modality == "future" and kind == "RETREAT":
            kind, modality = "CONCEDE", "asserted"  # "will withdraw": the manual codes a promised retreat CONCEDE
        elif modality == "future" and kind in COERCIVE:
            kind, modality = "THREATEN", "asserted"  # «введёт санкции», "will blockade": a threat
        contexts = list(trigger.context)
        for k in lemmas:
            c = cues.contexts.get(lemmas[k])
            if c and c not in contexts:
                contexts.append(c)
        ref = nearest(refs, tokens[i].start, start, end)
        date = ref.date if ref else None
        place = next((p.id for p in roles.places if p.type == "location"), None)
        ids = tuple(x.id for x in actor)
        own = {x.country for x in actor if x.country}
        if kind in DOMESTIC and not any(x.country for x in recipient) and len(own) == 1:
            # protests, curfews, concessions with no one else named concern the actor's own country
            home = next((x for x in a.actors if x.type == "country" and x.id in own), None)
            recipient = recipient + [home] if home is not None else recipient
        # «Китай ... с Россией»: the partner of cooperation is another country; a government may coerce,
        # concede to or accuse its own people, so other types keep a recipient of the same country
        rec = tuple(
            x.id
            for x in recipient
            if (x.id not in ids or kind in DOMESTIC)
            and not (kind in BETWEEN_COUNTRIES and x.country and x.country in own)
        )
        confidence = round(0.4 + 0.3 * bool(roles.subjects) + 0.2 * bool(rec) + 0.1 * (j - i > 1), 2)
        digest = hashlib.sha1(f"{a.id}:{start}:{kind}:{ids}:{rec}".encode()).hexdigest()[:16]
        return Event(
            digest,
            kind,
            trigger.mode if kind == trigger.type else None,
            tuple(contexts),
            ids,
            rec,
            date,
            place,
            negated,
            modality,
            a.text[tokens[i].start : tokens[j - 1].end],
            text,
            start,
            end,
            confidence,
            historical(date, a.published),
        )


@dataclass(frozen=True)
class Sentence:
    """One sentence being coded, with what the rules that look beyond one trigger need."""

    a: Analysis
    lang: str
    text: str
    start: int
    end: int
    tokens: list[Token]
    lemmas: Lemmas
    slots: list[Slot]
    refs: list[TimeRef]


class Lemmas(Mapping[int, str]):
    """The lemmas of a sentence's words, computed only when asked for: most words are never looked up,
    because their first letters cannot begin a trigger or a cue (`Lexicon.prefixes`)."""

    def __init__(self, lexicon: Lexicon, tokens: list[Token], words: list[int], lang: str) -> None:
        self.lexicon, self.tokens, self.words, self.lang = lexicon, tokens, words, lang
        self._word_set = set(words)
        self._cache: dict[int, str] = {}
        self._prefix = [t.text[:3].lower() for t in tokens]
        self._kinds = lexicon.prefixes[lang]

    def __getitem__(self, k: int) -> str:
        if k not in self._word_set:
            raise KeyError(k)
        lemma = self._cache.get(k)
        if lemma is None:
            lemma = self._cache[k] = self.lexicon.lemma(self.tokens[k].text, self.lang)
        return lemma

    def __iter__(self) -> Iterator[int]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def could(self, k: int, kind: str) -> bool:
        """Whether word k's first letters allow it to begin a `kind` (trigger, future, ...) phrase."""
        return self._prefix[k] in self._kinds[kind]


def _phrase(lemmas_wanted: tuple[str, ...], words: list[int], lemmas: Lemmas, n: int) -> int | None:
    """Token index just after the phrase starting at words[n], or None if it is not there."""
    pos, last = n, words[n]
    for wanted in lemmas_wanted[1:]:
        for step in range(1, GAP + 2):
            if pos + step >= len(words):
                return None
            if lemmas[words[pos + step]] == wanted:
                pos += step
                last = words[pos]
                break
        else:
            return None
    return last + 1


def _has(phrases: set[tuple[str, ...]], lemmas: Lemmas, k: int) -> bool:
    first = lemmas.get(k)
    if first is None:
        return False
    for p in _by_first(frozenset(phrases)).get(first, ()):
        if all(lemmas.get(k + d) == w for d, w in enumerate(p[1:], 1)):
            return True
    return False


@lru_cache(maxsize=64)
def _by_first(phrases: frozenset[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    return out


def _slots(tokens: list[Token], mentions: list[tuple[int, int, Actor]], start: int, end: int) -> list[Slot]:
    starts = [t.start for t in tokens]
    out = []
    for s, e, actor in mentions:
        outlet = actor.sector == "MED"  # outlets report events, they are not parties to them
        vague = actor.type == "organization" and not actor.country and actor.sector != "IGO"  # «МИД» of whom?
        if s < start or e > end or outlet or vague:
            continue
        i = next((k for k, x in enumerate(starts) if x >= s), None)
        if i is None:
            continue
        j = next((k for k in range(i, len(tokens)) if tokens[k].end >= e), len(tokens) - 1) + 1
        out.append(Slot(actor, i, j))
    # a country named right before a person of that country is an apposition («президент России Путин»)
    return [
        s
        for s in out
        if not (
            s.actor.type == "country"
            and any(
                o.actor.type == "person" and o.actor.country == s.actor.country and 0 <= o.i - s.j <= 3 for o in out
            )
        )
    ]


def historical(date: str | None, published: str | None) -> bool:
    """Whether an event dated `date` lies well before the publication date (more than HISTORICAL_DAYS),
    compared at the coarser of the two precisions.

    >>> historical("2019-10", "2023-03-21"), historical("2023-03-20", "2023-03-21"), historical("2023", "2023-05")
    (True, False, False)
    """
    if not date or not published:
        return False
    n = min(len(date), len(published[:10]))
    a, b = date[:n], published[:n]
    if n == 4:
        return int(a) < int(b)
    try:
        first = dt.date.fromisoformat(a if n == 10 else a + "-01")
        pub = dt.date.fromisoformat(b if n == 10 else b + "-01")
    except ValueError:
        return False
    return (pub - first).days > HISTORICAL_DAYS


def _drop_promised(out: dict[tuple[str, tuple[str, ...], tuple[str, ...], int], Event], start: int) -> None:
    """In a sentence with an AGREE, a cooperative event of the same actors is what was promised
    («стороны должны совместно работать над углублением сотрудничества»), not a second event."""
    agreed = {k[1] for k in out if k[0] == "AGREE" and k[3] == start}
    for k in [k for k in out if k[3] == start and k[0] in ("COOPERATE", "AID", "SUPPORT")]:
        if any(set(k[1]) & set(a) for a in agreed):
            del out[k]


def _main_pair(actors: tuple[Actor, ...]) -> list[Actor]:
    """The two countries the article is most about, for «стороны» / "the two sides"."""
    counts: Counter[str] = Counter()
    for x in actors:
        if x.country and x.type in PARTICIPANTS:
            counts[x.country] += len(x.mentions)
    top = [c for c, _ in counts.most_common(2)]
    by_id = {x.id: x for x in actors}
    return [by_id[c] for c in top if c in by_id]
