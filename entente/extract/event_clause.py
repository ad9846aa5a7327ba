"""How a sentence's dependency tree holds the event of one trigger: how a noun trigger is predicated,
which verb carries the event, what above that verb denies it or makes it a condition, and which tokens
name its actor, its recipient in a passive, and the party of what was refused.

An event noun is read by its place: the root of a headline-like sentence, the subject of an occurrence
verb («встреча состоялась»), the object of a support verb («провели переговоры»), an adverbial that
presupposes it happened («на встрече», «в ходе переговоров»), or governed by a failure noun or verb
(«срыв переговоров»). As a topic («темы саммита») or as what another verb acts on or wants («оспаривать
обвинения», «разрешили встречу») it is no event; anywhere else (a genitive, an oblique, another verb's
subject) it is kept and marked `mentioned-<relation>` (dropping those cost more right events than wrong
ones: EVALUATION.md). Above the
carrying verb, a failure verb («переговоры сорвались», «отменил визит», «отказался начать»), a «не» on the
chain of control («не намерен вести переговоры»), or a conditional subordinator («если Китай поможет»)
frames it.

The word lists are data: `[clause]` in extract/data/cues_<lang>.toml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from entente.extract.event_grammar import AGENT_MARK, RELATIVE
from entente.extract.event_sentence import Lemmas
from entente.nlp.morph import Reading
from entente.nlp.syntax import Tree

# relations that open a clause of its own: its mentions are not the arguments of the clause above
EMBEDDED = frozenset({"ccomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj"})
# relations through which a head controls or frames the event below it
CONTROL = frozenset({"xcomp", "obj", "nsubj", "nsubj:pass", "csubj", "obl"})
SUBJECT = frozenset({"nsubj", "nsubj:pass"})
NOMINAL = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "appos")  # where a noun stands
NOT = frozenset({"не", "ни", "ні", "not", "never"})
BUT = frozenset({"но", "однако", "а", "але", "проте", "однак", "but", "however"})
COMPLEMENT = frozenset({"ccomp"})
CLOSING = frozenset({"»", '"', "”", ")"})
CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "(", ")"})
# a noun in these places under a verb that neither carries nor presupposes it is what that verb acts on or
# wants, not a report that it happened
NOT_PREDICATED = frozenset({"obj", "iobj", "nsubj:pass"})


@dataclass(frozen=True)
class Clause:
    """The reading of one trigger in its tree. `how` names the rule that predicated it: `verb`,
    `headline`, `occurrence`, `support`, `undergone` (its verb's subject undergoes it), `intended` (under a verb of
    intent: «в отставку не собирается»), `presupposed`, `failed`,
    or `mentioned-<relation>` (a noun in any other place); `negated_by` and `condition` are the words that
    frame it, if any; `pronoun` whether the clause's subject is a pronoun for someone named before."""

    head: int
    predicate: int
    how: str
    negated_by: str | None
    condition: str | None
    pronoun: bool
    agents: tuple[int, ...] = ()  # tokens of a noun trigger's genitive agent («визит Нетаньяху», «отставка Джонсона»)
    patients: tuple[int, ...] = ()  # tokens of a passive verb's subject («Польша была обвинена»): its recipient
    subjects: tuple[int, ...] = ()  # tokens of the subject phrase («представители Евросоюза»)
    passive: bool = False  # a passive clause: its actor is `agents`, or no one
    complement: tuple[int, ...] = ()  # tokens of what a verb governs (objects, obliques, infinitives)
    scope: frozenset[int] = frozenset()  # tokens of the carrying verb's own clause (its time is the event's)
    objects: tuple[int, ...] = ()  # tokens of a verb's direct and indirect objects («Биби приговорили»)
    owners: tuple[int, ...] = ()  # tokens of a passive subject's genitive («войска России переброшены»)


def read(tree: Tree, lemmas: Lemmas, i: int, j: int, noun: bool, words: dict[str, set[str]]) -> Clause | None:
    """The clause of the trigger at tokens i..j; None when a noun trigger is not a predication."""
    head = phrase_head(tree, i, j)
    negated_by: str | None = None
    if noun and tree.heads[head] >= 0 and tree.rels[head] == "conj":
        head = _first_conjunct(tree, head)  # «переговоры и встреча состоялись»: as its first conjunct
    if noun:
        found = _predication(tree, lemmas, head, words)
        if found is None:
            return None
        predicate, how = found
        if how == "failed":
            negated_by = lemmas.get(predicate)
    else:
        predicate, how = head, "verb"
        if (
            tree.rels[head] == "amod"
            or (tree.rels[head] == "acl" and _participle(lemmas, head))
            or (
                tree.rels[head] in NOMINAL
                and _participle(lemmas, head, "pssv")
                and not _named_after(tree, lemmas, head)
            )
        ):
            # «на оккупированных (Израилем) территориях»: a participle that describes, with its agent or not, does
            # not report; nor a passive one that stands for the people it was done to («адвокаты обвиняемых»,
            # «освободить задержанных»), unless a name follows it («обвиняемый в убийстве Олег Топалов»: he is
            # accused); an active one reports («протестующие жгли шины»: a protest goes on)
            return None
    if how in ("verb", "occurrence", "support", "undergone", "intended", "mentioned-xcomp"):
        # «встреча не состоялась»; an infinitive's verb: «не могли в течение четырех дней договориться»
        negated_by = negated_by or _not(tree, lemmas, predicate, range(i, i + 1))
    condition: str | None = None
    if how != "presupposed" and not how.startswith("mentioned"):
        # «на встрече он не сказал ...»: what frames the saying leaves the meeting be
        chain_negation, condition = _frame(tree, lemmas, predicate, words)
        negated_by = negated_by or chain_negation
    if how != "presupposed":
        called_off = words.get("failure", set()) - words.get("denial", set())
        negated_by = negated_by or _called_off(tree, lemmas, head, j, called_off)
    pronoun, subjects = _subject(tree, lemmas, predicate, words)
    if noun and any(
        tree.rels[c] in ("det", "nmod") and (lemmas.get(c) or "") in words.get("pronoun", ())
        for c in tree.children(head)
    ):
        pronoun = True  # «его первая поездка»: the possessive stands for someone named before
    agents = _agents(tree, head, lemmas) if noun else ()
    if noun and not agents and (owner := _intent_noun(tree, lemmas, head)) >= 0:
        # «о намерении Франции поддержать», «решение Бориса Джонсона покинуть пост»: an infinitive that says what a
        # noun of intent is is done by that noun's owner, not by the subject of the verb the noun depends on
        agents = tuple(k for k in _agents(tree, owner, lemmas) if k not in tree.subtree(head))
        pronoun = pronoun or any(
            tree.rels[c] in ("det", "nmod") and (lemmas.get(c) or "") in words.get("pronoun", ())
            for c in tree.children(owner)
        )
    patients: tuple[int, ...] = ()
    owners: tuple[int, ...] = ()
    passive = False
    if not noun:
        # «был арестован ... и экстрадирован в США»: a short passive participle shares the first verb's subject
        verb = _subject_verb(tree, head) if _short_passive(lemmas, head) else head
        # «премьер обвиняется в ...»: the subject of a reflexive read as a passive is the one it is done to
        undergoes = {"nsubj:pass", "nsubj"} if _reflexive_passive(lemmas, verb) else {"nsubj:pass"}
        undergoing = [c for c in tree.children(verb) if tree.rels[c] in undergoes]
        if undergoing and all((lemmas.get(c) or "") in RELATIVE for c in undergoing):
            # «Асию Биби, которая была приговорена»: the one it was done to is the noun the clause describes
            undergoing = [a for c in undergoing[:1] if (a := _antecedent(tree, lemmas, verb, c)) is not None]
        patients = tuple(k for c in undergoing for k in sorted(tree.subtree(c) - _clauses_below(tree, c)))
        owners = tuple(k for c in undergoing for k in _bare_phrase(tree, c))
        if patients:  # «был арестован властями США»: the bare oblique is the agent
            agents, passive = _bare_obliques(tree, head), True
        elif _object_relative(tree, lemmas, head):
            # «россиянин, которого обвиняют ...»: the noun the clause describes is the one it is done to; the
            # clause's own subject, if any, does it
            noun_phrase = tree.heads[head]
            patients = tuple(sorted(tree.subtree(noun_phrase) - tree.subtree(head) - _clauses_below(tree, noun_phrase)))
            agents = tuple(k for c in tree.children(head) if tree.rels[c] == "nsubj" for k in sorted(tree.subtree(c)))
            passive = True
    elif how == "undergone" or (tree.rels[head] == "obl" and _case(tree, lemmas, head) in words.get("undergoing", ())):
        # «находился под арестом», «оказались под санкциями», «подвергся критике», «столкнулась с критикой»: the
        # subject undergoes the event; a genitive of the noun («под давлением США») does it
        verb = _subject_verb(tree, predicate)  # «был экстрадирован ... и находился под арестом»
        patients = tuple(k for c in tree.children(verb) if tree.rels[c] in SUBJECT for k in sorted(tree.subtree(c)))
        passive = bool(patients) or how == "undergone"  # no one named in the clause does it
    elif (
        how == "support"
        and (tree.rels[head] == "nsubj:pass" or (tree.rels[head] == "nsubj" and _reflexive_passive(lemmas, predicate)))
        and not agents
    ):
        # «санкции были введены Евросоюзом»: the agent is the passive verb's, not an instrumental elsewhere
        # («... после аннексии Россией Крыма»)
        agents, passive = _bare_obliques(tree, predicate), True
    objects = _objects(tree, head, subjects) if not noun else ()
    if not noun and (second := second_subject(tree, lemmas, head)) is not None:
        objects += tuple(sorted(tree.subtree(second)))  # «Суд осудил Саакашвили»
    if not subjects:
        objects += _shared_objects(tree, lemmas, predicate)
    complement = tuple(
        k
        for c in tree.children(head)
        if not noun and tree.rels[c] in ("obj", "obl", "iobj", "xcomp")
        for k in sorted(tree.subtree(c))
    )
    return Clause(
        head, predicate, how, negated_by, condition, pronoun, agents, patients, subjects, passive, complement,
        _scope(tree, predicate, head), objects, owners,
    )


def _subject_verb(tree: Tree, k: int) -> int:
    """The verb whose subject verb k shares: k itself, or the first of coordinated verbs when k has none."""
    while tree.rels[k] == "conj" and tree.heads[k] >= 0 and not any(tree.rels[c] in SUBJECT for c in tree.children(k)):
        k = tree.heads[k]
    return k


def _readings(lemmas: Lemmas, k: int) -> tuple[Reading, ...]:
    """The dictionary's readings of token k, most likely first."""
    return lemmas.lexicon.morph.readings(lemmas.tokens[k].text.lower(), lemmas.lang)


def _named_after(tree: Tree, lemmas: Lemmas, k: int) -> bool:
    """Whether a capitalized word follows the phrase of token k («обвиняемый в убийстве Олег Топалов»)."""
    after = max(tree.subtree(k)) + 1
    return after < len(lemmas.tokens) and lemmas.tokens[after].text[:1].isupper()


def _participle(lemmas: Lemmas, k: int, voice: str = "PRTF") -> bool:
    """Whether token k is a full participle («приговорённой», «требующей»), of the voice `voice` if given ("pssv"): a
    participial phrase describes its noun («Асии Биби, приговорённой к смертной казни»), as an adjective does."""
    readings = _readings(lemmas, k)
    return bool(readings) and {"PRTF", voice} <= readings[0].tags


def _short_passive(lemmas: Lemmas, k: int) -> bool:
    readings = _readings(lemmas, k)
    return any("PRTS" in r.tags for r in readings)


def _scope(tree: Tree, predicate: int, head: int) -> frozenset[int]:
    """The tokens of the predicate's own clause: its subtree without the clauses embedded in it or coordinated
    with it («не согласился с отставкой в декабре и требует ...»: December is not when it demands), but with
    a clause that describes the event noun itself («визита Си Цзиньпина, состоявшегося 20–22 марта»)."""
    out = set(tree.subtree(predicate)) | set(tree.subtree(head))
    for k in sorted(out):
        if k in (predicate, head) or k not in out or tree.heads[k] < 0 or tree.heads[k] == head:
            continue
        if tree.rels[k] in EMBEDDED or (tree.rels[k] == "conj" and tree.heads[k] == predicate):
            out -= tree.subtree(k) - tree.subtree(head) if head in tree.subtree(k) else tree.subtree(k)
    return frozenset(out)


def _object_relative(tree: Tree, lemmas: Lemmas, k: int) -> bool:
    """Whether token k heads a relative clause whose relative pronoun is its object («которого обвиняют»)."""
    return tree.rels[k] == "acl:relcl" and any(
        tree.rels[c] in ("obj", "iobj") and (lemmas.get(c) or "") in RELATIVE for c in tree.children(k)
    )


def _bare_phrase(tree: Tree, k: int, keep: Callable[[int], bool] = lambda k: False) -> list[int]:
    """The tokens of token k's phrase without its prepositional phrases («российские войска» of «российские
    войска из Сирии»), but for those whose noun `keep` says to keep."""
    out = set(tree.subtree(k))
    for c in tree.children(k):
        if any(tree.rels[g] == "case" for g in tree.children(c)) and not keep(c):
            out -= tree.subtree(c)
    return sorted(out)


def _bare_obliques(tree: Tree, k: int) -> tuple[int, ...]:
    return tuple(
        x
        for c in tree.children(k)
        if tree.rels[c] in ("obl", "obl:agent") and not any(tree.rels[g] == "case" for g in tree.children(c))
        for x in sorted(tree.subtree(c))
    )


def _agents(tree: Tree, n: int, lemmas: Lemmas) -> tuple[int, ...]:
    """The tokens of the bare (genitive) nominal dependents of event noun n, without their prepositional phrases
    but for an agent's («со стороны Вашингтона»): whose act it is («визит Нетаньяху в Москву», «приняла отставку
    Джонсона», «критика проекта со стороны Вашингтона»; not Boston in «расследование терактов в Бостоне»)."""
    mark = AGENT_MARK.get(lemmas.lang, ("", set()))[0]
    words = [t.text.lower() for t in lemmas.tokens]
    out: list[int] = []
    for c in tree.children(n):
        bare = not any(tree.rels[g] == "case" for g in tree.children(c))
        if tree.rels[c] == "nmod" and bare and _genitive(lemmas, c):
            # not a clause that describes the genitive («расследованию обстоятельств, которые позволили Младичу ...»)
            phrase = _bare_phrase(tree, c, keep=lambda k: any(words[x] == mark for x in tree.subtree(k)))
            out += [k for k in phrase if k not in _clauses_below(tree, c)]
    return tuple(out)


def _intent_noun(tree: Tree, lemmas: Lemmas, k: int) -> int:
    """The noun on which infinitive k depends as what it is («намерение ... поддержать», «решение ... уйти»,
    «попытка ... вернуть»), or -1."""
    h = tree.heads[k]
    if h < 0 or tree.rels[k] not in ("nmod", "acl") or not lemmas.lexicon.morph.infinitive(lemmas.tokens[k].text,
                                                                                          lemmas.lang):
        return -1
    readings = _readings(lemmas, h)
    return h if readings and "NOUN" in readings[0].tags else -1


def _genitive(lemmas: Lemmas, k: int) -> bool:
    """Whether token k can be a genitive (or is undeclined): «приговор Мардахаеву» is a dative, given to him."""
    readings = _readings(lemmas, k)
    return not readings or any(r.tags & {"gent", "gen2", "Fixd", "LATN", "UNKN"} for r in readings)


def _reflexive_passive(lemmas: Lemmas, k: int) -> bool:
    """Whether word k is a reflexive verb the lexicon reads as a passive («обвиняется», «вводятся»)."""
    return k in lemmas and lemmas.lexicon.reflexive_passive(lemmas.tokens[k].text, lemmas.lang)


def analytic_future(tree: Tree, lemmas: Lemmas, k: int) -> bool:
    """Whether word k, an infinitive, makes a future tense with a form of «быть» it governs («будет поддерживать»)."""
    return any(tree.rels[c] == "aux" and lemmas.get(c) == "быть" for c in tree.children(k))


def phrase_head(tree: Tree, i: int, j: int) -> int:
    """The token of i..j whose head lies outside the phrase («подписали ... соглашение»: «подписали»)."""
    for k in range(i, j):
        if not i <= tree.heads[k] < j:
            return k
    return i


def _first_conjunct(tree: Tree, k: int) -> int:
    for h in [k, *tree.ancestors(k)]:
        if tree.rels[h] != "conj":
            return h
    return k


def _predication(tree: Tree, lemmas: Lemmas, n: int, words: dict[str, set[str]]) -> tuple[int, str] | None:
    """The verb that carries noun n as an event, and how; None for a topic, a time or a modifier."""
    h, rel = tree.heads[n], tree.rels[n]
    if h < 0:
        pointing = words.get("demonstrative", set())
        if any(tree.rels[c] in SUBJECT and lemmas.get(c) in pointing for c in tree.children(n)):
            # «Это будет самая масштабная забастовка»: a predicate noun whose subject points back describes an
            # event named before and reports nothing new
            return None
        if _case(tree, lemmas, n) in words.get("heading_case", ()):
            return None  # «О снятии санкций с России.»: a heading that names a topic, no report
        return n, "headline"  # «Визит Си Цзиньпина в Москву»: a nominal sentence reports it
    head = lemmas.get(h) or ""
    if rel in SUBJECT and head in words.get("occurrence", ()):
        return h, "occurrence"
    if rel == "nsubj" and _people(lemmas, n):
        return None  # «Критики Алиева считают», «страдают критики режима»: people who criticize, not criticism
    if (
        head in words.get("failure", ())
        and rel in SUBJECT | {"obj", "obl", "xcomp"}
        and not (rel == "obl" and _case(tree, lemmas, n) in words.get("cause_case", ()))
        # nor the subject of a failure verb with an object of its own: «забастовка сорвала сотни рейсов» happened
        and not (rel == "nsubj" and any(tree.rels[c] == "obj" for c in tree.children(h)))
    ):
        return h, "failed"  # «отменили встречу»; not a cause: «отменила рейсы из-за забастовки»
    if rel == "obl" and _case(tree, lemmas, n) in words.get("sequence", ()):
        return h, "presupposed"  # «После ареста Саипов заявил»: a time after the event, whatever the verb
    if rel in SUBJECT | {"obj", "obl", "iobj", "xcomp"} and head in words.get("support", ()):
        return h, "support"
    if rel in ("obj", "obl", "iobj") and head in words.get("undergo", ()):
        return h, "undergone"  # «подвергся критике», «столкнулась с критикой»
    presupposing = words.get("presupposing", set())
    if rel == "nmod" and head in words.get("failure_nouns", ()):
        return h, "failed"  # «срыв переговоров», «отмена визита»: the noun says it did not happen
    if rel == "nmod" and (head in words.get("topic", ()) or head in words.get("topic_institutions", ())):
        # «темы саммита», «повестка переговоров»: what is said of the event, not a report of it; «Организация по
        # безопасности и сотрудничеству», «договор об экстрадиции»: what a body or a text is for or about
        return None
    if _topic(tree, lemmas, n, words.get("topic_case", set())):
        return None  # «решение относительно участия в саммите»: what a decision or a statement is about
    if _in_title(tree, lemmas, n, words.get("agent_heads", set())):
        return None  # «глава делегации на переговорах Эрекат»: a description of a person, not a report
    if rel in ("obl", "obj", "xcomp") and head in words.get("intending", ()):
        return h, "intended"  # «в отставку не собирается», «собирается в отставку»: still to come, or not at all
    if rel == "obl" and _case(tree, lemmas, n) in presupposing:
        return h, "presupposed"  # «на встрече Путин заявил»
    if rel == "nmod" and (lemmas.get(h) or "") in presupposing and tree.rels[h] == "obl" and tree.heads[h] >= 0:
        return tree.heads[h], "presupposed"  # «в ходе переговоров», «по итогам визита»
    if rel in NOT_PREDICATED and not _not(tree, lemmas, h):
        return None  # «оспаривать обвинения», «разрешили встречу»: what a verb acts on (a denied one is kept,
        # negated: «не подтвердил визит»)
    # Any other place (a genitive or oblique, a subject of another verb) is kept: on the development gold,
    # dropping them cost more right events than wrong ones (EVALUATION.md)
    return h, f"mentioned-{rel}"


def _people(lemmas: Lemmas, n: int) -> bool:
    """Whether event noun n, as a subject, can be the plural of a noun of people with another lemma («критики»:
    criticism, or critics): a subject that thinks or suffers is the people."""
    own = lemmas.get(n)
    return any(r.lemma != own and {"NOUN", "anim", "plur", "nomn"} <= r.tags for r in _readings(lemmas, n))


def _topic(tree: Tree, lemmas: Lemmas, n: int, cases: set[str]) -> bool:
    """Whether noun n, or the noun it depends on, is governed by a preposition of a topic («относительно»)."""
    for k in (n, tree.heads[n]):
        if k < 0 or tree.rels[k] not in ("nmod", "obl"):
            return False
        if _case(tree, lemmas, k) in cases:
            return True
    return False


def _in_title(tree: Tree, lemmas: Lemmas, n: int, heads: set[str]) -> bool:
    """Whether noun n is part of a noun phrase that names people by what they do: a dependent of a
    delegation, a representative, a head («глава делегации на переговорах», «делегация на переговорах»),
    up to two nouns above it."""
    k = n
    for _ in range(2):
        if tree.rels[k] != "nmod" or tree.heads[k] < 0:
            return False
        k = tree.heads[k]
        if (lemmas.get(k) or "") in heads:
            return True
    return False


def _case(tree: Tree, lemmas: Lemmas, n: int) -> str:
    return next((lemmas.get(c) or "" for c in tree.children(n) if tree.rels[c] == "case"), "")


def _not(tree: Tree, lemmas: Lemmas, k: int, own: range = range(0)) -> str | None:
    """The negation word under word k, not the word that begins a trigger, `own` («не возражать»)."""
    return next((lemmas.get(c) for c in tree.children(k) if (lemmas.get(c) or "") in NOT and c not in own), None)


def _frame(tree: Tree, lemmas: Lemmas, predicate: int, words: dict[str, set[str]]) -> tuple[str | None, str | None]:
    """A negation or failure above the predicate on its chain of control, and a conditional
    subordinator of the clause it sits in."""
    failure, denial = words.get("failure", set()), words.get("denial", set())
    conditional = words.get("conditional", set())
    negated: str | None = None
    condition: str | None = None
    k = predicate
    for _ in range(8):
        condition = condition or next(
            (
                lemmas.get(c)
                for c in tree.children(k)
                if tree.rels[c] in ("mark", "obl", "advmod") and (lemmas.get(c) or "") in conditional
            ),
            None,
        )
        rel, h = tree.rels[k], tree.heads[k]
        if h < 0 or rel not in CONTROL | COMPLEMENT:
            break
        head = lemmas.get(h) or ""
        own_not = _not(tree, lemmas, h)
        if head in failure and not own_not and (rel not in COMPLEMENT or head in denial or head in failure):
            negated = negated or head  # «отказался начать», «сорвали переговоры», «отрицает, что напал»
        elif own_not and rel == "xcomp":
            negated = negated or own_not  # «не намерен вести переговоры»
        if rel in COMPLEMENT:
            break  # reported speech: what frames the saying does not frame what was said
        k = h
    return negated, condition


def _called_off(tree: Tree, lemmas: Lemmas, k: int, end: int, failure: set[str]) -> str | None:
    """A verb of calling off coordinated after the event's clause by «но», «однако», «а» («должны были встретиться
    ..., однако встречу отменили», «... но перенесли переговоры»): what was planned did not happen. Looked for on
    the word and up to two heads above it, after the trigger's last token `end`."""
    for node in [k, *list(tree.ancestors(k))[:2]]:
        for c in tree.children(node):
            if (
                tree.rels[c] == "conj"
                and c >= end
                and (lemmas.get(c) or "") in failure
                and any(tree.rels[g] in ("cc", "advmod") and (lemmas.get(g) or "") in BUT for g in tree.children(c))
            ):
                return lemmas.get(c)
    return None


def _subject(
    tree: Tree, lemmas: Lemmas, predicate: int, words: dict[str, set[str]]
) -> tuple[bool, tuple[int, ...]]:
    """Whether the subject of the predicate's clause (its own, or its controller's when it has none:
    «отказался начать», «заявил, что встретится», «министр, подписавший») is a pronoun standing for someone
    named before, and the tokens of that subject's phrase (its embedded clauses left out)."""
    k, subjects, controllers = predicate, [], []
    for _ in range(8):
        subjects = [c for c in tree.children(k) if tree.rels[c] in SUBJECT]
        if subjects or tree.heads[k] < 0:
            break
        if tree.rels[k] not in ("xcomp", "conj", "ccomp", "acl", "acl:relcl") and not (
            tree.rels[k] == "advcl" and _gerund(lemmas, k)
        ):
            break  # a gerund's subject is its clause's («Поддержав Асада, Путин приоткрыл дверь»: Putin supports)
        if tree.rels[k].startswith("acl"):
            subjects = [tree.heads[k]]
            break
        if tree.rels[k] == "xcomp" and (lemmas.get(tree.heads[k]) or "") in words.get("object_control", ()):
            # «убедил Израиль возобновить переговоры»: the one persuaded acts; no one named, no one acts here
            subjects = controllers = [c for c in tree.children(tree.heads[k]) if tree.rels[c] in ("obj", "iobj")]
            break
        k = tree.heads[k]
    named = controllers or [s for s in subjects if tree.rels[s] == "nsubj"]
    if (second := second_subject(tree, lemmas, k)) is not None:
        subjects, named = [s for s in subjects if s != second], [s for s in named if s != second]
    if named and all((lemmas.get(s) or "") in RELATIVE for s in named):
        # «встретился с Джо Байденом, который заявил»: the relative pronoun is the noun its clause describes
        found = _antecedent(tree, lemmas, k, named[0])
        subjects = named = [found] if found is not None else named
    if not named and (object_subject := _object_subject(tree, lemmas, predicate)):
        subjects = named = object_subject
    pronoun = bool(subjects) and all((lemmas.get(s) or "") in words.get("pronoun", ()) for s in subjects)
    phrase = tuple(k for s in named for k in sorted(tree.subtree(s) - _clauses_below(tree, s)))
    return pronoun, phrase


def _gerund(lemmas: Lemmas, k: int) -> bool:
    """Whether word k is a gerund («поддержав», «требуя»): it has no subject of its own."""
    readings = lemmas.lexicon.morph.readings(lemmas.tokens[k].text.lower(), lemmas.lang)
    return bool(readings) and "GRND" in readings[0].tags


def _antecedent(tree: Tree, lemmas: Lemmas, verb: int, pronoun: int) -> int | None:
    """The noun a relative pronoun at token `pronoun` stands for: the head of the relative clause of `verb`, or,
    where the parser hung the clause elsewhere, the word before its comma («Имрана Хана, который ... угрожал»)."""
    if tree.rels[verb] == "acl:relcl":
        return tree.heads[verb]
    tokens = lemmas.tokens
    if pronoun >= 2 and tokens[pronoun - 1].text == "," and tokens[pronoun - 2].is_word:
        return pronoun - 2
    return None


def _object_subject(tree: Tree, lemmas: Lemmas, verb: int) -> list[int]:
    """The subject the parser took for a second object: a verb has one direct object, so of two, the one
    that can be nominative is the subject, and of two that can, the one after the verb («Проект критикуют
    США»: the US criticizes; «односельчанки обвинили её»: the villagers accuse)."""
    # «за взаимодействие»: a phrase with a preposition is no subject
    objects = [c for c in tree.children(verb) if tree.rels[c] == "obj" and not _case(tree, lemmas, c)]
    if len(objects) != 2:
        return []
    nominative = [c for c in objects if _nominative(lemmas, c)]
    if len(nominative) == 1:
        return nominative
    return [objects[1]] if len(nominative) == 2 and objects[0] < verb < objects[1] else []


def second_subject(tree: Tree, lemmas: Lemmas, verb: int) -> int | None:
    """The object the parser took for a second subject: of two subjects on either side of the verb, the one that can
    be accusative when only one can, else the one after the verb («Суд осудил Саакашвили»: both can be; the court
    condemns); None when the verb has no such pair."""
    pair = [c for c in tree.children(verb) if tree.rels[c] == "nsubj"]
    if len(pair) != 2 or not pair[0] < verb < pair[1]:
        return None
    between = {t.text.lower() for t in lemmas.tokens[verb + 1 : min(tree.subtree(pair[1]))]}
    if between & (CLAUSE_PUNCT | BUT | {"и", "і", "й", "та"}):
        return None  # «кабинет согласовал план, и Мэй объявила»: another clause's subject, hung on this verb
    accusative = [c for c in pair if _accusative(lemmas, c)]
    return accusative[0] if len(accusative) == 1 else pair[1] if len(accusative) == 2 else None


def _accusative(lemmas: Lemmas, k: int) -> bool:
    readings = _readings(lemmas, k)
    return not readings or any("accs" in r.tags and r.tags & {"NOUN", "NPRO"} for r in readings)


def _nominative(lemmas: Lemmas, k: int) -> bool:
    readings = _readings(lemmas, k)
    # a noun's or a pronoun's reading («её» is also an undeclined possessive, which is never a subject)
    return not readings or any("nomn" in r.tags and r.tags & {"NOUN", "NPRO"} for r in readings)


def _shared_objects(tree: Tree, lemmas: Lemmas, verb: int) -> tuple[int, ...]:
    """The tokens of the objects of the verbs a subjectless plural verb is coordinated with, when none of them has a
    subject either: an indefinite-personal chain shares its object («Биби арестовали, продержали в тюрьме, после чего
    предъявили обвинения»: Bibi is charged, by someone the sentence does not name)."""
    readings = _readings(lemmas, verb)
    if not readings or not {"VERB", "plur"} <= readings[0].tags:
        return ()
    out: list[int] = []
    k = verb
    while tree.rels[k] in ("conj", "parataxis") and tree.heads[k] >= 0:
        k = tree.heads[k]
        if any(tree.rels[c] in SUBJECT for c in tree.children(k)):
            return ()
        out += [x for c in tree.children(k) if tree.rels[c] in ("obj", "iobj") for x in sorted(tree.subtree(c))]
    return tuple(out)


def _objects(tree: Tree, verb: int, subjects: tuple[int, ...]) -> tuple[int, ...]:
    """The tokens of a verb's direct and indirect objects, but for one read as its subject."""
    return tuple(
        k
        for c in tree.children(verb)
        if tree.rels[c] in ("obj", "iobj") and c not in subjects
        for k in sorted(tree.subtree(c))
    )


def _clauses_below(tree: Tree, k: int) -> set[int]:
    """The tokens of clauses embedded in token k's phrase («министр, который ...»)."""
    out: set[int] = set()
    for c in tree.subtree(k):
        if c != k and _opens(tree, c):
            out |= tree.subtree(c)
    return out


def charge(tree: Tree, lemmas: Lemmas, verb: int, words: dict[str, set[str]]) -> frozenset[int]:
    """The tokens of what an accusation at `verb` charges its target with or blames it for, when it names the target
    («обвинила Мифтахова в нападении на офис «Единой России»», «раскритиковала США за удары по Сирии»): what the
    charge names is no side of the accusation."""
    if not any(tree.rels[c] in ("obj", "nsubj:pass") for c in tree.children(verb)):
        return frozenset()
    cases = words.get("charge_case", set())
    return frozenset(
        k
        for c in tree.children(verb)
        # a common noun: a name after «в» is where («В США Фирташ обвиняется во взятке», «в Дамаске осудили»)
        if tree.rels[c] == "obl" and _case(tree, lemmas, c) in cases and not lemmas.tokens[c].text[:1].isupper()
        for k in tree.subtree(c)
    )


def other_clauses(tree: Tree, head: int) -> frozenset[int]:
    """The tokens of the clauses with a subject of their own that do not hold token `head`: another predication,
    whose mentions are its own sides («Саркози обещал ..., а Кирилл отправлял президенту Пакистана просьбу»:
    Pakistan's president is not promised anything)."""
    out: set[int] = set()
    for c in range(len(tree.heads)):
        if c in out or tree.heads[c] < 0 or not _opens(tree, c):
            continue
        if not any(tree.rels[g] in SUBJECT for g in tree.children(c)):
            continue
        below = tree.subtree(c)
        if head in below:
            continue
        # a clause opens at its punctuation: what the parser hung on it from before that is the noun it describes
        # or the clause before («в Ливане, который старается ...»: Lebanon is where the army fired)
        opening = [g for g in tree.children(c) if g < c and tree.rels[g] == "punct"]
        if opening:
            below = {k for k in below if k >= min(opening)}
        if tree.heads[c] == head and tree.rels[c] == "ccomp":
            # the subject of what a demand asks for is whom it asks («потребовала, чтобы Киев прекратил ...»)
            below -= {k for g in tree.children(c) if tree.rels[g] in SUBJECT for k in tree.subtree(g)}
        out |= below
    return frozenset(out)


def deep_mentions(tree: Tree, tokens: list[str], head: int, spans: list[tuple[int, int]]) -> set[int]:
    """The starts of the mention spans that verb `head` governs below its own arguments: inside an infinitive it
    controls, a prepositional phrase, or a phrase that depends on its object («в которых призвал отказаться от
    поддержки ... газопровода Северный поток-2», «пообещало добавить Биби в список»). Such a mention is no doer of
    the verb's act. Its direct object and the names joined to it are left out (the parser takes the subject after a
    verb for its object: «Проект критикуют США»), and so is a bare oblique (an agent: «был оправдан Верховным
    судом»), a name the parser joined to another name as a part of it, and a name right before the verb (misreadings:
    «под руководством Мадуро Венесуэла», «После публикации указа о помиловании Нетаньяху поблагодарил»)."""
    out: set[int] = set()
    for c in tree.children(head):
        rel = tree.rels[c]
        if rel not in ("obj", "iobj", "obl", "xcomp") or (
            rel == "obl" and not any(tree.rels[g] == "case" for g in tree.children(c))
        ):
            continue
        below = tree.subtree(c)
        if rel in ("obj", "iobj"):
            core, todo = {c}, [c]
            while todo:
                for g in tree.children(todo.pop()):
                    if tree.rels[g] in ("conj", "appos", "flat", "flat:name") and g not in core:
                        core.add(g)
                        todo.append(g)
            below -= core
        for i, j in spans:
            top = next((k for k in range(i, j) if not i <= tree.heads[k] < j), i)
            if top in below and not tree.rels[top].startswith("flat") and not _next_to(tokens, j, head):
                out.add(i)
    return out


def _next_to(tokens: list[str], j: int, head: int) -> bool:
    """Whether a span ending before token j stands right before token `head`, closing quotes aside."""
    while j < head and tokens[j] in CLOSING:
        j += 1
    return j == head


def _opens(tree: Tree, k: int) -> bool:
    """Whether token k heads a clause of its own: an embedded clause, or a coordinated one with its own
    subject."""
    rel = tree.rels[k]
    return rel in EMBEDDED or (rel == "conj" and any(tree.rels[c] in SUBJECT for c in tree.children(k)))
