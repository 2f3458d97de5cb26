"""The deletion check asks the source again where it can: a Mastodon server on this machine."""

from __future__ import annotations

import http.server
import threading

import pytest

from pantau.cases.errors import CaseError
from pantau.cases.models import Case, CaseFinding, DeletionCheck
from pantau.cases.services import case_act


class _Statuses(http.server.BaseHTTPRequestHandler):
    alive = {"456"}

    def do_GET(self):  # noqa: N802 (http.server's name)
        status_id = self.path.rsplit("/", 1)[-1]
        if self.path.startswith("/api/v1/statuses/") and status_id in self.alive:
            body = b'{"id": "%s", "content": "<p>masih ada</p>"}' % status_id.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def mastodon():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Statuses)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _case_with_post(registry, make_finding, base, status_id):
    finding = make_finding(employee_key="e4")
    post = finding.post
    post.platform, post.post_id, post.url = "mastodon", status_id, f"{base}/@siti/{status_id}"
    post.save()
    case = Case.objects.create(employee=registry.employees["e4"], state="deletion_check")
    CaseFinding.objects.create(case=case, finding=finding)
    return case


def test_a_deleted_mastodon_status_is_found_deleted(registry, users, make_finding, mastodon):
    case = _case_with_post(registry, make_finding, mastodon, "123")
    case_act(
        case_id=case.pk,
        name="record_deletion_check",
        actor=users["inspector"],
        data={"method": "refetch", "result": "still_there"},
    )
    check = DeletionCheck.objects.get()
    assert check.result == "deleted" and "HTTP 404" in check.after_evidence
    assert check.before_sha256 and check.after_sha256
    assert Case.objects.get(pk=case.pk).deletion_verified_at is not None


def test_a_status_still_online_is_found_still_there(registry, users, make_finding, mastodon):
    case = _case_with_post(registry, make_finding, mastodon, "456")
    case_act(
        case_id=case.pk,
        name="record_deletion_check",
        actor=users["inspector"],
        data={"method": "refetch"},
    )
    check = DeletionCheck.objects.get()
    assert check.result == "still_there" and "masih ada" in check.after_evidence
    assert Case.objects.get(pk=case.pk).deletion_verified_at is None


def test_a_source_that_cannot_be_asked_again_needs_the_manual_check(
    registry, users, make_finding, in_english
):
    finding = make_finding(employee_key="e4")  # a TikTok post from an export
    case = Case.objects.create(employee=registry.employees["e4"], state="deletion_check")
    CaseFinding.objects.create(case=case, finding=finding)
    with pytest.raises(CaseError, match="confirmation"):
        case_act(
            case_id=case.pk,
            name="record_deletion_check",
            actor=users["inspector"],
            data={"method": "refetch"},
        )
    assert not DeletionCheck.objects.exists()
