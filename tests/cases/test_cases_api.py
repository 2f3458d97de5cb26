"""The REST API for review and cases: same permissions as the pages, in the OpenAPI schema."""

from __future__ import annotations

import pytest

from pantau.users.services import api_token_create


def _auth(user):
    _token, key = api_token_create(user=user, name="t", scope="full")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_an_inspector_decides_through_the_api_and_a_stale_version_is_refused(
    client, users, make_finding
):
    finding = make_finding(employee_key="e4")
    headers = _auth(users["inspector"])
    queue = client.get("/api/v1/findings", **headers).json()
    assert [f["id"] for f in queue] == [finding.pk]
    assert queue[0]["evidence"][0]["text"] == "penipu"
    body = {
        "outcome": "confirm",
        "category": "hate_speech",
        "skb_item": 2,
        "reason": "jelas",
        "version": finding.version,
    }
    response = client.post(
        f"/api/v1/findings/{finding.pk}/decision", body, content_type="application/json", **headers
    )
    assert response.status_code == 200, response.content
    again = client.post(
        f"/api/v1/findings/{finding.pk}/decision",
        {**body, "outcome": "dismiss"},
        content_type="application/json",
        **_auth(users["head"]),
    )
    assert again.status_code == 409
    assert "muat ulang" in again.json()["detail"].lower()


@pytest.mark.parametrize("role", ["employee", "supervisor", "decider", "auditor", "admin"])
def test_only_reviewers_use_the_queue(client, users, make_finding, role):
    make_finding()
    assert client.get("/api/v1/findings", **_auth(users[role])).status_code == 403


def test_case_actions_check_role_and_object(client, users, make_finding, confirm_finding):
    case = confirm_finding(make_finding(employee_key="e4"))
    url = f"/api/v1/cases/{case.pk}/actions"
    ok = client.post(
        url,
        {"action": "start_guidance", "data": {"note": "hapus"}},
        content_type="application/json",
        **_auth(users["inspector"]),
    )
    assert ok.status_code == 200 and ok.json()["state"] == "guidance"
    refused = client.post(
        url,
        {"action": "dismiss_case", "data": {"reason": "x"}},
        content_type="application/json",
        **_auth(users["inspector"]),
    )
    assert refused.status_code == 403
    mine = client.get(f"/api/v1/cases/{case.pk}", **_auth(users["employee"]))
    assert mine.status_code == 200 and mine.json()["your_role"] == "employee"
    response = client.post(
        f"/api/v1/cases/{case.pk}/responses",
        {"text": "Sudah saya hapus."},
        content_type="application/json",
        **_auth(users["employee"]),
    )
    assert response.status_code == 200
    assert (
        client.get(f"/api/v1/cases/{case.pk}/pattern", **_auth(users["employee"])).status_code
        == 404
    )
    assert (
        client.get(f"/api/v1/cases/{case.pk}/pattern", **_auth(users["inspector"])).status_code
        == 200
    )


def test_the_schema_documents_the_case_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/findings",
        "/api/v1/findings/{finding_id}/decision",
        "/api/v1/cases/{case_id}/actions",
        "/api/v1/cases/{case_id}/appeals",
        "/api/v1/self-check",
    ):
        assert path in paths
