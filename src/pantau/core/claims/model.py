"""Value types of the claim register: `Claim`, `ClaimMatch`, `Wave` and the verdict vocabulary.

A `Claim` is one entry of the fact-check register: the claim as it circulated, the fact-checker's
verdict, the debunk link and its clarification. Only the verdicts in `HOAX_VERDICTS` count toward
the ``hoax`` score; ``satire`` and ``fakta`` claims can still be matched (a reviewer may want to
see them) but contribute nothing to the score.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

VERDICTS = ("hoaks", "disinformasi", "misinformasi", "satire", "fakta")
HOAX_VERDICTS = frozenset({"hoaks", "disinformasi", "misinformasi"})

# fact-checker rating labels (Indonesian and English, lower-cased) -> register verdict
VERDICT_ALIASES = {
    "hoaks": "hoaks",
    "hoax": "hoaks",
    "hoaxes": "hoaks",
    "salah": "hoaks",
    "keliru": "hoaks",
    "bohong": "hoaks",
    "false": "hoaks",
    "fake": "hoaks",
    "pants on fire": "hoaks",
    "tidak benar": "hoaks",
    "palsu": "hoaks",
    "fabricated": "disinformasi",
    "disinformasi": "disinformasi",
    "disinformation": "disinformasi",
    "konten palsu": "disinformasi",
    "konten yang dimanipulasi": "disinformasi",
    "konten manipulatif": "disinformasi",
    "manipulated": "disinformasi",
    "altered": "disinformasi",
    "konten tiruan": "disinformasi",
    "impostor": "disinformasi",
    "misinformasi": "misinformasi",
    "misinformation": "misinformasi",
    "menyesatkan": "misinformasi",
    "misleading": "misinformasi",
    "sebagian benar": "misinformasi",
    "sebagian salah": "misinformasi",
    "partly false": "misinformasi",
    "half true": "misinformasi",
    "mostly false": "misinformasi",
    "missing context": "misinformasi",
    "out of context": "misinformasi",
    "konteks keliru": "misinformasi",
    "konten menyesatkan": "misinformasi",
    "koneksi yang salah": "misinformasi",
    "false connection": "misinformasi",
    "satire": "satire",
    "satir": "satire",
    "parodi": "satire",
    "parody": "satire",
    "fakta": "fakta",
    "benar": "fakta",
    "true": "fakta",
    "correct": "fakta",
    "mostly true": "fakta",
    "akurat": "fakta",
}


def normalise_verdict(label: str) -> str | None:
    """Map a fact-checker's rating label to a register verdict; None when it is not recognised."""
    key = " ".join(str(label).strip().strip("[]").lower().replace("_", " ").split())
    return VERDICT_ALIASES.get(key)


@dataclass(frozen=True)
class Claim:
    """One debunked (or rated) claim; ``verdict`` is one of `VERDICTS`."""

    claim_id: str
    text: str
    verdict: str
    url: str = ""
    clarification: str = ""
    keywords: tuple[str, ...] = ()
    topic: str = ""
    date: dt.date | None = None
    source: str = ""  # the fact-checker's name

    def __post_init__(self) -> None:
        if not isinstance(self.claim_id, str) or not self.claim_id.strip():
            raise ValueError("a claim needs a non-empty claim_id")
        if not isinstance(self.text, str) or not self.text.strip():
            raise ValueError(f"claim {self.claim_id!r} has no text")
        if self.verdict not in VERDICTS:
            raise ValueError(
                f"claim {self.claim_id!r}: verdict {self.verdict!r} is not one of {', '.join(VERDICTS)}"
            )
        if not isinstance(self.keywords, tuple):
            object.__setattr__(self, "keywords", tuple(self.keywords))

    @property
    def counts_as_hoax(self) -> bool:
        return self.verdict in HOAX_VERDICTS


@dataclass(frozen=True)
class ClaimMatch:
    """A register claim found in a post; the passage offsets point into the original post text."""

    claim_id: str
    similarity: float
    passage_start: int
    passage_end: int
    passage_text: str


@dataclass
class Wave:
    """Posts carrying the same claim, in order of creation."""

    claim_id: str
    post_ids: list = field(default_factory=list)
    first_seen: dt.datetime | dt.date | None = None
    last_seen: dt.datetime | dt.date | None = None

    @property
    def size(self) -> int:
        return len(self.post_ids)
