"""The working-day calendar, built from the holiday table that admins maintain."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from pantau.core.cases.workdays import Calendar, Holiday, Rules


def rules() -> Rules:
    """Deadline lengths; PANTAU_DEADLINE_DAYS overrides any of them, e.g. {"deletion": 5}."""
    overrides = getattr(settings, "PANTAU_DEADLINE_DAYS", {}) or {}
    return Rules().with_overrides(overrides) if overrides else Rules()


def calendar() -> Calendar:
    from pantau.cases.models import Holiday as HolidayRow

    rows = HolidayRow.objects.values_list("date", "name", "kind")
    return Calendar([Holiday(*row) for row in rows], rules=rules())


def today() -> dt.date:
    return timezone.localdate()
