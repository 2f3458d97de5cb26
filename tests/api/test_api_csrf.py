"""A browser session writes through the API only with its CSRF token (the schema lists the 403)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_session_post_without_the_csrf_token_is_refused_and_with_it_accepted(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["employee"])
    body = {"text": "Selamat pagi semua"}
    refused = client.post("/api/v1/self-check", body, content_type="application/json")
    assert refused.status_code == 403, refused.content
    assert "CSRF" in refused.json()["detail"]

    client.get("/")  # a page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        "/api/v1/self-check", body, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 200, accepted.content
