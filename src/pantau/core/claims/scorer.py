"""`HoaxScorer`: the ``hoax`` score, ``claims`` list and evidence of DESIGN.md §3 for one post.

The score combines two signals of very different strength:

* **claim match** (strong): the best similarity ``m`` among matched claims whose verdict counts
  (``hoaks``, ``disinformasi``, ``misinformasi``). ``satire`` and ``fakta`` claims are listed in
  ``claims`` when they match, for the reviewer, but add nothing to the score;
* **hoax style** (weak): the calibrated probability ``s`` of the style model.

With a match (``m >= review_threshold``): ``score = m + (1 - m) * STYLE_NUDGE * s``.
Without one: ``score = max(m, style_part)`` where ``style_part`` stays below the review threshold
(at most ``STYLE_CEILING``) unless ``s >= alone`` (0.995 in the shipped artifact), when it
rises linearly from the threshold to 1. So style alone never puts a post up for review unless
the model is nearly certain.

A post that presents the claim as false ("HOAKS: ...", "tidak benar bahwa ...", "cek fakta")
keeps its ``claims`` entry but its match counts only ``DEBUNK_FACTOR`` of its similarity, which
keeps people who share a debunk below the review threshold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pantau.core.claims.index import ClaimIndex
from pantau.core.claims.style import StyleModel

REVIEW_THRESHOLD = 0.5
STYLE_NUDGE = 0.1
STYLE_CEILING = 0.45
DEBUNK_FACTOR = 0.4

DEBUNK = re.compile(
    r"(?<!bukan )(?<!tidak )(?<!ini )(?<!apa )\b(?:hoaks|hoax|hoaxs|kabar bohong|berita bohong|"
    r"klarifikasi|cek fakta|faktanya|fakta:|dibantah|membantah|bantahan|jangan percaya|"
    r"disinformasi|misinformasi|turnbackhoax)\b(?!\s*(?:\?|gak|nggak|tidak|bukan|atau))"
    r"|\b(?:itu|adalah|dipastikan|dinyatakan)\s+tidak\s+benar\b|\btidak\s+benar\s+bahwa\b"
    r"|\[(?:salah|hoaks|hoax)\]",
    re.IGNORECASE,
)


def presents_as_false(text: str) -> bool:
    """True when the post frames what it repeats as a hoax (sharing a debunk, not the hoax)."""
    return DEBUNK.search(text) is not None


class HoaxScorer:
    """Callable: ``score, claims, evidence = scorer(text)``."""

    def __init__(
        self,
        index: ClaimIndex,
        style_model: StyleModel | None = None,
        *,
        review_threshold: float = REVIEW_THRESHOLD,
        list_threshold: float | None = None,
        style_alone: float | None = None,
        top_k: int = 3,
    ):
        self.index = index
        self.style_model = style_model
        self.review_threshold = review_threshold
        self.list_threshold = review_threshold if list_threshold is None else list_threshold
        if style_alone is None:
            style_alone = style_model.alone_threshold if style_model is not None else 0.995
        self.style_alone = style_alone
        self.top_k = top_k

    def style_part(self, s: float) -> float:
        if s >= self.style_alone:
            span = max(1e-9, 1.0 - self.style_alone)
            thr = self.review_threshold
            return min(1.0, thr + (1.0 - thr) * (s - self.style_alone) / span)
        return STYLE_CEILING * s / self.style_alone

    def __call__(self, text: str, **_context) -> tuple[float, list[dict], list[dict]]:
        """Score one post (``platform``/``reach`` context is accepted and not used)."""
        return self.score_many([text])[0]

    def score_many(self, texts: Sequence[str], **_context) -> list[tuple[float, list, list]]:
        """`__call__` for many posts, the style model run once over the whole batch."""
        if self.style_model is None:
            styles = [0.0] * len(texts)
        else:
            styles = self.style_model.probabilities(texts).tolist()
        return [self._score(t, s) for t, s in zip(texts, styles, strict=True)]

    def _score(self, text: str, s: float) -> tuple[float, list[dict], list[dict]]:
        matches = self.index.match(text, top_k=self.top_k)
        debunk = presents_as_false(text) if matches else False
        claims: list[dict] = []
        evidence: list[dict] = []
        m = 0.0
        for match in matches:
            claim = self.index.get(match.claim_id)
            if claim is None:
                continue
            if match.similarity >= self.list_threshold:
                claims.append(
                    {"claim_id": claim.claim_id, "similarity": match.similarity, "url": claim.url}
                )
            if not claim.counts_as_hoax:
                continue
            counted = match.similarity * (DEBUNK_FACTOR if debunk else 1.0)
            m = max(m, counted)
            if match.similarity >= self.list_threshold:
                evidence.append(
                    {
                        "category": "hoax",
                        "start": match.passage_start,
                        "end": match.passage_end,
                        "text": match.passage_text,
                        "source": "claim",
                        "weight": round(counted, 4),
                    }
                )
        if m >= self.review_threshold:
            score = m + (1.0 - m) * STYLE_NUDGE * s
        else:
            style = self.style_part(s)
            score = max(m, style)
            if style >= self.review_threshold:
                evidence.append(
                    {
                        "category": "hoax",
                        "start": 0,
                        "end": len(text),
                        "text": text,
                        "source": "model",
                        "weight": round(s, 4),
                    }
                )
        return round(min(1.0, max(0.0, score)), 4), claims, evidence
