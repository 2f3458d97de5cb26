"""The audit log reads in words: events named, people by name, times in WITA, filters in the URL."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.audit.services import audit_record
from pantau.cases.services import case_act

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")


def _rows(response) -> dict[int, dict]:
    return {row["entry"].seq: row for row in response.context["rows"]}


@pytest.fixture
def named(users):
    for role, (first, last) in {
        "inspector": ("Dewi", "Anggraini"),
        "supervisor": ("Yohanes", "Lamawuran"),
        "head": ("Hendra", "Wijaya"),
    }.items():
        users[role].first_name, users[role].last_name = first, last
        users[role].save()
    return users


def test_case_steps_read_as_words_with_people_by_name_and_states_in_words(
    named, make_finding, confirm_finding, login_as, english
):
    case = confirm_finding(make_finding(), reviewer=named["inspector"])
    case_act(case_id=case.pk, name="start_guidance", actor=named["inspector"], data={"note": "x"})
    case_act(case_id=case.pk, name="acknowledge", actor=named["supervisor"], data={})
    response = login_as("auditor").get(reverse("audit_log"))
    page = response.content.decode()
    ack = AuditEntry.objects.get(action="case.acknowledge")
    row = _rows(response)[ack.seq]
    assert row["event"] == "Acknowledge being informed (direct superior, Pasal 26–28)"
    assert row["actor"] == "Yohanes Lamawuran"
    after = {p.key: p.value for p in row["after"]}
    assert after["Acknowledged by"] == "Yohanes Lamawuran"  # the id became a name
    assert after["State"] == "guidance"
    guidance = _rows(response)[AuditEntry.objects.get(action="case.start_guidance").seq]
    assert guidance["event"].startswith("Start guidance")
    assert "Dewi Anggraini" in page
    assert "{'" not in page and "acknowledged_by" not in page  # no Python dicts, no raw keys
    confirm = AuditEntry.objects.get(action="review.confirm")
    assert _rows(response)[confirm.seq]["event"] == "Review decision: confirm"


def test_payload_times_are_shown_in_the_configured_zone_like_the_time_column(
    users, login_as, english
):
    moment = dt.datetime(2026, 12, 7, 23, 30, tzinfo=dt.UTC)  # 8 December 07:30 in WITA
    with time_machine.travel(moment, tick=False):
        entry = audit_record(
            action="reports.drift_alert.acknowledged",
            actor=users["admin"],
            after={"acknowledged_at": moment, "due": dt.date(2026, 12, 9)},
        )
    assert entry.after["acknowledged_at"].startswith("2026-12-07T23:30")  # stored in UTC
    response = login_as("auditor").get(reverse("audit_log"))
    row = _rows(response)[entry.seq]
    after = {p.key: p.value for p in row["after"]}
    assert after["Acknowledged at"] == "8 December 2026 07:30 WITA"
    assert after["Due"] == "9 December 2026"
    assert row["time"] == "8 December 2026 07:30 WITA"
    assert row["event"] == "Model drift alert acknowledged"
    assert "Time (WITA)" in response.content.decode()


def test_an_unknown_event_code_is_shown_readably_and_model_changes_are_named(
    users, login_as, english
):
    odd = audit_record(action="plugin.something_odd", after={"count": 3, "ok": True})
    holiday = audit_record(
        action="cases.holiday.created",
        actor=users["admin"],
        after={"name": "Tahun Baru", "kind": "libur_nasional"},
        object_type="cases.holiday",
    )
    rows = _rows(login_as("auditor").get(reverse("audit_log")))
    assert rows[odd.seq]["event"] == "Plugin · something odd"
    assert {p.key: p.value for p in rows[odd.seq]["after"]} == {"Count": "3", "Ok": "yes"}
    assert rows[holiday.seq]["event"] == "Holiday created"
    assert {p.key: p.value for p in rows[holiday.seq]["after"]}["Name"] == "Tahun Baru"


def test_the_log_is_in_indonesian_by_default(users, login_as):
    entry = audit_record(action="case.start_guidance", actor=users["inspector"], after={"x": 1})
    response = login_as("auditor").get(reverse("audit_log"))
    assert _rows(response)[entry.seq]["event"].startswith("Mulai pembinaan")


def _at(when: dt.datetime, **kwargs) -> AuditEntry:
    with time_machine.travel(when, tick=False):
        return audit_record(**kwargs)


def test_filters_by_person_case_local_date_and_event_are_kept_in_the_url(named, login_as, english):
    admin, head = named["admin"], named["head"]
    late = _at(
        dt.datetime(2026, 3, 1, 23, 30, tzinfo=WITA),  # 1 March in WITA, 15:30 UTC
        action="case.approve_escalation",
        actor=head,
        object_type="cases.case",
        object_id="7",
    )
    early = _at(
        dt.datetime(2026, 3, 2, 0, 30, tzinfo=WITA),  # 2 March in WITA, still 1 March in UTC
        action="case.approve_escalation",
        actor=head,
        object_type="cases.case",
        object_id="8",
    )
    other = _at(
        dt.datetime(2026, 3, 2, 9, 0, tzinfo=WITA),
        action="user.created",
        actor=admin,
        object_type="users.user",
        object_id="7",
    )
    client = login_as("auditor")
    url = reverse("audit_log")

    def seqs(**params) -> set[int]:
        response = client.get(url, params)
        assert response.status_code == 200
        return {row["entry"].seq for row in response.context["rows"]}

    assert seqs(person=head.pk) >= {late.seq, early.seq} and other.seq not in seqs(person=head.pk)
    assert seqs(case=7) == {late.seq}  # case 7, not user 7
    assert seqs(date_from="2026-03-02", date_to="2026-03-02") == {early.seq, other.seq}
    assert seqs(date_to="2026-03-01") == {late.seq}
    assert seqs(event="user.created", date_from="2026-03-01", date_to="2026-03-31") == {other.seq}
    both = seqs(event="case.approve_escalation", person=head.pk, date_from="2026-03-02")
    assert both == {early.seq}
    # the filters stay in the URL: the form shows them and the page links carry them
    page = client.get(url, {"event": "case.approve_escalation", "case": 8}).content.decode()
    assert 'value="8"' in page
    assert '<option value="case.approve_escalation" selected>' in page
    assert "?event=case.approve_escalation&amp;case=8&amp;verify=1" in page


def test_a_date_range_the_wrong_way_round_is_refused_with_a_message(users, login_as, english):
    response = login_as("auditor").get(
        reverse("audit_log"), {"date_from": "2026-03-05", "date_to": "2026-03-01"}
    )
    assert response.status_code == 200
    assert "The end date is before the start date." in response.content.decode()
    assert response.context["rows"] == []


def test_the_filters_paginate_with_the_filter_kept(users, login_as, english):
    for i in range(55):
        audit_record(action="demo.loaded", actor=users["admin"], object_repr=f"run {i}")
    page = login_as("auditor").get(reverse("audit_log"), {"event": "demo.loaded"})
    assert page.context["page"].paginator.count == 55
    assert "?event=demo.loaded&amp;page=2" in page.content.decode()


def test_the_export_selects_the_same_entries_as_the_filtered_page(users, login_as):
    kept = audit_record(action="user.created", actor=users["admin"], object_repr="baru")
    audit_record(action="demo.loaded", actor=users["admin"], object_repr="lain")
    client = login_as("auditor")
    response = client.get(
        reverse("reports:export", args=["audit", "csv"]), {"event": "user.created"}
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    lines = [line for line in body.decode("utf-8-sig").splitlines()[1:] if line.strip()]
    expected = set(AuditEntry.objects.filter(action="user.created").values_list("seq", flat=True))
    assert kept.seq in expected  # the users fixture created its users too
    assert {int(line.split(",", 1)[0]) for line in lines} == expected
