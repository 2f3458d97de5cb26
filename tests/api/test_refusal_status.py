"""A refusal is 403 in every language: the status follows the kind of error, not its wording.

The reviewer's language is Pantau's language cookie (the browser's Accept-Language is ignored on
purpose, see `pantau.web.middleware`); both are sent, for each language.
"""

from __future__ import annotations

import pytest

from pantau.monitoring.models import Finding
from pantau.users.services import api_token_create

pytestmark = pytest.mark.django_db

DECISION = {
    "outcome": "confirm",
    "category": "hate_speech",
    "skb_item": 2,
    "reason": "jelas",
    "version": 1,
}


def decide(client, user, finding, language: str, **changes):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    _token, key = api_token_create(user=user, name="t", scope="full")
    return client.post(
        f"/api/v1/findings/{finding.pk}/decision",
        {**DECISION, **changes},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("role", ["decider", "auditor", "admin", "supervisor", "employee"])
def test_a_role_that_does_not_review_is_refused_with_403(
    client, users, make_finding, role, language
):
    finding = make_finding(employee_key="e3")
    response = decide(client, users[role], finding, language)
    assert response.status_code == 403, response.content
    finding.refresh_from_db()
    assert finding.status == Finding.Status.NEW and finding.version == 1


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_reviewer_with_a_conflict_of_interest_is_refused_with_403(
    client, users, registry, make_finding, language
):
    inspector = users["inspector"]
    inspector.employee = registry.employees["e1"]  # Ratna, whom the post attacks by name
    inspector.save()
    finding = make_finding(employee_key="e3", text="Ratna Sari Dewi itu penipu, usir saja")
    response = decide(client, inspector, finding, language)
    assert response.status_code == 403, response.content
    finding.refresh_from_db()
    assert finding.status == Finding.Status.NEW


@pytest.mark.parametrize("language", ["id", "en"])
def test_bad_input_stays_422_and_a_stale_version_409(client, users, make_finding, language):
    finding = make_finding(employee_key="e3")
    missing = decide(client, users["inspector"], finding, language, category="")
    assert missing.status_code == 422, missing.content
    assert decide(client, users["head"], finding, language).status_code == 200
    stale = decide(client, users["inspector"], finding, language)
    assert stale.status_code == 409, stale.content
