"""The auditor reads the review queue and findings ("read-only everything") but never decides."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.cases.models import ReviewDecision, RoutingLog
from pantau.monitoring.models import Finding

pytestmark = pytest.mark.django_db


def test_the_auditor_reads_the_queue_and_a_finding_without_a_decision_form(
    users, make_finding, login_as, english
):
    finding = make_finding()
    client = login_as("auditor")
    before = AuditEntry.objects.count()
    queue = client.get(reverse("review_queue"))
    assert queue.status_code == 200
    assert [f.pk for f in queue.context["page"].object_list] == [finding.pk]
    assert reverse("finding_detail", args=[finding.pk]) in queue.content.decode()
    page = client.get(reverse("finding_detail", args=[finding.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Save decision" not in html and 'method="post"' not in html.split("<main", 1)[-1]
    assert not page.context["can_decide"]
    assert AuditEntry.objects.count() == before  # reading writes nothing to the audit chain
    assert not RoutingLog.objects.exists()


def test_the_auditor_cannot_decide_a_finding(users, make_finding, login_as):
    finding = make_finding()
    response = login_as("auditor").post(
        reverse("finding_detail", args=[finding.pk]),
        {"version": 1, "outcome": "dismiss", "reason": "bukan pelanggaran", "category": ""},
    )
    assert response.status_code == 403
    finding.refresh_from_db()
    assert finding.status == Finding.Status.NEW and finding.version == 1
    assert not ReviewDecision.objects.exists()


@pytest.mark.parametrize("role", ["decider", "supervisor", "employee", "admin"])
def test_other_non_reviewers_still_cannot_open_the_queue(users, login_as, role):
    assert login_as(role).get(reverse("review_queue")).status_code == 403
