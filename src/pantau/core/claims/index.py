"""`ClaimIndex`: the searchable claim register, with incremental add and remove.

Two stages per post (`match`):

* **candidates**: an inverted index from features (content-word keys and word-bounded character
  4-grams of them) to claims. A post's features gather, for every claim sharing any, the
  idf-weighted share of that claim's features present in the post (containment, so a short claim
  inside a long post still scores high). Features held by more than `MAX_DF_SHARE` of the register
  are skipped at query time: their postings are long and say little.
* **re-ranking** (`rerank.score_claim`): the best passages of the post for the top candidates.

Storage and complexity (N claims, F features per claim, about 60):

* a *main* segment in CSR form (feature -> claim slots, int32 numpy arrays), gathered per query
  with vectorised numpy (cost: the postings of the post's features, not N);
* a *delta* segment (dict feature -> list of slots) that receives `add`: O(F) per claim, no
  rebuild. When the delta holds more than ``max(2000, N / 4)`` claims it is merged into the main
  segment (O(total postings) in numpy, amortised O(F) per added claim), or on `compact()`;
* `remove` marks the slot dead (O(F) to update document frequencies); dead postings are dropped at
  the next merge. An edit is a remove followed by an add (``add(..., replace=True)``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from pantau.core.claims.model import Claim, ClaimMatch
from pantau.core.claims.normalise import NUM, char_ngrams, content_keys, tokenize, verbal_keys
from pantau.core.claims.rerank import PostView, score_claim

MAX_DF_SHARE = 0.05
GRAM_WEIGHT = 0.35  # a 4-gram counts this much of a whole word
MIN_CANDIDATE = 0.18  # containment below this is not re-ranked
RERANK = 24  # candidates re-ranked per post


def _features(keys: list[str]) -> dict[str, float]:
    feats: dict[str, float] = {}
    for k in keys:
        if k != NUM:
            feats["=" + k] = 1.0
    for g in char_ngrams([k for k in keys if k != NUM]):
        feats.setdefault(g, GRAM_WEIGHT)
    return feats


class ClaimIndex:
    """In-memory register index; see the module docstring for the data structures."""

    def __init__(self, claims: Iterable[Claim] = ()):
        self._vocab: dict[str, int] = {}
        self._fweight: list[float] = []  # feature kind weight (word 1.0, gram GRAM_WEIGHT)
        self._df = np.zeros(1024, dtype=np.int32)
        self._claims: list[Claim | None] = []
        self._keys: list[tuple[str, ...]] = []
        self._verbal: list[frozenset[str]] = []
        self._norm = np.zeros(1024, dtype=np.float64)
        self._slot: dict[str, int] = {}
        self._main_indptr = np.zeros(1, dtype=np.int64)
        self._main_indices = np.zeros(0, dtype=np.int32)
        self._delta: dict[int, list[int]] = {}
        self._delta_claims = 0
        self._alive = 0
        claims = list(claims)
        if claims:
            self.add(claims)
            self.compact()

    # -- register maintenance ------------------------------------------------------------------

    def __len__(self) -> int:
        return self._alive

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._slot

    def get(self, claim_id: str) -> Claim | None:
        slot = self._slot.get(claim_id)
        return None if slot is None else self._claims[slot]

    def claims(self) -> list[Claim]:
        return [c for c in self._claims if c is not None]

    def _idf(self, fid: int) -> float:
        return math.log((self._alive + 1) / (int(self._df[fid]) + 1)) + 1.0

    def key_idf(self, key: str) -> float:
        fid = self._vocab.get("=" + key)
        return self._idf(fid) if fid is not None else math.log(self._alive + 1) + 1.0

    def add(self, claims: Iterable[Claim], *, replace: bool = False) -> None:
        """Add claims (all or nothing); with ``replace`` an existing id is edited in place."""
        batch = list(claims)
        ids = set()
        for c in batch:
            if not isinstance(c, Claim):
                raise TypeError(f"not a Claim: {c!r}")
            if c.claim_id in ids or (c.claim_id in self._slot and not replace):
                raise ValueError(f"claim id already in the index: {c.claim_id!r}")
            ids.add(c.claim_id)
        if replace:
            self.remove([c.claim_id for c in batch if c.claim_id in self._slot])
        added = [self._add_one(c) for c in batch]
        if self._delta_claims > max(2000, self._alive // 4):
            self.compact()
            return
        for slot, fids in added:  # norms with the idf after the whole batch, O(F) per claim
            fw = np.asarray([self._fweight[f] for f in fids])
            df = self._df[fids].astype(np.float64)
            idf = np.log((self._alive + 1) / (df + 1)) + 1.0
            self._norm[slot] = max(float((fw * idf).sum()), 1e-9)

    def _add_one(self, claim: Claim) -> tuple[int, list[int]]:
        keys = tuple(content_keys(claim.text + " " + " ".join(claim.keywords)))
        claim_keys = tuple(content_keys(claim.text)) or keys
        slot = len(self._claims)
        self._claims.append(claim)
        self._keys.append(claim_keys)
        self._verbal.append(verbal_keys(claim.text))
        self._slot[claim.claim_id] = slot
        self._alive += 1
        if slot >= len(self._norm):
            self._norm = np.resize(self._norm, 2 * len(self._norm))
        norm = 0.0
        fids: list[int] = []
        for feat, weight in _features(list(keys)).items():
            fid = self._vocab.get(feat)
            if fid is None:
                fid = len(self._vocab)
                self._vocab[feat] = fid
                self._fweight.append(weight)
                if fid >= len(self._df):
                    self._df = np.concatenate([self._df, np.zeros_like(self._df)])
            self._df[fid] += 1
            fids.append(fid)
            self._delta.setdefault(fid, []).append(slot)
            norm += weight * self._idf(fid)
        self._norm[slot] = max(norm, 1e-9)
        self._delta_claims += 1
        return slot, fids

    def remove(self, claim_ids: Iterable[str]) -> int:
        """Withdraw claims by id; unknown ids are ignored. Returns how many were removed."""
        removed = 0
        for cid in list(claim_ids):
            slot = self._slot.pop(cid, None)
            if slot is None:
                continue
            claim = self._claims[slot]
            assert claim is not None
            keys = content_keys(claim.text + " " + " ".join(claim.keywords))
            for feat in _features(keys):
                self._df[self._vocab[feat]] -= 1
            self._claims[slot] = None
            self._keys[slot] = ()
            self._verbal[slot] = frozenset()
            self._norm[slot] = np.inf
            self._alive -= 1
            removed += 1
        return removed

    def compact(self) -> None:
        """Merge the delta into the main segment, drop dead postings and refresh claim norms."""
        n_feat = len(self._vocab)
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        old_ptr, old_idx = self._main_indptr, self._main_indices
        if len(old_idx):
            old_feat = np.repeat(np.arange(len(old_ptr) - 1, dtype=np.int32), np.diff(old_ptr))
            rows.append(old_feat)
            cols.append(old_idx)
        if self._delta:
            feats = np.fromiter((f for f, s in self._delta.items() for _ in s), dtype=np.int32)
            slots = np.fromiter((x for s in self._delta.values() for x in s), dtype=np.int32)
            rows.append(feats)
            cols.append(slots)
        if not rows:
            return
        feat = np.concatenate(rows)
        slot = np.concatenate(cols)
        alive = np.array([c is not None for c in self._claims], dtype=bool)
        keep = alive[slot]
        feat, slot = feat[keep], slot[keep]
        order = np.lexsort((slot, feat))
        feat, slot = feat[order], slot[order]
        self._main_indptr = np.zeros(n_feat + 1, dtype=np.int64)
        np.cumsum(np.bincount(feat, minlength=n_feat), out=self._main_indptr[1:])
        self._main_indices = slot.astype(np.int32)
        self._delta = {}
        self._delta_claims = 0
        # refresh norms with the current idf: sum over each claim's features, vectorised
        df = self._df[:n_feat].astype(np.float64)
        fw = np.asarray(self._fweight, dtype=np.float64)
        fidf = fw * (np.log((self._alive + 1) / (df + 1)) + 1.0)
        n_slots = len(self._claims)
        norm = np.bincount(slot, weights=fidf[feat], minlength=n_slots)
        self._norm[:n_slots] = np.where(alive, np.maximum(norm, 1e-9), np.inf)

    # -- search ----------------------------------------------------------------------------------

    def candidates(self, keys: list[str], limit: int = RERANK) -> list[tuple[int, float]]:
        """Claim slots sharing the most (idf-weighted) features with ``keys``, best first."""
        n_slots = len(self._claims)
        if not n_slots or not self._alive:
            return []
        max_df = max(50, int(MAX_DF_SHARE * self._alive))
        fids, weights = [], []
        for feat in _features(keys):
            fid = self._vocab.get(feat)
            if fid is not None and 0 < self._df[fid] <= max_df:
                fids.append(fid)
                weights.append(self._fweight[fid] * self._idf(fid))
        if not fids:
            return []
        fid_arr = np.asarray(fids, dtype=np.int64)
        w_arr = np.asarray(weights, dtype=np.float64)
        scores = np.zeros(n_slots, dtype=np.float64)
        ptr = self._main_indptr
        in_main = fid_arr < len(ptr) - 1
        if in_main.any():
            f_main = fid_arr[in_main]
            starts, ends = ptr[f_main], ptr[f_main + 1]
            lens = ends - starts
            total = int(lens.sum())
            if total:
                offsets = np.repeat(starts - np.cumsum(lens) + lens, lens) + np.arange(total)
                slots = self._main_indices[offsets]
                scores += np.bincount(slots, np.repeat(w_arr[in_main], lens), minlength=n_slots)
        if self._delta:
            d_slots: list[int] = []
            d_w: list[float] = []
            for fid, w in zip(fids, weights, strict=True):
                posting = self._delta.get(fid)
                if posting:
                    d_slots.extend(posting)
                    d_w.extend([w] * len(posting))
            if d_slots:
                scores += np.bincount(d_slots, d_w, minlength=n_slots)
        scores /= self._norm[:n_slots]
        k = min(limit, n_slots)
        top = np.argpartition(-scores, k - 1)[:k] if k < n_slots else np.arange(n_slots)
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(s), float(scores[s])) for s in top if scores[s] >= MIN_CANDIDATE]

    def match(self, text: str, top_k: int = 3) -> list[ClaimMatch]:
        """The ``top_k`` best claims for a post, with the passage of ``text`` that carries each."""
        if not text or not self._alive:
            return []
        tokens = tokenize(text)
        post = PostView(tokens)
        if not post.keys:
            return []
        found: list[ClaimMatch] = []
        idf_cache: dict[str, float] = {}
        for slot, _ in self.candidates(post.keys):
            claim = self._claims[slot]
            keys = self._keys[slot]
            if claim is None or not keys:
                continue
            for k in keys:
                if k not in idf_cache:
                    idf_cache[k] = self.key_idf(k)
            grams = char_ngrams([k for k in keys if k != NUM])
            passage = score_claim(post, keys, idf_cache, grams, self._verbal[slot])
            if passage is None:
                continue
            found.append(
                ClaimMatch(
                    claim.claim_id,
                    round(passage.similarity, 4),
                    passage.start,
                    passage.end,
                    text[passage.start : passage.end],
                )
            )
        found.sort(key=lambda m: (-m.similarity, m.claim_id))
        return found[:top_k]
