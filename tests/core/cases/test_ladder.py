"""The ladder's one transition table: every transition × role × state, and its preconditions."""

from __future__ import annotations

import pytest

from pantau.core.cases.ladder import (
    EVENTS,
    NOT_CLOSED,
    PRECONDITIONS,
    PRECONDITIONS_ID,
    ROLES,
    TRANSITIONS,
    State,
    TransitionError,
    allowed,
    check,
    check_event,
    transition,
)

ALL_TRUE = dict.fromkeys(PRECONDITIONS, True)


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("t", TRANSITIONS, ids=lambda t: t.name)
def test_every_transition_role_and_state(t, role, state):
    expected = state in t.sources and role in t.roles
    assert (t in allowed(state, role)) is expected
    if expected:
        assert check(t.name, state=state, role=role, facts=ALL_TRUE) is t
        assert check(t.name, state=state.value, role=role, facts=ALL_TRUE) is t
    else:
        with pytest.raises(TransitionError) as err:
            check(t.name, state=state, role=role, facts=ALL_TRUE)
        code = "wrong_state" if state not in t.sources else "role_not_allowed"
        assert err.value.code == code
        assert err.value.transition == t.name
        assert t.name in err.value.message_en


def test_the_table_follows_design_section_4():
    def edge(name):
        t = transition(name)
        return {s.value for s in t.sources}, t.target.value, set(t.roles)

    assert edge("start_guidance") == ({"open"}, "guidance", {"inspector", "head"})
    assert edge("request_deletion_check")[:2] == ({"guidance"}, "deletion_check")
    assert edge("close_after_guidance")[:2] == ({"deletion_check"}, "closed")
    assert edge("escalate_to_summons")[0] >= {"guidance", "deletion_check"}
    assert edge("issue_second_summons")[:2] == ({"summons"}, "summons")
    assert edge("start_examination")[:2] == ({"summons"}, "examination")
    assert edge("finish_examination")[:2] == ({"examination"}, "recommendation")
    assert edge("decide_without_examination")[:2] == ({"summons"}, "recommendation")
    assert edge("recommend")[:2] == ({"recommendation"}, "decision")
    assert edge("record_decision") == ({"decision"}, "decision", {"decider"})
    assert edge("deliver_decision")[:2] == ({"decision"}, "delivered")
    assert edge("open_appeal")[:2] == ({"delivered"}, "appeal")
    assert "employee" in edge("open_appeal")[2]
    assert edge("resolve_appeal")[:2] == ({"appeal"}, "closed")
    assert edge("close_without_appeal")[:2] == ({"delivered"}, "closed")
    assert edge("dismiss_case") == ({s.value for s in NOT_CLOSED}, "closed", {"head"})
    assert {"attribution_confirmed", "head_approved"} <= set(
        transition("escalate_to_summons").preconditions
    )
    assert "bap_recorded" in transition("finish_examination").preconditions
    assert "not_involved" in transition("resolve_appeal").preconditions
    assert "decision_recorded" in transition("deliver_decision").preconditions


def test_table_integrity():
    names = [t.name for t in TRANSITIONS]
    assert len(names) == len(set(names))
    assert len({t.audit_action for t in TRANSITIONS}) == len(TRANSITIONS)
    used = {p for t in TRANSITIONS for p in t.preconditions}
    assert used == set(PRECONDITIONS) == set(PRECONDITIONS_ID)
    for t in TRANSITIONS:
        assert t.sources and set(t.roles) <= set(ROLES)
        assert t.description_id and t.description_en
        assert "auditor" not in t.roles and "admin" not in t.roles  # people act in their role
    assert allowed(State.CLOSED, "head") == []  # closed is final


def test_every_state_is_reachable_and_can_reach_closed():
    succ = {s: {t.target for t in TRANSITIONS if s in t.sources} for s in State}

    def reach(start):
        seen, todo = {start}, [start]
        while todo:
            for nxt in succ[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    assert reach(State.OPEN) == set(State)
    for s in State:
        assert State.CLOSED in reach(s)


def test_a_failed_precondition_names_itself():
    facts = ALL_TRUE | {"head_approved": False}
    with pytest.raises(TransitionError) as err:
        check("escalate_to_summons", state="deletion_check", role="inspector", facts=facts)
    e = err.value
    assert e.code == "precondition_failed"
    assert e.precondition == "head_approved" and e.failed == ("head_approved",)
    assert "head_approved" in e.message_en and "approval" in e.message_en


def test_every_failed_precondition_is_listed():
    facts = ALL_TRUE | {"attribution_confirmed": False, "exam_date_in_window": False}
    with pytest.raises(TransitionError) as err:
        check("escalate_to_summons", state="guidance", role="head", facts=facts)
    assert err.value.failed == ("attribution_confirmed", "exam_date_in_window")
    assert "hacked" in err.value.message_en
    assert "7 working days" in err.value.message_en


@pytest.mark.parametrize("t", TRANSITIONS, ids=lambda t: t.name)
def test_each_precondition_alone_blocks(t):
    state, role = next(iter(t.sources)), next(iter(t.roles))
    for p in t.preconditions:
        with pytest.raises(TransitionError) as err:
            check(t.name, state=state, role=role, facts=ALL_TRUE | {p: False})
        assert err.value.code == "precondition_failed" and err.value.precondition == p


def test_a_missing_fact_is_never_taken_as_true():
    with pytest.raises(TransitionError) as err:
        check("finish_examination", state="examination", role="inspector", facts={})
    assert err.value.code == "missing_fact" and err.value.precondition == "bap_recorded"


def test_specific_refusals_read_clearly():
    with pytest.raises(TransitionError, match="only from: guidance") as err:
        check("request_deletion_check", state="open", role="inspector", facts=ALL_TRUE)
    assert err.value.code == "wrong_state"
    with pytest.raises(TransitionError, match="'employee' may not perform 'record_decision'"):
        check("record_decision", state="decision", role="employee", facts=ALL_TRUE)
    with pytest.raises(TransitionError, match="allowed: decider"):
        check("record_decision", state="decision", role="inspector", facts=ALL_TRUE)
    with pytest.raises(TransitionError) as err:
        check("promote", state="open", role="head", facts=ALL_TRUE)
    assert err.value.code == "unknown_transition"
    with pytest.raises(TransitionError) as err:
        check("start_guidance", state="limbo", role="head", facts=ALL_TRUE)
    assert err.value.code == "unknown_state"


def test_second_summons_only_once_and_appeal_conflict():
    facts = ALL_TRUE | {"no_second_summons_yet": False}
    with pytest.raises(TransitionError, match="only one"):
        check("issue_second_summons", state="summons", role="inspector", facts=facts)
    facts = ALL_TRUE | {"not_involved": False}
    with pytest.raises(TransitionError, match="did not review the finding"):
        check("resolve_appeal", state="appeal", role="decider", facts=facts)


def test_the_whole_path_to_closed():
    path = [
        ("start_guidance", "inspector"),
        ("request_deletion_check", "inspector"),
        ("escalate_to_summons", "inspector"),
        ("issue_second_summons", "inspector"),
        ("start_examination", "supervisor"),
        ("finish_examination", "inspector"),
        ("recommend", "head"),
        ("record_decision", "decider"),
        ("deliver_decision", "inspector"),
        ("open_appeal", "employee"),
        ("resolve_appeal", "decider"),
    ]
    state = State.OPEN
    for name, role in path:
        state = check(name, state=state, role=role, facts=ALL_TRUE).target
    assert state is State.CLOSED


def test_events_are_checked_by_state_and_role():
    assert check_event("record_refusal_to_sign", state="examination", role="inspector")
    assert check_event("record_response", state="summons", role="employee")
    assert check_event("acknowledge", state="guidance", role="supervisor")
    with pytest.raises(TransitionError) as err:
        check_event("record_refusal_to_sign", state="examination", role="employee")
    assert err.value.code == "role_not_allowed"
    with pytest.raises(TransitionError) as err:
        check_event("record_bap", state="decision", role="inspector")
    assert err.value.code == "wrong_state"
    with pytest.raises(TransitionError) as err:
        check_event("dance", state="open", role="head")
    assert err.value.code == "unknown_event"
    assert all(State.CLOSED not in e.states for e in EVENTS)
    assert not {e.name for e in EVENTS} & {t.name for t in TRANSITIONS}
