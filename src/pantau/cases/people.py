"""Who is who around a case: supervisor chains, post targets, conflicts of interest.

The rule of what makes a conflict is in ``core.cases.conflicts``; this module gathers its facts
from the database: who the posts name, who reported them, recorded relatives and conflicted
parties, and who reviewed the findings.
"""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.db import models

from pantau.core.cases.conflicts import REASONS_EN, REASONS_ID, Involvement, actor_conflicts
from pantau.registry.models import Account, DeclaredConflict, Employee


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

        self._handles: dict[str, set[int]] = {}

    def read_handles(self, texts) -> None:
        """Look up the accounts mentioned in all these texts at once (one query for a page)."""
        wanted = {m.lower() for text in texts for m in _MENTION.findall(text or "")}
        wanted -= self._handles.keys()
        if not wanted:
            return
        for handle in wanted:
            self._handles[handle] = set()
        rows = Account.objects.filter(handle_key__in=wanted).values_list(
            "handle_key", "employee_id"
        )
        for handle, employee_id in rows:
            self._handles[handle].add(employee_id)

    def __call__(self, text: str) -> set[int]:
        handles = {m.lower() for m in _MENTION.findall(text or "")}
        ids = set()
        if handles:
            self.read_handles([text])
            for handle in handles:
                ids |= self._handles[handle]
        lowered = (text or "").lower()
        ids.update(employee_id for employee_id, name in self._names if name in lowered)
        ids.discard(None)
        return ids


def declared_parties(employee_id: int) -> set[int]:
    """Employees recorded as relatives of, or conflicted about, this employee (either way)."""
    pairs = DeclaredConflict.objects.filter(
        models.Q(person_id=employee_id) | models.Q(subject_id=employee_id)
    ).values_list("person_id", "subject_id")
    return {other for pair in pairs for other in pair} - {employee_id}


def _norm(text: str) -> str:
    return " ".join((text or "").casefold().split())


def complaint_reporters(posts) -> set[int]:
    """Staff members who reported these posts: by their e-mail or their full name as given."""
    from pantau.monitoring.models import Complaint

    given = list(
        Complaint.objects.filter(post__in=posts).values_list("reporter_name", "reporter_contact")
    )
    if not given:
        return set()
    names = {_norm(name) for name, _contact in given if name.strip()}
    contacts = {_norm(contact) for _name, contact in given if contact.strip()}
    User = get_user_model()
    ids: set[int] = set()
    staff = User.objects.filter(employee__isnull=False).select_related("employee")
    for user in staff:
        person = user.employee
        if _norm(user.email) in contacts or _norm(person.email) in contacts - {""}:
            ids.add(person.pk)
        elif _norm(person.name) in names or _norm(person.full_name) in names:
            ids.add(person.pk)
    return ids


def _reported_by(user, posts) -> set[int]:
    """Ids of those posts that ``user`` reported in a complaint (by e-mail or name as given)."""
    from pantau.monitoring.models import Complaint

    person = user.employee
    contacts = {_norm(c) for c in (user.email, person.email) if c and c.strip()}
    names = {_norm(person.name), _norm(person.full_name)}
    rows = Complaint.objects.filter(post__in=posts).values_list(
        "post_id", "reporter_name", "reporter_contact"
    )
    return {
        post_id
        for post_id, name, contact in rows
        if _norm(contact) in contacts or (name.strip() and _norm(name) in names)
    }


class ActorFacts:
    """What could make one person conflicted on a page of findings, read once for the page.

    Each finding's check then costs no query beyond the post-target finder's."""

    def __init__(self, user, findings) -> None:
        self.employee_id = user.employee_id
        self.targets = PostTargets()
        self.declared = declared_parties(user.employee_id) if user.employee_id else set()
        if user.employee_id:
            self.targets.read_handles(f.post.text for f in findings)
        posts = [f.post_id for f in findings]
        self.reported = _reported_by(user, posts) if user.employee_id and posts else set()

    def conflicts(self, finding) -> list[str]:
        if self.employee_id is None or finding.employee_id is None:
            return []
        me = frozenset({self.employee_id})
        facts = Involvement(
            subject=finding.employee_id,
            post_targets=frozenset(self.targets(finding.post.text)),
            reporters=me if finding.post_id in self.reported else frozenset(),
            declared=me if finding.employee_id in self.declared else frozenset(),
        )
        return actor_conflicts(self.employee_id, facts)


def reviewers_of(findings) -> set[int]:
    """Employees who decided a review of these findings."""
    from pantau.cases.models import ReviewDecision

    return set(
        ReviewDecision.objects.filter(finding__in=findings, reviewer__employee__isnull=False)
        .values_list("reviewer__employee_id", flat=True)
        .distinct()
    )


def involvement(
    subject: Employee,
    *,
    texts: list[str],
    posts=None,
    findings=None,
    targets: PostTargets | None = None,
) -> Involvement:
    """Everyone involved in the facts of an item about ``subject``."""
    finder = targets or PostTargets()
    named: set[int] = set()
    for text in texts:
        named |= finder(text)
    return Involvement(
        subject=subject.pk,
        post_targets=frozenset(named),
        reporters=frozenset(complaint_reporters(posts) if posts is not None else ()),
        declared=frozenset(declared_parties(subject.pk)),
        reviewers=frozenset(reviewers_of(findings) if findings is not None else ()),
    )


def conflicts_for(
    user,
    *,
    subject: Employee | None,
    texts: list[str],
    targets: PostTargets | None = None,
    posts=None,
    findings=None,
    deciding: bool = False,
) -> list[str]:
    """Reason codes why ``user`` may not act on this employee's item (empty if none).

    ``posts`` (for complaint reporters) and ``findings`` (for prior reviewers, with
    ``deciding``) widen the facts considered. Pass one ``targets`` finder when checking many items
    in a row."""
    if subject is None or user.employee_id is None:
        return []
    facts = involvement(subject, texts=texts, posts=posts, findings=findings, targets=targets)
    return actor_conflicts(user.employee_id, facts, deciding=deciding)


def explain(codes: list[str], language: str | None = None) -> str:
    """The reasons in words, in ``language`` (default: the active one)."""
    from django.utils import translation

    language = language or translation.get_language() or "id"
    reasons = REASONS_EN if language.startswith("en") else REASONS_ID
    return "; ".join(reasons.get(c, c) for c in codes)
