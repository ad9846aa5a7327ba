"""What the words of a trigger's own clause say, read in their order without a parse, for Ukrainian and English
(natasha's parser is Russian: on Ukrainian it cost recall, EVALUATION.md): whether the event happened (`failed`,
`denied`, and `in_doubt`, which Russian uses too), whether a Ukrainian event noun is a title's or a topic
(`of_topic`), and whether an English subject gets the event rather than does it (`undergone_en`).

The Russian clause layer (event_clause.py) reads the same from the tree: a failure noun that governs the event
noun («скасування візиту», "the cancellation of the visit"), a failure verb that takes it as its object
(«перенесли зустріч», "postponed the meeting") or its subject («переговори зірвалися», «візит було відкладено»,
"the talks collapsed"), an occurrence denied («зустріч не відбулася», "did not take place"), a verb of doubt or
denial over the clause that holds it («заперечує, що атакувала», "doubts that the talks will take place").
Here the clause is the stretch between clause breaks, the governing word one of the two before the event noun,
the predicate the first verb after it; of the failure verbs only those whose subject undergoes the failure
(`undone`) count after the noun: «заборона перешкоджає отриманню допомоги» hinders the aid, not the ban. The word
lists are the `[clause]` lists of cues_<lang>.toml.

>>> from entente.nlp.tokens import tokenize
>>> from entente.nlp.morph import Morph
>>> words = {"undone": {"скасувати"}, "failure_nouns": {"скасування"}, "occurrence": {"відбутися"}}
>>> tokens = tokenize("Зустріч не відбулася.", "uk")
>>> lemma = {0: "зустріч", 1: "не", 2: "відбутися"}.get
>>> failed(tokens, lemma, 0, 1, words, Morph(), "uk")
'відбутися'
"""

from __future__ import annotations

from collections.abc import Callable

from entente.extract.event_grammar import QUOTES, VERB_BEFORE
from entente.extract.event_sentence import CLAUSE_BREAKS
from entente.nlp.morph import Morph
from entente.nlp.tokens import Token

NOT = frozenset({"не", "ні", "not", "never", "didn't", "won't", "wasn't", "weren't", "doesn't", "don't", "hasn't",
                 "haven't", "hadn't", "wouldn't", "isn't", "aren't"})
COMPLEMENTIZERS = frozenset({"що", "щоб", "that"})
AUXILIARIES = frozenset({"бути", "be", "is", "was", "were", "are", "been", "being", "has", "have", "had", "did",
                         "does", "do", "will", "would", "finally", "also", "eventually", "then", "now"})
# what stands before an English noun: "the meeting", "Xi's visit", "a planned summit"
DETERMINERS_EN = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these",
                            "those", "planned", "scheduled", "proposed", "expected", "upcoming", "next"})
PREPOSITIONS_EN = frozenset({"of", "for", "to", "in", "on", "with", "by", "from", "at", "as"})
UNDERGO_SPAN = 4  # words between "received" and "support" ("received even stronger support")
# participles that do not end in -ed / -en: after "has" they make a perfect, not a possession ("has met with")
IRREGULAR_PARTICIPLES = frozenset({"met", "won", "held", "made", "got", "had", "been", "done", "led", "sought", "said",
                                   "told", "given", "taken", "put", "set", "kept", "brought", "struck", "fought",
                                   "flown", "gone", "sent", "spoken", "begun", "sat", "left", "fled", "paid", "sold",
                                   "become", "come", "run", "spread", "hit", "cut", "hurt", "cast", "let", "shut",
                                   "quit", "bid", "cost", "beat", "bought", "caught", "taught", "thought", "found",
                                   "heard", "lost", "meant", "read", "stood", "understood", "built", "spent"})
NAME_SPAN = 3  # words from the head of a name to its event noun («Комісар з гуманітарної допомоги»)
NAME_PREP = frozenset({"з", "із", "про", "щодо"})  # prepositions inside a body's or document's name
GOVERNOR_SPAN = 2  # words between a failure word and the event noun («скасування запланованого візиту»)
# words that stand between a determiner and an English event noun ("the latest terrorist attacks")
NOUN_MODIFIERS = frozenset({"last", "recent", "latest", "deadly", "mass", "terrorist", "terror", "new", "initial",
                            "first", "alleged", "apparent", "military", "armed", "suicide", "violent", "brutal"})
# prepositions that make an English conflict noun a mention ("after the attacks", "over the shooting")
GOVERNING_EN = frozenset({"after", "before", "during", "since", "over", "of", "about", "to", "for", "in", "at", "from",
                          "against", "amid", "following", "despite", "into", "among", "under", "on", "by", "with"})
POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")
GOVERNED_SPAN = 3  # words between a preposition and the event noun it governs ("after last month's Paris attacks")
AFTER_SPAN = 8  # English words after a noun in which its predicate stands ("the meeting between X and Y was cancelled")


def failed(
    tokens: list[Token],
    lemma: Callable[[int], str | None],
    i: int,
    j: int,
    words: dict[str, set[str]],
    morph: Morph,
    lang: str,
) -> str | None:
    """The word that says the event noun at tokens i..j did not happen, or None (also None when the trigger is
    no noun). `lemma(k)`: token k's lemma."""
    if not noun_at(tokens, i, morph, lang):
        return None
    start, end = _clause(tokens, i, j)
    for k in range(i - 1, max(start, i - GOVERNOR_SPAN - 1) - 1, -1):
        if lemma(k) in words.get("failure_nouns", ()) or lemma(k) in words.get("failure", ()):
            return lemma(k)  # «скасування візиту», «перенесли зустріч», "postponed the meeting"
        if lang == "uk" and _pos(tokens[k].text, morph, "NOUN"):
            break  # «скасувала 150 рейсів через страйк»: the flights are what was cancelled
    if lang == "en":
        end = min(end, j + AFTER_SPAN)
    cause = words.get("cause_case", set())
    if any(tokens[k].text.lower() in cause for k in range(max(start, i - GOVERNOR_SPAN - 1), i)):
        return None  # «через масштабні страйки ... вимушений скасувати рейси»: a cause, not what is called off
    for k in range(j, end):
        word = lemma(k)
        if word in words.get("undone", ()) and (lang != "en" or _predicate_en(tokens, k)):
            return word  # «зустріч скасували», «візит було відкладено», "the talks collapsed"
        if word in words.get("occurrence", ()):
            return word if tokens[k - 1].text.lower() in NOT else None  # «зустріч не відбулася», "did not take place"
        if word in AUXILIARIES or tokens[k].text.lower() in AUXILIARIES | NOT:
            continue  # «було відкладено», "has been postponed", "did not"
        if lang == "uk" and _pos(tokens[k].text, morph, "VERB"):
            return None  # another predicate: what it says is not about this noun's occurrence
    return None


def denied_after(tokens: list[Token], lemma: Callable[[int], str | None], j: int, be: set[str]) -> str | None:
    """The negation right after a trigger that ends in its predicate, before a form of "be" (`be`): «угоду про
    асоціацію підписано не буде», «угода підписана не була». Russian reads it from the tree."""
    if j + 1 < len(tokens) and lemma(j) == "не" and tokens[j + 1].text.lower() in be:
        return "не"
    return None


def denied(
    tokens: list[Token], lemma: Callable[[int], str | None], i: int, words: dict[str, set[str]]
) -> str | None:
    """The verb of doubt or denial whose «, що ...» / "that ..." clause holds the trigger at token i, or None:
    «Україна заперечує, що атакувала Росію», "China doubts that the talks will take place"."""
    for k in range(i - 1, 0, -1):
        word = tokens[k].text.lower()
        if word in COMPLEMENTIZERS and (tokens[k - 1].text == "," or word == "that"):
            before = k - 1 if tokens[k - 1].text == "," else k
            start = _clause(tokens, before, before)[0]
            return next((lemma(n) for n in range(start, before) if lemma(n) in words.get("denying", ())), None)
    return None


def in_title(tokens: list[Token], lemma: Callable[[int], str | None], i: int, heads: set[str], morph: Morph) -> bool:
    """Whether the Ukrainian event noun at token i, after a preposition, describes a person by what they do: a
    title noun (`agent_heads`) stands a word or two before the preposition, with no verb or break between
    («Координатор Євросоюзу на переговорах щодо Brexit Мішель Барньє запропонував»). The Russian tree says the
    same (event_clause._in_title)."""
    if i < 2 or not morph.has(tokens[i - 1].text.lower(), "uk", "PREP"):
        return False
    for k in range(i - 2, max(-1, i - 2 - GOVERNOR_SPAN), -1):
        if tokens[k].text in CLAUSE_BREAKS or _pos(tokens[k].text, morph, "VERB"):
            return False
        if lemma(k) in heads:  # the head of its own phrase, not inside another («повернулася в уряд після ...»)
            return k == 0 or not morph.has(tokens[k - 1].text.lower(), "uk", "PREP")
    return False


def of_topic(
    tokens: list[Token], lemma: Callable[[int], str | None], i: int, words: dict[str, set[str]], morph: Morph
) -> bool:
    """Whether the Ukrainian event noun at token i names no event of its own: a title's («Координатор Євросоюзу на
    переговорах щодо Brexit»), or the topic of the noun right before it («план візиту», «правом вето»; not one that
    presupposes it, «за підсумками переговорів»), or part of the name of a body or a document (`topic_institutions`).
    """
    if in_title(tokens, lemma, i, words.get("agent_heads", set()), morph):
        return True
    before = lemma(i - 1) if i > 0 else None
    if before in words.get("topic", set()) and before not in words.get("presupposing", set()):
        return True
    # the head of a body's or a document's name, adjectives and one preposition between: «Програми транскордонного
    # співробітництва», «управління фінансових розслідувань», «угода про співпрацю», «Комісар з гуманітарної допомоги»
    k, preposition = i - 1, False
    while k >= 0 and i - k <= NAME_SPAN:
        word = tokens[k].text.lower()
        if word not in NAME_PREP and not _pos(word, morph, "ADJF"):
            break
        preposition = preposition or word in NAME_PREP
        k -= 1
    head = lemma(k) if 0 <= k < i - 1 else None
    return (
        head in words.get("topic_institutions", set())
        or (head in words.get("topic", set()) and head not in words.get("presupposing", set()))
        or (preposition and head in words.get("agent_heads", set()))
    )


def undergone_en(tokens: list[Token], lemma: Callable[[int], str | None], i: int, words: dict[str, set[str]]) -> bool:
    """Whether an English event noun at token i is what its clause's subject gets or loses ("received even stronger
    support", "drew criticism", "facing accusations"), or what it causes ("triggered sanctions"): a verb of `undergo` or
    `causing` a few words before it, in its clause; or
    what a constituency gives its holder ("her broad support among black voters", "Obama's support across
    Florida": a word of `constituency` right after it)."""
    if i + 1 < len(tokens) and tokens[i + 1].text.lower() in words.get("constituency", ()):
        return True
    for k in range(i - 1, max(-1, i - 1 - UNDERGO_SPAN), -1):
        if tokens[k].text in CLAUSE_BREAKS:
            return False
        if lemma(k) in words.get("undergo", ()):
            return True
        if lemma(k) in words.get("causing", ()):
            return not any(t.text.lower() == "to" for t in tokens[k + 1 : i])  # "prompted Sirius XM to suspend"
        if tokens[k].text.lower() in words.get("possess", ()):
            # "has strong support among voters": "have" before the noun itself, with no participle between ("has
            # signaled their support", "has met with") and no verb form as the trigger ("has supported")
            between = [t.text.lower() for t in tokens[k + 1 : i + 1]]
            return not any(w.endswith(("ed", "en", "ing")) or w in IRREGULAR_PARTICIPLES for w in between)
    return False


# words before an English trigger that make it a noun ("about complaints", "drew criticism"; not "to seize")
AROUND_NOUN = (PREPOSITIONS_EN - {"to"}) | {"about", "over", "amid", "against", "after", "despite", "following"}
AGENT_WORDS = 6  # words of an agent phrase, and of the appositive after its comma ("by the secretary ..., J. Lew")
AGENT_FROM = frozenset({"SUPPORT", "AID", "ACCUSE", "REQUEST", "THREATEN", "SANCTION", "AGREE", "ASSAULT", "COERCE"})
PHRASE_END = frozenset({"that", "who", "which", "after", "before", "when", "while", "because", "and", "but"})


def agent_phrase_en(
    tokens: list[Token], lemma: Callable[[int], str | None], i: int, j: int, kind: str, under: set[str], morph: Morph
) -> tuple[int, int] | None:
    """The token span of an English event noun's agent phrase: "by" right after it ("complaints by the
    secretary of the Treasury, Jacob J. Lew, that ..."), or "from" for what one gives or does to another
    ("support from fellow lawmakers", "criticism from Berlin"; not "withdrawal from Syria"). The phrase runs to
    its clause's end, an appositive after one comma included; None when there is none."""
    if j >= len(tokens) or tokens[j].text.lower() not in ("by", "from"):
        return None
    around = i > 0 and (tokens[i - 1].text.lower() in AROUND_NOUN or (lemma(i - 1) or "") in under)
    if not (noun_at(tokens, i, morph, "en") or around or _modified(tokens, i)):
        return None  # a verb ("demanded from Russia"): its own subject acts
    if tokens[j].text.lower() == "from" and kind not in AGENT_FROM:
        return None
    end, commas, length = j + 1, 0, 0
    while end < len(tokens) and length < AGENT_WORDS:
        word = tokens[end].text
        listed = word in ("and", "or") and end + 1 < len(tokens) and tokens[end + 1].text[:1].isupper()
        if (word.lower() in PHRASE_END and not listed) or word in QUOTES or (
            word in CLAUSE_BREAKS and (word != "," or commas)
        ):
            break  # a list of names goes on: "from Ted Cruz and Marco Rubio"
        commas += word == ","
        length = 0 if word == "," else length + 1
        end += 1
    return j + 1, end


def _modified(tokens: list[Token], i: int) -> bool:
    """Whether the English word at i, not a past form, follows a lower-case word that is no verb's subject, modal or
    "to": a noun after its modifier ("blistering attacks", "stepped-up criticism"), not a verb ("they attack", "to
    march", "Russia attacks")."""
    before = tokens[i - 1].text if i > 0 else ""
    return (
        not tokens[i].text.lower().endswith("ed")
        and before.islower()
        and before.isalpha()
        and before not in VERB_BEFORE["en"]
        and before not in AUXILIARIES
    )


def governed_en(tokens: list[Token], i: int, prepositions: frozenset[str] = GOVERNING_EN) -> int | None:
    """Where the phrase of an English event noun at token i begins when a preposition governs it ("after the Paris
    attacks", "reaction to the attacks", "over the attack"): the noun is mentioned there, not reported, and the
    clause's subject did not do it. None when no preposition stands within GOVERNED_SPAN words before the noun."""
    for k in range(i - 1, max(-1, i - GOVERNED_SPAN - 2), -1):
        word = tokens[k].text.lower()
        if word in prepositions:
            # "the", "last month's", "Sanders's": a noun phrase, not a verb after a name ("Iran on Tuesday threatened")
            determined = any(
                not tokens[n].text[:1].isupper() or tokens[n].text.endswith(POSSESSIVE_ENDS) for n in range(k + 1, i)
            )
            if not determined and (word == "to" or tokens[i].text.lower().endswith(("ed", "ing"))):
                return None  # "to fight", "Iran on Tuesday threatened", "for attacking": a verb
            return k + 1
        if not _modifier(tokens[k].text):
            return None  # "threatening ... over delegate selection and threatening": another phrase between
    return None


def predicated(
    tokens: list[Token], lemma: Callable[[int], str | None], i: int, j: int, words: dict[str, set[str]]
) -> bool:
    """Whether the event noun at tokens i..j is its clause's predicate, read without a parse: a support verb among
    the `GOVERNOR_SPAN` + 1 words before it («здійснюють страйк», «провели масовий мітинг») or an occurrence verb
    among as many words on either side («протести тривають», «відбулася акція протесту»)."""
    start, end = _clause(tokens, i, j)
    support, occurrence = words.get("support", set()), words.get("occurrence", set())
    before = range(max(start, i - GOVERNOR_SPAN - 1), i)
    after = range(j, min(end, j + GOVERNOR_SPAN + 1))
    return any(lemma(k) in support | occurrence for k in before) or any(lemma(k) in occurrence for k in after)


def _modifier(word: str) -> bool:
    """Whether an English word can stand inside a noun phrase before its noun: a determiner, a possessive, a name
    or a number ("the", "last month's", "Paris", "2012"), or a word of `NOUN_MODIFIERS` ("the deadly attacks")."""
    low = word.lower()
    return (
        low in DETERMINERS_EN
        or low in NOUN_MODIFIERS
        or low.endswith(POSSESSIVE_ENDS)
        or word[:1].isupper()
        or word[:1].isdigit()
    )


def in_doubt(
    tokens: list[Token], lemma: Callable[[int], str | None], j: int, words: dict[str, set[str]]
) -> str | None:
    """The noun of doubt that an event noun ending at token j is said to be under, in its clause, or None: «визит
    был под большим вопросом», «саміт під загрозою», "the talks are in doubt" (`doubt_under`: the prepositions;
    `doubt`: the nouns). Read without the tree in every language: the parser often hangs «под вопросом» elsewhere."""
    under, doubts = words.get("doubt_under", set()), words.get("doubt", set())
    end = _clause(tokens, j, j)[1]
    for k in range(j, end):
        if tokens[k].text.lower() in under:
            after = range(k + 1, min(end, k + 2 + GOVERNOR_SPAN))
            return next((lemma(n) for n in after if lemma(n) in doubts), None)
    return None


def _clause(tokens: list[Token], i: int, j: int) -> tuple[int, int]:
    """The token span of the clause around tokens i..j: from after the last clause break before i to the first
    one at or after j."""
    start = max((k + 1 for k in range(i) if tokens[k].text in CLAUSE_BREAKS), default=0)
    end = next((k for k in range(j, len(tokens)) if tokens[k].text in CLAUSE_BREAKS), len(tokens))
    return start, end


def noun_at(tokens: list[Token], i: int, morph: Morph, lang: str) -> bool:
    """Whether the trigger at token i is a noun: by its reading (Ukrainian), or a determiner before it (English)."""
    if lang == "uk":
        return _pos(tokens[i].text, morph, "NOUN")
    before = tokens[i - 1].text.lower() if i > 0 else ""
    return i == 0 or before in DETERMINERS_EN or before.endswith("'s")


def _predicate_en(tokens: list[Token], k: int) -> bool:
    """Whether the English word at k is a verb in the past ("collapsed", "was cancelled"), not a noun or an
    attribute ("a two-year delay", "a failed bill", "to delay")."""
    return tokens[k].text.lower().endswith("ed") and tokens[k - 1].text.lower() not in DETERMINERS_EN | PREPOSITIONS_EN


def _pos(word: str, morph: Morph, tag: str) -> bool:
    """Whether the most likely Ukrainian reading of `word` carries `tag`."""
    return tag in morph.best(word, "uk")
