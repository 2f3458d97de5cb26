"""Model monitoring: live precision from reviewer decisions, and drift alerts on dismissals.

Precision counts the reviewers' decisions on findings the scanner raised (complaints are left
out: no model flagged them). For the category the model flagged (``Finding.top_category``):

- ``confirm`` is a true positive (also when the reviewer filed it under another category; those
  are counted apart as ``recategorised``);
- ``dismiss`` (false positive) and ``protected`` (protected criticism) are false positives;
- ``not_attributable`` (not the employee's account, hacked) says nothing about the text and is
  left out.

precision = TP / (TP + FP), with a 95% Wilson interval. The model version is the one stored on
the decision (the version that raised the finding).

Drift: for each category and for all together, the share of false positives among the decisions
of the last ``recent_days`` (30) is compared with the ``baseline_days`` (90) before them. An
alert is raised when both windows hold enough decisions (20 and 30), the share rose by at least
``min_rise`` (10 percentage points) and the rise is significant (two-proportion z ≥ 1.96). It is
stored as a :class:`DriftAlert` and written to the audit log in the same transaction; while it
is open, and for ``recent_days`` after it was raised, no second alert is raised for that
category (the same rise would otherwise be raised again right after an acknowledgement).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from pantau.audit.services import audit_record
from pantau.cases.models import ReviewDecision
from pantau.monitoring.models import Category
from pantau.reports.models import DriftAlert

TP = Q(outcome="confirm")
FP = Q(outcome__in=["dismiss", "protected"])


def setting(name: str, default):
    return getattr(settings, f"PANTAU_DRIFT_{name}", default)


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    if n == 0:
        return None
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def _scored(qs):
    return qs.filter(finding__source="scan").exclude(outcome="not_attributable")


def _row(category: str, version: str, tp: int, fp: int, recategorised: int = 0) -> dict:
    n = tp + fp
    return {
        "category": category,
        "model_version": version,
        "tp": tp,
        "fp": fp,
        "n": n,
        "recategorised": recategorised,
        "precision": tp / n if n else None,
        "interval": wilson(tp, n),
    }


def precision_table(
    *, since: dt.datetime | None = None, until: dt.datetime | None = None, scope=None
) -> dict:
    """Precision per (category, model version), per category and overall."""
    qs = _scored(ReviewDecision.objects.all())
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    if until is not None:
        qs = qs.filter(created_at__lt=until)
    if scope is not None:
        qs = scope.decisions(qs)
    rows = (
        qs.order_by()
        .values("finding__top_category", "model_version")
        .annotate(
            tp=Count("id", filter=TP),
            fp=Count("id", filter=FP),
            recat=Count(
                "id", filter=TP & ~Q(category=F("finding__top_category")) & ~Q(category="")
            ),
        )
    )
    by_version, by_category = [], {}
    total_tp = total_fp = 0
    for r in rows:
        cat, version = r["finding__top_category"] or "", r["model_version"] or "?"
        by_version.append(_row(cat, version, r["tp"], r["fp"], r["recat"]))
        agg = by_category.setdefault(cat, [0, 0, 0])
        agg[0] += r["tp"]
        agg[1] += r["fp"]
        agg[2] += r["recat"]
        total_tp += r["tp"]
        total_fp += r["fp"]
    order = {c: i for i, c in enumerate(Category.values)}
    by_version.sort(key=lambda r: (order.get(r["category"], 99), r["model_version"]))
    categories = [
        _row(c, "", *by_category[c]) for c in sorted(by_category, key=lambda c: order.get(c, 99))
    ]
    return {
        "versions": by_version,
        "categories": categories,
        "overall": _row("", "", total_tp, total_fp),
    }


@dataclass(frozen=True)
class Drift:
    category: str  # "" for all categories together
    recent_n: int
    recent_fp: int
    baseline_n: int
    baseline_fp: int
    model_version: str = ""

    @property
    def recent_share(self) -> float | None:
        return self.recent_fp / self.recent_n if self.recent_n else None

    @property
    def baseline_share(self) -> float | None:
        return self.baseline_fp / self.baseline_n if self.baseline_n else None

    @property
    def z(self) -> float:
        n1, n2 = self.recent_n, self.baseline_n
        if not n1 or not n2:
            return 0.0
        pooled = (self.recent_fp + self.baseline_fp) / (n1 + n2)
        spread = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        return (self.recent_share - self.baseline_share) / spread if spread else 0.0

    @property
    def enough(self) -> bool:
        return self.recent_n >= setting("MIN_RECENT", 20) and self.baseline_n >= setting(
            "MIN_BASELINE", 30
        )

    @property
    def drifting(self) -> bool:
        if not self.enough:
            return False
        rise = self.recent_share - self.baseline_share
        return rise >= setting("MIN_RISE", 0.10) and self.z >= 1.96


def drift_status(*, now: dt.datetime | None = None) -> list[Drift]:
    """The recent and baseline windows per category and for all together (one query)."""
    now = now or timezone.now()
    recent_days, baseline_days = setting("RECENT_DAYS", 30), setting("BASELINE_DAYS", 90)
    split = now - dt.timedelta(days=recent_days)
    first = split - dt.timedelta(days=baseline_days)
    recent, baseline = Q(created_at__gte=split), Q(created_at__lt=split)
    rows = (
        _scored(ReviewDecision.objects.filter(created_at__gte=first, created_at__lt=now))
        .order_by()
        .values("finding__top_category")
        .annotate(
            rn=Count("id", filter=recent),
            rfp=Count("id", filter=recent & FP),
            bn=Count("id", filter=baseline),
            bfp=Count("id", filter=baseline & FP),
        )
    )
    out = [
        Drift(r["finding__top_category"] or "", r["rn"], r["rfp"], r["bn"], r["bfp"]) for r in rows
    ]
    out.sort(key=lambda d: d.category)
    total = Drift(
        "",
        sum(d.recent_n for d in out),
        sum(d.recent_fp for d in out),
        sum(d.baseline_n for d in out),
        sum(d.baseline_fp for d in out),
    )
    return [total, *[d for d in out if d.category]]


def _version(category: str, since: dt.datetime) -> str:
    qs = ReviewDecision.objects.filter(created_at__gte=since, finding__source="scan")
    if category:
        qs = qs.filter(finding__top_category=category)
    row = qs.order_by().values("model_version").annotate(n=Count("id")).order_by("-n").first()
    return (row or {}).get("model_version", "") or ""


def drift_check(*, now: dt.datetime | None = None, actor=None) -> list[DriftAlert]:
    """Raise (store and audit) an alert for every drifting category without an open alert."""
    now = now or timezone.now()
    recent_days, baseline_days = setting("RECENT_DAYS", 30), setting("BASELINE_DAYS", 90)
    raised = []
    quiet = set(
        DriftAlert.objects.filter(
            Q(acknowledged_at__isnull=True) | Q(raised_at__gte=now - dt.timedelta(days=recent_days))
        ).values_list("category", flat=True)
    )
    for drift in drift_status(now=now):
        if not drift.drifting or drift.category in quiet:
            continue
        version = _version(drift.category, now - dt.timedelta(days=recent_days))
        try:
            with transaction.atomic():
                alert = DriftAlert.objects.create(
                    category=drift.category,
                    model_version=version,
                    recent_days=recent_days,
                    baseline_days=baseline_days,
                    recent_decisions=drift.recent_n,
                    recent_dismissals=drift.recent_fp,
                    baseline_decisions=drift.baseline_n,
                    baseline_dismissals=drift.baseline_fp,
                    recent_share=drift.recent_share,
                    baseline_share=drift.baseline_share,
                )
                audit_record(
                    action="reports.drift_alert.raised",
                    obj=alert,
                    actor=actor,
                    after={
                        "category": drift.category or "all",
                        "model_version": version,
                        "recent": [drift.recent_fp, drift.recent_n],
                        "baseline": [drift.baseline_fp, drift.baseline_n],
                        "z": round(drift.z, 2),
                    },
                )
        except IntegrityError:
            continue  # another process raised it at the same moment
        raised.append(alert)
    return raised


@transaction.atomic
def drift_acknowledge(*, alert_id: int, user, note: str = "") -> DriftAlert:
    """Close an open alert, recording who looked at it and what they concluded."""
    alert = DriftAlert.objects.select_for_update().get(pk=alert_id)
    if alert.acknowledged_at is not None:
        return alert
    alert.acknowledged_by, alert.acknowledged_at = user, timezone.now()
    alert.note = note.strip()
    alert.save(update_fields=["acknowledged_by", "acknowledged_at", "note"])
    audit_record(
        action="reports.drift_alert.acknowledged",
        obj=alert,
        actor=user,
        before={"open": True},
        after={"open": False},
        reason=alert.note,
    )
    return alert
