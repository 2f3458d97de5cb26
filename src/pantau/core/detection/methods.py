"""Candidate learning methods, cross-validation and calibration (training time only).

Imports scikit-learn, so only `pantau train` and the quality benchmark load this module; the
engine itself runs on numpy and scipy. Each method returns a weight vector and bias in the
original feature space, so any of them ships as one column of the linear model:

- ``tfidf_lr``: logistic regression on word + character TF-IDF, lexicon columns removed;
- ``tfidf_lr_lex``: the same with the lexicon pseudo-token columns;
- ``svm_platt``: linear SVM (calibrated afterwards by Platt scaling like every method);
- ``nbsvm_lex``: NB-SVM (Wang & Manning 2012) — features scaled by naive-Bayes log-count
  ratios, then logistic regression; the ratios are folded into the weights;
- ``ensemble_lex``: the mean of the three margins above (each standardised), which is again a
  single linear model.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

Fitter = Callable[[sparse.csr_matrix, np.ndarray], tuple[np.ndarray, float]]
CV_SEED = 0


def _lr(C: float) -> LogisticRegression:
    return LogisticRegression(C=C, solver="liblinear", max_iter=500, random_state=CV_SEED)


def fit_lr(X, y, C: float = 4.0, drop: np.ndarray | None = None):
    clf = _lr(C).fit(X, y)
    w = clf.coef_.ravel().astype(np.float64)
    if drop is not None:
        w[drop] = 0.0
    return w, float(clf.intercept_[0])


def fit_svm(X, y, C: float = 0.3):
    clf = LinearSVC(C=C, max_iter=5000, random_state=CV_SEED).fit(X, y)
    return clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0])


def nb_ratio(X, y, alpha: float = 1.0) -> np.ndarray:
    p = np.asarray(X[y == 1].sum(axis=0)).ravel() + alpha
    q = np.asarray(X[y == 0].sum(axis=0)).ravel() + alpha
    return np.log((p / p.sum()) / (q / q.sum()))


def fit_nbsvm(X, y, C: float = 10.0):
    r = nb_ratio(X, y)
    clf = _lr(C).fit(sparse.csr_matrix(X.multiply(r)), y)
    return clf.coef_.ravel() * r, float(clf.intercept_[0])


def make_methods(lexicon_columns: np.ndarray) -> dict[str, Fitter]:
    """The compared methods; `lexicon_columns` are the pseudo-token feature indices."""

    def no_lex(X, y):
        mask = np.ones(X.shape[1])
        mask[lexicon_columns] = 0.0
        return fit_lr(sparse.csr_matrix(X.multiply(mask)), y, drop=lexicon_columns)

    def ensemble(X, y):
        """Mean of the standardised margins of LR, SVM and NB-SVM: still one linear model."""
        w_sum, b_sum = np.zeros(X.shape[1]), 0.0
        for fit in (fit_lr, fit_svm, fit_nbsvm):
            w, b = fit(X, y)
            scale = float(np.std(X @ w + b)) or 1.0
            w_sum += w / scale
            b_sum += b / scale
        return w_sum / 3, b_sum / 3

    return {
        "tfidf_lr": no_lex,
        "tfidf_lr_lex": fit_lr,
        "svm_platt": fit_svm,
        "nbsvm_lex": fit_nbsvm,
        "ensemble_lex": ensemble,
    }


def oof_decisions(
    fitter: Fitter,
    X,
    y: np.ndarray,
    *,
    extra: tuple | None = None,
    folds: int = 5,
    seed: int = CV_SEED,
) -> np.ndarray:
    """Out-of-fold margins; `extra` = (X, y) added to every training fold, never scored."""
    out = np.zeros(len(y))
    skf = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for tr, va in skf.split(np.zeros(len(y)), y):
        Xtr, ytr = X[tr], y[tr]
        if extra is not None and extra[0].shape[0]:
            Xtr = sparse.vstack([Xtr, extra[0]]).tocsr()
            ytr = np.concatenate([ytr, extra[1]])
        w, b = fitter(Xtr, ytr)
        out[va] = X[va] @ w + b
    return out


def platt(margins: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Fit p = sigmoid(a * margin + c) on out-of-fold margins."""
    clf = LogisticRegression(C=1e4, solver="lbfgs").fit(margins.reshape(-1, 1), y)
    return float(clf.coef_[0, 0]), float(clf.intercept_[0])


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum((pred == 1) & (y == 1)))
    fp = float(np.sum((pred == 1) & (y == 0)))
    fn = float(np.sum((pred == 0) & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best_threshold(prob: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Threshold in [0.2, 0.8] maximising F1 on validation probabilities; (threshold, F1)."""
    best = (0.5, -1.0)
    for t in np.round(np.arange(0.20, 0.801, 0.01), 2):
        f = prf(y, (prob >= t).astype(int))[2]
        if f > best[1] + 1e-9:
            best = (float(t), f)
    return best
