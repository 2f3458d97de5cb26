"""Conflict of interest as a matrix, and the Pasal 29(6) substitute superior.

Involvement in the facts is a conflict; hierarchy alone is not (DESIGN.md §4).
"""

from __future__ import annotations

import pytest

from pantau.core.cases.conflicts import (
    DECLARED,
    INVOLVED,
    POST_TARGET,
    REASONS_EN,
    REASONS_ID,
    REPORTER,
    SELF,
    Involvement,
    actor_conflicts,
    appeal_decider_conflicts,
    route_reviewer,
    substitute_superior,
)

# Employee 4; direct superior 2, then 1, then 0 (the PPK). The post attacks employee 7,
# employee 8 reported it, 6 is 4's sister, 5 reviewed the finding.
CHAIN = [2, 1, 0]
FACTS = Involvement(
    subject=4,
    post_targets=frozenset({7}),
    reporters=frozenset({8}),
    declared=frozenset({6}),
    reviewers=frozenset({5}),
)


@pytest.mark.parametrize(
    "actor,acting,deciding,expected",
    [
        (4, "the employee", False, [SELF]),
        (7, "the target of the post", False, [POST_TARGET]),
        (8, "the reporter", False, [REPORTER]),
        (6, "a relative", False, [DECLARED]),
        (5, "the prior reviewer, on a decision", True, [INVOLVED]),
        (5, "the prior reviewer, on a later step", False, []),
        (2, "the direct superior", False, []),
        (1, "a higher superior", False, []),
        (0, "the PPK at the top of the chain, deciding", True, []),
        (9, "someone unrelated", True, []),
        (None, "a user with no staff record", True, []),
    ],
)
def test_the_conflict_matrix(actor, acting, deciding, expected):
    assert actor_conflicts(actor, FACTS, deciding=deciding) == expected, acting


def test_several_reasons_at_once_are_all_named():
    facts = Involvement(subject=4, post_targets=frozenset({2}), reporters=frozenset({2}))
    assert actor_conflicts(2, facts) == [POST_TARGET, REPORTER]


def test_every_reason_is_explained_in_both_languages():
    assert set(REASONS_EN) == set(REASONS_ID) == {SELF, POST_TARGET, REPORTER, DECLARED, INVOLVED}


def test_the_people_involved():
    assert FACTS.people() == {4, 7, 8, 6}
    assert FACTS.people(deciding=True) == {4, 7, 8, 6, 5}


def test_substitute_superior():
    assert substitute_superior(CHAIN, set()) == 2
    assert substitute_superior(CHAIN, {2}) == 1
    assert substitute_superior(CHAIN, {2, 1}) == 0
    assert substitute_superior(CHAIN, {2, 1, 0}) is None
    assert substitute_superior([], set()) is None
    # a superior involved in the facts (here: the target of the post) is stepped over
    assert (
        substitute_superior(CHAIN, Involvement(subject=4, post_targets=frozenset({2})).people())
        == 1
    )


def test_routing_skips_conflicted_reviewers_with_reasons():
    routing = route_reviewer([7, 8, 2, 11], FACTS)
    assert routing.chosen == 2  # the superior is not conflicted
    assert routing.skipped == [(7, [POST_TARGET]), (8, [REPORTER])]
    assert routing.rerouted
    direct = route_reviewer([9], FACTS)
    assert direct.chosen == 9 and not direct.rerouted
    none = route_reviewer([4, 6], FACTS)
    assert none.chosen is None and len(none.skipped) == 2
    assert route_reviewer([5, 9], FACTS, deciding=True).chosen == 9


def test_a_reviewer_of_the_finding_may_not_decide_the_appeal():
    assert appeal_decider_conflicts(decider_employee_id=5, involved_employee_ids={5, 6}) == [
        INVOLVED
    ]
    assert appeal_decider_conflicts(decider_employee_id=8, involved_employee_ids={5, 6}) == []
    assert appeal_decider_conflicts(decider_employee_id=None, involved_employee_ids={5}) == []
