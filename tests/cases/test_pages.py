"""The employee's side: their own case, a written response with an attachment, confirming the
deletion, an objection within its window (and not after), and the self-check that stores nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.audit.models import AccessLog, AuditEntry
from pantau.cases.models import Appeal, Attachment, Case, CaseStep, Deadline, Response
from pantau.cases.services import case_act

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


def _one_page_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.drawString(72, 720, "Klarifikasi")
    page.showPage()
    page.save()
    return buffer.getvalue()


PDF = _one_page_pdf()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def at(day: dt.date):
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 9, tzinfo=WITA), tick=False
    )


@pytest.fixture
def own_case(users, make_finding, confirm_finding) -> Case:
    """The employee user's (e4's) case, in guidance."""
    finding = make_finding(employee_key="e4", text="Dasar kaum itu semua penipu, usir saja")
    case = confirm_finding(finding, reason="Menyerang kelompok")
    return case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])


def act(client, case, **data):
    return client.post(reverse("case_action", args=[case.pk]), data, follow=True)


def test_the_employee_sees_their_own_case_and_finding(login_as, own_case, english):
    client = login_as("employee")
    assert client.get(reverse("my_case")).url == reverse("case_detail", args=[own_case.pk])
    response = client.get(reverse("case_detail", args=[own_case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dasar kaum itu semua" in html and "Your response (hak jawab)" in html
    assert "I have deleted the post" in html
    assert response.context["role"] == "employee" and response.context["pattern"] is None
    assert reverse("finding_detail", args=[own_case.findings.get().pk]) not in html
    assert [a["name"] for a in response.context["actions"]] == []
    assert AccessLog.objects.filter(object_id=str(own_case.pk), user__username="employee")


def test_the_employee_responds_in_writing_with_an_attachment(login_as, users, own_case, english):
    upload = SimpleUploadedFile("klarifikasi.pdf", PDF, content_type="application/pdf")
    response = act(
        login_as("employee"),
        own_case,
        action="record_response",
        text="Unggahan itu bercanda, sudah saya hapus.",
        attachments=upload,
    )
    assert "Recorded." in response.content.decode()
    reply = Response.objects.get(case=own_case)
    assert (reply.author, reply.text) == (
        users["employee"],
        "Unggahan itu bercanda, sudah saya hapus.",
    )
    attachment = Attachment.objects.get(response=reply)
    assert attachment.name == "klarifikasi.pdf"
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF
    step = CaseStep.objects.get(case=own_case, name="record_response")
    assert step.actor == users["employee"] and "attachments" not in step.data
    entry = AuditEntry.objects.get(action="case.record_response")
    assert entry.after["attachments"] == 1
    assert "klarifikasi.pdf" in response.content.decode()


def test_an_empty_response_is_refused(login_as, own_case):
    act(login_as("employee"), own_case, action="record_response", text="")
    assert not Response.objects.exists()


def test_the_employee_confirms_the_deletion(login_as, users, own_case):
    act(login_as("employee"), own_case, action="confirm_deletion")
    case = Case.objects.get(pk=own_case.pk)
    assert case.deletion_reported_at is not None and case.state == "guidance"
    assert CaseStep.objects.get(name="confirm_deletion").actor == users["employee"]
    moved = case_act(case_id=case.pk, name="request_deletion_check", actor=users["inspector"])
    assert moved.state == "deletion_check"  # the report lets the check start before the deadline


def test_the_employee_cannot_take_the_inspectors_steps(login_as, own_case, english):
    response = act(login_as("employee"), own_case, action="request_deletion_check")
    assert "Your role may not do this at this step." in response.content.decode()
    assert Case.objects.get(pk=own_case.pk).state == "guidance"


@pytest.fixture
def delivered(own_case):
    """The decision (a written reprimand) was received on Monday 2 November 2026."""
    Case.objects.filter(pk=own_case.pk).update(
        state="delivered",
        sanction_code="written_reprimand",
        decision_number="800/7/INSP/2026",
        decision_date=dt.date(2026, 10, 30),
        receipt_date=dt.date(2026, 11, 2),
    )
    return own_case


def test_an_objection_within_fourteen_working_days_is_lodged(login_as, users, delivered, english):
    with at(dt.date(2026, 11, 20)):  # the 14th working day after receipt
        client = login_as("employee")
        page = client.get(reverse("case_detail", args=[delivered.pk])).content.decode()
        assert "Objection possible until 20 November 2026" in page
        response = act(
            client, delivered, action="open_appeal", kind="objection", text="Saya keberatan."
        )
    assert "Recorded." in response.content.decode()
    case = Case.objects.get(pk=delivered.pk)
    assert case.state == "appeal"
    appeal = Appeal.objects.get(case=case)
    assert (appeal.kind, appeal.text, appeal.filed_by) == (
        "objection",
        "Saya keberatan.",
        users["employee"],
    )
    assert appeal.decide_by == dt.date(2026, 12, 21)  # 21 working days for the PPK
    assert Deadline.objects.get(case=case, kind="objection_decision").due == appeal.decide_by


def test_an_objection_after_the_window_is_refused(login_as, delivered, english):
    with at(dt.date(2026, 11, 23)):
        response = act(
            login_as("employee"), delivered, action="open_appeal", kind="objection", text="Telat."
        )
    assert "The objection period ended on" in response.content.decode()
    assert Case.objects.get(pk=delivered.pk).state == "delivered"
    assert not Appeal.objects.exists()


def test_a_banding_against_a_reprimand_is_refused(login_as, delivered):
    with at(dt.date(2026, 11, 5)):
        act(login_as("employee"), delivered, action="open_appeal", kind="appeal", text="Banding.")
    assert not Appeal.objects.exists()


def test_the_employee_cannot_see_another_employees_case(
    login_as, users, make_finding, confirm_finding
):
    other = confirm_finding(make_finding(employee_key="e3"))
    client = login_as("employee")
    assert client.get(reverse("case_detail", args=[other.pk])).status_code == 404
    response = client.post(
        reverse("case_action", args=[other.pk]), {"action": "record_response", "text": "x"}
    )
    assert response.status_code == 404
    assert not Response.objects.exists()
    assert list(client.get(reverse("case_list")).context["page"].object_list) == []
    assert client.get(reverse("my_case")).status_code == 200  # "no case" page, not theirs


# --- self-check ------------------------------------------------------------------------------


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_the_self_check_shows_the_flags_and_stores_nothing(login_as, registry, english):
    from pantau.monitoring.scanning import reset_engines

    reset_engines()
    client = login_as("employee")
    assert client.get(reverse("self_check")).status_code == 200
    before = row_counts()
    audits, accesses = AuditEntry.objects.count(), AccessLog.objects.count()
    draft = "Dasar kaum kafir itu semua anjing, usir saja dari kota ini"
    response = client.post(reverse("self_check"), {"text": draft})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The draft would be put before a reviewer for:" in html and "hate_speech" in html
    assert re.search(r"<mark>[^<]*kafir[^<]*</mark>", html)  # the phrase holding the target
    assert "no-store" in response["Cache-Control"]
    calm = client.post(reverse("self_check"), {"text": "Kebijakan parkir baru perlu dikaji ulang"})
    assert "Nothing would be flagged" in calm.content.decode()
    assert row_counts() == before
    assert (AuditEntry.objects.count(), AccessLog.objects.count()) == (audits, accesses)
    reset_engines()


def test_the_self_check_needs_a_login(client):
    response = client.post(reverse("self_check"), {"text": "x"})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def _png(width: int = 120, height: int = 80) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content",
    [
        ("bukti.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"),  # a program
        ("bukti.pdf", b"%PDF-1.4\n%%EOF\n"),  # a PDF header with no page
        ("bukti.png", b""),
        ("bukti.docm", b"PK\x03\x04" + b"\x00" * 40),
    ],
)
def test_an_attachment_that_is_not_a_pdf_or_image_is_refused_and_nothing_stored(
    login_as, own_case, english, name, content
):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = act(login_as("employee"), own_case, action="record_response", text="Klarifikasi",
                   attachments=upload)  # fmt: skip
    html = response.content.decode()
    if content:
        assert f"{name} is not a PDF or an image" in html
    else:
        assert "empty" in html.lower()  # Django's own check of the upload
    assert not Response.objects.filter(case=own_case).exists()
    assert not Attachment.objects.exists()


def test_an_image_attachment_is_kept_and_an_oversized_one_refused(
    login_as, own_case, english, settings
):
    client = login_as("employee")
    png = _png()
    act(client, own_case, action="record_response", text="Tangkapan layar",
        attachments=SimpleUploadedFile("layar.png", png, content_type="image/png"))  # fmt: skip
    assert Attachment.objects.get().sha256 == hashlib.sha256(png).hexdigest()
    settings.PANTAU_ATTACHMENT_MAX_MB = 1
    big = PDF + b"%" + b"x" * (1024 * 1024)
    response = act(client, own_case, action="record_response", text="Besar",
                   attachments=SimpleUploadedFile("besar.pdf", big))  # fmt: skip
    assert "besar.pdf is larger than 1 MB" in response.content.decode()
    assert Response.objects.filter(case=own_case).count() == 1
