"""Normalise informal Indonesian social-media text, keeping a map back to the original.

`Normalizer.normalize(text)` returns a `NormalizedText`: a list of lower-case standard-form
tokens, each with the ``(start, end)`` span of the original text it came from, so any match or
evidence found in the normalised text can be pointed at in what the user wrote.

Tricks undone, in the order they are applied:

1. URLs → ``url``; mentions → ``user`` (the placeholders of the training data);
2. hashtags split into words (``#WaliKotaGoblok`` → ``wali kota goblok``, also lower-case
   hashtags through dictionary segmentation);
3. letters split by spaces, dots, dashes or stars (``g o b l o k``, ``b.a.n.g.s.a.t``) joined;
4. per word: lower case, masked letters (``b*ngsat``), reduplication (``orang2``), leetspeak
   (``4nj1ng``), repeated letters (``anjiiiing``), slang and typo dictionaries, consonant
   skeletons of abusive words (``kntl``, ``bgst``, ``anjg``);
5. alay spellings of unknown words rewritten onto known words (``bangsad``, ``kupur``);
6. emoji used as insults become words (see `lexicon.EMOJI_WORDS`); other emoji stay as tokens.

Word-level results are cached, so repeated vocabulary costs one dictionary look-up.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from pantau.core.text import lexicon
from pantau.core.text.skeletons import build_skeletons
from pantau.core.text.splitting import camel_parts, segment

_TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.|pic\.twitter\.com/)\S+)"
    r"|(?P<mention>(?<![\w@])@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)"
    r"|(?P<hashtag>(?<!\w)#[^\W_]\w*)"
    r"|(?P<split>(?<![\w@$*])[^\W_](?:[ .\-_*\u00b7/,]{1,2}[^\W_]){2,}(?![\w@$*]))"
    r"|(?P<word>(?:[^\W_]|[@$*])+)"
    r"|(?P<emoji>[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF])"
    r"|(?P<punct>[!?]+)"
)
_REPEAT3_RE = re.compile(r"(.)\1{2,}")
_REPEAT2_RE = re.compile(r"(.)\1")
_REDUP_RE = re.compile(r"([a-z]{2,})2([a-z]{0,4})")
_SPLIT_SEP_RE = re.compile(r"[ .\-_*\u00b7/,]+")
_QUIET = ".,;:\"'()[]{}"  # characters the token regex ignores
_SPLIT_CONT_RE = re.compile(r"[.\-_*\u00b7/,]?[^\W_](?![^\W_])")
_CACHE_LIMIT = 300_000
_PLACEHOLDERS = frozenset({"user", "url"})
_ALAY = [(re.compile(rx), rep) for rx, rep in lexicon.ALAY_REWRITES]


@dataclass
class NormalizedText:
    """Normalised tokens with the original-text span each one came from."""

    original: str
    tokens: list[str]
    spans: list[tuple[int, int]]
    surface_tokens: list[str] | None = field(default=None, repr=False)
    surface_spans: list[tuple[int, int]] | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)

    @cached_property
    def text(self) -> str:
        """The normalised text: tokens joined by single spaces."""
        return " ".join(self.tokens)

    def surface(self) -> NormalizedText:
        """The de-obfuscated tokens before slang expansion (``hti`` stays ``hti``, not ``hati``).

        Leetspeak, masking, repeated and split letters and hashtags are undone, but words are not
        replaced by dictionary forms; the watchlist matches on this view.
        """
        if self.surface_tokens is None:
            return self
        return NormalizedText(self.original, self.surface_tokens, self.surface_spans or [])

    def token_starts(self) -> list[int]:
        """Start offset of each token inside `text`."""
        if self._starts is None:
            starts, pos = [], 0
            for tok in self.tokens:
                starts.append(pos)
                pos += len(tok) + 1
            self._starts = starts
        return self._starts

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices ``[i, j)`` of the tokens overlapping ``text[start:end]``."""
        starts = self.token_starts()
        i = max(bisect_right(starts, start) - 1, 0)
        j = max(bisect_right(starts, max(end - 1, start)), i + 1)
        return i, min(j, len(self.tokens))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of `text` to the covering range of the original."""
        if not self.tokens:
            return 0, 0
        i, j = self.token_range(start, end)
        return self.tokens_to_original(i, j)

    def tokens_to_original(self, i: int, j: int) -> tuple[int, int]:
        """Original-text range covered by tokens ``i`` to ``j - 1``."""
        spans = self.spans[i:j]
        if not spans:
            return 0, 0
        return min(s for s, _ in spans), max(e for _, e in spans)


class Normalizer:
    """Turns raw posts into standard-form tokens; build once, reuse (it caches per word)."""

    def __init__(
        self,
        slang: Mapping[str, str] | None = None,
        abusive_words: Iterable[str] | None = None,
        vocabulary: Iterable[str] | None = None,
    ) -> None:
        self.slang: dict[str, tuple[str, ...]] = {}
        for key, value in {**(slang or {}), **lexicon.SLANG}.items():
            words = tuple(value.lower().split())
            if key and words and key.lower() not in _PLACEHOLDERS:
                self.slang[key.lower()] = words
        for key, words in list(self.slang.items()):  # one more step: loe -> lo -> kamu
            if len(words) == 1 and words[0] in self.slang and words[0] != key:
                self.slang[key] = self.slang[words[0]]
        self.abusive = sorted({w.lower() for w in (*lexicon.ABUSIVE_WORDS, *(abusive_words or ()))})
        vocab = {w for words in self.slang.values() for w in words}
        vocab.update(self.abusive)
        vocab.update(lexicon.SKELETON_EXTRA)
        vocab.update(w.lower() for w in (vocabulary or ()))
        self.vocabulary = frozenset(w for w in vocab if w.isalpha())
        self._abusive_set = frozenset(self.abusive)
        self.skeletons = build_skeletons(
            [*self.abusive, *lexicon.SKELETON_EXTRA], self.vocabulary, self.slang
        )
        self._leet = str.maketrans(lexicon.LEET)
        self._cache: dict[str, tuple[str, ...]] = {}
        self._hashtag_cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._surface_cache: dict[str, tuple[str, ...]] = {}
        self._both_cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    # -- public -----------------------------------------------------------------------------

    def normalize(self, text: str) -> NormalizedText:
        """Normalise one post; never raises on odd input."""
        tokens: list[str] = []
        spans: list[tuple[int, int]] = []
        surface: list[str] = []
        surface_spans: list[tuple[int, int]] = []
        both = self._both_cache
        pos = 0
        # Fast path: whitespace-separated chunks; plain alphabetic chunks are one word each, the
        # rest go through the token regex. Letters split by spaces need the whole text at once.
        for chunk in text.split():
            start = text.find(chunk, pos)
            pos = start + len(chunk)
            word = chunk
            if not chunk.isalpha() and not chunk.startswith(("www.", "WWW.", "pic.")):
                word = chunk.strip(_QUIET)  # "kata," or "(kata)": such punctuation makes no token
            if len(word) > 1 and word.isalpha():
                entry = both.get(word)
                if entry is None:
                    entry = self._both(word)
                words, surf = entry
                if word is chunk:
                    span = (start, pos)
                else:
                    lo = start + chunk.index(word)
                    span = (lo, lo + len(word))
                if len(words) == 1 and words is surf:
                    tokens.append(words[0])
                    spans.append(span)
                    surface.append(words[0])
                    surface_spans.append(span)
                    continue
                for w in words:
                    tokens.append(w)
                    spans.append(span)
                for w in surf:
                    surface.append(w)
                    surface_spans.append(span)
                continue
            if _SPLIT_CONT_RE.match(chunk):  # maybe the rest of letters split by spaces
                tokens, spans, surface, surface_spans = [], [], [], []
                self._scan(text, 0, len(text), tokens, spans, surface, surface_spans)
                break
            self._scan(text, start, pos, tokens, spans, surface, surface_spans)
        return NormalizedText(text, tokens, spans, surface, surface_spans)

    def _both(self, raw: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        both = self._both_cache
        if len(both) > _CACHE_LIMIT:
            both.clear()
        entry = both[raw] = (self._word_cached(raw), self._surface_cached(raw))
        return entry

    def _scan(self, text, start, end, tokens, spans, surface, surface_spans) -> None:
        """Tokenise ``text[start:end]`` with the token regex, appending to the lists."""
        both = self._both_cache
        for m in _TOKEN_RE.finditer(text, start, end):
            kind = m.lastgroup
            span = m.span()
            if kind == "word":
                raw = m.group()
                entry = both.get(raw)
                if entry is None:
                    entry = self._both(raw)
                words, surf = entry
            elif kind == "split":
                joined = _SPLIT_SEP_RE.sub("", m.group())
                if joined.isdigit():
                    words = surf = tuple(joined)
                else:
                    words = self._word_cached(joined)
                    surf = self._surface_cached(joined)
            elif kind == "url":
                words = surf = ("url",)
            elif kind == "mention":
                words = surf = ("user",)
            elif kind == "hashtag":
                words, surf = self._hashtag(m.group()[1:])
            elif kind == "emoji":
                ch = m.group()
                words = surf = tuple(lexicon.EMOJI_WORDS.get(ch, ch).split())
            else:
                words = surf = ("!",) if "!" in m.group() else ("?",)
            for w in words:
                tokens.append(w)
                spans.append(span)
            for w in surf:
                surface.append(w)
                surface_spans.append(span)

    def normalize_word(self, raw: str) -> tuple[str, ...]:
        """Standard form(s) of one word as typed (may expand to several words)."""
        return self._word_cached(raw)

    # -- words ------------------------------------------------------------------------------

    def _word_cached(self, raw: str) -> tuple[str, ...]:
        cache = self._cache
        words = cache.get(raw)
        if words is None:
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            words = self._word(raw)
            cache[raw] = words
        return words

    def _surface_cached(self, raw: str) -> tuple[str, ...]:
        cache = self._surface_cache
        hit = cache.get(raw)
        if hit is None:
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            hit = self._surface(raw)
            words = self._word_cached(raw)
            hit = cache[raw] = words if hit == words else hit  # share the tuple when equal
        return hit

    def _surface(self, raw: str) -> tuple[str, ...]:
        """Lower case, unmasked, leetspeak decoded, repeats collapsed, vowel-less skeletons restored.

        No slang or typo dictionary is applied, so abbreviations keep their identity.
        """
        w = raw.lower()
        if "*" in w:
            w = self._unmask(w) or w.replace("*", "")
        if not w.isalpha() and any(c.isalpha() for c in w):
            core = w.rstrip("0123456789")
            if core != w and core.isalpha():
                return (_REPEAT3_RE.sub(r"\1", core), w[len(core) :])
            leet = w.translate(self._leet)
            if leet.isalpha():
                w = leet
        if not w:
            return ()
        w = _REPEAT3_RE.sub(r"\1", w)
        if not any(c in lexicon.VOWELS for c in w) and w in self.skeletons:
            return (self.skeletons[w],)
        return (w,)

    def _known(self, w: str) -> bool:
        return w in self.vocabulary or w in self.slang

    def _lookup(self, w: str) -> tuple[str, ...] | None:
        hit = self.slang.get(w)
        if hit is not None:
            return hit
        if w in self.vocabulary:
            return (w,)
        return None

    def _word(self, raw: str) -> tuple[str, ...]:
        w = raw.lower()
        if w in _PLACEHOLDERS:
            return (w,)
        hit = self._lookup(w)
        if hit is not None:
            return hit
        if "*" in w:
            masked = self._unmask(w)
            if masked:
                return (masked,)
            w = w.replace("*", "")
        if not w.isalpha():
            if not any(c.isalpha() for c in w):
                return (w,) if w else ()
            m = _REDUP_RE.fullmatch(w)
            if m:
                base = self._word(m.group(1))
                tail = self._word(m.group(1) + m.group(2)) if m.group(2) else base
                return (*base, *tail)
            core = w.rstrip("0123456789")
            if core != w and core.isalpha() and len(core) > 1:
                return (*self._word(core), w[len(core) :])
            leet = w.translate(self._leet)
            interior = any(not c.isalpha() for c in w[:-1])
            if leet.isalpha() and (interior or self._known(_REPEAT3_RE.sub(r"\1", leet))):
                w = leet
            hit = self._lookup(w)
            if hit is not None:
                return hit
        collapsed = _REPEAT3_RE.sub(r"\1", w)
        hit = self._lookup(collapsed)
        if hit is not None:
            return hit
        skeleton = self.skeletons.get(collapsed)
        if skeleton:
            return (skeleton,)
        single = _REPEAT2_RE.sub(r"\1", collapsed)
        if single != collapsed:
            hit = self._lookup(single) or (
                (self.skeletons[single],) if single in self.skeletons else None
            )
            if hit is not None:
                return hit
        alay = self._alay(collapsed) if collapsed.isalpha() and len(collapsed) > 3 else None
        return alay or (collapsed,)

    def _alay(self, w: str) -> tuple[str, ...] | None:
        """Undo alay spellings with one or two rewrites, only onto known words."""
        once = []
        for rx, rep in _ALAY:
            cand = rx.sub(rep, w)
            if cand != w:
                hit = self._lookup(cand)
                if hit is not None:
                    return hit
                once.append(cand)
        for cand in once:
            for rx, rep in _ALAY:
                cand2 = rx.sub(rep, cand)
                if cand2 != cand and cand2 in self._abusive_set:
                    return (cand2,)
        return None

    def _unmask(self, w: str) -> str | None:
        pattern = re.compile("".join("[a-z]{1,2}" if c == "*" else re.escape(c) for c in w))
        found = {a for a in self.abusive if pattern.fullmatch(a)}
        return found.pop() if len(found) == 1 else None

    def _hashtag(self, tag: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(normalised words, surface words) of a hashtag without its ``#``."""
        hit = self._hashtag_cache.get(tag)
        if hit is not None:
            return hit
        parts = camel_parts(tag)
        if len(parts) < 2:
            parts = segment(tag.lower(), self._known) or [tag]
        words = tuple(w for p in parts for w in self._word_cached(p))
        surface = tuple(w for p in parts for w in self._surface_cached(p))
        if len(self._hashtag_cache) > _CACHE_LIMIT:
            self._hashtag_cache.clear()
        self._hashtag_cache[tag] = (words, surface)
        return words, surface
