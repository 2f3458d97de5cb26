"""Small normaliser for claim matching: informal Indonesian tokens with offsets into the original.

The claim matcher needs only a few things from text: lower-cased word tokens with slang mapped to
standard words, numbers masked (so a changed number still matches), Indonesian affixes stripped
(``disebarkan`` and ``menyebar`` meet at ``sebar``), and for every token the span of the original
text it came from, so a matched passage can be shown exactly where it was written.

This module is deliberately self-contained (the main normaliser lives in ``core.text``); its word
lists are short and aimed at the vocabulary of hoax headlines and the commentary around them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pantau.core.claims.lexicon import NOT_IN_SUFFIX, SLANG, STOPWORDS, SYNONYMS

NUM = "#"  # every number becomes this token

_WORD = re.compile(r"\b[^\W\d_](?:\.[^\W\d_]{1,3})+\b\.?|[^\W_]+(?:[.,][0-9]+)*", re.UNICODE)
_REPEAT3 = re.compile(r"(.)\1{2,}")
_LEET = str.maketrans({"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t"})
_SENT_END = re.compile(r"[.!?\n]+|\s[-–—|•]\s")


@dataclass(frozen=True, slots=True)
class Tokens:
    """Normalised tokens of a text; ``spans[i]`` is where ``stems[i]`` came from in the original."""

    stems: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    content: tuple[bool, ...]  # False for stopwords and commentary words
    sentence: tuple[int, ...]  # sentence number of each token
    verbal: tuple[bool, ...]  # the word carried a verbal prefix (di-, me-, ber-, ter-, ng-)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


_KEEP_I = frozenset("menteri mentari diskusi dimensi distribusi digitalisasi".split())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Light, dictionary-free Indonesian stemmer; consistent rather than linguistically exact."""
    w = word
    if len(w) <= 4:
        return w
    for suffix in ("lah", "kah", "pun"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("nya") and len(w) >= 7:
        w = w[:-3]
    for suffix in ("kan", "an"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 5:
            w = w[: -len(suffix)]
            break
    else:
        if w.endswith("i") and len(w) >= 8 and w.startswith(("me", "di")) and w not in _KEEP_I:
            w = w[:-1]
    w = _strip_prefix(w)
    return w


def _strip_prefix(w: str) -> str:
    for _ in range(2):  # at most two stacked prefixes (diper-, memper-, ...)
        if len(w) < 6:
            return w
        if w.startswith(("meng", "peng")) and w[4] in "aeiou":
            w = w[4:]
        elif w.startswith(("meny", "peny")) and w[4] in "aeiou":
            w = "s" + w[4:]
        elif w.startswith(("mem", "pem")) and w[3] in "aeiou":
            w = "p" + w[3:]
        elif w.startswith(("meng", "peng", "mem", "pem")):
            w = w[4:] if w[3] == "g" else w[3:]
        elif w.startswith(("men", "pen")) and w[3] in "aeiou":
            w = "t" + w[3:]
        elif w.startswith(("men", "pen")):
            w = w[3:]
        elif w.startswith(("ber", "ter", "per")):
            w = w[3:]
        elif w.startswith(("di", "ke", "se")):
            w = w[2:]
        elif w.startswith(("me", "pe", "be")) and w[2] in "lrwy":
            w = w[2:]
        else:
            return w
    return w


def _key(stemmed: str) -> str:
    """Fold the consonant a nasal prefix swallows (kirim/mengirim, tulis/menulis) into one key."""
    if len(stemmed) >= 5 and stemmed[0] in "kpts" and stemmed[1] in "aeiou":
        return stemmed[1:]
    return stemmed


@lru_cache(maxsize=200_000)
def normalise_word(raw: str) -> tuple[str, ...]:
    """One raw word -> zero or more matching keys (numbers become ``#``)."""
    w = _fold(raw)
    if "." in w and not any(ch.isdigit() for ch in w):
        w = w.replace(".", "")  # J.CO -> jco
    if any(ch.isdigit() for ch in w):
        if re.fullmatch(r"[0-9]+x", w):  # 3x -> 3 kali
            return (NUM, "kali")
        core = w.replace(".", "").replace(",", "")
        if core.isdigit():
            return (NUM,)
        if re.fullmatch(r"[a-z]+2", w):  # reduplication: hati2, anak2
            w = w[:-1]
        elif len(w) > 3 and sum(ch.isalpha() for ch in w) > len(w) / 2 and w[-1].isalpha():
            w = w.translate(_LEET)  # v4ksin -> vaksin
        else:
            return (w,)
    w = _REPEAT3.sub(r"\1", w)
    if w not in SLANG and w not in SYNONYMS:
        deduped = re.sub(r"(.)\1+", r"\1", w)
        if deduped in SLANG:
            w = deduped
    mapped = SLANG.get(w, w)
    if mapped == w and w not in SYNONYMS:
        mapped = _colloquial(w)
    out = []
    for part in mapped.split():
        part = SYNONYMS.get(part, part)
        if part in STOPWORDS or SLANG.get(part) in STOPWORDS:
            out.append(part)
            continue
        s = stem(part)
        if s in SYNONYMS:  # a stem with a canonical synonym: key of the canonical word
            s = stem(SYNONYMS[s])
        out.append(s if s in STOPWORDS else _key(s))
    return tuple(out)


def _colloquial(w: str) -> str:
    """Jakarta-style verbs: ngatasin -> mengatasikan, nyebarin -> menyebarkan, dibiarin -> dibiarkan."""
    if len(w) >= 6 and w.endswith("in") and w not in NOT_IN_SUFFIX and w[-3] not in "aeiou":
        w = w[:-2] + "kan"
    elif len(w) >= 6 and w.endswith("in") and w not in NOT_IN_SUFFIX and w[-3] in "aiu":
        w = w[:-2] + "kan"
    if len(w) >= 5 and w.startswith("ng") and w[2] in "aeiou":
        w = "me" + w
    elif len(w) >= 5 and w.startswith("ny") and w[2] in "aeiou":
        w = "me" + w
    return w


def is_content(token: str) -> bool:
    return token not in STOPWORDS


def tokenize(text: str) -> Tokens:
    """Tokens of ``text`` with spans into it; reduplications (``anak-anak``) collapse to one token."""
    stems: list[str] = []
    spans: list[tuple[int, int]] = []
    sentence: list[int] = []
    verbal: list[bool] = []
    bounds = [m.end() for m in _SENT_END.finditer(text)]
    sent, b = 0, 0
    prev_end = -10
    for m in _WORD.finditer(text):
        start, end = m.span()
        while b < len(bounds) and bounds[b] <= start:
            b += 1
            sent += 1
        keys = normalise_word(m.group())
        is_verb = _verbal(m.group())
        for key in keys:
            if stems and start == prev_end + 1 and text[prev_end] == "-" and stems[-1] == key:
                spans[-1] = (spans[-1][0], end)
                continue
            stems.append(key)
            spans.append((start, end))
            sentence.append(sent)
            verbal.append(is_verb)
        prev_end = end
    content = tuple(s not in STOPWORDS for s in stems)
    return Tokens(tuple(stems), tuple(spans), content, tuple(sentence), tuple(verbal))


_VERB_PREFIX = re.compile(r"^(?:me|di|ber|ter|ng|ny)[a-z]{3,}")


@lru_cache(maxsize=200_000)
def _verbal(raw: str) -> bool:
    """Rough predicate detector: a prefixed word whose stem differs from it (ditangkap, meluap)."""
    w = _fold(raw)
    return bool(_VERB_PREFIX.match(w)) and stem(w) != w


def content_keys(text: str) -> list[str]:
    """Content tokens of ``text`` in order (the unit the register and the re-ranker work on)."""
    toks = tokenize(text)
    return [s for s, c in zip(toks.stems, toks.content, strict=True) if c]


def verbal_keys(text: str) -> frozenset[str]:
    """Content keys of ``text`` that came from prefixed (verb-like) words: the claim's predicate."""
    toks = tokenize(text)
    return frozenset(
        s for s, c, v in zip(toks.stems, toks.content, toks.verbal, strict=True) if c and v
    )


def char_ngrams(keys: list[str], n: int = 4) -> set[str]:
    """Word-bounded character n-grams of the joined keys (``#vak``, ``vaks`` ...)."""
    grams: set[str] = set()
    for k in keys:
        padded = f"<{k}>"
        if len(padded) <= n:
            grams.add(padded)
            continue
        for i in range(len(padded) - n + 1):
            grams.add(padded[i : i + n])
    return grams
