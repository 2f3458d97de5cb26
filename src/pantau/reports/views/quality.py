"""Model monitoring: precision per category and model version, drift status and alerts."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.reports.forms import AcknowledgeForm, WindowForm
from pantau.reports.labels import CATEGORIES
from pantau.reports.models import DriftAlert
from pantau.reports.quality import drift_acknowledge, drift_check, drift_status, precision_table
from pantau.users.permissions import roles_required
from pantau.users.roles import Role

VIEWERS = (Role.INSPECTOR, Role.HEAD, Role.ADMIN, Role.AUDITOR)
ACKNOWLEDGERS = (Role.INSPECTOR, Role.HEAD, Role.ADMIN)


def _label(category: str) -> str:
    return str(CATEGORIES.get(category, category)) if category else _("All categories")


@roles_required(*VIEWERS)
def model_monitoring(request):
    form = WindowForm(request.GET or None)
    days = form.cleaned_data.get("days") if form.is_valid() else None
    days = 90 if days is None else days
    since = timezone.now() - dt.timedelta(days=days) if days else None
    drift_check()  # raises (stores, audits) any alert not yet raised; cheap: one GROUP BY
    table = precision_table(since=since)
    for row in [*table["versions"], *table["categories"], table["overall"]]:
        row["label"] = _label(row["category"])
    status = [(_label(drift.category), drift) for drift in drift_status()]
    alerts = DriftAlert.objects.select_related("acknowledged_by")[:50]
    return render(
        request,
        "reports/model_monitoring.html",
        {
            "form": form,
            "days": days,
            "table": table,
            "status": status,
            "alerts": alerts,
            "can_acknowledge": request.user.role in ACKNOWLEDGERS,
            "ack_form": AcknowledgeForm(),
        },
    )


@require_POST
@roles_required(*ACKNOWLEDGERS)
def alert_acknowledge(request, alert_id: int):
    alert = get_object_or_404(DriftAlert, pk=alert_id)
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        drift_acknowledge(alert_id=alert.pk, user=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("The alert is acknowledged."))
    else:
        messages.error(request, _("Say what was found and done before acknowledging."))
    return redirect("reports:model_monitoring")
