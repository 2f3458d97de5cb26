"""Who is who around a case: supervisor chains, post targets, conflicts of interest."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model

from pantau.core.cases.conflicts import REASONS_EN, reviewer_conflicts
from pantau.registry.models import Account, Employee


def supervisor_chain(employee: Employee, limit: int = 20) -> list[int]:
    """Ids of the employee's superiors, direct superior first."""
    chain: list[int] = []
    current = employee.supervisor_id
    while current and current not in chain and len(chain) < limit:
        chain.append(current)
        current = (
            Employee.objects.filter(pk=current).values_list("supervisor_id", flat=True).first()
        )
    return chain


_MENTION = re.compile(r"@([\w.]{2,60})")


class PostTargets:
    """Finds the employees a post names: @-mentions of their declared accounts, or the full name
    of someone who may act on cases (they are the ones a conflict matters for).

    The names are read once, when the finder is made, so one finder serves a whole page of
    findings; make a new one per request.
    """

    def __init__(self) -> None:
        User = get_user_model()
        self._names = [
            (employee_id, name.lower())
            for employee_id, name in User.objects.filter(employee__isnull=False).values_list(
                "employee_id", "employee__name"
            )
            if name and len(name) > 5
        ]

    def __call__(self, text: str) -> set[int]:
        handles = {m.lower() for m in _MENTION.findall(text or "")}
        ids = set()
        if handles:
            ids.update(
                Account.objects.filter(handle_key__in=handles).values_list("employee_id", flat=True)
            )
        lowered = (text or "").lower()
        ids.update(employee_id for employee_id, name in self._names if name in lowered)
        ids.discard(None)
        return ids


def conflicts_for(
    user, *, subject: Employee | None, texts: list[str], targets: PostTargets | None = None
) -> list[str]:
    """Reason codes why ``user`` may not act on this employee's item (empty if none).

    Pass one ``targets`` finder when checking many items in a row."""
    if subject is None or user.employee_id is None:
        return []
    finder = targets or PostTargets()
    named: set[int] = set()
    for text in texts:
        named |= finder(text)
    return reviewer_conflicts(
        reviewer_employee_id=user.employee_id,
        subject_employee_id=subject.pk,
        supervisor_chain=supervisor_chain(subject),
        post_targets=named,
    )


def explain(codes: list[str]) -> str:
    return "; ".join(REASONS_EN.get(c, c) for c in codes)
