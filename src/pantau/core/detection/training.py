"""`pantau train`: rebuild the shipped artifact from the data directory, with measurements.

Steps (all seeded, so the artifact is reproducible):

1. read the slang dictionaries and abusive list; build the `Normalizer`;
2. split Ibrohim 2019 and Netifier into development and held-out parts (`datasets.SEED`);
   Ibrohim 2018 tweets not already in Ibrohim 2019 join the abusive training data, and the
   hand-written contrast posts of ``data/contrast_id.txt`` join every label as negatives;
3. fit the TF-IDF vocabulary on the development texts;
4. compare the methods of `methods.py` by 5-fold cross-validation on the development part
   (hate speech and abusive on Ibrohim 2019, radicalism on Netifier) and keep the best per label;
5. fit the kept method on all development data; Platt-calibrate on its out-of-fold margins;
   choose the threshold maximising F1 on those out-of-fold probabilities;
6. train the hate-speech target/topic/intensity heads on development hate-speech posts;
7. save the artifact; if a criticism set is given, re-pick the thresholds jointly as the best
   mean validation F1 subject to the criticism set's false-positive bound (a constraint only).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from pantau.core.detection import datasets, methods
from pantau.core.detection.artifact import save_artifact
from pantau.core.detection.features import LEX_ABUSIVE, LEX_GROUP, Featurizer
from pantau.core.detection.models import MAIN_HEADS, SUB_HEADS, LinearHeads
from pantau.core.text import lexicon
from pantau.core.text.normalizer import Normalizer

VERSION = "2026.11.0"
CRITICISM_MAX_FPR = 0.03  # the bound the criticism test enforces
CRITICISM_MARGIN = 1  # posts kept in hand below the bound
CONTRAST_REPEAT = 3  # weight of each hand-written contrast post
SUB_SOURCE = {
    "target_individual": "HS_Individual", "target_group": "HS_Group",
    "topic_religion": "HS_Religion", "topic_race": "HS_Race", "topic_physical": "HS_Physical",
    "topic_gender": "HS_Gender", "topic_other": "HS_Other", "intensity_weak": "HS_Weak",
    "intensity_moderate": "HS_Moderate", "intensity_strong": "HS_Strong",
}  # fmt: skip
WINDOWS = {"min_tokens": 40, "size": 30, "stride": 15}


def prepare(data: Path) -> dict[str, Any]:
    """Load and tokenise everything; returns the pieces later steps share."""
    dicts = datasets.load_dictionaries(data)
    normalizer = Normalizer(slang=dicts["slang"], abusive_words=dicts["abusive"])
    ib = datasets.load_ibrohim2019(data)
    ab = datasets.load_ibrohim2018(data)
    net = datasets.load_netifier(data)
    ib_dev, ib_hold = datasets.split_holdout(ib.y)
    net_dev, net_hold = datasets.split_holdout(net.y)
    seen = {datasets.text_key(t) for t in ib.texts}
    ab_extra = np.array([i for i, t in enumerate(ab.texts) if datasets.text_key(t) not in seen])
    tok = lambda texts: [normalizer.normalize(t).tokens for t in texts]  # noqa: E731
    return {
        "dicts": dicts, "normalizer": normalizer, "ib": ib, "ab": ab, "net": net,
        "ib_dev": ib_dev, "ib_hold": ib_hold, "net_dev": net_dev, "net_hold": net_hold,
        "ab_extra": ab_extra, "ib_tokens": tok(ib.texts), "ab_tokens": tok(ab.texts),
        "net_tokens": tok(net.texts),
    }  # fmt: skip


def load_contrast() -> list[str]:
    """The hand-written contrast posts shipped with the code (negatives for every label)."""
    path = Path(__file__).resolve().parent / "data" / "contrast_id.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _label_data(p: dict[str, Any], X_ib, X_ab, X_net, X_con, label: str):
    """(X, y, extra) of the development data for one main label; extra is never scored."""
    neg = (
        _repeat(X_con, CONTRAST_REPEAT),
        np.zeros(X_con.shape[0] * CONTRAST_REPEAT, dtype=np.int8),
    )
    if label == "hate_speech":
        return X_ib, p["ib"].column("HS")[p["ib_dev"]], neg
    if label == "abusive":
        ab = (X_ab, p["ab"].y[p["ab_extra"], 0].astype(np.int8))
        return (
            X_ib,
            p["ib"].column("Abusive")[p["ib_dev"]],
            (_vstack(ab[0], neg[0]), np.concatenate([ab[1], neg[1]])),
        )
    return X_net, p["net"].column("radikalisme")[p["net_dev"]], neg


def load_reviews(path: Path) -> tuple[list[str], dict[str, np.ndarray]]:
    """Reviewer decisions exported by `pantau reviews export`: texts and 0/1 labels per head."""
    import json

    texts: list[str] = []
    labels: dict[str, list[int]] = {label: [] for label in MAIN_HEADS}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            texts.append(str(row["text"]))
            for label in MAIN_HEADS:
                labels[label].append(int(bool(row.get(label, 0))))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: line {number}: not a labelled review ({exc})") from None
    return texts, {k: np.asarray(v, dtype=np.int8) for k, v in labels.items()}


def _with_reviews(extra, X_rev, y_rev):
    """Add reviewer-labelled rows to the rows that train but are never scored."""
    if X_rev is None or y_rev is None or not len(y_rev):
        return extra
    if extra is None:
        return X_rev, y_rev
    return _vstack(extra[0], X_rev), np.concatenate([extra[1], y_rev])


def _repeat(X, k: int):
    from scipy import sparse

    return sparse.vstack([X] * k).tocsr()


def train(
    data: Path,
    out: Path,
    *,
    criticism: Path | None = None,
    compare: bool = True,
    log: Callable[[str], None] = print,
    reviews: Path | None = None,
    version: str = VERSION,
) -> dict[str, Any]:
    """Train, measure and save the artifact into `out`; returns the training report."""
    p = prepare(data)
    normalizer: Normalizer = p["normalizer"]
    dev_docs = [p["ib_tokens"][i] for i in p["ib_dev"]]
    ab_docs = [p["ab_tokens"][i] for i in p["ab_extra"]]
    net_docs = [p["net_tokens"][i] for i in p["net_dev"]]
    con_docs = [normalizer.normalize(t).tokens for t in load_contrast()]
    rev_texts, rev_labels = load_reviews(reviews) if reviews else ([], {})
    rev_docs = [normalizer.normalize(t).tokens for t in rev_texts]
    featurizer = Featurizer.fit(
        dev_docs + ab_docs + net_docs + con_docs + rev_docs,
        lexicon_abusive=normalizer.abusive,
        lexicon_group=lexicon.GROUP_WORDS,
    )
    log(
        f"vocabulary: {featurizer.n_word} word and {featurizer.n_features - featurizer.n_word} char features"
    )
    X_ib, X_ab, X_net, X_con = (
        _canonical(featurizer.transform(d)) for d in (dev_docs, ab_docs, net_docs, con_docs)
    )
    X_rev = _canonical(featurizer.transform(rev_docs)) if rev_docs else None
    if rev_docs:
        log(f"reviewer decisions: {len(rev_docs)} labelled posts added to training")
    lex_cols = np.array(
        [featurizer.word_index[t] for t in (LEX_ABUSIVE, LEX_GROUP) if t in featurizer.word_index]
    )
    candidates = methods.make_methods(lex_cols)
    cv_table: dict[str, dict[str, dict[str, float]]] = {}
    chosen: dict[str, str] = {}
    for label in MAIN_HEADS:
        X, y, extra = _label_data(p, X_ib, X_ab, X_net, X_con, label)
        extra = _with_reviews(extra, X_rev, rev_labels.get(label))
        names = list(candidates) if compare else ["nbsvm_lex"]
        cv_table[label] = {}
        for name in names:
            margins = methods.oof_decisions(candidates[name], X, y, extra=extra)
            a, c = methods.platt(margins, y)
            prob = 1 / (1 + np.exp(-(a * margins + c)))
            pr, rc, f05 = methods.prf(y, (prob >= 0.5).astype(int))
            t, fbest = methods.best_threshold(prob, y)
            cv_table[label][name] = {
                "precision@0.5": pr,
                "recall@0.5": rc,
                "f1@0.5": f05,
                "f1@best": fbest,
                "best_threshold": t,
            }
            log(
                f"cv {label:12s} {name:13s} P={pr:.3f} R={rc:.3f} F1@0.5={f05:.3f} F1@best={fbest:.3f} (t={t:.2f})"
            )
        chosen[label] = max(cv_table[label], key=lambda n: cv_table[label][n]["f1@best"])
    W = np.zeros((featurizer.n_features, len(MAIN_HEADS) + len(SUB_HEADS)), dtype=np.float64)
    b, a, c = (np.zeros(W.shape[1]) for _ in range(3))
    thresholds: dict[str, float] = {}
    oof: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for h, label in enumerate(MAIN_HEADS):
        X, y, extra = _label_data(p, X_ib, X_ab, X_net, X_con, label)
        extra = _with_reviews(extra, X_rev, rev_labels.get(label))
        fitter = candidates[chosen[label]]
        margins = methods.oof_decisions(fitter, X, y, extra=extra)
        a[h], c[h] = methods.platt(margins, y)
        prob = 1 / (1 + np.exp(-(a[h] * margins + c[h])))
        thresholds[label], _ = methods.best_threshold(prob, y)
        oof[label] = (prob, y)
        Xfit, yfit = (
            (X, y) if extra is None else (_vstack(X, extra[0]), np.concatenate([y, extra[1]]))
        )
        W[:, h], b[h] = fitter(Xfit, yfit)
        log(f"kept {chosen[label]} for {label}; threshold {thresholds[label]:.2f}")
    hs_rows = np.flatnonzero(p["ib"].column("HS")[p["ib_dev"]] == 1)
    for k, head in enumerate(SUB_HEADS):
        h = len(MAIN_HEADS) + k
        y = p["ib"].column(SUB_SOURCE[head])[p["ib_dev"]][hs_rows]
        a[h], c[h] = 1.0, 0.0
        if 0 < y.sum() < len(y):
            W[:, h], b[h] = methods.fit_lr(X_ib[hs_rows], y, C=4.0)
        else:  # a constant label (tiny data sets): its prior, no weights
            rate = min(max(float(y.mean()) if len(y) else 0.0, 0.01), 0.99)
            b[h] = float(np.log(rate / (1 - rate)))
    heads = LinearHeads(MAIN_HEADS + SUB_HEADS, W, b, a, c)
    manifest = {
        "name": "pantau-id",
        "version": version,
        "trained_on": dt.date.today().isoformat(),
        "thresholds": {**thresholds, "hoax": 0.5},
        "threshold_source": {
            k: "F1-optimal on 5-fold out-of-fold probabilities" for k in thresholds
        },
        "topic_threshold": 0.5,
        "methods": chosen,
        "windows": WINDOWS,
        "normalizer": {"slang": p["dicts"]["slang"], "abusive": p["dicts"]["abusive"]},
        "lexicons": {"abusive": sorted(normalizer.abusive), "group": sorted(lexicon.GROUP_WORDS)},
        "training": {
            "cv": cv_table,
            "rows": {
                "ibrohim2019_dev": len(p["ib_dev"]),
                "ibrohim2019_holdout": len(p["ib_hold"]),
                "ibrohim2018_extra": len(p["ab_extra"]),
                "netifier_dev": len(p["net_dev"]),
                "reviewer_decisions": len(rev_docs),
                "netifier_holdout": len(p["net_hold"]),
                "contrast": len(con_docs),
            },
            "seed": datasets.SEED,
        },  # fmt: skip
        "licence": "Model: CC BY-NC-SA 4.0 (inherits the Ibrohim data licence); see docs/model-card.md",
    }
    save_artifact(out, manifest, featurizer, heads)
    if criticism is not None and criticism.exists():
        apply_criticism_constraint(out, criticism, oof, log=log)
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _canonical(X):
    """Merge repeated entries (same matrix) so every scikit-learn solver sees sorted rows."""
    X.sum_duplicates()
    return X


def _vstack(A, B):
    from scipy import sparse

    return sparse.vstack([A, B]).tocsr()


def apply_criticism_constraint(
    out: Path,
    criticism: Path,
    oof: dict[str, tuple[np.ndarray, np.ndarray]],
    *,
    log: Callable[[str], None] = print,
) -> None:
    """Pick the thresholds with the best mean out-of-fold F1 whose criticism FPR stays in budget.

    The criticism set is used only as a constraint: among all threshold triples (0.20–0.95) whose
    posts flagged in any category number at most `CRITICISM_MAX_FP`, the one with the highest mean
    validation F1 is kept. Scores include the shipped watchlist, as in production.
    """
    from pantau.core.detection.artifact import load_artifact
    from pantau.core.detection.engine import Engine

    rows = [
        json.loads(line)
        for line in criticism.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    artifact = load_artifact(out)
    engine = Engine.from_artifact(artifact)
    results = engine.classify_many([r["text"] for r in rows])
    grid = np.round(np.arange(0.20, 0.951, 0.01), 2)
    budget = int(np.ceil(CRITICISM_MAX_FPR * len(rows))) - 1 - CRITICISM_MARGIN
    f1 = {}
    flags = {}
    for label in MAIN_HEADS:
        prob, y = oof[label]
        f1[label] = np.array([methods.prf(y, (prob >= t).astype(int))[2] for t in grid])
        s = np.array([r["scores"][label] for r in results])
        flags[label] = s[:, None] >= grid[None, :]  # posts x thresholds
    hs, ab, rad = MAIN_HEADS
    best = (-1.0, None)
    for i in range(len(grid)):
        for j in range(len(grid)):
            base = flags[hs][:, i] | flags[ab][:, j]
            fp = (base[:, None] | flags[rad]).sum(axis=0)
            ok = np.flatnonzero(fp <= budget)
            if not len(ok):
                continue
            k = ok[np.argmax(f1[rad][ok])]
            score = (f1[hs][i] + f1[ab][j] + f1[rad][k]) / 3
            if score > best[0] + 1e-9:
                best = (score, (i, j, k))
    if best[1] is None:
        log("criticism constraint cannot be met on the threshold grid; thresholds unchanged")
        return
    manifest = dict(artifact.manifest)
    thresholds = dict(manifest["thresholds"])
    sources = dict(manifest["threshold_source"])
    for label, idx in zip(MAIN_HEADS, best[1], strict=True):
        new = float(grid[idx])
        if abs(new - thresholds[label]) > 1e-9:
            log(
                f"criticism constraint: {label} threshold {thresholds[label]:.2f} -> {new:.2f} (validation F1 {f1[label][idx]:.3f})"
            )
            sources[label] = (
                f"best mean validation F1 subject to at most {budget} of {len(rows)} criticism-set posts flagged"
            )
        thresholds[label] = new
    manifest["thresholds"] = thresholds
    manifest["threshold_source"] = sources
    save_artifact(out, manifest, artifact.featurizer, artifact.heads)
