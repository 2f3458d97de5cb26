"""The next steps of a case: possible ones as forms, the others with what they wait for, the
same list on the case page and in the API, and refusals that say what is missing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pantau.cases.errors import CaseError
from pantau.cases.next_steps import case_next_steps
from pantau.cases.services import case_act
from pantau.users.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(make_finding, confirm_finding):
    return confirm_finding(make_finding(employee_key="e4"))


def _by_name(user, case):
    return {s.name: s for s in case_next_steps(user, case)}


def test_a_step_waiting_for_the_heads_approval_says_so(users, case):
    steps = _by_name(users["inspector"], case)
    assert steps["start_guidance"].possible
    escalate = steps["escalate_to_summons"]
    assert not escalate.possible
    assert "Menunggu persetujuan Inspektur." in escalate.waiting
    assert "Menunggu kepastian bahwa akun milik pegawai." in escalate.waiting
    assert [s.possible for s in steps.values()] == sorted(
        (s.possible for s in steps.values()), reverse=True
    )  # possible steps come first


def test_the_deletion_check_waits_for_its_date(users, case):
    case = case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])
    check = _by_name(users["inspector"], case)["request_deletion_check"]
    assert not check.possible
    day = case.deletion_due
    assert any(f"{day.day} " in w and str(day.year) in w for w in check.waiting), check.waiting


def test_the_page_offers_a_form_only_for_possible_steps(login_as, case):
    html = login_as("inspector").get(reverse("case_detail", args=[case.pk])).content.decode()
    assert 'value="start_guidance"' in html
    assert 'value="escalate_to_summons"' not in html
    assert "Menunggu persetujuan Inspektur." in html


def test_a_refusal_names_what_is_missing(users, case):
    with pytest.raises(CaseError) as error:
        case_act(case_id=case.pk, name="escalate_to_summons", actor=users["inspector"],
                 data={"summons_date": "2026-11-16", "exam_date": "2026-11-20"})  # fmt: skip
    assert "Menunggu persetujuan Inspektur." in str(error.value)
    assert "sudah dicatat" not in str(error.value)


@pytest.mark.parametrize("role", ["inspector", "head", "supervisor", "employee"])
def test_the_api_lists_the_steps_the_page_offers(client, users, case, role):
    _token, key = api_token_create(user=users[role], name="t", scope="full")
    data = client.get(f"/api/v1/cases/{case.pk}", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    possible = [s.name for s in case_next_steps(users[role], case) if s.possible]
    assert data["next_steps"] == possible
