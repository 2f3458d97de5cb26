"""What a person can do next on a case, and what the other steps wait for.

``case_next_steps(user, case)`` evaluates the ladder's preconditions that depend on the case
(not on what the person will type into the step's form) and splits the steps the person's role
allows into those possible now and those waiting, each waiting one with the reason in words:
"Menunggu persetujuan Inspektur", "Dapat dilakukan mulai 9 Desember 2026". A refusal never
reads as if its condition were met. The case page and the API list the same steps from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pantau.cases.facts import FACTS, _appeal_window
from pantau.cases.labels import step_label
from pantau.cases.selectors import acting_role
from pantau.core.cases import ladder

# Preconditions about the step's own input: checked when the form is sent, never a reason to
# hide the step.
INPUT_PRECONDITIONS = frozenset(
    {
        "exam_date_in_window",
        "second_summons_in_window",
        "reason_given",
        "sanction_in_catalogue",
        "appeal_in_writing",
        "appeal_outcome_recorded",
        "withdrawal_recorded",
        "appeal_kind_allowed",
    }
)


@dataclass(frozen=True)
class NextStep:
    name: str
    label: str
    is_transition: bool
    waiting: list[str] = field(default_factory=list)  # why it cannot be taken yet, in words

    @property
    def possible(self) -> bool:
        return not self.waiting


def _day(value) -> str:
    return date_format(value, "j F Y")


def waiting_reason(precondition: str, case) -> str:
    """What a step waits for when ``precondition`` is not met, in the active language."""
    if precondition == "deletion_due_or_reported" and case.deletion_due:
        return _("Possible from %(date)s (the deletion deadline), or once the employee reports "
                 "the deletion.") % {"date": _day(case.deletion_due)}  # fmt: skip
    if precondition == "employee_present" and case.exam_date:
        return _("Waiting for the employee's attendance at the examination on %(date)s.") % {
            "date": _day(case.exam_date)
        }
    if precondition == "appeal_window_passed":
        end = _appeal_window(case)
        if end:
            return _("Possible after the objection period ends (%(date)s).") % {"date": _day(end)}
    if precondition == "appeal_in_window":
        end = _appeal_window(case)
        if end:
            return _("The objection period ended on %(date)s.") % {"date": _day(end)}
    return {
        "finding_confirmed": _("Waiting for a confirmed finding."),
        "actor_no_conflict": _("You have a conflict of interest in this case."),
        "guidance_recorded": _("Waiting for the guidance to be recorded."),
        "deletion_due_or_reported": _("Waiting for the deletion deadline or the employee's "
                                      "report."),
        "deletion_verified": _("Waiting for a re-check showing the post deleted."),
        "no_pattern": _("There is a pattern of violations: the case goes up the ladder instead."),
        "attribution_confirmed": _("Waiting for confirmation that the account is the "
                                   "employee's."),
        "head_approved": _("Waiting for the approval of the Inspektur."),
        "absent_at_first_summons": _("Only after the employee was absent at the first summons."),
        "no_second_summons_yet": _("The second summons has already been issued."),
        "employee_present": _("Waiting for the employee's attendance to be recorded."),
        "team_formed_if_heavy": _("Waiting for the examination team to be formed."),
        "examiner_not_involved": _("You are involved in the violation (Pasal 29 ayat (6))."),
        "bap_recorded": _("Waiting for the examination record (BAP)."),
        "absent_at_second_summons": _("Only after the employee was absent at the second "
                                      "summons too."),
        "recommendation_recorded": _("Waiting for the recommendation to be recorded."),
        "decider_authorised": _("Only the official with the power to decide (PPK)."),
        "decision_recorded": _("Waiting for the decision to be recorded."),
        "receipt_recorded": _("Waiting for the date the decision was received."),
        "appeal_in_window": _("The objection period has ended."),
        "not_involved": _("You handled this finding, so may not decide the objection."),
        "appeal_window_passed": _("Possible after the objection period ends."),
        # what the step's own input lacks (said when the form is sent)
        "exam_date_in_window": _("The examination must be at most 7 working days after the date "
                                 "of the summons letter (PP 94/2021 Pasal 26 ayat (2))."),
        "second_summons_in_window": _("The second summons must be dated at most 7 working days "
                                      "after the missed examination (Pasal 26 ayat (3)), and its "
                                      "examination at most 7 working days after the letter."),
        "reason_given": _("Give a written reason."),
        "sanction_in_catalogue": _("Choose a sanction of the recommended level, or give the "
                                   "reason for choosing another level."),
        "appeal_in_writing": _("Write the objection."),
        "appeal_outcome_recorded": _("Choose the outcome."),
        "withdrawal_recorded": _("Write why the objection is withdrawn."),
        "appeal_kind_allowed": _("An appeal to BPASN is possible only against dismissal; "
                                 "otherwise lodge an objection."),
    }.get(precondition, precondition)  # fmt: skip


def case_next_steps(user, case, *, exclude: frozenset[str] = frozenset()) -> list[NextStep]:
    """The steps ``user``'s role on ``case`` allows, possible ones first, in ladder order."""
    role = acting_role(user, case)
    if role is None:
        return []
    out: list[NextStep] = []
    for t in ladder.allowed(case.state, role):
        if t.name in exclude:
            continue
        needed = [p for p in t.preconditions if p not in INPUT_PRECONDITIONS]
        failed = [p for p in needed if not FACTS[p](case, user, {}, t.name)]
        out.append(
            NextStep(t.name, step_label(t.name), True, [waiting_reason(p, case) for p in failed])
        )
    for e in ladder.EVENTS:
        if case.state in e.states and role in e.roles and e.name not in exclude:
            out.append(NextStep(e.name, step_label(e.name), False))
    return sorted(out, key=lambda s: not s.possible)
