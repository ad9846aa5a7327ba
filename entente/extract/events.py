"""The PLOVER event coder: triggers from per-language lexicons, arguments from grammar, then negation,
modality, date, location and context, with the sentence as evidence.

One event per (type, actor, recipient, sentence). Nothing a sentence says is dropped: an event the
text denies is kept with `negated` true, a planned one with `modality` "future".

Here: the sentence loop, the triggers, and who takes part in each event. Beside it: the sentence value
the rules share (event_sentence.py), the roles around a trigger (event_args.py), a host receiving a
visitor (event_hosting.py), negation, modality and promises (event_modality.py), demands and
evaluations read over the whole sentence (event_statements.py), whom a pronoun stands for
(event_reference.py), denials of guilt and their accusers (event_charges.py), and which event is a sentence's
main one or only what another alleges (event_rank.py).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace

from entente.extract import event_frame
from entente.extract.event_args import AUXILIARIES, Heads, Roles, Slot, assign, clause_id, passive_en
from entente.extract.event_charges import CHARGES, about_charges, answer_charges, denied_guilt
from entente.extract.event_clause import Clause, phrase_head, read
from entente.extract.event_grammar import GOVERNED_TEMPORAL, PLACE, PURPOSE, TEMPORAL, TEMPORAL_LEAD, everywhere
from entente.extract.event_hosting import as_visit, drop_hosted, hosted_guests
from entente.extract.event_lexicon import Lexicon, Trigger
from entente.extract.event_modality import drop_promised, framing, historical
from entente.extract.event_rank import ALLEGING, demote_content, drop_alleged, nested
from entente.extract.event_reference import (
    antecedent,
    first_person,
    of_gender,
    pronoun_before,
    pronoun_subject,
    singular_pronoun,
)
from entente.extract.event_sentence import (
    CLAUSE_BREAKS,
    PARTICIPANTS,
    Key,
    Lemmas,
    Sentence,
    has_phrase,
    sentence_slots,
)
from entente.extract.event_statements import THAT, demand, evaluation, naming, obligation, reported, reporter
from entente.extract.event_voice import (
    AGENTIVE,
    UNDERGONE,
    attributive_uk,
    figurative,
    genitive_agent_uk,
    in_name,
    interview,
    not_subjects,
    passive_uk,
    refused_party,
    undergone,
    voice_uk,
    with_agent,
)
from entente.models import Actor, Analysis, Event, Quote
from entente.nlp.sentences import sentences
from entente.nlp.syntax import Syntax, Tree
from entente.nlp.tokens import Token, tokenize
from entente.nlp.when import When, nearest

_WORD = re.compile(r"\w+")
PARTNERS = everywhere("partner")
# words that do not count towards a phrase trigger's gap: English articles and determiners, days
FILLERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "all", "some",
                     "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                     "sunday"})
OBJECT_SPAN = 8  # tokens after a trigger in which a noun trigger is its object
CONFLICT = frozenset({"SANCTION", "ASSAULT", "MOBILIZE", "COERCE", "THREATEN", "PROTEST"})
BETWEEN_COUNTRIES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT"})
# types whose place («в Иране», «до Росії») is also whom they concern when no one else is named
PLACED = frozenset({"CONSULT", "AID", "SANCTION", "ASSAULT"})
DOMESTIC = frozenset({"PROTEST", "COERCE", "CONCEDE"})
MOVED = frozenset({"MOBILIZE", "RETREAT"})  # types whose phrase object is the actor's own forces or arms
POLICED = frozenset({"arrest", "seize"})  # coercion done where it happens by that state's authorities
CHARGED = frozenset({"ACCUSE"})  # «которого обвиняют в ... в США»: with no accuser named, the state where it is charged
OWN_PEOPLE_SPAN = 4  # words after a verb trigger in which its object stands («призвала центристскую оппозицию»)
INSERTED = 6  # words a phrase trigger may have between its words when they open with «с», «з», "with"
GAP = 2  # words a phrase trigger may have between its words ("подписали важное соглашение")
# a pointer to another page: «Подробнее о ... читайте», «Детальніше про ... дивіться», "for more, read ..."
POINTER_MORE = frozenset({"подробнее", "подробности", "детальнее", "детальніше", "докладніше", "подробиці"})
POINTER_READ = frozenset({"читайте", "смотрите", "дивіться", "слушайте", "слухайте"})
FRONTED_GAP = 4  # words between a fronted object and its verb («Відповідальність за акцію глава Cockpit покладає»)
GLOSS = 2  # words of a parenthesis that glosses a name («Цуг (Швейцарія)», "(Trump)") rather than adds an aside


# Not Ukrainian: natasha's parser is trained on Russian, and on Ukrainian it misreads even pronoun subjects
# («він зустрівся»: «він» the root); no Ukrainian parser ships in a wheel
PARSED = ("ru",)  # languages whose candidate sentences get a dependency tree (nlp/syntax.py)


@dataclass(frozen=True)
class Candidate:
    """A sentence that may hold an event, as the first pass leaves it for the parse and the second pass:
    `reset` whether a paragraph began since the last candidate, `statement` whether it is in or holds an
    attributed quote, `found` its triggers (trigger, first token, token after the last)."""

    start: int
    end: int
    text: str
    reset: bool
    quote: Quote | None
    statement: bool
    evaluative: bool
    tokens: list[Token]
    words: list[int]
    lemmas: Lemmas
    found: list[tuple[Trigger, int, int]]


class EventCoder:
    def __init__(
        self, lexicon: Lexicon, when: When, syntax: Syntax | None = None, parsed: tuple[str, ...] = PARSED
    ) -> None:
        self.lexicon, self.when = lexicon, when
        self.syntax = syntax or Syntax()
        self.parsed = parsed  # languages whose sentences with a trigger are parsed (none: grammar cues only)

    def _trees(self, lang: str, sentences: list[tuple[list[Token], list]]) -> list[Tree | None]:
        """Trees of the sentences that hold a trigger, parsed in one batch; None for the others."""
        if lang not in self.parsed:
            return [None] * len(sentences)
        wanted = [k for k, (_, found) in enumerate(sentences) if found]
        parsed = self.syntax.parse([[t.text for t in sentences[k][0]] for k in wanted])
        out: list[Tree | None] = [None] * len(sentences)
        for k, tree in zip(wanted, parsed, strict=True):
            out[k] = tree
        return out

    def code(self, a: Analysis) -> tuple[Event, ...]:
        lang = a.lang if a.lang in self.lexicon.triggers else "en"
        mentions = _mentions(a)
        refs = self.when.find(a.text, lang, a.published)
        pair = _main_pair(a.actors)
        out: dict[Key, Event] = {}
        previous: list[Actor] = []
        prefixes = self.lexicon.prefixes[lang]
        # the regular-expression tokenizer (the "en" path) keeps apostrophe words whole, as tokenize-uk does
        every = tokenize(a.text, "en")
        starts = [t.start for t in every]
        plans: list[Candidate] = []
        reset = False
        for start, end, text in sentences(a.text):
            reset = reset or "\n" in a.text[max(0, start - 2) : start]
            quote = next((q for q in a.quotes if q.start <= start < q.end or start <= q.start < end), None)
            statement = quote is not None and quote.speaker is not None and not quote.partial
            low = text.lower()
            found_words = _WORD.findall(low)
            evaluative = any(w in THAT for w in found_words) and any(
                w[:3] in prefixes["disapproval"] or w[:3] in prefixes["approval"] for w in found_words
            )  # «заявил, что ... неприемлемо»: words of judgement in reported speech
            if not statement and not evaluative and not any(
                w[:3] in prefixes["trigger"] or w[:3] in prefixes["naming"] for w in found_words
            ):
                continue  # no word can begin a trigger: skip the sentence before any lemmatizing
            if POINTER_MORE & set(found_words) and POINTER_READ & set(found_words):
                continue  # «Подробнее о ходе переговоров читайте в “Ъ”»: a pointer to another page, no report
            tokens = every[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            words = [k for k, t in enumerate(tokens) if t.is_word]
            lemmas = Lemmas(self.lexicon, tokens, words, lang)
            found = self._triggers(lang, words, lemmas)
            plans.append(Candidate(start, end, text, reset, quote, statement, evaluative, tokens, words, lemmas, found))
            reset = False
        trees = self._trees(lang, [(c.tokens, c.found) for c in plans])
        clause_words = self.lexicon.cues[lang].clause
        heads = Heads(frozenset(clause_words.get("agent_heads", ())), frozenset(clause_words.get("agent_between", ())))
        for c, tree in zip(plans, trees, strict=True):
            start, end, text, quote, statement, evaluative = c.start, c.end, c.text, c.quote, c.statement, c.evaluative
            tokens, words, lemmas, found = c.tokens, c.words, c.lemmas, c.found
            if c.reset:
                previous = []  # a new paragraph: the last actor does not carry over
            slots = sentence_slots(tokens, mentions, start, end) if any(t.host for t, _, _ in found) else []
            cues = self.lexicon.cues[lang]
            guests = hosted_guests(found, tokens, slots, lang, self.lexicon.morph, lemmas.get, cues)
            found = self._main(tokens, [f for f in found if not f[0].host or f[1] in guests], lang)
            found = [f for f in found if not in_name(tokens, f[1], f[2], mentions, start, end, lang)]
            if not found and not statement and not evaluative and not any(lemmas.could(k, "naming") for k in words):
                continue
            slots = slots or sentence_slots(tokens, mentions, start, end)
            outlets = {
                k
                for m_start, m_end, x in mentions
                if x.sector == "MED" and start <= m_start < end
                for k, t in enumerate(tokens)
                if m_start <= t.start < m_end
            }
            named = {k for s in slots for k in range(s.i, s.j)}  # «Ли Шанфу» is a name, not the particle «ли»
            marks = (
                {
                    name: {
                        k
                        for k in lemmas
                        if k not in named and lemmas.could(k, name) and has_phrase(getattr(cues, name), lemmas, k)
                    }
                    for name in ("future", "hypothetical", "reciprocal")
                }
                if found
                else {}
            )
            sentence = Sentence(a, lang, text, start, end, tokens, lemmas, slots, refs, cues, quote, marks)
            sentence = replace(sentence, two=bool(found) and self._names_two(sentence))
            hosted: list[Key] = []
            placed: list[tuple[Key, int]] = []  # this sentence's events and their trigger positions
            for trigger, i, j in found:
                if trigger.type == "CONSULT" and interview(tokens, j, outlets, lang):
                    continue  # «в беседе с Jyllands-Posten», "in a talk with CNN": an interview, not talks
                clause = None
                if tree is not None:
                    # «совместные учения»: the phrase's head word, not its first, says whether it is a noun
                    noun = self._noun(tokens[phrase_head(tree, i, j)].text, lang)
                    clause = read(tree, lemmas, i, j, noun, cues.clause)
                    if clause is None:
                        continue  # an event noun as a topic, a time or a modifier: no event
                # a mention inside a gapped phrase is an argument («предупредила Токио о последствиях»)
                matched = {k for k in range(i, j) if lemmas.get(k) in trigger.lemmas}
                roles = assign(
                    tokens,
                    [
                        s
                        for s in slots
                        if not any(s.i <= k < s.j for k in matched)
                        and _same_voice(s, i, tokens, quote)
                        and _aside(tokens, s.i) == _aside(tokens, i)
                    ],
                    (i, j),
                    lang,
                    self.lexicon.morph,
                    trigger.mode == "visit",
                    heads,
                )
                if trigger.host:  # «Путин принял Ли Шанфу»: the visitor is the actor, the host the recipient
                    roles = as_visit(roles, guests[i])
                elif clause is not None and clause.agents and not clause.patients and trigger.type in UNDERGONE:
                    # «арест канадца»: the Canadian is arrested
                    roles = undergone(roles, slots, clause.agents, trigger.type)
                elif clause is not None and clause.patients and trigger.type in MOVED and len(trigger.lemmas) > 1:
                    # «войска России переброшены», «оружие было сложено»: the forces or arms moved are the actor's own
                    roles = with_agent(roles, slots, clause.owners, (), True)
                elif clause is not None and (clause.agents or clause.patients or clause.passive):
                    roles = with_agent(roles, slots, clause.agents, clause.patients, clause.passive)
                elif clause is not None and clause.subjects:
                    # the tree's subject phrase names the actor, or no one (a pronoun, a common noun): a mention
                    # elsewhere that case alone made a subject («... против действий президента Лукашенко») is not
                    subjects = [s for s in slots if s.actor.type != "location"]
                    roles = with_agent(roles, subjects, clause.subjects, (), passive=True)
                elif clause is not None and clause.objects:
                    roles = not_subjects(roles, slots, clause.objects)
                elif clause is None and lang == "uk" and passive_uk(tokens[i].text, self.lexicon.morph):
                    roles = voice_uk(roles, tokens, slots, self.lexicon.morph)
                elif (
                    clause is None
                    and lang == "uk"
                    and trigger.type in AGENTIVE
                    and self._noun(tokens[j - 1].text, lang)  # a phrase trigger ends with its noun
                ):
                    roles = genitive_agent_uk(roles, tokens, slots, j, self.lexicon.morph)
                if (
                    clause is not None
                    and clause.how == "presupposed"
                    and trigger.type == "COERCE"
                    and trigger.mode in POLICED
                    and not clause.agents
                ):
                    # «После ареста Саипов заявил ...»: who speaks after an arrest is the one arrested
                    roles.objects = roles.subjects + [x for x in roles.objects if x not in roles.subjects]
                    roles.subjects = []
                if (
                    clause is not None
                    and clause.how.startswith("mentioned")
                    and trigger.type in CONFLICT
                    and not (clause.agents and trigger.type not in UNDERGONE)  # a genitive doer of its own
                ):
                    # «полиция подтвердила сообщения об убийстве», «Маас назвал введение санкций неправильным»: who
                    # speaks of an attack or a sanction merely mentioned is not who does it
                    roles.subjects = []
                if clause is not None and trigger.type == "REJECT" and clause.complement:
                    roles = refused_party(roles, slots, clause.complement)
                # the actor of the sentence before stands in only for a pronoun subject («Він також поклав
                # відповідальність ...»), as the tree's subject rule does for Russian: a noun with no party of its
                # own («заборона на експорт», "tariffs") is not the last actor's act
                pronoun = clause.pronoun if clause is not None else pronoun_subject(tokens, i, lang)
                if pronoun and singular_pronoun(tokens, i, lang):
                    # «він», «она»: the person named last before the sentence (over a bench sample, right more often
                    # than the last event's actor, EVALUATION.md), of the pronoun's gender where the name says it
                    # («Алла ... Виктор. Она ...»: Alla)
                    before = antecedent(mentions, start) or [x for x in previous if x.type == "person"]
                    before = of_gender(before, pronoun_before(tokens, i, lang), mentions, start)
                else:
                    before = (previous or antecedent(mentions, start)) if pronoun else []
                event = self._event(sentence, trigger, i, j, roles, pair, before, clause)
                if event is None:
                    continue
                event = demand(sentence, i, event, self.lexicon.morph)
                key = (event.type, event.actor, event.recipient, start)
                if key not in out:
                    out[key] = event
                    hosted += [key] if trigger.host else []
                    placed.append((key, i))
                if event.actor:
                    previous = [x for x in a.actors if x.id in event.actor]
                    if trigger.host and roles.objects:
                        previous = roles.objects  # the sentence is about its subject, the host
            demote_content(out, placed)
            drop_alleged(out, placed, sentence, [i for trigger, i, _ in found if trigger.type in ALLEGING])
            drop_promised(out, start)
            drop_hosted(out, hosted)
            if statement and quote is not None:
                speaker = next((x for x in a.actors if x.id == quote.speaker), None)
                said = evaluation(sentence, speaker, (quote.start, quote.end))
                required = obligation(sentence, speaker, (quote.start, quote.end))
            else:
                said, required = naming(sentence, self.lexicon.morph), None
                if said is None and evaluative:
                    said = reported(sentence, self.lexicon.morph)
            for spoken in (said, required):
                if spoken is not None and not any(k[0] == spoken.type and k[3] == start for k in out):
                    out[(spoken.type, spoken.actor, spoken.recipient, start)] = spoken
        return tuple(answer_charges(list(out.values()), a.actors))

    def _triggers(self, lang: str, words: list[int], lemmas: Lemmas) -> list[tuple[Trigger, int, int]]:
        found: list[tuple[Trigger, int, int]] = []
        taken: set[int] = set()
        index = self.lexicon.triggers.get(lang, {})
        for n, k in enumerate(words):
            if k in taken:
                continue
            if not lemmas.could(k, "trigger"):
                continue
            candidates = index.get(lemmas[k], ())
            if candidates and lang == "uk" and attributive_uk(lemmas, words, n, self.lexicon.morph):
                continue  # «проект, схвалений урядом», «схвалений кандидат»: a description, not a report
            for trigger in candidates:
                end = _phrase(trigger.lemmas, words, lemmas, n)
                if end is not None:
                    found.append((trigger, k, end))
                    taken.update(range(k, end))
                    break
            else:
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

    def _main(
        self, tokens: list[Token], found: list[tuple[Trigger, int, int]], lang: str
    ) -> list[tuple[Trigger, int, int]]:
        """Drop a noun trigger that is the object of an earlier trigger in the same clause: in «готов
        укреплять сотрудничество» or «обсудили сотрудничество» the cooperation is what was promised
        or discussed, not a second event; any trigger after a promise, a threat or a demand in its clause
        is what was promised, threatened or asked for ("called for sanctions against Nigeria")."""
        kept: list[tuple[Trigger, int, int]] = []
        for trigger, i, j in found:
            if self._noun(tokens[i].text, lang) and any(
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
                    or (self._noun(tokens[i].text, lang) and not self._verb_after_noun(tokens, head[1], i, lang))
                    or (head[0].host and trigger.type == "CONSULT")  # "hosted Putin for talks": one meeting
                )
                and not any(tokens[k].text in CLAUSE_BREAKS for k in range(head[2], i))
            ):
                continue
            kept.append((trigger, i, j))
        return kept

    def _addresses_own_people(self, sentence: Sentence, i: int, j: int) -> bool:
        """Whether a verb trigger's object, in the words after it, is a group or body that needs no country
        («оппозицию», «гражданам», «до громадян»): it is the actor's own. A noun trigger's genitive after it
        is its agent («требования оппозиции»), not addressed."""
        tokens, lemmas = sentence.tokens, sentence.lemmas
        groups = sentence.cues.clause.get("own_people", set())
        if not groups or self._noun(tokens[i].text, sentence.lang):
            return False
        for k in range(j, min(len(tokens), j + OWN_PEOPLE_SPAN)):
            if tokens[k].text in CLAUSE_BREAKS or any(s.i <= k < s.j for s in sentence.slots):
                return False  # a named party or another clause comes first
            if lemmas.get(k) in groups:
                return k == j or tokens[k - 1].text.lower() not in PLACE.get(sentence.lang, ())
        return False

    def _refusal(self, tokens: list[Token], i: int, lang: str, clause: Clause | None) -> bool:
        """Whether a denied concession at token i is someone refusing it: an active verb («не сдастся», "did not
        apologize") or a noun its verb carries («не пошёл на уступки»), not a bare noun («не амнистия») or a
        passive ("are not allowed by law": a rule, not a refusal)."""
        if lang == "en" and passive_en(tokens, i):
            return False
        return not self._noun(tokens[i].text, lang) or (clause is not None and clause.how == "support")

    def _names_two(self, sentence: Sentence) -> bool:
        """Whether the sentence itself names two parties, the article's two main ones: «стороны», «обе страны»,
        "both sides", a bare «лидеры провели»; «совместный», «взаимный», "joint" speak of two parties without
        naming them, «со стороны», «с его стороны» of one."""
        tokens, lemmas = sentence.tokens, sentence.lemmas
        both = sentence.cues.clause.get("both", set())
        return (
            any(lemmas.get(k) in both for k in sentence.marks.get("reciprocal", ()))
            or any(
                tokens[k].text.lower() in sentence.cues.forms
                and not any(tokens[n].text.lower() in ("с", "со", "з", "із") for n in range(max(0, k - 2), k))
                for k in lemmas
            )
            or self._bare_leaders(sentence)
        )

    def _bare_leaders(self, sentence: Sentence) -> bool:
        """Whether the sentence's subject is a bare plural «лидеры», "the leaders": a word of `leaders` with a verb
        right after it and no modifier before it («лидеры провели встречу»; not «лидеры ЕС», "world leaders")."""
        words = sentence.cues.clause.get("leaders", set())
        tokens, lang, morph = sentence.tokens, sentence.lang, self.lexicon.morph
        for k, t in enumerate(tokens[:-1]):
            if t.text.lower() not in words:
                continue
            after = tokens[k + 1].text.lower()
            before = tokens[k - 1].text.lower() if k > 0 else ""
            if lang == "en":
                if before in ("the", "two", "both", "") and (after in AUXILIARIES or after.endswith("ed")):
                    return True
            elif morph.has(after, lang, "VERB") and not (before and morph.has(before, lang, "ADJF")):
                return True
        return False

    def _verb_after_noun(self, tokens: list[Token], head: int, i: int, lang: str) -> bool:
        """Whether trigger i is an infinitive after a noun trigger («на переговорах ... будет настаивать»): a
        noun of meeting or conflict takes no infinitive object, so the infinitive is a predicate of its own."""
        if lang not in ("ru", "uk"):
            return False
        head_tags = self.lexicon.morph.readings(tokens[head].text.lower(), lang)
        own = self.lexicon.morph.readings(tokens[i].text.lower(), lang)
        return (
            bool(head_tags) and bool({"NOUN", "noun"} & head_tags[0].tags)
            and bool(own) and bool({"INFN", "inf"} & own[0].tags)
        )

    def _noun(self, word: str, lang: str) -> bool:
        if lang == "en":
            return word.lower().endswith(("tion", "ment", "ance", "ence", "ship", "ity", "ies", "ism", "ing"))
        readings = self.lexicon.morph.readings(word.lower(), lang)
        if any("PRTS" in r.tags for r in readings):
            return False  # «экстрадирован»: a short passive participle, though the dictionary guesses a noun first
        return bool(readings) and bool({"NOUN", "noun", "INFN", "inf"} & readings[0].tags)

    def _event(
        self,
        sentence: Sentence,
        trigger: Trigger,
        i: int,
        j: int,
        roles: Roles,
        pair: list[Actor],
        previous: list[Actor],
        clause: Clause | None = None,
    ) -> Event | None:
        """The event of `trigger` at tokens i..j, or None when the sentence names no one taking part.
        `pair`: the article's two main countries; `previous`: the actor of the sentence before; `clause`:
        how the sentence's tree holds the trigger, when the sentence was parsed."""
        if clause is not None and not clause.pronoun:
            previous = []  # a side the clause does not fill stays empty, unless a pronoun stands for it
        parties = self._parties(sentence, trigger, i, roles, pair, previous)
        if parties is None:
            return None
        actor, recipient, source = parties
        if clause is not None and _interview(sentence, trigger, clause, roles.partners):
            return None
        a, start, end, tokens = sentence.a, sentence.start, sentence.end, sentence.tokens
        base = _commercial(sentence, trigger) or trigger.type
        to_come = sentence.cues.clause.get("to_come", set())
        after = (
            clause.predicate
            if clause is not None
            and clause.predicate > i
            and (clause.how == "support" or sentence.lemmas.get(clause.predicate) in to_come)
            else None
        )
        kind, negated, modality = framing(sentence, base, i, self.lexicon.morph, after)
        rule = f"{trigger.type.lower()}:{'+'.join(trigger.lemmas)}" + (" commercial" if base != trigger.type else "")
        if clause is not None:
            rule += f" {clause.how}"
        if source:
            rule += f" from:{source}"
        if clause is not None:
            if clause.negated_by:
                negated = True
                rule += f" negated-by:{clause.negated_by}"
            if clause.condition:
                modality = "hypothetical" if modality == "asserted" else modality
                rule += f" if:{clause.condition}"
        elif sentence.lang in ("uk", "en"):
            # no parse: the noun's own clause says whether it happened («зустріч скасували», "the talks collapsed";
            # an accusation or a lawsuit was made even when it is rejected: «суд відмовив у задоволенні позову»),
            # and a verb of doubt or denial whether its «що» / "that" clause did («заперечує, що атакувала»)
            words = sentence.cues.clause
            word = event_frame.denied(tokens, sentence.lemmas.get, i, words)
            if not word and trigger.type != "ACCUSE":
                word = event_frame.failed(tokens, sentence.lemmas.get, i, j, words, self.lexicon.morph, sentence.lang)
            if word:
                negated = True
                rule += f" negated-by:{word}"
        guilt = sentence.cues.clause.get("guilt", set())
        mode = trigger.mode if kind == trigger.type else None
        ids = tuple(x.id for x in actor)
        failed = clause is not None and clause.negated_by in sentence.cues.clause.get("failure", set())
        if kind == "CONCEDE" and negated and not failed and ids and self._refusal(tokens, i, sentence.lang, clause):
            # a concession refused is a rejection (REJECT yield): «не признал себя виновным» denies the charges,
            # "would not meet the demands" rejects them; one that fell through («отказался признать»,
            # already a REJECT of its own) stays negated
            guilty = denied_guilt(trigger.lemmas, guilt)
            kind, negated, mode = "REJECT", False, None if guilty else "yield"
            rule += " denied-guilt" if guilty else " refused"
        if kind == "REJECT" and not negated and about_charges(tokens, sentence.lemmas, i, j, guilt):
            rule += CHARGES
        contexts = list(trigger.context)
        for k in sentence.lemmas:
            c = sentence.cues.contexts.get(sentence.lemmas[k])
            if c and c not in contexts:
                contexts.append(c)
        if kind == "ASSAULT" and figurative(sentence, trigger, contexts):
            places = any(x.type in ("country", "location") for x in actor + recipient)
            if trigger.lemmas[0] in ("attack", "assault") and recipient and all(x.type == "person" for x in recipient):
                # "Trump's attacks on Curiel", "attacked Rubio for not answering": criticism (PLOVER ACCUSE)
                kind, mode, rule = "ACCUSE", "disapprove", rule + " figurative"
            elif trigger.lemmas[0] not in ("attack", "assault") and not places:
                return None  # "the nomination battle", "a tough fight", "a live shot": no violence, no place
            # "the attacks in Paris", "the September 11th attack": an attack on a place stays one
        refs = sentence.refs
        if clause is not None:  # a time named in another clause of the sentence is that clause's
            refs = [r for r in refs if _token_at(tokens, r.start) in clause.scope]
        ref = nearest(refs, tokens[i].start, start, end)
        date = ref.date if ref else None
        place = next((p.id for p in roles.places if p.type == "location"), None)
        own = {x.country for x in actor if x.country}
        if kind in DOMESTIC and not any(x.country for x in recipient) and len(own) == 1:
            # protests, curfews, concessions with no one else named concern the actor's own country
            home = next((x for x in a.actors if x.type == "country" and x.id in own), None)
            recipient = recipient + [home] if home is not None else recipient
        # «Китай ... с Россией»: the partner of cooperation is another country, but a person of the actor's own
        # country may be one («Премьер поблагодарила министра»); a government may coerce, concede to or accuse
        # its own people, so other types keep a recipient of the same country
        rec = tuple(
            x.id
            for x in recipient
            if (x.id not in ids or kind in DOMESTIC)
            and not (
                kind in BETWEEN_COUNTRIES
                and x.country
                and x.country in own
                and (x.type != "person" or trigger.mode == "visit")  # a visit goes abroad: not to a compatriot
            )
        )
        if not rec and len(own) == 1 and self._addresses_own_people(sentence, i, j):
            # «Шидло призвала оппозицию», «звернувся до громадян»: a body or group of the actor's own country
            home = next((x for x in a.actors if x.type == "country" and x.id in own), None)
            rec = (home.id,) if home is not None else rec
        confidence = 0.4 + 0.3 * bool(roles.subjects) + 0.2 * bool(rec) + 0.1 * (j - i > 1)
        if nested(sentence, i, clause):
            confidence -= 0.3  # the content of another event («accused of attacking»), not the sentence's own
        confidence = round(max(0.1, confidence), 2)
        digest = hashlib.sha1(f"{a.id}:{start}:{kind}:{ids}:{rec}".encode()).hexdigest()[:16]
        return Event(
            digest,
            kind,
            mode,
            tuple(contexts),
            ids,
            rec,
            date,
            place,
            negated,
            modality,
            a.text[tokens[i].start : tokens[j - 1].end],
            sentence.text,
            start,
            end,
            confidence,
            historical(date, a.published),
            rule,
        )

    def _parties(
        self,
        sentence: Sentence,
        trigger: Trigger,
        i: int,
        roles: Roles,
        pair: list[Actor],
        previous: list[Actor],
    ) -> tuple[list[Actor], list[Actor], str] | None:
        """The actor and recipient of the trigger at token i, from its grammatical roles, the speaker of
        the quote it is in, and the sentence before, and where a side outside the clause came from (`speaker`,
        `pair`, `state`, `reporter`, `previous`, or ""); None when the event is background or has no party."""
        tokens, lemmas, quote, marks = sentence.tokens, sentence.lemmas, sentence.quote, sentence.marks
        actor, recipient = list(roles.subjects), list(roles.objects)
        how = ""  # where a side not in the clause came from, for the rule
        inside = quote is not None and quote.start <= tokens[i].start < quote.end
        both_sides = bool(marks["reciprocal"]) and not actor  # «стороны должны ...»: not the speaker alone
        if (
            inside
            and quote is not None
            and quote.speaker
            and not both_sides
            and first_person(tokens, i, lemmas, sentence.lang, self.lexicon.morph)
        ):
            # «мы подпишем», «я встречусь», "I meet": the speaker acts; «переговорщики требуют», "the world
            # applauded" inside the quote are someone else, named or not
            speaker = next((x for x in sentence.a.actors if x.id == quote.speaker), None)
            # an outlet that quotes a document reports what it says; it is no party to it
            if speaker and speaker.sector != "MED":
                actor, how = [speaker], "speaker"
        mutual = not trigger.host and sentence.two  # the two parties the sentence names: the article's main pair
        reciprocal = not trigger.host and (trigger.reciprocal or bool(marks["reciprocal"]) or mutual)
        if reciprocal and len(actor) > 1 and not roles.partners and not recipient:
            actor, recipient = actor[:1], actor[1:]
        recipient += [p for p in roles.partners if p not in recipient]
        if (trigger.mode == "visit" and not (trigger.host and recipient)) or (trigger.type in PLACED and not recipient):
            # a visit's destination is its host (unless named: «Путин принял в Москве ...»); talks held in
            # another country are talks with it
            recipient += [p for p in roles.places if p not in recipient]
        if mutual and actor and not recipient and len(pair) == 2:
            # «стороны будут поддерживать друг друга»: the other side is the article's other main party
            own_countries = {x.country for x in actor}
            recipient = [p for p in pair if p.country not in own_countries][:1]
            how = "pair" if recipient else how
        if (
            trigger.type in CONFLICT
            and len(trigger.lemmas) == 1
            and not roles.subjects
            and self._noun(tokens[i].text, sentence.lang)
        ):
            return None  # a bare «санкции», «учения», «вторжение» with no one doing it: background, not a report
        if not actor and roles.relative:
            return None  # «западных стран, которые требуют»: done by someone the article does not name as an actor
        if not actor and ((trigger.type == "COERCE" and trigger.mode in POLICED) or trigger.type in CHARGED):
            # «был арестован в Бангкоке»: with no one named, an arrest or seizure is the act of the place's state
            places = [p for p in roles.places if any(s.actor is p and clause_id(tokens, s.i) == clause_id(tokens, i)
                                                     for s in sentence.slots)]
            actor = _states(sentence.a.actors, places)
            how = "state" if actor else how
            recipient = [x for x in recipient if x not in actor and x not in roles.places]
        if not actor and reciprocal:
            # «Мэй заявила, что переговоры продолжаются»: who reports talks or a deal with no party named is in it
            said, pronoun = reporter(sentence, i, self.lexicon.morph)
            actor = said or (antecedent(_mentions(sentence.a), sentence.start) if pronoun else [])
            how = "reporter" if actor else how
        if not actor and recipient and previous:
            actor, how = previous, "previous"  # «Он встретился с Си»: the subject left out is the one before
        if not actor and mutual and len(pair) == 2:
            # «стороны договорились»: the two parties the sentence speaks of are the article's two main ones; a
            # meeting with no party named («переговоры продолжаются») names no one: guessing the article's two
            # countries was wrong for most such events over a bench-corpus sample (EVALUATION.md)
            actor, recipient, how = [pair[0]], [pair[1]], "pair"
        if not actor and previous:
            actor, how = previous, "previous"
        if not actor and not recipient:
            return None
        return actor, recipient, how


def _interview(sentence: Sentence, trigger: Trigger, clause: Clause, partners: list[Actor]) -> bool:
    """A conversation that only sets the scene of what someone says, with no state on the other side
    («говорит он в беседе с Jyllands-Posten»): an interview, not a meeting («на встрече с Си заявил» stays)."""
    return (
        trigger.type == "CONSULT"
        and clause.how == "presupposed"
        and sentence.lemmas.get(clause.head) in sentence.cues.clause.get("conversation", ())
        and sentence.lemmas.get(clause.predicate) in sentence.cues.speech
        and not any(x.country or x.sector in ("IGO", "GOV") for x in partners)
    )


def _same_voice(slot: Slot, i: int, tokens: list[Token], quote: Quote | None) -> bool:
    """Whether a mention can be an argument of the trigger at token i as far as quotation goes: inside a quoted
    statement only what the quote names is («"The United States supports efforts ...," Mr. Lew said at the
    talks in Diaoyutai»: neither Lew nor the guesthouse is supported); a quoted phrase («назвал "агрессией"»)
    is part of the sentence around it."""
    if quote is None or quote.partial or not quote.start <= tokens[i].start < quote.end:
        return True
    return quote.start <= tokens[slot.i].start < quote.end


def _aside(tokens: list[Token], k: int) -> int:
    """The start of the parenthesis token k stands in, or -1: a mention in «(организация запрещена в России)»
    is no argument of an event outside it, nor the other way round. A parenthesis of one or two words is a gloss
    of what stands before it, not an aside."""
    depth, start = 0, -1
    for n in range(k - 1, -1, -1):
        if tokens[n].text == ")":
            depth += 1
        elif tokens[n].text == "(":
            if depth == 0:
                start = n
                break
            depth -= 1
    if start < 0:
        return -1
    closed = next((n for n in range(k + 1, len(tokens)) if tokens[n].text in ("(", ")")), None)
    if closed is None or tokens[closed].text != ")":
        return -1
    if sum(t.is_word for t in tokens[start + 1 : closed]) <= GLOSS:
        return -1  # «суд кантону Цуг (Швейцарія)», "this guy (Trump)": a gloss names what stands before it
    return start


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


def _commercial(sentence: Sentence, trigger: Trigger) -> str | None:
    """The type of a signing whose sentence names a firm or a sale, None for any other trigger: a contract
    («уклало угоду з ТОВ на постачання») begins an economic exchange, COOPERATE; an agreement to buy or sell
    («банк подписал соглашение о покупке акций») promises a deal, AGREE. A state's political signing is SUPPORT."""
    words = sentence.cues.clause
    if trigger.type != "SUPPORT" or trigger.lemmas[0].split()[0] not in words.get("signing", ()):
        return None
    lemmas, tokens = sentence.lemmas, sentence.tokens

    def named(wanted: set[str]) -> bool:
        return any(lemmas[k] in wanted or tokens[k].text.lower() in wanted for k in lemmas)

    if not named(words.get("commercial", set())):
        return None
    return "AGREE" if named(words.get("acquisition", set())) else "COOPERATE"


def _states(actors: tuple[Actor, ...], places: list[Actor]) -> list[Actor]:
    """The states of the places, as their country actors where the article has them."""
    countries = {x.country: x for x in actors if x.type == "country" and x.country}
    return list(dict.fromkeys(countries.get(p.country, p) for p in places if p.country))


def _token_at(tokens: list[Token], offset: int) -> int:
    """The index of the token at or just after character `offset`."""
    return bisect.bisect_left([t.start for t in tokens], offset)


def _mentions(a: Analysis) -> list[tuple[int, int, Actor]]:
    return sorted(((m.start, m.end, x) for x in a.actors for m in x.mentions), key=lambda m: m[0])


def _phrase(lemmas_wanted: tuple[str, ...], words: list[int], lemmas: Lemmas, n: int) -> int | None:
    """Token index just after the phrase starting at words[n], or None if it is not there."""
    pos, last = n, words[n]
    for wanted in lemmas_wanted[1:]:
        # «на совместной с Путиным пресс-конференции»: a partner's phrase may stand inside the phrase
        inserted = pos + 1 < len(words) and lemmas[words[pos + 1]] in PARTNERS
        allowed, between, step = (INSERTED if inserted else GAP), 0, 1
        while True:
            if pos + step >= len(words):
                return None
            lemma = lemmas[words[pos + step]]
            if lemma == wanted:
                pos += step
                last = words[pos]
                break
            # "lifted Friday a day-old blockade": articles, determiners and days do not count towards the gap
            between += lemma not in FILLERS
            if between > allowed:
                return None
            step += 1
    return last + 1


def _main_pair(actors: tuple[Actor, ...]) -> list[Actor]:
    """The two countries the article is most about, for «стороны» / "the two sides"."""
    counts: Counter[str] = Counter()
    for x in actors:
        if x.country and x.type in PARTICIPANTS:
            counts[x.country] += len(x.mentions)
    top = [c for c, _ in counts.most_common(2)]
    by_id = {x.id: x for x in actors}
    return [by_id[c] for c in top if c in by_id]
