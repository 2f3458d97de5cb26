"""Which letters a user may see: one access helper used by the list, the downloads and the API.

A user sees a case's letters only if they can see the case (``cases_visible_to``: inspectors,
heads, deciders and auditors all cases; supervisors their staff's; employees their own).
Employees see only the letters addressed to them (``kinds.employee_may_read``): the summonses,
the guidance letter, their BAP copy, and the SK draft once the decision has been received. Everyone
else is answered 404, so an outsider cannot tell a letter exists.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from pantau.cases.models import Case
from pantau.cases.selectors import cases_visible_to
from pantau.letters.kinds import Kind, employee_may_read
from pantau.letters.models import Letter
from pantau.users.roles import Role


def _employee_kinds(case: Case) -> list[str]:
    receipt = case.receipt_date is not None
    return [k.value for k in Kind if employee_may_read(k, receipt_recorded=receipt)]


def letters_for_case(*, user, case: Case) -> QuerySet[Letter]:
    """The letters of ``case`` that ``user`` may see (none if the case is not theirs to see)."""
    qs = Letter.objects.filter(case=case).select_related("issued_by", "corrects")
    if not cases_visible_to(user).filter(pk=case.pk).exists():
        return qs.none()
    if user.role == Role.EMPLOYEE:
        return qs.filter(kind__in=_employee_kinds(case))
    return qs


def letter_get_for_user(*, user, letter_id: int) -> Letter:
    """The letter if ``user`` may see it, else 404."""
    letter = Letter.objects.select_related("case").filter(pk=letter_id).first()
    if (
        letter is None
        or not letters_for_case(user=user, case=letter.case).filter(pk=letter.pk).exists()
    ):
        raise Http404
    return letter
