"""Each role's home page lists exactly the work waiting for it, in a constant number of queries.

The data is built row by row with known kinds of work; the expected figures are counted here
from what was built, not with the queries the home page uses. Every role's home page is loaded
at two data sizes under the same query budget.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pantau.cases.calendar import calendar, today
from pantau.cases.models import Appeal, Case, Deadline, Holiday, Notification
from pantau.core.nip import make_nip
from pantau.monitoring.models import Complaint, Finding
from pantau.registry.models import Account, Employee

pytestmark = pytest.mark.django_db

KINDS = [
    "step_due",
    "due_today",
    "due_soon",
    "far",
    "escalation",
    "recommendation",
    "decision",
    "objection",
    "closed",
]
_serial = itertools.count(1)


def _employee(registry, key: str) -> Employee:
    n = next(_serial)
    employee = Employee.objects.create(
        nip=make_nip(dt.date(1980, 1, 1) + dt.timedelta(days=n), 2015, 1, "F", 100 + n % 900),
        name=f"Pegawai {key}",
        position="Analis",
        grade="III/a",
        unit=registry.units["BIDTI"],
        supervisor=registry.employees["e2"],  # the supervisor user's staff
        active=True,
    )
    Account.objects.create(employee=employee, platform="x", handle=f"akun_{key}", state="declared")
    registry.employees[key] = employee
    return employee


def _case(employee, kind: str, users) -> Case:
    now, day = timezone.now(), today()
    cal = calendar()
    fields = {
        "step_due": {"state": "guidance"},
        "due_today": {"state": "guidance"},
        "due_soon": {"state": "guidance"},
        "far": {"state": "guidance"},
        "escalation": {"state": "deletion_check", "attribution_confirmed_at": now},
        "recommendation": {"state": "recommendation", "recommended_level": "medium"},
        "decision": {
            "state": "decision",
            "recommended_level": "medium",
            "recommendation_approved_at": now,
        },
        "objection": {
            "state": "appeal",
            "sanction_code": "written_reprimand",
            "decision_number": "800/1",
            "decision_date": day,
            "receipt_date": day,
        },
        "closed": {"state": "closed", "closed_at": now},
    }[kind]
    case = Case.objects.create(employee=employee, **fields)
    due = {
        "step_due": day - dt.timedelta(days=1),
        "due_today": day,
        "due_soon": cal.add_working_days(day, 2),
        "far": cal.add_working_days(day, 8),
        "closed": day - dt.timedelta(days=3),  # overdue but the case is closed: no work
    }.get(kind)
    if due is not None:
        Deadline.objects.create(case=case, kind="deletion", due=due, responsible_role="employee")
    if kind == "far":  # a deadline already met does not count either
        Deadline.objects.create(
            case=case,
            kind="supervisor_ack",
            due=day - dt.timedelta(days=2),
            responsible_role="supervisor",
            met_at=now,
        )
    if kind == "objection":
        Appeal.objects.create(
            case=case,
            kind=Appeal.Kind.OBJECTION,
            text="Saya keberatan",
            filed_by=users["inspector"],
            decide_by=cal.add_working_days(day, 10),
        )
    return case


def build(registry, users, make_finding, size: int) -> dict:
    """``size`` employees with one case each (kinds in rotation), findings, complaints, notices."""
    cases: dict[str, list[int]] = {k: [] for k in KINDS}
    for i in range(size):
        kind = KINDS[i % len(KINDS)]
        employee = _employee(registry, f"x{size}_{i}")
        cases[kind].append(_case(employee, kind, users).pk)
        make_finding(employee_key=f"x{size}_{i}")
    waiting = list(Finding.objects.filter(status=Finding.Status.NEW))
    decided = waiting[: size // 3]
    Finding.objects.filter(pk__in=[f.pk for f in decided]).update(status="dismissed")
    oldest = timezone.now() - dt.timedelta(days=5, hours=2)
    Finding.objects.filter(pk=waiting[-1].pk).update(created_at=oldest)
    for i in range(size):
        Complaint.objects.create(
            reference=f"ADU-{size}-{i}",
            category="hate_speech",
            reason="Ujaran kebencian",
            status="received" if i % 4 else "in_review",
        )
    supervisor = users["supervisor"]
    for i in range(size):
        Notification.objects.create(
            user=supervisor,
            subject=f"Pemberitahuan {i}",
            body="-",
            requires_ack=i % 3 != 0,
            acknowledged_at=timezone.now() if i % 3 == 1 else None,
        )
    return {
        "cases": cases,
        "findings": len(waiting) - len(decided),
        "complaints": sum(1 for i in range(size) if i % 4),
        "acks": sum(1 for i in range(size) if i % 3 == 2),
    }


def expected_work(role: str, data: dict) -> dict[str, int]:
    c = data["cases"]
    return {
        "inspector": {
            "findings": data["findings"],
            "step_due": len(c["step_due"]) + len(c["due_today"]),
            "due_soon": len(c["due_soon"]),
            "complaints": data["complaints"],
        },
        "head": {
            "escalation_approval": len(c["escalation"]),
            "recommendation_approval": len(c["recommendation"]),
        },
        "decider": {"decision": len(c["decision"]), "objection": len(c["objection"])},
        "supervisor": {"acknowledgements": data["acks"]},
    }[role]


CASE_KEYS = {
    "step_due": ("step_due", "due_today"),
    "due_soon": ("due_soon",),
    "escalation_approval": ("escalation",),
    "recommendation_approval": ("recommendation",),
    "decision": ("decision",),
    "objection": ("objection",),
}


@pytest.mark.parametrize("role", ["inspector", "head", "decider", "supervisor"])
def test_each_role_home_lists_exactly_its_work_and_each_item_links_to_that_work(
    role, registry, users, make_finding, login_as, english
):
    data = build(registry, users, make_finding, size=18)
    client = login_as(role)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    items = {item.key: item for item in response.context["work"]}
    assert {k: item.count for k, item in items.items()} == expected_work(role, data)
    page = response.content.decode()
    for key, item in items.items():
        assert f'href="{item.url.replace("&", "&amp;")}"' in page
        assert item.label in page
        if key in CASE_KEYS:  # the linked list holds exactly these cases
            listed = client.get(item.url)
            shown = {c.pk for c in listed.context["page"].object_list}
            assert shown == {pk for kind in CASE_KEYS[key] for pk in data["cases"][kind]}, key


def test_the_inspector_sees_the_age_of_the_oldest_finding_and_the_deadlines_coming(
    registry, users, make_finding, login_as, english
):
    data = build(registry, users, make_finding, size=9)
    response = login_as("inspector").get(reverse("home"))
    findings = next(i for i in response.context["work"] if i.key == "findings")
    assert findings.note == "the oldest has waited 5\xa0days"
    soon = response.context["soon"]
    assert {d.case_id for d in soon} == set(data["cases"]["due_soon"])
    page = response.content.decode()
    assert "Deadlines within 3 working days" in page
    assert "Pegawai x9_2" in page  # the due-soon case's employee, named


def test_complaints_to_triage_link_to_the_received_complaints(
    registry, users, make_finding, login_as
):
    build(registry, users, make_finding, size=8)
    client = login_as("inspector")
    item = next(i for i in client.get(reverse("home")).context["work"] if i.key == "complaints")
    listed = client.get(item.url).context["page"].object_list
    assert {c.reference for c in listed} == {f"ADU-8-{i}" for i in range(8) if i % 4}


def test_the_supervisor_sees_their_staffs_open_cases(registry, users, make_finding, login_as):
    data = build(registry, users, make_finding, size=9)
    response = login_as("supervisor").get(reverse("home"))
    open_cases = {pk for kind, pks in data["cases"].items() if kind != "closed" for pk in pks}
    assert {c.pk for c in response.context["staff_cases"]} == open_cases
    assert reverse("notifications") in response.content.decode()


def test_a_supervisor_does_not_see_cases_of_people_outside_their_staff(
    registry, users, login_as, english
):
    outsider = registry.employees["e7"]  # Dinas Kesehatan: not under the supervisor
    _case(outsider, "escalation", users)
    response = login_as("supervisor").get(reverse("home"))
    assert response.context["staff_cases"] == []
    assert "None of your staff has an open case." in response.content.decode()


# --- the employee -----------------------------------------------------------------------------


def test_the_employee_sees_what_to_do_by_when_on_their_case(users, registry, login_as, english):
    day = today()
    due = calendar().add_working_days(day, 5)
    case = Case.objects.create(
        employee=registry.employees["e4"],
        state="guidance",
        guidance_at=timezone.now(),
        deletion_due=due,
    )
    Deadline.objects.create(case=case, kind="deletion", due=due, responsible_role="employee")
    response = login_as("employee").get(reverse("home"))
    mine = response.context["my_case"]
    assert mine.case.pk == case.pk
    assert [(e.text, e.due) for e in mine.expected] == [
        ("Delete the post and confirm the deletion here", due),
        ("You may send your written response (hak jawab)", None),
    ]
    page = response.content.decode()
    assert reverse("case_detail", args=[case.pk]) in page
    assert f'datetime="{due:%Y-%m-%d}"' in page


def test_the_employee_sees_the_examination_date(users, registry, login_as, english):
    exam = calendar().add_working_days(today(), 4)
    Case.objects.create(employee=registry.employees["e4"], state="summons", exam_date=exam)
    mine = login_as("employee").get(reverse("home")).context["my_case"]
    assert ("Attend the examination", exam) in [(e.text, e.due) for e in mine.expected]


def test_the_employee_sees_their_sanction_and_the_objection_window(
    users, registry, login_as, english
):
    received = today()
    case = Case.objects.create(
        employee=registry.employees["e4"],
        state="delivered",
        sanction_code="written_reprimand",
        decision_number="800/12/2026",
        decision_date=received,
        receipt_date=received,
    )
    end = calendar().deadline("objection", received)
    response = login_as("employee").get(reverse("home"))
    mine = response.context["my_case"]
    assert mine.case.pk == case.pk and mine.window_end == end and mine.window_open
    assert ("You may lodge an objection", end) in [(e.text, e.due) for e in mine.expected]
    page = response.content.decode()
    assert "Written reprimand" in page or "written reprimand" in page.lower()
    assert "800/12/2026" in page


def test_the_employee_is_told_when_the_objection_window_has_closed(
    users, registry, login_as, english
):
    received = today() - dt.timedelta(days=60)
    Case.objects.create(
        employee=registry.employees["e4"],
        state="delivered",
        sanction_code="written_reprimand",
        decision_date=received,
        receipt_date=received,
    )
    response = login_as("employee").get(reverse("home"))
    mine = response.context["my_case"]
    assert not mine.window_open
    assert "The objection window closed on" in response.content.decode()
    assert not any("objection" in e.text for e in mine.expected)


def test_an_employee_without_a_case_is_told_so(users, login_as, english):
    response = login_as("employee").get(reverse("home"))
    assert response.context["my_case"] is None
    assert "You have no open case." in response.content.decode()


# --- the auditor ------------------------------------------------------------------------------


def test_the_auditor_sees_the_chain_size_and_last_entry(users, login_as, english):
    from pantau.audit.models import AuditEntry
    from pantau.audit.services import audit_record

    for i in range(3):
        audit_record(action="demo.loaded", object_repr=f"run {i}")
    client = login_as("auditor")  # signing in is itself an audit entry
    count = AuditEntry.objects.count()
    last = AuditEntry.objects.order_by("-seq").first().created_at
    response = client.get(reverse("home"))
    assert response.context["chain"]["last_at"] == last
    assert response.context["chain"]["entries"] == count
    page = response.content.decode()
    assert f"{count} entries in the audit chain" in page
    assert reverse("audit_log") in page


# --- next year's holidays ---------------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin", "head"])
def test_a_warning_when_next_year_has_no_holidays_and_none_when_it_has(
    role, users, login_as, english
):
    year = timezone.localdate().year + 1
    Holiday.objects.filter(date__year=year).delete()
    client = login_as(role)
    page = client.get(reverse("home")).content.decode()
    assert 'id="holiday-warning"' in page
    assert f"The holiday calendar has no days for {year} yet" in page
    if role == "admin":
        assert reverse("admin:cases_holiday_changelist") in page
    Holiday.objects.create(
        date=dt.date(year, 1, 1), name="Tahun Baru Masehi", kind="libur_nasional"
    )
    assert 'id="holiday-warning"' not in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("role", ["inspector", "decider", "supervisor", "employee", "auditor"])
def test_other_roles_get_no_holiday_warning(role, users, login_as):
    Holiday.objects.filter(date__year=timezone.localdate().year + 1).delete()
    assert 'id="holiday-warning"' not in login_as(role).get(reverse("home")).content.decode()


# --- the cost of a home page ------------------------------------------------------------------

# Queries per home page, whatever the number of rows (session, user, the work, the page frame;
# the supervisor's staff is walked level by level, so it depends on depth, not on head count).
BUDGET = {
    "admin": 13,
    "inspector": 19,
    "head": 16,
    "decider": 14,
    "supervisor": 26,
    "employee": 13,
    "auditor": 14,
}


@pytest.mark.parametrize("role", sorted(BUDGET))
def test_a_home_page_costs_the_same_queries_with_few_or_many_rows(
    role, registry, users, make_finding, login_as, django_assert_max_num_queries
):
    client = login_as(role)
    counts = []
    for size in (9, 36):
        build(registry, users, make_finding, size=size)
        if role == "employee" and size == 9:
            _case(registry.employees["e4"], "objection", users)
        with django_assert_max_num_queries(BUDGET[role]):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse("home")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_work_is_named_in_indonesian_by_default(registry, users, make_finding, login_as):
    build(registry, users, make_finding, size=9)
    labels = {i.key: i.label for i in login_as("inspector").get(reverse("home")).context["work"]}
    assert labels["step_due"] == "2 kasus dengan langkah yang jatuh tempo"
    assert labels["due_soon"] == "1 kasus dengan batas waktu dalam 3 hari kerja"
    assert labels["complaints"] == "6 pengaduan perlu dipilah"
    head = {i.key: i.label for i in login_as("head").get(reverse("home")).context["work"]}
    assert head["escalation_approval"] == "1 kenaikan ke pemanggilan perlu disetujui"
