"""Report tables size their columns from their content in the report's font (Arimo)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from pantau.letters.fonts import family
from pantau.reports.columns import Cell, column_widths

PAD = 9.0
LONGEST_MONTHS = ["September 2026", "Desember 2026", "November 2026", "Triwulan IV 2026"]


@pytest.fixture
def arimo(settings, tmp_path):
    return family()


def test_months_and_seven_digit_counts_stay_on_one_line(arimo):
    head = [Cell("Uraian", arimo.bold, 9)] + [
        Cell(m, arimo.bold, 9, whole=True) for m in ["September 2026", "Agustus 2026"]
    ]
    head.append(Cell("Perubahan", arimo.bold, 9, whole=True))
    label = "Postingan yang dipindai oleh mesin pada periode ini dari seluruh akun terdaftar"
    row = [Cell(label, arimo.regular, 9)] + [
        Cell(v, arimo.regular, 9, whole=True) for v in ["1.234.567", "9.876.543", "+12,5%"]
    ]
    total = 482.0
    widths = column_widths([head, row], total, PAD)
    assert sum(widths) == pytest.approx(total)
    for i in (1, 2, 3):
        needed = max(stringWidth(c.text, c.font, 9) for c in (head[i], row[i])) + PAD
        assert widths[i] >= needed - 1e-6, (head[i].text, widths[i], needed)
    # the label column gets the rest and wraps between words only
    longest_word = max(stringWidth(w, arimo.regular, 9) for w in label.split())
    assert widths[0] >= longest_word + PAD


def test_no_heading_word_is_broken_when_the_page_is_narrow(arimo):
    headers = ["Kategori", "Terbukti (benar positif)", "Ditolak/kritik (positif palsu)", "Presisi"]
    rows = [[Cell(h, arimo.bold, 9) for h in headers]]
    rows.append([Cell(t, arimo.regular, 9) for t in ["Ujaran kebencian", "12", "3", "80%"]])
    widths = column_widths(rows, 250.0, PAD)
    for i, h in enumerate(headers):
        longest = max(stringWidth(w, arimo.bold, 9) for w in h.split())
        assert widths[i] >= longest + PAD, (h, widths[i])


@pytest.mark.parametrize("period,current,previous", [
    ("2026-09", "September 2026", "Agustus 2026"),
    ("2026-12", "Desember 2026", "November 2026"),
    ("2026-Q4", None, None),
])  # fmt: skip
def test_the_comparison_header_reads_on_one_line(registry, tmp_path, period, current, previous):
    from pantau.reports.pdf import report_pdf
    from pantau.reports.periodic import report_build
    from pantau.reports.periods import parse_period
    from pantau.reports.scope import organisation_scope

    assert shutil.which("pdftotext"), "pdftotext is missing (poppler-utils; scripts/services.sh)"
    parsed = parse_period(period)
    report = report_build(organisation_scope(), parsed)
    current = current or report.current.period.label_id
    previous = previous or report.previous.period.label_id
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf(report))
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    lines = [" ".join(line.split()) for line in out.stdout.decode("utf-8").splitlines()]
    assert f"Uraian {current} {previous} Perubahan" in lines, "\n".join(lines[:60])
