"""Every kind of letter rendered to PDF and DOCX, and its text read back and checked."""

from __future__ import annotations

import pytest

from pantau.letters.services import letter_issue
from tests.letters.conftest import docx_text, issuer, pdf_text, read, record_second_summons

COMMON = [
    "Budi Santoso, S.Kom.",
    "19880717 201202 1 004",
    "Nomor 94 Tahun 2021",
]
EXPECTED = {
    "nota_dinas_temuan": [
        "PEMERINTAH KOTA TELUK SEJAHTERA",
        "INSPEKTORAT",
        "NOTA DINAS",
        "24 November 2026",
        "Yohanes Paulus Lamawuran",
        "Dasar kaum itu memang tidak tahu diri",
        "Pasal 3 huruf f",
        "Pasal 26 ayat (1)",
        "Pasal 28 ayat (1)",
        "Tembusan",
    ],
    "summons_1": [
        "PEMERINTAH KOTA TELUK SEJAHTERA",
        "RAHASIA",
        "SURAT PANGGILAN I",
        "Teluk Sejahtera, 16 November 2026",
        "Selasa, 24 November 2026",
        "10.00 WITA",
        "Ruang Rapat Inspektorat Lantai 2",
        "Pasal 26 ayat (1) dan ayat (2)",
        "Penata (III/c)",
        "Pranata Komputer Ahli Muda",
        "Bidang Teknologi Informasi",
    ],
    "bap": [
        "BERITA ACARA PEMERIKSAAN",
        "Pada hari ini Selasa, tanggal dua puluh empat bulan "
        "November tahun dua ribu dua puluh enam",
        "Pertanyaan: Apakah akun X @budisan milik Saudara?",
        "Jawaban: Ya, akun tersebut milik saya",
        "Yang diperiksa",
        "Pemeriksa",
        "Teluk Sejahtera, 24 November 2026",
        "Pasal 32 ayat (3)",
    ],
    "lhp": [
        "PEMERINTAH KOTA TELUK SEJAHTERA",
        "Laporan Hasil Pemeriksaan atas nama",
        "Teluk Sejahtera, 24 November 2026",
        "Yth. Wali Kota Teluk Sejahtera",
        "Sifat",
        "Rahasia",
        "Lampiran",
        "hukuman disiplin ringan",
        "teguran lisan",
        "teguran tertulis",
        "pernyataan tidak puas secara tertulis",
        "PP 94/2021 Pasal 9 ayat (1) huruf d",
        "PP 94/2021 Pasal 8 ayat (2)",
        "Pasal 27 ayat (4)",
        "https://x.com/budisan/status/9001",
    ],
    "sk_draft": [
        "WALI KOTA TELUK SEJAHTERA",
        "DRAF",
        "KEPUTUSAN WALI KOTA TELUK SEJAHTERA",
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN",
        "Menetapkan",
        "KESATU",
        "KETIGA",
        "teguran tertulis",
        "PP 94/2021 Pasal 8 ayat (2) huruf b",
        "hari ke-15 (lima belas) sejak tanggal diterima",
        "Pasal 38 ayat (1)",
        "Undang-Undang Nomor 20 Tahun 2023",
        "Ditetapkan di Teluk Sejahtera",
        "pada tanggal 24 November 2026",
        "Pasal 4 ayat (2) Peraturan Pemerintah Nomor 79 Tahun 2021",
    ],
    "teguran": [
        "PEMERINTAH KOTA TELUK SEJAHTERA",
        "Teluk Sejahtera, 24 November 2026",
        "Yth. Saudara Budi Santoso, S.Kom.",
        "paling lambat tanggal 27 November 2026",
        "bukan merupakan hukuman disiplin",
        "Pasal 3 huruf f",
        "Pejabat bodoh semua",
    ],
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_kind_renders_its_content_to_pdf_and_docx(case, users, kind):
    letter = letter_issue(case=case, kind=kind, actor=issuer(users, kind))
    pdf, docx = read(letter.pdf), read(letter.docx)
    assert pdf.startswith(b"%PDF") and docx.startswith(b"PK")
    text = pdf_text(pdf)
    for needle in [letter.number, *COMMON, *EXPECTED[kind]]:
        assert needle in text, f"{needle!r} missing from the {kind} PDF: {text[:3000]}"
    words = docx_text(docx)
    for needle in [letter.number, *COMMON, *EXPECTED[kind]]:
        if needle != "DRAF" or kind == "sk_draft":
            assert needle in words, f"{needle!r} missing from the {kind} DOCX"


def test_the_second_summons_refers_to_the_first_and_the_missed_date(case, users):
    first = letter_issue(case=case, kind="summons_1", actor=users["inspector"])
    record_second_summons(case, users["inspector"])
    second = letter_issue(case=case, kind="summons_2", actor=users["inspector"])
    text = pdf_text(read(second.pdf))
    assert "SURAT PANGGILAN II" in text
    assert f"Surat Panggilan I Nomor {first.number} tanggal 16 November 2026" in text
    assert "hari Selasa, tanggal 24 November 2026" in text  # the missed examination
    assert "Rabu, 2 Desember 2026" in text  # the new examination
    assert "Teluk Sejahtera, 24 November 2026" in text
    assert "Pasal 26 ayat (3)" in text and "Pasal 26 ayat (4)" in text
    # Summons I can still be reissued with its own dates after the second summons.
    again = letter_issue(case=case, kind="summons_1", actor=users["inspector"])
    assert "Selasa, 24 November 2026" in pdf_text(read(again.pdf))


def test_a_refused_bap_says_so_and_still_stands(case, users):
    plain = pdf_text(read(letter_issue(case=case, kind="bap", actor=users["inspector"]).pdf))
    assert "menolak menandatangani" not in plain
    case.bap_refused_to_sign = True
    case.save()
    letter = letter_issue(case=case, kind="bap", actor=users["inspector"])
    text = pdf_text(read(letter.pdf))
    assert "menolak menandatangani Berita Acara Pemeriksaan ini" in text
    assert "Pasal 32 ayat (2)" in text
    assert "tetap dijadikan sebagai dasar untuk menjatuhkan hukuman disiplin" in text
    assert "(menolak menandatangani)" in text  # in the employee's signature space
    assert letter.content["bap"]["refused"] is True
    assert "menolak menandatangani" in docx_text(read(letter.docx))


def test_an_english_letter_is_written_in_english(case, users):
    letter_issue(case=case, kind="summons_1", actor=users["inspector"])
    letter = letter_issue(case=case, kind="summons_1", actor=users["inspector"], language="en")
    text = pdf_text(read(letter.pdf))
    assert "FIRST SUMMONS" in text and "Tuesday, 24 November 2026" in text
    assert "Article (Pasal) 26 paragraphs (1) and (2)" in text
    assert "Page 1 of" in text and "Halaman" not in text


def test_a_virtual_examination_prints_its_link(case, users):
    letter = letter_issue(
        case=case,
        kind="summons_1",
        actor=users["inspector"],
        extra={"exam_link": "https://meet.example.go.id/pemeriksaan"},
    )
    text = pdf_text(read(letter.pdf))
    assert "https://meet.example.go.id/pemeriksaan" in text and "virtual" in text


def test_the_letter_keeps_a_copy_of_everything_it_shows(case, users):
    letter = letter_issue(case=case, kind="summons_1", actor=users["inspector"])
    content = letter.content
    assert content["number"] == letter.number and content["date"] == "2026-11-16"
    assert content["employee"]["nip"] == "19880717 201202 1 004"
    assert content["exam"]["date_text"] == "24 November 2026"
    assert content["org"]["organisation"] == "Pemerintah Kota Teluk Sejahtera"
    assert content["findings"][0]["text"].startswith("Dasar kaum itu")
    assert "SURAT PANGGILAN I" in content["body"]
    assert letter.letter_date.isoformat() == "2026-11-16" and letter.title == "Surat Panggilan I"
