"""Whose figures a user may see on dashboards and in reports, and the unit filter within that.

- Inspectors, the inspectorate head, deciders and auditors see the whole organisation (the
  roles that see every case, ``cases.selectors.ALL_CASES_ROLES``).
- A supervisor sees only their staff (``registry.selectors.staff_ids``: everyone below them in
  the supervisor chain or in the units they head), never themselves and never findings that are
  not linked to an employee.
- Employees and administrators have no dashboard: an employee's own record is on their own
  pages, and administrators configure the system but do not see cases.

A unit filter narrows the scope to that unit and its sub-units. A supervisor may only choose
units where some of their staff work; any other unit is refused as if it did not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from pantau.cases.selectors import ALL_CASES_ROLES
from pantau.registry.models import Employee, Unit
from pantau.registry.selectors import staff_ids
from pantau.users.roles import Role

WHOLE_ID = "Seluruh organisasi"


@dataclass(frozen=True)
class Scope:
    """``employee_ids`` None means everyone (also findings on unregistered accounts)."""

    employee_ids: frozenset[int] | None
    unit_ids: frozenset[int] | None = None
    unit: Unit | None = None
    full: bool = True  # the whole organisation's view (workload, unlinked findings)
    label: str = ""
    label_id: str = ""  # the same in Indonesian, for the periodic report

    def _filter(self, qs: QuerySet, path: str) -> QuerySet:
        if self.employee_ids is not None:
            qs = qs.filter(**{f"{path}_id__in": sorted(self.employee_ids)})
        if self.unit_ids is not None:
            qs = qs.filter(**{f"{path}__unit_id__in": sorted(self.unit_ids)})
        return qs

    def findings(self, qs: QuerySet) -> QuerySet:
        return self._filter(qs, "employee")

    def cases(self, qs: QuerySet) -> QuerySet:
        return self._filter(qs, "employee")

    def decisions(self, qs: QuerySet) -> QuerySet:
        return self._filter(qs, "finding__employee")

    def deadlines(self, qs: QuerySet) -> QuerySet:
        return self._filter(qs, "case__employee")

    def posts(self, qs: QuerySet) -> QuerySet:
        if self.employee_ids is None and self.unit_ids is None:
            return qs
        return self._filter(qs, "account__employee")

    @property
    def cache_key(self) -> str:
        people = (
            "all" if self.employee_ids is None else ",".join(map(str, sorted(self.employee_ids)))
        )
        units = "-" if self.unit_ids is None else ",".join(map(str, sorted(self.unit_ids)))
        return f"{people}|{units}"


def descendant_units(unit_id: int) -> frozenset[int]:
    """The unit and every unit below it (one query per level of the tree)."""
    result, frontier = {unit_id}, {unit_id}
    while frontier:
        frontier = set(Unit.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
        frontier -= result
        result |= frontier
    return frozenset(result)


def staff_of(user) -> frozenset[int]:
    """The supervisor's staff ids, computed once per request (kept on the user object)."""
    cached = getattr(user, "_pantau_staff_ids", None)
    if cached is None:
        cached = frozenset(staff_ids(user.employee)) if user.employee_id else frozenset()
        user._pantau_staff_ids = cached
    return cached


def can_see_dashboard(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.role in ALL_CASES_ROLES or (user.role == Role.SUPERVISOR and user.employee_id)


def units_for(user) -> QuerySet[Unit]:
    """The units a user may filter by."""
    if user.role in ALL_CASES_ROLES:
        return Unit.objects.order_by("name")
    if user.role == Role.SUPERVISOR and user.employee_id:
        staff_units = Employee.objects.filter(pk__in=staff_of(user)).values("unit_id")
        return Unit.objects.filter(pk__in=staff_units).order_by("name")
    return Unit.objects.none()


def scope_for(user, *, unit_code: str = "") -> Scope:
    """The scope of ``user`` narrowed to ``unit_code``; PermissionDenied / Http404 otherwise."""
    if not can_see_dashboard(user):
        raise PermissionDenied
    unit = None
    if unit_code:
        unit = units_for(user).filter(code=unit_code).first()
        if unit is None:
            raise Http404
    unit_ids = descendant_units(unit.pk) if unit else None
    if user.role in ALL_CASES_ROLES:
        label = unit.name if unit else _("Whole organisation")
        label_id = unit.name if unit else WHOLE_ID
        return Scope(None, unit_ids, unit, full=unit is None, label=label, label_id=label_id)
    staff = staff_of(user)
    label = _("Staff of %(name)s") % {"name": user.employee.full_name}
    label_id = f"Staf di bawah {user.employee.full_name}"
    if unit:
        label, label_id = f"{label} · {unit.name}", f"{label_id} · {unit.name}"
    return Scope(staff, unit_ids, unit, full=False, label=label, label_id=label_id)


def organisation_scope() -> Scope:
    """Everyone: for the command line, the public page and the model monitoring."""
    return Scope(None, None, None, full=True, label=_("Whole organisation"), label_id=WHOLE_ID)
