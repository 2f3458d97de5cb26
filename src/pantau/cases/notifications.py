"""Notifications at each step: in-app rows and e-mail, in the recipient's language.

Recipients are named by role: the employee, their direct superior (who must acknowledge: PP
94/2021 Pasal 26–28; an involved superior is replaced by the next one, Pasal 29(6)), the
inspectors and head, and the decider. E-mail goes through Django's mail settings (SMTP in
production) after the transaction commits.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from pantau.cases.labels import step_label
from pantau.cases.models import Case, Deadline, Notification
from pantau.cases.people import involvement, supervisor_chain
from pantau.core.cases.conflicts import substitute_superior
from pantau.users.roles import Role

logger = logging.getLogger(__name__)
ACK_STEPS = {"opened", "start_guidance", "escalate_to_summons", "issue_second_summons", "recommend"}


def _users_for(case: Case, recipient: str) -> list:
    User = get_user_model()
    active = User.objects.filter(is_active=True)
    if recipient == "employee":
        return list(active.filter(employee=case.employee, role=Role.EMPLOYEE))
    if recipient == "supervisor":
        # The direct superior, or the next one up when involved in the facts (Pasal 29(6)).
        chain = supervisor_chain(case.employee)
        findings = list(case.findings.select_related("post"))
        facts = involvement(
            case.employee,
            texts=[f.post.text for f in findings],
            posts=[f.post_id for f in findings],
        )
        chosen = substitute_superior(chain, facts.people())
        return list(active.filter(employee_id=chosen)) if chosen else []
    if recipient == "inspectors":
        return list(active.filter(role__in=[Role.INSPECTOR, Role.HEAD]))
    if recipient == "decider":
        return list(active.filter(role=Role.DECIDER))
    return []


def notify(*, case: Case, user, step: str, requires_ack: bool = False) -> Notification:
    lang = "id"
    with translation.override(lang):
        context = {
            "case": case,
            "user": user,
            "step": step_label(step),
            "step_name": step,
            "url": settings.SITE_URL.rstrip("/") + reverse("case_detail", args=[case.pk]),
            "requires_ack": requires_ack,
            "organisation": settings.PANTAU_ORGANISATION,
        }
        subject = render_to_string("cases/email/notice_subject.txt", context).strip()
        body = render_to_string("cases/email/notice.txt", context)
    note = Notification.objects.create(
        user=user, case=case, kind=step, subject=subject[:300], body=body, requires_ack=requires_ack
    )
    if user.email:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())
        except OSError:
            logger.exception("e-mail to %s failed", user.email)
    return note


def send_case_notices(*, case_id: int, step: str, recipients: list[str]) -> int:
    case = Case.objects.select_related("employee").get(pk=case_id)
    sent = 0
    seen: set[int] = set()
    for recipient in recipients:
        for user in _users_for(case, recipient):
            if user.pk in seen:
                continue
            seen.add(user.pk)
            notify(
                case=case,
                user=user,
                step=step,
                requires_ack=recipient == "supervisor" and step in ACK_STEPS,
            )
            sent += 1
    return sent


def notify_case_opened(*, case_id: int, created: bool) -> int:
    return send_case_notices(
        case_id=case_id,
        step="opened" if created else "add_finding",
        recipients=["employee", "supervisor", "inspectors"],
    )


def overdue_for(user) -> list[Deadline]:
    """Open deadlines past due that this user is responsible for or oversees."""
    from pantau.cases.selectors import cases_visible_to

    today = timezone.localdate()
    qs = Deadline.objects.filter(
        met_at__isnull=True, due__lt=today, case__in=cases_visible_to(user)
    ).select_related("case__employee")
    if user.role == Role.EMPLOYEE:
        qs = qs.filter(responsible_role="employee")
    elif user.role == Role.SUPERVISOR:
        qs = qs.filter(responsible_role__in=["supervisor", "employee"])
    elif user.role == Role.DECIDER:
        qs = qs.filter(responsible_role="decider")
    elif user.role not in (Role.INSPECTOR, Role.HEAD):
        return []  # auditors and admins read; they have no deadlines to keep
    return list(qs.exclude(case__state="closed"))


def send_daily_digest() -> int:
    """One e-mail per user with overdue items; returns the number of e-mails sent."""
    User = get_user_model()
    sent = 0
    for user in User.objects.filter(is_active=True).exclude(email=""):
        items = overdue_for(user)
        if not items:
            continue
        with translation.override("id"):
            context = {
                "user": user,
                "items": items,
                "site": settings.SITE_URL,
                "organisation": settings.PANTAU_ORGANISATION,
            }
            subject = render_to_string("cases/email/digest_subject.txt", context).strip()
            body = render_to_string("cases/email/digest.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        sent += 1
    return sent
