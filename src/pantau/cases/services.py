"""Moving a case along the ladder: one entry point for transitions, one for in-state events.

``case_act`` checks the actor's role on this case, evaluates the preconditions, refuses with the
ladder's reason, applies the action's own changes, and writes the step and the audit entry in
the same transaction; notifications go out after commit.

Two people acting on the same case at once: the case row is locked (``SELECT … FOR UPDATE`` on
PostgreSQL; SQLite runs one writing transaction at a time) before anything is checked, and the
version the actor saw (``expected_version``, or the version committed when the call began) must
still be the case's version once the lock is held. The write itself is a conditional UPDATE of
the changed fields only (``… WHERE id = ? AND version = ?``). Whoever comes second gets
:class:`~pantau.cases.errors.CaseConflict` and nothing of theirs is stored: no step, no audit
entry. A database that stays busy past its lock timeout is reported the same way.
"""

from __future__ import annotations

import copy

from django.db import OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.audit.services import audit_record
from pantau.cases import actions
from pantau.cases.errors import CaseConflict, CaseError, database_busy
from pantau.cases.facts import facts_for
from pantau.cases.models import Case, CaseStep
from pantau.cases.selectors import acting_role
from pantau.core.cases import ladder
from pantau.core.cases.ladder import State, TransitionError


def _message(exc: TransitionError, case) -> str:
    from pantau.cases.next_steps import waiting_reason

    if exc.code == "precondition_failed":  # what is missing, never the condition as if met
        return " ".join(waiting_reason(p, case) for p in exc.failed)
    if exc.code == "role_not_allowed":
        return _("Your role may not do this at this step.")
    if exc.code == "wrong_state":
        return _("This is not possible at the case's current step.")
    return exc.message_en


def is_transition(name: str) -> bool:
    return any(t.name == name for t in ladder.TRANSITIONS)


def _fields(case: Case) -> dict:
    """The case's stored columns (by attname) except the key and the version, as copies."""
    return {
        f.attname: copy.deepcopy(getattr(case, f.attname))
        for f in Case._meta.concrete_fields
        if not f.primary_key and f.attname != "version"
    }


def case_act(
    *, case_id: int, name: str, actor, data: dict | None = None, expected_version: int | None = None
) -> Case:
    """Perform transition or event ``name`` on the case, as ``actor``.

    Raises :class:`CaseError`; :class:`CaseConflict` when someone else changed the case first.
    """
    try:
        # The version the actor acted upon: the page's, or what was committed when the call came
        # (read before our transaction starts, so a writer still holding the case cannot hide
        # behind its commit: we would otherwise act on its result without having seen it).
        seen = expected_version
        if seen is None:
            seen = Case.objects.filter(pk=case_id).values_list("version", flat=True).first()
        return _act(case_id=case_id, name=name, actor=actor, data=data, seen=seen)
    except OperationalError as exc:
        if database_busy(exc):
            raise CaseConflict() from None
        raise


@transaction.atomic
def _act(*, case_id: int, name: str, actor, data: dict | None, seen: int | None) -> Case:
    data = dict(data or {})
    case = Case.objects.select_for_update(of=("self",)).select_related("employee").get(pk=case_id)
    role = acting_role(actor, case)
    if role is None:
        raise CaseError(_("You have no role in this case."), "no_role")
    if case.version != seen:
        raise CaseConflict()
    stored = _fields(case)
    before_state = case.state
    try:
        if is_transition(name):
            step = ladder.transition(name)
            facts = facts_for(
                case=case, user=actor, data=data, name=name, needed=step.preconditions
            )
            step = ladder.check(name, state=case.state, role=role, facts=facts)
            target, audit_action = step.target.value, step.audit_action
        else:
            event = ladder.check_event(name, state=case.state, role=role)
            target, audit_action = case.state, event.audit_action
    except TransitionError as exc:
        raise CaseError(_message(exc, case), exc.code) from None
    before, after, notices = actions.apply(name, case=case, actor=actor, data=data)
    case.state = target
    if target == State.CLOSED.value and before_state != State.CLOSED.value:
        case.closed_at = timezone.now()
        case.close_reason = case.close_reason or str(data.get("reason", ""))
        case.deadlines.filter(met_at__isnull=True).update(met_at=case.closed_at)
    changed = {k: v for k, v in _fields(case).items() if stored[k] != v}
    written = Case.objects.filter(pk=case.pk, version=case.version).update(
        **changed, version=F("version") + 1
    )
    if written != 1:
        raise CaseConflict()
    case.version += 1
    CaseStep.objects.create(
        case=case,
        name=name,
        from_state=before_state,
        to_state=target,
        actor=actor,
        reason=str(data.get("reason", ""))[:5000],
        data={k: str(v) for k, v in data.items() if k != "attachments"},
    )
    audit_record(
        action=audit_action,
        obj=case,
        actor=actor,
        before={"state": before_state, **before},
        after={"state": target, **after},
        reason=str(data.get("reason", "")),
    )
    if notices:
        from pantau.cases.notifications import send_case_notices

        # After the commit the step stands: a notice that fails (e.g. SQLite busy) is logged, never
        # turned into a refusal of what is already stored.
        transaction.on_commit(
            lambda: send_case_notices(case_id=case.pk, step=name, recipients=notices),
            robust=True,
        )
    return case
