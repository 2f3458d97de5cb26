"""Waves: posts that carry the same registered claim, grouped so a reviewer sees a hoax once.

`group_waves` matches every post against the register and puts it in the wave of its best claim
when the similarity reaches ``threshold``. A post joins one wave only (its top claim), so a claim
registered twice by two fact-checkers does not show the same posts twice. Waves come back
largest first (ties: earliest first); inside a wave, posts are in order of creation. The spread
over units is for the caller, who knows which employee wrote which post.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import UTC, date, datetime

from pantau.core.claims.index import ClaimIndex
from pantau.core.claims.model import Wave


def group_waves(
    posts: Iterable[tuple[Hashable, str, datetime | date]],
    index: ClaimIndex,
    threshold: float = 0.5,
) -> list[Wave]:
    """Group ``(post_id, text, created_at)`` tuples into waves by their best-matching claim."""
    members: dict[str, list[tuple[datetime | date, int, Hashable]]] = {}
    for order, (post_id, text, created_at) in enumerate(posts):
        matches = index.match(text or "", top_k=1)
        if not matches or matches[0].similarity < threshold:
            continue
        members.setdefault(matches[0].claim_id, []).append((created_at, order, post_id))
    waves = []
    for claim_id, items in members.items():
        items.sort(key=lambda it: (_sortable(it[0]), it[1]))
        waves.append(
            Wave(
                claim_id=claim_id,
                post_ids=[pid for _, _, pid in items],
                first_seen=items[0][0],
                last_seen=items[-1][0],
            )
        )
    waves.sort(key=lambda w: (-w.size, _sortable(w.first_seen), w.claim_id))
    return waves


def _sortable(value: datetime | date | None) -> tuple:
    """Order dates and datetimes together (aware datetimes by their UTC time)."""
    if value is None:
        return (0,)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return (1, value.replace(tzinfo=None))
    return (1, datetime(value.year, value.month, value.day))
