"""A post that an export lists as deleted by its author: the finding page, the case page and the
deletion check say "dihapus oleh penulis pada <tanggal>" (English: "deleted by the author on")."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pantau.cases.models import Case, CaseFinding, DeletionCheck
from pantau.cases.services import case_act

pytestmark = pytest.mark.django_db

DELETED = dt.datetime(2026, 3, 3, 4, 5, tzinfo=dt.UTC)  # 12:05 in Asia/Makassar


@pytest.fixture
def deleted_finding(make_finding):
    finding = make_finding(employee_key="e4")
    post = finding.post
    post.deleted_by_author, post.deleted_at = True, DELETED
    post.save()
    return finding


def test_the_finding_page_says_the_author_deleted_it_and_when(login_as, deleted_finding, client):
    page = login_as("inspector").get(reverse("finding_detail", args=[deleted_finding.pk]))
    assert "dihapus oleh penulis pada 3 Maret 2026 12:05" in page.content.decode()


def test_in_english_too(login_as, deleted_finding, english):
    page = login_as("inspector").get(reverse("finding_detail", args=[deleted_finding.pk]))
    assert "deleted by the author on 3 March 2026 12:05" in page.content.decode()


def test_a_live_post_has_no_deletion_note(login_as, make_finding):
    finding = make_finding(employee_key="e4")
    page = login_as("inspector").get(reverse("finding_detail", args=[finding.pk]))
    assert "dihapus oleh penulis" not in page.content.decode()


def test_the_case_page_shows_the_note(login_as, deleted_finding, confirm_finding):
    case = confirm_finding(deleted_finding)
    page = login_as("inspector").get(reverse("case_detail", args=[case.pk]))
    assert "dihapus oleh penulis pada 3 Maret 2026 12:05" in page.content.decode()


def test_the_deletion_check_takes_the_export_as_evidence(registry, users, deleted_finding):
    case = Case.objects.create(employee=registry.employees["e4"], state="deletion_check")
    CaseFinding.objects.create(case=case, finding=deleted_finding)
    case_act(
        case_id=case.pk,
        name="record_deletion_check",
        actor=users["inspector"],
        data={"method": "refetch"},
    )
    check = DeletionCheck.objects.get()
    assert check.result == "deleted"
    assert "dihapus oleh penulis pada 3 Maret 2026 12:05" in check.after_evidence
    assert Case.objects.get(pk=case.pk).deletion_verified_at is not None


def test_the_finding_page_shows_the_shared_link_and_the_reshared_author(login_as, make_finding):
    finding = make_finding(employee_key="e4")
    post = finding.post
    post.shared_url, post.shared_title = "https://hoaks.example/gaji", "Gaji PNS dipotong"
    post.reshared_author, post.reply_to_id = "humaspemda", "8700"
    post.save()
    html = login_as("inspector").get(reverse("finding_detail", args=[finding.pk])).content.decode()
    assert '<a href="https://hoaks.example/gaji"' in html and "Gaji PNS dipotong" in html
    assert "@humaspemda" in html and "8700" in html
    assert "Tautan yang dibagikan" in html
