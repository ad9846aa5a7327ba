"""The case of a mention, for the event coder's argument rules: whether it can be its clause's subject (nominative)
or is an oblique, read from the dictionaries and, where a name hides its case, from what stands around it
(«Владимира Путина», «Ли Шанфу», «Лариса Онул висловила», acronyms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from entente.extract.event_grammar import AGAINST, CONJUNCTIONS, OTHER_PREP, PARTNER, PLACE, QUOTES
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

if TYPE_CHECKING:
    from entente.extract.event_args import Slot


def case(tokens: list[Token], slot: Slot, lang: str, morph: Morph) -> str:
    """The case of a mention: nominative if its head word can be nominative and not only oblique."""
    words = [t.text for t in tokens[slot.i : slot.j] if t.is_word and len(t.text) > 1] or [tokens[slot.i].text]
    # a person's case shows on the last word («Си Цзиньпина», «Владимиру Путину»), a body's on the first
    head = words[-1] if slot.actor.type == "person" else words[0]
    if slot.actor.type == "person" and len(words) > 1 and _title(words[0], lang, morph):
        head = words[0]  # «Президент Франции» (a title standing for the person): the case is the title's
    if slot.actor.type == "person" and any(
        (r := morph.readings(w, lang)) and "Name" in r[0].tags and not any("nomn" in x.tags for x in r[:3])
        for w in words[:-1]
    ):
        return "obl"  # «Владимира Путина»: the given name shows the case a surname («Путина») may hide
    if _indeclinable(words, slot, lang, morph):  # «Ли Шанфу»: oblique only after a verb or a preposition
        prev = morph.readings(tokens[slot.i - 1].text.lower(), lang) if slot.i > 0 else ()
        return "obl" if prev and prev[0].tags & {"VERB", "INFN", "PREP", "PRTF", "GRND"} else "nomn"
    if head.isupper():  # acronyms (США, НАТО, КНР) do not decline: a subject opens its clause or follows «и»
        before = tokens[slot.i - 1].text.lower() if slot.i > 0 else ""
        opens = not before or not tokens[slot.i - 1].is_word or before in CONJUNCTIONS
        return "nomn" if opens or _connective(tokens, slot.i - 1, lang, morph) else "obl"
    if _latin(head, lang, morph):
        # a name in Latin letters does not decline either («Ryanair», «Netflix»): nominative where it opens its clause
        # or stands before its own verb with no noun or preposition governing it («що Ryanair заперечує»); after «и»
        # it may be the second of two genitives («акцій Nord Stream AG та Nord Stream 2 AG»)
        k = past_quotes(tokens, slot.i - 1, -1)
        opens = k < 0 or (not tokens[k].is_word and tokens[k].text not in QUOTES)
        return "nomn" if opens or _verb_follows(tokens, slot, lang, morph) else "obl"
    if slot.actor.type == "person" and head.lower().endswith(("ов", "ев", "ёв", "єв", "ин", "ін", "ын")):
        return "nomn"  # a man's surname with no ending is nominative, whatever the dictionary reads («Токаев»)
    if slot.actor.type == "person" and _finite_verb_after(tokens, slot, lang, morph):
        return "nomn"  # «Лариса Онул висловила»: a woman's name right before her verb is its subject
    readings = morph.readings(head, lang)
    if not readings:
        return "nomn"
    best = readings[0].tags
    if "nomn" in best:
        return "nomn"
    if any("nomn" in r.tags for r in readings[:3]) and not ({"datv", "ablt", "loct"} & best):
        return "nomn"
    return "obl"


GOVERNING = frozenset({"NOUN", "ADJF", "NUMR", "PRTF", "PREP", "LATN"})  # a word before a name that may govern its case


def _connective(tokens: list[Token], k: int, lang: str, morph: Morph) -> bool:
    """Whether Ukrainian word k, opening its clause, may be an adverb that governs no noun («Тому ВГСУ відхилив»:
    «тому» is "therefore" there, not the dative of «той»; «Також ВГСУ заявив»)."""
    if lang != "uk":
        return False  # Russian has its tree (and «что» reads as an adverb too)
    opens = k == 0 or not tokens[k - 1].is_word
    return opens and any("ADVB" in r.tags for r in morph.readings(tokens[k].text.lower(), lang))


def _latin(word: str, lang: str, morph: Morph) -> bool:
    """Whether the dictionary reads `word` only as Latin letters (a name written in its own script)."""
    readings = morph.readings(word.lower(), lang)
    return bool(readings) and all("LATN" in r.tags for r in readings)


def _verb_follows(tokens: list[Token], slot: Slot, lang: str, morph: Morph) -> bool:
    """Whether a verb stands right after a mention that no preposition nor noun governs: an indeclinable name there is
    its subject («что Ryanair отрицает»; not «Співробітники Ryanair вимагають», where the workers demand)."""
    after, k = past_quotes(tokens, slot.j, 1), past_quotes(tokens, slot.i - 1, -1)
    if after >= len(tokens) or not tokens[after].is_word:
        return False
    before = tokens[k].text.lower() if k >= 0 else ""
    if before in PARTNER[lang] | PLACE[lang] | AGAINST[lang] | OTHER_PREP[lang]:
        return False
    if (previous := morph.readings(before, lang)) and previous[0].tags & GOVERNING:
        return False
    readings = morph.readings(tokens[after].text.lower(), lang)
    return bool(readings) and "VERB" in readings[0].tags


def past_quotes(tokens: list[Token], k: int, step: int) -> int:
    """The first token from k on, in the direction `step`, that is no quote mark («Nord Stream AG» is a name in its
    marks, which open no clause)."""
    while 0 <= k < len(tokens) and tokens[k].text in QUOTES:
        k += step
    return k


def _finite_verb_after(tokens: list[Token], slot: Slot, lang: str, morph: Morph) -> bool:
    """Whether the word right after a mention, with no preposition before it, is a verb in the feminine past
    singular («Лариса Онул висловила», «Мэй приняла»): the mention is that verb's subject."""
    if slot.j >= len(tokens) or not tokens[slot.j].is_word:
        return False
    if slot.i > 0 and tokens[slot.i - 1].text.lower() in PARTNER[lang] | PLACE[lang] | AGAINST[lang] | OTHER_PREP[lang]:
        return False
    readings = morph.readings(tokens[slot.j].text.lower(), lang)
    # a feminine past form: women's surnames ending in a consonant (Меркель, Мэй, Онул) do not decline, so only the
    # verb's agreement shows the subject; men's names show their case («Мааса заверил», «Аллена всплыло»)
    return bool(readings) and {"VERB", "past", "femn"} <= readings[0].tags and "plur" not in readings[0].tags


def _indeclinable(words: list[str], slot: Slot, lang: str, morph: Morph) -> bool:
    """A name written family name first with an indeclinable family name and given name («Ли Шанфу»): the
    dictionary's guess at the given name («Шанфу» as the accusative of «Шанфа») says nothing of its case."""
    return (
        slot.actor.type == "person"
        and len(words) > 1
        and words[-1][-1:].lower() in "уюиіоеэєы"
        and any(r.tags >= {"Fixd"} and r.tags & {"Name", "Surn"} for r in morph.readings(words[0].lower(), lang))
    )


def _title(word: str, lang: str, morph: Morph) -> bool:
    """A common noun opening a person's mention: a title, not a name."""
    readings = morph.readings(word.lower(), lang)
    return bool(readings) and "NOUN" in readings[0].tags and not readings[0].tags & {"Name", "Surn", "Patr"}


def accusative_noun(tokens: list[Token], slot: Slot, lang: str, morph: Morph) -> bool:
    """Whether the mention's last word can be an accusative noun («Саакашвілі», «Ізраїль»; not the adjective-like
    «Зеленський», whose accusative is «Зеленського»)."""
    last = tokens[slot.j - 1]
    return last.is_word and any(
        "NOUN" in r.tags and "accs" in r.tags for r in morph.readings(last.text.lower(), lang)
    )


def accusative(tokens: list[Token], slot: Slot, lang: str, morph: Morph) -> bool:
    """Whether the mention can also be accusative («закликав Північноатлантичний альянс»)."""
    return any(morph.has(t.text, lang, "accs") for t in tokens[slot.i : slot.j] if t.is_word)
