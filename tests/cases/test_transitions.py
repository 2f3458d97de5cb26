"""Every ladder transition and event, allowed and refused, for every role in every state.

For each transition of `core.cases.ladder.TRANSITIONS` the case is put in each state through the
ORM and every role tries it through `case_act`: outside the transition's source states the
answer is ``wrong_state``; inside them a role not in the table gets ``role_not_allowed``; a role
with no part in the case (admin, auditor) gets ``no_role``; the right role passes the role check
(it may still meet a precondition that is not yet true). A refusal changes nothing.
"""

from __future__ import annotations

import pytest
from django.db.models import F
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.cases.errors import CaseError
from pantau.cases.models import Case, CaseStep
from pantau.cases.services import case_act
from pantau.core.cases import ladder
from pantau.core.cases.ladder import State

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

ROLES = ["admin", "inspector", "head", "decider", "supervisor", "employee", "auditor"]
NO_PART = {"admin", "auditor"}  # no ladder role on any case
PAST_THE_ROLE_CHECK = {"precondition_failed", "bad_input"}  # refused later, for what is missing
# The least input an action needs to be attempted at all (the rest may be missing).
DATA = {"record_recommendation": {"provisions": [["3b", "instansi"]]}}


@pytest.fixture
def case(users, registry):
    """A case of the employee user (e4), whose direct superior is the supervisor user (e2)."""
    return Case.objects.create(employee=registry.employees["e4"], opened_by=users["inspector"])


def expected(sources, roles, state: State, role: str) -> str:
    if role in NO_PART:
        return "no_role"
    if state not in sources:
        return "wrong_state"
    if role not in roles:
        return "role_not_allowed"
    return "passes"


def attempt(case, name: str, state: State, user) -> str:
    Case.objects.filter(pk=case.pk).update(state=state.value, version=F("version") + 1)
    steps, audits = CaseStep.objects.count(), AuditEntry.objects.count()
    try:
        after = case_act(case_id=case.pk, name=name, actor=user, data=DATA.get(name, {}))
    except CaseError as exc:
        assert Case.objects.get(pk=case.pk).state == state.value
        assert (CaseStep.objects.count(), AuditEntry.objects.count()) == (steps, audits)
        return "passes" if exc.code in PAST_THE_ROLE_CHECK else exc.code
    assert CaseStep.objects.filter(case=case, name=name, from_state=state.value).exists()
    assert after.state in {s.value for s in State}
    return "passes"


@pytest.mark.parametrize("step", ladder.TRANSITIONS, ids=lambda t: t.name)
def test_each_transition_is_allowed_and_refused_per_role_and_state(users, case, step):
    wrong = []
    for state in State:
        for role in ROLES:
            want = expected(step.sources, step.roles, state, role)
            got = attempt(case, step.name, state, users[role])
            if got != want:
                wrong.append(f"{state.value}/{role}: {got}, expected {want}")
    assert wrong == []


@pytest.mark.parametrize("event", ladder.EVENTS, ids=lambda e: e.name)
def test_each_event_is_recorded_only_by_its_roles_in_its_states(users, case, event):
    wrong = []
    for state in State:
        for role in ROLES:
            want = expected(event.states, event.roles, state, role)
            got = attempt(case, event.name, state, users[role])
            if got != want:
                wrong.append(f"{state.value}/{role}: {got}, expected {want}")
    assert wrong == []


def test_the_right_role_moves_the_case_when_the_preconditions_hold(users, case, make_finding):
    finding = make_finding(employee_key="e4")
    finding.status = "confirmed"
    finding.save()
    case.findings.add(finding)
    moved = case_act(case_id=case.pk, name="start_guidance", actor=users["head"], data={})
    assert moved.state == "guidance" and moved.guidance_at is not None
    step = CaseStep.objects.get(name="start_guidance")
    assert (step.from_state, step.to_state, step.actor) == ("open", "guidance", users["head"])
    entry = AuditEntry.objects.get(action="case.start_guidance")
    assert entry.before["state"] == "open" and entry.after["state"] == "guidance"
    assert entry.actor == users["head"]


def test_a_refusal_gives_the_reason_in_plain_words(users, case):
    with pytest.raises(CaseError) as error:
        case_act(case_id=case.pk, name="record_decision", actor=users["inspector"], data={})
    assert error.value.code == "wrong_state"
    assert str(error.value) == "This is not possible at the case's current step."
    Case.objects.filter(pk=case.pk).update(state="decision")
    with pytest.raises(CaseError) as error:
        case_act(case_id=case.pk, name="record_decision", actor=users["inspector"], data={})
    assert str(error.value) == "Your role may not do this at this step."
    with pytest.raises(CaseError) as error:
        case_act(case_id=case.pk, name="record_decision", actor=users["auditor"], data={})
    assert (error.value.code, str(error.value)) == ("no_role", "You have no role in this case.")


def test_a_stale_version_is_refused(users, case):
    with pytest.raises(CaseError) as error:
        case_act(
            case_id=case.pk,
            name="confirm_attribution",
            actor=users["inspector"],
            expected_version=case.version - 1,
        )
    assert error.value.code == "stale"
    assert Case.objects.get(pk=case.pk).attribution_confirmed_at is None


def test_a_supervisor_of_other_staff_has_no_role_in_the_case(users, registry):
    other = Case.objects.create(employee=registry.employees["e7"])  # DINKES, not e2's staff
    with pytest.raises(CaseError) as error:
        case_act(case_id=other.pk, name="acknowledge", actor=users["supervisor"])
    assert error.value.code == "no_role"


def test_a_refused_action_on_the_case_page_shows_the_message(login_as, case, english):
    response = login_as("decider").post(
        reverse("case_action", args=[case.pk]), {"action": "start_guidance"}, follow=True
    )
    assert "Your role may not do this at this step." in response.content.decode()
    assert Case.objects.get(pk=case.pk).state == "open"


def test_recording_a_recommendation_without_a_provision_is_refused_with_a_message(
    login_as, case, english
):
    Case.objects.filter(pk=case.pk).update(state="recommendation")
    response = login_as("inspector").post(
        reverse("case_action", args=[case.pk]),
        {"action": "record_recommendation", "note": "lihat BAP"},
        follow=True,
    )
    assert response.status_code == 200
    assert Case.objects.get(pk=case.pk).recommendation is None
