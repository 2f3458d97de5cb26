"""Hoax register matching: find posts that repeat a claim a fact-checker has already debunked.

Plain Python (numpy only at run time; scikit-learn only to train the style model), no Django.

    from pantau.core.claims import (Claim, ClaimIndex, HoaxScorer, load_hoax_style_model,
                                    parse_claimreview, group_waves)
    index = ClaimIndex()
    index.add(parse_claimreview(feed_json))
    scorer = HoaxScorer(index, style_model=load_hoax_style_model())
    score, claims, evidence = scorer(post_text)   # DESIGN.md §3: scores.hoax, claims, evidence

Modules: `model` (value types, verdicts), `normalise` (tokens with offsets), `index`
(candidate stage, incremental register), `rerank` (passage scoring), `scorer` (the hoax score),
`style` / `training` (hoax-style model), `claimreview` (JSON-LD import), `waves`.
See docs/hoax-matching.md.
"""

from pantau.core.claims.claimreview import ClaimReviewError, parse_claimreview
from pantau.core.claims.index import ClaimIndex
from pantau.core.claims.model import (
    HOAX_VERDICTS,
    VERDICTS,
    Claim,
    ClaimMatch,
    Wave,
    normalise_verdict,
)
from pantau.core.claims.scorer import REVIEW_THRESHOLD, HoaxScorer, presents_as_false
from pantau.core.claims.style import StyleModel, StyleModelError, load_hoax_style_model
from pantau.core.claims.waves import group_waves


def train_hoax_style(data_dir, out_dir):
    """Train and save the hoax-style artifact (needs scikit-learn); see `training`."""
    from pantau.core.claims.training import train_hoax_style as _train

    return _train(data_dir, out_dir)


__all__ = [
    "HOAX_VERDICTS",
    "REVIEW_THRESHOLD",
    "VERDICTS",
    "Claim",
    "ClaimIndex",
    "ClaimMatch",
    "ClaimReviewError",
    "HoaxScorer",
    "StyleModel",
    "StyleModelError",
    "Wave",
    "group_waves",
    "load_hoax_style_model",
    "normalise_verdict",
    "parse_claimreview",
    "presents_as_false",
    "train_hoax_style",
]
