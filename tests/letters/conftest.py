"""Fixtures for letter tests: a case with everything every kind needs, and text extraction.

The case is Budi Santoso's (e3 in tests/conftest.py; his direct superior is Yohanes, e2), with
two confirmed findings on X and Instagram, a first summons dated 24 November 2026 for an
examination on 1 December 2026, a BAP, a recommendation for a light sanction and the decider's
choice (written reprimand). The clock stands at 24 November 2026, 10:00 WITA.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import subprocess
from zoneinfo import ZoneInfo

import pytest
import time_machine

WITA = ZoneInfo("Asia/Makassar")
NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=WITA)
BAP_TEXT = """P: Apakah akun X @budisan milik Saudara?
J: Ya, akun tersebut milik saya dan saya kelola sendiri.
P: Apakah Saudara mengunggah tulisan tertanggal 20 November 2026 tersebut?
J: Benar, saya mengunggahnya karena kesal setelah membaca berita.
P: Apakah unggahan tersebut sudah dihapus?
J: Sudah saya hapus pada 22 November 2026."""


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def case(registry, users, frozen):
    return make_case(registry, users)


def make_case(registry, users):
    """Build the case described in the module docstring (the clock must stand at NOW)."""
    from pantau.cases.models import Case, CaseFinding, CaseStep
    from pantau.core.cases.sanctions import recommend_level
    from pantau.monitoring.models import Finding, Post

    employee = registry.employees["e3"]
    posts = [
        (
            "x",
            "9001",
            "budisan",
            "https://x.com/budisan/status/9001",
            "Dasar kaum itu memang tidak tahu diri, usir saja dari kota ini!",
            dt.datetime(2026, 11, 20, 21, 15, tzinfo=WITA),
            "hate_speech",
        ),
        (
            "instagram",
            "C0ffee",
            "budi.santoso",
            "https://instagram.com/p/C0ffee",
            "Pejabat bodoh semua, tidak becus kerja.",
            dt.datetime(2026, 11, 21, 7, 30, tzinfo=WITA),
            "abusive",
        ),
    ]
    case = Case.objects.create(
        employee=employee,
        state="examination",
        assigned_to=users["inspector"],
        summons_count=1,
        summons_date=dt.date(2026, 11, 16),
        exam_date=dt.date(2026, 11, 24),
        present_at_exam=True,
        bap_text=BAP_TEXT,
        bap_recorded_at=NOW,
        guidance_at=NOW - dt.timedelta(days=10),
        deletion_due=dt.date(2026, 11, 27),
    )
    for platform, post_id, handle, url, text, created, category in posts:
        post = Post.objects.create(
            platform=platform,
            post_id=post_id,
            handle=handle,
            url=url,
            text=text,
            created_at=created,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        finding = Finding.objects.create(
            post=post,
            employee=employee,
            categories=[category],
            top_category=category,
            score=0.9,
            status=Finding.Status.CONFIRMED,
        )
        CaseFinding.objects.create(case=case, finding=finding)
    CaseStep.objects.create(
        case=case,
        name="escalate_to_summons",
        from_state="deletion_check",
        to_state="summons",
        actor=users["inspector"],
        data={
            "summons_date": "2026-11-16",
            "exam_date": "2026-11-24",
            "exam_time": "10.00",
            "exam_place": "Ruang Rapat Inspektorat Lantai 2",
        },
    )
    rec = recommend_level([("3f", "unit")], previous_sanctions=[])
    case.recommended_level = rec.level.value
    case.recommendation = {
        "level": rec.level.value,
        "reasons": rec.reasons,
        "reasons_id": rec.reasons_id,
        "legal_basis": rec.legal_basis,
        "team_required": rec.team_required,
        "provisions": [["3f", "unit"]],
        "note": "",
        "sanctions": [
            {
                "code": s.code,
                "name_id": s.name_id,
                "name_en": s.name_en,
                "legal_basis": s.legal_basis,
            }
            for s in rec.sanctions
        ],
    }
    case.sanction_code = "written_reprimand"
    case.decision_number = ""
    case.decision_date = dt.date(2026, 11, 24)
    case.save()
    return case


def pdf_text(data: bytes) -> str:
    """The PDF's text as pdftotext reads it, with whitespace collapsed."""
    assert shutil.which("pdftotext"), "pdftotext is missing (poppler-utils; scripts/services.sh)"
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return " ".join(out.stdout.decode("utf-8").split())


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a DOCX, whitespace collapsed."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]

    def cells(tables):
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
                    cells(cell.tables)

    cells(doc.tables)
    return " ".join(" ".join(parts).split())


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def issuer(users, kind: str):
    """The user who issues ``kind`` in these tests: the decider for the SK draft."""
    return users["decider"] if kind == "sk_draft" else users["inspector"]


def record_second_summons(case, actor) -> None:
    """As the ladder's issue_second_summons does: absent on 24 November, summoned again."""
    from pantau.cases.models import CaseStep

    CaseStep.objects.create(
        case=case,
        name="issue_second_summons",
        from_state="summons",
        to_state="summons",
        actor=actor,
        data={"summons_date": "2026-11-24", "exam_date": "2026-12-02"},
    )
    case.summons_count, case.absences, case.present_at_exam = 2, 1, False
    case.summons_date, case.exam_date = dt.date(2026, 11, 24), dt.date(2026, 12, 2)
    case.save()
