"""Polling feeds and Mastodon accounts on their schedule, storing new posts for their account.

A transient failure (network, 5xx) is retried at the next interval; a permanent one (404, not a
feed) stops the feed until an admin reactivates it. The last error is kept on the feed row.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from pantau.audit.services import audit_record
from pantau.core.sources import FetchError, SourcePost, poll_feed, poll_mastodon
from pantau.core.sources.limits import screen_post
from pantau.monitoring.attribution import AccountDirectory
from pantau.monitoring.imports import input_limits, store_posts
from pantau.monitoring.models import FeedSource

logger = logging.getLogger(__name__)


@dataclass
class PollStats:
    polled: int = 0
    imported: int = 0
    failed: int = 0


def _fetch(feed: FeedSource):
    if feed.kind == FeedSource.Kind.MASTODON:
        return poll_mastodon(feed.url, feed.acct or feed.account.handle, feed.cursor or None)
    return poll_feed(feed.url, feed.cursor or None, handle=feed.account.handle)


def feed_poll(*, feed: FeedSource) -> int:
    """Poll one feed now; returns the number of new posts stored."""
    now = timezone.now()
    try:
        result = _fetch(feed)
    except FetchError as exc:
        feed.last_error = str(exc)[:2000]
        feed.error_permanent = exc.permanent
        feed.active = feed.active and not exc.permanent
        feed.last_polled_at = now
        feed.next_poll_at = now + dt.timedelta(minutes=feed.interval_minutes)
        with transaction.atomic():
            feed.save(
                update_fields=[
                    "last_error",
                    "error_permanent",
                    "active",
                    "last_polled_at",
                    "next_poll_at",
                ]
            )
            audit_record(
                action="monitoring.feed.failed",
                obj=feed,
                after={"error": feed.last_error, "permanent": exc.permanent},
            )
        return 0
    # Everything a feed carries belongs to the account it was registered for.
    posts = [
        replace(item, platform=feed.account.platform, handle=feed.account.handle)
        for item in result.items
        if isinstance(item, SourcePost)
    ]
    # A post the database cannot store (a NUL character, say) would fail every poll: leave it out.
    limits, storable = input_limits(), []
    for item in posts:
        if problem := screen_post(item, limits):
            logger.warning("feed %s: post left out: %s", feed.pk, problem)
        else:
            storable.append(item)
    posts = storable
    with transaction.atomic():
        outcomes = store_posts(posts, directory=AccountDirectory(), source="feed")
        feed.cursor = result.cursor
        feed.last_error = ""
        feed.error_permanent = False
        feed.last_polled_at = now
        feed.next_poll_at = now + dt.timedelta(minutes=feed.interval_minutes)
        feed.save(
            update_fields=[
                "cursor",
                "last_error",
                "error_permanent",
                "last_polled_at",
                "next_poll_at",
            ]
        )
    return outcomes.count("imported")


def feeds_poll_due(*, now: dt.datetime | None = None) -> PollStats:
    """Poll every active feed whose time has come."""
    now = now or timezone.now()
    stats = PollStats()
    due = (
        FeedSource.objects.select_related("account")
        .filter(active=True)
        .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
    )
    for feed in due:
        stats.polled += 1
        imported = feed_poll(feed=feed)
        stats.imported += imported
        stats.failed += bool(feed.last_error)
    return stats
