"""The dates of a case agree with each other: each impossible date is refused with its reason.

Issue: attendance, the examination and the BAP were recorded before the scheduled examination,
a decision was "received" before it was made. The clock starts on Monday 16 November 2026.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from pantau.cases.calendar import calendar
from pantau.cases.chronology import exam_window
from pantau.cases.errors import CaseError
from pantau.cases.models import Case
from pantau.cases.services import case_act

WITA = ZoneInfo("Asia/Makassar")
MONDAY = dt.date(2026, 11, 16)
pytestmark = pytest.mark.django_db


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=WITA)


@pytest.fixture
def clock():
    with time_machine.travel(at(MONDAY), tick=False) as traveller:
        yield traveller


@pytest.fixture
def act(users):
    def _act(case, name, role, **data):
        return case_act(case_id=case.pk, name=name, actor=users[role], data=data)

    return _act


@pytest.fixture
def approved(clock, make_finding, confirm_finding, act):
    """A confirmed case whose summons the head approved on Monday 16 November."""
    case = confirm_finding(make_finding(employee_key="e4"))
    act(case, "confirm_attribution", "inspector")
    act(case, "approve_escalation", "head")
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def summoned(approved, act):
    """Summons dated 16 November for an examination on Friday 20 November (4 working days)."""
    return act(approved, "escalate_to_summons", "inspector", summons_date=MONDAY,
               exam_date=dt.date(2026, 11, 20))  # fmt: skip


def refused(fn, *args, **kwargs) -> str:
    with pytest.raises(CaseError) as error:
        fn(*args, **kwargs)
    return str(error.value)


def test_the_examination_window_has_both_bounds(settings):
    window = exam_window(MONDAY)
    cal = calendar()
    assert window.earliest == cal.add_working_days(MONDAY, 3) == dt.date(2026, 11, 19)
    assert window.latest == cal.deadline("summons_exam", MONDAY) == dt.date(2026, 11, 25)
    settings.PANTAU_SUMMONS_MIN_NOTICE_DAYS = 1
    assert exam_window(MONDAY).earliest == dt.date(2026, 11, 17)


def test_an_examination_too_soon_after_the_letter_is_refused(approved, act):
    message = refused(act, approved, "escalate_to_summons", "inspector",
                      summons_date=MONDAY, exam_date=dt.date(2026, 11, 17))  # fmt: skip
    assert "19 November 2026" in message and "25 November 2026" in message
    assert Case.objects.get(pk=approved.pk).state == approved.state


def test_an_examination_before_its_summons_is_refused(approved, act):
    refused(act, approved, "escalate_to_summons", "inspector",
            summons_date=MONDAY, exam_date=dt.date(2026, 11, 13))  # fmt: skip
    assert Case.objects.get(pk=approved.pk).summons_count == 0


def test_an_examination_beyond_seven_working_days_is_refused(approved, act):
    refused(act, approved, "escalate_to_summons", "inspector",
            summons_date=MONDAY, exam_date=dt.date(2026, 11, 26))  # fmt: skip


def test_a_summons_dated_before_the_heads_approval_is_refused(approved, act):
    message = refused(act, approved, "escalate_to_summons", "inspector",
                      summons_date=dt.date(2026, 11, 12), exam_date=dt.date(2026, 11, 18))  # fmt: skip
    assert "16 November 2026" in message


def test_attendance_examination_and_bap_wait_for_the_examination_day(summoned, act, clock):
    message = refused(act, summoned, "record_attendance", "inspector", present="on")
    assert "20 November 2026" in message
    assert Case.objects.get(pk=summoned.pk).present_at_exam is False
    clock.move_to(at(dt.date(2026, 11, 20)))
    act(summoned, "record_attendance", "inspector", present="on")
    case = act(summoned, "start_examination", "inspector")
    assert case.state == "examination"
    act(case, "record_bap", "inspector", bap_text="T: Akun Saudara? J: Ya.")
    assert Case.objects.get(pk=case.pk).bap_recorded_at is not None


@pytest.fixture
def deciding(summoned, act, clock):
    """The case at the PPK's desk after an examination on 20 November."""
    clock.move_to(at(dt.date(2026, 11, 20)))
    act(summoned, "record_attendance", "inspector", present="on")
    act(summoned, "start_examination", "inspector")
    act(summoned, "record_bap", "inspector", bap_text="T: Akun Saudara? J: Ya.")
    act(summoned, "finish_examination", "inspector")
    act(summoned, "record_recommendation", "inspector", provisions=[["3f", "unit"]])
    act(summoned, "approve_recommendation", "head")
    clock.move_to(at(dt.date(2026, 11, 23)))
    return act(summoned, "recommend", "inspector")


def decide(act, case, day):
    return act(case, "record_decision", "decider", sanction_code="written_reprimand",
               decision_number="800/1/2026", decision_date=day)  # fmt: skip


def test_a_decision_is_not_dated_in_the_future_nor_before_the_examination(deciding, act):
    assert "24 November 2026" in refused(decide, act, deciding, dt.date(2026, 11, 24))
    assert "20 November 2026" in refused(decide, act, deciding, dt.date(2026, 11, 19))
    assert decide(act, deciding, dt.date(2026, 11, 23)).decision_date == dt.date(2026, 11, 23)


def test_a_receipt_comes_after_the_decision_and_within_fourteen_working_days(deciding, act, clock):
    case = decide(act, deciding, dt.date(2026, 11, 23))
    message = refused(act, case, "record_receipt", "decider", receipt_date=dt.date(2026, 11, 20))
    assert "20 November 2026" in message and "23 November 2026" in message
    assert "24 November 2026" in refused(
        act, case, "record_receipt", "decider", receipt_date=dt.date(2026, 11, 24)
    )  # the future
    latest = calendar().deadline("decision_delivery", dt.date(2026, 11, 23))
    clock.move_to(at(latest + dt.timedelta(days=10)))
    late = latest + dt.timedelta(days=1)
    assert latest.strftime("%-d") in refused(
        act, case, "record_receipt", "decider", receipt_date=late
    )
    assert Case.objects.get(pk=case.pk).receipt_date is None
    act(case, "record_receipt", "decider", receipt_date=latest)
    assert Case.objects.get(pk=case.pk).receipt_date == latest
