"""Artifact save/load: plain arrays + JSON, checksums enforced, shipped artifact small and fast."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from pantau.core.detection import ArtifactError, default_artifact_dir, load_artifact
from pantau.core.detection.artifact import save_artifact
from pantau.core.detection.features import Featurizer
from pantau.core.detection.models import ALL_HEADS, LinearHeads

DOCS = [["dasar", "goblok"], ["selamat", "pagi"], ["kamu", "goblok", "banget"], ["pagi", "cerah"]]


def tiny(tmp_path):
    fz = Featurizer.fit(DOCS, lexicon_abusive=["goblok"], min_df=1)
    rng = np.random.default_rng(0)
    n = len(ALL_HEADS)
    heads = LinearHeads(
        ALL_HEADS, rng.normal(size=(fz.n_features, n)), np.zeros(n), np.ones(n), np.zeros(n)
    )
    manifest = {"name": "pantau-id", "version": "test.0", "thresholds": {"hate_speech": 0.5},
                "lexicons": {"abusive": ["goblok"], "group": []}, "normalizer": {"slang": {}}}  # fmt: skip
    save_artifact(tmp_path, manifest, fz, heads)
    return fz, heads


def test_round_trip(tmp_path) -> None:
    fz, heads = tiny(tmp_path)
    art = load_artifact(tmp_path)
    assert art.version == "test.0"
    assert art.featurizer.word_terms == fz.word_terms
    assert art.featurizer.char_terms == fz.char_terms
    X = fz.transform(DOCS)
    np.testing.assert_allclose(
        art.heads.proba(art.featurizer.transform(DOCS)), heads.proba(X), atol=2e-3
    )


def test_refuses_tampered_arrays(tmp_path) -> None:
    tiny(tmp_path)
    path = tmp_path / "model.npz"
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ArtifactError, match="checksum"):
        load_artifact(tmp_path)


def test_refuses_tampered_manifest(tmp_path) -> None:
    tiny(tmp_path)
    path = tmp_path / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["thresholds"]["hate_speech"] = 0.01
    path.write_text(json.dumps(manifest))
    with pytest.raises(ArtifactError, match="checksum"):
        load_artifact(tmp_path)


def test_refuses_missing_or_foreign(tmp_path) -> None:
    with pytest.raises(ArtifactError):
        load_artifact(tmp_path)
    (tmp_path / "manifest.json").write_text('{"format": "something-else"}')
    with pytest.raises(ArtifactError):
        load_artifact(tmp_path)


def test_arrays_load_without_pickle(tmp_path) -> None:
    tiny(tmp_path)
    with np.load(tmp_path / "model.npz", allow_pickle=False) as npz:
        assert all(npz[k].dtype != object for k in npz.files)


def test_shipped_artifact_small_fast_and_valid() -> None:
    directory = default_artifact_dir()
    size = sum(p.stat().st_size for p in directory.iterdir() if p.is_file())
    assert size < 25 * 1024 * 1024
    start = time.perf_counter()
    art = load_artifact()
    assert time.perf_counter() - start < 2.0
    assert set(art.manifest["thresholds"]) >= {"hate_speech", "abusive", "radicalism"}
    assert tuple(art.manifest["heads"]) == ALL_HEADS
    assert art.manifest["normalizer"]["slang"]  # dictionaries travel with the model
