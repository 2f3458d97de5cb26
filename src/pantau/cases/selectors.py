"""Which cases a user may see, and what they may do there."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from pantau.cases.models import Case
from pantau.registry.selectors import staff_ids
from pantau.users.roles import Role

ALL_CASES_ROLES = {Role.INSPECTOR, Role.HEAD, Role.DECIDER, Role.AUDITOR}


def cases_visible_to(user) -> QuerySet[Case]:
    qs = Case.objects.select_related("employee", "employee__unit", "assigned_to")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.role in ALL_CASES_ROLES:
        return qs
    if user.role == Role.SUPERVISOR and user.employee_id:
        return qs.filter(employee_id__in=staff_ids(user.employee))
    if user.role == Role.EMPLOYEE and user.employee_id:
        return qs.filter(employee_id=user.employee_id)
    return qs.none()


def case_get_for_user(*, user, case_id: int) -> Case:
    try:
        return cases_visible_to(user).get(pk=case_id)
    except Case.DoesNotExist:
        raise Http404 from None


def acting_role(user, case: Case) -> str | None:
    """The ladder role this user holds on this case, or None (read-only)."""
    if user.role == Role.EMPLOYEE:
        return "employee" if user.employee_id == case.employee_id else None
    if user.role == Role.SUPERVISOR:
        return (
            "supervisor"
            if user.employee_id and case.employee_id in staff_ids(user.employee)
            else None
        )
    if user.role in (Role.INSPECTOR, Role.HEAD, Role.DECIDER):
        return user.role
    return None
