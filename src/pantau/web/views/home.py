"""The home page: the work waiting for the signed-in person, by role, each item a link to its list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from pantau.audit.models import AuditEntry
from pantau.registry.models import Account, Employee, Unit
from pantau.registry.selectors import accounts_of, employees_visible_to
from pantau.users.roles import VIEW_ALL_EMPLOYEES, VIEW_AUDIT, Role
from pantau.web import work

WORK_BY_ROLE = {
    Role.INSPECTOR: work.inspector_work,
    Role.HEAD: work.head_work,
    Role.DECIDER: work.decider_work,
    Role.SUPERVISOR: work.supervisor_work,
}


@login_required
def home(request):
    user = request.user
    context: dict = {"role": user.role, "role_label": user.get_role_display()}
    if user.role in WORK_BY_ROLE:
        context["work"] = WORK_BY_ROLE[user.role](user)
    if user.role == Role.INSPECTOR:
        context["soon"] = work.soon_deadlines(user)
    if user.role in (Role.ADMIN, Role.HEAD):
        context["missing_holiday_year"] = work.missing_holiday_year()
    if user.role == Role.AUDITOR:
        context["chain"] = work.audit_chain_summary()
    if user.has_role_perm(VIEW_ALL_EMPLOYEES):
        context["totals"] = {
            "units": Unit.objects.filter(active=True).count(),
            "employees": Employee.objects.filter(active=True).count(),
            "accounts": Account.objects.count(),
        }
        context["account_states"] = list(
            Account.objects.values("state").annotate(n=Count("id")).order_by("state")
        )
        state_labels = dict(Account.State.choices)
        for row in context["account_states"]:
            row["label"] = state_labels.get(row["state"], row["state"])
    if user.role == Role.SUPERVISOR:
        context["staff"] = employees_visible_to(user).exclude(pk=user.employee_id)[:50]
        context["staff_cases"] = work.staff_open_cases(user)
    if user.role == Role.EMPLOYEE:
        context["my_case"] = work.employee_case(user)
    if user.employee_id:
        context["me"] = user.employee
        context["my_accounts"] = accounts_of(user.employee)
    from pantau.cases.notifications import overdue_for

    context["overdue"] = overdue_for(user)
    if user.has_role_perm(VIEW_AUDIT):
        context["recent_audit"] = AuditEntry.objects.all()[:10]
    return render(request, "web/home.html", context)
