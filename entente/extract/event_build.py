"""The event of one trigger, once its roles are read: who takes part (event_parties.py), how the text frames it
(event_modality.py), its type where the clause turns it into another (a refused concession, a figure of speech, a
commercial signing), its date, place and context, and the evidence it records (events.py runs the sentences).
"""

from __future__ import annotations

import bisect
import hashlib
import re

from entente.extract import event_frame
from entente.extract.event_args import Roles, passive_en
from entente.extract.event_charges import CHARGES, about_charges, denied_guilt
from entente.extract.event_clause import Clause
from entente.extract.event_grammar import BE, PLACE
from entente.extract.event_lexicon import Lexicon, Trigger
from entente.extract.event_modality import framing, historical
from entente.extract.event_parties import extradition, parties
from entente.extract.event_rank import nested
from entente.extract.event_senses import done_by_a_thing
from entente.extract.event_sentence import CLAUSE_BREAKS, Sentence
from entente.extract.event_sides import real_parties, refused_talks
from entente.extract.event_triggers import Triggers
from entente.extract.event_voice import figurative, passive_uk
from entente.models import Actor, Event
from entente.nlp.tokens import Token
from entente.nlp.when import nearest

WORD = re.compile(r"\w+")
BETWEEN_COUNTRIES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT"})
DOMESTIC = frozenset({"PROTEST", "COERCE", "CONCEDE"})
PREDICATED = frozenset({"headline", "occurrence", "support"})  # how a parsed clause holds a noun it reports
FORCE = frozenset({"ASSAULT", "THREATEN"})  # verbs of force and threat, which a thing does only in a figure
FIGURATIVE = frozenset({"ASSAULT", "MOBILIZE"})  # trigger types whose words politics uses in a figure
OWN_PEOPLE_SPAN = 4  # words after a verb trigger in which its object stands («призвала центристскую оппозицию»)
# the words that open a yes/no question: English auxiliaries, Ukrainian «чи» (Russian puts «ли» after its first word)
YES_NO_OPENERS = frozenset({"do", "does", "did", "will", "would", "is", "are", "was", "were", "can", "could",
                            "should", "has", "have", "had", "shall", "may", "might", "чи"})


class EventMaker:
    """Makes the event of a trigger from its roles (`event`), with the lexicon's morphology and the triggers'
    noun test."""

    def __init__(self, lexicon: Lexicon, triggers: Triggers) -> None:
        self.lexicon, self.triggers = lexicon, triggers

    def _addresses_own_people(self, sentence: Sentence, i: int, j: int) -> bool:
        """Whether a verb trigger's object, in the words after it, is a group or body that needs no country
        («оппозицию», «гражданам», «до громадян»): it is the actor's own. A noun trigger's genitive after it
        is its agent («требования оппозиции»), not addressed."""
        tokens, lemmas = sentence.tokens, sentence.lemmas
        groups = sentence.cues.clause.get("own_people", set())
        if not groups or self.triggers.noun(tokens[i].text, sentence.lang):
            return False
        for k in range(j, min(len(tokens), j + OWN_PEOPLE_SPAN)):
            if tokens[k].text in CLAUSE_BREAKS or any(s.i <= k < s.j for s in sentence.slots):
                return False  # a named party or another clause comes first
            if lemmas.get(k) in groups:
                return k == j or tokens[k - 1].text.lower() not in PLACE.get(sentence.lang, ())
        return False

    def _agentless(self, sentence: Sentence, i: int, clause: Clause | None) -> bool:
        """Whether the clause of the trigger at token i can name no doer: a passive or a clause with no subject in
        the tree («был арестован», «ей предъявили обвинения»); without a tree, a passive form («затримано»,
        «був заарештований», "will be charged")."""
        if clause is not None:
            return clause.passive or not clause.subjects
        if sentence.lang == "en":
            return passive_en(sentence.tokens, i)
        return passive_uk(sentence.tokens[i].text, self.lexicon.morph)

    def _refusal(self, tokens: list[Token], i: int, lang: str, clause: Clause | None) -> bool:
        """Whether a denied concession at token i is someone refusing it: an active verb («не сдастся», "did not
        apologize") or a noun its verb carries («не пошёл на уступки»), not a bare noun («не амнистия») or a
        passive ("are not allowed by law": a rule, not a refusal)."""
        if lang == "en" and passive_en(tokens, i):
            return False
        return not self.triggers.noun(tokens[i].text, lang) or (clause is not None and clause.how == "support")

    def _sides(
        self,
        sentence: Sentence,
        trigger: Trigger,
        i: int,
        j: int,
        roles: Roles,
        pair: list[Actor],
        previous: list[Actor],
        clause: Clause | None,
    ) -> tuple[list[Actor], list[Actor], str] | None:
        """Who takes part (event_parties.py): the actor, the recipient and where a side outside the clause came from,
        or None when the sentence names no one."""
        if clause is not None and not clause.pronoun:
            previous = []  # a side the clause does not fill stays empty, unless a pronoun stands for it
        predicated = (
            clause.how in PREDICATED
            if clause is not None
            else event_frame.predicated(sentence.tokens, sentence.lemmas.get, i, j, sentence.cues.clause)
        )
        sides = parties(
            sentence,
            trigger,
            i,
            roles,
            pair,
            previous,
            self.lexicon.morph,
            self.triggers.noun,
            predicated,
            j,
            self._agentless(sentence, i, clause),
        )
        if trigger.type == "COOPERATE" and "legal" in trigger.context:  # an extradition: between states
            actor, recipient = extradition(sentence, i, *(sides[:2] if sides else ([], [])), self.lexicon.morph)
            sides = (actor, recipient, sides[2] if sides else "") if actor or recipient else None
        if sides is None:
            return None
        actor, recipient, source = sides
        actor, recipient = real_parties(sentence, actor, recipient, self.lexicon)
        talked = refused_talks(sentence, trigger, j, clause, actor, recipient, pair, self.lexicon, self.triggers)
        if talked is not recipient:
            recipient, source = talked, source or "pair"
        return actor, recipient, source

    def _recipients(
        self,
        sentence: Sentence,
        trigger: Trigger,
        kind: str,
        actor: list[Actor],
        recipient: list[Actor],
        i: int,
        j: int,
    ) -> tuple[str, ...]:
        """The ids of the event's recipients: the actor's own country for a domestic act with no one else named, no
        compatriot of the actor for an act between countries, and the actor's country for a verb addressed to a
        group or body that needs none («призвала оппозицию»)."""
        a, ids = sentence.a, tuple(x.id for x in actor)
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
        return rec

    def event(
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
        sides = self._sides(sentence, trigger, i, j, roles, pair, previous, clause)
        if sides is None:
            return None
        actor, recipient, source = sides
        if clause is not None and _interview(sentence, trigger, clause, roles.partners):
            return None
        a, start, end, tokens = sentence.a, sentence.start, sentence.end, sentence.tokens
        base = _commercial(sentence, trigger) or trigger.type
        if base != trigger.type and _at_home(sentence, actor, recipient):
            return None
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
            word = word or event_frame.denied_after(tokens, sentence.lemmas.get, j, BE[sentence.lang])
            if word:
                negated = True
                rule += f" negated-by:{word}"
        if not negated and (
            self.triggers.noun(tokens[i].text, sentence.lang)
            or (sentence.lang == "en" and event_frame.noun_at(tokens, i, self.lexicon.morph, "en"))
        ):
            # «визит Нетаньяху в Вашингтон был под большим вопросом», "the summit is in doubt": not asserted
            doubt = event_frame.in_doubt(tokens, sentence.lemmas.get, j, sentence.cues.clause)
            if doubt:
                negated = True
                rule += f" negated-by:{doubt}"
        if modality == "asserted" and _yes_no(sentence, tokens[i].start):
            modality, rule = "hypothetical", rule + " question"  # "Do you support Donald Trump?", «Поддержит ли ...?»
        guilt = sentence.cues.clause.get("guilt", set())
        mode = trigger.mode if kind == trigger.type else None
        ids = tuple(x.id for x in actor)
        failed = clause is not None and clause.negated_by in sentence.cues.clause.get("failure", set())
        conceded = kind == "CONCEDE" or (kind == "AGREE" and trigger.type in ("CONCEDE", "RETREAT"))  # or promised
        if conceded and negated and not failed and ids and self._refusal(tokens, i, sentence.lang, clause):
            # a concession refused is a rejection (REJECT yield): «не признал себя виновным» denies the charges,
            # "would not meet the demands" rejects them, «не сдадимся», "will not allow" refuse to yield; one that fell
            # through («отказался признать», already a REJECT of its own) stays negated
            guilty = denied_guilt(trigger.lemmas, guilt)
            kind, negated, mode = "REJECT", False, None if guilty else "yield"
            rule += " denied-guilt" if guilty else " refused"
        if kind == "REJECT" and not negated and about_charges(tokens, sentence.lemmas, i, j, guilt):
            rule += CHARGES
        contexts = list(trigger.context)
        for c in sentence.lemmas.mapped(sentence.cues.contexts):
            if c not in contexts:
                contexts.append(c)
        if trigger.type in FIGURATIVE and figurative(sentence, trigger):
            places = any(x.type in ("country", "location") for x in actor + recipient)
            verbal = sentence.cues.clause.get("verbal_attack", set())
            by_people = bool(actor) and not recipient and all(x.type == "person" for x in actor)
            if trigger.lemmas[0] in verbal and (
                (recipient and all(x.type == "person" for x in recipient)) or (by_people and not places)
            ):
                # "Trump's attacks on Curiel", "attacked Rubio for not answering", "Sanders's attacks on her
                # willingness": criticism (PLOVER ACCUSE), whether or not whom it targets is an actor
                kind, mode, rule = "ACCUSE", "disapprove", rule + " figurative"
            elif trigger.lemmas[0] not in verbal and not places:
                return None  # "the nomination battle", "a live shot", "reinforced the perception": no force, no place
            # "the attacks in Paris", "the September 11th attack": an attack on a place stays one
        if (
            trigger.type in FORCE
            and not self.triggers.noun(tokens[i].text, sentence.lang)
            and done_by_a_thing(
                tokens,
                sentence.lemmas,
                i,
                clause.subjects if clause is not None else None,
                sentence.cues.clause,
                sentence.cues.contexts,
            )
        ):
            return None  # «пожежа знищила дах», «страйк може зруйнувати бізнес»: a thing destroys only in a figure
        refs = sentence.refs
        if clause is not None:  # a time named in another clause of the sentence is that clause's
            refs = [r for r in refs if _token_at(tokens, r.start) in clause.scope]
        ref = nearest(refs, tokens[i].start, start, end)
        date = ref.date if ref else None
        place = next((p.id for p in roles.places if p.type == "location"), None)
        rec = self._recipients(sentence, trigger, kind, actor, recipient, i, j)
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


def _yes_no(sentence: Sentence, at: int) -> bool:
    """Whether the text offset `at` lies in a yes/no question, which asserts nothing ("Did the foundation refuse
    ...?", «Поддержит ли Китай ...?», «Чи погодиться ЄС ...?»); a wh-question presupposes its event ("Where were we
    attacked?"), and what frames a quoted question is asserted ("went on the attack, saying, "Is ...?")."""
    text = sentence.text.rstrip(" »”\"'")
    if not text.endswith("?"):
        return False
    begin = max(text.rfind(c) for c in (".", "!", ":", "«", "“", '"')) + 1  # the question itself
    words = WORD.findall(text[begin:].lower())
    return sentence.start + begin <= at and bool(words) and (words[0] in YES_NO_OPENERS or "ли" in words[1:3])


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


def _at_home(sentence: Sentence, actor: list[Actor], recipient: list[Actor]) -> bool:
    """Whether a contract is commerce at home, no relation between states: a domestic firm's registered form or a
    public procurement («КП ... за результатами тендеру уклало угоду з ТОВ») in a sentence that names one country at
    most, among its mentions and the event's sides (not «... уклало угоду з китайською фірмою»)."""
    home = sentence.cues.clause.get("home_commerce", set())
    if not any(sentence.lemmas[k] in home or sentence.tokens[k].text.lower() in home for k in sentence.lemmas):
        return False
    countries = {x.country for x in (*actor, *recipient, *(s.actor for s in sentence.slots)) if x.country}
    return len(countries) < 2


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


def _token_at(tokens: list[Token], offset: int) -> int:
    """The index of the token at or just after character `offset`."""
    return bisect.bisect_left([t.start for t in tokens], offset)
