"""How the text holds an event it reports: denied («не подтвердил»), planned («посетит», "will meet"),
supposed («могли бы»), long past (dated well before publication), or only intended or promised.

Nothing is dropped for these: a denied event keeps `negated` true, a planned one `modality` "future". A
promise or a threat is an event of its own in PLOVER, so an intent to cooperate, or future cooperation, is
coded AGREE, as is a promised retreat or concession (ANNOTATION.md), and future coercion THREATEN (the manual's rules
for promises and threats).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from entente.extract.event_args import passive_en
from entente.extract.event_grammar import CONJUNCTIONS, NOT_ONLY
from entente.extract.event_reference import in_verb_group
from entente.extract.event_sentence import CLAUSE_BREAKS, COMPLEMENTIZERS, Key, Lemmas, Sentence, has_phrase
from entente.models import Event
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

COOPERATIVE = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "RETREAT", "CONCEDE"})
PROMISED = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "RETREAT", "CONCEDE"})  # promised in the future: AGREE
COERCIVE = frozenset({"COERCE", "SANCTION", "ASSAULT", "PROTEST", "MOBILIZE"})  # announced for the future: THREATEN
INTENT_SPAN = 8  # words before a cooperative trigger in which an intent word turns it into AGREE
NEGATION_SPAN = 6
OCCURRENCE_SPAN = 14  # words after a noun trigger in which its occurrence verb is looked for, without a tree
HISTORICAL_DAYS = 90  # an event dated this long before publication is background
OBLIGATION_SPAN = 6  # words between «должна» / "must" and the act it obliges («должна незамедлительно выпустить»)
INFINITIVE_GAP = 2  # words from «следует» to its infinitive («следует незамедлительно ввести»)
EPISTEMIC_EN = frozenset({"have", "'ve", "’ve", "be"})  # "must have attacked", "must be": a guess, not a duty


class Framing(NamedTuple):
    """The type an event is coded with once intent and promises are read, whether the text denies it,
    and its modality: "asserted", "future" or "hypothetical"."""

    type: str
    negated: bool
    modality: str


def framing(sentence: Sentence, kind: str, i: int, morph: Morph, after: int | None = None) -> Framing:
    """How the sentence frames the event of type `kind` whose trigger is at token i; `after`: the verb that
    carries a noun trigger from after it, when the tree gave one (a support verb, or one of beginning or
    taking place: «саммит ... пройдёт», not «визит завершится»)."""
    tokens, lemmas, cues, marks = sentence.tokens, sentence.lemmas, sentence.cues, sentence.marks
    if kind in COOPERATIVE and _intended(tokens, lemmas, i, cues.intent):
        kind = "AGREE"  # «должны расширять сотрудничество», "ready to cooperate": an intent, coded AGREE
    negated = _negated(tokens, lemmas, i, cues.negation, cues.naming) and not _own_predicate(
        tokens, lemmas, i, sentence.lang, morph, cues.negation
    )
    modality = "asserted"
    before = [k for k in lemmas if k < i]
    if any(k < i for k in marks["hypothetical"]):
        modality = "hypothetical"
    elif any(k in marks["future"] or tokens[k].text.lower() in cues.future_forms for k in before if k >= i - 5):
        modality = "future"  # «будет», «планирует», "will" shortly before the trigger
    elif any(_future_verb(tokens[k].text, sentence.lang, morph) for k in range(max(0, i - 2), i + 1)):
        modality = "future"  # «посетит»: the trigger or a verb just before it in the future tense
    elif (k := after if after is not None else _occurrence_after(sentence, i)) is not None and _future_verb(
        tokens[k].text, sentence.lang, morph
    ):
        modality = "future"  # «саміт, присвячений угоді, пройде 25 листопада»: a meeting still to come
    if modality == "future" and _ultimatum(sentence, i):
        kind, modality = "THREATEN", "asserted"  # "will withdraw its force unless ...": a threat (manual, THREATEN)
    elif modality == "future" and kind in PROMISED:
        # «мы будем укреплять сотрудничество», «выведет войска», "will release the hostages": a promise, coded AGREE
        # (ANNOTATION.md: promises are AGREE, not the promised act; the PLOVER-GSR codes promised releases so)
        kind, modality = "AGREE", "asserted"
    elif modality == "future" and kind in COERCIVE:
        kind, modality = "THREATEN", "asserted"  # «введёт санкции», "will blockade": a threat
    return Framing(kind, negated, modality)


def obliged(sentence: Sentence, i: int, morph: Morph) -> int | None:
    """The word by which the trigger at token i is what its doer must or should do, or None: «Россия должна
    прекратить поставки», «Брюсселю необходимо отказаться», «Україна має скасувати», "Japan needs to apologize".
    Such an act is not reported as done; it is demanded by whoever says so (`demand`). The word stands earlier in
    the trigger's clause, within OBLIGATION_SPAN words, with no «что» / "that" between. A word of `obliging`
    ("need", "have", «следует», «мати») obliges only before an infinitive ("needs to", «має скасувати»; not «как
    следует из призыва»), and not in the past ("had to withdraw": it did); "must have" and "must be" are guesses."""
    tokens, lemmas, cues = sentence.tokens, sentence.lemmas, sentence.cues
    obliging = cues.clause.get("obliging", set())
    for k in range(i - 1, max(-1, i - OBLIGATION_SPAN - 1), -1):
        word = tokens[k].text.lower()
        if tokens[k].text in CLAUSE_BREAKS or word in COMPLEMENTIZERS:
            return None
        lemma = lemmas.get(k)
        if lemma in obliging or word in obliging:
            if word != "had" and _infinitive_after(tokens, k, i, sentence.lang, morph):
                return k
        elif word in cues.obligation or lemma in cues.obligation:
            after = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
            if not (sentence.lang == "en" and after in EPISTEMIC_EN):
                return k
    return None


def scheduled(sentence: Sentence, k: int) -> bool:
    """Whether the obligation word at token k says when something is due, not who must do it: an occurrence verb
    right after it («має відбутися саміт», «должна состояться встреча», "is to take place")."""
    occurrence = sentence.cues.clause.get("occurrence", set())
    return any(sentence.lemmas.get(n) in occurrence for n in range(k + 1, min(len(sentence.tokens), k + 3)))


def _infinitive_after(tokens: list[Token], k: int, i: int, lang: str, morph: Morph) -> bool:
    """Whether an infinitive follows word k, before the trigger at i: "to" right after it in English; in Russian and
    Ukrainian an infinitive after at most INFINITIVE_GAP - 1 adverbs («следует незамедлительно ввести»; not «мають
    намір провести», which has a noun between)."""
    if lang == "en":
        return k + 1 <= i and tokens[k + 1].text.lower() == "to"
    for n in range(k + 1, min(i + 1, k + 1 + INFINITIVE_GAP)):
        if morph.infinitive(tokens[n].text, lang):
            return True
        if not morph.has(tokens[n].text.lower(), lang, "ADVB"):
            return False
    return False


def _ultimatum(sentence: Sentence, i: int) -> bool:
    """An ultimatum word after the trigger, in its sentence ("... unless the president agrees")."""
    words = sentence.cues.clause.get("ultimatum", set())
    tokens = sentence.tokens
    return bool(words) and any(
        tokens[k].text.lower() in words for k in range(i + 1, len(tokens)) if tokens[k].start < sentence.end
    )


def _occurrence_after(sentence: Sentence, i: int) -> int | None:
    """Without a tree: the first verb of beginning or taking place after a trigger, within OCCURRENCE_SPAN
    words and before the next sentence-like break («саміт, присвячений ..., пройде»)."""
    occurrence = sentence.cues.clause.get("to_come", set())
    tokens, lemmas = sentence.tokens, sentence.lemmas
    for k in range(i + 1, min(len(tokens), i + OCCURRENCE_SPAN)):
        if tokens[k].text in (";", ":", "—", "–"):
            return None
        if lemmas.get(k) in occurrence:
            return k
    return None


def _intended(tokens: list[Token], lemmas: Lemmas, i: int, intent: set[str]) -> bool:
    """An intent word earlier in the trigger's clause: «стороны должны совместно работать над ...»."""
    for k in range(i - 1, max(-1, i - INTENT_SPAN), -1):
        if tokens[k].text in CLAUSE_BREAKS:
            return False
        if lemmas.get(k) in intent or tokens[k].text.lower() in intent:  # «следует» is not «следовать»
            return True
    return False


def _negated(
    tokens: list[Token], lemmas: Lemmas, i: int, negation: set[tuple[str, ...]], naming: set[str]
) -> bool:
    """A negation in the trigger's clause shortly before it: «не подтвердил своего согласия на визит». A verb of
    naming between them takes the negation: "reluctant to call the attack terrorism" denies the name, not the
    attack."""
    for k in range(i - 1, max(-1, i - NEGATION_SPAN), -1):
        if tokens[k].text in CLAUSE_BREAKS or (k >= i - 2 and lemmas.get(k) in naming):
            return False  # "call the attack": the trigger is what is named
        if has_phrase(negation, lemmas, k) and lemmas.get(k + 1) not in NOT_ONLY:
            return True
    return _no_subject(tokens, i)


SUBJECT_NEGATORS = frozenset({"neither", "nobody", "none"})  # and "no one"


def _no_subject(tokens: list[Token], i: int) -> bool:
    """Whether the English clause of the trigger at token i opens with a subject that denies it, however long: "Neither
    Speaker Ryan nor anyone on his team has ever asked", "No one in the administration has met"."""
    k = i - 1
    while k >= 0 and tokens[k].text not in CLAUSE_BREAKS:
        k -= 1
    first = k + 1
    while first < i and not tokens[first].is_word:
        first += 1  # an opening quote mark
    before = tokens[i - 1].text.lower() if i > 0 else ""
    if first >= i or not (before in ("and", "or") or in_verb_group(before)):
        return False  # a verb after its auxiliaries ("has ever asked", "will ... and support"), not a noun inside
        # another phrase ("None of the candidates is pushing for ... the 2003 invasion of Iraq")
    word = tokens[first].text.lower()
    return word in SUBJECT_NEGATORS or (word == "no" and first + 1 < i and tokens[first + 1].text.lower() == "one")


def _own_predicate(
    tokens: list[Token], lemmas: Lemmas, i: int, lang: str, morph: Morph, negation: set[tuple[str, ...]]
) -> bool:
    """Whether the trigger at token i is a finite verb of its own after a coordinator, so that a negation or denial
    before the coordinator is the other verb's: "denied the charges and accused Ukraine", «опроверг обвинения и
    обвинил Киев», «заперечив ці заяви та звинуватив Росію»; not an infinitive or a bare verb the negation still
    governs («не стал встречаться и обсуждать», "did not meet and discuss"), nor one with a negation of its own
    after the coordinator ("but he hasn't endorsed her")."""
    word = tokens[i].text.lower()
    if lang == "en":
        finite = word.endswith("ed") and not passive_en(tokens, i)
    else:
        readings = morph.readings(word, lang)
        finite = bool(readings) and "VERB" in readings[0].tags and "INFN" not in readings[0].tags
    if not finite:
        return False
    for k in range(i - 1, max(-1, i - NEGATION_SPAN), -1):
        if tokens[k].text in CLAUSE_BREAKS:
            return False
        if tokens[k].text.lower() in CONJUNCTIONS:
            return not any(has_phrase(negation, lemmas, n) for n in range(k + 1, i))  # "and neither apologized"
    return False


def _future_verb(word: str, lang: str, morph: Morph) -> bool:
    """A verb whose first reading is future tense («посетит», «зустрічатиметься»); not a name such as
    «Сибіга» that the dictionary can also guess as a verb."""
    readings = morph.readings(word.lower(), lang) if word[:1].islower() else ()
    return bool(readings) and "futr" in readings[0].tags and bool({"VERB", "verb"} & readings[0].tags)


def drop_promised(out: dict[Key, Event], start: int) -> None:
    """In a sentence with an AGREE, a cooperative event of the same actors is what was promised
    («стороны должны совместно работать над углублением сотрудничества»), not a second event."""
    agreed = {k[1] for k in out if k[0] == "AGREE" and k[3] == start}
    for k in [k for k in out if k[3] == start and k[0] in ("COOPERATE", "AID", "SUPPORT")]:
        if any(set(k[1]) & set(a) for a in agreed):
            del out[k]


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
