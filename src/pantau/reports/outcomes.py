"""Where cases and confirmed findings end up: the outcome classes of the funnel.

A case's outcome, from its fields and its recorded steps:

- ``sanction_<level>``: the decider recorded a sanction (``Case.sanction_code``), at the level of
  the PP 94/2021 catalogue, unless an objection or appeal revoked or annulled it;
- ``overturned``: no sanction in the end — the decider decided that none is imposed
  (``decide_no_sanction``), the head dismissed the case (``dismiss_case``), or the sanction was
  revoked or annulled on objection or appeal;
- ``resolved_guidance``: closed after guidance (``close_after_guidance``: reminded, the post
  deleted, no pattern) — recorded, not a sanction;
- ``in_process``: anything else (the case is still open).

A confirmed finding takes the outcome of the case it belongs to. Every count here is one
GROUP BY query whose few result rows are classified in Python.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from pantau.cases.models import Appeal, Case, CaseFinding, CaseStep
from pantau.core.cases.sanctions import sanction

OUTCOME_KEYS = (
    "in_process",
    "resolved_guidance",
    "sanction_light",
    "sanction_medium",
    "sanction_heavy",
    "overturned",
)
REVOKING = (Appeal.Outcome.REVOKED, Appeal.Outcome.ANNULLED)


def _step(ref: str, name: str) -> Exists:
    return Exists(CaseStep.objects.filter(case_id=OuterRef(ref), name=name))


def _revoked(ref: str) -> Exists:
    return Exists(Appeal.objects.filter(case_id=OuterRef(ref), outcome__in=REVOKING))


def level_of(code: str) -> str:
    try:
        return sanction(code).level.value
    except KeyError:
        return "light"  # an unknown code cannot come from the catalogue; count it lightest


def classify(*, state: str, sanction_code: str, guided: bool, revoked: bool) -> str:
    if sanction_code:
        return "overturned" if revoked else f"sanction_{level_of(sanction_code)}"
    if state != "closed":
        return "in_process"
    return "resolved_guidance" if guided else "overturned"


def _count(rows, state: str, code: str, n: str = "n") -> Counter:
    out: Counter = Counter({key: 0 for key in OUTCOME_KEYS})
    for row in rows:
        key = classify(
            state=row[state], sanction_code=row[code], guided=row["guided"], revoked=row["revoked"]
        )
        out[key] += row[n]
    return out


def case_outcomes(cases: QuerySet[Case]) -> Counter:
    """Cases by outcome class."""
    rows = (
        cases.order_by()
        .annotate(guided=_step("pk", "close_after_guidance"), revoked=_revoked("pk"))
        .values("state", "sanction_code", "guided", "revoked")
        .annotate(n=Count("id"))
    )
    return _count(rows, "state", "sanction_code")


def finding_outcomes(confirmed_finding_ids: QuerySet) -> Counter:
    """Confirmed findings (a values('id') queryset) by the outcome of their case."""
    rows = (
        CaseFinding.objects.filter(finding_id__in=confirmed_finding_ids)
        .annotate(guided=_step("case_id", "close_after_guidance"), revoked=_revoked("case_id"))
        .values("case__state", "case__sanction_code", "guided", "revoked")
        .annotate(n=Count("finding_id", distinct=True))
    )
    return _count(rows, "case__state", "case__sanction_code")


def sanctions_decided(cases: QuerySet[Case], start, end) -> dict:
    """Sanctions whose decision is dated in the period: by level and by type code."""
    rows = (
        cases.filter(decision_date__gte=start, decision_date__lt=end)
        .exclude(sanction_code="")
        .order_by()
        .values("sanction_code")
        .annotate(n=Count("id"))
    )
    levels: Counter = Counter({"light": 0, "medium": 0, "heavy": 0})
    codes: Counter = Counter()
    for row in rows:
        levels[level_of(row["sanction_code"])] += row["n"]
        codes[row["sanction_code"]] += row["n"]
    return {"levels": levels, "codes": codes, "total": sum(levels.values())}


def closures(cases: QuerySet[Case], start_dt, end_dt) -> dict:
    """Cases closed in the period by how, and the overturns (also revocations on appeal)."""
    steps = (
        CaseStep.objects.filter(case__in=cases.order_by().values("pk"))
        .filter(created_at__gte=start_dt, created_at__lt=end_dt, to_state="closed")
        .filter(name__in=["close_after_guidance", "decide_no_sanction", "dismiss_case"])
        .order_by()
        .values("name")
        .annotate(n=Count("case_id", distinct=True))
    )
    by_name = {row["name"]: row["n"] for row in steps}
    revoked = (
        Appeal.objects.filter(case__in=cases.order_by().values("pk"), outcome__in=REVOKING)
        .filter(decided_at__gte=start_dt, decided_at__lt=end_dt)
        .values("case_id")
        .distinct()
        .count()
    )
    overturned_cases = {
        "no_sanction": by_name.get("decide_no_sanction", 0),
        "dismissed": by_name.get("dismiss_case", 0),
        "revoked": revoked,
    }
    return {
        "resolved_guidance": by_name.get("close_after_guidance", 0),
        "overturned": overturned_cases,
        "overturned_total": sum(overturned_cases.values()),
    }


def overturned_findings(cases: QuerySet[Case], start_dt, end_dt) -> int:
    """Confirmed findings whose case was overturned in the period (see ``closures``)."""
    closed = CaseStep.objects.filter(
        name__in=["decide_no_sanction", "dismiss_case"],
        created_at__gte=start_dt,
        created_at__lt=end_dt,
    ).values("case_id")
    revoked = Appeal.objects.filter(
        outcome__in=REVOKING, decided_at__gte=start_dt, decided_at__lt=end_dt
    ).values("case_id")
    return (
        CaseFinding.objects.filter(case_id__in=cases.order_by().values("pk"))
        .filter(Q(case_id__in=closed) | Q(case_id__in=revoked))
        .values("finding_id")
        .distinct()
        .count()
    )
