"""The bundled examples (pages the team wrote from public facts, with page furniture) against their
expected metadata, and one golden file that shows a whole analysis for review at a glance.

Regenerate the golden file after an intended change with ENTENTE_UPDATE_GOLDEN=1 and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from entente.ingest import read
from entente.models import Analysis

from .conftest import EXAMPLES, ROOT
from .render import render

EXPECTED = json.loads((ROOT / "tests/data/examples_expected.json").read_text("utf-8"))["documents"]
GOLDEN = ROOT / "tests/golden/ru_01_xi_moscow_visit.txt"


@pytest.fixture(scope="module")
def analyses(pipeline) -> dict[tuple[str, int], Analysis]:
    """(file name, n-th article of that file counting from 1) -> Analysis."""
    out: dict[tuple[str, int], Analysis] = {}
    for item in pipeline.run(read([str(EXAMPLES)], 10**7)):
        assert isinstance(item, Analysis), str(item)
        name = Path(item.file).name
        out[(name, 1 + sum(1 for k in out if k[0] == name))] = item
    return out


def _find(analyses, doc):
    return analyses[(doc["file"], doc.get("line") or 1)]


def _flat(s: str) -> str:
    return " ".join(s.split())


def test_every_example_is_read(analyses):
    assert len(analyses) == len(EXPECTED)


@pytest.mark.parametrize("doc", EXPECTED, ids=lambda d: f"{d['file']}:{d.get('line') or ''}")
def test_example_metadata_and_cleaning(analyses, doc):
    a = _find(analyses, doc)
    assert a.lang == doc["lang"]
    assert a.title == doc["title"]
    # A dateline without a year ("МОСКВА, 16 апреля. /ТАСС/.") gives null by design; never a wrong date.
    accepted = {doc["published"]} | ({None} if doc.get("published_needs_year") else set())
    assert a.published in accepted
    lines = {_flat(x) for x in a.text.splitlines()}
    assert [j for j in doc["junk_lines"] if _flat(j) in lines] == []
    assert [b for b in doc["body_must_contain"] if _flat(b) not in _flat(a.text)] == []


def test_golden_analysis(analyses):
    a = analyses[("ru_01_xi_moscow_visit.txt", 1)]
    got = render(a).replace(str(EXAMPLES.parent) + "/", "")
    if os.environ.get("ENTENTE_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")
