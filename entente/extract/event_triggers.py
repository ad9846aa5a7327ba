"""Where a sentence's events are named: the triggers of the per-language lexicons found in its words (phrases
within a small gap, a verb + object phrase with its object first), and which of them report an event of their
own rather than the object, time or purpose of another («готов укреплять сотрудничество», «до вторгнення»).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import replace

from entente.extract.event_grammar import GOVERNED_TEMPORAL, PURPOSE, TEMPORAL, TEMPORAL_LEAD, everywhere
from entente.extract.event_lexicon import Lexicon, Trigger
from entente.extract.event_modality import COERCIVE
from entente.extract.event_sentence import CLAUSE_BREAKS, Lemmas
from entente.extract.event_voice import attributive_uk
from entente.nlp.morph import INFINITIVE_TAGS
from entente.nlp.tokens import Token

PARTNERS = everywhere("partner")
# words that do not count towards a phrase trigger's gap: English articles and determiners, days
FILLERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "all", "some",
                     "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                     "sunday"})
NOUN_OPENERS_EN = frozenset({"with", "of", "for", "the", "a", "an", "its", "their", "his", "her", "our"})
OBJECT_SPAN = 8  # tokens after a trigger in which a noun trigger is its object
PREPOSITIONS = (everywhere("place") | everywhere("against") | everywhere("other_prep")) - PARTNERS  # not «с», "with"
INSERTED = 6  # words a phrase trigger may have between its words when they open with «с», «з», "with"
GAP = 2  # words a phrase trigger may have between its words ("подписали важное соглашение")
ANSWER_SPAN = 3  # words after a request in which its infinitive stands («попросили прокоментувати»)
FRONTED_GAP = 4  # words between a fronted object and its verb («Відповідальність за акцію глава Cockpit покладає»)
MONTHS_EN = frozenset({"March", "May"})  # capitalized inside a sentence, a month: no "march", no "may"


class Triggers:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def find(self, lang: str, words: list[int], lemmas: Lemmas) -> list[tuple[Trigger, int, int]]:
        """The triggers of a sentence's words, longest phrase first, each word in one trigger at most: (trigger,
        first token, token after the last)."""
        found: list[tuple[Trigger, int, int]] = []
        taken: set[int] = set()
        index = self.lexicon.triggers.get(lang, {})
        objects = self.lexicon.fronted[lang]  # the lemmas that may be a fronted object (`_fronted`)
        fronting = bool(self.lexicon.fronted.get(lang)) and bool(lemmas.openers("fronted_verb"))
        openers = lemmas.openers("trigger") | (lemmas.openers("fronted") if fronting else set())
        may_open = self.lexicon.may_open if lang in self.lexicon.starts else None
        for k in sorted(openers):  # in word order: the others are skipped without a step of their own
            if k in taken:
                continue
            if may_open is not None and not may_open(lemmas.tokens[k].text, lang):
                continue  # a word whose lemma opens nothing (the first letters let most through): not looked up
            n = bisect_left(words, k)
            lemma = lemmas[k]
            candidates = index.get(lemma, ())
            if candidates and lang == "en" and n > 0 and lemmas.tokens[k].text in MONTHS_EN:
                continue  # "in March", "after March 15": the month, not a march
            if candidates and lang == "uk" and attributive_uk(lemmas, words, n, self.lexicon.morph):
                continue  # «проект, схвалений урядом», «схвалений кандидат»: a description, not a report
            for trigger in candidates:
                end = _phrase(trigger.lemmas, words, lemmas, n, index)
                if end is not None:
                    found.append((trigger, k, end))
                    taken.update(range(k, end))
                    break
            else:
                if lemma not in objects:
                    continue  # most words: no verb + object phrase opens with them
                fronted = self._fronted(lang, words, lemmas, n)
                if fronted is not None:
                    found.append(fronted)
                    taken.update(range(k, fronted[2]))
        return found

    def _fronted(self, lang: str, words: list[int], lemmas: Lemmas, n: int) -> tuple[Trigger, int, int] | None:
        """A verb + object phrase whose object, at words[n], comes first: «Відповідальність за акцію глава Cockpit
        покладає на ...», «Соглашение было подписано». The object is a nominative or an accusative, and the
        verb follows within a few words of the same clause."""
        k = words[n]
        triggers = self.lexicon.fronted[lang].get(lemmas[k], ())
        if not triggers:
            return None
        tokens = lemmas.tokens
        if not self.lexicon.morph.has(tokens[k].text.lower(), lang, "nomn") and not self.lexicon.morph.has(
            tokens[k].text.lower(), lang, "accs"
        ):
            return None  # «в соглашении», «відповідальності»: not what the verb acts on
        for m in words[n + 1 : n + 2 + FRONTED_GAP]:
            if any(tokens[x].text in CLAUSE_BREAKS for x in range(k + 1, m)):
                return None
            verb = lemmas[m]
            trigger = next((t for t in triggers if t.lemmas[0] == verb), None)
            if trigger is not None:
                return trigger, k, m + 1
        return None

    def main(
        self, tokens: list[Token], found: list[tuple[Trigger, int, int]], lang: str
    ) -> list[tuple[Trigger, int, int]]:
        """Drop a noun trigger that is the object of an earlier trigger in the same clause: in «готов
        укреплять сотрудничество» or «обсудили сотрудничество» the cooperation is what was promised
        or discussed, not a second event; any trigger after a promise, a threat or a demand in its clause
        is what was promised, threatened or asked for ("called for sanctions against Nigeria")."""
        kept: list[tuple[Trigger, int, int]] = []
        promising = self.lexicon.cues[lang].clause.get("promising", set())
        for trigger, i, j in found:
            if self.noun(tokens[i].text, lang) and any(
                _time_or_purpose(tokens, k, lang) for k in range(max(0, i - 2), i)
            ):
                continue  # «до вторгнення», «для укрепления связей»: a time or a purpose, not a report of the event
            if i > 0 and tokens[i - 1].text.lower() in PURPOSE:
                continue  # «чтобы обсудить», «щоб обговорити»
            head = next((k for k in kept if 0 <= i - k[2] <= OBJECT_SPAN), None)
            if (
                head is not None
                and (
                    head[0].type in ("AGREE", "THREATEN", "REQUEST")  # what is promised, threatened, asked for
                    or (self._object_noun(tokens, i, j, lang) and not self._verb_after_noun(tokens, head[1], i, lang))
                    or (head[0].host and trigger.type == "CONSULT")  # "hosted Putin for talks": one meeting
                )
                and not any(tokens[k].text in CLAUSE_BREAKS for k in range(head[2], i))
            ):
                if (
                    head[0].type == "AGREE"
                    and trigger.type in COERCIVE
                    and head[0].lemmas[0] in promising
                    and _promised(tokens, head[2], i, lambda x: self.lexicon.morph.infinitive(x, lang))
                ):
                    # «пообещал ввести санкции», "vowed to strike": a promise of coercion is a threat (manual:
                    # AGREE is a commitment to cooperate; THREATEN, a coercive warning)
                    kept[kept.index(head)] = (replace(head[0], type="THREATEN", mode=None, reciprocal=False),
                                              head[1], head[2])
                continue
            kept.append((trigger, i, j))
        return kept

    def _object_noun(self, tokens: list[Token], i: int, j: int, lang: str) -> bool:
        """Whether the trigger at tokens i..j is a noun: `noun` of its first word, or in English of its last one, or
        a preposition or a determiner before it ("provide Kazakhstan with economic aid")."""
        if self.noun(tokens[i].text, lang):
            return True
        if lang != "en":
            return False
        before = tokens[i - 1].text.lower() if i > 0 else ""
        return self.noun(tokens[j - 1].text, lang) or before in NOUN_OPENERS_EN

    def _verb_after_noun(self, tokens: list[Token], head: int, i: int, lang: str) -> bool:
        """Whether trigger i is an infinitive after a noun trigger («на переговорах ... будет настаивать»): a
        noun of meeting or conflict takes no infinitive object, so the infinitive is a predicate of its own."""
        if lang not in ("ru", "uk"):
            return False
        head_tags = self.lexicon.morph.readings(tokens[head].text.lower(), lang)
        own = self.lexicon.morph.readings(tokens[i].text.lower(), lang)
        return (
            bool(head_tags) and "NOUN" in head_tags[0].tags
            and bool(own) and bool(INFINITIVE_TAGS & own[0].tags)
        )

    def noun(self, word: str, lang: str) -> bool:
        """Whether a trigger word is a noun (or an infinitive, which a support verb carries the same way)."""
        if lang == "en":
            return word.lower().endswith(("tion", "ment", "ance", "ence", "ship", "ity", "ies", "ism", "ing"))
        readings = self.lexicon.morph.readings(word.lower(), lang)
        if any("PRTS" in r.tags for r in readings):
            return False  # «экстрадирован»: a short passive participle, though the dictionary guesses a noun first
        return bool(readings) and bool(({"NOUN"} | INFINITIVE_TAGS) & readings[0].tags)


def _time_or_purpose(tokens: list[Token], k: int, lang: str) -> bool:
    """Whether token k opens a time or a purpose («до вторгнення», «для укрепления»); a governed «до» opens
    neither («готовий до компромісу»)."""
    word = tokens[k].text.lower()
    if word not in TEMPORAL | PURPOSE:
        return False
    if word not in GOVERNED_TEMPORAL[lang] or k == 0:
        return True
    before = tokens[k - 1].text
    return before in CLAUSE_BREAKS or before.lower() in TEMPORAL_LEAD[lang]


def _phrase(
    lemmas_wanted: tuple[str, ...], words: list[int], lemmas: Lemmas, n: int, index: Mapping[str, object]
) -> int | None:
    """Token index just after the phrase starting at words[n], or None if it is not there. A preposition of the
    phrase is not looked for past a word that opens a trigger of its own (`index`): in «осудил нападение на
    посольство» the «на» is the attack's, not «осудить на» (to sentence to)."""
    pos, last = n, words[n]
    for wanted in lemmas_wanted[1:]:
        # «на совместной с Путиным пресс-конференции»: a partner's phrase may stand inside the phrase
        # "coordinates in intelligence and military affairs with Egypt": adverbials may come before a closing «с»
        inserted = (pos + 1 < len(words) and lemmas[words[pos + 1]] in PARTNERS) or wanted in PARTNERS
        allowed, between, step = (INSERTED if inserted else GAP), 0, 1
        while True:
            if pos + step >= len(words):
                return None
            lemma = lemmas[words[pos + step]]
            if lemma == wanted:
                pos += step
                last = words[pos]
                break
            if wanted in PREPOSITIONS and lemma in index:
                return None
            # "lifted Friday a day-old blockade": articles, determiners and days do not count towards the gap
            between += lemma not in FILLERS
            if between > allowed:
                return None
            step += 1
    return last + 1


WITHHELD_SPAN = 5  # words after "declined to" in which what is withheld stands ("to offer his own figure")


def withholds(tokens: list[Token], trigger: Trigger, j: int, withheld: set[str]) -> bool:
    """Whether a refusal "to" ending at token j withholds information from a reporter ("declined to offer his own
    figure for layoffs", "declining to go into specifics"): a word of `withheld` within `WITHHELD_SPAN` words."""
    if trigger.lemmas[-1] != "to":
        return False
    return any(tokens[k].text.lower() in withheld for k in range(j, min(len(tokens), j + WITHHELD_SPAN)))


def asked_to_answer(
    lemmas: Lemmas, j: int, answering: set[str], i: int = 0, fronted: frozenset[str] = frozenset()
) -> bool:
    """Whether a request at tokens ..j asks someone to comment or answer («Трампа попросили уточнити його
    позицію», "asked him to comment"): a reporter's question, not a demand between parties. A word of `fronted`
    («комментарий») before the trigger's first token i in its clause counts too («От комментариев по поводу
    покупки представители Facebook отказались»)."""
    tokens = lemmas.tokens
    after = range(j, min(len(tokens), j + ANSWER_SPAN))
    start = max((k + 1 for k in range(i) if tokens[k].text in CLAUSE_BREAKS), default=0)
    return any(lemmas.get(k) in answering for k in after) or any(lemmas.get(k) in fronted for k in range(start, i))


PROMISED_GAP = 1  # words between a promise and the act it promises («пообещал немедленно ввести», "vowed to forcibly")


def _promised(tokens: list[Token], end: int, i: int, infinitive: Callable[[str], bool]) -> bool:
    """Whether the trigger at token i is what the promise ending at token `end` promises: right after it, or
    after its "to", an adverb between at most («пообещал ввести санкции», «пообещал введение санкций», "promised to
    deport", "promised to forcibly deport"), not the object of another verb or a word further on ("promised to
    debut new attacks", «пообещало отпустить задержанных», "his promises and rallies")."""
    k = end + 1 if end < len(tokens) and tokens[end].text.lower() == "to" else end
    between = [t.text for t in tokens[k:i] if t.is_word]  # a quote mark does not count: "promising to "carpet bomb""
    return 0 <= len(between) <= PROMISED_GAP and i >= k and not any(w.lower() in AND or infinitive(w) for w in between)


AND = frozenset({"and", "и", "і", "й", "та", "or", "или", "або"})
