"""Free text has a limit: shown in the form, refused beyond it with an error naming the field.

A 60,000-character reply once reached the case page and broke its layout for every role. The
employee's response, the complaint form, the review decision's reason and the case-step API.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pantau.cases.models import Response, ReviewDecision
from pantau.cases.services import case_act
from pantau.core import text_limits

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PANTAU_SCAN_IN_BACKGROUND = False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def own_case(users, make_finding, confirm_finding):
    finding = make_finding(employee_key="e4")
    case = confirm_finding(finding)
    return case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])


def _textarea(html: str, name: str) -> str:
    return re.search(rf'<textarea[^>]*name="{name}"[^>]*>', html).group(0)


def test_the_response_form_shows_its_limit_and_refuses_a_longer_reply(login_as, own_case, english):
    client = login_as("employee")
    page = client.get(reverse("case_detail", args=[own_case.pk])).content.decode()
    assert f'maxlength="{text_limits.LONG}"' in _textarea(page, "text")
    assert f"At most {text_limits.LONG} characters." in page
    reply = "panjang" * 10_000  # 70,000 characters, one long word
    response = client.post(
        reverse("case_action", args=[own_case.pk]),
        {"action": "record_response", "text": reply},
        follow=True,
    )
    html = response.content.decode()
    assert "Your response (hak jawab): Ensure this value has at most 20000 characters" in html
    assert not Response.objects.exists()
    ok = client.post(
        reverse("case_action", args=[own_case.pk]),
        {"action": "record_response", "text": "x" * text_limits.LONG},
    )
    assert ok.status_code == 302 and Response.objects.get().text == "x" * text_limits.LONG


def test_the_case_step_api_refuses_an_over_long_text_naming_the_key(client, users, own_case):
    from pantau.users.services import api_token_create

    _token, key = api_token_create(user=users["employee"], name="saya", scope="full")
    response = client.post(
        f"/api/v1/cases/{own_case.pk}/actions",
        {"action": "record_response", "data": {"text": "a" * 60_000}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 422, response.content
    assert "text: at most 20000 characters (got 60000)" in response.content.decode()
    assert not Response.objects.exists()


def test_the_complaint_form_shows_its_limit_and_refuses_a_longer_reason(client, registry, english):
    page = client.get("/aduan/").content.decode()
    assert f'maxlength="{text_limits.COMPLAINT}"' in _textarea(page, "reason")
    assert f"At most {text_limits.COMPLAINT} characters." in page
    question = re.search(r"(\d) \+ (\d)", page)
    token = re.search(r'name="challenge" value="([^"]+)"', page).group(1)
    response = client.post(
        "/aduan/",
        {
            "category": "hoax",
            "reason": "r" * (text_limits.COMPLAINT + 1),
            "post_url": "https://x.com/budisan/status/1",
            "challenge": token,
            "answer": str(int(question.group(1)) + int(question.group(2))),
            "anonymous": "on",
        },
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["reason"]
    assert "at most 5000 characters" in error


def test_the_review_decision_shows_its_limit_and_refuses_a_longer_reason(
    login_as, make_finding, english
):
    finding = make_finding()
    client = login_as("inspector")
    url = reverse("finding_detail", args=[finding.pk])
    page = client.get(url).content.decode()
    assert f'maxlength="{text_limits.NOTE}"' in _textarea(page, "reason")
    assert f"At most {text_limits.NOTE} characters." in page
    response = client.post(
        url,
        {"version": finding.version, "outcome": "dismiss", "reason": "r" * (text_limits.NOTE + 1)},
    )
    assert response.status_code == 200
    assert "at most 2000 characters" in response.context["form"].errors["reason"][0]
    assert not ReviewDecision.objects.exists()
    finding.refresh_from_db()
    assert finding.status == "new"


def test_the_review_api_refuses_an_over_long_reason(client, users, make_finding):
    from pantau.users.services import api_token_create

    finding = make_finding()
    _token, key = api_token_create(user=users["inspector"], name="t", scope="full")
    response = client.post(
        f"/api/v1/findings/{finding.pk}/decision",
        {"outcome": "dismiss", "reason": "r" * (text_limits.NOTE + 1), "version": 1},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 422
    assert "reason" in response.content.decode()
    assert not ReviewDecision.objects.exists()


def test_long_words_wrap_in_the_pages_text_blocks(client):
    css = b"".join(client.get("/static/pantau/pantau.css").streaming_content).decode()
    rule = re.search(r"main p, main li[^{]*\{([^}]*)\}", css)
    assert rule and "overflow-wrap: anywhere" in rule.group(1)
