"""Polling feeds and Mastodon accounts on their schedule, storing new posts for their account.

A transient failure (network, 5xx) is retried at the next interval. A lasting one (404, not a
feed) is retried too, and stops the feed only after `OFF_AFTER_FAILURES` failed polls in a row
(a feed that was down for an hour is not lost); an admin reactivates it. The last error, and
when the feed was turned off why, is kept on the feed row and shown on its page.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from pantau.audit.services import audit_record
from pantau.core.sources import FetchError, SourcePost, poll_feed, poll_mastodon
from pantau.core.sources.limits import screen_post
from pantau.monitoring.attribution import AccountDirectory
from pantau.monitoring.imports import input_limits, store_posts
from pantau.monitoring.models import FeedSource

logger = logging.getLogger(__name__)
OFF_AFTER_FAILURES = 3


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
        feed.failures += 1
        feed.error_permanent = exc.permanent
        turn_off = exc.permanent and feed.failures >= OFF_AFTER_FAILURES
        feed.last_error = str(exc)[:2000]
        if turn_off:
            feed.last_error = (
                gettext("Turned off after %(n)d failed polls in a row; the last: %(error)s")
                % {"n": feed.failures, "error": exc}
            )[:2000]
        feed.active = feed.active and not turn_off
        feed.last_polled_at = now
        feed.next_poll_at = now + dt.timedelta(minutes=feed.interval_minutes)
        with transaction.atomic():
            feed.save(
                update_fields=[
                    "last_error",
                    "error_permanent",
                    "failures",
                    "active",
                    "last_polled_at",
                    "next_poll_at",
                ]
            )
            audit_record(
                action="monitoring.feed.failed",
                obj=feed,
                after={
                    "error": feed.last_error,
                    "permanent": exc.permanent,
                    "failures": feed.failures,
                    "active": feed.active,
                },
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
        feed.failures = 0
        feed.last_polled_at = now
        feed.next_poll_at = now + dt.timedelta(minutes=feed.interval_minutes)
        feed.save(
            update_fields=[
                "cursor",
                "last_error",
                "error_permanent",
                "failures",
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
