"""Gold event corpora: PLOVER-GSR sentences and factRuEval Meeting facts.

- `plover-gsr` (PATH = a PLOVER_GSR_CAMEO.json file, or a directory whose *.json files are read in name
  order): one `GoldRecord` per event record, an English sentence with its event type and the codes of its
  source (actor) and target (recipient) actors. The records were coded in 2016 (PLOVER 0.5b1), before
  four types were folded into others; they are renamed as the manual's CAMEO table folds them:
  DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT. Actor codes are
  ISO 3166 alpha-3 with three old codes corrected (JAP -> JPN, ITL -> ITA, VTN -> VNM), or IGO / NGO
  (matched by an actor's sector), or IMG / ISM (militant groups: no counterpart in an entente Actor, so
  left out). The DOCUMENT record, records without text and types outside PLOVER are excluded and counted.
  A `target` that is not a list ("" or, once, "diplomatic") means no gold recipient.
- `factrueval` (PATH = devset/ or testset/): every `Meeting` fact of `book_N.facts`, with its participants'
  names from `book_N.coref` (nominative): a person's lastname (lastname1 ...), else firstname / nickname;
  an organization's or place's `name` values. A participant written "objA X | objB Y | Z" has all of
  those names. A participant with only a descriptor ("суд") has no name and cannot be matched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from entente.errors import InputError, MalformedInput

EVENT_FORMATS = ("plover-gsr", "factrueval")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
UNMATCHABLE = {"IMG", "ISM"}
PERSON_KEYS = ("lastname", "lastname1", "lastname2")
FIRST_KEYS = ("firstname", "firstname1", "firstname2", "nickname")
_REF = re.compile(r"(?:obj|span)\d+$")


@dataclass(frozen=True)
class GoldRecord:
    """One PLOVER-GSR sentence: `actor` and `recipient` hold gold codes (ISO alpha-3, IGO, NGO)."""

    id: str
    text: str
    date: str | None
    type: str  # one of PLOVER_TYPES
    coded_as: str  # the type as written in the file (DEMAND, FIGHT ... before renaming)
    mode: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]


@dataclass(frozen=True)
class PloverCorpus:
    records: list[GoldRecord]
    excluded: dict[str, int]  # reason -> records left out


@dataclass(frozen=True)
class Participant:
    text: str  # as normalized in the fact line: "Саркози Николя"
    names: tuple[str, ...]  # nominative names to match: ("Саркози",) or ("ЕС", "Европейский союз")


@dataclass(frozen=True)
class MeetingFact:
    id: str  # "117-0"
    participants: tuple[Participant, ...]
    modality: str | None  # Модальность: "будущее", "отрицание" ... or None


@dataclass(frozen=True)
class MeetingDoc:
    id: str  # "book_117"
    text: str
    facts: tuple[MeetingFact, ...]


def read_plover_gsr(path: str | Path, limit: int | None = None) -> PloverCorpus:
    """The first `limit` scorable records, in file order; InputError if PATH holds no JSON file."""
    root = Path(path)
    if not root.exists():
        raise InputError(str(root), "no such file or directory")
    files = sorted(root.glob("*.json")) if root.is_dir() else [root]
    if not files:
        raise InputError(str(root), "not a PLOVER-GSR file or directory: no .json files")
    records: list[GoldRecord] = []
    excluded: dict[str, int] = {}
    for file in files:
        try:
            data = json.loads(_read(file))
        except json.JSONDecodeError as e:
            raise MalformedInput(str(file), f"not JSON: {e.msg}", e.lineno) from None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise MalformedInput(str(file), "expected a JSON list of PLOVER-GSR records (objects)")
        for raw in data:
            record, reason = _plover_record(raw)
            if record is None:
                excluded[reason] = excluded.get(reason, 0) + 1
            elif limit is None or len(records) < limit:
                records.append(record)
    return PloverCorpus(records, excluded)


def _plover_record(raw: dict[str, Any]) -> tuple[GoldRecord | None, str]:
    coded = str(raw.get("event") or "")
    if not coded or coded == "DOCUMENT":
        return None, "no gold event (DOCUMENT record)"
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        return None, "no text"
    kind = RENAMED.get(coded, coded)
    if kind not in PLOVER_TYPES:
        return None, f"type outside PLOVER: {coded}"
    return GoldRecord(str(raw.get("id", "")), text, raw.get("date") or None, kind, coded, raw.get("mode") or None,
                      _codes(raw.get("source")), _codes(raw.get("target"))), ""


def _codes(side: Any) -> tuple[str, ...]:
    if not isinstance(side, list):
        return ()
    codes = (CODE_FIXES.get(c, c) for a in side if isinstance(a, dict) and isinstance(c := a.get("code"), str))
    return tuple(dict.fromkeys(c for c in codes if c and c not in UNMATCHABLE))


def read_meetings(path: str | Path, limit: int | None = None) -> list[MeetingDoc]:
    """The first `limit` documents (by file name) that have a Meeting fact; InputError if PATH is not a
    factRuEval devset/testset directory."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(str(root), "no such directory" if not root.exists() else "not a directory")
    facts_files = sorted(root.glob("book_*.facts"))
    if not facts_files:
        raise InputError(str(root), "not a factRuEval devset/testset directory: no book_N.facts files")
    docs: list[MeetingDoc] = []
    for file in facts_files:
        if limit is not None and len(docs) >= limit:
            break
        facts = tuple(_facts(file, _coref(file.with_suffix(".coref")))) if "Meeting" in _read(file) else ()
        if facts:
            docs.append(MeetingDoc(file.stem, _read(file.with_suffix(".txt")), facts))
    return docs


def _coref(file: Path) -> dict[str, dict[str, list[str]]]:
    """Entity id -> {field: [values]} from the blocks of a .coref file."""
    entities: dict[str, dict[str, list[str]]] = {}
    for block in _blocks(file):
        (n, head), *rest = block
        if not head.split()[0].isdigit():
            raise MalformedInput(str(file), "expected 'entity_id mention_id ...' to start a block", n)
        fields = entities.setdefault(head.split()[0], {})
        for _, line in rest:
            key, _, value = line.partition(" ")
            if value.strip():
                fields.setdefault(key, []).append(value.strip())
    return entities


def _facts(file: Path, entities: dict[str, dict[str, list[str]]]) -> list[MeetingFact]:
    found = []
    for block in _blocks(file):
        (n, head), *rest = block
        fields = head.split()
        if len(fields) != 2:
            raise MalformedInput(str(file), "expected 'docid-k FactType' to start a block", n)
        if fields[1] != "Meeting":
            continue
        participants, modality = [], None
        for _, line in rest:
            role, _, value = line.partition(" ")
            if role == "Participant":
                participants.append(_participant(value.strip(), entities))
            elif role == "Модальность":
                modality = value.strip() or None
        found.append(MeetingFact(fields[0], tuple(participants), modality))
    return found


def _participant(value: str, entities: dict[str, dict[str, list[str]]]) -> Participant:
    """'obj143 Украина | obj144 Турецкая республика | Турция' -> every name of the entities named and the
    bare texts; a span reference ('span123 мэр') is a descriptor, not a name."""
    names, texts = [], []
    for alternative in (a.strip() for a in value.split("|")):
        ref, _, text = alternative.partition(" ")
        if not _REF.match(ref):
            ref, text = "", alternative
        texts.append(text.strip())
        entity = entities.get(ref[3:], {}) if ref.startswith("obj") else {}
        if entity:
            person = [v for k in PERSON_KEYS for v in entity.get(k, [])]
            names += person or entity.get("name", []) or [v for k in FIRST_KEYS for v in entity.get(k, [])]
        elif text.strip() and not ref.startswith("span"):
            names.append(text.strip())
    return Participant(" | ".join(t for t in texts if t), tuple(dict.fromkeys(names)))


def _blocks(file: Path) -> list[list[tuple[int, str]]]:
    """Blank-line separated blocks of (line number, line), trailing spaces stripped."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for n, line in enumerate(_read(file).split("\n"), 1):
        if line.strip():
            blocks[-1].append((n, line.rstrip()))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "missing (each document needs its annotation files)") from None
    except UnicodeDecodeError:
        raise MalformedInput(str(path), "not UTF-8") from None
    except IsADirectoryError:
        raise InputError(str(path), "a directory, not a file") from None
