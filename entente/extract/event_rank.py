"""Which event is a sentence's main one: the confidence of an event that is the content of another
(«demanded that Israel ease restrictions», "suspected of blowing up", a merely mentioned event noun) is
lowered, so that the framing event ranks first; the content of an accusation, a demand or a threat
told in a clause of its own («обвиняют в том, что он похитил ...», "demanded that ...") is an allegation or
a wish, not a report that it happened, and is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from entente.extract.event_clause import Clause
from entente.extract.event_grammar import AGAINST, OTHER_PREP
from entente.extract.event_sentence import COMPLEMENTIZERS, Key, Sentence
from entente.models import Event
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

FRAMING = frozenset({"REQUEST", "REJECT", "AGREE", "THREATEN", "ACCUSE"})  # types whose complement is an event
ALLEGING = frozenset({"ACCUSE", "REQUEST", "THREATEN"})  # types whose complement is alleged, wanted or threatened
WANTING = frozenset({"REQUEST", "THREATEN"})  # types whose infinitive complement is wanted or threatened, not done
CONTENT_SPAN = 12  # words from a demand to the infinitive it governs («просит Британию, США и Канаду предоставить»)
STRONG_BREAKS = frozenset({";", ":", "—", "–", "(", ")", "but", "но", "але", "а", "однако", "проте"})
AND = frozenset({"и", "і", "й", "та", "and"})
SUBORDINATORS = frozenset({"while", "after", "before", "когда", "коли", "when", "until", "пока", "поки", "if", "если",
                           "якщо", "because", "потому", "бо"})
FRAMING_WORDS = 2  # words of a demand's own phrase before its "to" ("called on", "pleaded with them")
ADDRESSED_EN = frozenset({"him", "her", "them", "us", "me", "you", "it", "not", "never"})


def drop_alleged(
    out: dict[Key, Event],
    placed: list[tuple[Key, int]],
    sentence: Sentence,
    alleging: list[int],
    wanted: list[int],
    morph: Morph,
) -> None:
    """Drop an event whose trigger follows an accusation, a demand or a threat in the same sentence with a
    complementizer between them: it is what is alleged, demanded or threatened («Смилянца обвиняют в том, что
    ... он похитил информацию», «требует, чтобы ...»). `alleging`: the positions of the sentence's accusation,
    demand and threat triggers, also those that made no event of their own (an accuser the article does not
    name: «мусульманки обвинили женщину в том, что она «осквернила воду»»). So is an event whose trigger is an
    infinitive a demand or a threat governs («Масих просит власти Канады предоставить убежище Биби», "called for
    the United States to organize ground forces to fight", «закликають стратити»): what is asked or threatened;
    `wanted`: the positions of the demand and threat triggers, also those that made no event.
    """
    tokens = sentence.tokens
    framing = sorted(set(alleging) | {i for key, i in placed if key[0] in ALLEGING})
    wanting = sorted(set(wanted) | {i for key, i in placed if key[0] in WANTING})
    for key, i in placed:
        if key[0] in ALLEGING or key not in out:
            continue
        if any(f < i and any(tokens[k].text.lower() in COMPLEMENTIZERS for k in range(f + 1, i)) for f in framing):
            del out[key]
        elif any(_governs(tokens, f, i, sentence.lang, morph) and _infinitive(sentence, f, i, morph) for f in wanting):
            del out[key]  # «просит Канаду предоставить убежище», "urged him not to back down": wanted, not done


def _infinitive(sentence: Sentence, f: int, i: int, morph: Morph) -> bool:
    """Whether the trigger at token i is an infinitive that the demand or threat at f governs: by its first word's
    reading in Russian and Ukrainian; in English a "to" before it right after the demand's own words, whom it
    addresses or "not" ("threatened to impose", "urged Germany to send", "urged him not to back down"; not "in
    response to missile tests", nor a purpose: "organize forces to fight")."""
    tokens = sentence.tokens
    if sentence.lang == "en":
        if i < 2 or tokens[i - 1].text.lower() != "to":
            return False
        before = i - 2
        return (
            before <= f + FRAMING_WORDS
            or tokens[before].text.lower() in ADDRESSED_EN
            or any(s.j == before + 1 for s in sentence.slots)
        )
    return tokens[i].text.islower() and morph.infinitive(tokens[i].text, sentence.lang)


def _governs(tokens: list[Token], f: int, i: int, lang: str, morph: Morph) -> bool:
    """Whether a demand or threat at token f can govern an infinitive at token i: f comes first, at most
    CONTENT_SPAN words before, with no sentence-like break, complementizer, subordinating conjunction or «и» / "and"
    opening a clause between (not «призвал США не вмешиваться ... и отверг критику»)."""
    if not f < i <= f + CONTENT_SPAN:
        return False
    for k in range(f + 1, i):
        word = tokens[k].text.lower()
        if word in STRONG_BREAKS or word in COMPLEMENTIZERS or word in SUBORDINATORS:
            return False
        if word in AND and not _listed(tokens[k + 1].text, lang, morph):
            return False
    return True


def _listed(word: str, lang: str, morph: Morph) -> bool:
    """Whether the word after «и» / "and" goes on a list of names or nouns («США, Великобритании и Канады») rather
    than opening a clause of its own («и отверг критику», "and imposed"): a capitalized word, or in Russian and
    Ukrainian one whose reading is no verb."""
    if word[:1].isupper():
        return True
    if lang == "en":
        return False
    readings = morph.readings(word.lower(), lang)
    return bool(readings) and not {"VERB", "verb", "INFN", "infn"} & readings[0].tags


def demote_content(out: dict[Key, Event], placed: list[tuple[Key, int]]) -> None:
    """An event whose trigger follows a demand, refusal, promise, threat or accusation in the same sentence
    is most likely its content ("demanded that Israel ease restrictions"): it stays, with lower confidence,
    so that the sentence's main event is the framing one."""
    framing = [i for key, i in placed if key[0] in FRAMING]
    for key, i in placed:
        if key[0] not in FRAMING and any(f < i for f in framing) and key in out:
            e = out[key]
            out[key] = replace(e, confidence=round(max(0.1, e.confidence - 0.3), 2))


def nested(sentence: Sentence, i: int, clause: Clause | None) -> bool:
    """Whether the trigger at token i is an argument of another predicate: an English gerund after a
    preposition ("suspected of blowing up", "sanctions for attacking"), or an event noun merely mentioned
    in a parsed clause."""
    if clause is not None:
        return clause.how.startswith("mentioned")
    tokens = sentence.tokens
    return (
        sentence.lang == "en"
        and tokens[i].text.lower().endswith("ing")
        and i > 0
        and tokens[i - 1].text.lower() in OTHER_PREP["en"] | AGAINST["en"] | {"in", "at"}
    )


def drop_broader(out: dict[Key, Event], start: int) -> None:
    """Two events of one type and actor in a sentence, the recipients of one among the other's, are one event
    told twice («Лавров в беседе с Ван И обсудил Украину»: the conversation and the discussion); the one with
    the fewer recipients stays, since the other took a party from what the first reads as its topic."""
    keys = [k for k in out if k[3] == start and k[2]]
    for k in keys:
        if any(o != k and o[:2] == k[:2] and set(o[2]) < set(k[2]) for o in keys):
            del out[k]
