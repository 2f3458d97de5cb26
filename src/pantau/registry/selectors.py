"""Reads of the registry that apply visibility rules: who may see which employee.

Roles with ``registry.view_all`` see everyone. A supervisor sees their own record, everyone
below them in the supervisor chain and everyone in the units (and sub-units) they head. An
employee sees only their own record.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from pantau.registry.models import Account, Employee, Unit
from pantau.users.roles import VIEW_ALL_EMPLOYEES, Role


def _descendant_units(unit_ids: set[int]) -> set[int]:
    result = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        frontier = set(Unit.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
        frontier -= result
        result |= frontier
    return result


def staff_ids(employee: Employee) -> set[int]:
    """Ids of everyone the employee supervises, directly or through others, or heads by unit."""
    result: set[int] = set()
    frontier = {employee.pk}
    while frontier:
        frontier = set(
            Employee.objects.filter(supervisor_id__in=frontier).values_list("id", flat=True)
        )
        frontier -= result | {employee.pk}
        result |= frontier
    headed = set(employee.headed_units.values_list("id", flat=True))
    if headed:
        units = _descendant_units(headed)
        result |= set(Employee.objects.filter(unit_id__in=units).values_list("id", flat=True))
    result.discard(employee.pk)
    return result


def employees_visible_to(user) -> QuerySet[Employee]:
    qs = Employee.objects.select_related("unit", "supervisor")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.has_role_perm(VIEW_ALL_EMPLOYEES):
        return qs
    if user.employee_id is None:
        return qs.none()
    if user.role == Role.SUPERVISOR:
        return qs.filter(Q(pk=user.employee_id) | Q(pk__in=staff_ids(user.employee)))
    return qs.filter(pk=user.employee_id)


def employee_get_for_user(*, user, nip: str) -> Employee:
    """The employee with this NIP if the user may see it; 404 otherwise (no existence leak)."""
    try:
        return employees_visible_to(user).get(nip=nip)
    except Employee.DoesNotExist:
        raise Http404 from None


def employee_search(
    *,
    user,
    q: str = "",
    unit: str = "",
    grade: str = "",
    active: str = "",
    platform: str = "",
    account_state: str = "",
) -> QuerySet[Employee]:
    qs = employees_visible_to(user)
    if q:
        qs = qs.filter(
            Q(name__icontains=q)
            | Q(nip__startswith=q.replace(" ", ""))
            | Q(position__icontains=q)
            | Q(accounts__handle_key__icontains=q.lstrip("@").lower())
        )
    if unit:
        qs = qs.filter(unit__code=unit)
    if grade:
        qs = qs.filter(grade=grade)
    if active in {"1", "0"}:
        qs = qs.filter(active=active == "1")
    if platform:
        qs = qs.filter(accounts__platform=platform)
    if account_state:
        qs = qs.filter(accounts__state=account_state)
    return qs.annotate(account_count=Count("accounts", distinct=True)).distinct().order_by("name")


def accounts_of(employee: Employee) -> QuerySet[Account]:
    return employee.accounts.select_related("verified_by").order_by("platform", "handle")


def unit_tree() -> list[tuple[Unit, int, int]]:
    """Units in tree order as (unit, depth, active employee count)."""
    units = list(
        Unit.objects.select_related("head").annotate(
            staff=Count("employees", filter=Q(employees__active=True))
        )
    )
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    out: list[tuple[Unit, int, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in sorted(children.get(parent_id, []), key=lambda u: u.name):
            out.append((unit, depth, unit.staff))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return out
