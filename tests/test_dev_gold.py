"""CI gate on the development gold (../shared/gold/dev/: 60 real ru/uk/en articles annotated by hand):
the shared scorer's figures, overall and per language, must not fall below the pinned ones. The pins are
the figures measured when they were last raised (EVALUATION.md gives them with the command); a change that
lowers one fails here. Held-out sets, not in this repository, judge the same way."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import shared_path

# overall figures (score_seeds.py summary)
PINNED = {  # measured at the last raise: 0.896 / 0.915 / 0.97 / 0.866 / 0.798 / 0.783; titles 0.95
    "actor_recall": 0.89,
    "person_precision": 0.91,
    "quote_recall": 0.96,
    "quote_speaker_acc": 0.86,
    "event_recall": 0.79,
    "event_precision": 0.78,
    "title_acc": 0.95,
    "published_acc": 1.0,
}
MAX_JUNK_LINES = 0  # page furniture lines the gold lists that survive cleaning
# events per language: (recall, precision); measured ru .813 / .789, uk .792 / .833, en .733 / .683 (English is six
# documents: one event moves its figures by .02 to .07)
# Russian precision was pinned at .79 (.791); arguments from another clause of the tree cost one event the gold
# credits (a protest's target guessed from a relative clause) and clear about 100 wrong sides over the bench corpus
PINNED_EVENTS = {"ru": (0.81, 0.78), "uk": (0.79, 0.83), "en": (0.73, 0.68)}
MAX_FORBIDDEN = 0  # asserted events the text says did not happen (issue 10 allows one; none is asserted now)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    texts = shared_path("gold", "dev", "texts")
    gold = shared_path("gold", "dev", "gold.json")
    scorer = shared_path("tools", "score_seeds.py")
    out = tmp_path_factory.mktemp("dev") / "out.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        proc = subprocess.run(
            [sys.executable, "-m", "entente.cli", "analyze", str(texts), "--format", "jsonl"],
            stdout=fh, stderr=subprocess.PIPE, text=True, check=False,
        )
    assert proc.returncode == 0, proc.stderr
    result = subprocess.run(
        [sys.executable, str(scorer), str(out), "--gold", str(gold), "--json"], capture_output=True, text=True,
        check=True,
    )
    return json.loads(result.stdout)


def per_language(documents: list[dict], lang: str) -> tuple[float, float]:
    docs = [d for d in documents if d["file"].startswith(f"{lang}_")]
    found, required = sum(d["events_found"] for d in docs), sum(d["events_required"] for d in docs)
    correct, out = sum(d["events_correct"] for d in docs), sum(d["events_out"] for d in docs)
    return found / max(1, required), correct / max(1, out)


@pytest.mark.shared
def test_every_gold_document_is_scored(scored):
    assert scored["summary"]["documents"] == 60


@pytest.mark.shared
@pytest.mark.parametrize("metric", sorted(PINNED))
def test_dev_gold_scores_hold(scored, metric):
    assert scored["summary"][metric] >= PINNED[metric], scored["summary"]


@pytest.mark.shared
@pytest.mark.parametrize("lang", sorted(PINNED_EVENTS))
def test_dev_gold_events_hold_per_language(scored, lang):
    recall, precision = per_language(scored["documents"], lang)
    pinned_recall, pinned_precision = PINNED_EVENTS[lang]
    assert recall >= pinned_recall and precision >= pinned_precision, (lang, recall, precision)


@pytest.mark.shared
def test_dev_gold_few_denied_events_asserted(scored):
    assert scored["summary"]["forbidden_events"] <= MAX_FORBIDDEN, [
        (d["file"], d["forbidden_hits"]) for d in scored["documents"] if d["forbidden_hits"]
    ]


@pytest.mark.shared
def test_dev_gold_furniture_is_removed(scored):
    assert scored["summary"]["junk_lines_left"] <= MAX_JUNK_LINES, [
        (d["file"], d["junk_left"]) for d in scored["documents"] if d["junk_left"]
    ]
