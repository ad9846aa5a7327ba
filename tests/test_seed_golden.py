"""Golden file of one real seed page's full analysis — actors, quotes and every event with its
evidence — so a reviewer sees any change of the coder at a glance. Regenerate after an intended change
with ENTENTE_UPDATE_GOLDEN=1 and read the diff."""

from __future__ import annotations

import os

import pytest

from entente.ingest import read

from .conftest import ROOT, shared_path
from .render import render

GOLDEN = ROOT / "tests/golden/seed_004_events.txt"


@pytest.mark.shared
def test_seed_golden(pipeline):
    seed = shared_path("seeds", "004_0fd45637b17b23f4.txt")
    [article] = list(read([str(seed)], 10**7))
    got = render(pipeline(article)).replace(str(seed.parent) + "/", "")
    if os.environ.get("ENTENTE_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")
