"""Explanations: the phrases of a post that carry a decision, as spans of the original text.

For a linear head the margin is ``sum_j x_j * w_j``, and the feature matrix keeps one entry per
feature occurrence, so the margin splits exactly over tokens: a word unigram or a character
n-gram belongs to the token it was cut from (n-grams never cross words), a bigram half to each
of its two tokens.

What a reviewer is shown (`model_evidence`, then `select_evidence`):

- only tokens that can mean something: a token that is punctuation, an emoji, a number or a stop
  word (`pantau.core.detection.targets.STOP_WORDS`) is never evidence on its own;
- adjacent tokens are merged into one phrase (a single stop word between two may be bridged:
  "benci sama cina" is one phrase), so the hostile phrase and its target read as written;
- for hate speech, a word naming a SARA group or a state entity is shown as the target even when
  the model gave it little weight;
- ``weight`` is the span's share of the category's score: the model's part of the score (all of
  it without a watchlist hit; with one, split with the watchlist as a two-player Shapley share of
  the noisy-or) times the phrase's share of all positive contribution. The weights of one
  category therefore sum to at most 1;
- watchlist hits come first, then debunked-claim matches, then phrases holding a lexicon word
  (target or insult), then the other phrases by weight; at most ``MAX_SPANS`` in all.

When nothing survives, the evidence list is empty and the page says so in words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from pantau.core.detection.features import Featurizer
from pantau.core.detection.targets import (
    IDENTITY_GROUP_WORDS,
    STATE_WORDS,
    STOP_WORDS,
    has_letter,
    is_content_token,
)
from pantau.core.text.normalizer import NormalizedText

MAX_SPANS = 5  # spans shown for one post, all categories together
MIN_SHARE = 0.05  # a phrase below this share of the model's contribution is not shown ...
TOKEN_MIN_SHARE = 0.02  # ... and a token below this one does not start or extend a phrase
_SOURCE_RANK = {"watchlist": 0, "claim": 1}
_CLAUSE_BREAK = re.compile(r"[,.!?;:\n]")


def share_round(x: float) -> float:
    """A share rounded down to 3 decimals, so shown shares never add up to more than 1."""
    return math.floor(max(0.0, x) * 1000.0) / 1000.0


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
    *,
    model_part: float = 1.0,
    abusive_words: frozenset[str] = frozenset(),
) -> list[dict]:
    """Evidence phrases of one category; `offset` is the unit's first token in `norm`.

    `model_part` is the model's share of the category's final score (see the module docstring);
    `abusive_words` marks phrases holding an insult word (``"lexicon": "abusive"``).
    """
    c = np.asarray(contributions, dtype=np.float64)
    total = float(c[c > 0].sum())
    if total <= 0:
        return []
    toks = norm.tokens
    n = len(c)

    def lexicon(i: int) -> str | None:
        t = toks[offset + i]
        if t in IDENTITY_GROUP_WORDS:
            return "group"
        if t in STATE_WORDS:
            return "state"
        return "abusive" if t in abusive_words else None

    def keep(i: int) -> bool:
        t = toks[offset + i]
        s, e = norm.spans[offset + i]
        if not is_content_token(t) or not has_letter(norm.original[s:e]):
            return False
        kind = lexicon(i)
        if kind in ("group", "state") and category == "hate_speech":
            return True  # the target, shown whatever weight the model gave it
        return c[i] / total >= TOKEN_MIN_SHARE or (kind == "abusive" and c[i] > 0)

    def joined(i: int, k: int) -> bool:
        """No clause break (, . ! ? ; :) in the original text between tokens i and k."""
        gap = norm.original[norm.spans[offset + i][1] : norm.spans[offset + k][0]]
        return _CLAUSE_BREAK.search(gap) is None

    kept = [keep(i) for i in range(n)]
    phrases: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not kept[i]:
            i += 1
            continue
        j = i
        while True:
            if j + 1 < n and kept[j + 1] and joined(j, j + 1):
                j += 1
            elif (
                j + 2 < n
                and kept[j + 2]
                and toks[offset + j + 1] in STOP_WORDS
                and joined(j, j + 2)
            ):
                j += 2
            else:
                break
        phrases.append((i, j))
        i = j + 1
    # one written word may have become several tokens ("NKRI" -> "negara kesatuan ..."):
    # phrases whose spans in the original text touch are one phrase
    merged: list[list[int]] = []
    for a, b in phrases:
        if merged and _span(norm, offset, a, b)[0] <= _span(norm, offset, *merged[-1])[1]:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    out: list[dict] = []
    for a, b in merged:
        share = float(np.clip(c[a : b + 1], 0.0, None).sum()) / total
        kinds = [k for k in (lexicon(i) for i in range(a, b + 1)) if k]
        if share < MIN_SHARE and not kinds:
            continue
        start, end = _span(norm, offset, a, b)
        item = {
            "category": category,
            "start": start,
            "end": end,
            "text": norm.original[start:end],
            "source": "model",
            "weight": share_round(share * model_part),
        }
        if kinds:
            # a target word names who the post is aimed at; say so before an insult word
            item["lexicon"] = "group" if "group" in kinds else kinds[0]
        out.append(item)
    return out


def _span(norm: NormalizedText, offset: int, a: int, b: int) -> tuple[int, int]:
    """The original-text span of tokens ``a..b`` (inclusive) of a unit starting at `offset`."""
    spans = norm.spans[offset + a : offset + b + 1]
    return min(s for s, _ in spans), max(e for _, e in spans)


def shapley_parts(p_model: float, p_other: float) -> tuple[float, float]:
    """Shares of ``1 - (1 - p_model)(1 - p_other)`` owed to each of the two, summing to 1."""
    both = 1.0 - (1.0 - p_model) * (1.0 - p_other)
    if both <= 0:
        return 1.0, 0.0
    overlap = p_model * p_other / 2.0
    return (p_model - overlap) / both, (p_other - overlap) / both


def says_something(text: str) -> bool:
    """True when a span's text holds a word that is not a stop word (not only punctuation,
    emoji, numbers or function words)."""
    words = [w.strip(".,!?;:'\"()[]").lower() for w in str(text or "").split()]
    return any(has_letter(w) and w not in STOP_WORDS for w in words)


def shown_evidence(items: Sequence[dict] | None) -> list[dict]:
    """Stored evidence as a reviewer is shown it: spans that say something, by `select_evidence`.

    Results stored before the present rules (with "!" or "saja" as spans) pass through it too."""
    return select_evidence(
        [e for e in items or [] if isinstance(e, dict) and says_something(e.get("text"))]
    )


def select_evidence(items: Sequence[dict], limit: int = MAX_SPANS) -> list[dict]:
    """The spans to show, most telling first: watchlist hits, claim matches, phrases with a
    lexicon word, other phrases by weight; at most `limit`, never the same span twice for a
    category."""

    def rank(e: dict) -> tuple:
        source = _SOURCE_RANK.get(e.get("source", ""), 3 if not e.get("lexicon") else 2)
        return (source, -float(e.get("weight", 0.0)), e.get("start", 0), e.get("category", ""))

    seen: set[tuple] = set()
    out: list[dict] = []
    for e in sorted(items, key=rank):
        key = (e.get("category"), e.get("start"), e.get("end"), e.get("source"))
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
        if len(out) == limit:
            break
    return out
