"""The pages inspectors wait on run the same number of queries for 5 rows as for 40 (issue 17).

Each page is requested once to warm up (session, caches) and then counted; the second size adds
rows to the same database, so the two counts differ only if some query runs once per row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

OWNERS = ["e3", "e4", "e7", "e8"]


def counted(client, url: str) -> tuple[int, object]:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.fixture
def inspector_on_staff(client, users, registry):
    """An inspector who is on the staff list (e6), so the queue's conflict check runs."""
    inspector = users["inspector"]
    inspector.employee = registry.employees["e6"]
    inspector.save(update_fields=["employee"])
    client.force_login(inspector)
    return client


def add_findings(make_finding, n: int, *, start: int, employee_key=None) -> list:
    """``n`` findings; each names an account of its own, as posts naming people do."""
    return [
        make_finding(
            employee_key=employee_key or OWNERS[i % len(OWNERS)],
            text=f"Dasar kaum itu semua penipu, usir saja @warga{i} @budisan",
        )
        for i in range(start, start + n)
    ]


def test_the_review_queue_runs_as_many_queries_for_25_rows_as_for_5(
    inspector_on_staff, make_finding
):
    add_findings(make_finding, 5, start=0)
    few, response = counted(inspector_on_staff, reverse("review_queue"))
    assert len(response.context["page"].object_list) == 5
    add_findings(make_finding, 35, start=5)
    many, response = counted(inspector_on_staff, reverse("review_queue"))
    assert len(response.context["page"].object_list) == 25
    assert response.context["page"].paginator.count == 40
    assert many == few


def test_the_review_queue_checks_a_mentioned_handle_once_per_page(inspector_on_staff, make_finding):
    """The names a page's posts mention are looked up together, not one query per post."""
    add_findings(make_finding, 30, start=0)
    with CaptureQueriesContext(connection) as captured:
        assert inspector_on_staff.get(reverse("review_queue")).status_code == 200
    assert sum('FROM "registry_account"' in q["sql"] for q in captured) == 1


def test_a_finding_page_runs_as_many_queries_with_40_earlier_findings_as_with_5(
    login_as, make_finding
):
    client = login_as("inspector")
    add_findings(make_finding, 5, start=0, employee_key="e3")
    finding = make_finding(employee_key="e3")
    url = reverse("finding_detail", args=[finding.pk])
    few, response = counted(client, url)
    assert len(response.context["history"]) == 5
    add_findings(make_finding, 35, start=5, employee_key="e3")
    many, response = counted(client, url)
    assert len(response.context["history"]) == 20  # the page shows the latest twenty
    assert many == few


def test_a_case_page_runs_as_many_queries_for_40_findings_as_for_5(
    login_as, make_finding, confirm_finding
):
    client = login_as("inspector")
    case = None
    for finding in add_findings(make_finding, 5, start=0, employee_key="e3"):
        case = confirm_finding(finding)
    url = reverse("case_detail", args=[case.pk])
    few, response = counted(client, url)
    assert len(response.context["findings"]) == 5
    for finding in add_findings(make_finding, 35, start=5, employee_key="e3"):
        assert confirm_finding(finding) == case
    many, response = counted(client, url)
    assert len(response.context["findings"]) == 40
    assert len(response.context["steps"]) == 40  # opened, then one step per added finding
    assert many == few


def test_the_complaint_list_runs_as_many_queries_for_40_complaints_as_for_5(login_as, make_finding):
    from pantau.monitoring.models import Complaint

    client = login_as("inspector")

    def complain(start: int, n: int) -> None:
        for i, finding in enumerate(add_findings(make_finding, n, start=start), start=start):
            Complaint.objects.create(
                reference=f"ADU-T{i:04d}",
                post_url=f"https://x.com/warga/status/{i}",
                category="hate_speech",
                reason="Menghina kelompok",
                post=finding.post,
            )

    complain(0, 5)
    few, response = counted(client, reverse("complaint_list"))
    assert len(response.context["page"].object_list) == 5
    complain(5, 35)
    many, response = counted(client, reverse("complaint_list"))
    assert len(response.context["page"].object_list) == 40
    assert many == few


def test_the_queue_routes_every_conflict_on_the_page_it_shows(
    inspector_on_staff, registry, make_finding
):
    """A whole page of findings the inspector may not decide (their own) goes to other reviewers,
    and the page is filled with the next findings, checked in turn."""
    from pantau.cases.models import RoutingLog
    from pantau.registry.models import Account

    Account.objects.create(employee=registry.employees["e6"], platform="x", handle="agus.salim")

    own = [make_finding(employee_key="e6", score=0.95) for _ in range(25)]
    others = [make_finding(employee_key="e3", score=0.5) for _ in range(5)]
    response = inspector_on_staff.get(reverse("review_queue"))
    shown = [f.pk for f in response.context["page"].object_list]
    assert shown == [f.pk for f in others]
    assert set(RoutingLog.objects.values_list("finding_id", flat=True)) == {f.pk for f in own}
    assert response.context["page"].paginator.count == 5
