"""Conflict of interest: who may not review, examine or decide, and who takes their place.

DESIGN.md §4 and issue 5 point 9: a reviewer or decider who is the employee, sits in the
employee's chain of supervisors, or is a target of the post is routed around, and the routing is
logged. A reviewer involved in a finding may not decide its appeal. When the direct superior
(atasan langsung) is involved in the violation, the next superior up takes their place on the
examination (PP 94/2021 Pasal 29 ayat (6)).

Ids are employee ids; a user with no employee record (``None``) has no personal conflict here.
Reasons are stable codes (for the audit log), explained by :data:`REASONS_EN` / :data:`REASONS_ID`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

SELF = "self"
SUPERVISOR_CHAIN = "supervisor_chain"
POST_TARGET = "post_target"
INVOLVED = "involved"

REASONS_EN = {
    SELF: "The reviewer is the employee concerned.",
    SUPERVISOR_CHAIN: "The reviewer is in the employee's chain of supervisors.",
    POST_TARGET: "The reviewer is a target of the post.",
    INVOLVED: "The person was involved in the finding (reviewed or examined it).",
}
REASONS_ID = {
    SELF: "Peninjau adalah pegawai yang bersangkutan.",
    SUPERVISOR_CHAIN: "Peninjau termasuk atasan berjenjang pegawai tersebut.",
    POST_TARGET: "Peninjau menjadi sasaran postingan.",
    INVOLVED: "Yang bersangkutan ikut menangani temuan (meninjau atau memeriksa).",
}


def reviewer_conflicts(
    *,
    reviewer_employee_id: int | None,
    subject_employee_id: int,
    supervisor_chain: Sequence[int],
    post_targets: Iterable[int],
) -> list[str]:
    """Reason codes why this person may not review/decide about the employee; empty if none.

    ``supervisor_chain`` is the employee's superiors, direct superior first.
    ``post_targets`` are the employees the post names or attacks.
    """
    if reviewer_employee_id is None:
        return []
    reasons = []
    if reviewer_employee_id == subject_employee_id:
        reasons.append(SELF)
    if reviewer_employee_id in supervisor_chain:
        reasons.append(SUPERVISOR_CHAIN)
    if reviewer_employee_id in set(post_targets):
        reasons.append(POST_TARGET)
    return reasons


def appeal_decider_conflicts(
    *, decider_employee_id: int | None, involved_employee_ids: Iterable[int]
) -> list[str]:
    """Whether the person deciding a keberatan reviewed or examined the finding (issue 5 §9)."""
    if decider_employee_id is None:
        return []
    return [INVOLVED] if decider_employee_id in set(involved_employee_ids) else []


def substitute_superior(chain: Sequence[int], involved: Iterable[int]) -> int | None:
    """The superior who examines: the direct superior, or the next one up if involved.

    PP 94/2021 Pasal 29 ayat (6). ``chain`` starts at the direct superior; the first superior
    not in ``involved`` is returned, ``None`` when every one is involved (or the chain is empty),
    in which case the PPK must appoint someone (Pasal 29 ayat (4)–(5)).
    """
    involved = set(involved)
    for superior in chain:
        if superior not in involved:
            return superior
    return None


@dataclass(frozen=True)
class Routing:
    """The outcome of routing an item around conflicts, ready for the audit log."""

    chosen: int | None
    skipped: list[tuple[int, list[str]]] = field(default_factory=list)

    @property
    def rerouted(self) -> bool:
        return bool(self.skipped)


def route_reviewer(
    candidates: Sequence[int],
    *,
    subject_employee_id: int,
    supervisor_chain: Sequence[int],
    post_targets: Iterable[int],
) -> Routing:
    """Pick the first candidate without a conflict; the skipped ones carry their reasons."""
    targets = set(post_targets)
    skipped: list[tuple[int, list[str]]] = []
    for candidate in candidates:
        reasons = reviewer_conflicts(
            reviewer_employee_id=candidate,
            subject_employee_id=subject_employee_id,
            supervisor_chain=supervisor_chain,
            post_targets=targets,
        )
        if not reasons:
            return Routing(candidate, skipped)
        skipped.append((candidate, reasons))
    return Routing(None, skipped)
