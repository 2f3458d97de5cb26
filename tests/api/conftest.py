"""Fixtures for API tests: the case fixtures, and every operation the API registers."""

from __future__ import annotations

import re

import pytest

from tests.cases import conftest as case_fixtures

make_finding = case_fixtures.make_finding
confirm_finding = case_fixtures.confirm_finding

# Operations anyone may call without logging in (the public complaint form and its lookup).
PUBLIC = {"pantau_api_v1_submit_complaint", "pantau_api_v1_complaint_follow"}
# Routes of the API namespace that are not operations: the schema, its page and the root.
NOT_OPERATIONS = {"/api/v1/openapi.json", "/api/v1/docs", "/api/v1/"}


def api_operations(client) -> list[tuple[str, str, str]]:
    """(method, path template, operation id) of every operation in the published schema."""
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    return sorted(
        (method.upper(), path, op["operationId"])
        for path, ops in paths.items()
        for method, op in ops.items()
    )


def api_routes() -> set[str]:
    """Every URL route mounted under /api/v1/, written as the schema writes paths."""
    from django.urls import get_resolver

    (resolver,) = [
        p for p in get_resolver().url_patterns if getattr(p, "namespace", "") == "api-v1"
    ]
    return {
        "/api/v1/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(p.pattern))
        for p in resolver.url_patterns
    }


@pytest.fixture
def api_objects(users, make_finding, confirm_finding):
    """A new finding (about e3), and a case (about e4, the employee user) to aim requests at."""
    from pantau.monitoring.complaints import complaint_submit

    finding = make_finding(employee_key="e3")
    case = confirm_finding(make_finding(employee_key="e4"))
    complaint = complaint_submit(
        post_url="https://x.com/budisan/status/1",
        category="abusive",
        reason="kasar sekali",
        anonymous=True,
    )
    return {"finding": finding, "case": case, "complaint": complaint}


def fill(path: str, objects: dict) -> str:
    values = {
        "finding_id": objects["finding"].pk,
        "case_id": objects["case"].pk,
        "reference": objects["complaint"].reference,
    }
    for name in re.findall(r"{(\w+)}", path):
        assert name in values, f"add a sample value for the path parameter {name} in {path}"
        path = path.replace("{" + name + "}", str(values[name]))
    return path
