"""Text normalisation for informal Indonesian, with offsets back into the original text.

Usage::

    from pantau.core.text import Normalizer, default_normalizer
    norm = default_normalizer().normalize("Dasar g o b l o k!! #WaliKotaGoblok")
    norm.tokens            # ['dasar', 'goblok', '!', 'wali', 'kota', 'goblok']
    norm.spans[1]          # (6, 17): where 'goblok' came from in the original
    norm.to_original(0, 5) # map a range of norm.text back to the original

`default_normalizer()` uses only the built-in word lists of `lexicon`; the detection engine
builds its own `Normalizer` from the dictionaries stored in the model artifact.
"""

from __future__ import annotations

from functools import lru_cache

from pantau.core.text.normalizer import NormalizedText, Normalizer
from pantau.core.text.training import decode_dataset_text

__all__ = ["NormalizedText", "Normalizer", "decode_dataset_text", "default_normalizer"]


@lru_cache(maxsize=1)
def default_normalizer() -> Normalizer:
    """A normaliser with the built-in word lists only (no artifact needed)."""
    return Normalizer()
