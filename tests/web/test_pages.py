"""Pages: home content per role, unit tree, language switch, local static assets, import page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from pantau.registry.models import Employee
from tests.conftest import write_csv

pytestmark = pytest.mark.django_db


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# --- home -----------------------------------------------------------------------------------


def test_the_home_page_of_a_supervisor_lists_their_staff(login_as, registry, english):
    page = text(login_as("supervisor").get(reverse("home")))
    assert "My staff" in page
    for name in ("Budi Santoso", "Siti Rahmawati", "Made Wirawan"):
        assert name in page
    for name in ("Ani Lestari", "Ratna Sari Dewi", "Fransiska Ndun"):
        assert name not in page


def test_the_home_page_of_an_employee_shows_their_own_record(login_as, registry, english):
    page = text(login_as("employee").get(reverse("home")))
    assert "My record" in page and "Siti Rahmawati" in page and "@siti_rahma" in page
    assert "My staff" not in page and "Budi Santoso" not in page
    assert "Latest audit entries" not in page


@pytest.mark.parametrize("role", ["auditor", "head", "admin"])
def test_the_home_page_of_audit_readers_shows_recent_audit_entries(
    login_as, registry, english, role
):
    page = text(login_as(role).get(reverse("home")))
    assert "Latest audit entries" in page
    assert "user.created" in page
    assert reverse("audit_log") in page


@pytest.mark.parametrize("role", ["inspector", "decider"])
def test_the_home_page_of_other_staff_shows_registry_totals_without_audit(
    login_as, registry, english, role
):
    response = login_as(role).get(reverse("home"))
    assert response.context["totals"] == {"units": 4, "employees": 9, "accounts": 5}
    assert "Latest audit entries" not in text(response)


def test_the_menu_matches_the_role(login_as, registry, english):
    admin = text(login_as("admin").get(reverse("home")))
    assert reverse("registry_import") in admin and reverse("admin:index") in admin
    inspector = text(login_as("inspector").get(reverse("home")))
    assert reverse("unit_tree") in inspector
    assert reverse("registry_import") not in inspector
    assert reverse("admin:index") not in inspector
    employee = text(login_as("employee").get(reverse("home")))
    assert reverse("employee_detail", args=[registry.employees["e4"].nip]) in employee
    assert reverse("unit_tree") not in employee


# --- unit tree ------------------------------------------------------------------------------


def test_the_unit_tree_lists_parents_before_children_in_name_order(login_as, registry, english):
    page = text(login_as("inspector").get(reverse("unit_tree")))
    order = ["Dinas Kesehatan", "Sekretariat Daerah", "Dinas Komunikasi", "Bidang Teknologi"]
    positions = [page.index(name) for name in order]
    assert positions == sorted(positions)
    assert 'class="depth-2"' in page
    assert "Hendra Wijaya" in page  # the head of the secretariat


# --- language -------------------------------------------------------------------------------


def test_the_interface_is_in_indonesian_by_default(login_as, registry):
    page = text(login_as("inspector").get(reverse("home")))
    assert '<html lang="id">' in page
    assert "Log out" not in page  # translated


def test_the_language_switch_turns_the_interface_to_english(login_as, registry):
    client = login_as("inspector")
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    assert response.status_code == 302 and response.url == reverse("home")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = text(client.get(reverse("home")))
    assert '<html lang="en">' in page
    assert "Log out" in page and "Welcome" in page
    client.post(reverse("set_language"), {"language": "id", "next": reverse("home")})
    assert '<html lang="id">' in text(client.get(reverse("home")))


def test_the_login_page_can_be_switched_to_english_before_logging_in(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    page = text(client.get(reverse("login")))
    assert '<html lang="en">' in page and "Log in to Pantau" in page


def test_the_django_admin_follows_the_language_too(login_as, registry):
    client = login_as("admin")
    assert '<html lang="id"' in text(client.get(reverse("admin:index")))
    client.post(reverse("set_language"), {"language": "en", "next": "/admin/"})
    assert '<html lang="en"' in text(client.get(reverse("admin:index")))


# --- static assets --------------------------------------------------------------------------

ASSET = re.compile(r"<(?:link|script|img|source|iframe)\b[^>]*?\b(?:href|src)=\"([^\"]+)\"", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//")) and not url.startswith(
        ("http://testserver/", "https://testserver/")
    )


@pytest.mark.parametrize(
    ("role", "page"),
    [
        (None, "login"),
        (None, "password_reset"),
        ("admin", "home"),
        ("admin", "employee_list"),
        ("admin", "unit_tree"),
        ("admin", "registry_import"),
        ("admin", "audit_log"),
        ("admin", "otp_setup"),
        ("admin", "admin:index"),
        ("admin", "admin:registry_employee_changelist"),
        ("employee", "home"),
    ],
)
def test_no_page_loads_an_asset_from_another_host(login_as, registry, role, page):
    html = text(login_as(role).get(reverse(page)))
    assets = ASSET.findall(html)
    assert assets, "the page should load at least its stylesheet"
    assert [url for url in assets if external(url)] == []


def test_the_detail_page_loads_no_external_asset(login_as, registry):
    html = text(
        login_as("inspector").get(reverse("employee_detail", args=[registry.employees["e3"].nip]))
    )
    assert [url for url in ASSET.findall(html) if external(url)] == []


def test_the_stylesheet_is_served_locally_and_loads_nothing_external(client, db):
    response = client.get(settings.STATIC_URL + "pantau/pantau.css")
    assert response.status_code == 200
    css = Path(finders.find("pantau/pantau.css")).read_text(encoding="utf-8")
    assert "@import" not in css
    assert [u for u in CSS_URL.findall(css) if external(u)] == []


# --- import page ----------------------------------------------------------------------------


def upload(client, path, kind: str, action: str):
    with open(path, "rb") as fh:
        return client.post(reverse("registry_import"), {"kind": kind, "action": action, "file": fh})


def test_the_import_page_lists_bad_rows_and_imports_nothing(login_as, registry, tmp_path, english):
    path = write_csv(
        tmp_path / "pegawai.csv",
        [
            ["nip", "nama", "kode_unit"],
            ["123", "Dewi", "BIDTI"],
            ["199106012016022101", "Andi", "XX"],
        ],
    )
    count = Employee.objects.count()
    response = upload(login_as("admin"), path, "employees", "commit")
    report = response.context["report"]
    assert [(e.row, e.field) for e in report.errors] == [(2, "nip"), (3, "unit_code")]
    assert "Nothing was imported" in text(response)
    assert Employee.objects.count() == count


def test_the_import_page_checks_then_commits_a_good_file(login_as, registry, tmp_path, english):
    path = write_csv(
        tmp_path / "pegawai.csv",
        [["nip", "nama", "kode_unit"], ["199106012016022101", "Dewi Anggraini", "BIDTI"]],
    )
    client = login_as("admin")
    checked = upload(client, path, "employees", "check")
    assert "1 rows can be imported" in text(checked)
    assert not Employee.objects.filter(nip="199106012016022101").exists()
    committed = upload(client, path, "employees", "commit")
    assert committed.status_code == 302
    assert Employee.objects.get(nip="199106012016022101").name == "Dewi Anggraini"


def test_the_import_page_names_an_empty_file(login_as, registry, tmp_path, english):
    path = tmp_path / "kosong.csv"
    path.write_bytes(b"x")  # Django refuses a zero-byte upload itself; this one has no header
    response = upload(login_as("admin"), path, "units", "check")
    assert "kosong.csv" in text(response)
    assert response.context["form"].errors["file"]


# --- audit pages ----------------------------------------------------------------------------


def test_the_audit_log_page_verifies_the_chain_on_request(login_as, registry, english):
    client = login_as("auditor")
    page = text(client.get(reverse("audit_log"), {"verify": "1"}))
    assert "Chain intact" in page
    assert "user.created" in page


def test_the_audit_log_page_names_the_first_broken_entry(login_as, registry, english):
    from django.db import connection

    from pantau.audit.models import AuditEntry

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_auditentry_no_update")
        else:
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
    AuditEntry.objects.filter(seq=2).update(object_repr="diubah")
    page = text(login_as("head").get(reverse("audit_log"), {"verify": "1"}))
    assert "Chain broken at entry #2" in page


def test_the_audit_log_page_searches(login_as, registry, english):
    response = login_as("admin").get(reverse("audit_log"), {"q": "Supervisor"})
    actions = {e.object_repr for e in response.context["page"].object_list}
    assert actions == {"Supervisor"}


def test_the_access_log_page_shows_who_viewed_whom(login_as, registry):
    e3 = registry.employees["e3"]
    login_as("decider").get(reverse("employee_detail", args=[e3.nip]))
    page = text(login_as("auditor").get(reverse("access_log")))
    assert "decider" in page and e3.nip in page
