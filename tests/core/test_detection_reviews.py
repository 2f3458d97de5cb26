"""Reviewer decisions as training rows: `load_reviews` reads what `pantau reviews export` writes."""

from __future__ import annotations

import json

import pytest

from pantau.core.detection.training import _with_reviews, load_reviews


def test_reviews_become_labels_per_head(tmp_path):
    path = tmp_path / "reviews.jsonl"
    rows = [
        {"id": "review-1", "text": "dasar kaum itu penipu", "hate_speech": 1, "abusive": 0,
         "radicalism": 0, "hoax": 0, "source": "review", "outcome": "confirm"},
        {"id": "review-2", "text": "kebijakan parkir ngawur", "hate_speech": 0, "abusive": 0,
         "radicalism": 0, "hoax": 0, "source": "review", "outcome": "protected"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    texts, labels = load_reviews(path)
    assert texts == ["dasar kaum itu penipu", "kebijakan parkir ngawur"]
    assert labels["hate_speech"].tolist() == [1, 0] and labels["abusive"].tolist() == [0, 0]


def test_a_bad_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "reviews.jsonl"
    path.write_text('{"text": "ok"}\n{"no text": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"reviews.jsonl: line 2"):
        load_reviews(path)


def test_review_rows_are_added_to_the_unscored_training_rows():
    import numpy as np
    from scipy import sparse

    extra = (sparse.csr_matrix(np.ones((2, 3))), np.array([0, 0], dtype=np.int8))
    X_rev = sparse.csr_matrix(np.eye(3)[:1])
    X, y = _with_reviews(extra, X_rev, np.array([1], dtype=np.int8))
    assert X.shape == (3, 3) and y.tolist() == [0, 0, 1]
    assert _with_reviews(extra, None, None) is extra
