"""The dates of a case must agree with each other: each dated step checks its order.

A summons comes before its examination, with at least the minimum notice (time to deliver the
letter, the *Penjelasan* of PP 94/2021 Pasal 26 ayat (2)) and at most 7 working days (the
article's literal maximum, REGULATIONS.md §2.9); attendance, the examination and its record (BAP)
come on or after the scheduled examination; a decision is not dated in the future nor before the
examination's record; it is received on or after its date and within the 14 working days the
decision must be delivered in (Pasal 37 ayat (3)). Objection and appeal windows are counted from
the receipt (``cases.facts``).

``check(name, case, data)`` raises :class:`CaseError` naming the date and its bound; the
summons' two bounds are also what the case page shows beside its date fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from pantau.cases.calendar import calendar, today
from pantau.cases.errors import CaseError

DEFAULT_MIN_NOTICE = 3  # working days between the summons letter and the examination


def min_notice() -> int:
    return int(getattr(settings, "PANTAU_SUMMONS_MIN_NOTICE_DAYS", DEFAULT_MIN_NOTICE))


def _d(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _show(day: dt.date) -> str:
    return formats.date_format(day, "j F Y")


@dataclass(frozen=True)
class ExamWindow:
    """Where the examination may fall for a summons letter dated ``letter``."""

    letter: dt.date
    earliest: dt.date
    latest: dt.date

    def holds(self, exam: dt.date) -> bool:
        return self.earliest <= exam <= self.latest


def exam_window(letter: dt.date) -> ExamWindow:
    cal = calendar()
    return ExamWindow(
        letter,
        cal.add_working_days(letter, min_notice()),
        cal.deadline("summons_exam", letter),
    )


def _refuse(message: str) -> None:
    raise CaseError(message, "bad_input")


def _not_before_exam(case, what: str) -> None:
    if case.exam_date and today() < case.exam_date:
        _refuse(
            _("%(what)s can be recorded from %(date)s, the examination date in the summons.")
            % {"what": what, "date": _show(case.exam_date)}
        )


def _summons(case, data) -> None:
    letter, exam = _d(data.get("summons_date")), _d(data.get("exam_date"))
    if not letter or not exam:
        return  # the precondition names what is missing
    approved = _d(case.head_approved_at)
    if case.summons_count == 0 and approved and letter < approved:
        _refuse(
            _("The summons letter cannot be dated before the head's approval (%(date)s).")
            % {"date": _show(approved)}
        )
    window = exam_window(letter)
    if not window.holds(exam):
        _refuse(
            _(
                "For a summons dated %(letter)s the examination must fall between %(earliest)s "
                "(%(notice)d working days to deliver the letter) and %(latest)s (at most 7 "
                "working days, PP 94/2021 Pasal 26 ayat (2))."
            )
            % {
                "letter": _show(letter),
                "earliest": _show(window.earliest),
                "latest": _show(window.latest),
                "notice": min_notice(),
            }
        )


def _decision(case, data) -> None:
    day = _d(data.get("decision_date")) or today()
    if day > today():
        _refuse(_("A decision cannot be dated in the future (%(date)s).") % {"date": _show(day)})
    bap = _d(case.bap_recorded_at)
    after = max((d for d in (bap, case.exam_date if case.present_at_exam else None) if d),
                default=None)  # fmt: skip
    if after and day < after:
        _refuse(
            _("The decision cannot be dated before the examination and its record (%(date)s).")
            % {"date": _show(after)}
        )


def _receipt(case, data) -> None:
    day = _d(data.get("receipt_date")) or today()
    if day > today():
        _refuse(_("A receipt cannot be dated in the future (%(date)s).") % {"date": _show(day)})
    if not case.decision_date:
        _refuse(_("Record the decision before its receipt."))
    if day < case.decision_date:
        _refuse(
            _("The decision cannot be received (%(day)s) before it was made (%(date)s).")
            % {"day": _show(day), "date": _show(case.decision_date)}
        )
    latest = calendar().deadline("decision_delivery", case.decision_date)
    if day > latest:
        _refuse(
            _(
                "A decision dated %(date)s must be delivered by %(latest)s (14 working days, "
                "PP 94/2021 Pasal 37 ayat (3)); a receipt on %(day)s is outside that period."
            )
            % {"date": _show(case.decision_date), "latest": _show(latest), "day": _show(day)}
        )


def check(name: str, case, data: dict) -> None:
    """Refuse a step whose dates contradict the case's other dates."""
    if name in ("escalate_to_summons", "issue_second_summons"):
        _summons(case, data)
    elif name == "record_attendance":
        _not_before_exam(case, _("Attendance"))
    elif name == "start_examination":
        _not_before_exam(case, _("The examination"))
    elif name in ("record_bap", "record_refusal_to_sign"):
        _not_before_exam(case, _("The examination record (BAP)"))
    elif name == "record_decision":
        _decision(case, data)
    elif name == "record_receipt":
        _receipt(case, data)
