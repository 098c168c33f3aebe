"""Regression guard: accuracy on the held-out test split of annotated_samples/.

No rule is tuned on the test split; the hidden held-out set remains the real judge.
"""

from pathlib import Path

import pytest

from extractor import Extractor
from extractor.evaluate import load_gold, score

SAMPLES = Path(__file__).resolve().parent.parent / "annotated_samples"


@pytest.fixture(scope="module")
def test_scores(extractor: Extractor):
    records = load_gold(SAMPLES / "test.jsonl")
    assert len(records) >= 50
    scores, _ = score(records, extractor)
    return scores


def test_foraminal_detection_f1(test_scores) -> None:
    assert test_scores.foraminal_detection.f1 >= 0.97


def test_foraminal_exact_severity_f1(test_scores) -> None:
    assert test_scores.foraminal_exact.f1 >= 0.95


def test_split_is_disjoint_and_large_enough() -> None:
    dev = {r.id for r in load_gold(SAMPLES / "dev.jsonl")}
    test = {r.id for r in load_gold(SAMPLES / "test.jsonl")}
    assert not dev & test
    assert len(dev) + len(test) >= 200
    assert len(test) / (len(dev) + len(test)) >= 0.25
