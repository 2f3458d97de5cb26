"""The periodic report: the PDF's text (pdftotext), the spreadsheet, a period without violations,
and `pantau report`."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from pantau.audit.models import AccessLog
from pantau.reports.pdf import report_pdf
from pantau.reports.periodic import report_build
from pantau.reports.periods import parse_period
from pantau.reports.scope import organisation_scope
from pantau.reports.xlsx import report_xlsx

from .conftest import in_nov, wita

needs_pdftotext = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@needs_pdftotext
def test_the_pdf_carries_the_figures_the_comparison_and_the_narrative(world, tmp_path):
    report = report_build(organisation_scope(), parse_period("2026-11"))
    text = pdf_text(report_pdf(report), tmp_path)
    flat = _flat(text)
    nov = [s for s in world.findings if in_nov(s.found_at)]
    confirmed = sum(s.status == "confirmed" for s in nov)
    assert "LAPORAN PEMANTAUAN PERILAKU APARATUR SIPIL NEGARA" in flat
    assert "Periode: November 2026" in flat and "Kepada Yth. Wali Kota" in flat
    assert f"mencatat {len(nov)} temuan untuk ditelaah" in flat
    assert f"{confirmed} dikonfirmasi sebagai pelanggaran" in flat
    assert f"memindai {world.posts_scanned_in_nov} postingan" in flat
    assert re.search(r"Uraian\s+November 2026\s+Oktober 2026\s+Perubahan", flat)
    row = re.search(r"Temuan untuk ditelaah\s+(\d+)\s+(\d+)\s", text)
    assert row and int(row.group(1)) == len(nov)
    october = sum(s.found_at.month == 10 for s in world.findings)
    assert int(row.group(2)) == october
    for heading in ("A. Ringkasan", "C.2 Temuan menurut kategori", "E. Hukuman disiplin",
                    "F. Kritik yang dilindungi", "G. Temuan yang dibatalkan",
                    "H. Presisi model", "Catatan metode"):  # fmt: skip
        assert heading in flat
    assert "tidak ada pelanggaran yang dikonfirmasi" not in flat.lower()


def test_the_spreadsheet_holds_the_same_numbers(world):
    report = report_build(organisation_scope(), parse_period("2026-11"))
    wb = load_workbook(io.BytesIO(report_xlsx(report)))
    assert wb.sheetnames[0] == "Ringkasan"
    key = wb[next(n for n in wb.sheetnames if n.startswith("B "))]
    rows = {r[0]: r[1:] for r in key.iter_rows(min_row=3, values_only=True) if r[0]}
    assert rows["Temuan untuk ditelaah"][:2] == (report.current.findings, report.previous.findings)
    assert rows["Hukuman disiplin diputuskan"][0] == report.current.sanctioned
    summary = [c.value for c in wb["Ringkasan"]["A"] if c.value]
    assert report.paragraphs[0] in summary


@pytest.fixture
def quiet_month(registry, users):
    """November 2026 with findings that were all dismissed or judged protected criticism."""
    from pantau.cases.models import ReviewDecision
    from pantau.monitoring.models import Finding, Post

    account = registry.accounts[0]
    for n, outcome in enumerate(["dismiss", "dismiss", "protected"]):
        post = Post.objects.create(platform="x", post_id=f"z{n}", account=account, handle="h",
                                   text="kritik", content_hash=f"z{n}", scan_state="scanned",
                                   created_at=wita(2026, 11, 3 + n))  # fmt: skip
        status = "dismissed" if outcome == "dismiss" else "protected"
        finding = Finding.objects.create(post=post, employee=account.employee, status=status,
                                         top_category="abusive", model_version="m1")  # fmt: skip
        Finding.objects.filter(pk=finding.pk).update(created_at=wita(2026, 11, 3 + n))
        d = ReviewDecision.objects.create(finding=finding, reviewer=users["inspector"],
                                          outcome=outcome, reason="kritik kebijakan", text="kritik")  # fmt: skip
        ReviewDecision.objects.filter(pk=d.pk).update(created_at=wita(2026, 11, 4 + n))


@needs_pdftotext
def test_a_period_without_violations_yields_a_valid_report_that_says_so(quiet_month, tmp_path):
    report = report_build(organisation_scope(), parse_period("2026-11"))
    assert report.current.no_violations
    flat = _flat(pdf_text(report_pdf(report), tmp_path))
    assert "Pada periode ini tidak ada pelanggaran yang dikonfirmasi." in flat
    assert "tidak ada pelanggaran yang dikonfirmasi dan tidak ada hukuman disiplin" in flat
    assert "1 postingan dinilai sebagai kritik yang dilindungi" in flat
    assert "Tidak ada hukuman disiplin pada periode ini." in flat
    wb = load_workbook(io.BytesIO(report_xlsx(report)))
    cells = [c.value for c in wb["Ringkasan"]["A"] if c.value]
    assert "Pada periode ini tidak ada pelanggaran yang dikonfirmasi." in cells


@needs_pdftotext
def test_an_empty_installation_still_gets_a_valid_report(db, tmp_path):
    report = report_build(organisation_scope(), parse_period("2026-Q4"))
    flat = _flat(pdf_text(report_pdf(report), tmp_path))
    assert "Periode: Triwulan IV 2026" in flat
    assert "memindai 0 postingan" in flat and "Pada periode ini tidak ada pelanggaran" in flat
    assert load_workbook(io.BytesIO(report_xlsx(report))).sheetnames[0] == "Ringkasan"


@pytest.fixture
def cli():
    import pantau.cli as cli_module

    assert "pantau.cli.reports" in cli_module.COMMAND_MODULES
    return cli_module.main


@needs_pdftotext
def test_pantau_report_writes_the_pdf_and_records_the_export(cli, world, tmp_path, capsys):
    out = tmp_path / "laporan.pdf"
    assert cli(["report", "--period", "2026-11", "--format", "pdf", "--out", str(out)]) == 0
    assert "laporan November 2026" in capsys.readouterr().out
    assert "Pantau memindai" in _flat(pdf_text(out.read_bytes(), tmp_path))
    entry = AccessLog.objects.get(object_type="reports.periodic")
    assert (entry.user_repr, entry.action, entry.object_repr) == (
        "system",
        "export",
        "laporan-pantau-2026-11.pdf",
    )
    assert entry.detail.startswith("cli")


def test_pantau_report_writes_xlsx_for_a_quarter_by_default_name(cli, world, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli(["report", "--period", "2026-Q4", "--format", "xlsx"]) == 0
    assert load_workbook(tmp_path / "laporan-pantau-2026-Q4.xlsx").sheetnames[0] == "Ringkasan"


def test_pantau_report_explains_a_bad_period_in_one_line(cli, db, capsys):
    assert cli(["report", "--period", "2026-13"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pantau report: error:") and err.count("\n") == 1
    assert cli(["report", "--period", "2026-11", "--unit", "NOPE"]) == 2


def test_pantau_report_check_drift_prints_the_windows_and_raises_nothing_when_quiet(
    cli, db, capsys
):
    assert cli(["report", "--check-drift"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("all ") and "0 new drift alert(s) raised" in out


@needs_pdftotext
def test_the_report_prints_the_audit_checkpoint_it_wrote(world, tmp_path):
    from pantau.audit.checkpoints import checkpoints_read
    from pantau.audit.models import AuditChainHead

    report = report_build(organisation_scope(), parse_period("2026-11"))
    head = AuditChainHead.objects.get(pk=AuditChainHead.AUDIT_CHAIN)
    written = checkpoints_read()[-1]
    assert written.heads["audit"] == {"seq": head.seq, "hash": head.hash, "keyed_from": 1}
    flat = _flat(pdf_text(report_pdf(report), tmp_path))
    assert "Titik periksa log audit" in flat
    assert f"Log audit: entri #{head.seq}, hash {head.hash}" in flat
    wb = load_workbook(io.BytesIO(report_xlsx(report)))
    notes = [c.value for c in wb["Catatan metode"]["A"] if c.value]
    assert f"Log audit: entri #{head.seq}, hash {head.hash}" in notes
    report_build(organisation_scope(), parse_period("2026-11"))
    assert len(checkpoints_read()) == 1  # nothing moved: the same checkpoint is printed again
