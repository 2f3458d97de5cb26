"""Permission matrix: every foundation page × every role (and anonymous) → the expected status.

A refused logged-in user gets 403; an employee that may not be seen is 404 (no existence leak);
an anonymous visitor is sent to the login page; the Django admin sends non-admins to its login.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ANON = "anonymous"
ROLES = ["admin", "inspector", "head", "decider", "supervisor", "employee", "auditor"]
VIEW_ALL = {"admin", "inspector", "head", "decider", "auditor"}
LOGIN = "login"  # 302 to /masuk/?next=...
ADMIN_LOGIN = "admin-login"  # 302 to /admin/login/?next=...


def allow(roles, ok=200, refused=403, anon=LOGIN) -> dict:
    table = {role: ok if role in roles else refused for role in ROLES}
    table[ANON] = anon
    return table


def everyone(status, anon=None) -> dict:
    return {**dict.fromkeys(ROLES, status), ANON: status if anon is None else anon}


def url_for(registry, name: str) -> str:
    e = registry.employees
    account = registry.accounts[0]  # e3's Instagram, visible to the supervisor
    return {
        "home": reverse("home"),
        "login": reverse("login"),
        "logout": reverse("logout"),
        "password_change": reverse("password_change"),
        "password_change_done": reverse("password_change_done"),
        "password_reset": reverse("password_reset"),
        "password_reset_done": reverse("password_reset_done"),
        "password_reset_confirm": reverse("password_reset_confirm", args=["MQ", "bad-token"]),
        "password_reset_complete": reverse("password_reset_complete"),
        "otp_setup": reverse("otp_setup"),
        "otp_verify": reverse("otp_verify"),
        "employee_list": reverse("employee_list"),
        "employee_export": reverse("employee_export"),
        "detail_of_supervisors_staff": reverse("employee_detail", args=[e["e3"].nip]),
        "detail_of_other_staff": reverse("employee_detail", args=[e["e7"].nip]),
        "detail_of_the_employee_user": reverse("employee_detail", args=[e["e4"].nip]),
        "detail_of_the_supervisor_user": reverse("employee_detail", args=[e["e2"].nip]),
        "detail_of_an_unknown_nip": reverse("employee_detail", args=["198503122010011004"]),
        "account_state": reverse("account_state", args=[e["e3"].nip, account.pk]),
        "unit_tree": reverse("unit_tree"),
        "registry_import": reverse("registry_import"),
        "audit_log": reverse("audit_log"),
        "audit_log_verify": reverse("audit_log") + "?verify=1",
        "access_log": reverse("access_log"),
        "admin_index": reverse("admin:index"),
        "admin_employees": reverse("admin:registry_employee_changelist"),
        "admin_users": reverse("admin:users_user_changelist"),
        "set_language": reverse("set_language"),
    }[name]


MATRIX = [
    ("GET", "home", everyone(200, anon=LOGIN)),
    ("GET", "login", everyone(302, anon=200)),
    ("GET", "logout", everyone(405)),
    ("POST", "logout", everyone(302)),
    ("GET", "password_change", everyone(200, anon=LOGIN)),
    ("GET", "password_change_done", everyone(200, anon=LOGIN)),
    ("GET", "password_reset", everyone(200)),
    ("GET", "password_reset_done", everyone(200)),
    ("GET", "password_reset_confirm", everyone(200)),
    ("GET", "password_reset_complete", everyone(200)),
    ("GET", "otp_setup", everyone(200, anon=LOGIN)),
    ("GET", "otp_verify", everyone(200, anon=LOGIN)),
    ("GET", "employee_list", {**allow(VIEW_ALL | {"supervisor"}), "employee": 302}),
    ("GET", "employee_export", allow({"admin", "inspector", "head", "auditor"})),
    ("GET", "detail_of_supervisors_staff", allow(VIEW_ALL | {"supervisor"}, refused=404)),
    ("GET", "detail_of_other_staff", allow(VIEW_ALL, refused=404)),
    ("GET", "detail_of_the_employee_user", allow(set(ROLES))),
    ("GET", "detail_of_the_supervisor_user", allow(VIEW_ALL | {"supervisor"}, refused=404)),
    ("GET", "detail_of_an_unknown_nip", allow(set(), refused=404)),
    ("POST", "account_state", allow({"admin", "inspector"}, ok=302)),
    ("GET", "account_state", everyone(405)),
    ("GET", "unit_tree", allow(VIEW_ALL)),
    ("GET", "registry_import", allow({"admin"})),
    ("POST", "registry_import", allow({"admin"})),
    ("GET", "audit_log", allow({"admin", "head", "auditor"})),
    ("GET", "audit_log_verify", allow({"admin", "head", "auditor"})),
    ("GET", "access_log", allow({"admin", "head", "auditor"})),
    ("GET", "admin_index", allow({"admin"}, refused=ADMIN_LOGIN, anon=ADMIN_LOGIN)),
    ("GET", "admin_employees", allow({"admin"}, refused=ADMIN_LOGIN, anon=ADMIN_LOGIN)),
    ("GET", "admin_users", allow({"admin"}, refused=ADMIN_LOGIN, anon=ADMIN_LOGIN)),
    ("POST", "set_language", everyone(302)),
]

CASES = [
    pytest.param(role, method, name, table[role], id=f"{name}-{method}-{role}")
    for method, name, table in MATRIX
    for role in [*ROLES, ANON]
]

POST_DATA = {
    "account_state": {"state": "verified", "note": ""},
    "set_language": {"language": "en", "next": "/"},
    "registry_import": {"kind": "employees", "action": "check"},  # no file: the form is shown
}


@pytest.mark.parametrize(("role", "method", "name", "expected"), CASES)
def test_permission_matrix(login_as, registry, role, method, name, expected):
    client = login_as(None if role == ANON else role)
    url = url_for(registry, name)
    if method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, POST_DATA.get(name, {}))
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(f"{reverse('login')}?next=")
    elif expected == ADMIN_LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(f"{reverse('admin:login')}?next=")
    else:
        assert response.status_code == expected


# --- object-level details the matrix cannot show --------------------------------------------


def test_an_employee_is_sent_from_the_list_to_their_own_record(login_as, registry):
    response = login_as("employee").get(reverse("employee_list"))
    assert response.url == reverse("employee_detail", args=[registry.employees["e4"].nip])


def test_a_supervisor_lists_only_own_staff(login_as, registry):
    response = login_as("supervisor").get(reverse("employee_list"))
    listed = {e.nip for e in response.context["page"].object_list}
    assert listed == {registry.employees[k].nip for k in ("e2", "e3", "e4", "e5")}


def test_a_supervisor_cannot_see_other_staff(login_as, registry):
    client = login_as("supervisor")
    for key in ("e0", "e1", "e6", "e7", "e8", "e9"):
        nip = registry.employees[key].nip
        assert client.get(reverse("employee_detail", args=[nip])).status_code == 404


def test_an_employee_cannot_see_a_colleague(login_as, registry):
    client = login_as("employee")
    for key in ("e2", "e3", "e5"):
        nip = registry.employees[key].nip
        assert client.get(reverse("employee_detail", args=[nip])).status_code == 404


def test_a_supervisor_cannot_change_an_account_state_of_own_staff(login_as, registry):
    account = registry.accounts[0]
    url = reverse("account_state", args=[registry.employees["e3"].nip, account.pk])
    assert login_as("supervisor").post(url, {"state": "verified"}).status_code == 403
    account.refresh_from_db()
    assert account.state == "declared"


def test_an_inspector_changes_an_account_state(login_as, registry, users):
    account = registry.accounts[0]
    nip = registry.employees["e3"].nip
    response = login_as("inspector").post(
        reverse("account_state", args=[nip, account.pk]), {"state": "verified", "note": ""}
    )
    assert response.url == reverse("employee_detail", args=[nip])
    account.refresh_from_db()
    assert (account.state, account.verified_by) == ("verified", users["inspector"])


def test_an_account_is_changed_only_under_its_own_employee(login_as, registry):
    account = registry.accounts[0]  # belongs to e3
    url = reverse("account_state", args=[registry.employees["e7"].nip, account.pk])
    assert login_as("inspector").post(url, {"state": "verified"}).status_code == 404
    account.refresh_from_db()
    assert account.state == "declared"


def test_marking_hacked_without_a_reason_changes_nothing(login_as, registry, english):
    account = registry.accounts[0]
    nip = registry.employees["e3"].nip
    client = login_as("inspector")
    response = client.post(
        reverse("account_state", args=[nip, account.pk]),
        {"state": "hacked", "note": " "},
        follow=True,
    )
    assert b"Give a reason" in response.content
    account.refresh_from_db()
    assert account.state == "declared"
