"""The periodic report as PDF (reportlab, A4), written in Bahasa Indonesia.

It uses the letters' typeface (Arimo, the metric twin of Arial, see ``letters.fonts``), with
column widths measured from the longest value in that font, and is ``invariant``: the same figures give the same bytes.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pantau.letters.pdf import DoubleRule, font_family
from pantau.reports.columns import Cell, column_widths
from pantau.reports.labels import angka
from pantau.reports.periodic import PeriodicReport
from pantau.reports.periods import tanggal
from pantau.reports.tables import METHOD_NOTES, Section, report_sections

MARGIN = 2.0 * cm
WIDTH = A4[0] - 2 * MARGIN
SHADE = colors.HexColor("#eef2f6")
LINE = colors.HexColor("#9aa5b1")
CELL_PAD = 4


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold, italic = font_family()
    base = ParagraphStyle("r-base", fontName=regular, fontSize=10, leading=13.5, alignment=TA_LEFT)

    def s(name, **kw) -> ParagraphStyle:
        return ParagraphStyle(f"r-{name}", parent=base, **kw)

    return {
        "base": base,
        "org": s("org", fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER),
        "title": s("title", fontName=bold, fontSize=14, leading=18, alignment=TA_CENTER),
        "sub": s("sub", alignment=TA_CENTER),
        "h": s("h", fontName=bold, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4),
        "p": s("p", spaceAfter=5),
        "box": s("box", fontName=bold, fontSize=11, leading=14, alignment=TA_CENTER),
        "cell": s("cell", fontSize=9, leading=11.5),
        "head": s("head", fontName=bold, fontSize=9, leading=11.5),
        "num": s("num", fontSize=9, leading=11.5, alignment=TA_RIGHT),
        "note": s("note", fontName=italic, fontSize=8.5, leading=11),
    }


def _text(value) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return angka(value)
    return str(value)


def _cell(value, st) -> Paragraph:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Paragraph(angka(value), st["num"])
    return Paragraph(escape(str(value)), st["cell"])


def _widths(section: Section, st) -> list[float]:
    """Column widths measured from the headers and values in the report's font."""
    columns = len(section.headers)
    short = WIDTH / columns  # a value this wide or narrower stays on one line

    def cell(value, i: int, style: ParagraphStyle) -> Cell:
        text = _text(value)
        width = stringWidth(text, style.fontName, style.fontSize)
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        return Cell(
            text, style.fontName, style.fontSize, whole=numeric or (i > 0 and width <= short)
        )

    rows = [[cell(h, i, st["head"]) for i, h in enumerate(section.headers)]]
    rows += [[cell(v, i, st["cell"]) for i, v in enumerate(row)] for row in section.rows]
    return column_widths(rows, WIDTH, padding=2 * CELL_PAD + 1)


def _table(section: Section, st) -> list:
    widths = _widths(section, st)
    data = [[Paragraph(escape(h), st["head"]) for h in section.headers]]
    data += [[_cell(v, st) for v in row] for row in section.rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if section.rows and str(section.rows[-1][0]).startswith("Jumlah"):
        style.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), SHADE))
    table.setStyle(TableStyle(style))
    out = [KeepTogether([Paragraph(escape(section.title), st["h"]), table])]
    if section.note:
        out.append(Paragraph(escape(section.note), st["note"]))
    return out


def _first_page(report: PeriodicReport, st) -> list:
    period = report.period
    generated = timezone.localtime(report.generated_at)
    story = [
        Paragraph(escape(report.organisation.upper()), st["org"]),
        Paragraph("INSPEKTORAT", st["org"]),
        Spacer(1, 3),
        DoubleRule(WIDTH),
        Spacer(1, 10),
        Paragraph("LAPORAN PEMANTAUAN PERILAKU APARATUR SIPIL NEGARA DI MEDIA SOSIAL", st["title"]),
        Paragraph(f"Periode: {escape(period.label_id)}", st["sub"]),
        Paragraph(
            f"{escape(tanggal(period.start))} s.d. {escape(tanggal(period.last_day))} · "
            f"Cakupan: {escape(report.scope_label)}",
            st["sub"],
        ),
        Paragraph("Kepada Yth. Wali Kota", st["sub"]),
        Paragraph(f"Disusun pada {escape(tanggal(generated.date()))}", st["sub"]),
        Spacer(1, 10),
    ]
    if report.current.no_violations:
        box = Table(
            [[Paragraph("Pada periode ini tidak ada pelanggaran yang dikonfirmasi.", st["box"])]],
            colWidths=[WIDTH],
        )
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),
                    ("BOX", (0, 0), (-1, -1), 1, LINE),
                    ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ]
            )
        )
        story += [box, Spacer(1, 6)]
    story.append(Paragraph("A. Ringkasan", st["h"]))
    story += [Paragraph(escape(p), st["p"]) for p in report.paragraphs]
    return story


def _footer(report: PeriodicReport, font: str):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, 1.0 * cm, f"Pantau · Laporan {report.period.label_id}")
        canvas.drawRightString(A4[0] - MARGIN, 1.0 * cm, f"Halaman {doc.page}")
        canvas.restoreState()

    return draw


def report_pdf(report: PeriodicReport) -> bytes:
    st = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=1.6 * cm,
        bottomMargin=1.8 * cm,
        title=f"Laporan Pantau {report.period.label_id}",
        author=report.organisation,
        subject="Laporan pemantauan media sosial ASN",
        creator="Pantau",
        invariant=1,
        initialFontName=st["base"].fontName,  # else ReportLab lists Helvetica, never embedded
    )
    story = _first_page(report, st)
    for section in report_sections(report):
        story += _table(section, st)
    notes = [
        Paragraph(escape(f"{i}. {note}"), st["note"]) for i, note in enumerate(METHOD_NOTES, 1)
    ]
    story.append(KeepTogether([Paragraph("Catatan metode", st["h"]), *notes[:1]]))  # no orphan
    story += notes[1:]
    if report.audit_checkpoint:
        story.append(Spacer(1, 6))
        story += [Paragraph(escape(line), st["note"]) for line in report.audit_checkpoint]
    footer = _footer(report, st["base"].fontName)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
