"""TOTP second factor: set-up, verification after login, and enforcement for staff roles."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.audit.models import AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

START = dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.UTC)


def token_for(device: TOTPDevice) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def wrong_token_for(device: TOTPDevice) -> str:
    right = int(token_for(device))
    return f"{(right + 1) % 10**device.digits:0{device.digits}d}"


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def set_up_totp(client) -> TOTPDevice:
    response = client.get(reverse("otp_setup"))
    device = TOTPDevice.objects.get(user=response.wsgi_request.user, confirmed=False)
    response = client.post(reverse("otp_setup"), {"token": token_for(device)})
    assert response.status_code == 302 and response.url == reverse("home")
    device.refresh_from_db()
    return device


def test_the_setup_page_shows_a_qr_code_and_the_key(login_as, users):
    client = login_as("inspector")
    response = client.get(reverse("otp_setup"))
    assert response.status_code == 200
    assert b"<svg" in response.content
    device = TOTPDevice.objects.get(user=users["inspector"])
    assert not device.confirmed
    assert response.context["secret"].encode() in response.content
    # Reloading the page keeps the same unconfirmed device (the QR code stays valid).
    client.get(reverse("otp_setup"))
    assert TOTPDevice.objects.filter(user=users["inspector"]).count() == 1


def test_a_correct_code_turns_the_second_factor_on(login_as, users, clock):
    client = login_as("inspector")
    device = set_up_totp(client)
    assert device.confirmed
    assert AuditEntry.objects.filter(action="user.totp_enabled", actor=users["inspector"]).exists()
    assert client.get(reverse("home")).status_code == 200  # verified in this session


def test_a_wrong_code_does_not_turn_it_on(login_as, users, clock):
    client = login_as("inspector")
    client.get(reverse("otp_setup"))
    device = TOTPDevice.objects.get(user=users["inspector"])
    response = client.post(reverse("otp_setup"), {"token": wrong_token_for(device)})
    assert response.status_code == 200 and response.context["form"].errors
    device.refresh_from_db()
    assert not device.confirmed


def test_after_setup_a_login_must_pass_the_code_page(client, users, clock):
    client.force_login(users["inspector"])
    device = set_up_totp(client)
    client.post(reverse("logout"))

    clock.shift(dt.timedelta(minutes=2))
    response = client.post(reverse("login"), {"username": "inspector", "password": PASSWORD})
    assert response.status_code == 302
    home = client.get(reverse("home"))
    assert home.status_code == 302
    assert home.url == f"{reverse('otp_verify')}?next=/"
    assert client.get(reverse("employee_list")).url.startswith(reverse("otp_verify"))

    wrong = client.post(reverse("otp_verify"), {"token": wrong_token_for(device), "next": "/"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    failed = AuditEntry.objects.get(action="auth.otp_failed")
    assert failed.actor == users["inspector"] and failed.ip_address == "127.0.0.1"
    assert client.get(reverse("home")).status_code == 302

    clock.shift(dt.timedelta(minutes=2))  # past the throttle after a failure
    right = client.post(reverse("otp_verify"), {"token": token_for(device), "next": "/"})
    assert right.status_code == 302 and right.url == "/"
    assert client.get(reverse("home")).status_code == 200
    assert AuditEntry.objects.filter(action="auth.otp_verified").count() == 1


def test_the_code_page_does_not_redirect_to_another_host(login_as, users, clock):
    client = login_as("inspector")
    device = set_up_totp(client)
    client.post(reverse("logout"))
    clock.shift(dt.timedelta(minutes=2))
    client.force_login(users["inspector"])
    response = client.post(
        reverse("otp_verify"), {"token": token_for(device), "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response.url == "/"


def test_an_employee_with_a_device_must_pass_it_too(login_as, users, clock):
    client = login_as("employee")
    set_up_totp(client)
    client.logout()
    client.force_login(users["employee"])
    assert client.get(reverse("home")).url.startswith(reverse("otp_verify"))


@pytest.mark.parametrize("role", ["admin", "inspector", "head", "decider", "auditor"])
def test_with_enforcement_a_staff_role_without_a_device_is_sent_to_setup(
    login_as, users, settings, role
):
    settings.PANTAU_ENFORCE_TOTP = True
    client = login_as(role)
    response = client.get(reverse("employee_list"))
    assert response.status_code == 302 and response.url == reverse("otp_setup")
    assert client.get(reverse("otp_setup")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302


@pytest.mark.parametrize("role", ["supervisor", "employee"])
def test_with_enforcement_supervisors_and_employees_need_no_device(login_as, settings, role):
    settings.PANTAU_ENFORCE_TOTP = True
    client = login_as(role)
    assert client.get(reverse("home")).status_code == 200


def test_without_enforcement_staff_may_work_without_a_device(login_as, settings):
    settings.PANTAU_ENFORCE_TOTP = False
    assert login_as("inspector").get(reverse("home")).status_code == 200
