"""Watchlist of radicalism and hate-speech markers, matched through the text normaliser.

Usage::

    from pantau.core.watchlist import Watchlist, load_default_entries
    version, entries = load_default_entries()        # the list shipped with Pantau
    wl = Watchlist(entries, normalizer, version=version)   # or entries from the database
    hits = wl.match(normalizer.normalize(text))      # Hit(entry_id, category, weight, start, end, ...)
    Watchlist.scores(hits)                           # {"radicalism": 0.9, ...}

The default list lives in ``default_watchlist.json`` beside this file:
``{"version": "YYYY.MM.N", "entries": [{"id", "kind", "pattern", "category", "weight",
"reason_id", "reason_en"}, ...]}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pantau.core.watchlist.engine import Hit, Watchlist, WatchlistError

__all__ = ["Hit", "Watchlist", "WatchlistError", "default_watchlist_path", "load_default_entries"]


def default_watchlist_path() -> Path:
    return Path(__file__).resolve().parent / "default_watchlist.json"


def load_default_entries(path: Path | None = None) -> tuple[str, list[dict[str, Any]]]:
    """(version, entries) of the shipped watchlist; ("", []) when the file is absent."""
    path = path or default_watchlist_path()
    if not path.exists():
        return "", []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise WatchlistError(f"{path} is not valid JSON: {exc}") from exc
    if isinstance(data, list):
        return "", data
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise WatchlistError(f"{path} has no 'entries' list")
    return str(data.get("version", "")), data["entries"]
