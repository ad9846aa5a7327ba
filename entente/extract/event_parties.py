"""Who takes part in an event: the actor and recipient a trigger's roles give, completed from where the text
says, and where a side outside the clause came from — the speaker of a first-person quote, the place's state for
an arrest or a charge with no one named, the reporter of talks, the person a pronoun stands for, the article's
two main countries for «стороны» / "both sides". Also which mentions can be a trigger's arguments at all (not
from outside its quote or inside an aside).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from entente.extract.event_args import AUXILIARIES, Roles, Slot, clause_id
from entente.extract.event_grammar import QUOTES
from entente.extract.event_lexicon import Trigger
from entente.extract.event_reference import antecedent, first_person
from entente.extract.event_sentence import CLAUSE_BREAKS, PARTICIPANTS, Lemmas, Sentence
from entente.extract.event_statements import reporter
from entente.extract.quote_lexicon import QuoteLexicon, fold
from entente.models import Actor, Analysis, Quote
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

CONFLICT = frozenset({"SANCTION", "ASSAULT", "MOBILIZE", "COERCE", "THREATEN", "PROTEST"})
# types whose place («в Иране», «до Росії») is also whom they concern when no one else is named (for talks, only
# when a side holds them abroad)
PLACED = frozenset({"AID", "SANCTION", "ASSAULT", "PROTEST"})
# types whose act in a country, when no one else is named, is done to it: "imposed a curfew in Cizre", "deployed
# troops in Lebanon", "threatened to impose a curfew in Algiers" (English; event_args.assign)
DONE_THERE = PLACED | {"COERCE", "MOBILIZE", "CONCEDE", "RETREAT", "THREATEN"}
# conflict whose doers are mostly left unnamed (crowds, strikers): a predicated noun reports it happened
UNNAMED_DOERS = frozenset({"PROTEST"})
POLICED = frozenset({"arrest", "seize"})  # coercion done where it happens by that state's authorities
CHARGED = frozenset({"ACCUSE"})  # «которого обвиняют в ... в США»: with no accuser named, the state where it is charged
SENTENCED = frozenset({"convict"})  # «был приговорён в Пенджабе»: with no court named, the state where it is sentenced
MUTUAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # what two sides do together
SENTENCE_OPENERS = frozenset({".", "!", "?", "«", '"', "—", "\n"})
DEMONYM_ENDS = ("ese", "ish", "ian", "an", "ic", "i")  # English adjectives of countries: Chinese, Turkish, Russian
RELATION_GAP = 3  # lower-case words between a relation noun and the mention it governs («адвокат христианки ...»)
GLOSS = 2  # words of a parenthesis that glosses a name («Цуг (Швейцарія)», "(Trump)") rather than adds an aside


def parties(
    sentence: Sentence,
    trigger: Trigger,
    i: int,
    roles: Roles,
    pair: list[Actor],
    previous: list[Actor],
    morph: Morph,
    noun: Callable[[str, str], bool],
    predicated: bool = False,
    end: int = 0,
    agentless: bool = False,
) -> tuple[list[Actor], list[Actor], str] | None:
    """The actor and recipient of the trigger at token i, from its grammatical roles, the speaker of
    the quote it is in, and the sentence before, and where a side outside the clause came from (`speaker`,
    `pair`, `state`, `reporter`, `previous`, or ""); None when the event is background or has no party.
    `pair`: the article's two main countries; `previous`: whom a pronoun subject stands for; `noun(word, lang)`:
    whether a trigger word is a noun; `predicated`: whether an event noun is its clause's predicate («провели
    забастовку», «протести тривають»), not a mention; `end`: the token after the trigger's phrase; `agentless`:
    whether its clause can name no doer (a passive, an impersonal form, no subject at all)."""
    tokens, quote, marks = sentence.tokens, sentence.quote, sentence.marks
    actor, recipient = list(roles.subjects), list(roles.objects)
    how = ""  # where a side not in the clause came from, for the rule
    inside = quote is not None and quote.start <= tokens[i].start < quote.end
    both_sides = bool(marks["reciprocal"]) and not actor  # «стороны должны ...»: not the speaker alone
    if (
        inside
        and quote is not None
        and quote.speaker
        and not both_sides
        and first_person(tokens, i, sentence.lang, morph)
    ):
        # «мы подпишем», «я встречусь», "I meet": the speaker acts; «переговорщики требуют», "the world
        # applauded" inside the quote are someone else, named or not
        speaker = next((x for x in sentence.a.actors if x.id == quote.speaker), None)
        # an outlet that quotes a document reports what it says; it is no party to it
        if speaker and speaker.sector != "MED" and sentence.lang == "en" and agentless:
            # "I was viciously attacked by Mr. Khan", "we were attacked": done to the speaker
            recipient, how = [speaker, *(x for x in recipient if x is not speaker)], "speaker"
            actor = [x for x in actor if x is not speaker]
        elif speaker and speaker.sector != "MED":
            actor, how = [speaker], "speaker"
    # the two parties the sentence names («стороны», "both sides"): the article's main pair, for what two sides do
    # together — talks, agreement, cooperation, an act its own words call joint («лидеры подписали совместное
    # заявление»); «обвинения в адрес обеих стран», "both sides of the debate" are not two parties accusing each other
    together = trigger.type in MUTUAL or any(i <= k < end for k in marks["reciprocal"])
    mutual = not trigger.host and sentence.two and together
    reciprocal = not trigger.host and (trigger.reciprocal or bool(marks["reciprocal"]) or mutual)
    if reciprocal and len(actor) > 1 and not roles.partners and not recipient:
        actor, recipient = actor[:1], actor[1:]
    recipient += [p for p in roles.partners if p not in recipient]
    if (trigger.mode == "visit" and not (trigger.host and recipient)) or (trigger.type in PLACED and not recipient):
        # a visit's destination is its host (unless named: «Путин принял в Москве ...»); an attack, aid, a
        # sanction or a protest there concerns its state
        recipient += [p for p in roles.places if p not in recipient]
    elif trigger.type == "CONSULT" and not recipient and actor and all(x.country for x in actor):
        # talks a side holds in another country are talks with it («Самуэльсен в Вашингтоне принимал участие во
        # встрече»); not a meeting in its own country, one of a body of no country ("a NATO summit in Warsaw"),
        # nor talks no one is named as holding («переговоры состоялись в Берлине»): a venue is no party
        own = {x.country for x in actor}
        recipient += [p for p in roles.places if p.country and p.country not in own and p not in recipient]
    if mutual and actor and not recipient and len(pair) == 2:
        # «стороны будут поддерживать друг друга»: the other side is the article's other main party
        own_countries = {x.country for x in actor}
        recipient = [p for p in pair if p.country not in own_countries][:1]
        how = "pair" if recipient else how
    if (
        trigger.type in CONFLICT
        and len(trigger.lemmas) == 1
        and not roles.subjects
        and noun(tokens[i].text, sentence.lang)
        # «бастовать будут пилоты Ryanair»: a strike's infinitive is a predicate whoever holds it
        and not (trigger.type in UNNAMED_DOERS and morph.infinitive(tokens[i].text, sentence.lang))
        and not (predicated and trigger.type in UNNAMED_DOERS)
        and not (trigger.type in UNNAMED_DOERS and _by_workers(sentence, end))
    ):
        # a bare «санкции», «учения», «вторжение» with no one doing it: background, not a report; a strike or a
        # protest said to be held («пилоты проводят забастовку») or held by workers it names («из-за забастовки
        # бортпроводников», «через страйки пілотів») happened, whoever they are
        return None
    if not actor and roles.relative:
        return None  # «западных стран, которые требуют»: done by someone the article does not name as an actor
    if not actor and (
        (trigger.type == "COERCE" and trigger.mode in POLICED)
        or trigger.type in CHARGED
        or (trigger.type == "SANCTION" and trigger.mode in SENTENCED)
    ):
        # «был арестован в Бангкоке»: with no one named, an arrest or seizure is the act of the place's state
        places = [p for p in roles.places if any(s.actor is p and clause_id(tokens, s.i) == clause_id(tokens, i)
                                                 for s in sentence.slots)]
        # none in the clause: where the story is, the place named last shortly before («Las Vegas Strip» in the
        # lines above "Lakeisha Holloway will be charged with murder")
        if not places and not previous and agentless and (trigger.type != "ACCUSE" or _judicial(sentence)):
            # an arrest or a charge done by no one the clause can name («был арестован», «будут предъявлены
            # обвинения», "will be charged"), not one with a subject of its own ("residents accused"), nor a
            # pronoun's («він звинуватив»), nor criticism
            places = _story_place(sentence)
        actor = _states(sentence.a.actors, places)
        how = "state" if actor else how
        recipient = [x for x in recipient if x not in actor and x not in roles.places]
    if not actor and reciprocal:
        # «Мэй заявила, что переговоры продолжаются»: who reports talks or a deal with no party named is in it
        said, pronoun = reporter(sentence, i, morph)
        actor = said or (antecedent(mentions_of(sentence.a), sentence.start) if pronoun else [])
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

def _by_workers(sentence: Sentence, end: int) -> bool:
    """Whether the noun phrase ending before token `end` goes on with its doers, workers of the cues' `labor`
    («забастовки бортпроводников», «страйки пілотів», «забастовки французских авиадиспетчеров»)."""
    labor = sentence.cues.clause.get("labor", set())
    return any(sentence.lemmas.get(k) in labor for k in range(end, min(end + 2, len(sentence.tokens))))


def names_two(sentence: Sentence, morph: Morph) -> bool:
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
        or _bare_leaders(sentence, morph)
    )

def _bare_leaders(sentence: Sentence, morph: Morph) -> bool:
    """Whether the sentence's subject is a bare plural «лидеры», "the leaders": a word of `leaders` with a verb
    right after it and no modifier before it («лидеры провели встречу»; not «лидеры ЕС», "world leaders")."""
    words = sentence.cues.clause.get("leaders", set())
    tokens, lang = sentence.tokens, sentence.lang
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

def same_voice(slot: Slot, i: int, tokens: list[Token], quote: Quote | None) -> bool:
    """Whether a mention can be an argument of the trigger at token i as far as quotation goes: inside a quoted
    statement only what the quote names is («"The United States supports efforts ...," Mr. Lew said at the
    talks in Diaoyutai»: neither Lew nor the guesthouse is supported); a quoted phrase («назвал "агрессией"»)
    is part of the sentence around it."""
    if quote is None or quote.partial or not quote.start <= tokens[i].start < quote.end:
        return True
    return quote.start <= tokens[slot.i].start < quote.end

def aside(tokens: list[Token], k: int) -> int:
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

SOURCE_SPAN = 12  # words of a source phrase after «по словам», "according to" ("the most recent data from the FBI")


def attribution(tokens: list[Token], k: int, lang: str) -> int:
    """The start of the source phrase token k stands in, or -1: «По словам Питера Стефана, кладбища отказались»,
    "according to the Pentagon," name whom the sentence is told by, not a party to its events (nor the other way
    round). The phrase runs from its words (the quote lexicon's `according`) to the clause break after them, or the
    sentence's end, within `SOURCE_SPAN` words: «По данным следствия 3 февраля ... в Петербурге Пётр Завьялов,
    находясь ...» runs on into the sentence's own clause."""
    according = QuoteLexicon.load(lang).according
    for n in range(k - 1, -1, -1):
        if tokens[n].text in CLAUSE_BREAKS:
            return -1
        for phrase in according.get(fold(tokens[n].text), ()):
            if n + len(phrase) <= k and all(fold(tokens[n + m].text) == w for m, w in enumerate(phrase)):
                after = n + len(phrase)
                end = next((m for m in range(after, len(tokens)) if tokens[m].text in CLAUSE_BREAKS), len(tokens))
                return n if end - after <= SOURCE_SPAN else -1
    return -1


STORY_CHARS = 600  # how far back the place a story happens in is looked for


def _story_place(sentence: Sentence) -> list[Actor]:
    """The place named last before the sentence, within `STORY_CHARS` (a headline above it counts: a digest's
    "Driver identified on Las Vegas Strip."): where an arrest or a charge with no place and no one named happens."""
    a, start = sentence.a, sentence.start
    before = [(s, x) for s, _, x in mentions_of(a) if start - STORY_CHARS <= s < start and x.type == "location"]
    if not before:
        return []
    place = before[-1][1]
    return [place] if place.country else []


JUDICIAL = frozenset({"legal", "crime"})  # contexts of a charge brought by a state


def _judicial(sentence: Sentence) -> bool:
    """Whether the sentence speaks of courts, prosecutors or crimes (`legal` and `crime` contexts): an accusation
    there is a charge the state brings, not anyone's criticism."""
    contexts = sentence.cues.contexts
    return any(contexts.get(sentence.lemmas[k]) in JUDICIAL for k in sentence.lemmas)


def _states(actors: tuple[Actor, ...], places: list[Actor]) -> list[Actor]:
    """The states of the places, as their country actors where the article has them."""
    countries = {x.country: x for x in actors if x.type == "country" and x.country}
    return list(dict.fromkeys(countries.get(p.country, p) for p in places if p.country))

def main_pair(actors: tuple[Actor, ...]) -> list[Actor]:
    """The two countries the article is most about, for «стороны» / "the two sides"."""
    counts: Counter[str] = Counter()
    for x in actors:
        if x.country and x.type in PARTICIPANTS:
            counts[x.country] += len(x.mentions)
    top = [c for c, _ in counts.most_common(2)]
    by_id = {x.id: x for x in actors}
    return [by_id[c] for c in top if c in by_id]

def mentions_of(a: Analysis) -> list[tuple[int, int, Actor]]:
    """Every actor mention of the article, in text order: (start, end, actor)."""
    return sorted(((m.start, m.end, x) for x in a.actors for m in x.mentions), key=lambda m: m[0])


# prepositions of where an extradited person goes and where from
TO = frozenset({"в", "во", "до", "у", "to", "into"})
FROM = frozenset({"из", "изо", "з", "із", "зі", "from"})


def extradition(
    sentence: Sentence, i: int, actor: list[Actor], recipient: list[Actor], morph: Morph
) -> tuple[list[Actor], list[Actor]]:
    """The sides of an extradition (judicial cooperation between states, the manual's COOPERATE): the state it goes
    to is the recipient, the state it comes from the actor; the person extradited is neither («Смилянец был
    экстрадирован в США», "extradited from Thailand to the United States")."""
    tokens = sentence.tokens
    clause = clause_id(tokens, i)
    to, away = [], []
    for s in sentence.slots:
        if s.i == 0 or clause_id(tokens, s.i) != clause or s.actor.type not in ("country", "location"):
            continue
        prep, word = tokens[s.i - 1].text.lower(), tokens[s.i].text.lower()
        readings = morph.readings(word, sentence.lang) if sentence.lang != "en" else []
        if prep in TO and (not readings or any(r.tags & {"accs", "Fixd"} for r in readings)):
            to.append(s.actor)  # «в США», «в Таиланд»; not where it happened, «в Таиланде»
        elif prep in FROM:
            away.append(s.actor)
    states = sentence.a.actors
    actor = _states(states, away) or [x for x in actor if x.type != "person"]
    recipient = _states(states, to) or [x for x in recipient if x.type != "person"]
    return actor, [x for x in recipient if x not in actor]


def related(tokens: list[Token], lemmas: Lemmas, slot: Slot, relations: set[str], press: set[str]) -> bool:
    """Whether a mention names someone only through a relative, counsel, follower, foe or worker (`relations`, which
    hold the cues' `labor` nouns too): «адвокат христианки Азии Биби», «предки Алексиса Оганяна», «пилоты Ryanair»,
    "Gross's brother", "Trump supporters", "the lawyer of X"; or is a country only as the nationality of the press
    named right after it (`press`: «Британские СМИ обвинили», «британская газета», "Chinese state media"). That
    person or outlet acts or is acted on, and the mention is no party to the event."""
    if slot.actor.type == "country" and _adjective(tokens, lemmas, slot) and _of_press(tokens, lemmas, slot.j, press):
        return True
    return governed(tokens, lemmas, slot, relations)


NATIONALITY_GAP = 3  # lower-case words between a country adjective and the body it describes («бюджетная авиакомпания»)


def nationality(tokens: list[Token], lemmas: Lemmas, slots: list[Slot], slot: Slot) -> bool:
    """Whether a country's adjective only gives the nationality of a body named right after it that has that country
    itself: «Ирландская авиакомпания Ryanair», «ірландської бюджетної авіакомпанії Ryanair», "Irish airline Ryanair".
    The body is the party and carries its country; the adjective is no second party («Ирландия и Ryanair обвинили»).
    A body of no known country keeps the adjective («Немецкий концерн Siemens»: Germany stands for it), and so do
    workers («немецкие пилоты Ryanair объявили забастовку»: the gold codes them DEU, as CAMEO codes labour by its
    country)."""
    if slot.actor.type != "country" or not _adjective(tokens, lemmas, slot):
        return False
    for k in range(slot.j, min(len(tokens), slot.j + NATIONALITY_GAP + 1)):
        body = next((s for s in slots if s.i == k), None)
        if body is not None:
            return body.actor.type == "organization" and body.actor.country == slot.actor.country
        if tokens[k].text in QUOTES:
            continue  # «ирландской компании «Ryanair»»
        if not tokens[k].is_word or not tokens[k].text[:1].islower():
            return False
    return False


def employers(sentence: Sentence, labor: set[str]) -> list[Actor]:
    """The organizations the sentence names as its workers' employer («забастовка пилотов Ryanair», "Ryanair pilots"):
    whom a strike is against."""
    return list(
        dict.fromkeys(
            s.actor
            for s in sentence.slots
            if s.actor.type == "organization" and governed(sentence.tokens, sentence.lemmas, s, labor)
        )
    )


def governed(tokens: list[Token], lemmas: Lemmas, slot: Slot, nouns: set[str]) -> bool:
    """Whether one of `nouns` governs the mention: its genitive, lower-case nouns and adjectives between, never across
    a verb («адвокат христианки Азии Биби», «сторонники лидера оппозиции Навального»); in English its possessor or
    modifier ("Gross's brother", "Trump supporters") or "of" after it ("the lawyer of X")."""
    if lemmas.lang == "en":
        k = slot.j + (slot.j < len(tokens) and tokens[slot.j].text in ("'", "’"))  # "Sanders’ son"
        if k < len(tokens) and lemmas.get(k) in nouns:
            return True  # "Gross's brother", "Trump supporters"
        return slot.i > 1 and tokens[slot.i - 1].text.lower() == "of" and lemmas.get(slot.i - 2) in nouns
    # the mention a noun governs is a genitive («мать пятерых детей Асия Биби» is Bibi herself)
    if _nominative(lemmas, tokens[slot.i].text):
        return False
    start = slot.i - (slot.i > 0 and tokens[slot.i - 1].text in QUOTES)  # «пилоты компании «Ryanair»»
    for k in range(start - 1, max(-1, start - 1 - RELATION_GAP), -1):
        t = tokens[k]
        opens = k == 0 or tokens[k - 1].text in SENTENCE_OPENERS  # «Предки Алексиса Оганяна»: capital at the start
        if lemmas.get(k) in nouns and (t.text[:1].islower() or opens):
            return True
        if not t.is_word or not t.text[:1].islower() or not _nominal(lemmas, t.text):
            return False  # «его адвокат обвинил американских ...»: not across a verb
    return False


def _adjective(tokens: list[Token], lemmas: Lemmas, slot: Slot) -> bool:
    """Whether a country's mention is its adjective («британские», «пакистанского», "Turkish", "Chinese"), not its
    name («в Эритрее», "the U.S.")."""
    word = tokens[slot.j - 1].text
    if lemmas.lang == "en":
        return slot.j - slot.i == 1 and word.endswith(DEMONYM_ENDS)
    return "ADJF" in lemmas.lexicon.morph.best(word, lemmas.lang)


def _of_press(tokens: list[Token], lemmas: Lemmas, k: int, press: set[str]) -> bool:
    """Whether a noun of the press stands at token k, or after an adjective there («информационного агентства»,
    "state media")."""
    if k < len(tokens) and _press(tokens, lemmas, k, press):
        return True
    if k + 1 >= len(tokens) or not tokens[k].is_word or not tokens[k].text[:1].islower():
        return False
    between = lemmas.lang == "en" or "ADJF" in lemmas.lexicon.morph.best(tokens[k].text, lemmas.lang)
    return between and _press(tokens, lemmas, k + 1, press)


def _press(tokens: list[Token], lemmas: Lemmas, k: int, press: set[str]) -> bool:
    """Whether token k is a noun of the press (in English its lemma or plural as written: "media", "newspapers"; not
    the verb "presses")."""
    lemma = lemmas.get(k)
    if lemma not in press:
        return False
    return lemmas.lang != "en" or tokens[k].text.lower() in (lemma, lemma + "s")


def _nominative(lemmas: Lemmas, word: str) -> bool:
    """Whether a declined word's most likely reading is a nominative («Асия», «Порошенко» is not declined)."""
    readings = lemmas.lexicon.morph.readings(word.lower(), lemmas.lang)
    return bool(readings) and "nomn" in readings[0].tags and "Fixd" not in readings[0].tags


def _nominal(lemmas: Lemmas, word: str) -> bool:
    """Whether a word's most likely reading is a noun or an adjective."""
    return bool({"NOUN", "ADJF"} & lemmas.lexicon.morph.best(word, lemmas.lang))
