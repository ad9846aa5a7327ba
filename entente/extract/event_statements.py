"""Events coded from what someone says about another party, read over the whole sentence rather than at
one trigger: a demand («X заявил, что Y должен ...», "X said Y must ...", or in a quote «Y должна ...»)
is REQUEST; words of disapproval
or praise in a quote, or after a naming verb («назвал Китай надёжным партнёром»), are ACCUSE or SUPPORT,
the manual's criticize and praise.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from entente.extract.event_args import Slot, assign
from entente.extract.event_grammar import HE
from entente.extract.event_modality import historical
from entente.extract.event_sentence import CLAUSE_BREAKS, PARTICIPANTS, Sentence, has_phrase
from entente.models import Actor, Event
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token
from entente.nlp.when import nearest


def demand(sentence: Sentence, i: int, event: Event, morph: Morph) -> Event:
    """ "X said Y must ...", «X заявил, что Y должен ...»: a demand of X on Y, coded REQUEST; other
    events, those of the trigger at token i, come back as they are."""
    tokens, lemmas, slots, lang, cues = sentence.tokens, sentence.lemmas, sentence.slots, sentence.lang, sentence.cues
    if not event.actor:
        return event
    # the nearest clause break or word of speech before the trigger (the words before that one need no lemma)
    speech = cues.speech
    edge = next((k for k in range(i - 1, -1, -1) if tokens[k].text in CLAUSE_BREAKS or lemmas.get(k) in speech), -1)
    if edge < 0:
        return event
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
    speakers = assign(tokens, [s for s in slots if s.j <= verb], (verb, verb + 1), lang, morph)
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


THAT = frozenset({"что", "що", "that"})
NOT = frozenset({"не", "ні", "not", "never", "no"})
SPEECH_GAP = 4  # words between a speech verb and «что» («заявил журналистам в среду, что»)
STATES = frozenset({"country", "location"})  # a state, or a capital standing for it («Москва и Пекин должны»)
ADDRESSED_GAP = 8  # the same, when only whether the speaker is a party is asked


def reporter(sentence: Sentence, i: int, morph: Morph, gap: int = SPEECH_GAP) -> tuple[list[Actor], bool]:
    """Who reports, in indirect speech, the event at token i: «Мэй заявила, что переговоры продолжаются»
    gives May. The subjects of the speech verb before «что»/«що»/"that"; an empty list, and whether that
    subject is a personal pronoun («Вона зазначила, що ...»), when no actor is named."""
    tokens, lemmas, cues = sentence.tokens, sentence.lemmas, sentence.cues
    that = next((k for k in range(i - 1, -1, -1) if tokens[k].text.lower() in THAT), None)
    if that is None or any(tokens[k].text.lower() in THAT for k in range(that + 1, i)):
        return [], False
    verb = next((k for k in range(that - 1, max(-1, that - gap - 1), -1) if lemmas.get(k) in cues.speech), None)
    if verb is None:
        return [], False
    before = [s for s in sentence.slots if s.j <= verb and s.actor.type in PARTICIPANTS]
    speakers = assign(tokens, before, (verb, verb + 1), sentence.lang, morph).subjects
    pronoun = verb > 0 and tokens[verb - 1].text.lower() in HE.get(sentence.lang, ())
    return speakers, pronoun and not speakers


def speaks_for(sentence: Sentence, i: int, event: Event, morph: Morph) -> bool:
    """Whether who says the sentence is among the event's parties, or of their country: the quote's speaker or the
    reporter of its «что» / "that" clause («Путин заявил, что Москва и Пекин должны расширять сотрудничество»,
    Xi: «Китай і Казахстан повинні ...»). What such a speaker says his side must do is his side's commitment."""
    # the one addressed may stand between («заявил в среду высокопоставленному китайскому военному чиновнику, что»)
    speakers = list(reporter(sentence, i, morph, ADDRESSED_GAP)[0])
    quote = sentence.quote
    if quote is not None and quote.speaker and quote.start <= sentence.tokens[i].start < quote.end:
        speakers += [x for x in sentence.a.actors if x.id == quote.speaker]
    parties = set(event.actor) | set(event.recipient)
    # a state among the parties (not a compatriot: "Trump said Obama should step down" is no commitment of Trump's)
    countries = {x.country for x in sentence.a.actors if x.id in parties and x.country and x.type in STATES}
    return any(x.id in parties or (x.country and x.country in countries) for x in speakers)


def reported(sentence: Sentence, morph: Morph) -> Event | None:
    """«Лохер заявил, что Ryanair ответственна за эскалацию конфликта»: words of disapproval of another party in
    what one actor is reported to have said (after «что», «що», "that") are that actor's criticism, as in a
    quote."""
    tokens = sentence.tokens
    that = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].text.lower() in THAT), None)
    if that is None:
        return None
    speakers, _ = reporter(sentence, that + 1, morph)
    if len(speakers) != 1:
        return None
    said = evaluation(sentence, speakers[0], (tokens[that].start, sentence.end))
    # criticism only: words of approval in reported speech mostly describe («Германия, которая просит союзников
    # по НАТО ...»), they seldom praise
    return said if said is not None and said.type == "ACCUSE" else None


def naming(sentence: Sentence, morph: Morph) -> Event | None:
    """«Токаев назвал Китай надёжным партнёром»: the subject before a naming verb evaluates what follows."""
    tokens, lemmas, slots, lang = sentence.tokens, sentence.lemmas, sentence.slots, sentence.lang
    verbs = sentence.cues.naming
    verb = next(
        (k for k in lemmas if lemmas.could(k, "naming") and (tokens[k].text.lower() in verbs or lemmas[k] in verbs)),
        None,
    )
    if verb is None:
        return None
    roles = assign(tokens, [s for s in slots if s.j <= verb], (verb, verb + 1), lang, morph)
    if len(roles.subjects) != 1:
        return None
    return evaluation(sentence, roles.subjects[0], (tokens[verb].end, sentence.end))


def evaluation(sentence: Sentence, speaker: Actor | None, span: tuple[int, int]) -> Event | None:
    """A speaker's words about another party within `span` (a quote, or what follows a naming verb):
    negative ones are ACCUSE (disapprove), positive ones SUPPORT («США все активнее подстрекают ...»
    -> ACCUSE; «назвал Китай надёжным партнёром» -> SUPPORT), the manual's criticize / praise."""
    a, text, start, end = sentence.a, sentence.text, sentence.start, sentence.end
    tokens, lemmas, slots, refs, cues = sentence.tokens, sentence.lemmas, sentence.slots, sentence.refs, sentence.cues
    if speaker is None or not speaker.country:
        return None
    inside = [s.actor for s in slots if span[0] <= tokens[s.i].start < span[1]]
    targets = list(
        dict.fromkeys(x for x in inside if x.country and x.country != speaker.country and x.type in PARTICIPANTS)
    )
    if not targets:
        return None
    # «не враг», "not a friend": a denied judgement says neither
    words = [k for k in lemmas if span[0] <= tokens[k].start < span[1]
             and not any(tokens[n].text.lower() in NOT for n in range(max(0, k - 2), k))]
    neg = [k for k in words if lemmas.could(k, "disapproval") and has_phrase(cues.disapproval, lemmas, k)]
    pos = [k for k in words if lemmas.could(k, "approval") and has_phrase(cues.approval, lemmas, k)]
    stance = _stance_for(tokens, slots, targets, span)
    if stance:  # «я повністю за Україну»: a side taken explicitly, for the party named right after
        neg, pos = [], stance[:1]
        targets = [s.actor for s in slots if s.i == stance[0] + 1]
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
        f"{kind.lower()}:{'stance' if stance else 'judgement'}",  # the words of judgement or the side taken
    )


# «я за Україну», «мы за мир с Россией», "we are for Ukraine": the first person takes a side
FOR = frozenset({"за", "for"})
FIRST_PERSON = frozenset({"я", "мы", "ми", "i", "we"})
STANCE_GAP = 3  # words between «я» and «за» («я повністю за», "we are fully for")


def _stance_for(tokens: list[Token], slots: list[Slot], targets: list[Actor], span: tuple[int, int]) -> list[int]:
    """The «за» of a first-person stance for one of the targets right after it («Тепер я повністю за Україну»)."""
    first = {s.i: s.actor for s in slots}
    out = []
    for k, t in enumerate(tokens[:-1]):
        if t.text.lower() not in FOR or not span[0] <= t.start < span[1] or first.get(k + 1) not in targets:
            continue
        if any(tokens[n].text.lower() in FIRST_PERSON for n in range(max(0, k - STANCE_GAP), k)):
            out.append(k)
    return out


def reported_obligation(sentence: Sentence, morph: Morph) -> Event | None:
    """«Нетаньяху заявил, что международное сообщество должно признать ...»: what a state's speaker says another
    party must do, in reported speech after «что» / «що» / "that", is that speaker's demand (REQUEST), whatever the
    act demanded (`demand` recodes one the lexicon knows). The party obliged is the one named between the
    complementizer and the obligation word, if any is an actor; some word must stand there («заявил, что нужно ...»
    obliges no one); the speaker's own side is an intent, not a demand."""
    a, start, end = sentence.a, sentence.start, sentence.end
    tokens, lemmas, cues = sentence.tokens, sentence.lemmas, sentence.cues
    first = next((n for n, t in enumerate(tokens) if t.text.lower() in THAT), None)
    if first is None:
        return None  # no reported speech: no word needs its lemma looked up
    opened = _opened_by_that(tokens, first)
    for k in lemmas:
        that = opened[k]
        if that is None:
            continue  # no «что» before it in its clause, or right before it: its lemma is not looked up
        if tokens[k].text.lower() not in cues.obligation and lemmas.get(k) not in cues.obligation:
            continue
        if not _demanded_act(sentence, k, morph) or any(
            tokens[n].text.lower() in NOT or lemmas.get(n) in REFUSING for n in range(max(0, that - SPEECH_GAP), that)
        ):
            continue  # "the reforms needed", «потрібно лише кілька місяців»; "refused to say that ..."
        speakers, _ = reporter(sentence, k, morph)
        if len(speakers) != 1 or not _official(speakers[0]):
            continue
        speaker = speakers[0]
        addressed = [s.actor for s in sentence.slots if that < s.i < k and s.actor.type in PARTICIPANTS]
        if any(x.country == speaker.country for x in addressed):
            return None  # «Путин заявил, что Россия должна ответить»: his own side's intent
        ids, rec = (speaker.id,), tuple(dict.fromkeys(x.id for x in addressed if x.country))
        ref = nearest(sentence.refs, tokens[k].start, start, end)
        date = ref.date if ref else None
        digest = hashlib.sha1(f"{a.id}:{start}:REQUEST:{ids}:{rec}".encode()).hexdigest()[:16]
        return Event(
            digest, "REQUEST", None, (), ids, rec, date, None, False, "asserted", tokens[k].text, sentence.text,
            start, end, 0.5, historical(date, a.published), "request:obligation reported",
        )
    return None


def _opened_by_that(tokens: list[Token], first: int) -> list[int | None]:
    """For each token, the «что» / «що» / "that" nearest before it (`first` the first one), when it is not the word
    right after it and no clause break stands between them; None for the others."""
    out: list[int | None] = [None] * len(tokens)
    that, broken = first, False
    for n in range(first + 1, len(tokens)):
        if not broken and n != that + 1:
            out[n] = that
        if tokens[n].text.lower() in THAT:
            that, broken = n, False
        elif tokens[n].text in CLAUSE_BREAKS:
            broken = True
    return out


REFUSING = frozenset({"refuse", "decline", "отказаться", "отказываться", "відмовитися", "відмовлятися"})
# what says how a thing is, or is to be seen, not what someone is to do: "must be a key part", «следует воспринимать»
NO_ACT = frozenset({"be", "have", "see", "view", "regard", "understand", "быть", "воспринимать", "восприниматься",
                    "понимать", "рассматривать", "бути", "сприймати", "розуміти", "розглядати"})
ACT_GAP = 3  # words from an obligation word to the act it demands («должно признать наконец», «должны не ловить»)


def _demanded_act(sentence: Sentence, k: int, morph: Morph) -> bool:
    """Whether an act follows the obligation word at token k: an infinitive within ACT_GAP words in Russian and
    Ukrainian; in English a bare verb after "must", "should" or "ought to", or "to" after "need" (not "the reforms
    needed", "we need more information")."""
    tokens = sentence.tokens
    word = tokens[k].text.lower()
    after = [t.text.lower() for t in tokens[k + 1 : k + 1 + ACT_GAP]]
    if sentence.lang == "en":
        if word in ("need", "needs"):
            return len(after) > 1 and after[0] == "to" and after[1] not in NO_ACT
        return word in ("must", "should", "ought") and bool(after) and after[0].isalpha() and after[0] not in NO_ACT
    infinitive = next((w for w in after if morph.infinitive(w, sentence.lang)), None)
    return infinitive is not None and morph.readings(infinitive, sentence.lang)[0].lemma not in NO_ACT


OFFICIAL = frozenset({"GOV", "MIL", "IGO", "JUD", "LEG", "COP", "SPY"})  # sectors whose statements are a state's


def _official(speaker: Actor) -> bool:
    """Whether a speaker speaks for a state: a country, or a body or person in office (not an outlet)."""
    return bool(speaker.country) and (speaker.type == "country" or speaker.sector in OFFICIAL)


def obligation(sentence: Sentence, speaker: Actor | None, span: tuple[int, int]) -> Event | None:
    """A speaker's words that another state must act («Беларусь должна незамедлительно выпустить всех
    политических заключенных»): a demand, REQUEST, even where the demanded act is no event of the lexicon.
    The state is the mention right before the obligation word, in its clause."""
    a, start, end = sentence.a, sentence.start, sentence.end
    tokens, lemmas, cues = sentence.tokens, sentence.lemmas, sentence.cues
    if speaker is None or not speaker.country:
        return None
    must = next(
        (
            k
            for k in lemmas
            if span[0] <= tokens[k].start < span[1]
            and (tokens[k].text.lower() in cues.obligation or lemmas.get(k) in cues.obligation)
        ),
        None,
    )
    if must is None:
        return None
    before = [s for s in sentence.slots if s.j <= must and must - s.j <= 2 and span[0] <= tokens[s.i].start]
    if not before or any(tokens[k].text in CLAUSE_BREAKS for k in range(before[-1].j, must)):
        return None
    addressed = before[-1].actor
    if addressed.type not in ("country", "organization") or not addressed.country:
        return None
    if addressed.country == speaker.country:
        return None
    ref = nearest(sentence.refs, tokens[must].start, start, end)
    ids, rec = (speaker.id,), (addressed.id,)
    digest = hashlib.sha1(f"{a.id}:{start}:REQUEST:{ids}:{rec}".encode()).hexdigest()[:16]
    date = ref.date if ref else None
    return Event(
        digest, "REQUEST", None, (), ids, rec, date, None, False, "asserted", tokens[must].text, sentence.text,
        start, end, 0.5, historical(date, a.published), "request:obligation",
    )
