"""Complaints: the public form end to end, OCR of the screenshot, follow-up and confidentiality."""

from __future__ import annotations

import re

import pytest

from pantau.audit.models import AccessLog, AuditEntry
from pantau.monitoring.models import Complaint, Finding, Post
from tests.monitoring.conftest import draw_screenshot


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    from django.core.cache import cache

    settings.PANTAU_SCAN_IN_BACKGROUND = False
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


def _form(client):
    page = client.get("/aduan/").content.decode()
    question = re.search(r"(\d) \+ (\d)", page)
    token = re.search(r'name="challenge" value="([^"]+)"', page).group(1)
    return int(question.group(1)) + int(question.group(2)), token


def _submit(client, **fields):
    answer, token = _form(client)
    data = {
        "category": "hate_speech",
        "reason": "Menghina suku tertentu",
        "challenge": token,
        "answer": str(answer),
        "anonymous": "on",
    }
    data.update(fields)
    return client.post("/aduan/", data)


def test_ocr_reads_an_image_drawn_for_the_test(tesseract):
    from pantau.core.ocr import ocr_image

    text = ocr_image(draw_screenshot(["Pegawai itu menulis hoaks", "tentang vaksin di grup"]))
    assert "hoaks" in text.lower() and "vaksin" in text.lower()


def test_an_anonymous_complaint_with_a_screenshot_goes_end_to_end(
    client, registry, users, tesseract
):
    shot = draw_screenshot(["budisan: dasar kaum itu", "semua penipu dan penjahat"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = _submit(
        client,
        post_url="https://x.com/budisan/status/777",
        screenshot=SimpleUploadedFile("shot.png", shot, content_type="image/png"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"]).content.decode()
    complaint = Complaint.objects.get()
    assert complaint.reference in page
    assert complaint.anonymous and complaint.reporter_contact == ""
    import hashlib

    assert complaint.screenshot_sha256 == hashlib.sha256(shot).hexdigest()
    assert "penipu" in complaint.ocr_text.lower()
    post = Post.objects.get(platform="x", post_id="777")
    assert post.account.handle == "budisan" and post.source == "complaint"
    finding = Finding.objects.get(post=post)
    assert finding.source == "complaint" and finding.employee == registry.employees["e3"]
    assert AuditEntry.objects.filter(action="monitoring.complaint.received").exists()
    status = client.get("/aduan/cek/", {"reference": complaint.reference}).content.decode()
    assert complaint.get_status_display() in status or "received" in status


def test_a_named_reporter_is_seen_only_by_roles_that_need_it(client, registry, login_as):
    assert (
        _submit(
            client,
            anonymous="",
            reporter_name="Warga Peduli",
            reporter_contact="warga@example.com",
            post_url="https://www.instagram.com/p/AbC123/",
        ).status_code
        == 302
    )
    complaint = Complaint.objects.get()
    url = f"/pengaduan/{complaint.reference}/"
    assert "warga@example.com" in login_as("inspector").get(url).content.decode()
    assert "warga@example.com" in login_as("head").get(url).content.decode()
    auditor_page = login_as("auditor").get(url).content.decode()
    assert "warga@example.com" not in auditor_page and "Warga Peduli" not in auditor_page
    for role in ("supervisor", "employee", "decider"):
        assert login_as(role).get(url).status_code == 403
    assert AccessLog.objects.filter(object_id=str(complaint.pk), user_repr="inspector").exists()


def test_a_post_of_an_unregistered_account_is_kept_only_for_the_retention_period(
    client, registry, settings
):
    settings.PANTAU_RETENTION_DAYS = 30
    _submit(client, post_url="https://x.com/bukan_pegawai/status/555", reason="Hoaks vaksin")
    post = Post.objects.get(post_id="555")
    assert post.account is None and post.keep_until is not None
    from django.utils import timezone

    days = (post.keep_until - timezone.now()).days
    assert 28 <= days <= 30


def test_a_wrong_challenge_answer_is_refused(client, registry):
    answer, token = _form(client)
    response = client.post(
        "/aduan/",
        {
            "category": "hoax",
            "reason": "x",
            "challenge": token,
            "answer": str(answer + 1),
            "anonymous": "on",
            "post_url": "https://x.com/a/status/1",
        },
    )
    assert response.status_code == 200 and not Complaint.objects.exists()


def test_the_honeypot_field_stops_bots(client, registry):
    _submit(client, website="http://spam.example", post_url="https://x.com/a/status/1")
    assert not Complaint.objects.exists()


def test_too_many_complaints_from_one_address_are_refused(client, registry, settings):
    settings.PANTAU_COMPLAINT_RATE_PER_HOUR = 2
    codes = [_submit(client, post_url=f"https://x.com/a/status/{i}").status_code for i in range(3)]
    assert codes == [302, 302, 429]
    assert Complaint.objects.count() == 2


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"GIF89a" + b"\x00" * 100, "a.png", "not an image"),
        (b"%PDF-1.4 fake", "a.png", "not an image"),
        ("draw:10x10", "tiny.png", "too small"),
        ("draw:png-as-jpg", "photo.jpg", None),
    ],
)
def test_screenshots_are_checked_by_content(client, registry, content, name, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    if content == "draw:10x10":
        import io

        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (10, 10)).save(buffer, "PNG")
        content = buffer.getvalue()
    elif content == "draw:png-as-jpg":
        content = draw_screenshot(["teks"])
    response = _submit(client, screenshot=SimpleUploadedFile(name, content))
    if message is None:
        assert response.status_code == 302  # a PNG named .jpg is accepted as the PNG it is
        assert Complaint.objects.get().screenshot.name.endswith(".png")
    else:
        assert response.status_code == 200
        assert (
            message in response.content.decode().lower()
            or "gambar" in response.content.decode().lower()
        )
        assert not Complaint.objects.exists()


def test_the_complaint_api_accepts_a_report_and_follows_it(client, registry):
    response = client.post(
        "/api/v1/complaints",
        {
            "category": "hoax",
            "reason": "hoaks banjir",
            "post_url": "https://x.com/budisan/status/9",
        },
    )
    assert response.status_code == 201, response.content
    reference = response.json()["reference"]
    follow = client.get(f"/api/v1/complaints/{reference}")
    assert follow.status_code == 200 and follow.json()["status"] == "received"
    assert client.get("/api/v1/complaints/ADU-0000-XXXXXXXX").status_code == 404


def test_the_complaint_api_names_a_missing_field(client, registry):
    response = client.post("/api/v1/complaints", {"category": "hoax"})
    assert response.status_code == 422 and "reason" in response.content.decode()
