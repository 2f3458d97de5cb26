"""Conflict of interest and the Pasal 29(6) substitute superior."""

from __future__ import annotations

from pantau.core.cases.conflicts import (
    INVOLVED,
    POST_TARGET,
    REASONS_EN,
    REASONS_ID,
    SELF,
    SUPERVISOR_CHAIN,
    appeal_decider_conflicts,
    reviewer_conflicts,
    route_reviewer,
    substitute_superior,
)

# Employee 4; direct superior 2, then 1, then 0. The post attacks employee 7.
CHAIN = [2, 1, 0]


def conflicts(reviewer, targets=frozenset({7})):
    return reviewer_conflicts(
        reviewer_employee_id=reviewer,
        subject_employee_id=4,
        supervisor_chain=CHAIN,
        post_targets=set(targets),
    )


def test_reviewer_conflicts():
    assert conflicts(4) == [SELF]
    assert conflicts(2) == [SUPERVISOR_CHAIN]
    assert conflicts(0) == [SUPERVISOR_CHAIN]
    assert conflicts(7) == [POST_TARGET]
    assert conflicts(1, targets={1}) == [SUPERVISOR_CHAIN, POST_TARGET]
    assert conflicts(9) == []
    assert conflicts(None) == []
    assert set(REASONS_EN) == set(REASONS_ID) == {SELF, SUPERVISOR_CHAIN, POST_TARGET, INVOLVED}


def test_substitute_superior():
    assert substitute_superior(CHAIN, set()) == 2
    assert substitute_superior(CHAIN, {2}) == 1
    assert substitute_superior(CHAIN, {2, 1}) == 0
    assert substitute_superior(CHAIN, {2, 1, 0}) is None
    assert substitute_superior([], set()) is None


def test_routing_skips_conflicted_reviewers_with_reasons():
    routing = route_reviewer([2, 7, 9, 11], subject_employee_id=4, supervisor_chain=CHAIN,
                             post_targets={7})  # fmt: skip
    assert routing.chosen == 9
    assert routing.skipped == [(2, [SUPERVISOR_CHAIN]), (7, [POST_TARGET])]
    assert routing.rerouted
    direct = route_reviewer([9], subject_employee_id=4, supervisor_chain=CHAIN, post_targets=set())
    assert direct.chosen == 9 and not direct.rerouted
    none = route_reviewer([4, 2], subject_employee_id=4, supervisor_chain=CHAIN, post_targets=[])
    assert none.chosen is None and len(none.skipped) == 2


def test_a_reviewer_of_the_finding_may_not_decide_the_appeal():
    assert appeal_decider_conflicts(decider_employee_id=5, involved_employee_ids={5, 6}) == [
        INVOLVED
    ]
    assert appeal_decider_conflicts(decider_employee_id=8, involved_employee_ids={5, 6}) == []
    assert appeal_decider_conflicts(decider_employee_id=None, involved_employee_ids={5}) == []
