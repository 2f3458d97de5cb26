"""The periodic work of an installation: poll feeds, scan new posts, apply retention, and write
an audit checkpoint when one is due.

`pantau worker` runs it in a loop (embedded set-up); at scale the same functions run as Celery
tasks on a schedule.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass
class TickResult:
    feeds_polled: int
    posts_from_feeds: int
    scanned: int
    findings: int
    purged: int
    checkpoint: bool = False


def run_periodic_once() -> TickResult:
    from pantau.monitoring.feeds import feeds_poll_due
    from pantau.monitoring.retention import purge_expired_posts
    from pantau.monitoring.scanning import scan_pending

    polled = feeds_poll_due()
    scanned = scan_pending()
    purged = purge_expired_posts()
    from pantau.reports.quality import drift_check

    drift_check()
    from pantau.audit.checkpoints import checkpoint_due, checkpoint_write

    wrote = checkpoint_due()
    if wrote:
        checkpoint_write()
    return TickResult(
        polled.polled, polled.imported, scanned.scanned, scanned.findings, purged, wrote
    )
