"""Conflict of interest against the database: people involved in the facts (target, reporter,
relative, the employee, a prior reviewer on a decision) are routed around and the routing is
logged and audited; superiors and the PPK above the employee are not conflicted (Pasal 26–28)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.cases.errors import CaseError
from pantau.cases.models import Case, Notification, ReviewDecision, RoutingLog
from pantau.cases.review import ConflictOfInterest, finding_decide, review_queue
from pantau.cases.services import case_act
from pantau.monitoring.models import Complaint, Finding
from pantau.registry.models import Account, DeclaredConflict
from pantau.users.services import user_create

pytestmark = pytest.mark.django_db


def as_employee(user, employee):
    user.employee = employee
    user.save(update_fields=["employee"])
    return user


def queue_ids(client) -> list[int]:
    return [f.pk for f in client.get(reverse("review_queue")).context["page"].object_list]


def test_a_superior_of_the_employee_sees_and_may_review_the_finding(
    client, users, registry, make_finding
):
    inspector = as_employee(users["inspector"], registry.employees["e1"])  # e3's second superior
    finding = make_finding(employee_key="e3")
    other = make_finding(employee_key="e7")
    client.force_login(inspector)
    assert set(queue_ids(client)) == {finding.pk, other.pk}
    assert not RoutingLog.objects.exists()
    finding_decide(
        finding_id=finding.pk,
        expected_version=1,
        reviewer=inspector,
        outcome="dismiss",
        reason="bukan pelanggaran",
    )
    assert Finding.objects.get(pk=finding.pk).status == "dismissed"


def test_a_relative_does_not_see_the_finding_and_the_routing_is_logged(
    client, users, registry, make_finding
):
    inspector = as_employee(users["inspector"], registry.employees["e6"])
    DeclaredConflict.objects.create(
        person=registry.employees["e3"], subject=registry.employees["e6"], kind="relative",
        reason="Saudara kandung",
    )  # fmt: skip
    finding = make_finding(employee_key="e3")  # recorded the other way round: still a conflict
    other = make_finding(employee_key="e7")
    client.force_login(inspector)
    assert queue_ids(client) == [other.pk]
    assert queue_ids(client) == [other.pk]
    log = RoutingLog.objects.get()
    assert (log.finding, log.excluded_user, log.reasons) == (finding, inspector, ["declared"])
    entry = AuditEntry.objects.get(action="review.routed")
    assert entry.object_id == str(finding.pk) and entry.actor == inspector
    assert entry.after == {"excluded": inspector.pk, "reasons": ["declared"]}
    assert RoutingLog.objects.count() == 1  # visiting again logs nothing twice
    client.force_login(users["head"])
    assert set(queue_ids(client)) == {finding.pk, other.pk}


def test_a_reviewer_mentioned_in_the_post_does_not_see_it(client, users, registry, make_finding):
    inspector = as_employee(users["inspector"], registry.employees["e6"])
    Account.objects.create(
        employee=registry.employees["e6"], platform="x", handle="agus_dinkes", state="verified"
    )
    mentioned = make_finding(
        employee_key="e3", text="@Agus_Dinkes kepala dinas penipu, usir saja dari kota ini"
    )
    plain = make_finding(employee_key="e3")
    client.force_login(inspector)
    assert queue_ids(client) == [plain.pk]
    assert RoutingLog.objects.get(finding=mentioned).reasons == ["post_target"]


def test_a_reviewer_named_in_the_post_does_not_see_it(client, users, registry, make_finding):
    inspector = as_employee(users["inspector"], registry.employees["e6"])
    named = make_finding(
        employee_key="e8", text="Agus Salim Nasution itu penipu, usir saja dari kota ini"
    )
    client.force_login(inspector)
    assert queue_ids(client) == []
    assert RoutingLog.objects.get(finding=named).reasons == ["post_target"]
    assert review_queue(user=inspector).count() == 0
    assert review_queue(user=users["head"]).count() == 1


def test_deciding_a_finding_one_reported_is_refused_and_the_routing_logged(
    login_as, users, registry, make_finding, english
):
    """The head reported the post through the complaint form, then opens the finding from a
    link (not from the queue) and tries to decide it."""
    as_employee(users["head"], registry.employees["e0"])
    finding = make_finding(employee_key="e3")
    Complaint.objects.create(
        reference="ADU-TEST-1", category="hate_speech", reason="ujaran kebencian",
        reporter_name="Hendra  Wijaya", reporter_contact="", post=finding.post,
    )  # fmt: skip
    response = login_as("head").post(
        reverse("finding_detail", args=[finding.pk]),
        {"outcome": "dismiss", "reason": "x", "version": 1},
        follow=True,
    )
    html = response.content.decode()
    assert "You may not decide this finding" in html and "reported the post" in html
    finding.refresh_from_db()
    assert finding.status == "new" and not ReviewDecision.objects.exists()
    log = RoutingLog.objects.filter(finding=finding, excluded_user=users["head"]).first()
    assert log is not None and log.reasons == ["reporter"]
    assert AuditEntry.objects.filter(action="review.routed", object_id=str(finding.pk)).exists()


def test_the_employee_reviewing_their_own_finding_is_a_conflict(users, registry, make_finding):
    inspector = as_employee(users["inspector"], registry.employees["e3"])
    finding = make_finding(employee_key="e3")
    with pytest.raises(ConflictOfInterest, match="The person is the employee concerned"):
        finding_decide(
            finding_id=finding.pk,
            expected_version=1,
            reviewer=inspector,
            outcome="dismiss",
            reason="bukan saya",
        )
    assert Finding.objects.get(pk=finding.pk).status == "new"
    assert not ReviewDecision.objects.exists()


def test_an_involved_direct_superior_is_replaced_by_the_next_for_the_notice(
    users, registry, make_finding, confirm_finding, django_capture_on_commit_callbacks
):
    # e4's direct superior is e2 (the supervisor user); the post names e2.
    next_up = user_create(
        username="ratna",
        password="Kopi-Tubruk-2024!",
        role="supervisor",
        employee=registry.employees["e1"],
        email="ratna@pantau.test",
        check_password=False,
    )
    finding = make_finding(
        employee_key="e4", text="Yohanes Paulus Lamawuran itu atasan penipu, usir saja"
    )
    with django_capture_on_commit_callbacks(execute=True):
        confirm_finding(finding, category="abusive")
    assert not Notification.objects.filter(user=users["supervisor"]).exists()
    note = Notification.objects.get(user=next_up)
    assert note.requires_ack and note.kind == "opened"


def test_a_superior_in_the_chain_may_start_guidance_as_inspector(
    users, registry, make_finding, confirm_finding
):
    inspector = as_employee(users["inspector"], registry.employees["e1"])  # above e4's superior
    case = confirm_finding(
        make_finding(employee_key="e4"), reviewer=users["head"], category="abusive"
    )
    case = case_act(case_id=case.pk, name="start_guidance", actor=inspector, data={"note": "x"})
    assert case.state == "guidance"


def test_a_target_of_the_post_may_not_start_guidance(
    users, registry, make_finding, confirm_finding
):
    inspector = as_employee(users["inspector"], registry.employees["e8"])
    case = confirm_finding(
        make_finding(employee_key="e4", text="Fransiska Ndun itu bodoh, usir saja"),
        reviewer=users["head"],
        category="abusive",
    )
    with pytest.raises(CaseError) as error:
        case_act(case_id=case.pk, name="start_guidance", actor=inspector, data={"note": "x"})
    assert error.value.code == "precondition_failed"
    assert Case.objects.get().state == "open"


@pytest.mark.parametrize(
    "who,allowed",
    [("ppk above the employee", True), ("prior reviewer", False), ("relative", False)],
)
def test_who_may_decide_the_case(users, registry, make_finding, confirm_finding, who, allowed):
    """The PPK at the top of the chain decides; the one who reviewed the finding, or a relative,
    may not (checked through the ladder's precondition, as a decision step evaluates it)."""
    from pantau.cases.facts import facts_for

    decider = users["decider"]
    if who == "ppk above the employee":
        as_employee(decider, registry.employees["e0"])
        reviewer = users["head"]
    elif who == "prior reviewer":  # the head reviewed it, then became the PPK
        reviewer = decider = as_employee(users["head"], registry.employees["e8"])
    else:
        as_employee(decider, registry.employees["e6"])
        DeclaredConflict.objects.create(
            person=registry.employees["e6"], subject=registry.employees["e4"], kind="relative",
            reason="Suami",
        )  # fmt: skip
        reviewer = users["head"]
    case = confirm_finding(make_finding(employee_key="e4"), reviewer=reviewer)
    decider.role = "decider"
    decider.save(update_fields=["role"])
    for step in ("record_decision", "decide_no_sanction", "resolve_appeal"):
        facts = facts_for(case=case, user=decider, data={}, name=step, needed=["actor_no_conflict"])
        assert facts == {"actor_no_conflict": allowed}, (who, step)
    # the same person on a step that is not a decision: only a relative is still conflicted
    later = facts_for(
        case=case, user=decider, data={}, name="start_guidance", needed=["actor_no_conflict"]
    )
    assert later == {"actor_no_conflict": who != "relative"}


def test_a_reviewer_of_the_finding_cannot_decide_the_appeal(users, make_finding, confirm_finding):
    case = confirm_finding(make_finding(employee_key="e4"))
    Case.objects.filter(pk=case.pk).update(state="appeal")
    case.appeals.create(kind="objection", text="keberatan", filed_by=users["employee"],
                        decide_by="2026-12-31")  # fmt: skip
    with pytest.raises(CaseError) as error:
        case_act(
            case_id=case.pk,
            name="resolve_appeal",
            actor=users["inspector"],
            data={"outcome": "upheld", "reason": "tetap"},
        )
    assert error.value.code == "precondition_failed"
    closed = case_act(
        case_id=case.pk,
        name="resolve_appeal",
        actor=users["decider"],
        data={"outcome": "upheld", "reason": "tetap"},
    )
    assert closed.state == "closed"


def test_checking_a_queue_page_for_conflicts_reads_the_names_once(users, registry, make_finding):
    """The queue checks up to 200 findings at a time: the names of the people who may act on
    cases are read once per page, not once per finding."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pantau.cases.review import route_conflicts

    inspector = as_employee(users["inspector"], registry.employees["e6"])
    for _ in range(12):
        make_finding(employee_key="e8")
    page = list(review_queue(user=inspector).select_related("post", "employee"))
    assert len(page) == 12
    users_table = get_user_model()._meta.db_table
    with CaptureQueriesContext(connection) as captured:
        assert route_conflicts(user=inspector, findings=page) == 0
    assert sum(users_table in q["sql"] for q in captured) == 1


def test_an_inspector_without_a_staff_record_has_nothing_to_route(users, make_finding):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pantau.cases.review import route_conflicts

    finding = make_finding(employee_key="e3")
    with CaptureQueriesContext(connection) as captured:
        assert route_conflicts(user=users["inspector"], findings=[finding]) == 0
    assert len(captured) == 0
