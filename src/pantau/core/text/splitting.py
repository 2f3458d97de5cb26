"""Split run-together words: camel-case hashtags and dictionary segmentation.

``camel_parts("WaliKotaGoblok")`` → ``["Wali", "Kota", "Goblok"]``;
``segment("walikotagoblok", known)`` → ``["wali", "kota", "goblok"]`` when every part is a known
word (fewest parts wins; parts of one or two letters are only accepted from a short list).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_CAMEL_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_SHORT_OK = frozenset({"di", "ke", "ku", "mu", "ya", "ga", "se", "si", "nu", "ri", "tv", "uu"})
MAX_SEGMENT_INPUT = 40
MAX_WORD = 20


def camel_parts(tag: str) -> list[str]:
    """Split on case changes and digit runs; a single part means no camel case was found."""
    if tag.islower() or tag.isupper():
        return [tag]
    return _CAMEL_RE.findall(tag) or [tag]


def segment(text: str, known: Callable[[str], bool]) -> list[str] | None:
    """Split `text` into the fewest known words, or None when no full split exists."""
    n = len(text)
    if n < 5 or n > MAX_SEGMENT_INPUT or not text.isalpha():
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        candidate: list[str] | None = None
        for start in range(max(0, end - MAX_WORD), end):
            prev = best[start]
            if prev is None:
                continue
            piece = text[start:end]
            if len(piece) < 3 and piece not in _SHORT_OK:
                continue
            if not known(piece):
                continue
            if candidate is None or len(prev) + 1 < len(candidate):
                candidate = [*prev, piece]
        best[end] = candidate
    result = best[n]
    if result is None or len(result) < 2:
        return None
    return result
