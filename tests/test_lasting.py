"""entente/lasting.py: what loads once is kept out of the cycle collector's walks, and analysis runs with the
youngest generation collected less often than Python's default."""

from __future__ import annotations

import gc

import pytest

from entente.lasting import YOUNG, fewer_collections, loading


@pytest.fixture
def threshold():
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_fewer_collections_raises_the_default_and_keeps_the_older_generations(threshold):
    gc.set_threshold(700, 10, 10)
    fewer_collections()
    assert gc.get_threshold() == (YOUNG, 10, 10)


def test_fewer_collections_leaves_a_higher_setting_and_a_disabled_one(threshold):
    gc.set_threshold(YOUNG * 5, 20, 30)
    fewer_collections()
    assert gc.get_threshold() == (YOUNG * 5, 20, 30)
    gc.set_threshold(0, 10, 10)
    fewer_collections()
    assert gc.get_threshold() == (0, 10, 10)


def test_a_loaded_pipeline_analyzes_with_fewer_collections(threshold):
    from entente.pipeline import Pipeline

    gc.set_threshold(700, 10, 10)
    pipeline = Pipeline()
    assert gc.get_threshold()[0] == YOUNG
    assert pipeline.toolkit.language is not None


def test_loading_pauses_the_collector_and_restores_it():
    assert gc.isenabled()
    with loading():
        assert not gc.isenabled()
        kept = {n: [n] for n in range(100)}
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)  # what was built is out of the collector's walks
