"""Issue 13, letters 5–8: each kind's title, number and signatory, no machine score, translations.

Every kind is issued on the letters' test case and its PDF read back with pdftotext: the title,
the number, the signatory's name, pangkat/golongan and NIP in the customary "19750312 200003 1
005" form, and none of the pattern score's words or numbers. The guidance letter never uses a
sanction's words; an English copy is a translation carrying the Indonesian letter's number.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pantau.core.nip import parse_nip
from pantau.letters.errors import LetterError
from pantau.letters.models import Letter, Letterhead, NumberCounter
from pantau.letters.services import letter_issue
from tests.letters.conftest import read, record_second_summons

HEAD_NIP, HEAD_NIP_TEXT = "197503122000031005", "19750312 200003 1 005"
SCORE = re.compile(r"\d,\d|\bskor\b|\bscore\b|pola unggahan", re.I)
SPACED_NIP = re.compile(r"NIP \d{8} \d{6} \d \d{3}")


def pages(data: bytes) -> list[str]:
    """The text of each page of a PDF (pdftotext separates pages with form feeds)."""
    assert shutil.which("pdftotext"), "pdftotext is missing (poppler-utils)"
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    texts = out.stdout.decode("utf-8").split("\f")
    return [" ".join(t.split()) for t in texts if t.strip()]


def spaced(employee) -> str:
    return parse_nip(employee.nip).formatted()


@pytest.fixture
def signing(case, registry, users):
    """The inspectorate's signatory typed on the letterhead, and registry records for the
    examiner (the inspector) and the PPK, so every block can carry rank and NIP."""
    Letterhead.objects.filter(pk=1).update(
        signatory_name="Maria Goreti Bria, S.H., M.H.",
        signatory_rank="Pembina Utama Muda (IV/c)",
        signatory_nip=HEAD_NIP,
    )
    users["inspector"].employee = registry.employees["e8"]
    users["inspector"].save()
    users["decider"].employee = registry.employees["e0"]
    users["decider"].save()
    case.decided_by = users["decider"]
    case.decision_number = "800.1.6.4/0017/BKPSDM/2026"
    case.save()
    return registry.employees


def _head(text: str) -> None:
    assert "Inspektur Kota Teluk Sejahtera" in text
    assert "Maria Goreti Bria, S.H., M.H." in text and "Pembina Utama Muda (IV/c)" in text
    assert f"NIP {HEAD_NIP_TEXT}" in text


def _person(employee, *, upper: bool = False):
    def check(text: str) -> None:
        name = employee.full_name.upper() if upper else employee.full_name
        assert name in text, f"{name!r} does not sign"
        assert f"({employee.grade})" in text and f"NIP {spaced(employee)}" in text

    return check


CASES = {
    "nota_dinas_temuan": ("NOTA DINAS", lambda e: _head),
    "summons_1": ("SURAT PANGGILAN I", lambda e: _person(e["e2"])),  # the atasan langsung
    "summons_2": ("SURAT PANGGILAN II", lambda e: _person(e["e2"])),
    "bap": ("BERITA ACARA PEMERIKSAAN", lambda e: _person(e["e8"])),  # the examiner
    "lhp": ("Laporan Hasil Pemeriksaan atas nama Budi Santoso", lambda e: _head),
    "sk_draft": ("KEPUTUSAN WALI KOTA TELUK SEJAHTERA", lambda e: _person(e["e0"], upper=True)),
    "teguran": ("Pembinaan dan permintaan penghapusan unggahan media sosial", lambda e: _head),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_each_kind_has_its_title_number_signatory_and_no_score(case, users, signing, kind):
    if kind == "summons_2":
        letter_issue(case=case, kind="summons_1", actor=users["inspector"])
        record_second_summons(case, users["inspector"])
    actor = users["decider"] if kind == "sk_draft" else users["inspector"]
    letter = letter_issue(case=case, kind=kind, actor=actor)
    text = " ".join(pages(read(letter.pdf)))
    title, signer = CASES[kind]
    assert title in text
    assert letter.number in text
    signer(signing)(text)
    assert SPACED_NIP.search(text)
    assert not SCORE.search(text), f"a score in the {kind}: {SCORE.search(text).group(0)!r}"


def test_the_guidance_letter_never_uses_a_sanctions_words(case, users):
    letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    text = " ".join(pages(read(letter.pdf))).lower()
    assert "teguran" not in text and "reprimand" not in text
    assert "surat pembinaan ini bukan merupakan hukuman disiplin" in text
    assert letter.number.split("/")[1] == "PMB"  # not "ST", read as Surat Tugas
    assert str(letter.get_kind_display()) == "surat pembinaan"  # the Indonesian label
    english = letter_issue(case=case, kind="teguran", actor=users["inspector"], language="en")
    words = " ".join(pages(read(english.pdf))).lower()
    assert "reprimand" not in words and "reminder" not in words and "guidance letter" in words


def test_the_lhp_reports_the_summons_room_and_the_record_not_the_pattern(case, users):
    letter_issue(case=case, kind="teguran", actor=users["inspector"])
    summons = letter_issue(
        case=case, kind="summons_1", actor=users["inspector"], extra={"exam_place": "Ruang Bima"}
    )
    lhp = letter_issue(case=case, kind="lhp", actor=users["inspector"])
    text = " ".join(pages(read(lhp.pdf)))
    assert summons.content["exam"]["place"] == "Ruang Bima"
    assert "bertempat di Ruang Bima" in text and "Ruang Pemeriksaan" not in text
    assert "Riwayat pembinaan dan hukuman disiplin" in text
    assert "Tidak tercatat hukuman disiplin sebelumnya" in text
    assert not SCORE.search(text)


def test_a_signature_block_never_stands_alone_on_a_page(case, users):
    """Whatever the body's length, the closing paragraph shares the signature's page."""
    Letterhead.objects.filter(pk=1).update(signatory_nip=HEAD_NIP, signatory_name="Maria")
    sentence = "Saudara diminta memperhatikan etika bermedia sosial dalam setiap unggahan. "
    seen_two_pages = False
    for n in range(20, 60, 4):
        case.guidance_note = sentence * n
        case.save()
        letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
        texts = pages(read(letter.pdf))
        seen_two_pages |= len(texts) > 1
        signed = [t for t in texts if f"NIP {HEAD_NIP_TEXT}" in t]
        assert len(signed) == 1
        assert "Demikian untuk menjadi perhatian dan dilaksanakan." in signed[0], (n, signed[0])
    assert seen_two_pages  # the check ran across a page break


def test_an_english_copy_is_a_translation_with_the_same_number(case, users):
    with pytest.raises(LetterError) as refused:
        letter_issue(case=case, kind="summons_1", actor=users["inspector"], language="en")
    assert refused.value.code == "missing_original"
    original = letter_issue(case=case, kind="summons_1", actor=users["inspector"])
    english = letter_issue(case=case, kind="summons_1", actor=users["inspector"], language="en")
    assert english.number == original.number and english.translation_of == original
    assert english.letter_date == original.letter_date
    text = " ".join(pages(read(english.pdf)))
    assert f"Translation of letter no. {original.number}" in text and "Terjemahan" in text
    assert NumberCounter.objects.get(key="summons_1").value == 1  # no number of its own
    with pytest.raises(LetterError):
        from pantau.letters.services import letter_correct

        letter_correct(letter=english, actor=users["inspector"], extra={"reason": "typo"})


def test_the_sk_draft_carries_one_number_the_decisions(case, users):
    case.decision_number = "800.1.6.4/0017/BKPSDM/2026"
    case.decided_by = users["decider"]
    case.save()
    letter = letter_issue(case=case, kind="sk_draft", actor=users["decider"])
    assert letter.number == "800.1.6.4/0017/BKPSDM/2026"
    text = " ".join(pages(read(letter.pdf)))
    numbers = set(re.findall(r"\d{3}/[A-Z-]+/INSP/[IVX]+/\d{4}", text))
    assert numbers == set() and "NOMOR 800.1.6.4/0017/BKPSDM/2026" in text
    assert not NumberCounter.objects.filter(key="sk_draft", value__gt=0).exists()
    again = letter_issue(case=case, kind="sk_draft", actor=users["decider"])  # re-issued draft
    assert again.number == letter.number
    assert Letter.objects.filter(kind="sk_draft").count() == 2


def test_the_inspectorate_signs_from_the_registry(case, users, registry):
    """The letterhead's employee, else the registry's head of the letterhead's unit."""
    from pantau.registry.models import Unit

    inspektur = registry.employees["e6"]
    Unit.objects.create(code="INSP", name="Inspektorat", head=inspektur)
    text = " ".join(pages(read(letter_issue(case=case, kind="lhp", actor=users["inspector"]).pdf)))
    _person(inspektur)(text)
    assert "Inspektur Kota Teluk Sejahtera" in text
    Letterhead.objects.filter(pk=1).update(signatory_employee=registry.employees["e1"])
    text = " ".join(pages(read(letter_issue(case=case, kind="lhp", actor=users["inspector"]).pdf)))
    _person(registry.employees["e1"])(text)
    assert inspektur.full_name not in text


def test_the_english_docx_is_marked_as_a_translation(case, users):
    from tests.letters.conftest import docx_text

    original = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    english = letter_issue(case=case, kind="teguran", actor=users["inspector"], language="en")
    words = docx_text(read(english.docx))
    assert f"Terjemahan / Translation of letter no. {original.number}" in words


def test_the_migration_renames_the_guidance_code_and_the_shipped_wording(db):
    """Rows that still hold the old defaults get the new ones; an admin's own code stays."""
    import importlib

    from django.apps import apps

    from pantau.letters.models import LetterTemplate, NumberingScheme

    step = importlib.import_module("pantau.letters.migrations.0004_guidance_letter_wording")
    guidance = LetterTemplate.objects.get(kind="teguran", language="id")
    new_title, new_body = guidance.title, guidance.body
    for old, new in reversed(step.OLD_GUIDANCE["id"]):
        guidance.title = guidance.title.replace(new, old)
        guidance.body = guidance.body.replace(new, old)
    guidance.save()
    lhp = LetterTemplate.objects.get(kind="lhp", language="en")
    shipped = lhp.body
    lhp.body = shipped.replace(step._new_history_section("en"), step.OLD_PATTERN["en"])
    lhp.save()
    assert "teguran" in guidance.body.lower() and "pattern" in lhp.body
    NumberingScheme.objects.filter(kind="teguran").update(code="ST")
    NumberingScheme.objects.filter(kind="bap").update(code="ST")  # another kind: not touched
    step.forwards(apps, None)
    guidance.refresh_from_db()
    lhp.refresh_from_db()
    assert (guidance.title, guidance.body) == (new_title, new_body)
    assert lhp.body == shipped
    assert NumberingScheme.objects.get(kind="teguran").code == "PMB"
    assert NumberingScheme.objects.get(kind="bap").code == "ST"
