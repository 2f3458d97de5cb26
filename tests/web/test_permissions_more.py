"""Permission matrix for the ingestion, register, review and case pages: role × method × URL.

As in test_permissions.py: a refused logged-in user gets 403, an object the user may not see is
404, an anonymous visitor is sent to the login page. The objects are made once per test: a
complaint with a screenshot, a claim, a finding, the employee user's case (e4, staff of the
supervisor user), another employee's case (e7, outside that staff), an import run and the
supervisor's notice to acknowledge.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from pantau.cases.models import Case, Notification
from pantau.monitoring.models import ClaimEntry, Complaint, Finding, ImportRun, Post, ScanResult

pytestmark = pytest.mark.django_db

ANON = "anonymous"
ROLES = ["admin", "inspector", "head", "decider", "supervisor", "employee", "auditor"]
LOGIN = "login"
VIEW_POSTS = {"admin", "inspector", "head", "auditor"}
IMPORT = {"admin", "inspector"}
REVIEWERS = {"inspector", "head"}
ALL_CASES = {"inspector", "head", "decider", "auditor"}


def allow(roles, ok=200, refused=403, anon=LOGIN) -> dict:
    table = {role: ok if role in roles else refused for role in ROLES}
    table[ANON] = anon
    return table


def everyone(status, anon=None) -> dict:
    return {**dict.fromkeys(ROLES, status), ANON: status if anon is None else anon}


@dataclass
class Objects:
    complaint: Complaint
    claim: ClaimEntry
    finding: Finding
    own_case: Case
    other_case: Case
    run: ImportRun
    notice: Notification


def make_finding(registry, key: str) -> Finding:
    account = registry.employees[key].accounts.first()
    post = Post.objects.create(
        platform=account.platform,
        post_id=f"perm-{key}",
        account=account,
        handle=account.handle,
        text="Dasar kaum itu semua penipu, usir saja dari kota ini",
        content_hash=f"perm-{key}",
        scan_state="scanned",
    )
    result = {"scores": {"hate_speech": 0.9}, "flags": ["hate_speech"], "evidence": []}
    scan = ScanResult.objects.create(
        post=post, model_version="pantau-id-test", scores=result["scores"], result=result
    )
    return Finding.objects.create(
        post=post,
        employee=account.employee,
        scan=scan,
        categories=["hate_speech"],
        top_category="hate_speech",
        score=0.9,
        priority=0.9,
    )


@pytest.fixture
def objects(settings, tmp_path, users, registry) -> Objects:
    settings.MEDIA_ROOT = tmp_path / "media"
    complaint = Complaint(
        reference="ADU-2611-TEST2345",
        category="hate_speech",
        reason="Menghina",
        anonymous=True,
        screenshot_sha256="0" * 64,
    )
    complaint.screenshot.save("shot.png", ContentFile(b"\x89PNG\r\n\x1a\nfake"), save=False)
    complaint.save()
    finding = make_finding(registry, "e4")
    own_case = Case.objects.create(employee=finding.employee, opened_by=users["inspector"])
    other_case = Case.objects.create(employee=make_finding(registry, "e7").employee)
    return Objects(
        complaint=complaint,
        claim=ClaimEntry.objects.create(claim_id="c1", text="Klaim hoaks", verdict="hoaks"),
        finding=finding,
        own_case=own_case,
        other_case=other_case,
        run=ImportRun.objects.create(format="csv", source_name="a.csv", source_sha256="0" * 64),
        notice=Notification.objects.create(
            user=users["supervisor"],
            case=own_case,
            kind="opened",
            subject="Kasus",
            body="Mohon ditindaklanjuti",
            requires_ack=True,
        ),
    )


def url_for(o: Objects, name: str) -> str:
    return {
        "post_import": reverse("post_import"),
        "post_import_run": reverse("post_import_run", args=[o.run.pk]),
        "post_import_run_json": reverse("post_import_run", args=[o.run.pk]) + "?format=json",
        "complaint_new": reverse("complaint_new"),
        "complaint_sent": reverse("complaint_sent"),
        "complaint_lookup": reverse("complaint_lookup"),
        "complaint_list": reverse("complaint_list"),
        "complaint_detail": reverse("complaint_detail", args=[o.complaint.reference]),
        "complaint_screenshot": reverse("complaint_screenshot", args=[o.complaint.reference]),
        "claim_list": reverse("claim_list"),
        "claim_new": reverse("claim_new"),
        "claim_edit": reverse("claim_edit", args=[o.claim.pk]),
        "claim_import": reverse("claim_import"),
        "waves": reverse("waves"),
        "review_queue": reverse("review_queue"),
        "finding_detail": reverse("finding_detail", args=[o.finding.pk]),
        "case_list": reverse("case_list"),
        "my_case": reverse("my_case"),
        "own_case": reverse("case_detail", args=[o.own_case.pk]),
        "other_case": reverse("case_detail", args=[o.other_case.pk]),
        "own_case_action": reverse("case_action", args=[o.own_case.pk]),
        "other_case_action": reverse("case_action", args=[o.other_case.pk]),
        "notifications": reverse("notifications"),
        "notification_ack": reverse("notification_ack", args=[o.notice.pk]),
        "self_check": reverse("self_check"),
    }[name]


MATRIX = [
    ("GET", "post_import", allow(IMPORT)),
    ("POST", "post_import", allow(IMPORT)),  # no file: the form is shown again
    ("GET", "post_import_run", allow(IMPORT)),
    ("GET", "post_import_run_json", allow(IMPORT)),
    ("GET", "complaint_new", everyone(200)),
    ("GET", "complaint_sent", everyone(302)),  # no reference in the session: back to the form
    ("GET", "complaint_lookup", everyone(200)),
    ("GET", "complaint_list", allow(VIEW_POSTS)),
    ("GET", "complaint_detail", allow(VIEW_POSTS)),
    ("GET", "complaint_screenshot", allow(VIEW_POSTS)),
    ("GET", "claim_list", allow(VIEW_POSTS)),
    ("GET", "claim_new", allow(REVIEWERS)),
    ("POST", "claim_new", allow(REVIEWERS)),  # empty: the form with its errors
    ("GET", "claim_edit", allow(REVIEWERS)),
    ("POST", "claim_import", allow(REVIEWERS, ok=302)),
    ("GET", "waves", allow(VIEW_POSTS)),
    ("GET", "review_queue", allow(REVIEWERS | {"auditor"})),  # the auditor reads everything
    ("GET", "finding_detail", allow(VIEW_POSTS)),
    ("POST", "finding_detail", allow(REVIEWERS)),  # incomplete: the form with its errors
    ("GET", "case_list", everyone(200, anon=LOGIN)),
    (
        "GET",
        "my_case",
        {**everyone(302, anon=LOGIN), "supervisor": 200},  # employee → own case; e2 has none
    ),
    ("GET", "own_case", allow(ALL_CASES | {"supervisor", "employee"}, refused=404)),
    ("GET", "other_case", allow(ALL_CASES, refused=404)),
    ("GET", "own_case_action", everyone(405)),
    ("POST", "own_case_action", allow(ALL_CASES | {"supervisor", "employee"}, 302, 404)),
    ("POST", "other_case_action", allow(ALL_CASES, ok=302, refused=404)),
    ("GET", "notifications", everyone(200, anon=LOGIN)),
    ("GET", "notification_ack", everyone(405)),
    ("POST", "notification_ack", allow({"supervisor"}, ok=302, refused=404)),
    ("GET", "self_check", everyone(200, anon=LOGIN)),
    ("POST", "self_check", everyone(200, anon=LOGIN)),
]

CASES = [
    pytest.param(role, method, name, table[role], id=f"{name}-{method}-{role}")
    for method, name, table in MATRIX
    for role in [*ROLES, ANON]
]

POST_DATA = {
    "finding_detail": {"outcome": "confirm", "reason": ""},
    "own_case_action": {"action": "confirm_attribution"},
    "other_case_action": {"action": "confirm_attribution"},
    "self_check": {"text": "Selamat pagi, rapat jam sembilan"},
}


@pytest.mark.parametrize(("role", "method", "name", "expected"), CASES)
def test_permission_matrix(login_as, objects, role, method, name, expected):
    client = login_as(None if role == ANON else role)
    url = url_for(objects, name)
    if method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, POST_DATA.get(name, {}))
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(f"{reverse('login')}?next=")
    else:
        assert response.status_code == expected


# --- what the matrix cannot show --------------------------------------------------------------


def test_only_inspectors_and_the_head_see_the_reporter(login_as, objects):
    Complaint.objects.filter(pk=objects.complaint.pk).update(
        anonymous=False, reporter_name="Pelapor Rahasia", reporter_contact="0812-0000-1111"
    )
    url = url_for(objects, "complaint_detail")
    for role in ("inspector", "head"):
        assert b"Pelapor Rahasia" in login_as(role).get(url).content
    for role in ("admin", "auditor"):
        assert b"Pelapor Rahasia" not in login_as(role).get(url).content


def test_a_refused_page_changes_nothing(login_as, objects):
    login_as("employee").post(url_for(objects, "other_case_action"), {"action": "dismiss_case"})
    login_as("auditor").post(url_for(objects, "notification_ack"))
    login_as("decider").post(url_for(objects, "finding_detail"), {"outcome": "dismiss"})
    objects.notice.refresh_from_db()
    assert objects.notice.acknowledged_at is None
    assert Case.objects.get(pk=objects.other_case.pk).state == "open"
    assert objects.finding.decisions.count() == 0


def test_the_screenshot_of_an_unknown_complaint_is_404(login_as, objects):
    url = reverse("complaint_screenshot", args=["ADU-0000-NOTHERE0"])
    assert login_as("inspector").get(url).status_code == 404
