"""The periodic report as a spreadsheet (openpyxl): a summary sheet, then one sheet per table.

Numbers are written as numbers, so the reader can sum and chart them; the texts are the same
Indonesian texts as in the PDF. Every cell goes through the exports' one cell rule
(`pantau.core.spreadsheet_export.cell_value`): unit names and other texts never become formulas.
"""

from __future__ import annotations

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from pantau.core.spreadsheet_export import XLSX_MAX_CELL, cell_value
from pantau.reports.periodic import PeriodicReport
from pantau.reports.periods import tanggal
from pantau.reports.tables import METHOD_NOTES, Section, report_sections

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
SHADE = PatternFill("solid", fgColor="EEF2F6")
WRAP = Alignment(wrap_text=True, vertical="top")


def _cell(value):
    return cell_value(value, limit=XLSX_MAX_CELL)


def _sheet_name(section: Section) -> str:
    code, _, rest = section.title.partition(" ")
    return f"{code.rstrip('.')} {rest}"[:31].replace("/", "-")


def _write_table(ws, section: Section, start_row: int = 1) -> None:
    ws.cell(row=start_row, column=1, value=_cell(section.title)).font = BOLD
    header = start_row + 1
    for col, text in enumerate(section.headers, start=1):
        cell = ws.cell(row=header, column=col, value=_cell(text))
        cell.font, cell.fill, cell.alignment = BOLD, SHADE, WRAP
    for r, row in enumerate(section.rows, start=header + 1):
        for col, value in enumerate(row, start=1):
            ws.cell(row=r, column=col, value=_cell(value))
    if section.note:
        ws.cell(row=header + len(section.rows) + 2, column=1, value=_cell(section.note))
    ws.column_dimensions["A"].width = 58
    for col in range(2, len(section.headers) + 1):
        ws.column_dimensions[get_column_letter(col)].width = 22
    ws.freeze_panes = ws.cell(row=header + 1, column=1)


def report_xlsx(report: PeriodicReport) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    period = report.period
    generated = timezone.localtime(report.generated_at)
    lines = [
        (report.organisation, BOLD),
        ("Laporan Pemantauan Perilaku ASN di Media Sosial", TITLE),
        (
            f"Periode: {period.label_id} ({tanggal(period.start)} s.d. {tanggal(period.last_day)})",
            None,
        ),
        (f"Cakupan: {report.scope_label}", None),
        (f"Disusun pada {tanggal(generated.date())}", None),
        ("", None),
    ]
    if report.current.no_violations:
        lines.append(("Pada periode ini tidak ada pelanggaran yang dikonfirmasi.", BOLD))
    lines.append(("A. Ringkasan", BOLD))
    lines += [(p, None) for p in report.paragraphs]
    for row, (text, font) in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=1, value=_cell(text))
        cell.alignment = WRAP
        if font is not None:
            cell.font = font
    ws.column_dimensions["A"].width = 110
    for section in report_sections(report):
        _write_table(wb.create_sheet(_sheet_name(section)), section)
    notes = wb.create_sheet("Catatan metode")
    for row, note in enumerate(METHOD_NOTES, start=1):
        notes.cell(row=row, column=1, value=_cell(f"{row}. {note}")).alignment = WRAP
    first = len(METHOD_NOTES) + 2
    for row, line in enumerate(report.audit_checkpoint, start=first):
        notes.cell(row=row, column=1, value=_cell(line)).alignment = WRAP
    notes.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
