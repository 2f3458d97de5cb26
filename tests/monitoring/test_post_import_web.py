"""Importing posts from the web: upload, the background import, the run page and its JSON progress.

The import runs in a thread with its own database connection, as in the embedded set-up, so the
tests that start one use a transactional database (restored afterwards with serialized rollback)
and wait for the thread before they look at the result. The SQLite test database lives in memory
with a shared cache, where two connections writing at once fail at once instead of waiting as
they do on the file database of an installation; so on SQLite the request does not re-save its
session after the view (SESSION_SAVE_EVERY_REQUEST) while the import thread writes.
"""

from __future__ import annotations

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.monitoring.models import Finding, ImportProblem, ImportRun, Post
from tests.conftest import write_csv

CSV_ROWS = [
    ["id", "platform", "handle", "text"],
    ["w1", "x", "@BudiSan", "Apel pagi di halaman kantor"],
    ["w2", "x", "budisan", "Dasar kaum kafir itu semua anjing, usir saja dari kota ini"],
    ["w3", "x", "bukan_pegawai", "Akun yang tidak terdaftar"],
    ["w4", "x", "budisan", ""],
]
transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    from pantau.monitoring.claims import reset_claim_index
    from pantau.monitoring.scanning import reset_engines

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_BROKER_URL = ""  # the embedded set-up: the import runs in a thread
    if connection.vendor == "sqlite":
        settings.SESSION_SAVE_EVERY_REQUEST = False
    reset_engines()
    reset_claim_index()
    yield
    reset_engines()
    reset_claim_index()


def wait_for_imports() -> None:
    for thread in threading.enumerate():
        if thread.name == "pantau-import":
            thread.join(timeout=60)
            assert not thread.is_alive(), "the background import did not finish"


def upload(client, path, fmt="csv", **extra):
    data = {"format": fmt, "file": SimpleUploadedFile(path.name, path.read_bytes()), **extra}
    response = client.post(reverse("post_import"), data)
    wait_for_imports()
    return response


@transactional
def test_an_inspector_uploads_a_file_and_follows_the_run(login_as, registry, tmp_path, english):
    client = login_as("inspector")
    response = upload(client, write_csv(tmp_path / "rekap-web.csv", CSV_ROWS))
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("post_import_run", args=[run.pk])
    assert (run.status, run.format, run.source_name) == ("done", "csv", "rekap-web.csv")
    assert (run.imported, run.skipped, run.error_count) == (2, 1, 1)
    assert run.started_by.username == "inspector"
    assert sorted(Post.objects.values_list("post_id", flat=True)) == ["w1", "w2"]
    assert Finding.objects.get().post.post_id == "w2"  # scanned after the import

    page = client.get(response.url)
    assert page.status_code == 200
    assert page.context["run"] == run
    html = page.content.decode()
    assert "rekap-web.csv" in html and "<dd>2</dd>" in html and "<dd>1</dd>" in html
    problem = ImportProblem.objects.get(run=run)
    assert (problem.line, problem.field) == (5, "text")
    assert "<code>text</code>" in html

    progress = client.get(response.url, {"format": "json"})
    assert progress.json() == {
        "status": "done",
        "imported": 2,
        "duplicates": 0,
        "skipped": 1,
        "errors": 1,
        "message": "",
    }
    listing = client.get(reverse("post_import"))
    assert list(listing.context["page"].object_list) == [run]
    assert AuditEntry.objects.filter(action="monitoring.import.done", object_id=str(run.pk))


@transactional
def test_a_broken_export_shows_the_failed_run_with_its_reason(login_as, registry, tmp_path):
    path = tmp_path / "arsip-x.zip"
    path.write_bytes(b"PK\x03\x04 truncated")
    client = login_as("inspector")
    response = upload(client, path, fmt="x-archive")
    run = ImportRun.objects.get()
    assert response.url == reverse("post_import_run", args=[run.pk])
    assert run.status == "failed" and "arsip-x.zip" in run.message
    progress = client.get(response.url, {"format": "json"}).json()
    assert progress["status"] == "failed" and progress["message"] == run.message
    assert Post.objects.count() == 0


@transactional
def test_an_uploaded_file_with_poison_lines_ends_done_listing_each(login_as, registry, tmp_path):
    path = tmp_path / "racun.jsonl"
    path.write_bytes(
        b'{"id": "g1", "platform": "x", "handle": "budisan", "text": "Apel pagi"}\n'
        + b"[" * 100_000
        + b"]" * 100_000
        + b'\n{"id": "g3", "platform": "x", "handle": "budisan", "text": "a \\u0000 b"}\n'
        + b'{"id": "g4", "platform": "x", "handle": "budisan", "text": "a \\ud800 b"}\n'
        + b'{"id": "g5", "platform": "x", "handle": "budisan", "text": "Rapat siang"}\n'
    )
    client = login_as("inspector")
    response = upload(client, path, fmt="jsonl")
    run = ImportRun.objects.get()
    assert response.url == reverse("post_import_run", args=[run.pk])
    assert (run.status, run.imported, run.error_count) == ("done", 2, 3)
    problems = {p.line: p for p in ImportProblem.objects.filter(run=run)}
    assert sorted(problems) == [2, 3, 4]
    assert problems[3].field == problems[4].field == "text"
    assert sorted(Post.objects.values_list("post_id", flat=True)) == ["g1", "g5"]
    assert client.get(response.url).status_code == 200


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_on_the_form(login_as, registry, tmp_path, settings):
    settings.PANTAU_IMPORT_MAX_BYTES = 10
    client = login_as("admin")
    response = client.post(
        reverse("post_import"),
        {"format": "csv", "file": SimpleUploadedFile("besar.csv", b"x" * 100)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportRun.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["head", "decider", "supervisor", "employee", "auditor"])
def test_roles_without_the_import_permission_cannot_upload(login_as, registry, tmp_path, role):
    path = write_csv(tmp_path / "rekap.csv", CSV_ROWS)
    client = login_as(role)
    response = client.post(
        reverse("post_import"),
        {"format": "csv", "file": SimpleUploadedFile(path.name, path.read_bytes())},
    )
    assert response.status_code == 403
    assert client.get(reverse("post_import")).status_code == 403
    assert not ImportRun.objects.exists() and not Post.objects.exists()


@pytest.mark.django_db
def test_the_run_page_refuses_roles_without_the_permission(login_as, registry):
    run = ImportRun.objects.create(format="csv", source_name="a.csv", source_sha256="0" * 64)
    url = reverse("post_import_run", args=[run.pk])
    assert login_as("employee").get(url, {"format": "json"}).status_code == 403
    anonymous = login_as(None).get(url)
    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("login"))
    assert login_as("admin").get(url, {"format": "json"}).json()["status"] == "running"
