"""Hoax-style model: how much a short text *sounds* like a circulated hoax headline.

A weak, separate signal beside claim matching (see `scorer`). It is a logistic regression over
word and character n-gram TF-IDF features plus a few surface cues (capitals, exclamation marks,
quotes), calibrated with Platt scaling on out-of-fold scores. Fact-check vocabulary
(``klarifikasi``, ``hoaks``, ``bantah``...) is removed before featurising, in training and at
inference alike, so the model cannot learn that a headline is clean because a fact-checker
wrote it.

The artifact (``pantau/artifacts/hoax_style``) is ``model.npz`` (arrays only, loaded with
``allow_pickle=False``) and ``manifest.json`` (version, thresholds, training summary, sha256 of
the array file and of the manifest itself). Any mismatch raises `StyleModelError`.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from pantau.core.manifests import read_verified, write_sealed

FORMAT = "pantau-hoax-style/1"
MODEL_FILE = "model.npz"
MANIFEST_FILE = "manifest.json"

MARKERS = re.compile(
    r"\b(?:klarifikasi|mengklarifikasi|diklarifikasi|bantah|membantah|dibantah|bantahan|hoaks?|"
    r"hoax(?:es)?|disinformasi|misinformasi|cek\s*fakta|fakta|penjelasan|menjelaskan|tanggapan|"
    r"menanggapi|tidak\s+benar|bukan|tidak|debunk|berita\s+bohong|meluruskan|pastikan|memastikan|"
    r"menegaskan|tegaskan|beredar|isu)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
N_SURFACE = 5


class StyleModelError(Exception):
    """The style-model artifact is missing, malformed or fails its checksum."""


def default_artifact_dir() -> Path:
    import pantau.artifacts

    return Path(pantau.artifacts.__file__).resolve().parent / "hoax_style"


def _fold(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    text = MARKERS.sub(" ", _fold(text)).lower()
    return ["0" if w.isdigit() else w for w in _WORD.findall(text)]


def terms(text: str) -> Counter:
    """Sparse term counts: ``w:word``, ``w:word1_word2`` and ``c:`` character 3-5-grams."""
    words = _words(text)
    counts: Counter = Counter()
    for w in words:
        counts["w:" + w] += 1
    for a, b in zip(words, words[1:], strict=False):
        counts[f"w:{a}_{b}"] += 1
    for w in words:
        counts.update(_char_grams(w))
    return counts


@functools.lru_cache(maxsize=65536)
def _char_grams(word: str) -> tuple[str, ...]:
    """The ``c:`` 3-5-grams of one space-padded word (words repeat: cached)."""
    padded = f" {word} "
    return tuple("c:" + padded[i : i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1))


def surface(text: str) -> np.ndarray:
    """Surface cues of the original text, each in 0..1."""
    letters = "".join(filter(str.isalpha, text))
    upper = sum(map(str.isupper, letters)) / len(letters) if letters else 0.0
    return np.array(
        [
            upper,
            min(text.count("!"), 3) / 3,
            min(text.count("?"), 2) / 2,
            1.0 if re.search(r"[\"“”‘’']", text) else 0.0,
            min(len(text), 300) / 300,
        ]
    )


class StyleModel:
    """Vocabulary, idf and weights; `probability` is the calibrated hoax-style probability."""

    def __init__(self, vocab: list[str], idf, coef, intercept: float, platt: tuple, manifest=None):
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.terms_list = list(vocab)
        self.idf = np.asarray(idf, dtype=np.float64)
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        self.platt = (float(platt[0]), float(platt[1]))
        self.manifest: dict[str, Any] = dict(manifest or {})
        self._gram_ids: dict[str, tuple[int, ...]] = {}

    @property
    def version(self) -> str:
        return str(self.manifest.get("version", "dev"))

    @property
    def alone_threshold(self) -> float:
        return float(self.manifest.get("thresholds", {}).get("alone", 0.995))

    def _term_ids(self, words: list[str]) -> list[int]:
        """Vocabulary indices of the terms of `terms` (repeats kept), from a text's words.

        Each word's character n-gram indices are looked up once per model (posts repeat their
        words).
        """
        get = self.vocab.get
        ids = [i for w in words if (i := get("w:" + w)) is not None]
        ids += [
            i
            for a, b in zip(words, words[1:], strict=False)
            if (i := get(f"w:{a}_{b}")) is not None
        ]
        cache = self._gram_ids
        for w in words:
            grams = cache.get(w)
            if grams is None:
                grams = cache[w] = tuple(j for g in _char_grams(w) if (j := get(g)) is not None)
            ids.extend(grams)
        return ids

    def decision(self, text: str) -> float:
        return float(self.decisions([text])[0])

    def decisions(self, texts: Sequence[str]) -> np.ndarray:
        """The linear margin of each text: TF-IDF of its `terms` (sublinear counts, L2 norm, as in
        training) dotted with the weights, plus the surface cues; one sparse matrix per batch."""
        n_vocab = len(self.terms_list)
        cols: list[int] = []
        indptr = [0]
        for text in texts:
            cols.extend(self._term_ids(_words(text)))
            indptr.append(len(cols))
        X = sparse.csr_matrix(
            (np.ones(len(cols)), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
            shape=(len(texts), n_vocab),
        )
        X.sum_duplicates()  # repeated terms become counts
        X.data = (1.0 + np.log(X.data)) * self.idf[X.indices]
        norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
        dots = X @ self.coef[:n_vocab]
        z = self.intercept + np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)
        if len(texts):
            cues = np.vstack([surface(t) for t in texts])
            z = z + cues @ self.coef[n_vocab : n_vocab + N_SURFACE]
        return z

    def probability(self, text: str) -> float:
        a, b = self.platt
        return 1.0 / (1.0 + math.exp(-(a * self.decision(text) + b)))

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """`probability` of many texts at once (faster per text)."""
        a, b = self.platt
        return 1.0 / (1.0 + np.exp(-(a * self.decisions(texts) + b)))


def save_style_model(model: StyleModel, directory: Path) -> Path:
    """Write ``model.npz`` and the checksummed ``manifest.json``; returns the manifest path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    packed = "\n".join(model.terms_list).encode("utf-8")
    path = directory / MODEL_FILE
    with path.open("wb") as fh:
        np.savez_compressed(
            fh,
            vocab=np.frombuffer(packed, dtype=np.uint8),
            idf=model.idf.astype(np.float32),
            coef=model.coef.astype(np.float32),
            intercept=np.array([model.intercept]),
            platt=np.array(model.platt),
        )
    return write_sealed(directory / MANIFEST_FILE, dict(model.manifest), path, FORMAT)


def load_hoax_style_model(directory: Path | str | None = None) -> StyleModel:
    """Load and verify the style model (default: the artifact shipped in the package)."""
    directory = Path(directory) if directory is not None else default_artifact_dir()
    manifest, path = read_verified(
        directory,
        manifest_file=MANIFEST_FILE,
        data_file=MODEL_FILE,
        fmt=FORMAT,
        error=StyleModelError,
        missing="no hoax-style model",
    )
    try:
        with np.load(path, allow_pickle=False) as npz:
            raw = npz["vocab"].tobytes().decode("utf-8")
            vocab = raw.split("\n") if raw else []
            model = StyleModel(
                vocab,
                npz["idf"],
                npz["coef"],
                float(npz["intercept"][0]),
                tuple(npz["platt"]),
                manifest,
            )
    except (KeyError, ValueError, IndexError) as exc:
        raise StyleModelError(f"malformed hoax-style model {directory}: {exc}") from exc
    if len(model.coef) != len(vocab) + N_SURFACE or len(model.idf) != len(vocab):
        raise StyleModelError("weights and vocabulary sizes differ")
    return model
