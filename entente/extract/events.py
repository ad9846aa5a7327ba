"""The PLOVER event coder: triggers from per-language lexicons, arguments from grammar, then negation,
modality, date, location and context, with the sentence as evidence.

One event per (type, actor, recipient, sentence). Nothing a sentence says is dropped: an event the
text denies is kept with `negated` true, a planned one with `modality` "future".

Here: the sentence loop. Beside it: the event of one trigger once its roles are read (event_build.py), the
triggers (event_triggers.py), who takes part (event_parties.py), the sentence value the rules share
(event_sentence.py), the roles around a trigger (event_args.py), the Russian tree's clause (event_clause.py) and
the unparsed one's (event_frame.py), a host receiving a visitor (event_hosting.py), negation, modality and promises
(event_modality.py), demands and evaluations read over the whole sentence (event_statements.py), whom a pronoun
stands for (event_reference.py), denials of guilt and their accusers (event_charges.py), and which event is a
sentence's main one or only what another alleges (event_rank.py).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from entente.extract import event_frame
from entente.extract.event_args import Heads, passive_en
from entente.extract.event_build import WORD, EventMaker
from entente.extract.event_charges import answer_charges
from entente.extract.event_clause import analytic_future, charge, deep_mentions, other_clauses, phrase_head, read
from entente.extract.event_hosting import drop_hosted, hosted_guests
from entente.extract.event_lexicon import Lexicon, Trigger
from entente.extract.event_modality import COOPERATIVE, drop_promised, obliged, scheduled
from entente.extract.event_parties import (
    aside,
    attribution,
    employers,
    main_pair,
    mentions_of,
    names_two,
    nationality,
    related,
    same_voice,
)
from entente.extract.event_rank import ALLEGING, WANTING, demote_content, drop_alleged, drop_broader
from entente.extract.event_reference import (
    PLURAL_HE,
    antecedent,
    first_person,
    of_gender,
    pronoun_before,
    pronoun_subject,
    singular_pronoun,
)
from entente.extract.event_roles import trigger_roles
from entente.extract.event_senses import in_state, other_sense, political
from entente.extract.event_sentence import (
    Key,
    Lemmas,
    Sentence,
    has_phrase,
    sentence_slots,
    word_positions,
)
from entente.extract.event_statements import (
    THAT,
    demand,
    evaluation,
    naming,
    obligation,
    reported,
    reported_obligation,
    speaks_for,
)
from entente.extract.event_triggers import Triggers, asked_to_answer, withholds
from entente.extract.event_voice import (
    in_name,
    interview,
    monologue_en,
)
from entente.models import Actor, Analysis, Event, Quote
from entente.nlp.sentences import sentences
from entente.nlp.syntax import Syntax, Tree
from entente.nlp.tokens import Token, tokens_between
from entente.nlp.when import TimeRef, When

# a pointer to another page: «Подробнее о ... читайте», «Детальніше про ... дивіться», "for more, read ..."
POINTER_MORE = frozenset({"подробнее", "подробности", "детальнее", "детальніше", "докладніше", "подробиці"})
POINTER_READ = frozenset({"читайте", "смотрите", "дивіться", "слушайте", "слухайте"})
POINTER_ALSO = [["читайте", "также"], ["читайте", "також"], ["смотрите", "также"], ["дивіться", "також"],
                ["read", "also"], ["see", "also"], ["read", "more"]]  # the words a teaser of another page opens with


# Not Ukrainian: natasha's parser is trained on Russian, and on Ukrainian it misreads even pronoun subjects
# («він зустрівся»: «він» the root); no Ukrainian parser ships in a wheel
PARSED = ("ru",)  # languages whose candidate sentences get a dependency tree (nlp/syntax.py)


class Candidate(NamedTuple):
    """A sentence that may hold an event, as the first pass leaves it for the parse and the second pass:
    `reset` whether a paragraph began since the last candidate, `statement` whether it is in or holds an
    attributed quote, `found` its triggers (trigger, first token, token after the last). (A named tuple: every
    sentence but a few is one, and a tuple is made in one step.)"""

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


class Context(NamedTuple):
    """What every sentence of an article shares: its mentions (start, end, actor), dates, main pair of countries,
    the nouns whose genitive acts, and the spans of the outlets it names."""

    mentions: list[tuple[int, int, Actor]]
    refs: list[TimeRef]
    pair: list[Actor]
    heads: Heads
    media: list[tuple[int, int]]


class EventCoder:
    def __init__(
        self, lexicon: Lexicon, when: When, syntax: Syntax | None = None, parsed: tuple[str, ...] = PARSED
    ) -> None:
        self.lexicon, self.when = lexicon, when
        self.triggers = Triggers(lexicon)
        self.maker = EventMaker(lexicon, self.triggers)
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
        mentions = mentions_of(a)
        refs = self.when.find(a.text, lang, a.published)
        pair = main_pair(a.actors)
        out: dict[Key, Event] = {}
        previous: list[Actor] = []
        prefixes = self.lexicon.prefixes[lang]
        # the regular-expression tokenizer (not tokenize-uk) for every language: it keeps apostrophe words whole, as
        # tokenize-uk does; its English rule for a final dot only for English («ім.», «г.» keep theirs). A sentence
        # begins and ends between tokens, so its own tokens are the whole text's there: only a candidate's are made
        plans: list[Candidate] = []
        reset = False
        for start, end, text in sentences(a.text):
            reset = reset or "\n" in a.text[max(0, start - 2) : start]
            quote = next((q for q in a.quotes if q.start <= start < q.end or start <= q.start < end), None)
            statement = quote is not None and quote.speaker is not None and not quote.partial
            low = text.lower()
            found_words = WORD.findall(low)
            evaluative = not THAT.isdisjoint(found_words) and any(
                w[:3] in prefixes["disapproval"] or w[:3] in prefixes["approval"] for w in found_words
            )  # «заявил, что ... неприемлемо»: words of judgement in reported speech
            if not statement and not evaluative and not any(
                w[:3] in prefixes["trigger"] or w[:3] in prefixes["naming"] for w in found_words
            ):
                continue  # no word can begin a trigger: skip the sentence before any lemmatizing
            if _pointer(found_words):
                continue  # «Читайте також: ...», «Подробнее о ходе переговоров читайте в “Ъ”»: another page's teaser
            tokens = tokens_between(a.text, start, end, lang)
            words = word_positions(tokens)
            lemmas = Lemmas(self.lexicon, tokens, words, lang)
            found = self.triggers.find(lang, words, lemmas)
            plans.append(Candidate(start, end, text, reset, quote, statement, evaluative, tokens, words, lemmas, found))
            reset = False
        trees = self._trees(lang, [(c.tokens, c.found) for c in plans])
        clause_words = self.lexicon.cues[lang].clause
        heads = Heads(frozenset(clause_words.get("agent_heads", ())), frozenset(clause_words.get("agent_between", ())))
        media = [(m_start, m_end) for m_start, m_end, x in mentions if x.sector == "MED"]
        context = Context(mentions, refs, pair, heads, media)
        for c, tree in zip(plans, trees, strict=True):
            previous = self._sentence(a, lang, c, tree, context, previous, out)
        return tuple(answer_charges(list(out.values()), a.actors))

    def _sentence(
        self,
        a: Analysis,
        lang: str,
        c: Candidate,
        tree: Tree | None,
        context: Context,
        previous: list[Actor],
        out: dict[Key, Event],
    ) -> list[Actor]:
        """The events of one candidate sentence, added to `out`; returns the actor the next sentence's pronoun
        subject may stand for (`previous`, as it was or as this sentence leaves it)."""
        mentions, refs, pair, heads, media = context
        start, end, text, quote, statement, evaluative = c.start, c.end, c.text, c.quote, c.statement, c.evaluative
        tokens, lemmas, found = c.tokens, c.lemmas, c.found
        if c.reset:
            previous = []  # a new paragraph: the last actor does not carry over
        slots = sentence_slots(tokens, mentions, start, end) if any(t.host for t, _, _ in found) else []
        cues = self.lexicon.cues[lang]
        guests = hosted_guests(found, tokens, slots, lang, self.lexicon.morph, lemmas.get, cues)
        found = self.triggers.main(tokens, [f for f in found if not f[0].host or f[1] in guests], lang)
        found = [f for f in found if not in_name(tokens, f[1], f[2], mentions, start, end, lang)]
        if lang == "uk":  # no parse: a title or a topic in the words before an event noun
            words_uk = self.lexicon.cues[lang].clause
            found = [
                f
                for f in found
                if not (
                    # a noun, or a phrase that ends with one («гуманітарної допомоги»)
                    (self.triggers.noun(tokens[f[1]].text, lang) or self.triggers.noun(tokens[f[2] - 1].text, lang))
                    and event_frame.of_topic(tokens, lemmas.get, f[1], words_uk, self.lexicon.morph)
                )
            ]
        if not found and not statement and not evaluative and not lemmas.openers("naming"):
            return previous
        slots = slots or sentence_slots(tokens, mentions, start, end)
        outlets = {  # the tokens of the outlets named in the sentence
            k
            for m_start, m_end in media
            if start <= m_start < end
            for k in range(bisect.bisect_left(tokens, (m_start,)), bisect.bisect_left(tokens, (m_end,)))
        }
        named = {k for s in slots for k in range(s.i, s.j)}  # «Ли Шанфу» is a name, not the particle «ли»
        marks = (
            {
                name: {
                    k
                    for k in lemmas.openers(name)
                    if k not in named and has_phrase(getattr(cues, name), lemmas, k)
                }
                for name in ("future", "hypothetical", "reciprocal")
            }
            if found
            else {}
        )
        sentence = Sentence(a, lang, text, start, end, tokens, lemmas, slots, refs, cues, quote, marks)
        if found and names_two(sentence, self.lexicon.morph):
            sentence = replace(sentence, two=True)  # (made with two=False, as it stays in most sentences)
        hosted: list[Key] = []
        placed: list[tuple[Key, int]] = []  # this sentence's events and their trigger positions
        alleging: list[int] = []  # positions of the triggers of accusations in their sense of one
        wanted: list[int] = []  # positions of the triggers of demands and threats
        others = _noun_phrases(tree, c.found, tokens, lang, self.triggers.noun) if tree is not None else {}
        for trigger, i, j in found:
            # the phrase of another event noun holds that event's arguments: «поездка состоялась за неделю до
            # визита в Москву» — Moscow is the visit's, not the trip's
            own = others.get(i, set())  # only an event noun's: a verb's object may be a noun's phrase
            foreign = {k for x, phrase in others.items() if own and x != i and not own & phrase for k in phrase}
            # nor does an event noun inside its phrase: «расследование убийства Анаса Пшихачева» — he was killed, not
            # investigated
            if own and tree is not None:
                foreign |= _genitive_events(tree, phrase_head(tree, i, j), others)
            press = cues.clause.get("press", set())
            labor = cues.clause.get("labor", set())
            relations = cues.clause.get("relations", set()) | labor
            if trigger.type == "CONSULT" and interview(tokens, j, outlets, lang, lemmas.get, press):
                continue  # «в беседе с Jyllands-Posten», "in a talk with CNN": an interview, not talks
            if other_sense(trigger, tokens, lemmas, i, j, cues.clause) or in_state(
                tokens, lemmas, i, j, lang, self.lexicon.morph, cues.clause.get("state_noun", set())
            ):
                continue  # a poll's figure, an appeal to voters, a shared view, a campaign's rally, «в отставке»
            if trigger.type in ALLEGING:
                alleging.append(i)  # what it alleges is no event of its own, whether or not it names a party
            if trigger.type in WANTING:
                wanted.append(i)  # nor is the infinitive it governs («просит предоставить убежище»)
            if trigger.type == "REQUEST" and asked_to_answer(lemmas, j, cues.clause.get("answering", set())):
                continue  # «Трампа попросили уточнити позицію»: a reporter's question, not a demand
            comments = frozenset(cues.clause.get("comment", ()))
            silent = cues.clause.get("answering", set()) | cues.clause.get("withholding", set()) | comments
            if trigger.type == "REJECT" and (
                asked_to_answer(lemmas, j, silent, i, comments)
                or withholds(tokens, trigger, j, cues.clause.get("withheld", set()))
            ):
                continue  # «отказался назвать сроки», "declined to comment", "declined to offer his figure"
            clause = None
            if tree is not None:
                # «совместные учения»: the phrase's head word, not its first, says whether it is a noun
                head = phrase_head(tree, i, j)
                # «Россия будет поддерживать Китай»: the infinitive of a future tense is a verb, not a noun
                noun = self.triggers.noun(tokens[head].text, lang) and not analytic_future(tree, lemmas, head)
                clause = read(tree, lemmas, i, j, noun, cues.clause)
                if clause is None:
                    continue  # an event noun as a topic, a time or a modifier: no event
            # a mention inside a gapped phrase is an argument («предупредила Токио о последствиях»)
            matched = {k for k in range(i, j) if lemmas.get(k) in trigger.lemmas}
            # another predication's mentions are its own sides
            elsewhere = other_clauses(tree, clause.head) if tree is not None and clause is not None else frozenset()
            charged: frozenset[int] = frozenset()
            if tree is not None and clause is not None and clause.how == "verb" and trigger.type == "ACCUSE":
                # what it charges is no side, but a place in it is where (a charge's state, when no one is named)
                charged = charge(tree, lemmas, clause.head, cues.clause)
            # the mentions that can be this trigger's arguments, by grammar or by the tree: none from another
            # event noun's phrase, from outside a quoted statement it is in, or from a parenthetical aside (a
            # mention among the trigger's own words is the tree's to read: «Российские войска были выведены»)
            usable = [
                s
                for s in slots
                if not any(s.i <= k < s.j for k in foreign)
                and s.i not in elsewhere
                and (s.i not in charged or s.actor.type in ("location", "country"))
                and same_voice(s, i, tokens, quote)
                and aside(tokens, s.i) == aside(tokens, i)
                and attribution(tokens, s.i, lang) == attribution(tokens, i, lang)
                and not related(tokens, lemmas, s, relations, press)
                and not nationality(tokens, lemmas, slots, s)
            ]
            roles, received, governed = trigger_roles(
                self.lexicon,
                self.triggers,
                tokens,
                lemmas,
                trigger,
                (i, j),
                clause,
                usable,
                matched,
                guests,
                heads,
                cues.clause,
            )
            if tree is not None and clause is not None and clause.how == "verb" and roles.subjects and not trigger.host:
                # a mention the verb governs deep in its complement is not who does it
                deep = deep_mentions(tree, [t.text for t in tokens], clause.head, [(s.i, s.j) for s in usable])
                doers = {id(s.actor) for s in usable if s.i not in deep}
                roles.subjects = [x for x in roles.subjects if id(x) in doers]
            if trigger.type == "PROTEST" and not roles.objects:
                roles.objects = employers(sentence, labor)  # «забастовка пилотов Ryanair»: against Ryanair
            # the actor of the sentence before stands in only for a pronoun subject («Він також поклав
            # відповідальність ...»), as the tree's subject rule does for Russian: a noun with no party of its
            # own («заборона на експорт», "tariffs") is not the last actor's act
            pronoun = clause.pronoun if clause is not None else not governed and pronoun_subject(tokens, i, lang)
            if pronoun and singular_pronoun(tokens, i, lang):
                # «він», «она»: the person named last before the sentence (over a bench sample, right more often
                # than the last event's actor, EVALUATION.md), of the pronoun's gender where the name says it
                # («Алла ... Виктор. Она ...»: Alla)
                before = antecedent(mentions, start) or [x for x in previous if x.type == "person"]
                before = of_gender(before, pronoun_before(tokens, i, lang), mentions, start)
            elif pronoun and pronoun_before(tokens, i, lang) in PLURAL_HE:
                # «они», "they": a group, a state, several actors; never one person («Они ... обвинили ее»
                # after a sentence about Imran Khan is not Khan)
                before = previous if len(previous) > 1 or any(x.type != "person" for x in previous) else []
            else:
                before = (previous or antecedent(mentions, start)) if pronoun else []
            if (
                lang == "en"
                and trigger.type == "CONSULT"
                and not marks["reciprocal"]
                and monologue_en(
                    tokens,
                    lemmas.get,
                    i,
                    roles,
                    cues.clause.get("conversing", set()),
                    cues.clause.get("leaders", set()) | cues.clause.get("both", set()),
                )
            ):
                continue  # "Sanders was on CNN talking about what he does next": speaking of a topic, no meeting
            # «он был приговорён», «Он обвинён также в захвате сотрудников ООН»: a passive's pronoun subject
            passive_pronoun = (
                bool(before)
                and clause is not None
                # «мог быть приговорен»: a short passive participle under a modal
                and (clause.passive or self.lexicon.morph.has(tokens[i].text.lower(), lang, "PRTS"))
                and bool(pronoun_before(tokens, i, lang))  # «он», not «которая»: a relative clause names its own
            )
            done_to = bool(before) and (
                (clause is not None and clause.passive and bool(clause.patients))
                or passive_pronoun
                or received
                or (lang == "en" and passive_en(tokens, i))  # "he was arrested": done to the one before
            )
            if done_to and (not roles.objects or passive_pronoun):
                # «Он был оправдан», "he has strong support among ...": the pronoun of a passive, or of whom an
                # English noun is given, stands for whom it was done to (before any other object: the UN staff
                # of «обвинён в захвате сотрудников ООН» are the content's)
                roles.objects, before = [*before, *(x for x in roles.objects if x not in before)], []
            elif received:
                before = []  # "He cut into Obama's support": Obama gets it, and the pronoun does not give it
            event = self.maker.event(sentence, trigger, i, j, roles, pair, before, clause)
            if event is not None and done_to and not before and "from:" not in event.rule:
                event = replace(event, rule=event.rule + " from:previous")
            if event is None:
                continue
            if not political(trigger, event, a.actors, cues.clause):
                continue  # "providing a big audience for his views", "defended his record": no act between parties
            demanded = demand(sentence, i, event, self.lexicon.morph)
            duty = obliged(sentence, i, self.lexicon.morph) if demanded is event else None
            if duty is not None and (
                event.type not in COOPERATIVE | {"AGREE"}
                or not (
                    first_person(tokens, i, lang, self.lexicon.morph)
                    or scheduled(sentence, duty)
                    or speaks_for(sentence, i, event, self.lexicon.morph)
                )
            ):
                # «Россия должна прекратить поставки», "Japan needs to apologize", «угоду повинні схвалити
                # Європарламент і Вестмінстер»: a duty, not an act; «мы должны сотрудничать»: the speaker's own
                # commitment, as is what a speaker says his own side must do («Путин заявил, что Москва и Пекин
                # должны расширять сотрудничество»); «має відбутися саміт»: a meeting due (AGREE)
                continue
            event = demanded
            key = (event.type, event.actor, event.recipient, start)
            if key not in out:
                out[key] = event
                hosted += [key] if trigger.host else []
                placed.append((key, i))
            if event.actor and " from:state" not in event.rule:  # a state read off a place was never named
                previous = [x for x in a.actors if x.id in event.actor]
                if trigger.host and roles.objects:
                    previous = roles.objects  # the sentence is about its subject, the host
        demote_content(out, placed)
        drop_alleged(out, placed, sentence, alleging, wanted, self.lexicon.morph)
        drop_promised(out, start)
        drop_hosted(out, hosted)
        drop_broader(out, start)
        if statement and quote is not None:
            speaker = next((x for x in a.actors if x.id == quote.speaker), None)
            said = evaluation(sentence, speaker, (quote.start, quote.end))
            required = obligation(sentence, speaker, (quote.start, quote.end))
        else:
            said, required = naming(sentence, self.lexicon.morph), reported_obligation(sentence, self.lexicon.morph)
            if said is None and evaluative:
                said = reported(sentence, self.lexicon.morph)
        for spoken in (said, required):
            if spoken is not None and not any(k[0] == spoken.type and k[3] == start for k in out):
                out[(spoken.type, spoken.actor, spoken.recipient, start)] = spoken
        return previous

def _noun_phrases(
    tree: Tree, found: list[tuple[Trigger, int, int]], tokens: list[Token], lang: str, noun: Callable[[str, str], bool]
) -> dict[int, set[int]]:
    """The tree's phrase of each event noun among a sentence's triggers, by the trigger's first token."""
    out = {}
    for _, i, j in found:
        head = phrase_head(tree, i, j)
        if noun(tokens[head].text, lang):
            out[i] = set(tree.subtree(head))
    return out


def _genitive_events(tree: Tree, head: int, others: dict[int, set[int]]) -> set[int]:
    """The tokens of the phrases of the event nouns that are bare genitives of event noun `head` («расследование
    убийства Анаса Пшихачева»): their mentions are that event's sides."""
    out: set[int] = set()
    for phrase in others.values():
        top = next((k for k in phrase if tree.heads[k] not in phrase), -1)
        bare = not any(tree.rels[c] == "case" for c in tree.children(top))  # «между демонстрантами» is the sides'
        if top >= 0 and tree.heads[top] == head and tree.rels[top] == "nmod" and bare:
            out |= phrase
    return out


def _pointer(words: list[str]) -> bool:
    """Whether a sentence's lower-case words point to another page rather than report («Читайте також: ...»)."""
    return words[:2] in POINTER_ALSO or not (POINTER_MORE.isdisjoint(words) or POINTER_READ.isdisjoint(words))

