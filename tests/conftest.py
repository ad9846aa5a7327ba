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


# --- stores: one suite, SQLite and PostgreSQL ---------------------------------------------------------------
# PostgreSQL is the local server (override with $ENTENTE_TEST_PG); each test gets its own schema, dropped
# after it. Unreachable: the PostgreSQL half skips, and fails when CI=true.

PG_URL = os.environ.get("ENTENTE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def pg_server() -> str:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=5):
            pass
    except Exception as e:  # not installed, not running, no such database ...
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {PG_URL} is required when CI=true: {e}")
        pytest.skip(f"PostgreSQL at {PG_URL} not available: {e}")
    return PG_URL


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request, tmp_path):
    """Where a fresh, empty store lives: a SQLite file, or a PostgreSQL URL with a schema of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    import uuid

    import psycopg

    server = request.getfixturevalue("pg_server")
    schema = f"entente_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"
    try:
        yield f"{server}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(server, autocommit=True) as db:
            db.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_location):
    from entente.store import open_store

    s = open_store(store_location)
    yield s
    s.close()


@pytest.fixture(scope="session")
def examples(pipeline):
    """The bundled examples/ as (Article, Analysis) pairs, analyzed once."""
    from entente.errors import InputError
    from entente.ingest import read

    items = [item for item in read([str(EXAMPLES)], pipeline.settings.max_bytes) if not isinstance(item, InputError)]
    return [(item, pipeline(item)) for item in items]
