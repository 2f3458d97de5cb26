"""An employee's record as the pattern rules see it: every finding across platforms and accounts."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from pantau.cases.models import Case
from pantau.core.cases.pattern import Event, PatternAssessment, assess
from pantau.core.cases.sanctions import sanction
from pantau.monitoring.models import Finding
from pantau.registry.models import Employee

INTENSITY = {"weak": 0.33, "moderate": 0.66, "strong": 1.0}


def _severity(finding: Finding) -> float:
    detail = (finding.scan.result or {}).get("hate_speech") if finding.scan_id else None
    if detail and detail.get("intensity") in INTENSITY:
        return INTENSITY[detail["intensity"]]
    return min(max(finding.score, 0.0), 1.0)


def employee_events(employee: Employee) -> list[Event]:
    """Confirmed findings (and those awaiting review, marked unconfirmed) on one timeline."""
    reminders = sorted(
        c.guidance_at for c in Case.objects.filter(employee=employee) if c.guidance_at
    )
    sanctions = sorted(
        (c.decision_date, c.sanction_code)
        for c in Case.objects.filter(employee=employee)
        if c.decision_date and c.sanction_code
    )
    events = []
    findings = (
        Finding.objects.filter(employee=employee)
        .exclude(
            status__in=[
                Finding.Status.DISMISSED,
                Finding.Status.PROTECTED,
                Finding.Status.NOT_ATTRIBUTABLE,
            ]
        )
        .select_related("post", "scan")
    )
    for f in findings:
        when = f.post.created_at or f.created_at
        last_sanction = None
        for date, code in sanctions:
            if date < timezone.localdate(when):
                last_sanction = sanction(code).level
        events.append(
            Event(
                when=when,
                category=f.top_category or "abusive",
                severity=_severity(f),
                kind=f.post.kind,
                reach=f.post.reach,
                confirmed=f.status == Finding.Status.CONFIRMED,
                after_reminder=any(r < when for r in reminders),
                after_sanction_level=last_sanction,
            )
        )
    return events


def employee_pattern(employee: Employee, *, now: dt.datetime | None = None) -> PatternAssessment:
    return assess(employee_events(employee), now=now or timezone.now())
