"""An attacker who knows only the password cannot remove or replace the owner's second factor.

Each test plays the attacker against the real views and database: a password-only session may
reach the code page and logout, nothing else; a device is replaced only with a code from the old
one in the same request, or by an administrator's reset, which is audited and told to the owner.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.audit.models import AuditEntry
from pantau.cases.models import Notification
from tests.conftest import PASSWORD
from tests.users.otp import give_device, token_for, wrong_token_for

pytestmark = pytest.mark.django_db

START = dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def password_login(client, username: str) -> None:
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the password is right: the log-in itself succeeds"


def confirmed(user) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.filter(user=user, confirmed=True))


@pytest.mark.parametrize("role", ["inspector", "employee"])
def test_the_password_alone_cannot_replace_the_owners_device(client, users, clock, role):
    owner = users[role]
    owners_device = give_device(owner)
    password_login(client, role)

    # The attacker opens the set-up page; whatever key it shows, they add it to their app and
    # send its code, which enrolled a new device and removed the owner's before.
    page = client.get(reverse("otp_setup"))
    attackers = TOTPDevice.objects.filter(user=owner, confirmed=False).first()
    if attackers is None:  # the page gave nothing away; try with a device key anyway
        attackers = TOTPDevice.objects.create(user=owner, name="attacker", confirmed=False)
    attempt = client.post(reverse("otp_setup"), {"token": token_for(attackers)})

    assert page.status_code == 302 and page.url.startswith(reverse("otp_verify"))
    assert attempt.status_code == 302 and attempt.url.startswith(reverse("otp_verify"))
    assert confirmed(owner) == [owners_device]
    assert not AuditEntry.objects.filter(action="user.totp_enabled").exists()
    home = client.get(reverse("home"))
    assert home.status_code == 302 and home.url.startswith(reverse("otp_verify"))


def test_the_set_up_service_refuses_a_new_device_without_the_old_code(users, clock):
    from pantau.users.services import UserError, totp_device_confirm, totp_device_start

    owner = users["inspector"]
    owners_device = give_device(owner)
    new = totp_device_start(user=owner)
    with pytest.raises(UserError):
        totp_device_confirm(user=owner, device=new, token=token_for(new))
    with pytest.raises(UserError):
        totp_device_confirm(
            user=owner, device=new, token=token_for(new), current_token=wrong_token_for(new)
        )
    assert confirmed(owner) == [owners_device]


@pytest.mark.parametrize(
    "url_name",
    [
        "home",
        "otp_setup",
        "password_change",
        "employee_list",
        "review_queue",
        "case_list",
        "notifications",
        "complaint_new",
        "self_check",
        "audit_log",
        "login",
    ],
)
def test_before_the_code_a_password_session_reaches_no_page(client, users, url_name):
    give_device(users["admin"])
    password_login(client, "admin")
    for method in (client.get, client.post):
        response = method(reverse(url_name))
        assert response.status_code == 302, (url_name, method)
        assert response.url.startswith(reverse("otp_verify")), (url_name, response.url)
    admin = client.get("/admin/auth/group/")
    assert admin.status_code == 302 and admin.url.startswith(reverse("otp_verify"))


def test_before_the_code_the_code_page_and_logout_stay_open(client, users):
    give_device(users["inspector"])
    password_login(client, "inspector")
    assert client.get(reverse("otp_verify")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_owner_replaces_the_device_only_with_a_code_from_the_old_one(
    client, users, clock, english
):
    owner = users["inspector"]
    old = give_device(owner)
    password_login(client, "inspector")
    response = client.post(reverse("otp_verify"), {"token": token_for(old), "next": "/"})
    assert response.status_code == 302 and response.url == "/"

    clock.shift(dt.timedelta(minutes=1))
    page = client.get(reverse("otp_setup"))
    assert page.status_code == 200 and "current_token" in page.context["form"].fields
    new = TOTPDevice.objects.get(user=owner, confirmed=False)

    without_old = client.post(reverse("otp_setup"), {"token": token_for(new)})
    assert without_old.status_code == 200
    assert "current_token" in without_old.context["form"].errors
    wrong_old = client.post(
        reverse("otp_setup"), {"current_token": wrong_token_for(old), "token": token_for(new)}
    )
    assert wrong_old.status_code == 200 and wrong_old.context["form"].errors
    # The wrong guess was counted (not rolled back with the refusal): the old device is
    # throttled, so even its right code is refused at once.
    throttled = client.post(
        reverse("otp_setup"), {"current_token": token_for(old), "token": token_for(new)}
    )
    assert throttled.status_code == 200 and throttled.context["form"].errors
    assert confirmed(owner) == [old]

    clock.shift(dt.timedelta(minutes=2))  # past the throttle the wrong code started
    replaced = client.post(
        reverse("otp_setup"), {"current_token": token_for(old), "token": token_for(new)}
    )
    assert replaced.status_code == 302
    assert confirmed(owner) == [TOTPDevice.objects.get(pk=new.pk)]
    assert AuditEntry.objects.filter(action="user.totp_replaced", actor=owner).count() == 1
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert client.get(reverse("home")).status_code == 200


def test_an_audited_admin_reset_removes_the_device_and_tells_the_owner(client, users, clock):
    owner = users["inspector"]
    give_device(owner)
    client.force_login(users["admin"])
    response = client.post(
        "/admin/users/user/",
        {"action": "reset_second_factor", "_selected_action": [owner.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=owner).exists()
    entry = AuditEntry.objects.get(action="user.totp_reset")
    assert entry.actor == users["admin"] and entry.object_id == str(owner.pk)
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert "diatur ulang" in mail.outbox[0].subject and "admin" in mail.outbox[0].body
    assert Notification.objects.filter(user=owner, kind="second_factor_reset").count() == 1


@pytest.mark.parametrize("role", ["inspector", "head", "auditor", "employee"])
def test_only_the_admin_resets_a_second_factor(client, users, role):
    owner = users["decider"]
    device = give_device(owner)
    client.force_login(users[role])
    client.post(
        "/admin/users/user/",
        {"action": "reset_second_factor", "_selected_action": [owner.pk]},
    )
    assert confirmed(owner) == [device]
    assert not AuditEntry.objects.filter(action="user.totp_reset").exists()
