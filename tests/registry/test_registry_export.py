"""registry_export_xlsx: the workbook's contents and a re-import of the export."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from pantau.registry.imports import EXPORT_COLUMNS, registry_export_xlsx, registry_import
from pantau.registry.models import Account, Employee, Unit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def sheets(data: bytes) -> dict[str, list[tuple]]:
    wb = load_workbook(io.BytesIO(data), read_only=True)
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_the_export_has_employees_accounts_and_units_with_import_headers(registry):
    book = sheets(registry_export_xlsx(employees=Employee.objects.all()))
    assert list(book) == ["employees", "accounts", "units"]
    for kind, rows in book.items():
        assert list(rows[0]) == EXPORT_COLUMNS[kind]
    assert len(book["employees"]) == 1 + 10
    assert len(book["accounts"]) == 1 + 5
    assert len(book["units"]) == 1 + 4
    budi = next(r for r in book["employees"] if r[1] == "Budi Santoso")
    e3 = registry.employees["e3"]
    assert budi == (
        e3.nip, "Budi Santoso", None, "S.Kom.", "Pranata Komputer Ahli Muda", "III/c", "BIDTI",
        registry.employees["e2"].nip, e3.email, "ya",
    )  # fmt: skip
    assert ("BIDTI", "Bidang Teknologi Informasi", "bagian", "DISKOMINFO") in book["units"]


def test_the_export_contains_only_the_employees_it_is_given(registry):
    qs = Employee.objects.filter(unit__code="DINKES")
    book = sheets(registry_export_xlsx(employees=qs))
    assert sorted(r[0] for r in book["employees"][1:]) == sorted(e.nip for e in qs)
    assert [r[2] for r in book["accounts"][1:]] == ["ani.lestari.skm"]


def test_reimporting_the_export_restores_the_employees(registry):
    data = registry_export_xlsx(employees=Employee.objects.all())
    e3, e9 = registry.employees["e3"], registry.employees["e9"]
    Employee.objects.filter(pk=e3.pk).update(name="Nama Salah", grade="I/a", supervisor=None)
    Employee.objects.filter(pk=e9.pk).update(active=True)
    report = registry_import(kind="employees", data=data, name="ekspor.xlsx", dry_run=False)
    assert report.ok, report.errors
    assert (report.created, report.updated) == (0, 10)
    e3.refresh_from_db()
    e9.refresh_from_db()
    assert (e3.name, e3.grade, e3.supervisor) == ("Budi Santoso", "III/c", registry.employees["e2"])
    assert e9.active is False
    assert Employee.objects.count() == 10


def test_reimporting_the_export_restores_the_accounts(registry):
    data = registry_export_xlsx(employees=Employee.objects.all())
    Account.objects.filter(handle="budisan").update(state="declared", url="")
    report = registry_import(kind="accounts", data=data, name="ekspor.xlsx", dry_run=False)
    assert report.ok, report.errors
    assert (report.created, report.updated) == (0, 5)
    budisan = Account.objects.get(handle="budisan")
    assert (budisan.state, budisan.url) == ("verified", "https://x.com/budisan")


def test_reimporting_the_export_restores_the_units(registry):
    data = registry_export_xlsx(employees=Employee.objects.all())
    Unit.objects.filter(code="DINKES").update(name="Salah")
    report = registry_import(kind="units", data=data, name="ekspor.xlsx", dry_run=False)
    assert report.ok, report.errors
    assert Unit.objects.get(code="DINKES").name == "Dinas Kesehatan"
    assert Unit.objects.get(code="BIDTI").parent.code == "DISKOMINFO"
