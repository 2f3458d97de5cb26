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


def post_targets(text: str) -> set[int]:
    """Employees a post names: @-mentions of their declared accounts, or their full name."""
    handles = {m.lower() for m in _MENTION.findall(text or "")}
    ids = set(Account.objects.filter(handle_key__in=handles).values_list("employee_id", flat=True))
    lowered = (text or "").lower()
    # Names of people who may act on cases (they are the ones a conflict matters for).
    User = get_user_model()
    for employee_id, name in User.objects.filter(employee__isnull=False).values_list(
        "employee_id", "employee__name"
    ):
        if name and len(name) > 5 and name.lower() in lowered:
            ids.add(employee_id)
    return ids


def conflicts_for(user, *, subject: Employee | None, texts: list[str]) -> list[str]:
    """Reason codes why ``user`` may not act on this employee's item (empty if none)."""
    if subject is None or user.employee_id is None:
        return []
    targets: set[int] = set()
    for text in texts:
        targets |= post_targets(text)
    return reviewer_conflicts(
        reviewer_employee_id=user.employee_id,
        subject_employee_id=subject.pk,
        supervisor_chain=supervisor_chain(subject),
        post_targets=targets,
    )


def explain(codes: list[str]) -> str:
    return "; ".join(REASONS_EN.get(c, c) for c in codes)
