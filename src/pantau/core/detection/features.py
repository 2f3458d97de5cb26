"""Sparse TF-IDF features over normalised tokens: word uni/bigrams and character n-grams.

The `Featurizer` is a small, self-contained re-implementation of scikit-learn's word plus
``char_wb`` TF-IDF union, so that the engine needs only numpy and scipy at run time and the
vocabulary can be stored in the artifact as plain text. Two blocks, each L2-normalised:

- words: unigrams, bigrams and lexicon pseudo-tokens (``__lex_abusive__`` for every word of the
  abusive lexicon, ``__lex_group__`` for words naming religious, ethnic or political groups);
- characters: 2- to 5-grams of each token padded with spaces (n-grams never cross words,
  so every character feature can be traced back to one token for the explanations).

A feature's value is ``tf * idf`` divided by the block's norm taken over occurrences
(``sqrt(sum of idf² over every occurrence)``): with tweets, where repeats are rare, this is close
to scikit-learn's TF-IDF, and it lets a batch be built without sorting or merging repeats.
IDF is smoothed as in scikit-learn.
Per-word feature lists are cached, so a batch costs about one dictionary look-up per token.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse

CHAR_MIN, CHAR_MAX = 2, 5
LEX_ABUSIVE = "__lex_abusive__"
LEX_GROUP = "__lex_group__"
_CACHE_LIMIT = 400_000


def char_ngrams(token: str) -> list[str]:
    """The padded character n-grams of one token (as scikit-learn's ``char_wb``)."""
    padded = f" {token} "
    n = len(padded)
    return [padded[i : i + k] for k in range(CHAR_MIN, CHAR_MAX + 1) for i in range(n - k + 1)]


def _top_terms(df: Counter[str], limit: int, min_df: int) -> list[str]:
    """The `limit` most frequent terms with df >= min_df; ties broken by the term (reproducible)."""
    ranked = sorted((t for t, c in df.items() if c >= min_df), key=lambda t: (-df[t], t))
    return ranked[:limit]


class Featurizer:
    """Maps token lists to a CSR matrix with a fixed vocabulary and IDF weights."""

    def __init__(
        self,
        word_vocab: Sequence[str],
        char_vocab: Sequence[str],
        idf: np.ndarray,
        lexicon_abusive: Iterable[str] = (),
        lexicon_group: Iterable[str] = (),
    ) -> None:
        self.word_terms = list(word_vocab)
        self.char_terms = list(char_vocab)
        self.word_index = {t: i for i, t in enumerate(self.word_terms)}
        self.n_word = len(self.word_terms)
        self.char_index = {t: i + self.n_word for i, t in enumerate(self.char_terms)}
        self.n_features = self.n_word + len(self.char_terms)
        self.idf = np.asarray(idf, dtype=np.float32)
        if self.idf.shape != (self.n_features,):
            raise ValueError("idf length does not match the vocabulary")
        self.lexicon_abusive = frozenset(lexicon_abusive)
        self.lexicon_group = frozenset(lexicon_group)
        self._lex_abusive = self.word_index.get(LEX_ABUSIVE)
        self._lex_group = self.word_index.get(LEX_GROUP)
        self._cache: dict[str, list[int]] = {}

    # -- vocabulary ------------------------------------------------------------------------

    @classmethod
    def fit(
        cls,
        docs: Sequence[Sequence[str]],
        *,
        lexicon_abusive: Iterable[str] = (),
        lexicon_group: Iterable[str] = (),
        min_df: int = 2,
        max_words: int = 60_000,
        max_chars: int = 120_000,
    ) -> Featurizer:
        """Build the vocabulary and IDF from tokenised training documents."""
        lex_a, lex_g = frozenset(lexicon_abusive), frozenset(lexicon_group)
        word_df: Counter[str] = Counter()
        char_df: Counter[str] = Counter()
        for toks in docs:
            terms = set(toks)
            terms.update(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False))
            if lex_a and any(t in lex_a for t in toks):
                terms.add(LEX_ABUSIVE)
            if lex_g and any(t in lex_g for t in toks):
                terms.add(LEX_GROUP)
            word_df.update(terms)
            char_df.update({g for t in set(toks) for g in char_ngrams(t)})
        words = _top_terms(word_df, max_words, min_df)
        chars = _top_terms(char_df, max_chars, min_df)
        words.sort()
        chars.sort()
        n = len(docs)
        df = np.array([word_df[t] for t in words] + [char_df[t] for t in chars], dtype=np.float64)
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        return cls(words, chars, idf, lex_a, lex_g)

    # -- transform -------------------------------------------------------------------------

    def _token_features(self, token: str) -> array:
        """Feature indices of one token (char n-grams, unigram, lexicon), cached."""
        feats = self._cache.get(token)
        if feats is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            ci = self.char_index
            feats = array("i", [ci[g] for g in char_ngrams(token) if g in ci])
            wi = self.word_index.get(token)
            if wi is not None:
                feats.append(wi)
            if self._lex_abusive is not None and token in self.lexicon_abusive:
                feats.append(self._lex_abusive)
            if self._lex_group is not None and token in self.lexicon_group:
                feats.append(self._lex_group)
            self._cache[token] = feats
        return feats

    def _extend_doc(self, out: array, toks: Sequence[str]) -> None:
        cache = self._cache
        for t in toks:
            f = cache.get(t)
            out.extend(f if f is not None else self._token_features(t))
        wi = self.word_index
        for a, b in zip(toks, toks[1:], strict=False):
            j = wi.get(f"{a} {b}")
            if j is not None:
                out.append(j)

    def doc_indices(self, toks: Sequence[str]) -> list[int]:
        """Feature indices (with repeats) of one token list."""
        out = array("i")
        self._extend_doc(out, toks)
        return out.tolist()

    def transform(self, docs: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """TF-IDF matrix (float32, CSR) of tokenised documents.

        Each feature occurrence is one stored entry with value ``idf / block norm`` (repeats are
        not merged, which leaves every product with the matrix unchanged): row ``i`` holds the
        features of ``docs[i]`` in token order — each token's features, then the bigrams —
        which is what `explain` relies on to attribute contributions to tokens.
        """
        indptr = array("q", [0])
        indices = array("i")
        for toks in docs:
            self._extend_doc(indices, toks)
            indptr.append(len(indices))
        n_docs = len(docs)
        ind = np.frombuffer(indices, dtype=np.int32) if len(indices) else np.zeros(0, np.int32)
        ptr = np.frombuffer(indptr, dtype=np.int64)
        data = self.idf[ind]
        # one L2 norm per (row, block): key = 2 * row + (is a character n-gram)
        key = np.repeat(np.arange(0, 2 * n_docs, 2, dtype=np.int32), np.diff(ptr))
        key += ind >= self.n_word
        norms = np.sqrt(np.bincount(key, weights=data * data, minlength=2 * n_docs)).astype(
            np.float32
        )
        norms[norms == 0] = 1.0
        data /= norms[key]
        return sparse.csr_matrix((data, ind, ptr), shape=(n_docs, self.n_features))

    def term(self, index: int) -> str:
        """The vocabulary term of a feature index."""
        if index < self.n_word:
            return self.word_terms[index]
        return self.char_terms[index - self.n_word]
