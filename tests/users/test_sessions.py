"""Sessions end after the idle time and when the browser closes."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

START = dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.UTC)


def test_production_sessions_end_after_thirty_idle_minutes_and_at_browser_close():
    import pantau.settings

    assert pantau.settings.SESSION_COOKIE_AGE == 30 * 60
    assert pantau.settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert pantau.settings.SESSION_SAVE_EVERY_REQUEST is True
    assert pantau.settings.SESSION_COOKIE_HTTPONLY is True


def test_the_session_cookie_is_a_browser_session_cookie(client, users):
    response = client.post(reverse("login"), {"username": "head", "password": PASSWORD})
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert cookie["httponly"]


def test_an_idle_session_expires_and_needs_a_new_login(client, users):
    with time_machine.travel(START, tick=False) as clock:
        client.post(reverse("login"), {"username": "head", "password": PASSWORD})
        assert client.get(reverse("home")).status_code == 200
        clock.shift(dt.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60))
        response = client.get(reverse("audit_log"))
        assert response.status_code == 302
        assert response.url == f"{reverse('login')}?next={reverse('audit_log')}"


def test_activity_keeps_a_session_alive(client, users):
    with time_machine.travel(START, tick=False) as clock:
        client.post(reverse("login"), {"username": "head", "password": PASSWORD})
        for _ in range(3):  # 3 × 25 minutes, each well inside the idle limit
            clock.shift(dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 300))
            assert client.get(reverse("home")).status_code == 200
