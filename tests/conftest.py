"""Shared fixtures. `../shared` (seeds, gold, corpora) sits beside the project in CI only: tests that
need it skip on a user's clone and fail loudly when CI=true and it is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from entente import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing, and CI=true requires ../shared")
        pytest.skip(f"{path} not available (only in CI / the development workspace)")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()
