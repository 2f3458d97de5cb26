"""A session that has not passed its second factor gets nothing from the API.

The operations are read from the published schema (and checked against the URL routes), so a new
endpoint is tried here without anyone remembering to add it. Tokens stay the way for machines.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.urls import reverse

from pantau.users.services import api_token_create
from tests.api.conftest import NOT_OPERATIONS, PUBLIC, api_operations, api_routes, fill
from tests.conftest import PASSWORD, ROLES
from tests.users.otp import give_device, token_for

pytestmark = pytest.mark.django_db

# What a client would send to each operation (an empty body for one not listed).
BODIES = {
    "pantau_api_v1_push_posts": {"posts": [{"platform": "x", "handle": "budisan", "text": "x"}]},
    "pantau_api_cases_api_decide": {
        "outcome": "confirm",
        "category": "hate_speech",
        "skb_item": 2,
        "reason": "jelas",
        "version": 1,
    },
    "pantau_api_cases_api_case_action": {"action": "start_guidance", "data": {"note": "hapus"}},
    "pantau_api_cases_api_respond": {"text": "Sudah saya hapus."},
    "pantau_api_cases_api_appeal": {"text": "Saya keberatan.", "kind": "objection"},
    "pantau_api_cases_api_self_check": {"text": "Selamat pagi semua"},
}


def call(client, method: str, path: str, operation: str, objects: dict, **headers):
    url = fill(path, objects)
    if method == "GET":
        return client.get(url, **headers)
    return client.generic(
        method,
        url,
        data=json.dumps(BODIES.get(operation, {})),
        content_type="application/json",
        **headers,
    )


def password_login(client, username: str) -> None:
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302


def assert_every_operation_refused(client, objects) -> None:
    operations = api_operations(client)
    assert operations, "the schema lists the API's operations"
    for method, path, operation in operations:
        if operation in PUBLIC:
            continue
        response = call(client, method, path, operation, objects)
        assert response.status_code in (401, 403), (method, path, response.status_code)


def test_the_schema_lists_every_api_route_and_only_the_complaint_form_is_public(client):
    operations = api_operations(client)
    assert {path for _m, path, _o in operations} == api_routes() - NOT_OPERATIONS
    schema = client.get("/api/v1/openapi.json").json()["paths"]
    public = {
        op["operationId"]
        for ops in schema.values()
        for op in ops.values()
        if not op.get("security")
    }
    assert public == PUBLIC


def test_methods_the_schema_does_not_list_are_not_served(client, users, api_objects):
    client.force_login(users["inspector"])
    listed: dict[str, set[str]] = {}
    for method, path, _operation in api_operations(client):
        listed.setdefault(path, set()).add(method)
    for path, methods in listed.items():
        for method in {"GET", "POST", "PUT", "PATCH", "DELETE"} - methods:
            response = client.generic(method, fill(path, api_objects))
            assert response.status_code == 405, (method, path, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_with_enforcement_a_password_only_session_gets_no_operation(
    client, users, api_objects, settings, role
):
    settings.PANTAU_ENFORCE_TOTP = True
    password_login(client, role)
    assert_every_operation_refused(client, api_objects)


@pytest.mark.parametrize("role", ["inspector", "employee"])
def test_without_enforcement_a_device_holder_must_still_pass_it_for_the_api(
    client, users, api_objects, settings, role
):
    settings.PANTAU_ENFORCE_TOTP = False
    give_device(users[role])
    password_login(client, role)
    assert_every_operation_refused(client, api_objects)


def test_once_the_code_is_passed_the_session_works(client, users, api_objects, settings):
    settings.PANTAU_ENFORCE_TOTP = True
    device = give_device(users["inspector"])
    with time_machine.travel(dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.UTC), tick=False):
        password_login(client, "inspector")
        assert client.get("/api/v1/cases").status_code == 401
        verified = client.post(reverse("otp_verify"), {"token": token_for(device), "next": "/"})
        assert verified.status_code == 302
        cases = client.get("/api/v1/cases")
        assert cases.status_code == 200 and [c["id"] for c in cases.json()] == [
            api_objects["case"].pk
        ]
        assert client.get("/api/v1/findings").status_code == 200


def test_a_token_still_works_beside_an_unverified_session(client, users, api_objects, settings):
    settings.PANTAU_ENFORCE_TOTP = True
    password_login(client, "inspector")
    _token, key = api_token_create(user=users["inspector"], name="collector", scope="full")
    response = client.get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200 and len(response.json()) == 1


def test_without_enforcement_or_device_a_session_still_works(client, users, api_objects, settings):
    settings.PANTAU_ENFORCE_TOTP = False
    password_login(client, "inspector")
    assert client.get("/api/v1/findings").status_code == 200
