"""Re-ranking: score one candidate claim against the best passage of a post.

The candidate stage (`index`) only says which claims share enough vocabulary with a post. Here
each candidate is compared with the post passage that best covers it:

1. every content token of the claim is looked up among the post's content tokens, exactly or,
   for words of five letters or more, within one edit (typos, ``vaksin``/``faksin``);
2. a sliding window over the matched positions (at most about twice the claim's length) finds
   the passage with the highest idf-weighted coverage of the claim, the windowed maximum that
   lets a claim be found inside a long post;
3. features of that passage: weighted coverage of the claim (recall), order agreement (longest
   increasing run of claim positions, an LCS coverage), local precision (how much of the
   surrounding words belong to the claim) and character 4-gram containment of the claim;
4. a logistic combination turns them into a similarity in 0..1, fitted so that 0.5 (the review
   threshold) separates repeats of a claim from posts that only share its topic; a passage that
   shares fewer than three distinct words with the claim (or fewer than all of a shorter claim)
   stays below the threshold whatever the other features say.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass

from pantau.core.claims.normalise import NUM, Tokens, char_ngrams

NUM_WEIGHT = 0.4  # a number is weak evidence; a changed number must not cost much either
FUZZY_QUALITY = 0.8
VERB_BOOST = 1.8
CONTEXT = 3  # content tokens on each side that must also belong to the claim (local precision)

# logistic combination of the passage features (see module docstring); intercept first
# (fitted by logistic regression on passage features of the test corpus and half of the
# evaluation posts, then rounded; see docs/hoax-matching.md)
COEF = {
    "bias": -11.3,
    "coverage": 3.7,
    "order": 5.1,
    "precision": 7.3,
    "chars": 4.1,
    "short": -3.7,
    "conflict": -1.5,
}
MIN_MATCHED = (
    3  # fewer distinct claim words than min(this, claim length) cannot reach the threshold
)
GATED_CEILING = 0.45


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


class PostView:
    """The parts of a post every candidate needs, computed once per post."""

    __slots__ = ("tokens", "pos_token", "keys", "exact", "fuzzy", "sentence", "verbal")

    def __init__(self, tokens: Tokens):
        self.tokens = tokens
        self.pos_token = [i for i, c in enumerate(tokens.content) if c]
        self.keys = [tokens.stems[i] for i in self.pos_token]
        self.sentence = [tokens.sentence[i] for i in self.pos_token]
        self.verbal = [tokens.verbal[i] for i in self.pos_token]
        self.exact: dict[str, list[int]] = {}
        self.fuzzy: dict[str, list[int]] = {}
        for p, k in enumerate(self.keys):
            self.exact.setdefault(k, []).append(p)
        for k, ps in self.exact.items():
            if len(k) >= 5:
                for d in _deletes(k):
                    self.fuzzy.setdefault(d, []).extend(ps)

    def lookup(self, key: str) -> tuple[list[int], float]:
        """Positions of ``key`` among the post's content tokens and the match quality."""
        found = self.exact.get(key)
        if found:
            return found, 1.0
        if len(key) < 5:
            return [], 0.0
        hits = set(self.fuzzy.get(key, ()))  # post word = key + one letter
        for d in _deletes(key):
            hits.update(self.exact.get(d, ()))  # post word = key - one letter
            hits.update(self.fuzzy.get(d, ()))  # one letter substituted or swapped
        return sorted(hits), (FUZZY_QUALITY if hits else 0.0)


@dataclass(frozen=True)
class Passage:
    similarity: float
    start: int  # offsets into the original post text
    end: int
    features: dict


def _lis(seq: list[int]) -> int:
    tails: list[int] = []
    for x in seq:
        i = bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)


def score_claim(
    post: PostView,
    claim_keys: tuple[str, ...],
    idf: dict[str, float],
    claim_grams: set[str],
    verbal: frozenset[str] = frozenset(),
) -> Passage | None:
    """Best passage of ``post`` for a claim given as its content keys; None when nothing matches.

    ``verbal`` holds the claim's predicate words, weighted `VERB_BOOST` times their idf: a post
    that keeps the names of a claim but says something else about them must not match."""
    distinct: dict[str, int] = {}
    for k in claim_keys:
        distinct.setdefault(k, len(distinct))
    weights = [
        NUM_WEIGHT if k == NUM else idf.get(k, 1.0) * (VERB_BOOST if k in verbal else 1.0)
        for k in distinct
    ]
    total = sum(weights)
    if total <= 0:
        return None
    matches: list[tuple[int, int]] = []  # (post content position, claim key index)
    quality = [0.0] * len(distinct)
    for j, k in enumerate(distinct):
        positions, q = post.lookup(k)
        if positions:
            quality[j] = q
            matches.extend((p, j) for p in positions)
    if not matches:
        return None
    matches.sort()
    n = len(distinct)
    max_span = max(2 * n, n + 6)
    count = [0] * n
    covered = 0.0
    best = (-1.0, 0, 0)
    left = 0
    for right, (pos_r, j_r) in enumerate(matches):
        if count[j_r] == 0:
            covered += weights[j_r] * quality[j_r]
        count[j_r] += 1
        while pos_r - matches[left][0] + 1 > max_span or count[matches[left][1]] > 1:
            j_l = matches[left][1]
            count[j_l] -= 1
            if count[j_l] == 0:
                covered -= weights[j_l] * quality[j_l]
            left += 1
        span = pos_r - matches[left][0] + 1
        value = covered / total * (0.75 + 0.25 * min(1.0, n / span))
        if value > best[0] + 1e-9:
            best = (value, left, right)
    _, lo, hi = best
    window = matches[lo : hi + 1]
    p_first, p_last = window[0][0], window[-1][0]
    seen = {j for _, j in window}
    coverage = sum(weights[j] * quality[j] for j in seen) / total
    order = _lis([j for _, j in window]) / n
    # local precision: claim words among the window and up to CONTEXT words around it
    sent_lo, sent_hi = post.sentence[p_first], post.sentence[p_last]
    a = p_first
    while a > 0 and p_first - a < CONTEXT and post.sentence[a - 1] >= sent_lo:
        a -= 1
    b = p_last
    while b + 1 < len(post.keys) and b - p_last < CONTEXT and post.sentence[b + 1] <= sent_hi:
        b += 1
    in_claim = sum(1 for p in range(a, b + 1) if post.keys[p] in distinct)
    precision = in_claim / (b - a + 1)
    window_keys = post.keys[p_first : p_last + 1]
    grams = char_ngrams(window_keys)
    chars = len(claim_grams & grams) / len(claim_grams) if claim_grams else 0.0
    short = 1.0 / n
    # predicate conflict: the claim's verbs are all missing and the post uses another verb there
    verbs = {distinct[k] for k in verbal if k in distinct}
    conflict = bool(verbs) and not (verbs & seen)
    if conflict:
        conflict = any(post.verbal[p] and post.keys[p] not in distinct for p in range(a, b + 1))
    z = (
        COEF["bias"]
        + COEF["coverage"] * coverage
        + COEF["order"] * order
        + COEF["precision"] * precision
        + COEF["chars"] * chars
        + COEF["short"] * short
        + COEF["conflict"] * conflict
    )
    similarity = 1.0 / (1.0 + math.exp(-z))
    if len(seen) < min(MIN_MATCHED, n):
        similarity = min(similarity, GATED_CEILING)
    spans = post.tokens.spans
    start = spans[post.pos_token[p_first]][0]
    end = spans[post.pos_token[p_last]][1]
    features = {
        "coverage": coverage,
        "order": order,
        "precision": precision,
        "chars": chars,
        "short": short,
        "conflict": float(conflict),
    }
    return Passage(similarity, start, end, features)
