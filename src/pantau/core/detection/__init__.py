"""Detection engine: hate speech, abusive language and radicalism scores with evidence.

Stable API (used by the web app, the workers, the CLI and the benchmarks; no Django)::

    from pantau.core.detection import load_engine
    engine = load_engine()                      # shipped artifact + shipped watchlist
    result = engine.classify(text, id="p1", platform="facebook", reach=1200)
    results = engine.classify_many(texts, ids=ids)   # batched, much faster per post

    engine.set_watchlist(entries, version="2026.11.3")   # entries edited in the database
    engine.set_hoax_scorer(scorer)   # scorer(text, platform=, reach=) -> (score, claims, evidence);
                                     # an optional scorer.score_many(texts) serves whole batches

``load_engine(artifact_dir=None, *, watchlist=<shipped>, watchlist_version="", hoax_scorer=None)``
loads and verifies an artifact (sha256 of arrays and manifest; `ArtifactError` otherwise).
Each result is the DESIGN.md §3 dict::

    {"id", "scores": {"hate_speech", "abusive", "radicalism", "hoax"}, "flags": [...],
     "hate_speech": {"target", "topics", "intensity"} | None,
     "evidence": [{"category", "start", "end", "text", "source", "weight", ...}],
     "claims": [...], "model": "pantau-id-<version>"}

Evidence offsets index the original text (Python string indices). At most five spans per post,
watchlist hits first, never a span of punctuation or stop words alone; ``weight`` is the span's
share of its category's score (the shares of one category sum to at most 1). Watchlist evidence
also carries ``entry_id``, ``reason_id`` and ``reason_en``; model phrases holding a lexicon word
carry ``lexicon`` (``group``, ``state`` or ``abusive``). ``hate_speech.target`` is
``individual``, ``group`` or ``state``. Without a hoax scorer, ``hoax`` is 0.0.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pantau.core.detection.artifact import (
    Artifact,
    ArtifactError,
    default_artifact_dir,
    load_artifact,
)
from pantau.core.detection.engine import _DEFAULT, CATEGORIES, Engine, HoaxScorer

__all__ = [
    "CATEGORIES",
    "Artifact",
    "ArtifactError",
    "Engine",
    "HoaxScorer",
    "default_artifact_dir",
    "load_artifact",
    "load_engine",
]


def load_engine(
    artifact_dir: Path | str | None = None,
    *,
    watchlist: Any = _DEFAULT,
    watchlist_version: str = "",
    hoax_scorer: HoaxScorer | None = None,
) -> Engine:
    """Load an engine; `watchlist` = list of entry dicts, None for none, or omitted for the default."""
    artifact = load_artifact(Path(artifact_dir) if artifact_dir is not None else None)
    return Engine.from_artifact(
        artifact, watchlist=watchlist, watchlist_version=watchlist_version, hoax_scorer=hoax_scorer
    )
