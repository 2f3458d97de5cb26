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
    cases = list(
        Case.objects.filter(employee=employee).values_list(
            "guidance_at", "decision_date", "sanction_code"
        )
    )
    reminders = sorted(guided for guided, _date, _code in cases if guided)
    sanctions = sorted((date, code) for _guided, date, code in cases if date and code)
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
        .only(  # what the pattern reads, not the posts' raw records
            "created_at",
            "top_category",
            "score",
            "status",
            "post",
            "scan",
            "scan__result",
            "post__created_at",
            "post__kind",
            "post__likes",
            "post__shares",
            "post__comments",
            "post__views",
        )
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
