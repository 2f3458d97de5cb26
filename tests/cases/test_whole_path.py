"""The whole path from a finding to a closed case, through every step, in one test."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail

from pantau.audit.models import AuditEntry
from pantau.audit.services import audit_verify
from pantau.cases.calendar import calendar, today
from pantau.cases.models import Case, Notification
from pantau.cases.review import finding_decide
from pantau.cases.services import case_act


def test_a_finding_goes_all_the_way_to_a_closed_case(
    users, make_finding, django_capture_on_commit_callbacks, request
):
    finding = make_finding(employee_key="e4")
    act = {}

    def step(name, role, **data):
        with django_capture_on_commit_callbacks(execute=True):
            case = case_act(case_id=act["case"], name=name, actor=users[role], data=data)
        return case

    with django_capture_on_commit_callbacks(execute=True):
        finding_decide(
            finding_id=finding.pk,
            expected_version=finding.version,
            reviewer=users["inspector"],
            outcome="confirm",
            category="hate_speech",
            skb_item=2,
            reason="Menyerang kelompok etnis",
        )
    case = Case.objects.get()
    act["case"] = case.pk
    assert case.state == "open" and case.employee == finding.employee

    assert step("start_guidance", "inspector", note="Diingatkan, diminta hapus").state == "guidance"
    step("acknowledge", "supervisor")
    assert Case.objects.get().supervisor_acknowledged_at is not None
    case.refresh_from_db()
    assert case.deletion_due == calendar().deadline("deletion", today())
    step("confirm_deletion", "employee")
    assert step("request_deletion_check", "inspector").state == "deletion_check"
    step(
        "record_deletion_check",
        "inspector",
        method="confirmation",
        result="still_there",
        after_evidence="masih tayang",
    )
    step("confirm_attribution", "inspector")
    step("approve_escalation", "head")
    exam = calendar().add_working_days(today(), 5)
    case = step("escalate_to_summons", "inspector", summons_date=today(), exam_date=exam)
    assert case.state == "summons" and case.exam_date == exam
    # attendance, examination, BAP and everything after happen on the examination day
    exam_day = dt.datetime.combine(exam, dt.time(9), tzinfo=ZoneInfo("Asia/Makassar"))
    traveller = time_machine.travel(exam_day, tick=False)
    traveller.start()
    request.addfinalizer(traveller.stop)
    step("record_attendance", "inspector", present="on")
    assert step("start_examination", "inspector").state == "examination"
    step("record_bap", "inspector", bap_text="T: Apakah akun itu milik Saudara? J: Ya.")
    assert step("finish_examination", "inspector").state == "recommendation"
    case = step("record_recommendation", "inspector", provisions=[["3b", "instansi"]])
    assert case.recommended_level == "medium"
    assert {s["code"] for s in case.recommendation["sanctions"]} >= {"promotion_delay_1y"}
    step("approve_recommendation", "head")
    assert step("recommend", "inspector").state == "decision"
    step(
        "record_decision",
        "decider",
        sanction_code="promotion_delay_1y",
        decision_number="800/12/INSP/XI/2026",
        decision_date=today(),
    )
    step("record_receipt", "decider", receipt_date=today())
    assert step("deliver_decision", "decider").state == "delivered"
    assert (
        step(
            "open_appeal",
            "employee",
            kind="objection",
            text="Saya keberatan karena unggahan itu konteksnya bercanda",
        ).state
        == "appeal"
    )
    case = step("resolve_appeal", "decider", outcome="upheld", reason="Tetap")
    assert case.state == "closed" and case.closed_at is not None

    names = list(case.steps.values_list("name", flat=True))
    assert names[0] == "opened" and names[-1] == "resolve_appeal"
    assert AuditEntry.objects.filter(action="case.resolve_appeal").exists()
    assert audit_verify().ok
    assert Notification.objects.filter(user=users["employee"]).count() >= 4
    supervisor_notes = Notification.objects.filter(user=users["supervisor"])
    assert supervisor_notes.filter(requires_ack=True).exists()
    assert Notification.objects.filter(user=users["inspector"]).count() >= 5
    assert any("Kasus" in m.subject or "Case" in m.subject for m in mail.outbox)
    assert not case.deadlines.filter(met_at__isnull=True).exists()
