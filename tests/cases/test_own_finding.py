"""A staff user who is on the employee list cannot open a finding about themselves by its id.

The page, the decision form and the API answer 404 (as for any record one may not see), and the
finding is not in the user's queue; findings about others stay open to them.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from pantau.monitoring.models import Finding
from pantau.users.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_and_other(users, registry, make_finding):
    def _make(role: str):
        user = users[role]
        user.employee = registry.employees["e3"]
        user.save()
        return user, make_finding(employee_key="e3"), make_finding(employee_key="e7")

    return _make


@pytest.mark.parametrize("role", ["inspector", "head", "auditor", "admin"])
def test_the_finding_page_refuses_a_finding_about_oneself(client, own_and_other, role):
    user, own, other = own_and_other(role)
    client.force_login(user)
    assert client.get(reverse("finding_detail", args=[own.pk])).status_code == 404
    assert client.get(reverse("finding_detail", args=[other.pk])).status_code == 200


@pytest.mark.parametrize("role", ["inspector", "head"])
def test_a_reviewer_cannot_decide_a_finding_about_oneself(client, own_and_other, role):
    user, own, _other = own_and_other(role)
    client.force_login(user)
    response = client.post(
        reverse("finding_detail", args=[own.pk]),
        {"outcome": "dismiss", "reason": "bukan apa-apa", "version": own.version},
    )
    assert response.status_code == 404
    own.refresh_from_db()
    assert own.status == Finding.Status.NEW and not own.decisions.exists()
    queue = client.get(reverse("review_queue"))
    assert own not in list(queue.context["page"].object_list)


@pytest.mark.parametrize("role", ["inspector", "head", "auditor", "admin"])
def test_the_api_refuses_a_finding_about_oneself(client, own_and_other, role):
    user, own, other = own_and_other(role)
    _token, key = api_token_create(user=user, name="t", scope="full")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get(f"/api/v1/findings/{own.pk}", **auth).status_code == 404
    assert client.get(f"/api/v1/findings/{other.pk}", **auth).status_code == 200


@pytest.mark.parametrize("role", ["inspector", "head"])
def test_the_api_queue_and_decision_leave_out_a_finding_about_oneself(client, own_and_other, role):
    user, own, other = own_and_other(role)
    _token, key = api_token_create(user=user, name="t", scope="full")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    queue = client.get("/api/v1/findings", **auth)
    assert [f["id"] for f in queue.json()] == [other.pk]
    response = client.post(
        f"/api/v1/findings/{own.pk}/decision",
        {"outcome": "dismiss", "reason": "bukan apa-apa", "version": own.version},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 404
    own.refresh_from_db()
    assert own.status == Finding.Status.NEW and not own.decisions.exists()
