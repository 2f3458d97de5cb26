"""user_create and `pantau createuser`."""

from __future__ import annotations

import io

import pytest

from pantau.audit.models import AuditEntry
from pantau.cli import main
from pantau.users.models import User
from pantau.users.roles import PERMISSIONS, STAFF_ROLES, Role
from pantau.users.services import UserError, user_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

GOOD_PASSWORD = "Es-Teh-Manis-2025"


def test_every_role_of_the_design_exists_with_its_permissions():
    assert set(Role.values) == {
        "admin", "inspector", "head", "decider", "supervisor", "employee", "auditor"
    }  # fmt: skip
    assert set(PERMISSIONS) == set(Role.values)
    assert PERMISSIONS[Role.EMPLOYEE] == frozenset() == PERMISSIONS[Role.SUPERVISOR]
    assert Role.SUPERVISOR not in STAFF_ROLES and Role.EMPLOYEE not in STAFF_ROLES


def test_an_admin_user_may_use_the_django_admin_and_others_may_not(users):
    assert users["admin"].is_staff and users["admin"].is_superuser
    for role in ("inspector", "head", "decider", "supervisor", "employee", "auditor"):
        assert not users[role].is_staff and not users[role].is_superuser


def test_user_create_audits_the_creation(registry, users):
    user = user_create(
        username="pemeriksa2", password=GOOD_PASSWORD, role="inspector", actor=users["admin"]
    )
    entry = AuditEntry.objects.get(action="user.created", object_id=str(user.pk))
    assert entry.actor == users["admin"]
    assert entry.after["role"] == "inspector"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "boss"}, "Unknown role boss"),
        ({"role": "supervisor"}, "must be linked to an employee"),
        ({"role": "employee"}, "must be linked to an employee"),
        ({"role": "inspector", "username": "ADMIN"}, "already taken"),
        ({"role": "inspector", "password": "pendek"}, "too short"),
        ({"role": "inspector", "password": "1234567890123"}, "entirely numeric"),
    ],
)
def test_user_create_refuses_bad_requests(users, kwargs, message):
    values = {"username": "baru", "password": GOOD_PASSWORD, **kwargs}
    with pytest.raises(UserError, match=message):
        user_create(**values)
    assert not User.objects.filter(username="baru").exists()


def run_createuser(monkeypatch, args: list[str], password: str = GOOD_PASSWORD) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main(["createuser", *args])


def test_createuser_reads_the_password_from_stdin(monkeypatch, capsys, db):
    assert run_createuser(monkeypatch, ["--role", "auditor", "--username", "bpk"]) == 0
    assert capsys.readouterr().out.strip() == "created auditor user bpk"
    user = User.objects.get(username="bpk")
    assert user.role == "auditor" and user.check_password(GOOD_PASSWORD)


def test_createuser_links_a_supervisor_to_an_employee_by_nip(monkeypatch, registry, db):
    nip = registry.employees["e1"].nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    args = ["--role", "supervisor", "--username", "ratna", "--employee", spaced]
    assert run_createuser(monkeypatch, args) == 0
    assert User.objects.get(username="ratna").employee == registry.employees["e1"]


def one_line_error(capsys) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert captured.err.count("\n") == 1, captured.err
    return captured.err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["createuser", "--username", "x"], "--role"),
        (["createuser", "--role", "boss", "--username", "x"], "invalid choice"),
        (["createuser", "--role"], "--role"),
        (["registry", "import", "people", "x.csv"], "invalid choice"),
        (["registry"], "ACTION"),
        (["audit", "check"], "invalid choice"),
        (["frobnicate"], "unknown command 'frobnicate'"),
        (["--no-such-flag"], "unrecognized arguments"),
    ],
)
def test_wrong_arguments_give_one_line_and_exit_2(capsys, db, args, fragment):
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    assert fragment in one_line_error(capsys)


def test_createuser_with_an_unknown_employee_is_one_line(monkeypatch, capsys, db):
    args = ["--role", "employee", "--username", "x", "--employee", "198503122010011004"]
    assert run_createuser(monkeypatch, args) == 2
    assert "no employee with NIP 198503122010011004" in one_line_error(capsys)


def test_createuser_with_a_weak_password_is_one_line(monkeypatch, capsys, db):
    assert run_createuser(monkeypatch, ["--role", "head", "--username", "x"], "pendek") == 2
    assert "too short" in one_line_error(capsys)
    assert not User.objects.filter(username="x").exists()


def test_createuser_for_a_taken_name_is_one_line(monkeypatch, capsys, users):
    assert run_createuser(monkeypatch, ["--role", "head", "--username", "head"]) == 2
    assert "already taken" in one_line_error(capsys)


def test_help_is_available_for_every_command(capsys):
    for args in (["--help"], ["createuser", "--help"], ["registry", "import", "--help"],
                 ["audit", "verify", "--help"]):  # fmt: skip
        with pytest.raises(SystemExit) as exc:
            main(args)
        assert exc.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_pantau_token_prints_a_key_that_pushes(users, client, capsys):
    from pantau.cli import main

    assert main(["token", "--user", "inspector", "--name", "collector"]) == 0
    key = capsys.readouterr().out.strip().splitlines()[-1]
    assert key.startswith("pt_")
    response = client.post(
        "/api/v1/posts",
        {"posts": [{"platform": "x", "handle": "nobody", "text": "halo"}]},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 200


def test_pantau_token_refuses_an_unknown_user_in_one_line(db, capsys):
    from pantau.cli import main

    assert main(["token", "--user", "nobody", "--name", "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no active user 'nobody'" in err
