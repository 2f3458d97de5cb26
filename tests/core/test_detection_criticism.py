"""Criticism is not hate speech: the shipped model's false-positive rate on the criticism set < 3%."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.core.detection import load_engine

CRITICISM = Path(__file__).resolve().parents[2] / "evaluation" / "criticism.jsonl"
CHECKED = ("hate_speech", "abusive", "radicalism")


def test_criticism_false_positive_rate_below_3_percent() -> None:
    if not CRITICISM.exists():
        pytest.skip("evaluation/criticism.jsonl not present")
    rows = [
        json.loads(line)
        for line in CRITICISM.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(rows) >= 150
    engine = load_engine()
    results = engine.classify_many([r["text"] for r in rows], ids=[r["id"] for r in rows])
    flagged = [
        (r["id"], res["flags"])
        for r, res in zip(rows, results, strict=True)
        if set(res["flags"]) & set(CHECKED)
    ]
    rate = len(flagged) / len(rows)
    assert rate < 0.03, f"criticism FPR {rate:.1%}: {flagged}"
