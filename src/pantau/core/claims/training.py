"""Train the hoax-style model from the labelled data in ``../shared/data/hoax`` (reproducible).

Training texts are *headlines*, never fact-check bodies:

* ``turnbackhoax2021.csv``: the ``headline`` of each item; label 0 (a hoax item, the claim
  itself) is positive, label 1 (a clarification) negative;
* ``pratiwi2017_news.csv``: the articles have no headline, so the lede (first sentence, at most
  about 200 characters) stands in for one; ``Hoax`` is positive, ``Valid`` negative.

Five-fold stratified cross-validation (fixed seed) gives per-fold precision, recall and F1 of the
positive class at the 0.5 calibrated probability; the out-of-fold decision values fit the Platt
calibration; the final model is then trained on everything. scikit-learn is needed here only,
never at inference.

    python -c "from pantau.core.claims.training import train_hoax_style; \\
               train_hoax_style('../shared/data/hoax', 'src/pantau/artifacts/hoax_style')"
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np

from pantau.core.claims.style import N_SURFACE, StyleModel, save_style_model, surface, terms

VERSION = "1.0.0"
SEED = 20261124
MIN_DF = 2
MAX_FEATURES = 12_000
C = 4.0
THRESHOLDS = {"review": 0.5, "alone": 0.995}


def lede(text: str, limit: int = 200) -> str:
    """First sentence of an article (a stand-in headline), cut at a word before ``limit``."""
    text = " ".join(text.split())
    text = re.sub(r"^[A-Z][A-Za-z .]{2,30}(?:,|\s[-–—])\s+", "", text)  # "Jakarta, " / "JAKARTA – "
    m = re.search(r"(?<=[a-z0-9\)”\"'])[.!?](?=\s|$)", text[30:])
    sentence = text[: 30 + m.end()] if m else text
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0]
    return sentence


def load_training_texts(data_dir: Path | str) -> tuple[list[str], np.ndarray, list[str]]:
    """(texts, labels 1 = hoax style, source name of each text)."""
    data_dir = Path(data_dir)
    texts: list[str] = []
    labels: list[int] = []
    sources: list[str] = []
    with (data_dir / "turnbackhoax2021.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            head = (row.get("headline") or "").strip()
            if head and row.get("label") in {"0", "1"}:
                texts.append(head)
                labels.append(1 if row["label"] == "0" else 0)
                sources.append("turnbackhoax2021")
    with (data_dir / "pratiwi2017_news.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            body = (row.get("text") or "").strip()
            if body and row.get("label") in {"Hoax", "Valid"}:
                texts.append(lede(body))
                labels.append(1 if row["label"] == "Hoax" else 0)
                sources.append("pratiwi2017")
    return texts, np.asarray(labels), sources


def _fit_vocab(counts: list, min_df: int, max_features: int) -> tuple[list[str], np.ndarray]:
    df: dict[str, int] = {}
    for c in counts:
        for t in c:
            df[t] = df.get(t, 0) + 1
    kept = sorted((t for t, n in df.items() if n >= min_df), key=lambda t: (-df[t], t))
    kept = sorted(kept[:max_features])
    n = len(counts)
    idf = np.array([np.log((1 + n) / (1 + df[t])) + 1.0 for t in kept])
    return kept, idf


def _matrix(texts, counts, vocab, idf):
    from scipy import sparse

    index = {t: i for i, t in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, c in enumerate(counts):
        entries = [
            (index[t], (1.0 + np.log(k)) * idf[index[t]]) for t, k in c.items() if t in index
        ]
        norm = np.sqrt(sum(v * v for _, v in entries)) or 1.0
        for i, v in entries:
            rows.append(r)
            cols.append(i)
            vals.append(v / norm)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))
    cues = sparse.csr_matrix(np.vstack([surface(t) for t in texts]))
    return sparse.hstack([x, cues]).tocsr()


def _fit(texts, labels, counts):
    from sklearn.linear_model import LogisticRegression

    vocab, idf = _fit_vocab(counts, MIN_DF, MAX_FEATURES)
    x = _matrix(texts, counts, vocab, idf)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    clf.fit(x, labels)
    return vocab, idf, clf


def cross_validate(texts, labels, sources, folds: int = 5) -> tuple[list[dict], np.ndarray]:
    """Per-fold P/R/F1 (positive class, calibrated p >= 0.5) and the out-of-fold decisions."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    counts = [terms(t) for t in texts]
    strata = [f"{s}:{y}" for s, y in zip(sources, labels, strict=True)]
    oof = np.zeros(len(texts))
    fold_of = np.zeros(len(texts), dtype=int)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for k, (tr, te) in enumerate(splitter.split(texts, strata)):
        vocab, idf, clf = _fit([texts[i] for i in tr], labels[tr], [counts[i] for i in tr])
        x = _matrix([texts[i] for i in te], [counts[i] for i in te], vocab, idf)
        oof[te] = clf.decision_function(x)
        fold_of[te] = k
    platt = LogisticRegression(C=1e6).fit(oof.reshape(-1, 1), labels)
    prob = platt.predict_proba(oof.reshape(-1, 1))[:, 1]
    results = []
    for k in range(folds):
        m = fold_of == k
        results.append(_prf(labels[m], prob[m] >= 0.5) | {"fold": k + 1, "n": int(m.sum())})
    return results, oof


def _prf(y, pred) -> dict:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def train_hoax_style(data_dir: Path | str, out_dir: Path | str) -> dict:
    """Cross-validate, fit the calibration and the final model, save the artifact; returns its
    manifest (with the CV figures under ``training``)."""
    from sklearn.linear_model import LogisticRegression

    texts, labels, sources = load_training_texts(data_dir)
    folds, oof = cross_validate(texts, labels, sources)
    platt = LogisticRegression(C=1e6).fit(oof.reshape(-1, 1), labels)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    prob = 1 / (1 + np.exp(-(a * oof + b)))
    per_source = {
        s: _prf(labels[np.array(sources) == s], (prob >= 0.5)[np.array(sources) == s])
        for s in sorted(set(sources))
    }
    vocab, idf, clf = _fit(texts, labels, [terms(t) for t in texts])
    coef = clf.coef_[0]
    assert len(coef) == len(vocab) + N_SURFACE
    mean = {
        m: round(float(np.mean([f[m] for f in folds])), 4) for m in ("precision", "recall", "f1")
    }
    manifest = {
        "name": "pantau-hoax-style",
        "version": VERSION,
        "data": "../shared/data/hoax (turnbackhoax2021.csv, pratiwi2017_news.csv)",
        "thresholds": THRESHOLDS,
        "labels": {"1": "hoax-style headline", "0": "news or clarification headline"},
        "training": {
            "sources": {
                "turnbackhoax2021.csv": "headline; label 0 -> 1, label 1 -> 0; licence none stated",
                "pratiwi2017_news.csv": "lede of the article; Hoax -> 1, Valid -> 0; CC BY 4.0",
            },
            "n": len(texts),
            "positives": int(labels.sum()),
            "cv": {"folds": folds, "mean": mean, "per_source_oof": per_source, "seed": SEED},
            "params": {"C": C, "min_df": MIN_DF, "max_features": MAX_FEATURES},
            "alone_rate_oof": round(float((prob >= THRESHOLDS["alone"]).mean()), 4),
            "alone_precision_oof": _prf(labels, prob >= THRESHOLDS["alone"])["precision"],
        },
    }
    model = StyleModel(vocab, idf, coef, float(clf.intercept_[0]), (a, b), manifest)
    save_style_model(model, Path(out_dir))
    return manifest
