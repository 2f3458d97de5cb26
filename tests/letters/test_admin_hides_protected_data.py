"""The administrator's Django admin shows no more than the app lets the role see.

Walked as the admin user through every registered admin page (each changelist and each object's
change form): no complaint reporter's name or contact, no letter's subject or body, no TOTP key.
A second-factor reset is possible only through the audited admin action.
"""

from __future__ import annotations

import base64

import pytest
from django.contrib import admin
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.audit.models import AccessLog, AuditEntry
from pantau.letters.services import letter_issue
from pantau.monitoring.complaints import complaint_submit
from pantau.monitoring.models import Complaint

REPORTER_NAME = "Sulastri Pelapor Rahasia"
REPORTER_CONTACT = "sulastri.rahasia@contoh.example"
TOTP_KEY = "3132333435363738393031323334353637383930"


@pytest.fixture
def protected(case, users):
    complaint = complaint_submit(
        post_url="https://x.com/budisan/status/9001", category="hate_speech",
        reason="Unggahan ini menghina warga.", anonymous=False,
        reporter_name=REPORTER_NAME, reporter_contact=REPORTER_CONTACT,
    )  # fmt: skip
    assert Complaint.objects.get(pk=complaint.pk).reporter_name == REPORTER_NAME
    letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    device = TOTPDevice.objects.create(
        user=users["inspector"], name="ponsel", key=TOTP_KEY, confirmed=True
    )
    return {"complaint": complaint, "letter": letter, "device": device}


def admin_pages(client) -> dict[str, str]:
    """Every changelist and every object's change form of the admin, as HTML."""
    pages = {}
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        try:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        except NoReverseMatch:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
        for obj in model_admin.get_queryset(response.wsgi_request)[:30]:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            response = client.get(url)
            assert response.status_code == 200, url
            pages[url] = response.content.decode()
    return pages


def test_no_admin_page_shows_a_reporter_a_letter_body_or_a_totp_key(protected, login_as):
    client = login_as("admin")
    pages = admin_pages(client)
    letter = protected["letter"]
    secrets = {
        "reporter name": REPORTER_NAME,
        "reporter contact": REPORTER_CONTACT,
        "letter file": letter.pdf.name.rsplit("/", 1)[-1],
        "TOTP key (hex)": TOTP_KEY,
        "TOTP key (base32)": base64.b32encode(bytes.fromhex(TOTP_KEY)).decode(),
    }
    # The letter's own pages: its register entry, none of what it says about the case.
    content = letter.content
    letter_secrets = {
        "letter subject": letter.title,
        "employee as the letter names him": content["employee"]["name"],
        "NIP as the letter prints it": content["employee"]["nip"],
        "the post it quotes": content["findings"][0]["text"],
        "the supervisor it names": content["supervisor"]["name"],
    }
    for url in [reverse("admin:letters_letter_changelist"),
                reverse("admin:letters_letter_change", args=[letter.pk])]:  # fmt: skip
        html = pages[url]
        assert letter.number in html
        for what, secret in letter_secrets.items():
            assert secret not in html, f"{what} shown on {url}"
    assert any("/monitoring/complaint/" in url for url in pages)
    assert any(f"/letters/letter/{letter.pk}/" in url for url in pages)
    assert any(f"/otp_totp/totpdevice/{protected['device'].pk}/" in url for url in pages)
    for url, html in pages.items():
        for what, secret in secrets.items():
            assert secret not in html, f"{what} shown on {url}"


def test_the_old_totp_config_and_qr_pages_are_gone(protected, login_as):
    client = login_as("admin")
    base = f"/admin/otp_totp/totpdevice/{protected['device'].pk}"
    for suffix in ("/config/", "/qrcode/"):
        response = client.get(base + suffix)
        assert TOTP_KEY not in response.content.decode()
        assert response.status_code in (302, 404)


def test_opening_a_complaint_in_the_admin_is_access_logged(protected, login_as):
    client = login_as("admin")
    complaint = protected["complaint"]
    url = reverse("admin:monitoring_complaint_change", args=[complaint.pk])
    assert client.get(url).status_code == 200
    row = AccessLog.objects.get(object_type="monitoring.complaint", object_id=str(complaint.pk))
    assert row.user_repr == "admin" and row.detail == "admin"


def test_a_second_factor_reset_is_only_the_audited_action(protected, login_as, users):
    users["inspector"].email = "inspektur@contoh.example"
    users["inspector"].save()
    client = login_as("admin")
    device = protected["device"]
    delete = reverse("admin:otp_totp_totpdevice_delete", args=[device.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    change = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])
    client.post(change, {"key": "00" * 20, "name": "x", "user": device.user_id})
    device.refresh_from_db()
    assert device.key == TOTP_KEY  # not editable
    changelist = reverse("admin:otp_totp_totpdevice_changelist")
    response = client.post(
        changelist, {"action": "delete_selected", "_selected_action": [device.pk], "post": "yes"}
    )
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    response = client.post(
        changelist, {"action": "reset_second_factor", "_selected_action": [device.pk]}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    entry = AuditEntry.objects.get(action="user.totp_reset")
    assert entry.actor_repr == "admin" and entry.object_id == str(users["inspector"].pk)
    assert entry.before == {"devices": 1}
    assert [m.to for m in mail.outbox] == [["inspektur@contoh.example"]]
