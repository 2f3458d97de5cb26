"""The work waiting for each role: what the home page counts and what the lists filter on.

``CASE_WAITING`` names each kind of case work once; the home page counts it and the case list
shows it (``/cases/?waiting=<key>``), so a number on the home page and the list behind its link
always agree. Every figure is a single aggregate query: a home page costs the same number of
queries with ten cases or ten thousand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from pantau.cases.calendar import calendar, today
from pantau.cases.models import Appeal, Case, Deadline, Holiday, Notification
from pantau.cases.selectors import cases_visible_to
from pantau.core.cases.ladder import State

SOON_WORKING_DAYS = 3
_BEFORE_SUMMONS = [State.OPEN.value, State.GUIDANCE.value, State.DELETION_CHECK.value]


@dataclass(frozen=True)
class WorkItem:
    """One line of work on a home page: how many, in words, and the list where it is done."""

    key: str
    count: int
    label: str
    url: str
    note: str = ""


def _open_deadlines(due: Q) -> Q:
    pending = Deadline.objects.filter(due, case=OuterRef("pk"), met_at__isnull=True)
    return Q(Exists(pending))


def _soon_bounds() -> tuple[dt.date, dt.date]:
    start = today()
    return start, calendar().add_working_days(start, SOON_WORKING_DAYS)


def _step_due(qs: QuerySet[Case]) -> QuerySet[Case]:
    return qs.exclude(state=State.CLOSED.value).filter(_open_deadlines(Q(due__lte=today())))


def _due_soon(qs: QuerySet[Case]) -> QuerySet[Case]:
    start, end = _soon_bounds()
    return qs.exclude(state=State.CLOSED.value).filter(
        _open_deadlines(Q(due__gt=start, due__lte=end))
    )


def _escalation_approval(qs: QuerySet[Case]) -> QuerySet[Case]:
    """Attribution is confirmed, the case is not yet at a summons, the head has not approved."""
    return qs.filter(
        state__in=_BEFORE_SUMMONS,
        attribution_confirmed_at__isnull=False,
        head_approved_at__isnull=True,
    )


def _recommendation_approval(qs: QuerySet[Case]) -> QuerySet[Case]:
    return qs.filter(
        state=State.RECOMMENDATION.value, recommendation_approved_at__isnull=True
    ).exclude(recommended_level="")


def _decision(qs: QuerySet[Case]) -> QuerySet[Case]:
    return qs.filter(state=State.DECISION.value, sanction_code="")


def _objection(qs: QuerySet[Case]) -> QuerySet[Case]:
    pending = Appeal.objects.filter(case=OuterRef("pk"), kind=Appeal.Kind.OBJECTION, outcome="")
    return qs.filter(Exists(pending), state=State.APPEAL.value)


CASE_WAITING: dict[str, tuple[Callable[[QuerySet[Case]], QuerySet[Case]], object]] = {
    "step_due": (_step_due, gettext_lazy("cases with a step due")),
    "due_soon": (_due_soon, gettext_lazy("cases with a deadline within 3 working days")),
    "escalation_approval": (_escalation_approval, gettext_lazy("escalations to approve")),
    "recommendation_approval": (
        _recommendation_approval,
        gettext_lazy("recommendations to approve"),
    ),
    "decision": (_decision, gettext_lazy("cases awaiting your decision")),
    "objection": (_objection, gettext_lazy("objections to decide")),
}


def cases_waiting(qs: QuerySet[Case], key: str) -> QuerySet[Case]:
    """The cases of ``qs`` with work of kind ``key``; unknown keys leave ``qs`` as it is."""
    entry = CASE_WAITING.get(key)
    return entry[0](qs) if entry else qs


def _case_item(user, key: str, label: Callable[[int], str]) -> WorkItem:
    n = cases_waiting(cases_visible_to(user), key).count()
    return WorkItem(
        key=key,
        count=n,
        label=label(n) % {"n": n},
        url=f"{reverse('case_list')}?waiting={key}",
    )


def _findings_item(user) -> WorkItem:
    from pantau.cases.review import review_queue

    row = review_queue(user=user).order_by().aggregate(n=Count("pk"), oldest=Min("created_at"))
    n = row["n"]
    note = ""
    if row["oldest"] is not None:
        note = _("the oldest has waited %(age)s") % {"age": timesince(row["oldest"], depth=1)}
    return WorkItem(
        key="findings",
        count=n,
        label=ngettext("%(n)s finding awaiting review", "%(n)s findings awaiting review", n)
        % {"n": n},
        url=reverse("review_queue"),
        note=note,
    )


def _complaints_item() -> WorkItem:
    from pantau.monitoring.models import Complaint

    n = Complaint.objects.filter(status=Complaint.Status.RECEIVED).count()
    return WorkItem(
        key="complaints",
        count=n,
        label=ngettext("%(n)s complaint to triage", "%(n)s complaints to triage", n) % {"n": n},
        url=f"{reverse('complaint_list')}?status={Complaint.Status.RECEIVED}",
    )


def _acks_item(user) -> WorkItem:
    n = Notification.objects.filter(
        user=user, requires_ack=True, acknowledged_at__isnull=True
    ).count()
    return WorkItem(
        key="acknowledgements",
        count=n,
        label=ngettext("%(n)s notice to acknowledge", "%(n)s notices to acknowledge", n) % {"n": n},
        url=reverse("notifications"),
    )


def inspector_work(user) -> list[WorkItem]:
    return [
        _findings_item(user),
        _case_item(
            user,
            "step_due",
            lambda n: ngettext("%(n)s case with a step due", "%(n)s cases with a step due", n),
        ),
        _case_item(
            user,
            "due_soon",
            lambda n: ngettext(
                "%(n)s case with a deadline within 3 working days",
                "%(n)s cases with a deadline within 3 working days",
                n,
            ),
        ),
        _complaints_item(),
    ]


def head_work(user) -> list[WorkItem]:
    return [
        _case_item(
            user,
            "escalation_approval",
            lambda n: ngettext("%(n)s escalation to approve", "%(n)s escalations to approve", n),
        ),
        _case_item(
            user,
            "recommendation_approval",
            lambda n: ngettext(
                "%(n)s recommendation to approve", "%(n)s recommendations to approve", n
            ),
        ),
    ]


def decider_work(user) -> list[WorkItem]:
    return [
        _case_item(
            user,
            "decision",
            lambda n: ngettext(
                "%(n)s case awaiting your decision", "%(n)s cases awaiting your decision", n
            ),
        ),
        _case_item(
            user,
            "objection",
            lambda n: ngettext("%(n)s objection to decide", "%(n)s objections to decide", n),
        ),
    ]


def supervisor_work(user) -> list[WorkItem]:
    return [_acks_item(user)]


def staff_open_cases(user, limit: int = 20) -> list[Case]:
    return list(cases_visible_to(user).exclude(state=State.CLOSED.value)[:limit])


def soon_deadlines(user, limit: int = 10) -> list[Deadline]:
    """Open deadlines of open cases due within the next 3 working days (today excluded)."""
    start, end = _soon_bounds()
    return list(
        Deadline.objects.filter(
            met_at__isnull=True,
            due__gt=start,
            due__lte=end,
            case__in=cases_visible_to(user).exclude(state=State.CLOSED.value),
        )
        .select_related("case__employee")
        .order_by("due", "pk")[:limit]
    )


def missing_holiday_year() -> int | None:
    """Next year, when the holiday table has no day of it yet (the clock would miss holidays)."""
    year = timezone.localdate().year + 1
    return None if Holiday.objects.filter(date__year=year).exists() else year


@dataclass(frozen=True)
class Expectation:
    """Something the employee is expected (or entitled) to do on their case, and by when."""

    text: str
    due: dt.date | None = None


@dataclass(frozen=True)
class EmployeeCase:
    case: Case
    expected: list[Expectation]
    sanction: str = ""
    window_end: dt.date | None = None
    window_open: bool = False


def _sanction_name(code: str) -> str:
    from django.utils.translation import get_language

    from pantau.core.cases.sanctions import sanction

    try:
        chosen = sanction(code)
    except KeyError:
        return code
    return chosen.name_id if (get_language() or "id").startswith("id") else chosen.name_en


def employee_case(user) -> EmployeeCase | None:
    """The employee's open case: what is expected of them and by when, the sanction, the window."""
    from pantau.cases.facts import _appeal_window

    case = cases_visible_to(user).exclude(state=State.CLOSED.value).first()
    if case is None or case.employee_id != user.employee_id:
        return None
    expected: list[Expectation] = []
    state = case.state
    if (
        state in (State.GUIDANCE.value, State.DELETION_CHECK.value)
        and case.deletion_reported_at is None
        and case.deletion_due
    ):
        expected.append(
            Expectation(_("Delete the post and confirm the deletion here"), case.deletion_due)
        )
    if state == State.SUMMONS.value and case.exam_date:
        expected.append(Expectation(_("Attend the examination"), case.exam_date))
    if state != State.OPEN.value and not case.responses.exists():
        expected.append(Expectation(_("You may send your written response (hak jawab)")))
    window_end, window_open = None, False
    if state == State.DELIVERED.value and case.receipt_date:
        window_end = _appeal_window(case)
        window_open = window_end is not None and today() <= window_end
        if window_open:
            text = (
                _("You may lodge an administrative appeal to BPASN")
                if case.sanction_code == "honourable_dismissal"
                else _("You may lodge an objection")
            )
            expected.append(Expectation(text, window_end))
    return EmployeeCase(
        case=case,
        expected=expected,
        sanction=_sanction_name(case.sanction_code) if case.sanction_code else "",
        window_end=window_end,
        window_open=window_open,
    )


def audit_chain_summary() -> dict:
    """How many entries the audit chain holds and when the last one was written."""
    from pantau.audit.models import AuditChainHead, AuditEntry

    head = AuditChainHead.objects.filter(pk=1).values_list("seq", flat=True).first()
    last = AuditEntry.objects.order_by("-seq").values_list("created_at", flat=True).first()
    return {"entries": head or 0, "last_at": last}
