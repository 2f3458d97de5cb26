"""Deadlines on Indonesian working days, stored on the case, and overdue items on the home page.

The holiday table is the one the data migration pre-fills (2026 and 2027). Around Nyepi and
Idulfitri 2026 there is no working day from Wednesday 18 to Tuesday 24 March, so a deadline of
three working days set on Tuesday 17 March falls on Friday 27 March, not on Friday 20 March.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from pantau.cases.calendar import calendar
from pantau.cases.errors import CaseError
from pantau.cases.labels import DEADLINES
from pantau.cases.models import Case, Deadline, Holiday
from pantau.cases.notifications import overdue_for
from pantau.cases.review import finding_decide
from pantau.cases.services import case_act

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


def at(day: dt.date, hour: int = 10):
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, hour, tzinfo=WITA), tick=False
    )


def open_case(users, make_finding) -> Case:
    finding = make_finding(employee_key="e4")
    finding_decide(
        finding_id=finding.pk,
        expected_version=1,
        reviewer=users["inspector"],
        outcome="confirm",
        category="hate_speech",
        skb_item=2,
        reason="Menyerang kelompok etnis",
    )
    return Case.objects.get()


def test_the_holiday_table_is_pre_filled_for_this_year_and_the_next():
    days = set(Holiday.objects.values_list("date", flat=True))
    assert {d.year for d in days} == {2026, 2027}
    for day in range(18, 25):
        assert dt.date(2026, 3, day) in days or dt.date(2026, 3, day).weekday() >= 5
    assert Holiday.objects.get(date=dt.date(2026, 3, 21)).kind == "libur_nasional"
    assert Holiday.objects.get(date=dt.date(2026, 3, 23)).kind == "cuti_bersama"
    cal = calendar()
    assert cal.covers(dt.date(2026, 1, 1)) and cal.covers(dt.date(2027, 12, 31))


@pytest.mark.parametrize("start", [dt.date(2026, 3, 17), dt.date(2026, 3, 18)])
def test_the_deletion_deadline_skips_the_idulfitri_block(users, make_finding, start):
    with at(start):
        case = open_case(users, make_finding)
        case = case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])
    assert case.deletion_due == dt.date(2026, 3, 27)
    deletion = Deadline.objects.get(case=case, kind="deletion")
    assert (deletion.due, deletion.responsible_role, deletion.met_at) == (
        dt.date(2026, 3, 27),
        "employee",
        None,
    )
    assert "bukan ketentuan PP 94/2021" in deletion.legal_basis
    ack = Deadline.objects.get(case=case, kind="supervisor_ack")
    assert (ack.due, ack.responsible_role) == (dt.date(2026, 3, 27), "supervisor")


def test_a_holiday_the_admin_adds_moves_the_deadline(users, make_finding):
    Holiday.objects.create(
        date=dt.date(2026, 3, 25), name="Cuti bersama tambahan", kind="cuti_bersama"
    )
    with at(dt.date(2026, 3, 17)):
        case = open_case(users, make_finding)
        case = case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])
    assert case.deletion_due == dt.date(2026, 3, 30)  # Wednesday 25 no longer counts


def ready_for_summons(users, make_finding, day) -> Case:
    with at(day):
        case = open_case(users, make_finding)
        case_act(case_id=case.pk, name="confirm_attribution", actor=users["inspector"])
        case_act(case_id=case.pk, name="approve_escalation", actor=users["head"])
    return case


def test_the_examination_may_be_set_at_most_seven_working_days_after_the_summons(
    users, make_finding
):
    case = ready_for_summons(users, make_finding, dt.date(2026, 3, 17))
    letter = dt.date(2026, 3, 17)
    with at(letter):
        with pytest.raises(CaseError) as error:
            case_act(
                case_id=case.pk,
                name="escalate_to_summons",
                actor=users["inspector"],
                data={"summons_date": letter, "exam_date": dt.date(2026, 4, 3)},
            )
        assert error.value.code == "precondition_failed"
        case = case_act(
            case_id=case.pk,
            name="escalate_to_summons",
            actor=users["inspector"],
            data={"summons_date": letter, "exam_date": dt.date(2026, 4, 2)},
        )
    assert (case.state, case.summons_date, case.exam_date) == (
        "summons",
        letter,
        dt.date(2026, 4, 2),
    )
    exam = Deadline.objects.get(case=case, kind="exam")
    assert exam.due == dt.date(2026, 4, 2) and exam.legal_basis == "PP 94/2021 Pasal 26"


def test_the_decision_must_be_delivered_within_fourteen_working_days_across_the_year_end(
    users, make_finding
):
    case = open_case(users, make_finding)
    Case.objects.filter(pk=case.pk).update(state="decision")
    with at(dt.date(2026, 12, 15)):
        case = case_act(
            case_id=case.pk,
            name="record_decision",
            actor=users["decider"],
            data={
                "sanction_code": "written_reprimand",
                "decision_number": "800/1/INSP/2026",
                "decision_date": dt.date(2026, 12, 15),
            },
        )
    delivery = Deadline.objects.get(case=case, kind="decision_delivery")
    # 24–25 Dec, 1 Jan and 5 Jan 2027 are not working days.
    assert delivery.due == dt.date(2027, 1, 8)
    assert (delivery.responsible_role, delivery.legal_basis) == (
        "decider",
        "PP 94/2021 Pasal 37 ayat (3)",
    )
    with at(dt.date(2026, 12, 16)):
        case_act(
            case_id=case.pk,
            name="record_receipt",
            actor=users["decider"],
            data={"receipt_date": dt.date(2026, 12, 16)},
        )
        case = case_act(case_id=case.pk, name="deliver_decision", actor=users["decider"])
    assert Deadline.objects.get(case=case, kind="decision_delivery").met_at is not None
    objection = Deadline.objects.get(case=case, kind="objection")
    assert (objection.due, objection.responsible_role) == (dt.date(2027, 1, 11), "employee")


# --- overdue items on the home page -----------------------------------------------------------


@pytest.fixture
def overdue_case(users, make_finding):
    with at(dt.date(2026, 3, 17)):
        case = open_case(users, make_finding)
        case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])
    return case


def test_nothing_is_overdue_on_the_due_date_itself(users, overdue_case):
    with at(dt.date(2026, 3, 27)):
        assert overdue_for(users["employee"]) == []


@pytest.mark.parametrize(
    ("role", "kinds"),
    [
        ("employee", ["deletion"]),
        ("supervisor", ["deletion", "supervisor_ack"]),
        ("inspector", ["deletion", "supervisor_ack"]),
        ("head", ["deletion", "supervisor_ack"]),
    ],
)
def test_overdue_items_appear_on_the_home_page_of_those_concerned(
    login_as, users, registry, overdue_case, english, role, kinds
):
    with at(dt.date(2026, 3, 30)):
        assert sorted(d.kind for d in overdue_for(users[role])) == kinds
        response = login_as(role).get(reverse("home"))
    html = response.content.decode()
    assert "Overdue" in html
    assert f"Case #{overdue_case.pk} ({registry.employees['e4'].full_name})" in html
    assert reverse("case_detail", args=[overdue_case.pk]) in html
    assert "27 March 2026" in html
    with translation.override("en"):
        for kind in kinds:
            assert f": {DEADLINES[kind]} —" in html


def test_the_admin_who_sees_no_cases_gets_no_overdue_box(login_as, users, overdue_case):
    with at(dt.date(2026, 3, 30)):
        assert overdue_for(users["admin"]) == []
        html = login_as("admin").get(reverse("home")).content.decode()
    assert 'id="h-overdue"' not in html


def test_a_met_deadline_is_no_longer_overdue(users, overdue_case):
    with at(dt.date(2026, 3, 30)):
        case_act(case_id=overdue_case.pk, name="acknowledge", actor=users["supervisor"])
        assert [d.kind for d in overdue_for(users["supervisor"])] == ["deletion"]
