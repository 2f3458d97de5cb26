"""Use cases of the reports app: render a periodic report and record that it left the system."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from pantau.audit.models import AccessLog
from pantau.audit.services import access_record
from pantau.reports.periodic import file_name, report_build
from pantau.reports.periods import Period
from pantau.reports.scope import Scope

FORMATS = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ReportError(ValueError):
    """A report that cannot be made; the message says why."""


@dataclass(frozen=True)
class RenderedReport:
    data: bytes
    name: str
    content_type: str


def report_export(
    *, user, scope: Scope, period: Period, fmt: str, via: str = "web"
) -> RenderedReport:
    """Build, render and record (access log, action ``export``) the periodic report."""
    if fmt not in FORMATS:
        raise ReportError(_("Unknown format %(f)r: choose pdf or xlsx.") % {"f": fmt})
    report = report_build(scope, period)
    if fmt == "pdf":
        from pantau.reports.pdf import report_pdf

        data = report_pdf(report)
    else:
        from pantau.reports.xlsx import report_xlsx

        data = report_xlsx(report)
    name = file_name(period, fmt)
    access_record(
        user=user,
        action=AccessLog.Action.EXPORT,
        object_type="reports.periodic",
        object_id=period.code,
        object_repr=name,
        detail=f"{via}; {scope.label_id or scope.label}"[:300],
    )
    return RenderedReport(data, name, FORMATS[fmt])
