"""Logins, logouts, failed logins, account state changes and admin edits all reach the audit log."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.audit.services import audit_verify
from pantau.registry.models import Employee
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ADDRESS = "10.20.30.40"


def last(action: str) -> AuditEntry:
    return AuditEntry.objects.filter(action=action).order_by("-seq").first()


def test_a_login_is_audited_with_the_address(client, users):
    client.post(
        reverse("login"),
        {"username": "inspector", "password": PASSWORD},
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT="Firefox/128",
    )
    entry = last("auth.login")
    assert entry.actor == users["inspector"] and entry.actor_repr == "inspector"
    assert entry.ip_address == ADDRESS
    assert entry.user_agent == "Firefox/128"
    assert entry.after["ip"] == ADDRESS


def test_a_logout_is_audited_with_the_address(client, users):
    client.force_login(users["auditor"])
    client.post(reverse("logout"), REMOTE_ADDR=ADDRESS)
    entry = last("auth.logout")
    assert entry.actor == users["auditor"]
    assert entry.ip_address == ADDRESS


def test_a_failed_login_is_audited_with_the_name_tried_and_the_address(client, users):
    client.post(
        reverse("login"), {"username": "inspector", "password": "salah"}, REMOTE_ADDR=ADDRESS
    )
    entry = last("auth.login_failed")
    assert entry.actor is None
    assert (entry.object_type, entry.object_id) == ("users.user", "inspector")
    assert entry.ip_address == ADDRESS
    assert "salah" not in str(entry.after)  # the password tried is never stored
    assert last("auth.login") is None


def test_a_failed_login_for_an_unknown_name_is_audited_too(client, users):
    client.post(reverse("login"), {"username": "siapa", "password": "x"}, REMOTE_ADDR=ADDRESS)
    assert last("auth.login_failed").object_repr == "siapa"


def test_creating_a_user_is_audited_without_the_password_hash(users):
    entry = AuditEntry.objects.get(action="user.created", object_id=str(users["employee"].pk))
    assert entry.after["role"] == "employee"
    assert "password" not in entry.after
    assert audit_verify().ok


def test_an_account_state_change_through_the_page_is_audited_with_before_and_after(
    login_as, registry, users
):
    client = login_as("inspector")
    account = registry.accounts[0]
    url = reverse("account_state", args=[account.employee.nip, account.pk])
    client.post(url, {"state": "disputed", "note": "Akun bukan milik pegawai"}, REMOTE_ADDR=ADDRESS)
    entry = last("registry.account.state_changed")
    assert entry.actor == users["inspector"]
    assert entry.ip_address == ADDRESS
    assert entry.before["state"] == "declared" and entry.after["state"] == "disputed"
    assert entry.reason == "Akun bukan milik pegawai"


def employee_change_form(employee: Employee, **changes) -> dict:
    data = {
        "nip": employee.nip,
        "name": employee.name,
        "front_title": employee.front_title,
        "back_title": employee.back_title,
        "position": employee.position,
        "grade": employee.grade,
        "unit": employee.unit_id,
        "supervisor": employee.supervisor_id or "",
        "email": employee.email,
        "active": "on" if employee.active else "",
        "accounts-TOTAL_FORMS": "0",
        "accounts-INITIAL_FORMS": "0",
        "accounts-MIN_NUM_FORMS": "0",
        "accounts-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    data.update(changes)
    return data


def test_an_admin_edit_of_an_employee_is_audited_with_before_and_after(login_as, registry, users):
    client = login_as("admin")
    e5 = registry.employees["e5"]  # no accounts: the inline formset is empty
    url = reverse("admin:registry_employee_change", args=[e5.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        employee_change_form(e5, position="Pranata Komputer", grade="II/c"),
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    e5.refresh_from_db()
    assert (e5.position, e5.grade) == ("Pranata Komputer", "II/c")
    entry = last("registry.employee.updated")
    assert entry.actor == users["admin"]
    assert entry.reason == "admin"
    assert entry.ip_address == ADDRESS
    assert entry.before == {"position": "Operator Jaringan", "grade": "II/b"}
    assert entry.after == {"position": "Pranata Komputer", "grade": "II/c"}
    assert audit_verify().ok


def test_an_admin_edit_of_an_inline_account_is_audited(login_as, registry, users):
    client = login_as("admin")
    e4 = registry.employees["e4"]
    account = e4.accounts.get()
    url = reverse("admin:registry_employee_change", args=[e4.pk])
    assert b"accounts-TOTAL_FORMS" in client.get(url).content, "no account inline on the page"
    data = employee_change_form(e4)
    data.update(
        {
            "accounts-TOTAL_FORMS": "1",
            "accounts-INITIAL_FORMS": "1",
            "accounts-0-id": account.pk,
            "accounts-0-employee": e4.pk,
            "accounts-0-platform": "tiktok",
            "accounts-0-handle": "siti.rahma.baru",
            "accounts-0-url": "",
            "accounts-0-state": account.state,
            "accounts-0-note": "",
        }
    )
    assert client.post(url, data).status_code == 302
    entry = last("registry.account.updated")
    assert entry.before["handle"] == "siti_rahma"
    assert entry.after["handle"] == "siti.rahma.baru"


def test_an_admin_delete_is_audited(login_as, registry, users):
    client = login_as("admin")
    account = registry.accounts[-1]
    url = reverse("admin:registry_account_delete", args=[account.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    entry = last("registry.account.deleted")
    assert entry.before["handle"] == "fransiska.ndun"
    assert entry.object_id == str(account.pk)
