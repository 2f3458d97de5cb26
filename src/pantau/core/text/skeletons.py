"""Consonant skeletons: ``kntl`` → ``kontol``, ``bgst`` → ``bangsat``, ``khlfh`` → ``khilafah``.

Writers drop vowels (and write ``ng`` as ``g``) to slip insults past filters. For each listed
word, every form with some of its non-initial vowels dropped is mapped back to the word, unless
that form is itself a known word or slang entry (``bgt`` stays ``banget``).
"""

from __future__ import annotations

from collections.abc import Mapping

from pantau.core.text import lexicon


def build_skeletons(
    abusive: list[str], vocabulary: frozenset[str], slang: Mapping[str, tuple[str, ...]]
) -> dict[str, str]:
    """Consonant skeletons (and ``ng``→``g`` variants) of abusive words that are not real words."""
    out: dict[str, str] = {}
    for word in abusive:
        for variant in skeleton_variants(word):
            if len(variant) < 3 or variant == word or variant in lexicon.SKELETON_STOP:
                continue
            if variant in vocabulary or variant in slang:
                continue
            out.setdefault(variant, word)  # on a clash the first listed word wins
    return out


def skeleton_variants(word: str) -> set[str]:
    """Forms of `word` with any subset of its non-initial vowels dropped."""
    forms = {word[0]}
    for ch in word[1:]:
        nxt = {f + ch for f in forms}
        if ch in lexicon.VOWELS:
            nxt |= forms
        forms = nxt
    extra = {f.replace("ng", "g") for f in forms if "ng" in f}
    return forms | extra
