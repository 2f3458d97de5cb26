"""javascript:, data: and vbscript: links: refused at every entry, never rendered as a link.

Entries: the public complaint API (no login) and form, the push API, post imports (CSV, JSON
Lines), the fact-check CSV import and form, the registry import, the admin. The pages are tested
in tests/cases/test_stored_links.py.
"""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from pantau.monitoring.models import ClaimEntry, Complaint, ImportProblem, Post
from tests.conftest import write_csv

HOSTILE = [
    "javascript:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
]
pytestmark = pytest.mark.django_db

BROKEN = "https://[x.com/budisan/status/1"  # urllib refuses this host: it gave a 500 before


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    from django.core.cache import cache

    settings.PANTAU_SCAN_IN_BACKGROUND = False
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


def _anchors(html: str) -> list[str]:
    return re.findall(r'<a\s[^>]*href="([^"]*)"', html)


def _no_hostile_anchor(html: str) -> None:
    for href in _anchors(html):
        assert not href.lower().startswith(("javascript", "data", "vbscript")), href


# --- entries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [*HOSTILE, BROKEN])
def test_the_public_complaint_api_refuses_the_link_and_names_the_field(client, registry, url):
    response = client.post(
        "/api/v1/complaints", {"category": "hoax", "reason": "hoaks", "post_url": url}
    )
    assert response.status_code == 422, response.content
    body = response.content.decode()
    assert "post_url" in body and ("http://" in body or "web address" in body)
    assert not Complaint.objects.exists() and not Post.objects.exists()


@pytest.mark.parametrize("url", [*HOSTILE, BROKEN])
def test_the_complaint_form_refuses_the_link(client, registry, url):
    page = client.get("/aduan/").content.decode()
    question = re.search(r"(\d) \+ (\d)", page)
    token = re.search(r'name="challenge" value="([^"]+)"', page).group(1)
    response = client.post(
        "/aduan/",
        {
            "category": "hate_speech",
            "reason": "Menghina suku tertentu",
            "challenge": token,
            "answer": str(int(question.group(1)) + int(question.group(2))),
            "anonymous": "on",
            "post_url": url,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["post_url"]
    assert not Complaint.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", BROKEN])
def test_the_complaint_service_refuses_the_link_too(registry, url):
    from pantau.monitoring.complaints import ComplaintError, complaint_submit

    with pytest.raises(ComplaintError, match="http"):
        complaint_submit(post_url=url, category="hoax", reason="r", anonymous=True)


@pytest.mark.parametrize("url", HOSTILE)
def test_the_push_api_refuses_the_item_and_names_its_index_and_field(client, users, url):
    from pantau.users.services import api_token_create

    _token, key = api_token_create(user=users["inspector"], name="collector", scope="push")
    item = {"platform": "x", "post_id": "9", "handle": "budisan", "text": "Halo", "url": url}
    response = client.post(
        "/api/v1/posts",
        {"posts": [item]},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 422, response.content
    [detail] = response.json()["detail"]
    assert detail["loc"][-3:] == ["posts", 0, "url"]
    assert "http://" in detail["msg"]
    assert not Post.objects.exists()


def _run(path, fmt, actor):
    from pantau.monitoring.imports import post_import

    return post_import(path=path, format=fmt, actor=actor)


@pytest.mark.parametrize("url", HOSTILE)
def test_a_csv_import_refuses_the_row_with_file_line_and_field(tmp_path, users, url):
    rows = [
        ["id", "platform", "handle", "text", "url"],
        ["ok1", "x", "budisan", "Rapat pagi", "https://x.com/budisan/status/1"],
        ["bad", "x", "budisan", "Rapat siang", url],
    ]
    run = _run(write_csv(tmp_path / "pantauan.csv", rows), "csv", users["inspector"])
    assert run.imported == 1 and run.error_count == 1
    problem = ImportProblem.objects.get(run=run)
    assert problem.file.endswith("pantauan.csv")
    assert (problem.line, problem.field) == (3, "url")
    assert "http://" in problem.reason
    assert list(Post.objects.values_list("post_id", flat=True)) == ["ok1"]


@pytest.mark.parametrize("url", HOSTILE)
def test_a_json_lines_import_refuses_the_record_with_file_line_and_field(tmp_path, users, url):
    path = tmp_path / "kiriman.jsonl"
    lines = [
        {"id": "j1", "platform": "x", "handle": "budisan", "text": "Satu"},
        {"id": "j2", "platform": "x", "handle": "budisan", "text": "Dua", "url": url},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    run = _run(path, "jsonl", users["inspector"])
    problem = ImportProblem.objects.get(run=run)
    assert problem.file.endswith("kiriman.jsonl")
    assert (problem.line, problem.field) == (2, "url")
    assert list(Post.objects.values_list("post_id", flat=True)) == ["j1"]


@pytest.mark.parametrize("url", HOSTILE)
def test_the_claims_csv_import_refuses_the_file_naming_row_and_column(tmp_path, url):
    from pantau.monitoring.claims import ClaimImportError, claims_import

    rows = [
        ["id", "klaim", "putusan", "tautan"],
        ["c1", "Air PDAM beracun", "hoaks", "https://cekfakta.example/1"],
        ["c2", "Gaji dipotong", "hoaks", url],
    ]
    with pytest.raises(ClaimImportError) as caught:
        claims_import(path=write_csv(tmp_path / "register.csv", rows))
    message = str(caught.value)
    assert message.startswith("register.csv: row 3: column source_url:")
    assert not ClaimEntry.objects.exists()


def test_a_claimreview_document_with_a_script_link_is_refused(tmp_path):
    from pantau.monitoring.claims import ClaimImportError, claims_import

    document = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "javascript:alert(1)",
        "claimReviewed": "Air PDAM beracun",
        "reviewRating": {"@type": "Rating", "alternateName": "Hoaks"},
    }
    path = tmp_path / "klaim.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ClaimImportError, match=r"klaim\.json: .*url: .*http"):
        claims_import(path=path)
    assert not ClaimEntry.objects.exists()


def test_the_fact_check_form_refuses_the_link(login_as):
    client = login_as("inspector")
    response = client.post(
        reverse("claim_new"),
        {"claim_id": "c9", "text": "Klaim", "verdict": "hoaks", "source_url": HOSTILE[0]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["source_url"]
    assert not ClaimEntry.objects.exists()


def test_the_registry_import_refuses_the_account_link_naming_row_and_field(tmp_path, registry):
    from pantau.registry.imports import registry_import

    nip = registry.employees["e5"].nip
    rows = [["nip", "platform", "handle", "url"], [nip, "x", "made_w", "javascript:alert(1)"]]
    path = write_csv(tmp_path / "akun.csv", rows)
    report = registry_import(kind="accounts", path=path, dry_run=False)
    assert not report.ok
    [error] = report.errors
    assert (error.row, error.field) == (2, "url")


def test_the_admin_refuses_the_link(login_as, registry):
    from pantau.registry.models import Account

    client = login_as("admin")
    account = Account.objects.get(handle="budisan")
    url = reverse("admin:registry_account_change", args=[account.pk])
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(
        url,
        {
            "employee": account.employee_id,
            "platform": "x",
            "handle": "budisan",
            "url": "javascript:alert(1)",
            "state": "verified",
            "note": "",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "url" in response.context["adminform"].form.errors
    account.refresh_from_db()
    assert account.url == "https://x.com/budisan"
