"""Celery tasks of cases: the daily digest of overdue items."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="pantau.daily_digest")
def daily_digest_task() -> int:
    from pantau.cases.notifications import send_daily_digest

    return send_daily_digest()
