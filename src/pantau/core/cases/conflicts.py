"""Conflict of interest: who may not review, examine or decide, and who takes their place.

DESIGN.md §4: a conflict of interest is involvement in the facts, never hierarchy alone. The
acting person is conflicted when they are the employee concerned, a target of the post, the
reporter of the complaint, a relative or another party recorded as conflicted about the
employee, or — for a decision — the one who reviewed the finding. Superiors and the PPK are the
people who *must* act (PP 94/2021 Pasal 26–28): being above the employee is no conflict. When the
direct superior (atasan langsung) is involved, the next superior up takes their place (Pasal 29
ayat (6)).

This is the one place the rule lives; ``cases.people`` gathers the facts from the database.
Ids are employee ids; a user with no employee record (``None``) has no personal conflict here.
Reasons are stable codes (for the audit log), explained by :data:`REASONS_EN` / :data:`REASONS_ID`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

SELF = "self"
POST_TARGET = "post_target"
REPORTER = "reporter"
DECLARED = "declared"
INVOLVED = "involved"

REASONS_EN = {
    SELF: "The person is the employee concerned.",
    POST_TARGET: "The person is a target of the post.",
    REPORTER: "The person reported the post (complaint).",
    DECLARED: "The person is a relative of the employee or recorded as having a conflict of "
    "interest about them.",
    INVOLVED: "The person reviewed or examined the finding, so may not decide on it.",
}
REASONS_ID = {
    SELF: "Yang bersangkutan adalah pegawai itu sendiri.",
    POST_TARGET: "Yang bersangkutan menjadi sasaran postingan.",
    REPORTER: "Yang bersangkutan adalah pelapor postingan (aduan).",
    DECLARED: "Yang bersangkutan adalah kerabat pegawai atau tercatat memiliki benturan "
    "kepentingan dengannya.",
    INVOLVED: "Yang bersangkutan menelaah atau memeriksa temuan, sehingga tidak boleh memutusnya.",
}


@dataclass(frozen=True)
class Involvement:
    """Who is involved in the facts of one item about an employee (employee ids)."""

    subject: int
    post_targets: frozenset[int] = frozenset()
    reporters: frozenset[int] = frozenset()
    declared: frozenset[int] = frozenset()  # relatives and recorded conflicted parties
    reviewers: frozenset[int] = frozenset()  # reviewed the findings: conflicted for a decision

    def people(self, *, deciding: bool = False) -> set[int]:
        """Everyone involved; with ``deciding``, the reviewers too."""
        out = {self.subject} | self.post_targets | self.reporters | self.declared
        return out | self.reviewers if deciding else out


def actor_conflicts(
    actor_employee_id: int | None, involvement: Involvement, *, deciding: bool = False
) -> list[str]:
    """Reason codes why this person may not act on the item; empty if none.

    ``deciding`` is true for a decision on the case (sanction, no sanction, objection): then
    having reviewed the finding is a conflict too.
    """
    if actor_employee_id is None:
        return []
    checks = [
        (SELF, {involvement.subject}),
        (POST_TARGET, involvement.post_targets),
        (REPORTER, involvement.reporters),
        (DECLARED, involvement.declared),
    ]
    if deciding:
        checks.append((INVOLVED, involvement.reviewers))
    return [code for code, ids in checks if actor_employee_id in ids]


def appeal_decider_conflicts(
    *, decider_employee_id: int | None, involved_employee_ids: Iterable[int]
) -> list[str]:
    """Whether the person deciding a keberatan reviewed or examined the finding."""
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
    candidates: Sequence[int], involvement: Involvement, *, deciding: bool = False
) -> Routing:
    """Pick the first candidate without a conflict; the skipped ones carry their reasons."""
    skipped: list[tuple[int, list[str]]] = []
    for candidate in candidates:
        reasons = actor_conflicts(candidate, involvement, deciding=deciding)
        if not reasons:
            return Routing(candidate, skipped)
        skipped.append((candidate, reasons))
    return Routing(None, skipped)
