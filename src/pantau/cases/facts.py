"""Evaluating the ladder's preconditions (core.cases.ladder.PRECONDITIONS) for one case.

Each precondition is a small function of the case, the acting user, the input of the action
and today's date; ``facts_for`` evaluates exactly those a transition needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pantau.cases.calendar import calendar, today
from pantau.cases.models import Case, DeletionCheck, ReviewDecision
from pantau.cases.people import conflicts_for
from pantau.cases.timeline import employee_pattern
from pantau.core.cases.sanctions import Level, allowed_sanctions, sanction
from pantau.monitoring.models import Finding


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _findings(case: Case):
    return Finding.objects.filter(casefinding__case=case).select_related("post")


DECIDING_STEPS = {"record_decision", "decide_no_sanction", "resolve_appeal"}


def _no_conflict(case, user, data, name) -> bool:
    findings = list(_findings(case))
    return not conflicts_for(
        user,
        subject=case.employee,
        texts=[f.post.text for f in findings],
        posts=[f.post_id for f in findings],
        findings=findings,
        deciding=name in DECIDING_STEPS,
    )


def _deletion_verified(case, user, data, name) -> bool:
    findings = list(_findings(case))
    if not findings:
        return False
    for f in findings:
        last = DeletionCheck.objects.filter(case=case, finding=f).order_by("-checked_at").first()
        if last is None or last.result != DeletionCheck.Result.DELETED:
            return False
    return True


def _exam_in_window(case, user, data, name) -> bool:
    letter, exam = _date(data.get("summons_date")), _date(data.get("exam_date"))
    if not letter or not exam or exam < letter:
        return False
    return calendar().within("summons_exam", letter, exam)


def _second_in_window(case, user, data, name) -> bool:
    letter, exam = _date(data.get("summons_date")), _date(data.get("exam_date"))
    if not letter or not exam or not case.exam_date or exam < letter or letter < case.exam_date:
        return False
    cal = calendar()
    return cal.within("summons_2", case.exam_date, letter) and cal.within(
        "summons_exam", letter, exam
    )


def _team_if_heavy(case, user, data, name) -> bool:
    heavy_possible = (
        case.recommended_level == Level.HEAVY.value
        or employee_pattern(case.employee).step == "examination_team"
    )
    return case.team_formed or not heavy_possible


def _sanction_ok(case, user, data, name) -> bool:
    code = data.get("sanction_code", "")
    try:
        chosen = sanction(code)
    except KeyError:
        return False
    from django.conf import settings

    catalogue = getattr(settings, "PANTAU_MEDIUM_CATALOGUE", "pp53")
    if chosen not in allowed_sanctions(chosen.level, medium_catalogue=catalogue):
        return False
    # The recommended level's types (after the Pasal 35 ayat (2) floor) need no reason; any
    # other type is a departure the PPK explains in the reason recorded with the decision.
    recommended = {s.get("code") for s in (case.recommendation or {}).get("sanctions", [])}
    if recommended:
        departs = chosen.code not in recommended
    else:
        departs = bool(case.recommended_level) and chosen.level.value != case.recommended_level
    return not departs or bool(str(data.get("reason", "")).strip())


def _appeal_window(case) -> dt.date | None:
    return calendar().deadline("objection", case.receipt_date) if case.receipt_date else None


def _appeal_in_window(case, user, data, name) -> bool:
    end = _appeal_window(case)
    return end is not None and today() <= end


def _appeal_kind_allowed(case, user, data, name) -> bool:
    kind = data.get("kind", "objection")
    dismissal = case.sanction_code == "honourable_dismissal"
    return (kind == "appeal") == dismissal


def _not_involved(case, user, data, name) -> bool:
    reviewers = set(
        ReviewDecision.objects.filter(finding__casefinding__case=case).values_list(
            "reviewer_id", flat=True
        )
    )
    return user.pk not in reviewers


def _head_approved(case, user, data, name) -> bool:
    if name == "recommend":
        return case.recommendation_approved_at is not None
    return case.head_approved_at is not None


def _window_passed(case, user, data, name) -> bool:
    end = _appeal_window(case)
    return end is not None and today() > end and not case.appeals.exists()


FACTS: dict[str, Callable[[Case, object, dict, str], bool]] = {
    "finding_confirmed": lambda c, u, d, n: (
        _findings(c).filter(status=Finding.Status.CONFIRMED).exists()
    ),
    "actor_no_conflict": _no_conflict,
    "guidance_recorded": lambda c, u, d, n: c.guidance_at is not None,
    "deletion_due_or_reported": lambda c, u, d, n: (
        c.deletion_reported_at is not None
        or (c.deletion_due is not None and c.deletion_due <= today())
    ),
    "deletion_verified": _deletion_verified,
    "no_pattern": lambda c, u, d, n: employee_pattern(c.employee).step == "guidance",
    "attribution_confirmed": lambda c, u, d, n: c.attribution_confirmed_at is not None,
    "head_approved": _head_approved,
    "exam_date_in_window": _exam_in_window,
    "absent_at_first_summons": lambda c, u, d, n: c.absences >= 1,
    "no_second_summons_yet": lambda c, u, d, n: c.summons_count < 2,
    "second_summons_in_window": _second_in_window,
    "employee_present": lambda c, u, d, n: c.present_at_exam,
    "team_formed_if_heavy": _team_if_heavy,
    "examiner_not_involved": _no_conflict,
    "bap_recorded": lambda c, u, d, n: c.bap_recorded_at is not None,
    "absent_at_second_summons": lambda c, u, d, n: c.absences >= 2,
    "recommendation_recorded": lambda c, u, d, n: bool(c.recommendation),
    "reason_given": lambda c, u, d, n: bool(str(d.get("reason", "")).strip()),
    "decider_authorised": lambda c, u, d, n: u.role == "decider",
    "sanction_in_catalogue": _sanction_ok,
    "decision_recorded": lambda c, u, d, n: bool(c.decision_number and c.decision_date),
    "receipt_recorded": lambda c, u, d, n: c.receipt_date is not None,
    "appeal_in_window": _appeal_in_window,
    "appeal_kind_allowed": _appeal_kind_allowed,
    "appeal_in_writing": lambda c, u, d, n: bool(str(d.get("text", "")).strip()),
    "appeal_outcome_recorded": lambda c, u, d, n: bool(d.get("outcome")),
    "not_involved": _not_involved,
    "appeal_window_passed": _window_passed,
    "withdrawal_recorded": lambda c, u, d, n: bool(str(d.get("text", "")).strip()),
}


def facts_for(*, case: Case, user, data: dict, name: str, needed) -> dict[str, bool]:
    return {p: FACTS[p](case, user, data, name) for p in needed}
