"""Password change and password reset by e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Sambal-Matah-7788"


def test_a_user_changes_their_password(login_as, users):
    client = login_as("supervisor")
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response.url == reverse("password_change_done")
    users["supervisor"].refresh_from_db()
    assert users["supervisor"].check_password(NEW_PASSWORD)
    assert client.get(reverse("home")).status_code == 200  # still logged in


def test_a_password_change_needs_the_old_password(login_as, users):
    client = login_as("supervisor")
    response = client.post(
        reverse("password_change"),
        {"old_password": "salah", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200 and "old_password" in response.context["form"].errors
    users["supervisor"].refresh_from_db()
    assert users["supervisor"].check_password(PASSWORD)


def test_a_short_new_password_is_refused(login_as, users):
    client = login_as("supervisor")
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "pendek1", "new_password2": "pendek1"},
    )
    assert "new_password2" in response.context["form"].errors


def test_password_reset_mails_a_link_that_sets_a_new_password(client, users):
    response = client.post(reverse("password_reset"), {"email": "employee@pantau.test"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["employee@pantau.test"]
    link = re.search(r"https?://testserver(/\S+)", message.body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session-held one
    assert client.get(form_url).context["validlink"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == reverse("password_reset_complete")
    login = client.post(reverse("login"), {"username": "employee", "password": NEW_PASSWORD})
    assert login.status_code == 302 and login.url == reverse("home")


def test_a_used_reset_link_does_not_work_twice(client, users):
    client.post(reverse("password_reset"), {"email": "employee@pantau.test"})
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert client.get(link).context["validlink"] is False


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, users):
    response = client.post(reverse("password_reset"), {"email": "siapa@contoh.test"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert mail.outbox == []
