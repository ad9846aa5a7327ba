"""`entente eval events`: scoring computed by hand with a stand-in coder (real Event / Actor / Analysis values),
both gold readers on tiny files in their real formats, clear errors for a wrong PATH, and the real command
on the shared corpora (CI)."""

import json
import subprocess
import sys

import pytest

from entente.cli import main
from entente.errors import InputError, MalformedInput
from entente.eval.corpora_events import GoldRecord, MeetingDoc, MeetingFact, Participant, read_meetings, read_plover_gsr
from entente.eval.events import evaluate_meetings, evaluate_plover, render_meetings, render_plover
from entente.models import Actor, Analysis, Article, Event, Mention

from .conftest import shared_path

HUN = Actor("HUN", "Hungary", "country", "HUN")
ROU = Actor("ROU", "Romania", "country", "ROU")
IRN = Actor("IRN", "Iran", "country", "IRN")
UN = Actor("org:UN", "United Nations", "organization", None, "IGO")
OBUCHI = Actor("person:keizo-obuchi", "Keizo Obuchi", "person", "JPN", "GOV")


def event(kind, actor=(), recipient=(), confidence=0.8, negated=False):
    return Event(id=f"{kind}-{confidence}", type=kind, mode=None, context=(), actor=tuple(actor),
                 recipient=tuple(recipient), date=None, location=None, negated=negated, modality="asserted",
                 trigger=kind.lower(), sentence="", start=0, end=1, confidence=confidence)


# gold sentence -> what the stand-in coder finds in it: (events, actors), or an InputError to raise
CODED = {
    "Hungary and Romania agreed.": ([event("AGREE", ["HUN", "ROU"])], [HUN, ROU]),
    "Iran rejected the U.N. plan.": ([event("ACCUSE", ["IRN"], confidence=0.9),
                                      event("REJECT", ["IRN"], ["org:UN"], confidence=0.5)], [IRN, UN]),
    "Obuchi met U.N. officials.": ([event("CONSULT", ["org:UN"], confidence=0.99, negated=True),
                                    event("CONSULT", [OBUCHI.id], ["org:UN"])], [OBUCHI, UN]),
    "Rebels shelled the town.": ([], []),
    "%PDF-1.4": InputError("r5", "binary file"),
}


def coder(article: Article) -> Analysis:
    """Stands in for Pipeline(): looks the sentence up in CODED."""
    found = CODED[article.text]
    if isinstance(found, Exception):
        raise found
    events, actors = found
    return Analysis(id=article.id, file=article.file, lang="en", text=article.text, actors=tuple(actors),
                    events=tuple(events))


RECORDS = [
    GoldRecord("r1", "Hungary and Romania agreed.", None, "AGREE", "AGREE", None, ("HUN", "ROU"), ()),
    GoldRecord("r2", "Iran rejected the U.N. plan.", None, "REJECT", "REJECT", None, ("IRN",), ("USA",)),
    GoldRecord("r3", "Obuchi met U.N. officials.", None, "CONSULT", "CONSULT", "visit", ("JPN",), ("IGO",)),
    GoldRecord("r4", "Rebels shelled the town.", None, "ASSAULT", "FIGHT", None, (), ()),
    GoldRecord("r5", "%PDF-1.4", None, "AID", "AID", None, ("USA",), ()),
]


def test_plover_scores_by_hand():
    result = evaluate_plover(RECORDS, coder, {"no gold event (DOCUMENT record)": 1})
    # main event right for r1 and r3 (r3's negated CONSULT does not count); r2 has REJECT, but not as main event
    assert (result.type_strict.correct, result.type_strict.total) == (2, 5)
    assert (result.type_lenient.correct, result.type_lenient.total) == (3, 5)
    # actor: r1 (HUN in HUN+ROU), r3 (Obuchi is JPN); lenient adds r2 (IRN on the REJECT event)
    assert (result.actor_strict.correct, result.actor_strict.total) == (2, 2)
    assert (result.actor_lenient.correct, result.actor_lenient.total) == (3, 3)
    # recipient: r3 gold IGO = the UN's sector; r2's recipient is the UN, gold USA; r1 has no gold recipient
    assert (result.recipient_strict.correct, result.recipient_strict.total) == (1, 1)
    assert (result.recipient_lenient.correct, result.recipient_lenient.total) == (1, 2)
    assert result.type_strict.value == 0.4 and result.recipient_lenient.value == 0.5
    assert dict(result.confusion) == {("REJECT", "ACCUSE"): 1, ("ASSAULT", "-"): 1, ("AID", "-"): 1}
    assert (result.records, result.no_event, result.failed, result.dangling) == (5, 2, 1, 0)
    assert result.by_type["REJECT"] == {"gold": 1, "predicted": 0, "strict": 0, "lenient": 1}
    assert result.by_type["ACCUSE"] == {"gold": 0, "predicted": 1, "strict": 0, "lenient": 0}
    assert [m["id"] for m in result.misses] == ["r2", "r4", "r5"]
    assert result.misses[0]["predicted"] == {"type": "ACCUSE", "actor": ["IRN"], "recipient": [], "trigger": "accuse"}


def test_plover_main_event_is_the_first_of_equal_confidence_and_dangling_ids_are_counted():
    def two_events(article):
        return Analysis(id="a", file=article.file, actors=(IRN,), events=(
            event("REJECT", ["IRN"], ["USA"]), event("ACCUSE", ["IRN"], ["USA"])))

    result = evaluate_plover(RECORDS[1:2], two_events)
    assert result.type_strict.correct == 1 and result.actor_strict.correct == 1
    assert (result.recipient_strict.correct, result.recipient_strict.total) == (0, 1)  # USA is no listed actor
    assert result.dangling == 2
    assert result.misses[0]["predicted"]["recipient"] == ["?USA"]


def test_an_empty_event_stage_scores_zero():
    result = evaluate_plover(RECORDS[:4], lambda article: Analysis(id="a", file=article.file))
    data = result.to_dict()
    assert data["type_accuracy"] == {"strict": {"correct": 0, "total": 4, "accuracy": 0.0},
                                     "lenient": {"correct": 0, "total": 4, "accuracy": 0.0}}
    assert data["actor_country_accuracy"]["strict"] == {"correct": 0, "total": 0, "accuracy": 0.0}
    assert data["no_event"] == 4 and len(data["misses"]) == 4
    assert data["confusion"][0] == {"gold": "AGREE", "predicted": "-", "count": 1}


def test_plover_table():
    lines = render_plover(evaluate_plover(RECORDS, coder)).splitlines()
    assert lines[0].split() == ["type", "gold", "predicted", "strict", "lenient"]
    assert lines[1].split() == ["AGREE", "1", "1", "1", "1"]
    assert "type accuracy: strict 0.400 (2/5), lenient 0.600 (3/5)" in lines
    assert "recipient country accuracy (type right): strict 1.000 (1/1), lenient 0.500 (1/2)" in lines
    assert lines[-1] == "confusion (gold -> predicted): REJECT -> ACCUSE 1, ASSAULT -> - 1, AID -> - 1"


SARKOZY = Actor("person:nicolas-sarkozy", "Nicolas Sarkozy", "person", "FRA", "GOV",
                (Mention(0, 14, "Николя Саркози"),))
OBAMA = Actor("person:barack-obama", "Barack Obama", "person", "USA", "GOV", (Mention(20, 26, "Обамой"),))
VIKTOR = Actor("person:viktor-but", "Viktor But", "person", "RUS", None, (Mention(0, 11, "Виктору Буту"),))
FRANCE = Actor("FRA", "France", "country", "FRA", None, (Mention(30, 37, "Франции"),))


def fact(fact_id, *names):
    return MeetingFact(fact_id, tuple(Participant(n, (n.split()[0],)) for n in names), None)


MEETINGS = [
    MeetingDoc("book_1", "Саркози встретился с Обамой.", (fact("1-0", "Саркози Николя", "Обама Барак"),
                                                           fact("1-1", "Бут Виктор", "Бут Алла"))),
    MeetingDoc("book_2", "Саркози встретился с Обамой.", (fact("2-0", "Саркози Николя", "Обама Барак"),)),
    MeetingDoc("book_3", "Франция и Обама.", (fact("3-0", "Саркози Николя", "Обама Барак"),)),
]
DOC_EVENTS = {
    "book_1": ([event("CONSULT", [SARKOZY.id], [OBAMA.id]), event("CONSULT", [VIKTOR.id])], [SARKOZY, OBAMA, VIKTOR]),
    "book_2": ([event("CONSULT", [SARKOZY.id], [OBAMA.id], negated=True), event("AGREE", [SARKOZY.id, OBAMA.id])],
               [SARKOZY, OBAMA]),
    "book_3": ([event("CONSULT", [FRANCE.id], [OBAMA.id])], [FRANCE, OBAMA]),
}


def meeting_coder(article: Article) -> Analysis:
    events, actors = DOC_EVENTS[article.file]
    return Analysis(id=article.id, file=article.file, lang="ru", actors=tuple(actors), events=tuple(events))


def test_meeting_scores_by_hand():
    result = evaluate_meetings(MEETINGS, meeting_coder)
    # 1-0 found (Саркози -> Sarkozy, «Обамой» -> Обама); 1-1: one actor named Бут cannot stand for two
    # participants; 2-0: the CONSULT is negated, the AGREE is no CONSULT; 3-0: France is not Саркози
    assert (result.docs, result.facts, result.named, result.linked, result.found) == (3, 4, 4, 2, 1)
    assert result.recall.value == 0.25 and result.consult_events == 3
    assert [m["fact"] for m in result.missed] == ["1-1", "2-0", "3-0"]
    assert result.missed[0]["participants"][0] == {"participant": "Бут Виктор", "names": ["Бут"],
                                                   "actors": ["person:viktor-but"]}
    assert result.missed[2]["participants"][0]["actors"] == [] and result.missed[2]["linked"] is False
    assert result.to_dict()["recall"] == 0.25
    lines = render_meetings(result).splitlines()
    assert lines[0].split() == ["facts", "named", "linked", "found", "recall"]
    assert lines[1].split() == ["4", "4", "2", "1", "0.250"]
    assert lines[-1] == "missed 3-0 (book_3): Саркози Николя = -; Обама Барак = person:barack-obama"


def test_meeting_with_no_events_and_unnamed_participants():
    docs = [MeetingDoc("book_9", "Суд.", (MeetingFact("9-0", (Participant("суд", ()), Participant("Обама", ("Обама",))),
                                                     "будущее"),))]
    result = evaluate_meetings(docs, lambda article: Analysis(id="a", file=article.file, actors=(OBAMA,)))
    assert (result.facts, result.named, result.linked, result.found, result.recall.value) == (1, 0, 0, 0, 0.0)
    assert result.missed[0]["modality"] == "будущее"


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


PLOVER_FILE = [
    {"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation"},
    {"id": "PLOVER-GSR01-DEMAND-0001", "date": "2000-01-01", "event": "DEMAND", "text": "Japan urged Italy to act.",
     "source": [{"actorText": "Japan", "code": "JAP", "sector": "GOV"}],
     "target": [{"actorText": "Italy", "code": "ITL"}, {"actorText": "al-Qaeda", "code": "IMG"}]},
    {"id": "PLOVER-GSR01-AGREE-0007", "date": "2000-01-01", "event": "AGREE", "mode": "",
     "text": "The Turkish and Greek sides agreed.", "target": "diplomatic",
     "source": [{"actorText": "Turkish", "code": "TUR"}, {"actorText": "Greek-Cypriot", "code": "GRC"}]},
    {"id": "PLOVER-GSR01-ASSAULT-0009", "event": "ASSAULT", "mode": "explosives", "text": "Three were killed.",
     "target": [{"actorText": "Iraqi civilians", "code": "IRQ", "sector": "CVL"}]},
    {"id": "X-1", "event": "ENDORSE", "text": "Someone endorsed something."},
    {"id": "X-2", "event": "AID", "text": ""},
]


def test_plover_reader(tmp_path):
    _write(tmp_path / "gsr" / "PLOVER_GSR_CAMEO.json", json.dumps(PLOVER_FILE))
    corpus = read_plover_gsr(tmp_path / "gsr")
    assert corpus.excluded == {"no gold event (DOCUMENT record)": 1, "type outside PLOVER: ENDORSE": 1, "no text": 1}
    demand, agree, assault = corpus.records
    assert demand == GoldRecord("PLOVER-GSR01-DEMAND-0001", "Japan urged Italy to act.", "2000-01-01", "REQUEST",
                                "DEMAND", None, ("JPN",), ("ITA",))
    assert (agree.actor, agree.recipient, agree.mode) == (("TUR", "GRC"), (), None)
    assert (assault.type, assault.coded_as, assault.actor, assault.recipient, assault.date) == (
        "ASSAULT", "ASSAULT", (), ("IRQ",), None)
    limited = read_plover_gsr(tmp_path / "gsr" / "PLOVER_GSR_CAMEO.json", limit=1)
    assert [r.id for r in limited.records] == ["PLOVER-GSR01-DEMAND-0001"]


def test_factrueval_meeting_reader(tmp_path):
    _write(tmp_path / "book_7.txt", "Глава ЕС встретился с мэром и с Лизой и Виктором Януковичем.")
    _write(tmp_path / "book_7.coref", "5 100 101\nname ЕС\nname Европейский союз \ndescriptor союз\nwikidata \n\n"
                                      "6 102\nfirstname Виктор\nlastname Янукович\n\n7 103\nfirstname Лиза\n\n"
                                      "8 104\ndescriptor суд\n")
    _write(tmp_path / "book_7.facts", "7-0 Occupation\nWho obj6 Янукович Виктор\nPosition span9 президент\n\n"
                                      "7-1 Meeting\nParticipant obj5 ЕС | Европейский союз\n"
                                      "Participant obj6 Янукович Виктор\nParticipant span12 мэр\n"
                                      "Participant obj7 Лиза\nParticipant obj8 суд\nМодальность будущее\n")
    _write(tmp_path / "book_8.txt", "Ничего.")
    _write(tmp_path / "book_8.facts", "")
    [doc] = read_meetings(tmp_path)
    assert (doc.id, doc.text[:5]) == ("book_7", "Глава")
    [meeting] = doc.facts
    assert (meeting.id, meeting.modality) == ("7-1", "будущее")
    assert [(p.text, p.names) for p in meeting.participants] == [
        ("ЕС | Европейский союз", ("ЕС", "Европейский союз")), ("Янукович Виктор", ("Янукович",)), ("мэр", ()),
        ("Лиза", ("Лиза",)), ("суд", ())]


def test_wrong_path_is_a_clear_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        read_plover_gsr(tmp_path / "missing.json")
    with pytest.raises(InputError, match="no .json files"):
        read_plover_gsr(tmp_path)
    with pytest.raises(InputError, match="not a factRuEval devset"):
        read_meetings(tmp_path)
    _write(tmp_path / "bad.json", "{not json")
    with pytest.raises(MalformedInput, match=r"bad\.json:1: not JSON"):
        read_plover_gsr(tmp_path / "bad.json")
    _write(tmp_path / "book_1.facts", "1-0 Meeting\nParticipant obj1 Обама\n")
    with pytest.raises(InputError, match=r"book_1\.coref: missing"):
        read_meetings(tmp_path)


def test_cli_exit_code_1_names_the_path(tmp_path, capsys):
    assert main(["eval", "events", "--format", "plover-gsr", str(tmp_path)]) == 1
    assert f"entente: {tmp_path}: not a PLOVER-GSR file or directory" in capsys.readouterr().err
    assert main(["eval", "events", "--format", "factrueval", str(tmp_path), "--limit", "0"]) == 2


@pytest.mark.shared
def test_real_command_on_plover_gsr():
    path = shared_path("data", "plover-gsr")
    data = _run("plover-gsr", path)
    assert data["records"] == 5 and data["excluded"] == {"no gold event (DOCUMENT record)": 1}
    assert sum(c["gold"] for c in data["by_type"].values()) == 5
    for key in ("type_accuracy", "actor_country_accuracy", "recipient_country_accuracy"):
        for score in data[key].values():
            assert set(score) == {"correct", "total", "accuracy"} and 0 <= score["correct"] <= score["total"] <= 5
    assert data["type_accuracy"]["strict"]["total"] == 5
    assert data["no_event"] + sum(c["predicted"] for c in data["by_type"].values()) == 5


@pytest.mark.shared
def test_real_command_on_factrueval_meetings():
    path = shared_path("data", "factrueval2016", "devset")
    data = _run("factrueval", path)
    assert data["docs"] == 5 and data["facts"] >= 5 and data["named"] > 0
    assert 0 <= data["found"] <= data["facts"] and data["found"] + len(data["missed"]) == data["facts"]
    assert all({"fact", "doc", "participants", "modality", "linked", "consult_events"} <= set(m)
               for m in data["missed"])


def _run(fmt, path):
    proc = subprocess.run([sys.executable, "-m", "entente.cli", "eval", "events", "--format", fmt, str(path), "--json",
                           "--limit", "5"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["format"] == fmt and data["path"] == str(path) and data["seconds"] >= 0
    return data
