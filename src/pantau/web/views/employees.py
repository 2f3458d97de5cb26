"""Employee list (search, filters, export) and employee detail with accounts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pantau.audit.models import AccessLog
from pantau.audit.services import access_record
from pantau.registry.forms import AccountStateForm, EmployeeFilterForm
from pantau.registry.imports import registry_export_xlsx
from pantau.registry.models import Account
from pantau.registry.selectors import accounts_of, employee_get_for_user, employee_search
from pantau.registry.services import RegistryError, account_set_state
from pantau.users.roles import EXPORT_REGISTRY, VERIFY_ACCOUNTS, Role


def _filtered(request):
    form = EmployeeFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, employee_search(user=request.user, **{k: v or "" for k, v in filters.items()})


@login_required
def employee_list(request):
    if request.user.role == Role.EMPLOYEE:
        if request.user.employee_id is None:
            raise PermissionDenied
        return redirect("employee_detail", nip=request.user.employee.nip)
    form, qs = _filtered(request)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registry/employee_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_export": request.user.has_role_perm(EXPORT_REGISTRY),
        },
    )


@login_required
def employee_export(request):
    if not request.user.has_role_perm(EXPORT_REGISTRY):
        raise PermissionDenied
    _, qs = _filtered(request)
    data = registry_export_xlsx(employees=qs)
    access_record(
        user=request.user,
        action=AccessLog.Action.EXPORT,
        object_type="registry.employee",
        object_repr="employees.xlsx",
        detail=request.GET.urlencode()[:300],
    )
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="pantau-pegawai-{stamp}.xlsx"'
    return response


@login_required
def employee_detail(request, nip: str):
    employee = employee_get_for_user(user=request.user, nip=nip)
    access_record(user=request.user, obj=employee)
    can_verify = request.user.has_role_perm(VERIFY_ACCOUNTS)
    return render(
        request,
        "registry/employee_detail.html",
        {
            "employee": employee,
            "accounts": accounts_of(employee),
            "direct_reports": employee.direct_reports.filter(active=True)
            if can_verify or request.user.employee_id == employee.pk
            else [],
            "can_verify": can_verify,
            "state_form": AccountStateForm(),
        },
    )


@require_POST
@login_required
def account_state(request, nip: str, account_id: int):
    if not request.user.has_role_perm(VERIFY_ACCOUNTS):
        raise PermissionDenied
    employee = employee_get_for_user(user=request.user, nip=nip)
    account = get_object_or_404(Account, pk=account_id, employee=employee)
    form = AccountStateForm(request.POST)
    if form.is_valid():
        try:
            account_set_state(account=account, actor=request.user, **form.cleaned_data)
            messages.success(request, str(account) + " ✓")
        except RegistryError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("employee_detail", nip=nip)
