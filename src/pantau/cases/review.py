"""Review of findings: the queue, and decisions with optimistic locking and conflict routing.

Every decision is stored as a labelled example (``ReviewDecision.as_training_example``); a
confirmed finding joins the employee's open case (opened if there is none).

Two reviewers deciding the same finding at once: the decision is a conditional UPDATE on the
finding's version, so exactly one wins and the other gets :class:`StaleFinding`. Two findings of
one employee confirmed at once join the same case: the open case is locked while the finding is
added, and a case opened by the other reviewer in the meantime is joined, not duplicated.
"""

from __future__ import annotations

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F, QuerySet
from django.utils.translation import gettext as _

from pantau.audit.services import audit_record
from pantau.cases.errors import database_busy
from pantau.cases.models import Case, CaseFinding, CaseStep, ReviewDecision, RoutingLog
from pantau.cases.people import ActorFacts, conflicts_for, explain
from pantau.core.cases.ladder import State
from pantau.core.cases.provisions import SKB_ITEMS
from pantau.monitoring.models import Category, Finding
from pantau.users.roles import Role

REVIEWER_ROLES = {Role.INSPECTOR, Role.HEAD}
OUTCOME_STATUS = {
    ReviewDecision.Outcome.CONFIRM: Finding.Status.CONFIRMED,
    ReviewDecision.Outcome.DISMISS: Finding.Status.DISMISSED,
    ReviewDecision.Outcome.PROTECTED: Finding.Status.PROTECTED,
    ReviewDecision.Outcome.NOT_ATTRIBUTABLE: Finding.Status.NOT_ATTRIBUTABLE,
}


class ReviewError(Exception):
    """A decision that cannot be stored; the message says why."""


class StaleFinding(ReviewError):
    """Someone else decided the finding since it was opened."""


class ConflictOfInterest(ReviewError):
    """The reviewer may not decide this finding; it goes to someone else."""


def review_queue(
    *,
    user,
    category: str = "",
    unit: str = "",
    platform: str = "",
    date_from=None,
    date_to=None,
    min_score: float | None = None,
    source: str = "",
    status: str = Finding.Status.NEW,
) -> QuerySet[Finding]:
    """Findings by priority (severity × confidence × reach), oldest first within ties."""
    qs = Finding.objects.select_related("post", "post__account", "employee", "employee__unit")
    if status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(top_category=category)
    if unit:
        qs = qs.filter(employee__unit__code=unit)
    if platform:
        qs = qs.filter(post__platform=platform)
    if date_from:
        qs = qs.filter(post__created_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(post__created_at__date__lte=date_to)
    if min_score is not None:
        qs = qs.filter(score__gte=min_score)
    if source:
        qs = qs.filter(source=source)
    if user.employee_id:
        routed = RoutingLog.objects.filter(excluded_user=user, finding__isnull=False)
        qs = qs.exclude(pk__in=routed.values("finding_id"))
    return qs.order_by("-priority", "created_at", "pk")


def route_conflicts(*, user, findings) -> int:
    """Record and hide findings this reviewer may not decide; returns how many were routed."""
    if user.employee_id is None:  # only someone on the staff list can have a conflict
        return 0
    routed = 0
    facts = ActorFacts(user, findings)
    for finding in findings:
        codes = facts.conflicts(finding)
        if codes and not RoutingLog.objects.filter(excluded_user=user, finding=finding).exists():
            with transaction.atomic():
                RoutingLog.objects.create(finding=finding, excluded_user=user, reasons=codes)
                audit_record(
                    action="review.routed",
                    obj=finding,
                    actor=user,
                    after={"excluded": user.pk, "reasons": codes},
                )
            routed += 1
    return routed


def _check(*, reviewer, finding: Finding, outcome: str, category: str, skb_item, reason: str):
    if reviewer.role not in REVIEWER_ROLES:
        raise ReviewError(_("Only inspectors and the inspectorate head review findings."))
    if outcome not in ReviewDecision.Outcome.values:
        raise ReviewError(_("Unknown decision %s") % outcome)
    if not reason.strip():
        raise ReviewError(_("Give the reason for the decision."))
    if outcome == ReviewDecision.Outcome.CONFIRM:
        if category not in Category.values:
            raise ReviewError(_("A confirmation needs the category of the violation."))
        if skb_item not in {item.number for item in SKB_ITEMS}:
            raise ReviewError(_("A confirmation needs the SKB 11 item (1 to 11)."))
        if finding.employee_id is None:
            raise ReviewError(
                _(
                    "The post is not linked to an employee's account; "
                    "link the account first or dismiss the finding."
                )
            )
    codes = conflicts_for(
        reviewer, subject=finding.employee, texts=[finding.post.text], posts=[finding.post_id]
    )
    if codes:
        # Recorded in its own transaction: the refusal must not roll the routing back.
        route_conflicts(user=reviewer, findings=[finding])
        raise ConflictOfInterest(
            _("You may not decide this finding (%s); it goes to another reviewer.") % explain(codes)
        )


def finding_decide(
    *,
    finding_id: int,
    expected_version: int,
    reviewer,
    outcome: str,
    reason: str,
    category: str = "",
    skb_item: int | None = None,
) -> ReviewDecision:
    """Store a reviewer's decision; refuses if the finding changed since ``expected_version``."""
    try:
        return _check_and_decide(
            finding_id=finding_id,
            expected_version=expected_version,
            reviewer=reviewer,
            outcome=outcome,
            reason=reason,
            category=category,
            skb_item=skb_item,
        )
    except OperationalError as exc:
        if database_busy(exc):
            raise StaleFinding(
                _(
                    "Another reviewer is deciding this finding right now; reload the page to see "
                    "their decision."
                )
            ) from None
        raise


def _check_and_decide(
    *, finding_id, expected_version, reviewer, outcome, reason, category, skb_item
):
    finding = Finding.objects.select_related("post", "employee").get(pk=finding_id)
    _check(
        reviewer=reviewer,
        finding=finding,
        outcome=outcome,
        category=category,
        skb_item=skb_item,
        reason=reason,
    )
    with transaction.atomic():
        return _decide(
            finding=finding,
            expected_version=expected_version,
            reviewer=reviewer,
            outcome=outcome,
            reason=reason,
            category=category,
            skb_item=skb_item,
        )


def _decide(*, finding, expected_version, reviewer, outcome, reason, category, skb_item):
    finding_id = finding.pk
    updated = Finding.objects.filter(pk=finding_id, version=expected_version).update(
        status=OUTCOME_STATUS[outcome], version=F("version") + 1
    )
    if updated != 1:
        last = finding.decisions.select_related("reviewer").first()
        who = f" ({last.get_outcome_display()}, {last.reviewer})" if last else ""
        raise StaleFinding(
            _(
                "Another reviewer changed this finding while you were reading it%s. "
                "Reload the page to see the current decision."
            )
            % who
        )
    decision = ReviewDecision.objects.create(
        finding=finding,
        reviewer=reviewer,
        outcome=outcome,
        category=category,
        skb_item=skb_item,
        reason=reason.strip(),
        model_version=finding.model_version,
        text=finding.post.text,
    )
    audit_record(
        action=f"review.{outcome}",
        obj=finding,
        actor=reviewer,
        before={"status": finding.status, "version": expected_version},
        after={
            "status": OUTCOME_STATUS[outcome],
            "category": category,
            "skb_item": skb_item,
            "decision": decision.pk,
        },
        reason=reason,
    )
    if outcome == ReviewDecision.Outcome.CONFIRM:
        _attach_to_case(finding=finding, actor=reviewer)
    return decision


def _open_case(employee_id: int) -> Case | None:
    """The employee's open case, locked until the end of the transaction (PostgreSQL)."""
    return (
        Case.objects.select_for_update(of=("self",))
        .filter(employee_id=employee_id)
        .exclude(state=State.CLOSED.value)
        .first()
    )


def _attach_to_case(*, finding: Finding, actor) -> Case:
    case = _open_case(finding.employee_id)
    created = case is None
    if created:
        try:
            with transaction.atomic():
                case = Case.objects.create(
                    employee=finding.employee, opened_by=actor, assigned_to=actor
                )
        except IntegrityError:  # another reviewer opened the case meanwhile: join it
            case, created = _open_case(finding.employee_id), False
            if case is None:
                raise StaleFinding(
                    _("The employee's case changed meanwhile; reload the page and try again.")
                ) from None
        else:
            audit_record(
                action="case.opened",
                obj=case,
                actor=actor,
                after={"employee": finding.employee_id, "finding": finding.pk},
            )
    if not created:  # the case is about more now: a page showing the old one is stale
        Case.objects.filter(pk=case.pk).update(version=F("version") + 1)
    CaseFinding.objects.get_or_create(case=case, finding=finding)
    CaseStep.objects.create(
        case=case,
        name="opened" if created else "add_finding",
        from_state=case.state,
        to_state=case.state,
        actor=actor,
        data={"finding": finding.pk},
    )
    if not created:
        audit_record(
            action="case.add_finding", obj=case, actor=actor, after={"finding": finding.pk}
        )
    from pantau.cases.notifications import notify_case_opened

    transaction.on_commit(  # the decision stands: a failed notice is logged, not raised
        lambda: notify_case_opened(case_id=case.pk, created=created), robust=True
    )
    return case
