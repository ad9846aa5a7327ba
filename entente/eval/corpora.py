"""Gold NER corpora read into one shape: `GoldDoc(id, text, lang, entities)`, entities `(start, end, label)`
with label PER | LOC | ORG and offsets into `text` (read as UTF-8 with universal newlines).

Every reader makes the gold flat: an entity lying strictly inside another gold entity of a scored type is
dropped (the recognizer under test emits non-overlapping spans, so inner ones could never all be found);
exact duplicates count once; the rare partial overlaps and same-span/different-label pairs are kept.

- `factrueval` (PATH = devset/ or testset/): one gold entity per `.objects` line, from the min start to the
  max end of its spans. Person -> PER, Org -> ORG, Location and LocOrg -> LOC; Project and Facility ignored.
  `spans="name"` (default) counts only name spans: Person name/surname/patronymic/nickname, Org org_name,
  Location loc_name, LocOrg loc_name or org_name (annotators typed РФ, КНР, СССР as org_name there); an
  object with no name span ("мэрии Москвы", "памятника ...") is not a gold entity. This is the convention
  of natasha's naeval benchmark (which natasha's tagger follows), except that naeval keeps each Org / Loc
  name span separately. `spans="all"` takes every span: descriptors included ("мэрии Москвы" ORG).
- `ner-uk` (PATH = data/ with bruk/ and ng/): PERS -> PER, LOC -> LOC, ORG -> ORG; JOB, DATE, MISC ...
  ignored. `.ann` lines are TAB-separated and an entity's text may hold a newline, so the file is split at
  `T<n><TAB>`. Every document in the directory is read (the shared copy holds DEV only, a held-out copy TEST).
- `nerel` (PATH = dev/, train/ or test/): PERSON -> PER; ORGANIZATION -> ORG; COUNTRY, CITY,
  STATE_OR_PROVINCE, DISTRICT, LOCATION -> LOC. Ignored: FACILITY, NATIONALITY and the other 20 types of
  annotation.conf. Discontinuous entities ("a b;c d") are skipped; so are lines other than T lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from entente.errors import InputError, MalformedInput

FORMATS = ("factrueval", "ner-uk", "nerel")
SPANS = ("name", "all")
FACTRU_LABELS = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
FACTRU_NAMES = {"Person": {"name", "surname", "patronymic", "nickname"}, "Org": {"org_name"},
                "Location": {"loc_name"}, "LocOrg": {"loc_name", "org_name"}}
NER_UK_LABELS = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG"}
NEREL_LABELS = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC",
                "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC", "LOCATION": "LOC"}

Gold = tuple[int, int, str]


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    lang: str
    entities: tuple[Gold, ...]  # sorted (start, end, label)


def read_corpus(fmt: str, path: str | Path, limit: int | None = None, spans: str = "name") -> list[GoldDoc]:
    """The first `limit` documents (sorted by file name) of a corpus; InputError if PATH is not one."""
    if fmt not in FORMATS or spans not in SPANS:
        raise ValueError(f"format must be one of {FORMATS} and spans one of {SPANS}, not {fmt!r}, {spans!r}")
    root = Path(path)
    if not root.is_dir():
        raise InputError(str(root), "no such directory" if not root.exists() else "not a directory")
    if fmt == "factrueval":
        txts = sorted(root.glob("book_*.txt"))
        _require(txts, root, "not a factRuEval devset/testset directory: no book_N.txt files")
        return [_factru(txt, spans) for txt in txts[:limit]]
    if fmt == "ner-uk":
        txts = sorted(p for sub in ("bruk", "ng") for p in root.glob(f"{sub}/*.txt"))
        _require(txts, root, "not a NER-UK data directory: no bruk/ or ng/ folder with <id>.txt files")
        return [_ner_uk(txt) for txt in txts[:limit]]
    anns = sorted(root.glob("*.ann"))
    _require(anns, root, "not a NEREL split directory (dev/, train/): no .ann files")
    return [_nerel(ann) for ann in anns[:limit]]


def _factru(txt: Path, spans: str) -> GoldDoc:
    text, spans_file, objects_file = _read(txt), txt.with_suffix(".spans"), txt.with_suffix(".objects")
    found: dict[str, list[tuple[str, int, int]]] = {}
    for n, line in _lines(spans_file):
        fields = line.split()
        if len(fields) < 4 or not (fields[2].isdigit() and fields[3].isdigit()):
            raise MalformedInput(str(spans_file), "expected 'span_id type start length ...'", n)
        start = int(fields[2])
        found.setdefault(fields[0], []).append((fields[1], start, start + int(fields[3])))
    entities = []
    for n, line in _lines(objects_file):
        fields = line.split("#", 1)[0].split()
        if len(fields) < 3:
            raise MalformedInput(str(objects_file), "expected 'mention_id TYPE span_id ... # text'", n)
        if fields[1] not in FACTRU_LABELS:
            continue
        missing = [s for s in fields[2:] if s not in found]
        if missing:
            raise MalformedInput(str(objects_file), f"span {missing[0]} is not in {spans_file.name}", n)
        parts = [p for s in fields[2:] for p in found[s] if spans == "all" or p[0] in FACTRU_NAMES[fields[1]]]
        if parts:
            entities.append((min(p[1] for p in parts), max(p[2] for p in parts), FACTRU_LABELS[fields[1]]))
    return GoldDoc(txt.stem, text, "ru", _flat(entities, text, objects_file))


def _ner_uk(txt: Path) -> GoldDoc:
    text, ann = _read(txt), txt.with_suffix(".ann")
    entities = []
    raw = _read(ann).strip("\n")
    for record in re.split(r"\n(?=T\d+\t)", raw) if raw else []:
        fields = record.split("\t", 4)
        if len(fields) != 5 or not (fields[2].isdigit() and fields[3].isdigit()):
            raise MalformedInput(str(ann), f"expected 'T<n> TYPE start end text', TAB-separated: {record[:60]!r}")
        start, end = int(fields[2]), int(fields[3])
        if text[start:end] != fields[4]:
            raise MalformedInput(str(ann), f"{fields[0]}: {start}-{end} in {txt.name} is not {fields[4]!r}")
        if fields[1] in NER_UK_LABELS:
            entities.append((start, end, NER_UK_LABELS[fields[1]]))
    return GoldDoc(f"{txt.parent.name}/{txt.stem}", text, "uk", _flat(entities, text, ann))


def _nerel(ann: Path) -> GoldDoc:
    txt = ann.with_suffix(".txt")
    text = _read(txt)
    entities = []
    for n, line in _lines(ann):
        match = re.match(r"T\d+\t(\S+) (\d+) (\d+)\t(.*)$", line)
        if match is None:  # relations, Wikidata links, discontinuous "a b;c d", one stray line in train/
            continue
        kind, start, end, surface = match[1], int(match[2]), int(match[3]), match[4]
        if text[start:end] != surface:
            raise MalformedInput(str(ann), f"{start}-{end} in {txt.name} is not {surface!r}", n)
        if kind in NEREL_LABELS:
            entities.append((start, end, NEREL_LABELS[kind]))
    return GoldDoc(ann.stem, text, "ru", _flat(entities, text, ann))


def _flat(entities: list[Gold], text: str, file: Path) -> tuple[Gold, ...]:
    """Deduplicated, without entities strictly inside another; offsets checked against the text."""
    unique = set(entities)
    for start, end, _ in unique:
        if not 0 <= start < end <= len(text):
            raise MalformedInput(str(file), f"span {start}-{end} is outside the text ({len(text)} characters)")
    return tuple(sorted(e for e in unique if not any(
        o[0] <= e[0] and e[1] <= o[1] and (o[0], o[1]) != (e[0], e[1]) for o in unique)))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "missing (each document needs its annotation files)") from None
    except UnicodeDecodeError:
        raise MalformedInput(str(path), "not UTF-8") from None


def _lines(path: Path) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(_read(path).split("\n"), 1) if line.strip()]


def _require(found: list[Path], where: Path, reason: str) -> None:
    if not found:
        raise InputError(str(where), reason)
