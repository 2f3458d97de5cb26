"""Editable templates and letterhead, frozen letters, corrections, and the admin's audit trail."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.letters.errors import LetterError
from pantau.letters.kinds import Kind
from pantau.letters.models import Letter, Letterhead, LetterTemplate, NumberCounter
from pantau.letters.services import letter_correct, letter_issue, letter_render_files
from tests.letters.conftest import pdf_text, read

EXTRA_SENTENCE = "Kalimat tambahan ini ditulis oleh admin untuk pengujian."


def test_a_fresh_install_has_every_template_in_both_languages_and_a_letterhead(db):
    active = LetterTemplate.objects.filter(active=True)
    assert {(t.kind, t.language) for t in active} == {
        (k, lang) for k in Kind.values for lang in ("id", "en")
    }
    head = Letterhead.objects.get()
    assert head.organisation == "Pemerintah Kota Teluk Sejahtera" and head.city == "Teluk Sejahtera"
    assert head.decider_title == "Wali Kota Teluk Sejahtera"


def test_editing_a_template_changes_the_next_letter_but_not_an_issued_one(case, users):
    old = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    old_pdf = read(old.pdf)
    template = LetterTemplate.objects.get(kind="teguran", language="id", active=True)
    template.body = template.body.replace(
        "Demikian untuk menjadi perhatian", f"{EXTRA_SENTENCE}\n\nDemikian untuk menjadi perhatian"
    )
    template.save()
    new = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    assert EXTRA_SENTENCE in pdf_text(read(new.pdf))
    old.refresh_from_db()
    assert EXTRA_SENTENCE not in old.content["body"]
    assert read(old.pdf) == old_pdf and hashlib.sha256(old_pdf).hexdigest() == old.pdf_sha256
    assert EXTRA_SENTENCE not in pdf_text(old_pdf)
    # Rendering reads only the letter's own row: the same bytes again, whatever changed since.
    letter_render_files(old)
    assert old.pdf_sha256 == hashlib.sha256(old_pdf).hexdigest()


def test_a_letterhead_change_reaches_new_letters_only(case, users):
    old = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    Letterhead.objects.update(city="Kota Baru", address="Jalan Merdeka 9")
    new = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    assert "Kota Baru, 24 November 2026" in pdf_text(read(new.pdf))
    assert "Jalan Merdeka 9" in pdf_text(read(new.pdf))
    assert "Teluk Sejahtera, 24 November 2026" in pdf_text(read(old.pdf))


def test_a_correction_is_a_new_letter_that_points_to_the_original(case, users):
    old = letter_issue(
        case=case, kind="summons_1", actor=users["inspector"], extra={"exam_place": "Aula Lantai 3"}
    )
    new = letter_correct(letter=old, actor=users["head"], extra={"reason": "Jam salah ketik."})
    assert new.corrects == old and new.pk != old.pk and new.number != old.number
    assert new.kind == old.kind and new.language == old.language
    assert old.superseded and not new.superseded
    text = pdf_text(read(new.pdf))
    assert f"ralat atas surat Nomor {old.number} tanggal 16 November 2026" in text
    assert "Jam salah ketik." in text and "Aula Lantai 3" in text  # the earlier input is kept
    entry = AuditEntry.objects.filter(action="letters.issued", object_id=str(new.pk)).get()
    assert entry.after["corrects"] == old.number and entry.reason == "Jam salah ketik."


def test_a_letter_is_corrected_once_and_a_reason_is_required(case, users):
    old = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    with pytest.raises(LetterError):
        letter_correct(letter=old, actor=users["inspector"], extra={"reason": "  "})
    new = letter_correct(letter=old, actor=users["inspector"], extra={"reason": "Salah tanggal."})
    with pytest.raises(LetterError) as refused:
        letter_correct(letter=old, actor=users["inspector"], extra={"reason": "Lagi."})
    assert refused.value.code == "conflict"
    newest = letter_correct(letter=new, actor=users["inspector"], extra={"reason": "Lagi."})
    assert newest.corrects == new


def test_a_template_error_refuses_the_letter_and_spends_no_number(case, users):
    LetterTemplate.objects.filter(kind="teguran", language="id").update(body="{% if %}")
    with pytest.raises(LetterError) as refused:
        letter_issue(case=case, kind="teguran", actor=users["inspector"])
    assert refused.value.code == "template_error"
    assert not Letter.objects.exists()
    assert not NumberCounter.objects.filter(key="teguran", value__gt=0).exists()


def test_templates_cannot_reach_other_templates_or_libraries(case, users):
    LetterTemplate.objects.filter(kind="teguran", language="id").update(
        body='{% include "base.html" %}'
    )
    with pytest.raises(LetterError):  # no loader: nothing to include
        letter_issue(case=case, kind="teguran", actor=users["inspector"])
    LetterTemplate.objects.filter(kind="teguran", language="id").update(body="{% load static %}")
    with pytest.raises(LetterError):
        letter_issue(case=case, kind="teguran", actor=users["inspector"])


def _template_form(template: LetterTemplate, **changes) -> dict:
    data = {
        f: getattr(template, f)
        for f in ("kind", "language", "title", "sifat", "attachment", "addressee", "body", "copies")
    }
    data["active"] = "on"
    data.update(changes)
    return data


def test_an_admin_edit_of_a_template_is_audited(login_as):
    client = login_as("admin")
    template = LetterTemplate.objects.get(kind="teguran", language="id")
    url = reverse("admin:letters_lettertemplate_change", args=[template.pk])
    response = client.post(url, _template_form(template, body=template.body + EXTRA_SENTENCE))
    assert response.status_code == 302, response.content[:2000]
    template.refresh_from_db()
    assert template.body.endswith(EXTRA_SENTENCE)
    entry = AuditEntry.objects.get(action="letters.lettertemplate.updated")
    assert EXTRA_SENTENCE in entry.after["body"] and entry.reason == "admin"


def test_the_admin_refuses_a_template_that_does_not_compile(login_as):
    client = login_as("admin")
    template = LetterTemplate.objects.get(kind="teguran", language="id")
    url = reverse("admin:letters_lettertemplate_change", args=[template.pk])
    response = client.post(url, _template_form(template, body="{% for x in %}"))
    assert response.status_code == 200  # the form again, with the error
    template.refresh_from_db()
    assert "{% for x in %}" not in template.body
    assert not AuditEntry.objects.filter(action="letters.lettertemplate.updated").exists()


def test_the_admin_checks_number_patterns_and_audits_letterhead_edits(login_as):
    from pantau.letters.models import NumberingScheme

    client = login_as("admin")
    scheme = NumberingScheme.objects.get(kind="teguran")
    url = reverse("admin:letters_numberingscheme_change", args=[scheme.pk])
    bad = client.post(
        url, {"kind": "teguran", "pattern": "{code}/{year}", "code": "PMB", "counter": ""}
    )
    assert bad.status_code == 200
    good = client.post(
        url, {"kind": "teguran", "pattern": "{code}-{seq:04d}/{year}", "code": "PMB", "counter": ""}
    )
    assert good.status_code == 302
    assert AuditEntry.objects.filter(action="letters.numberingscheme.updated").exists()
    head = Letterhead.objects.get()
    url = reverse("admin:letters_letterhead_change", args=[head.pk])
    data = {
        f.name: "" if getattr(head, f.attname) is None else getattr(head, f.attname)
        for f in Letterhead._meta.fields
        if f.name not in ("id", "updated_at")
    }
    data["phone"] = "(0542) 123456"
    assert client.post(url, data).status_code == 302
    assert AuditEntry.objects.get(action="letters.letterhead.updated").after == {
        "phone": "(0542) 123456"
    }


def test_issued_letters_are_read_only_in_the_admin(case, users, login_as):
    letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    client = login_as("admin")
    assert client.get(reverse("admin:letters_letter_change", args=[letter.pk])).status_code == 200
    assert (
        client.post(
            reverse("admin:letters_letter_delete", args=[letter.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert Letter.objects.filter(pk=letter.pk).exists()
