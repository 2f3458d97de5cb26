"""Import of units, employees and accounts from CSV/XLSX, and export back to XLSX.

``registry_import`` validates every row first (a dry run stops there and lists every problem
with its row number, field and reason) and commits only a file without problems, in one
transaction: all rows or none. Existing records (same unit code, NIP or platform + handle) are
updated; the rest are created. Each change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pantau.audit.services import audit_changes, audit_record, snapshot
from pantau.core.handles import PLATFORMS, is_valid_handle, normalize_handle
from pantau.core.nip import NipError, clean_nip, parse_nip
from pantau.core.safe_urls import UnsafeUrl, check_web_url
from pantau.core.spreadsheet_export import Sheet, cell_text_restored, xlsx_bytes
from pantau.core.tabular import Row, TableError, read_table
from pantau.registry.models import Account, Employee, Grade, Unit
from pantau.web.url_fields import web_url_error

KINDS = ("units", "employees", "accounts")

ALIASES = {
    "units": {
        "code": "code",
        "kode": "code",
        "name": "name",
        "nama": "name",
        "nama_unit": "name",
        "kind": "kind",
        "jenis": "kind",
        "parent": "parent_code",
        "parent_code": "parent_code",
        "induk": "parent_code",
        "kode_induk": "parent_code",
    },
    "employees": {
        "nip": "nip",
        "name": "name",
        "nama": "name",
        "front_title": "front_title",
        "gelar_depan": "front_title",
        "back_title": "back_title",
        "gelar_belakang": "back_title",
        "position": "position",
        "jabatan": "position",
        "grade": "grade",
        "golongan": "grade",
        "gol": "grade",
        "unit": "unit_code",
        "unit_code": "unit_code",
        "kode_unit": "unit_code",
        "supervisor_nip": "supervisor_nip",
        "nip_atasan": "supervisor_nip",
        "atasan": "supervisor_nip",
        "email": "email",
        "e_mail": "email",
        "active": "active",
        "aktif": "active",
    },
    "accounts": {
        "nip": "nip",
        "platform": "platform",
        "handle": "handle",
        "akun": "handle",
        "username": "handle",
        "url": "url",
        "tautan": "url",
        "state": "state",
        "status": "state",
    },
}
REQUIRED = {
    "units": {"code", "name"},
    "employees": {"nip", "name", "unit_code"},
    "accounts": {"nip", "platform", "handle"},
}
NIP_REASONS = {
    "empty": gettext_lazy("NIP is empty"),
    "digits": gettext_lazy("NIP must contain only digits"),
    "length": gettext_lazy("NIP must have 18 digits"),
    "birth_date": gettext_lazy("the birth date in the NIP (digits 1-8) is not plausible"),
    "tmt": gettext_lazy("the appointment date (TMT, digits 9-14) in the NIP is not plausible"),
    "sex": gettext_lazy("the sex digit in the NIP (digit 15) must be 1 or 2"),
    "sequence": gettext_lazy("the sequence number in the NIP (digits 16-18) cannot be 000"),
}
TRUE_WORDS = {"1", "true", "ya", "yes", "aktif", "y"}
FALSE_WORDS = {"0", "false", "tidak", "no", "nonaktif", "n", "tidak aktif"}


@dataclass
class RowError:
    row: int
    field: str
    reason: str

    def as_dict(self) -> dict:
        return {"row": self.row, "field": self.field, "reason": self.reason}


@dataclass
class ImportReport:
    kind: str
    source: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    committed: bool = False
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class RegistryImportError(Exception):
    """The import cannot run at all (unreadable file); the message names the file."""


def _bool(value: str, row: Row, report: ImportReport, default: bool = True) -> bool:
    if value == "":
        return default
    low = value.lower()
    if low in TRUE_WORDS:
        return True
    if low in FALSE_WORDS:
        return False
    report.errors.append(RowError(row.number, "active", _("expected yes/no, got %s") % value))
    return default


def _validate_units(rows: list[Row], report: ImportReport) -> list[dict]:
    known = set(Unit.objects.values_list("code", flat=True))
    in_file = {r.values.get("code", "") for r in rows}
    seen: dict[str, int] = {}
    planned = []
    for row in rows:
        v = row.values
        code = v.get("code", "")
        if not code:
            report.errors.append(RowError(row.number, "code", _("missing")))
            continue
        if code in seen:
            report.errors.append(
                RowError(
                    row.number,
                    "code",
                    _("duplicate unit code %(code)s (first on row %(row)s)")
                    % {"code": code, "row": seen[code]},
                )
            )
            continue
        seen[code] = row.number
        if not v.get("name"):
            report.errors.append(RowError(row.number, "name", _("missing")))
        kind = v.get("kind") or Unit.Kind.OFFICE
        if kind not in Unit.Kind.values:
            report.errors.append(RowError(row.number, "kind", _("unknown kind %s") % kind))
        parent = v.get("parent_code", "")
        if parent == code:
            report.errors.append(
                RowError(row.number, "parent_code", _("a unit cannot be its own parent"))
            )
        elif parent and parent not in known and parent not in in_file:
            report.errors.append(RowError(row.number, "parent_code", _("unknown unit %s") % parent))
        planned.append(
            {
                "code": code,
                "name": v.get("name", ""),
                "kind": kind,
                "parent": parent,
                "row": row.number,
            }
        )
    _check_unit_cycles(planned, report)
    return planned


def _check_unit_cycles(planned: list[dict], report: ImportReport) -> None:
    """Refuse parent chains that loop back (A under B under A), counting stored units too."""
    parents = {
        code: parent or None for code, parent in Unit.objects.values_list("code", "parent__code")
    }
    parents.update({item["code"]: item["parent"] or None for item in planned})
    for item in planned:
        walk, current = {item["code"]}, parents.get(item["code"])
        while current is not None:
            if current in walk:
                if current != item["code"] or item["parent"] != item["code"]:
                    report.errors.append(
                        RowError(
                            item["row"],
                            "parent_code",
                            _("the parent chain loops back to %s") % current,
                        )
                    )
                break
            walk.add(current)
            current = parents.get(current)


def _validate_employees(rows: list[Row], report: ImportReport) -> list[dict]:
    units = set(Unit.objects.values_list("code", flat=True))
    existing = set(Employee.objects.values_list("nip", flat=True))
    file_nips = {clean_nip(r.values.get("nip", "")) for r in rows}
    seen: dict[str, int] = {}
    planned = []
    for row in rows:
        v = row.values
        nip = clean_nip(v.get("nip", ""))
        try:
            parse_nip(nip)
        except NipError as exc:
            shown = nip or "''"
            reason = f"{NIP_REASONS.get(exc.code, exc)}: {shown}"
            report.errors.append(RowError(row.number, "nip", reason))
            continue
        if nip in seen:
            report.errors.append(
                RowError(
                    row.number,
                    "nip",
                    _("duplicate NIP %(nip)s (first on row %(row)s)")
                    % {"nip": nip, "row": seen[nip]},
                )
            )
            continue
        seen[nip] = row.number
        if not v.get("name"):
            report.errors.append(RowError(row.number, "name", _("missing")))
        if v.get("unit_code", "") not in units:
            report.errors.append(
                RowError(
                    row.number, "unit_code", _("unknown unit %s") % (v.get("unit_code") or "''")
                )
            )
        grade = v.get("grade", "")
        if grade and grade not in Grade.values:
            report.errors.append(RowError(row.number, "grade", _("unknown grade %s") % grade))
        sup = clean_nip(v.get("supervisor_nip", ""))
        if sup and sup not in existing and sup not in file_nips:
            report.errors.append(
                RowError(row.number, "supervisor_nip", _("unknown supervisor NIP %s") % sup)
            )
        if sup and sup == nip:
            report.errors.append(
                RowError(row.number, "supervisor_nip", _("an employee cannot supervise themselves"))
            )
        email = v.get("email", "")
        if email and ("@" not in email or " " in email):
            report.errors.append(RowError(row.number, "email", _("not an e-mail address")))
        planned.append(
            {
                "nip": nip,
                "name": v.get("name", ""),
                "front_title": v.get("front_title", ""),
                "back_title": v.get("back_title", ""),
                "position": v.get("position", ""),
                "grade": grade,
                "unit": v.get("unit_code", ""),
                "supervisor": sup,
                "email": email,
                "active": _bool(v.get("active", ""), row, report),
            }
        )
    return planned


def _validate_accounts(rows: list[Row], report: ImportReport) -> list[dict]:
    nips = set(Employee.objects.values_list("nip", flat=True))
    seen: dict[tuple[str, str], int] = {}
    planned = []
    for row in rows:
        v = row.values
        nip = clean_nip(v.get("nip", ""))
        if nip not in nips:
            report.errors.append(
                RowError(row.number, "nip", _("unknown employee NIP %s") % (nip or "''"))
            )
        platform = v.get("platform", "").lower()
        if platform not in PLATFORMS:
            report.errors.append(
                RowError(
                    row.number,
                    "platform",
                    _("unknown platform %(p)s; use one of %(all)s")
                    % {"p": platform or "''", "all": ", ".join(PLATFORMS)},
                )
            )
        handle = v.get("handle", "")
        if not is_valid_handle(handle):
            report.errors.append(
                RowError(row.number, "handle", _("not a valid handle: %s") % (handle or "''"))
            )
            continue
        key = (platform, normalize_handle(handle))
        if key in seen:
            report.errors.append(
                RowError(
                    row.number,
                    "handle",
                    _("duplicate account %(h)s (first on row %(row)s)")
                    % {"h": handle, "row": seen[key]},
                )
            )
            continue
        seen[key] = row.number
        state = (v.get("state") or Account.State.DECLARED).lower()
        if state not in Account.State.values:
            report.errors.append(RowError(row.number, "state", _("unknown state %s") % state))
        try:
            url = check_web_url(v.get("url", ""))
        except UnsafeUrl as exc:
            url = ""
            report.errors.append(RowError(row.number, "url", web_url_error(exc)))
        planned.append(
            {
                "nip": nip,
                "platform": platform,
                "handle": handle.lstrip("@"),
                "url": url,
                "state": state,
            }
        )
    return planned


VALIDATORS = {
    "units": _validate_units,
    "employees": _validate_employees,
    "accounts": _validate_accounts,
}


def _upsert(model, lookup: dict, values: dict, actor) -> bool:
    obj = model.objects.filter(**lookup).first()
    label = model._meta.label_lower
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        audit_record(
            action=f"{label}.created", obj=obj, actor=actor, after=snapshot(obj), reason="import"
        )
        return True
    before = snapshot(obj)
    for key, value in values.items():
        setattr(obj, key, value)
    obj.save()
    b, a = audit_changes(before, snapshot(obj))
    if a:
        audit_record(
            action=f"{label}.updated", obj=obj, actor=actor, before=b, after=a, reason="import"
        )
    return False


def _commit(kind: str, planned: list[dict], report: ImportReport, actor) -> None:
    if kind == "units":
        for item in planned:
            created = _upsert(
                Unit, {"code": item["code"]}, {"name": item["name"], "kind": item["kind"]}, actor
            )
            report.created += created
            report.updated += not created
        units = {u.code: u for u in Unit.objects.all()}
        for item in planned:
            if item["parent"]:
                Unit.objects.filter(code=item["code"]).update(parent=units[item["parent"]])
    elif kind == "employees":
        units = {u.code: u for u in Unit.objects.all()}
        for item in planned:
            values = {
                k: item[k]
                for k in (
                    "name",
                    "front_title",
                    "back_title",
                    "position",
                    "grade",
                    "email",
                    "active",
                )
            }
            created = _upsert(
                Employee, {"nip": item["nip"]}, {**values, "unit": units[item["unit"]]}, actor
            )
            report.created += created
            report.updated += not created
        by_nip = dict(Employee.objects.values_list("nip", "id"))
        for item in planned:
            if item["supervisor"]:
                Employee.objects.filter(nip=item["nip"]).update(
                    supervisor_id=by_nip[item["supervisor"]]
                )
    else:
        by_nip = {e.nip: e for e in Employee.objects.all()}
        for item in planned:
            lookup = {"platform": item["platform"], "handle_key": normalize_handle(item["handle"])}
            values = {
                "employee": by_nip[item["nip"]],
                "handle": item["handle"],
                "url": item["url"],
                "state": item["state"],
            }
            created = _upsert(Account, lookup, values, actor)
            report.created += created
            report.updated += not created


def registry_import(
    *,
    kind: str,
    path: str | Path | None = None,
    data: bytes | None = None,
    name: str | None = None,
    dry_run: bool = True,
    actor=None,
) -> ImportReport:
    """Validate (and unless ``dry_run``, commit) a units, employees or accounts file."""
    if kind not in KINDS:
        raise RegistryImportError(
            _("unknown import kind %(kind)s; use one of %(all)s")
            % {"kind": kind, "all": ", ".join(KINDS)}
        )
    source = name or (Path(path).name if path else "upload")
    report = ImportReport(kind=kind, source=source)
    try:
        rows = list(
            read_table(
                path or source,
                aliases=ALIASES[kind],
                required=REQUIRED[kind],
                data=data,
                name=source,
                sheet_hint=kind,
            )
        )
    except TableError as exc:
        raise RegistryImportError(str(exc)) from None
    except OSError as exc:
        raise RegistryImportError(f"{source}: {exc.strerror}") from None
    for row in rows:  # a cell the export defused ("'=…") reads back as the text it was
        row.values = {k: cell_text_restored(v) for k, v in row.values.items()}
    report.rows = len(rows)
    if not rows:
        raise RegistryImportError(_("%s: the file has a header but no data rows") % source)
    for row in rows:
        if row.problem:
            report.errors.append(RowError(row.number, row.problem_field, row.problem))
    good = [r for r in rows if not r.problem]
    planned = VALIDATORS[kind](good, report)
    report.errors.sort(key=lambda e: (e.row, e.field))
    if dry_run or report.errors:
        return report
    with transaction.atomic():
        _commit(kind, planned, report, actor)
        audit_record(
            action=f"registry.import.{kind}",
            actor=actor,
            object_type="registry.import",
            object_id=source,
            object_repr=source,
            after={"rows": report.rows, "created": report.created, "updated": report.updated},
        )
    report.committed = True
    return report


EXPORT_COLUMNS = {
    "employees": [
        "nip",
        "nama",
        "gelar_depan",
        "gelar_belakang",
        "jabatan",
        "golongan",
        "kode_unit",
        "nip_atasan",
        "email",
        "aktif",
    ],
    "accounts": ["nip", "platform", "handle", "url", "status"],
    "units": ["kode", "nama", "jenis", "kode_induk"],
}


def registry_export_xlsx(*, employees) -> bytes:
    """Employees (a queryset the caller already filtered by visibility), their accounts and units.

    Cells go through the exports' one cell rule (`pantau.core.spreadsheet_export`); the import
    reads a defused cell back as the text it was.
    """
    employees = employees.select_related("unit", "supervisor").prefetch_related("accounts")
    accounts: list[list] = []

    def employee_rows():
        for e in employees.iterator(chunk_size=500):
            yield [
                e.nip,
                e.name,
                e.front_title,
                e.back_title,
                e.position,
                e.grade,
                e.unit.code,
                e.supervisor.nip if e.supervisor else "",
                e.email,
                "ya" if e.active else "tidak",
            ]
            accounts.extend([e.nip, a.platform, a.handle, a.url, a.state] for a in e.accounts.all())

    units = (
        [u.code, u.name, u.kind, u.parent.code if u.parent else ""]
        for u in Unit.objects.select_related("parent").order_by("code")
    )
    data, _counts = xlsx_bytes(
        [
            Sheet("employees", EXPORT_COLUMNS["employees"], employee_rows()),
            Sheet("accounts", EXPORT_COLUMNS["accounts"], accounts),
            Sheet("units", EXPORT_COLUMNS["units"], units),
        ]
    )
    return data
