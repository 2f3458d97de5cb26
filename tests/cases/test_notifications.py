"""Notifications: e-mail delivered to a real SMTP server on 127.0.0.1, the daily digest of overdue
items, and the supervisor's acknowledgement (PP 94/2021 Pasal 26–28)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socketserver
import threading
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from pantau.audit.models import AuditEntry
from pantau.cases.labels import DEADLINES, step_label
from pantau.cases.models import Case, CaseStep, Deadline, Notification
from pantau.cases.notifications import send_daily_digest
from pantau.cases.review import finding_decide
from pantau.cases.services import case_act

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) for Django's backend: EHLO, MAIL, RCPT, DATA, RSET, QUIT."""

    def reply(self, text: str) -> None:
        self.wfile.write(text.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 pantau-test ESMTP")
        sender, recipients = None, []
        while line := self.rfile.readline():
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.reply("250-pantau-test")
                self.reply("250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 pantau-test")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip().strip("<>"), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                self.server.received.append((sender, recipients, message))
                self.reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


@pytest.fixture
def smtp(settings):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpHandler)
    server.daemon_threads = True
    server.received = []
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.server_address[1]
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield server
    server.shutdown()
    server.server_close()


def in_indonesian(label, name: str) -> str:
    """What the recipient reads for a step or deadline (notices are written in Indonesian)."""
    with translation.override("id"):
        return label(name)


def received_by(smtp, address: str) -> list:
    return [message for _, rcpts, message in smtp.received if address in rcpts]


def at(day: dt.date):
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 7, tzinfo=WITA), tick=False
    )


def confirm(users, make_finding, capture) -> Case:
    finding = make_finding(employee_key="e4")
    with capture(execute=True):
        finding_decide(
            finding_id=finding.pk,
            expected_version=1,
            reviewer=users["inspector"],
            outcome="confirm",
            category="hate_speech",
            skb_item=2,
            reason="Menyerang kelompok etnis",
        )
    return Case.objects.get()


def test_case_notices_are_e_mailed_through_smtp(
    smtp, users, make_finding, django_capture_on_commit_callbacks
):
    case = confirm(users, make_finding, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])
    subject = f"[Pantau] Kasus #{case.pk}: {in_indonesian(step_label, 'start_guidance')}"[:60]
    [message] = [m for m in received_by(smtp, "employee@pantau.test") if subject in m["subject"]]
    assert message["subject"].startswith(subject)
    assert message["from"] == "pantau@localhost"
    body = message.get_content()
    assert "Siti Rahmawati" in body and f"/kasus/{case.pk}/" in body
    for address in ("supervisor@pantau.test", "inspector@pantau.test", "head@pantau.test"):
        assert any(subject in m["subject"] for m in received_by(smtp, address))
    assert not received_by(smtp, "decider@pantau.test")
    notes = Notification.objects.filter(kind="start_guidance")
    assert notes.count() == 4 and not notes.filter(emailed_at__isnull=True).exists()
    supervisor_note = notes.get(user=users["supervisor"])
    assert supervisor_note.requires_ack
    assert "Sebagai atasan langsung, Anda wajib menyatakan telah mengetahui" in supervisor_note.body
    employee_note = notes.get(user=users["employee"])
    assert not employee_note.requires_ack and "atasan langsung" not in employee_note.body


def test_the_daily_digest_lists_overdue_items_by_e_mail(
    smtp, users, registry, make_finding, django_capture_on_commit_callbacks
):
    with at(dt.date(2026, 3, 17)):
        case = confirm(users, make_finding, django_capture_on_commit_callbacks)
        case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])
    smtp.received.clear()
    with at(dt.date(2026, 3, 27)):
        assert send_daily_digest() == 0
    with at(dt.date(2026, 3, 30)):
        sent = send_daily_digest()
    assert sent == len(smtp.received) >= 4
    [employee] = received_by(smtp, "employee@pantau.test")
    assert employee["subject"] == "[Pantau] 1 hal terlambat"
    body = employee.get_content()
    deletion = in_indonesian(lambda kind: str(DEADLINES[kind]), "deletion")
    assert f"Kasus #{case.pk} ({registry.employees['e4'].full_name}): {deletion} —" in body
    assert "27 Maret 2026" in body
    [supervisor] = received_by(smtp, "supervisor@pantau.test")
    assert supervisor["subject"] == "[Pantau] 2 hal terlambat"
    assert in_indonesian(lambda kind: str(DEADLINES[kind]), "supervisor_ack") in (
        supervisor.get_content()
    )
    assert received_by(smtp, "inspector@pantau.test") and received_by(smtp, "head@pantau.test")
    assert not received_by(smtp, "admin@pantau.test")


def test_pantau_digest_sends_the_digest(
    smtp, users, make_finding, django_capture_on_commit_callbacks, capsys
):
    from pantau.cli import main

    with at(dt.date(2026, 3, 17)):
        case = confirm(users, make_finding, django_capture_on_commit_callbacks)
        case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])
    smtp.received.clear()
    with at(dt.date(2026, 3, 31)):
        assert main(["digest"]) == 0
    assert capsys.readouterr().out.strip() == f"sent {len(smtp.received)} digest e-mails"
    assert received_by(smtp, "employee@pantau.test")


# --- the supervisor's acknowledgement -------------------------------------------------------


def test_the_supervisor_must_acknowledge_and_the_ack_page_records_it(
    login_as, users, make_finding, django_capture_on_commit_callbacks, english
):
    case = confirm(users, make_finding, django_capture_on_commit_callbacks)
    case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])
    note = Notification.objects.get(user=users["supervisor"], kind="opened")
    assert note.requires_ack and note.acknowledged_at is None
    assert not Notification.objects.get(user=users["employee"], kind="opened").requires_ack

    client = login_as("supervisor")
    page = client.get(reverse("notifications"))
    html = page.content.decode()
    ack_url = reverse("notification_ack", args=[note.pk])
    assert ack_url in html and "Acknowledge (I am informed and will act)" in html
    note.refresh_from_db()
    assert note.read_at is None  # opening the list does not count as acknowledging

    response = client.post(ack_url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("notifications")
    assert "Acknowledged." in response.content.decode()
    note.refresh_from_db()
    assert note.acknowledged_at is not None and note.read_at is not None
    case.refresh_from_db()
    assert case.supervisor_acknowledged_at is not None
    step = CaseStep.objects.get(case=case, name="acknowledge")
    assert step.actor == users["supervisor"] and step.from_state == step.to_state == "guidance"
    assert AuditEntry.objects.get(action="case.acknowledge").actor == users["supervisor"]
    assert Deadline.objects.get(case=case, kind="supervisor_ack").met_at is not None
    assert "acknowledged" in client.get(reverse("notifications")).content.decode()


def test_nobody_acknowledges_someone_elses_notice(
    login_as, users, make_finding, django_capture_on_commit_callbacks
):
    confirm(users, make_finding, django_capture_on_commit_callbacks)
    note = Notification.objects.get(user=users["supervisor"], kind="opened")
    for role in ("employee", "inspector", "head"):
        assert login_as(role).post(reverse("notification_ack", args=[note.pk])).status_code == 404
    assert (
        login_as("supervisor").get(reverse("notification_ack", args=[note.pk])).status_code == 405
    )
    note.refresh_from_db()
    assert note.acknowledged_at is None
    assert Case.objects.get().supervisor_acknowledged_at is None


def test_notices_that_need_no_ack_are_marked_read_when_listed(
    login_as, users, make_finding, django_capture_on_commit_callbacks
):
    confirm(users, make_finding, django_capture_on_commit_callbacks)
    note = Notification.objects.get(user=users["employee"])
    assert note.read_at is None
    response = login_as("employee").get(reverse("notifications"))
    assert note.subject in response.content.decode()
    note.refresh_from_db()
    assert note.read_at is not None
