"""The figures behind dashboards and reports: COUNT / GROUP BY queries within a scope and period.

Nothing here loops over posts or findings in Python: every function is one or a few aggregate
queries whose handful of result rows are shaped into plain dicts and lists. Findings belong to a
period by the time they were found (``Finding.created_at``), review decisions by the time they
were taken, cases by the time they were opened, and posts by the time they were posted
(``Post.created_at``; posts without a date are left out of period figures).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count, F, FloatField, Func, Q, QuerySet
from django.utils import timezone

from pantau.cases.models import Case, Deadline, DeletionCheck, ReviewDecision
from pantau.monitoring.models import Finding, Post
from pantau.registry.models import Unit
from pantau.reports.periods import Period
from pantau.reports.scope import Scope

DECIDED = ("confirmed", "dismissed", "protected", "not_attributable")
REVIEW_BUCKETS = (1, 3, 7, 14, 30)  # days, for "time from finding to decision"


def findings_in(scope: Scope, period: Period) -> QuerySet[Finding]:
    start, end = period.bounds()
    return scope.findings(Finding.objects.filter(created_at__gte=start, created_at__lt=end))


def cases_in(scope: Scope, period: Period) -> QuerySet[Case]:
    start, end = period.bounds()
    return scope.cases(Case.objects.filter(opened_at__gte=start, opened_at__lt=end))


def decisions_in(scope: Scope, period: Period) -> QuerySet[ReviewDecision]:
    start, end = period.bounds()
    qs = ReviewDecision.objects.filter(created_at__gte=start, created_at__lt=end)
    return scope.decisions(qs)


def count_by(qs: QuerySet, field: str) -> dict:
    """``{value: count}`` for one GROUP BY, largest first."""
    rows = qs.order_by().values(field).annotate(n=Count("id")).values_list(field, "n")
    return dict(sorted(rows, key=lambda kv: (-kv[1], str(kv[0]))))


def monthly(qs: QuerySet, field: str, period: Period) -> list[tuple[Period, int]]:
    """Counts per calendar month of ``period``, in one query (conditional aggregation)."""
    months = period.months()
    aggregates = {}
    for i, month in enumerate(months):
        start, end = month.bounds()
        aggregates[f"m{i}"] = Count("id", filter=Q(**{f"{field}__gte": start, f"{field}__lt": end}))
    values = qs.order_by().aggregate(**aggregates)
    return [(month, values[f"m{i}"]) for i, month in enumerate(months)]


def posts_scanned(scope: Scope, period: Period) -> int:
    start, end = period.bounds()
    qs = Post.objects.filter(created_at__gte=start, created_at__lt=end, scan_state="scanned")
    return scope.posts(qs).count()


def finding_summary(scope: Scope, period: Period) -> dict:
    """Totals and breakdowns of the findings of the period (three GROUP BY queries)."""
    qs = findings_in(scope, period)
    status: Counter = Counter({key: 0 for key in ("new", *DECIDED)})
    category: Counter = Counter()
    source: Counter = Counter()
    rows = qs.order_by().values_list("status", "top_category", "source").annotate(n=Count("id"))
    for st, cat, src, n in rows:
        status[st] += n
        category[cat] += n
        source[src] += n
    return {
        "total": sum(status.values()),
        "status": dict(status),
        "category": dict(category.most_common()),
        "source": dict(source.most_common()),
        "platform": count_by(qs, "post__platform"),
        "unit": count_by(qs, "employee__unit_id"),
    }


def case_summary(scope: Scope, period: Period) -> dict:
    qs = cases_in(scope, period)
    states = count_by(qs, "state")
    category = dict(
        qs.order_by()
        .values("findings__top_category")
        .annotate(n=Count("id", distinct=True))
        .values_list("findings__top_category", "n")
    )
    return {
        "total": sum(states.values()),
        "state": states,
        "unit": count_by(qs, "employee__unit_id"),
        "category": dict(sorted(category.items(), key=lambda kv: -kv[1])),
    }


class DaysBetween(Func):
    """``end - start`` in days, as a float, computed by the database itself.

    SQLite: ``julianday(end) - julianday(start)`` (built-in C functions; Django's own datetime
    arithmetic would call a Python function for every row). PostgreSQL: the epoch difference.
    """

    arity = 2
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(", **extra,
        )  # fmt: skip

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)",
            arg_joiner=" - ", **extra,
        )  # fmt: skip


def review_times(scope: Scope, period: Period) -> dict:
    """Time from finding to the reviewer's decision: buckets and the median, in days."""
    qs = (
        decisions_in(scope, period)
        .order_by()
        .annotate(days=DaysBetween("created_at", "finding__created_at"))
    )
    aggregates = {"n": Count("id")}
    for days in REVIEW_BUCKETS:
        aggregates[f"le{days}"] = Count("id", filter=Q(days__lte=days))
    counts = qs.aggregate(**aggregates)
    n = counts["n"]
    median = None
    if n:
        median = float(qs.order_by("days").values_list("days", flat=True)[n // 2])
    buckets, previous = [], 0
    for days in REVIEW_BUCKETS:
        buckets.append((days, counts[f"le{days}"] - previous))
        previous = counts[f"le{days}"]
    return {"n": n, "median_days": median, "buckets": buckets, "over": n - previous}


def review_outcomes(scope: Scope, period: Period) -> dict:
    counts = count_by(decisions_in(scope, period), "outcome")
    return {k: counts.get(k, 0) for k in ("confirm", "dismiss", "protected", "not_attributable")}


def overdue(scope: Scope, *, today: dt.date | None = None) -> dict:
    """Deadlines past due and not met, in cases not closed (now, not for a period)."""
    today = today or timezone.localdate()
    qs = scope.deadlines(
        Deadline.objects.filter(met_at__isnull=True, due__lt=today).exclude(case__state="closed")
    )
    return {
        "total": qs.count(),
        "kind": count_by(qs, "kind"),
        "role": count_by(qs, "responsible_role"),
        "oldest": list(qs.select_related("case__employee").order_by("due")[:10]),
    }


def workload(scope: Scope, period: Period) -> list[dict]:
    """Per reviewer: decisions taken in the period by outcome, and open cases in their charge."""
    rows = (
        decisions_in(scope, period)
        .order_by()
        .values("reviewer_id", "reviewer__username", "reviewer__first_name", "reviewer__last_name")
        .annotate(
            n=Count("id"),
            confirm=Count("id", filter=Q(outcome="confirm")),
            dismiss=Count("id", filter=Q(outcome__in=["dismiss", "protected"])),
        )
    )
    people = {}
    for row in rows:
        name = f"{row['reviewer__first_name']} {row['reviewer__last_name']}".strip()
        people[row["reviewer_id"]] = {
            "name": name or row["reviewer__username"],
            "decisions": row["n"],
            "confirm": row["confirm"],
            "dismiss": row["dismiss"],
            "open_cases": 0,
        }
    open_cases = (
        scope.cases(Case.objects.exclude(state="closed").filter(assigned_to__isnull=False))
        .order_by()
        .values("assigned_to_id", "assigned_to__username", "assigned_to__first_name")
        .annotate(n=Count("id"))
    )
    for row in open_cases:
        entry = people.setdefault(
            row["assigned_to_id"],
            {
                "name": row["assigned_to__first_name"] or row["assigned_to__username"],
                "decisions": 0,
                "confirm": 0,
                "dismiss": 0,
                "open_cases": 0,
            },
        )
        entry["open_cases"] = row["n"]
    return sorted(people.values(), key=lambda p: (-p["decisions"], -p["open_cases"], p["name"]))


def queue_size(scope: Scope) -> int:
    return scope.findings(Finding.objects.filter(status="new")).count()


def deletion_compliance(scope: Scope, period: Period) -> dict:
    """Requests to delete (guidance started in the period) and what became of them."""
    start, end = period.bounds()
    asked = scope.cases(Case.objects.filter(guidance_at__gte=start, guidance_at__lt=end))
    counts = asked.order_by().aggregate(
        requested=Count("id"),
        deleted=Count("id", filter=Q(deletion_verified_at__isnull=False)),
        on_time=Count(
            "id",
            filter=Q(
                deletion_verified_at__isnull=False,
                deletion_verified_at__date__lte=F("deletion_due"),
            ),
        ),
    )
    checks = scope.cases(Case.objects.all()).order_by().values("pk")
    still = (
        DeletionCheck.objects.filter(case_id__in=checks, result="still_there")
        .filter(checked_at__gte=start, checked_at__lt=end)
        .values("case_id")
        .distinct()
        .count()
    )
    return {**counts, "still_online": still}


def unit_names(ids) -> dict:
    ids = [i for i in ids if i is not None]
    return dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}
