"""The shipped hoax-style artifact: loads, verifies its checksums, refuses a tampered copy."""

from __future__ import annotations

import json
import shutil

import pytest

from pantau.core.claims import StyleModelError, load_hoax_style_model
from pantau.core.claims.style import default_artifact_dir


def test_the_shipped_artifact_loads_with_its_thresholds_and_version():
    model = load_hoax_style_model()
    assert model.version
    assert model.manifest["thresholds"]["review"] == 0.5
    assert model.alone_threshold >= 0.97
    assert (default_artifact_dir() / "model.npz").stat().st_size < 1_000_000
    p = model.probability("VIRAL!!! Makanan kaleng dari Thailand mengandung virus AIDS")
    q = model.probability("Pemkot membuka layanan perpanjangan KTP elektronik pada hari Sabtu")
    assert 0.0 <= q <= 1.0 and 0.0 <= p <= 1.0


def test_a_tampered_model_file_is_refused(tmp_path):
    target = tmp_path / "hoax_style"
    shutil.copytree(default_artifact_dir(), target)
    data = bytearray((target / "model.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (target / "model.npz").write_bytes(bytes(data))
    with pytest.raises(StyleModelError, match="checksum"):
        load_hoax_style_model(target)


def test_a_tampered_manifest_is_refused(tmp_path):
    target = tmp_path / "hoax_style"
    shutil.copytree(default_artifact_dir(), target)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["thresholds"]["alone"] = 0.1
    (target / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StyleModelError, match="checksum"):
        load_hoax_style_model(target)


def test_a_missing_artifact_is_reported(tmp_path):
    with pytest.raises(StyleModelError, match="no hoax-style model"):
        load_hoax_style_model(tmp_path)


def test_batch_probabilities_equal_one_at_a_time():
    model = load_hoax_style_model()
    texts = [
        "VIRAL!!! Makanan kaleng dari Thailand mengandung virus AIDS",
        "Pemkot membuka layanan perpanjangan KTP elektronik pada hari Sabtu",
        "",  # no terms at all: the intercept and the cues only
        "!!!",
        "kata kata kata kata kata",  # repeated terms are counted, not listed
        "Café résumé naïve — “kutipan” dengan aksen",  # folded accents, curly quotes
        "Angka 2026 dan 15.000 saja",
        "Klarifikasi: hoaks bahwa vaksin mengandung chip",  # fact-check words removed
    ]
    batch = model.probabilities(texts)
    assert batch.shape == (len(texts),)
    for text, p in zip(texts, batch, strict=True):
        assert p == pytest.approx(model.probability(text), abs=1e-12)
        assert p == pytest.approx(reference_probability(model, text), abs=1e-12)
    assert model.probabilities([]).shape == (0,)


def reference_probability(model, text: str) -> float:
    """The probability written out from the training features (`terms`), one text at a time."""
    import math

    import numpy as np

    from pantau.core.claims.style import N_SURFACE, surface, terms

    counts = {model.vocab[t]: c for t, c in terms(text).items() if t in model.vocab}
    idx = np.array(list(counts), dtype=np.int64)
    v = (1.0 + np.log(np.array(list(counts.values()), dtype=np.float64))) * model.idf[idx]
    norm = math.sqrt(float((v * v).sum())) if len(v) else 0.0
    z = model.intercept + (float(model.coef[idx] @ v) / norm if norm else 0.0)
    n = len(model.terms_list)
    z += float(model.coef[n : n + N_SURFACE] @ surface(text))
    a, b = model.platt
    return 1.0 / (1.0 + math.exp(-(a * z + b)))
