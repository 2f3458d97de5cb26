"""Checking a post again at the deletion deadline, where its source allows it.

Mastodon statuses are asked for by id (404 or 410: deleted); posts from an RSS/Atom feed are looked
for in the feed again. Other sources (platform exports, complaints) cannot be fetched again: the
employee's confirmation plus an inspector's check is used instead, unless an imported export
lists the post as deleted by its author (the X archive's deleted-tweets files): then that record,
with its date, is the evidence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils import timezone

from pantau.core.sources import FetchError, fetch_feed
from pantau.core.sources.fetch import get
from pantau.monitoring.models import FeedSource, Post


@dataclass(frozen=True)
class Recheck:
    result: str | None  # "deleted", "still_there", or None when it cannot be told
    evidence: str  # what was asked and answered, kept (and hashed) with the check


def _mastodon(post: Post) -> Recheck:
    parts = urlsplit(post.url)
    url = f"{parts.scheme}://{parts.netloc}/api/v1/statuses/{post.post_id}"
    when = timezone.now().isoformat(timespec="seconds")
    try:
        answer = get(url, timeout=15)
    except FetchError as exc:
        if exc.status in (404, 410):
            return Recheck("deleted", f"{when} GET {url} -> HTTP {exc.status}")
        return Recheck(None, f"{when} GET {url} -> {exc}")
    body = answer.body[:2000].decode("utf-8", "replace")
    digest = hashlib.sha256(answer.body).hexdigest()
    return Recheck(
        "still_there", f"{when} GET {url} -> HTTP {answer.status}, sha256 {digest}\n{body}"
    )


def _feed(post: Post) -> Recheck:
    feed = FeedSource.objects.filter(account_id=post.account_id, kind=FeedSource.Kind.RSS).first()
    when = timezone.now().isoformat(timespec="seconds")
    if feed is None:
        return Recheck(None, f"{when} no feed is registered for this account")
    try:
        result = fetch_feed(feed.url, handle=post.handle)
    except FetchError as exc:
        return Recheck(None, f"{when} GET {feed.url} -> {exc}")
    keys = {
        item.post_id or f"h:{item.content_hash}"
        for item in result.items
        if hasattr(item, "content_hash")
    }
    found = post.post_id in keys
    return Recheck(
        "still_there" if found else "deleted",
        f"{when} GET {feed.url} -> {len(keys)} items; this post "
        f"{'is still listed' if found else 'is no longer listed'}",
    )


def _export(post: Post) -> Recheck:
    when = timezone.now().isoformat(timespec="seconds")
    run = post.import_run
    source = f" ({run.format}: {run.source_name})" if run is not None else ""
    return Recheck("deleted", f"{when} {post.deleted_note}{source}")


def recheck_post(post: Post) -> Recheck:
    """Ask the source again about one post, where the source allows it. A post that an
    imported export lists as deleted by its author is deleted: the export is the evidence."""
    if post.deleted_by_author:
        return _export(post)
    if post.platform == "mastodon" and post.url.startswith(("http://", "https://")):
        return _mastodon(post)
    if post.source == "feed":
        return _feed(post)
    return Recheck(None, "this source cannot be fetched again")
