"""Schemathesis against the published API schema: every operation, every check, every scope.

The schema is read from the Django app itself (`/api/v1/openapi.json`, called in-process through
WSGI), requests are generated from it and sent to the same app with real tokens made in the test
database: none, then one of each scope (`push`, `read`, `full`), and a `full` one of an
employee. Every built-in check runs on every response: no server error, no status code the schema does not list, responses shaped as
documented, a request the schema calls valid never rejected (a 422 is for invalid input only),
an invalid one never accepted, authentication never ignored. Any finding fails the test.

Examples per operation are few and derandomized, so CI sees the same requests on every run.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, assume, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from pantau.users.services import api_token_create

pytestmark = pytest.mark.django_db

# No token, then one token of each scope (an inspector's, who may call most operations), and a
# full token of the employee the sample case is about (responses and appeals are theirs).
SCOPES = ["none", "push", "read", "full", "full-employee"]


@pytest.fixture
def api_state(users, api_objects, settings):
    """Users, a finding, a case and a complaint; rate limits raised so the checks see the work.

    Requests reach the WSGI app directly, not through Django's test client, so the end of each
    request would close the database connection, and with it the test's transaction (on
    PostgreSQL). As Django's test client does, the connection is kept for the test's duration.
    """
    settings.PANTAU_API_RATE_PER_MINUTE = 100_000
    settings.PANTAU_COMPLAINT_RATE_PER_HOUR = 100_000
    settings.PANTAU_SCAN_IN_BACKGROUND = False
    cache.clear()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield api_objects
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def auth_headers(users, scope) -> dict[str, str]:
    """The Authorization header for this run: none, or a real token of the scope."""
    if scope == "none":
        return {}
    scope, _, role = scope.partition("-")
    user = users[role or "inspector"]
    _token, key = api_token_create(user=user, name=f"fuzz-{scope}", scope=scope)
    return {"Authorization": f"Bearer {key}"}


# Read from the app in-process: the schema the server publishes, not a copy of it.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.mark.parametrize("scope", SCOPES)
@schema.parametrize()
@settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, scope, api_state, auth_headers):
    if case.operation.label in REFUSES_NUL:
        # These endpoints refuse a NUL character in any string with a 422 naming the field
        # (issue 12, item 7; tests/monitoring/test_hostile_requests.py). JSON Schema has no plain
        # way to say so that generators honour, so generated bodies with a NUL are left out here.
        assume(not has_nul(case.body))
    excluded = []
    if case.operation.label == "POST /api/v1/complaints":
        # Schemathesis 4.32 sends a `format: binary` multipart property as a plain form field,
        # not a file part, so a generated "screenshot, no link" complaint reaches the server
        # without a screenshot and is rightly refused. Every other check still runs here; the
        # link-or-screenshot rule is checked with a real file by the test below.
        excluded = [positive_data_acceptance]
    case.call_and_validate(headers=auth_headers, excluded_checks=excluded)


REFUSES_NUL = {"POST /api/v1/posts", "POST /api/v1/complaints"}


def has_nul(value) -> bool:
    """Whether a NUL character is anywhere in a generated body (keys, texts, nested)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(has_nul(v) for v in value)
    return False


def png(size: int = 400) -> bytes:
    """A plain PNG image large enough to pass the screenshot checks."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (size, size), "white").save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"post_url": "https://x.com/budisan/status/9"}, 201),
        ({"screenshot": "file"}, 201),
        ({}, 422),
    ],
)
def test_a_complaint_needs_a_link_or_a_screenshot_as_its_schema_says(
    client, api_state, fields, status
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"category": "abusive", "reason": "kasar sekali", "anonymous": "true"}
    if "post_url" in fields:
        data["post_url"] = fields["post_url"]
    if "screenshot" in fields:
        data["screenshot"] = SimpleUploadedFile("bukti.png", png(), content_type="image/png")
    response = client.post("/api/v1/complaints", data)
    assert response.status_code == status, response.content
    assert set(response.json()) == (
        {"reference", "status", "received_at"} if status == 201 else {"detail"}
    )
