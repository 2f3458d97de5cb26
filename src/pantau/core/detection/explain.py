"""Explanations: which words of a post pushed a linear score up, as spans of the original text.

For a linear head the margin is ``sum_j x_j * w_j``, and the feature matrix keeps one entry per
feature occurrence, so the margin splits exactly over tokens: a word unigram or a character
n-gram belongs to the token it was cut from (n-grams never cross words), a bigram half to each
of its two tokens. The tokens with the largest positive contributions become evidence spans,
mapped through the normaliser's offsets to the original text; ``weight`` is the token's share
of all positive contribution (so the weights of one category sum to at most 1).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from pantau.core.detection.features import Featurizer
from pantau.core.text.normalizer import NormalizedText

MAX_SPANS = 5
MIN_SHARE = 0.05


def batch_token_contributions(
    featurizer: Featurizer,
    X: sparse.csr_matrix,
    units: Sequence[Sequence[str]],
    rows: Sequence[int],
    W: np.ndarray,
) -> list[np.ndarray]:
    """Contribution of each token to each head's margin, for rows of `X` built by `featurizer`.

    Returns one (tokens × heads) array per requested row. Row ``u`` of `X` stores one entry per
    feature occurrence in token order (see `Featurizer.transform`), so each entry is credited to
    the token it was cut from; bigram entries are split half and half between their two tokens.
    """
    owners_parts: list[np.ndarray] = []
    slices: list[np.ndarray] = []
    token_base = [0]
    tf = featurizer._token_features
    wi = featurizer.word_index
    half_rows: list[int] = []  # positions (in the concatenated entries) of bigram entries
    half_next: list[int] = []  # the second token of each of those bigrams
    n_entries = 0
    for u in rows:
        toks = units[u]
        base = token_base[-1]
        lens = [len(tf(t)) for t in toks]
        n_single = sum(lens)
        owner = np.repeat(np.arange(base, base + len(toks)), lens)
        a, b = X.indptr[u], X.indptr[u + 1]
        pairs = [i for i in range(len(toks) - 1) if f"{toks[i]} {toks[i + 1]}" in wi]
        if pairs:
            owner = np.concatenate([owner, base + np.asarray(pairs)])
            half_rows.extend(range(n_entries + n_single, n_entries + n_single + len(pairs)))
            half_next.extend(base + i + 1 for i in pairs)
        if len(owner) != b - a:  # the row was not built from these tokens
            raise ValueError("row does not match its tokens")
        owners_parts.append(owner)
        slices.append(np.arange(a, b))
        n_entries += b - a
        token_base.append(base + len(toks))
    n_tokens = token_base[-1]
    if not n_entries:
        return [np.zeros((len(units[u]), W.shape[1])) for u in rows]
    entries = np.concatenate(slices)
    owners = np.concatenate(owners_parts)
    share = X.data[entries].astype(np.float64)[:, None] * W[X.indices[entries]]
    if half_rows:
        hr = np.asarray(half_rows)
        share[hr] *= 0.5
        owners = np.concatenate([owners, np.asarray(half_next)])
        share = np.concatenate([share, share[hr]])
    out = np.stack(
        [np.bincount(owners, weights=share[:, k], minlength=n_tokens) for k in range(W.shape[1])],
        axis=1,
    )
    return [out[token_base[r] : token_base[r + 1]] for r in range(len(rows))]


def model_evidence(
    category: str,
    norm: NormalizedText,
    offset: int,
    contributions: np.ndarray,
) -> list[dict]:
    """Evidence dicts for the top tokens; `offset` is the unit's first token in `norm`."""
    positive = [(float(contributions[i]), int(i)) for i in np.flatnonzero(contributions > 0)]
    total = sum(c for c, _ in positive)
    if total <= 0:
        return []
    by_span: dict[tuple[int, int], float] = {}
    for c, i in sorted(positive, reverse=True):
        share = c / total
        if share < MIN_SHARE:
            break
        span = norm.spans[offset + i]
        by_span[span] = by_span.get(span, 0.0) + share
    best = sorted(by_span.items(), key=lambda kv: -kv[1])[:MAX_SPANS]
    return [
        {
            "category": category,
            "start": s,
            "end": e,
            "text": norm.original[s:e],
            "source": "model",
            "weight": round(weight, 3),
        }
        for (s, e), weight in best
    ]
