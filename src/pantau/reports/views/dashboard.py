"""The dashboard page and the periodic report download, within the user's scope."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pantau.reports.dashboard import build_dashboard
from pantau.reports.forms import DashboardFilterForm, ReportForm
from pantau.reports.models import DriftAlert
from pantau.reports.scope import can_see_dashboard, scope_for, units_for
from pantau.reports.services import ReportError, report_export
from pantau.users.roles import Role

ALERT_ROLES = (Role.INSPECTOR, Role.HEAD, Role.ADMIN)
MONITOR_ROLES = (Role.INSPECTOR, Role.HEAD, Role.ADMIN, Role.AUDITOR)


@login_required
def dashboard(request):
    if not can_see_dashboard(request.user):
        raise PermissionDenied
    form = DashboardFilterForm(request.GET or None, units=units_for(request.user))
    period = form.chosen_period()
    scope = scope_for(request.user, unit_code=request.GET.get("unit", ""))
    board = build_dashboard(scope, period)
    alerts = []
    if request.user.role in ALERT_ROLES:
        alerts = list(DriftAlert.objects.filter(acknowledged_at__isnull=True))
    return render(
        request,
        "reports/dashboard.html",
        {
            "form": form,
            "board": board,
            "alerts": alerts,
            "can_monitor": request.user.role in MONITOR_ROLES,
        },
    )


@login_required
def periodic_report(request):
    if not can_see_dashboard(request.user):
        raise PermissionDenied
    units = units_for(request.user)
    today = timezone.localdate()
    initial = {"period": f"{today.year}-{today.month:02d}", "format": "pdf"}
    form = ReportForm(request.GET or None, units=units, initial=initial)
    if form.is_bound and form.is_valid():
        scope = scope_for(request.user, unit_code=form.cleaned_data["unit"])
        try:
            rendered = report_export(
                user=request.user,
                scope=scope,
                period=form.cleaned_data["period"],
                fmt=form.cleaned_data["format"],
            )
        except ReportError as exc:
            messages.error(request, str(exc))
        else:
            response = HttpResponse(rendered.data, content_type=rendered.content_type)
            response["Content-Disposition"] = f'attachment; filename="{rendered.name}"'
            return response
    return render(request, "reports/report_form.html", {"form": form})
