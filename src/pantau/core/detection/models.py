"""Linear scoring heads with Platt calibration: the whole model at run time.

Every trained method (logistic regression, linear SVM, NB-SVM) ends up as one weight column in
``W`` with a bias, because NB-SVM's log-count ratios are folded into its weights at training
time. Calibrated probability of head ``h`` for feature row ``x``::

    p = sigmoid(a[h] * (x @ W[:, h] + b[h]) + c[h])

The head names used by the engine are `MAIN_HEADS` (scored categories) and `SUB_HEADS`
(hate-speech target, topic and intensity, trained on hate-speech posts only).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

MAIN_HEADS = ("hate_speech", "abusive", "radicalism")
TARGET_HEADS = ("target_individual", "target_group")
TOPIC_HEADS = ("topic_religion", "topic_race", "topic_physical", "topic_gender", "topic_other")
INTENSITY_HEADS = ("intensity_weak", "intensity_moderate", "intensity_strong")
SUB_HEADS = TARGET_HEADS + TOPIC_HEADS + INTENSITY_HEADS
ALL_HEADS = MAIN_HEADS + SUB_HEADS


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


@dataclass
class LinearHeads:
    """Weights ``W`` (features × heads) with bias ``b`` and Platt parameters ``a``, ``c``."""

    names: tuple[str, ...]
    W: np.ndarray
    b: np.ndarray
    a: np.ndarray
    c: np.ndarray

    def __post_init__(self) -> None:
        self.W = np.ascontiguousarray(self.W, dtype=np.float32)
        n = len(self.names)
        for name in ("b", "a", "c"):
            arr = np.asarray(getattr(self, name), dtype=np.float32)
            if arr.shape != (n,):
                raise ValueError(f"{name} must have one value per head")
            setattr(self, name, arr)
        if self.W.shape[1] != n:
            raise ValueError("W must have one column per head")
        self.index = {name: i for i, name in enumerate(self.names)}

    def decision(self, X: sparse.csr_matrix) -> np.ndarray:
        """Raw margins, shape (rows, heads)."""
        return np.asarray(X @ self.W) + self.b

    def proba(self, X: sparse.csr_matrix) -> np.ndarray:
        """Calibrated probabilities, shape (rows, heads)."""
        return sigmoid(self.a * self.decision(X) + self.c)

    def column(self, name: str) -> np.ndarray:
        return self.W[:, self.index[name]]
