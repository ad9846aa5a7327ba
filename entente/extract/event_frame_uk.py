"""Whether a Ukrainian event noun happened, read without a parse (natasha's parser is Russian: on Ukrainian it
cost recall, EVALUATION.md): from the words of the noun's own clause, in their order.

The Russian clause layer (event_clause.py) reads the same from the tree: a failure noun that governs the event
noun («скасування візиту»), a failure verb that takes it as its object («скасували зустріч») or its subject
(«переговори зірвалися», «візит було відкладено»), an occurrence verb denied («зустріч не відбулася»). Here the
clause is the stretch between clause breaks, the governing word one of the two before the event noun, the
predicate the first verb after it; of the failure verbs only those whose subject undergoes the failure
(`undone`: «зірватися», «скасувати») count after the noun: «заборона перешкоджає отриманню допомоги» hinders
the aid, not the ban. The word lists are the `[clause]` lists of cues_uk.toml.

>>> from entente.nlp.tokens import tokenize
>>> from entente.nlp.morph import Morph
>>> words = {"undone": {"скасувати"}, "failure_nouns": {"скасування"}, "occurrence": {"відбутися"}}
>>> tokens = tokenize("Зустріч не відбулася.", "uk")
>>> lemma = {0: "зустріч", 1: "не", 2: "відбутися"}.get
>>> failed_uk(tokens, lemma, 0, 1, words, Morph())
'відбутися'
"""

from __future__ import annotations

from collections.abc import Callable

from entente.extract.event_sentence import CLAUSE_BREAKS
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

NOT = frozenset({"не", "ні"})
COMPLEMENTIZERS = frozenset({"що", "щоб"})
GOVERNOR_SPAN = 2  # words between a failure noun and the event noun it governs («скасування запланованого візиту»)


def failed_uk(
    tokens: list[Token],
    lemma: Callable[[int], str | None],
    i: int,
    j: int,
    words: dict[str, set[str]],
    morph: Morph,
) -> str | None:
    """The word that says the event noun at tokens i..j did not happen, or None. `lemma(k)`: token k's lemma."""
    failure = words.get("failure", set())
    start = max((k + 1 for k in range(i) if tokens[k].text in CLAUSE_BREAKS), default=0)
    end = next((k for k in range(j, len(tokens)) if tokens[k].text in CLAUSE_BREAKS), len(tokens))
    for k in range(max(start, i - GOVERNOR_SPAN - 1), i):
        if lemma(k) in words.get("failure_nouns", ()):
            return lemma(k)  # «скасування візиту», «зрив переговорів»
    for k in range(i - 1, max(start, i - GOVERNOR_SPAN - 1) - 1, -1):
        if lemma(k) in failure:
            return lemma(k)  # «скасували зустріч», «відмовилася від переговорів»
        if _noun(tokens[k].text, morph):
            break  # «скасувала 150 рейсів через страйк»: the flights are what was cancelled
    for k in range(j, end):
        word = lemma(k)
        if word in words.get("undone", ()):
            return word  # «зустріч скасували», «візит було відкладено», «переговори зірвалися»
        if word in words.get("occurrence", ()):
            return word if tokens[k - 1].text.lower() in NOT else None  # «зустріч не відбулася»
        if word != "бути" and _finite(tokens[k].text, morph):  # «було відкладено»: the auxiliary goes on
            return None  # another predicate: what it says is not about this noun's occurrence
    return None


def denied_uk(
    tokens: list[Token], lemma: Callable[[int], str | None], i: int, words: dict[str, set[str]]
) -> str | None:
    """The verb of doubt or denial whose «, що ...» clause holds the trigger at token i, or None: «Україна
    заперечує, що атакувала Росію», «Зеленський сумнівається, що зустріч відбудеться»."""
    for k in range(i - 1, 0, -1):
        if tokens[k].text.lower() in COMPLEMENTIZERS and tokens[k - 1].text == ",":
            start = max((n + 1 for n in range(k - 1) if tokens[n].text in CLAUSE_BREAKS), default=0)
            return next((lemma(n) for n in range(start, k - 1) if lemma(n) in words.get("denying", ())), None)
    return None


def _noun(word: str, morph: Morph) -> bool:
    readings = morph.readings(word.lower(), "uk")
    return bool(readings) and "NOUN" in readings[0].tags


def _finite(word: str, morph: Morph) -> bool:
    readings = morph.readings(word.lower(), "uk")
    return bool(readings) and "VERB" in readings[0].tags
