"""Reviewing findings on the finding page: every decision kind, labelled examples, optimistic
locking between two inspectors, and the queue's order and filters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pantau.audit.models import AuditEntry
from pantau.cases.models import Case, CaseFinding, ReviewDecision
from pantau.monitoring.models import Finding

pytestmark = pytest.mark.django_db

TEXT = "Dasar kaum itu semua penipu, usir saja dari kota ini"
LABELS = {"hate_speech", "abusive", "radicalism", "hoax"}


def decide(client, finding, *, version=None, **data):
    payload = {"version": finding.version if version is None else version, **data}
    return client.post(reverse("finding_detail", args=[finding.pk]), payload, follow=True)


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        ("dismiss", "dismissed"),
        ("protected", "protected"),
        ("not_attributable", "not_attributable"),
    ],
)
def test_each_non_confirming_decision_is_stored_as_a_labelled_example(
    login_as, users, make_finding, english, outcome, status
):
    finding = make_finding()
    response = decide(login_as("inspector"), finding, outcome=outcome, reason="  Alasan tertulis ")
    assert response.redirect_chain[-1][0] == reverse("review_queue")
    assert "Decision saved." in response.content.decode()
    finding.refresh_from_db()
    assert (finding.status, finding.version) == (status, 2)
    decision = ReviewDecision.objects.get()
    assert (decision.outcome, decision.reviewer, decision.reason) == (
        outcome,
        users["inspector"],
        "Alasan tertulis",
    )
    assert decision.text == TEXT and decision.model_version == "pantau-id-test"
    example = decision.as_training_example()
    assert example == {
        "id": f"review-{decision.pk}",
        "text": TEXT,
        **dict.fromkeys(LABELS, 0),
        "source": "review",
        "outcome": outcome,
    }
    entry = AuditEntry.objects.get(action=f"review.{outcome}")
    assert entry.before == {"status": "new", "version": 1}
    assert entry.after["status"] == status and entry.reason.strip() == "Alasan tertulis"
    assert not Case.objects.exists()


def test_a_confirmation_with_category_and_skb_item_opens_a_case(
    login_as, users, make_finding, django_capture_on_commit_callbacks
):
    finding = make_finding(employee_key="e4")
    with django_capture_on_commit_callbacks(execute=True):
        decide(
            login_as("head"),
            finding,
            outcome="confirm",
            category="hate_speech",
            skb_item=2,
            reason="Menyerang kelompok etnis",
        )
    finding.refresh_from_db()
    assert finding.status == "confirmed"
    decision = ReviewDecision.objects.get()
    assert (decision.category, decision.skb_item, decision.reviewer) == (
        "hate_speech",
        2,
        users["head"],
    )
    example = decision.as_training_example()
    assert example["hate_speech"] == 1 and example["outcome"] == "confirm"
    assert {k: example[k] for k in LABELS - {"hate_speech"}} == dict.fromkeys(
        LABELS - {"hate_speech"}, 0
    )
    case = Case.objects.get()
    assert (case.employee, case.state, case.opened_by) == (finding.employee, "open", users["head"])
    assert CaseFinding.objects.filter(case=case, finding=finding).exists()
    assert AuditEntry.objects.filter(action="review.confirm").exists()
    assert AuditEntry.objects.filter(action="case.opened").exists()


def test_a_second_confirmed_finding_joins_the_open_case(login_as, make_finding):
    client = login_as("inspector")
    for _ in range(2):
        finding = make_finding(employee_key="e4")
        decide(client, finding, outcome="confirm", category="abusive", skb_item=2, reason="x")
    case = Case.objects.get()
    assert case.findings.count() == 2
    assert list(case.steps.values_list("name", flat=True)) == ["opened", "add_finding"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"category": "", "skb_item": 2}, "A confirmation needs the category"),
        ({"category": "hoax", "skb_item": ""}, "A confirmation needs the SKB 11 item"),
    ],
)
def test_a_confirmation_without_category_or_skb_item_is_refused(
    login_as, make_finding, english, data, message
):
    finding = make_finding()
    response = decide(login_as("inspector"), finding, outcome="confirm", reason="x", **data)
    assert message in response.content.decode()
    finding.refresh_from_db()
    assert (finding.status, finding.version) == ("new", 1)
    assert not ReviewDecision.objects.exists()


def test_a_post_not_linked_to_an_employee_cannot_be_confirmed(login_as, make_finding, english):
    finding = make_finding()
    Finding.objects.filter(pk=finding.pk).update(employee=None)
    response = decide(
        login_as("inspector"),
        finding,
        outcome="confirm",
        category="abusive",
        skb_item=2,
        reason="x",
    )
    assert "not linked to an employee" in response.content.decode()
    assert not ReviewDecision.objects.exists()


def test_the_second_inspector_is_told_the_finding_changed_and_nothing_is_overwritten(
    client, users, make_finding, english
):
    from django.test import Client

    finding = make_finding()
    first = client
    first.force_login(users["inspector"])
    page = first.get(reverse("finding_detail", args=[finding.pk]))
    assert page.context["form"].initial["version"] == 1

    second = Client()
    second.force_login(users["head"])
    decide(second, finding, outcome="dismiss", reason="Bukan pelanggaran")

    response = decide(
        first,
        finding,
        version=1,
        outcome="confirm",
        category="hate_speech",
        skb_item=2,
        reason="Pelanggaran",
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("finding_detail", args=[finding.pk])
    assert "Another reviewer changed this finding while you were reading it" in html
    assert "Reload the page" in html
    finding.refresh_from_db()
    assert (finding.status, finding.version) == ("dismissed", 2)
    assert list(ReviewDecision.objects.values_list("outcome", "reviewer")) == [
        ("dismiss", users["head"].pk)
    ]
    assert not Case.objects.exists()
    assert not AuditEntry.objects.filter(action="review.confirm").exists()


@pytest.mark.parametrize("role", ["admin", "auditor"])
def test_roles_that_may_read_a_finding_cannot_decide_it(login_as, make_finding, role):
    finding = make_finding()
    client = login_as(role)
    assert client.get(reverse("finding_detail", args=[finding.pk])).status_code == 200
    response = client.post(
        reverse("finding_detail", args=[finding.pk]),
        {"outcome": "dismiss", "reason": "x", "version": 1},
    )
    assert response.status_code == 403
    assert not ReviewDecision.objects.exists()


def test_the_finding_page_shows_the_evidence_and_the_employees_history(
    login_as, make_finding, registry
):
    older = make_finding(text="Kalian semua penipu")
    finding = make_finding()
    html = login_as("inspector").get(reverse("finding_detail", args=[finding.pk])).content.decode()
    assert "<mark" in html and "penipu</mark>" in html
    assert registry.employees["e3"].full_name in html
    assert reverse("finding_detail", args=[older.pk]) in html


# --- the queue ---------------------------------------------------------------------------------


def queued(client, **params) -> list[int]:
    response = client.get(reverse("review_queue"), params)
    assert response.status_code == 200
    return [f.pk for f in response.context["page"].object_list]


def test_the_queue_is_ordered_by_priority_then_oldest_first(login_as, make_finding):
    now = timezone.now()
    low_old, high, low_new, done = (make_finding() for _ in range(4))
    for finding, value, age in ((low_old, 0.5, 3), (high, 0.9, 1), (low_new, 0.5, 2)):
        Finding.objects.filter(pk=finding.pk).update(
            priority=value, created_at=now - dt.timedelta(days=age)
        )
    Finding.objects.filter(pk=done.pk).update(priority=5.0, status="dismissed")
    assert queued(login_as("inspector")) == [high.pk, low_old.pk, low_new.pk]


def test_the_queue_filters_by_category_unit_platform_date_score_and_source(login_as, make_finding):
    hate = make_finding(employee_key="e3", when=timezone.now() - dt.timedelta(days=10))
    hoax = make_finding(employee_key="e7", category="hoax", score=0.6)
    tiktok = make_finding(employee_key="e4", category="abusive", score=0.7)
    Finding.objects.filter(pk=tiktok.pk).update(source="complaint")
    client = login_as("inspector")
    assert queued(client, category="hoax") == [hoax.pk]
    assert queued(client, unit="DINKES") == [hoax.pk]
    assert set(queued(client, unit="BIDTI")) == {hate.pk, tiktok.pk}
    assert queued(client, platform="tiktok") == [tiktok.pk]
    recent = (timezone.localdate() - dt.timedelta(days=2)).isoformat()
    assert set(queued(client, date_from=recent)) == {hoax.pk, tiktok.pk}
    assert queued(client, date_to=recent) == [hate.pk]
    assert queued(client, min_score="0.8") == [hate.pk]
    assert queued(client, source="complaint") == [tiktok.pk]
    assert queued(client, source="scan", category="abusive") == []


@pytest.mark.parametrize(
    "role", ["admin", "decider", "supervisor", "employee"]
)  # auditor reads: test_auditor_reads_queue.py
def test_only_inspectors_and_the_head_see_the_queue(login_as, make_finding, role):
    make_finding()
    assert login_as(role).get(reverse("review_queue")).status_code == 403
