"""The periodic report for the Wali Kota: the figures of a period and of the one before it.

``report_build`` gathers everything the PDF and the spreadsheet print; both render the same
:class:`PeriodicReport`, so their numbers cannot differ. Two views of the period sit side by
side, and the report says which is which:

- the findings *of* the period (found in it) and where each one stands now (the funnel);
- what *happened* in the period: review decisions taken, cases closed after guidance,
  sanctions decided (by the date of the decision), findings overturned, deletion requests.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from pantau.cases.models import Case
from pantau.reports import outcomes, selectors
from pantau.reports.narrative import narrative
from pantau.reports.periods import Period
from pantau.reports.quality import precision_table
from pantau.reports.scope import Scope

UNLINKED = "Tidak terkait pegawai"


@dataclass
class Figures:
    period: Period
    posts_scanned: int = 0
    findings: int = 0
    status: dict = field(default_factory=dict)
    category: dict = field(default_factory=dict)
    platform: dict = field(default_factory=dict)
    unit: dict = field(default_factory=dict)  # unit name → findings
    source: dict = field(default_factory=dict)
    decisions: dict = field(default_factory=dict)  # review decisions taken in the period
    review_median_days: float | None = None
    cases_opened: int = 0
    funnel: Counter = field(default_factory=Counter)  # confirmed findings → outcome
    resolved_guidance: int = 0  # cases closed after guidance in the period
    sanctions: dict = field(default_factory=dict)  # decided in the period
    overturned: dict = field(default_factory=dict)  # cases, by how
    overturned_findings: int = 0
    protected_by_category: dict = field(default_factory=dict)
    deletion: dict = field(default_factory=dict)
    precision: dict = field(default_factory=dict)

    @property
    def confirmed(self) -> int:
        return self.status.get("confirmed", 0)

    @property
    def protected(self) -> int:
        return self.status.get("protected", 0)

    @property
    def sanctioned(self) -> int:
        return self.sanctions.get("total", 0)

    @property
    def no_violations(self) -> bool:
        """Nothing confirmed as a violation and no sanction decided in the period."""
        return self.confirmed == 0 and self.sanctioned == 0


@dataclass
class PeriodicReport:
    current: Figures
    previous: Figures
    scope_label: str
    organisation: str
    generated_at: dt.datetime
    paragraphs: list[str] = field(default_factory=list)
    audit_checkpoint: list[str] = field(default_factory=list)  # lines printed at the end

    @property
    def period(self) -> Period:
        return self.current.period


def figures_for(scope: Scope, period: Period) -> Figures:
    start_dt, end_dt = period.bounds()
    summary = selectors.finding_summary(scope, period)
    names = selectors.unit_names(summary["unit"])
    all_cases = scope.cases(Case.objects.all())
    closed = outcomes.closures(all_cases, start_dt, end_dt)
    findings = selectors.findings_in(scope, period)
    protected = selectors.count_by(findings.filter(status="protected"), "top_category")
    unit: Counter = Counter()
    for key, n in summary["unit"].items():
        unit[names.get(key) or UNLINKED] += n
    return Figures(
        period=period,
        posts_scanned=selectors.posts_scanned(scope, period),
        findings=summary["total"],
        status=summary["status"],
        category=summary["category"],
        platform=summary["platform"],
        unit=dict(unit.most_common()),
        source=summary["source"],
        decisions=selectors.review_outcomes(scope, period),
        review_median_days=selectors.review_times(scope, period)["median_days"],
        cases_opened=selectors.cases_in(scope, period).count(),
        funnel=outcomes.finding_outcomes(findings.filter(status="confirmed").values("id")),
        resolved_guidance=closed["resolved_guidance"],
        sanctions=outcomes.sanctions_decided(all_cases, period.start, period.end),
        overturned=closed["overturned"],
        overturned_findings=outcomes.overturned_findings(all_cases, start_dt, end_dt),
        protected_by_category=protected,
        deletion=selectors.deletion_compliance(scope, period),
        precision=precision_table(since=start_dt, until=end_dt, scope=scope),
    )


def report_build(scope: Scope, period: Period, *, now: dt.datetime | None = None) -> PeriodicReport:
    """Figures of ``period`` and of the previous one, with the narrative written from them."""
    report = PeriodicReport(
        current=figures_for(scope, period),
        previous=figures_for(scope, period.previous()),
        scope_label=scope.label_id or scope.label,
        organisation=settings.PANTAU_ORGANISATION,
        generated_at=now or timezone.now(),
    )
    report.paragraphs = narrative(report)
    report.audit_checkpoint = checkpoint_lines()
    return report


def checkpoint_lines() -> list[str]:
    """The audit checkpoint the report prints: a copy of the chain heads outside the database.

    A new checkpoint is written first when a head moved since the last one, so the printed
    values are also a line of the checkpoint file; `pantau audit verify` checks against both.
    """
    from pantau.audit.checkpoints import checkpoint_due, checkpoint_write, latest_checkpoint

    checkpoint = checkpoint_write() if checkpoint_due(minutes=0) else latest_checkpoint()
    if checkpoint is None:
        return []
    when = timezone.localtime(checkpoint.time)
    names = {"audit": "Log audit", "access": "Log akses"}
    lines = [f"Titik periksa log audit, dicatat {when:%d-%m-%Y %H:%M %Z}:"]
    for name, head in checkpoint.heads.items():
        lines.append(f"{names.get(name, name)}: entri #{head['seq']}, hash {head['hash']}")
    return lines


def file_name(period: Period, extension: str) -> str:
    return f"laporan-pantau-{period.code}.{extension}"
