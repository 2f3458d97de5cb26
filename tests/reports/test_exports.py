"""List exports: CSV and XLSX within the user's rights, each one recorded in the access log."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from pantau.audit.models import AccessLog

ROLES = ["admin", "inspector", "head", "decider", "supervisor", "employee", "auditor"]
ALLOWED = {
    "pegawai": {"admin", "inspector", "head", "auditor"},
    "unit": {"admin", "inspector", "head", "decider", "auditor"},
    "telaah": {"inspector", "head"},
    "kasus": {"inspector", "head", "decider", "supervisor", "employee", "auditor"},
    "pengaduan": {"admin", "inspector", "head", "auditor"},
    "cek-fakta": {"admin", "inspector", "head", "auditor"},
    "impor": {"admin", "inspector"},
    "audit": {"admin", "head", "auditor"},
    "akses": {"admin", "head", "auditor"},
}


def _rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("key", sorted(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_each_list_is_exported_only_to_the_roles_that_see_it(login_as, key, role):
    client = login_as(role)
    before = AccessLog.objects.filter(action="export").count()
    response = client.get(f"/laporan/ekspor/{key}.csv")
    expected = 200 if role in ALLOWED[key] else 403
    assert response.status_code == expected
    recorded = AccessLog.objects.filter(action="export").count() - before
    assert recorded == (1 if expected == 200 else 0)


def test_anonymous_users_are_sent_to_log_in_and_unknown_lists_do_not_exist(client, login_as):
    assert client.get("/laporan/ekspor/kasus.csv").status_code == 302
    client = login_as("inspector")
    assert client.get("/laporan/ekspor/rahasia.csv").status_code == 404
    assert client.get("/laporan/ekspor/kasus.pdf").status_code == 404


@pytest.fixture
def cases(registry, users):
    from pantau.cases.models import Case

    made = {}
    for key in ("e3", "e4", "e7", "e8"):  # e3, e4: the supervisor's staff; e7, e8: not
        made[key] = Case.objects.create(
            employee=registry.employees[key], assigned_to=users["inspector"]
        )
    made["e5"] = Case.objects.create(employee=registry.employees["e5"], state="closed")
    return made


def test_a_supervisor_s_case_export_holds_only_their_staff(login_as, registry, cases):
    response = login_as("supervisor").get("/laporan/ekspor/kasus.csv")
    nips = {row[2] for row in _rows(response)[1:]}
    staff = {registry.employees[k].nip for k in ("e3", "e4", "e5")}
    assert nips == staff
    entry = AccessLog.objects.filter(action="export").latest("id")
    assert (entry.user_repr, entry.object_type, entry.object_repr) == (
        "supervisor",
        "cases.case",
        "kasus.csv",
    )
    assert entry.detail.startswith("3 rows")


def test_the_export_applies_the_list_s_filters(login_as, registry, cases):
    rows = _rows(login_as("inspector").get("/laporan/ekspor/kasus.csv?state=closed"))
    assert [r[2] for r in rows[1:]] == [registry.employees["e5"].nip]
    rows = _rows(login_as("inspector").get("/laporan/ekspor/kasus.csv?state=open"))
    assert len(rows) == 1 + 4
    entry = AccessLog.objects.filter(action="export").latest("id")
    assert "state=open" in entry.detail


def test_an_employee_exports_only_their_own_case(login_as, registry, cases):
    rows = _rows(login_as("employee").get("/laporan/ekspor/kasus.csv"))
    assert [r[2] for r in rows[1:]] == [registry.employees["e4"].nip]


def test_xlsx_exports_open_in_a_spreadsheet(login_as, registry, cases):
    response = login_as("head").get("/laporan/ekspor/kasus.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert len(values) == 1 + 5
    assert {v[2] for v in values[1:]} == {
        registry.employees[k].nip for k in ("e3", "e4", "e5", "e7", "e8")
    }


def test_the_review_queue_export_uses_the_queue_s_filters(login_as, make_finding):
    make_finding(category="hoax", text="vaksin berisi chip")
    make_finding(category="abusive", text="dasar bodoh")
    rows = _rows(login_as("inspector").get("/laporan/ekspor/telaah.csv?category=hoax"))
    assert len(rows) == 2 and rows[1][-1] == "vaksin berisi chip"


def test_reporters_are_exported_only_to_those_who_handle_complaints(login_as, registry):
    from pantau.monitoring.models import Complaint

    Complaint.objects.create(reference="ADU-1", category="hoax", reason="r", reporter_name="Wati",
                             reporter_contact="0812")  # fmt: skip
    Complaint.objects.create(reference="ADU-2", category="hoax", reason="r", anonymous=True,
                             reporter_name="Rahasia", reporter_contact="x")  # fmt: skip
    inspector = _rows(login_as("inspector").get("/laporan/ekspor/pengaduan.csv"))
    assert "Wati" in inspector[2] or "Wati" in inspector[1]
    assert not any("Rahasia" in cell for row in inspector for cell in row)
    auditor = _rows(login_as("auditor").get("/laporan/ekspor/pengaduan.csv"))
    assert len(auditor[0]) == len(inspector[0]) - 2
    assert not any("Wati" in cell for row in auditor for cell in row)


def test_cells_that_a_spreadsheet_would_run_are_defused(login_as):
    from pantau.monitoring.models import ClaimEntry

    ClaimEntry.objects.create(claim_id="c1", text='=HYPERLINK("http://x","klik")', verdict="hoaks")
    rows = _rows(login_as("inspector").get("/laporan/ekspor/cek-fakta.csv"))
    assert rows[1][1].startswith("'=HYPERLINK")


def test_the_access_log_export_lists_the_earlier_exports(login_as, cases):
    client = login_as("auditor")
    client.get("/laporan/ekspor/kasus.csv")
    rows = _rows(client.get("/laporan/ekspor/akses.csv"))
    assert any(row[5] == "kasus.csv" for row in rows[1:])


def test_the_list_pages_link_to_their_exports_with_their_filters(rf):
    from django.template.loader import render_to_string

    request = rf.get("/kasus/", {"state": "open", "page": "2"})
    html = render_to_string("reports/_export_links.html", {"list": "kasus"}, request=request)
    assert 'href="/laporan/ekspor/kasus.csv?state=open&amp;page=2"' in html
    assert 'href="/laporan/ekspor/kasus.xlsx?state=open&amp;page=2"' in html
