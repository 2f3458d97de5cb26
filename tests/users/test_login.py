"""Logging in and out, lockout after repeated failures, passwords hashed with argon2."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username: str, password: str, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def is_logged_in(client) -> bool:
    return client.get(reverse("home")).status_code == 200


def test_production_settings_hash_passwords_with_argon2(users):
    import pantau.settings

    assert pantau.settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=pantau.settings.PASSWORD_HASHERS):
        user = users["inspector"]
        user.set_password(PASSWORD)
        assert user.password.startswith("argon2$argon2id$")
        assert user.check_password(PASSWORD)


def test_production_settings_require_a_long_uncommon_password():
    import pantau.settings

    names = [v["NAME"].rsplit(".", 1)[1] for v in pantau.settings.AUTH_PASSWORD_VALIDATORS]
    assert "MinimumLengthValidator" in names and "CommonPasswordValidator" in names


def test_a_user_logs_in_with_the_right_password(client, users):
    response = login(client, "inspector", PASSWORD)
    assert response.status_code == 302 and response.url == reverse("home")
    assert is_logged_in(client)


def test_a_wrong_password_shows_the_form_again(client, users):
    response = login(client, "inspector", "salah-sandi")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not is_logged_in(client)


def test_the_login_page_redirects_a_logged_in_user_home(client, users):
    client.force_login(users["auditor"])
    assert client.get(reverse("login")).url == reverse("home")


def test_logout_is_a_post_and_ends_the_session(client, users):
    login(client, "inspector", PASSWORD)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert not is_logged_in(client)


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, users):
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5  # PANTAU_LOGIN_FAILURE_LIMIT's default
    for _ in range(limit - 1):
        assert login(client, "inspector", "salah-sandi").status_code == 200
    locked = login(client, "inspector", "salah-sandi")
    assert locked.status_code == 429
    assert "users/locked_out.html" in [t.name for t in locked.templates]
    response = login(client, "inspector", PASSWORD)
    assert response.status_code == 429
    assert "users/locked_out.html" in [t.name for t in response.templates]
    assert not is_logged_in(client)


def test_the_locked_out_page_explains_itself(client, english, users):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "inspector", "salah-sandi")
    response = login(client, "inspector", PASSWORD)
    assert b"Too many failed log-ins" in response.content


def test_a_lockout_is_per_user_name(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "inspector", "salah-sandi")
    assert login(client, "auditor", PASSWORD).status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "inspector", "salah-sandi")
    assert login(client, "inspector", PASSWORD).status_code == 302
