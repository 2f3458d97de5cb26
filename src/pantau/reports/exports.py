"""CSV and XLSX exports of every list, within the user's rights, each one in the access log.

Each :class:`ListExport` names who may export it and builds its rows with the SAME selector and
filters the list page uses (``?<the list's query string>``), so an export never holds more than
the page would show. Every cell goes through the one cell rule of
`pantau.core.spreadsheet_export` (no control characters that break the file, no formulas).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.audit.models import AccessLog
from pantau.audit.services import access_record
from pantau.core.spreadsheet_export import Sheet, csv_bytes, xlsx_bytes
from pantau.reports import export_lists


@dataclass(frozen=True)
class ListExport:
    key: str  # in the URL: /laporan/ekspor/<key>.<csv|xlsx>
    stem: str  # file name: pantau-<stem>-<time>.csv
    object_type: str
    allowed: Callable[[object], bool]
    rows: Callable[[object, dict], tuple[list[str], Iterable[list]]]


def _value(value, *, for_csv: bool):
    """Yes/no in the user's language, times in local time; the cell rule does the rest."""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%Y-%m-%d %H:%M") if for_csv else value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value.isoformat() if for_csv else value
    return value


def to_csv(headers: list[str], rows: Iterable[list]) -> tuple[bytes, int]:
    return csv_bytes(headers, ([_value(v, for_csv=True) for v in row] for row in rows))


def to_xlsx(headers: list[str], rows: Iterable[list], *, title: str) -> tuple[bytes, int]:
    values = ([_value(v, for_csv=False) for v in row] for row in rows)
    data, (count,) = xlsx_bytes([Sheet(title, headers, values)])
    return data, count


LISTS: dict[str, ListExport] = {
    item.key: item
    for item in (
        ListExport("pegawai", "pegawai", "registry.employee", export_lists.employees_allowed,
                   export_lists.employee_rows),
        ListExport("unit", "unit", "registry.unit", export_lists.units_allowed,
                   export_lists.unit_rows),
        ListExport("telaah", "antrean-telaah", "monitoring.finding", export_lists.queue_allowed,
                   export_lists.queue_rows),
        ListExport("kasus", "kasus", "cases.case", export_lists.cases_allowed,
                   export_lists.case_rows),
        ListExport("pengaduan", "pengaduan", "monitoring.complaint",
                   export_lists.complaints_allowed, export_lists.complaint_rows),
        ListExport("cek-fakta", "cek-fakta", "monitoring.claimentry", export_lists.claims_allowed,
                   export_lists.claim_rows),
        ListExport("impor", "impor", "monitoring.importrun", export_lists.imports_allowed,
                   export_lists.import_rows),
        ListExport("audit", "log-audit", "audit.auditentry", export_lists.audit_allowed,
                   export_lists.audit_rows),
        ListExport("akses", "log-akses", "audit.accesslog", export_lists.audit_allowed,
                   export_lists.access_rows),
    )
}  # fmt: skip


def list_export(*, user, key: str, fmt: str, params) -> tuple[bytes, str, str]:
    """Rows of list ``key`` as ``fmt``; the caller checked ``allowed``. Records the export."""
    spec = LISTS[key]
    headers, rows = spec.rows(user, params)
    if fmt == "csv":
        data, count = to_csv(headers, rows)
        content_type = "text/csv; charset=utf-8"
    else:
        data, count = to_xlsx(headers, rows, title=spec.stem)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    name = f"pantau-{spec.stem}-{timezone.localtime():%Y%m%d-%H%M}.{fmt}"
    query = params.urlencode() if hasattr(params, "urlencode") else ""
    access_record(
        user=user,
        action=AccessLog.Action.EXPORT,
        object_type=spec.object_type,
        object_repr=f"{spec.key}.{fmt}",
        detail=f"{count} rows; {query}"[:300],
    )
    return data, name, content_type
