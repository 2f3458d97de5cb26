"""The DOCX of a letter (python-docx): the same content as the PDF, for offices that edit.

Same :class:`~pantau.letters.layout.Layout` as the PDF: letterhead with a bottom border, the
Nomor block, the body (field tables and decree clauses as borderless tables), the signature
block(s) and the copies. Arial 11 on A4. The archive keeps the PDF as the letter of record; the
DOCX is a convenience copy with its own SHA-256.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from pantau.letters.layout import Layout, Signer, layout_for
from pantau.letters.markup import Block

FONT = "Arial"
TEXT_WIDTH = 16.5  # cm: A4 less 2.5 cm left and 2 cm right
STEP, MARK, LETTER_INDENT, DECREE_LABEL, COLON, LABEL = 0.75, 0.75, 2.6, 3.0, 0.45, 5.2
SIZES = {"org": 13, "unit": 16, "decider": 14, "address": 8.5}


def _para(
    doc_or_cell,
    text: str = "",
    *,
    bold=False,
    size=11,
    align=None,
    left=0.0,
    hanging=0.0,
    after=4,
    italic=False,
    underline=False,
):
    p = doc_or_cell.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    run.font.name = FONT
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(0)
    if align is not None:
        p.alignment = align
    if left or hanging:
        fmt.left_indent = Cm(left + hanging)
        fmt.first_line_indent = Cm(-hanging) if hanging else None
    return p


def _bottom_border(paragraph, size: int = 18) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("w:val", "thinThickSmallGap" if size > 8 else "single"),
        ("w:sz", str(size)),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _table(doc, widths: list[float]):
    table = doc.add_table(rows=0, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid: what LibreOffice and Word lay out by
    return table


def _row(table, widths: list[float]):
    cells = table.add_row().cells
    for cell, width in zip(cells, widths, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return cells


def _field_table(doc, rows, left: float) -> None:
    widths = [w for w in (left, LABEL, COLON, TEXT_WIDTH - left - LABEL - COLON) if w]
    table = _table(doc, widths)
    for label, value in rows:
        cells = _row(table, widths)
        texts = ([""] if left else []) + [label, ":", value]
        for cell, text in zip(cells, texts, strict=True):
            _para(cell, text, after=1)
    _para(doc, "", size=4, after=0)  # a little air after the table


def _block(target, block: Block, left: float) -> None:
    left += block.level * STEP
    long_word = any(len(w) > 28 for w in block.text.split())  # a URL would stretch the line
    justify = WD_ALIGN_PARAGRAPH.LEFT if long_word else WD_ALIGN_PARAGRAPH.JUSTIFY
    if block.kind == "item":
        _para(target, f"{block.marker}\t{block.text}", left=left, hanging=MARK, align=justify)
    else:
        _para(target, block.text, left=left, align=justify, after=6)


def _body(doc, layout: Layout) -> None:
    left = _letter_indent(layout) if layout.indent_body else 0.0
    center = WD_ALIGN_PARAGRAPH.CENTER
    for block in layout.blocks:
        if block.kind == "title":
            _para(doc, block.text, bold=True, size=12, align=center, after=0)
        elif block.kind == "subtitle":
            _para(doc, block.text, align=center, after=2)
        elif block.kind == "rule":
            _bottom_border(_para(doc, "", after=6), size=6)
        elif block.kind == "table" and not block.decree:
            _field_table(doc, block.rows, left + block.level * STEP)
        elif block.decree:
            widths = [w for w in (left, DECREE_LABEL, COLON) if w]
            widths.append(TEXT_WIDTH - sum(widths))
            cells = _row(_table(doc, widths), widths)
            offset = 1 if left else 0
            if left:
                _para(cells[0], "")
            _para(cells[offset], block.label or "", bold=True)
            _para(cells[offset + 1], ":" if block.label else "")
            if block.kind == "table":
                for label, value in block.rows:
                    _para(cells[offset + 2], f"{label}\t: {value}", after=1)
            else:
                _block(cells[offset + 2], block, 0.0)
        else:
            _block(doc, block, left)
    if layout.correction:
        _para(doc, layout.correction, italic=True, left=left, size=10)


def _signer(cell, signer: Signer) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    for line in signer.heading:
        _para(cell, line, align=center, after=0)
    if signer.note:
        _para(cell, "", after=8)
        _para(cell, signer.note, align=center, after=8)
    else:
        _para(cell, "", after=40)
    _para(cell, signer.name, bold=True, underline=True, align=center, after=0)
    if signer.rank and signer.rank != "-":
        _para(cell, signer.rank, align=center, after=0)
    if signer.nip:
        _para(cell, f"NIP {signer.nip}", align=center, after=0)


def _letter_indent(layout: Layout) -> float:
    """Where a surat dinas's body starts (cm), after the widest header label (about 0.2 cm a
    character in Arial 11)."""
    widest = max((len(label) for label, _value in layout.header), default=0)
    return max(LETTER_INDENT, widest * 0.2 + COLON + 0.2)


def render_docx(content: dict) -> bytes:
    """The letter as DOCX bytes, from its frozen content."""
    layout = layout_for(content)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(11)
    doc.core_properties.title = layout.title or layout.number
    doc.core_properties.subject = layout.number
    doc.core_properties.author = content["org"]["organisation"]
    center = WD_ALIGN_PARAGRAPH.CENTER
    last = None
    for text, kind in layout.kop:
        last = _para(doc, text, bold=kind != "address", size=SIZES[kind], align=center, after=0)
    if layout.ruled and last is not None:
        _bottom_border(last)
    _para(doc, "", after=4)
    if layout.draft:
        _para(doc, layout.draft, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if layout.translation:
        _para(doc, layout.translation, size=9.5, after=6)
    if layout.header:
        indent = _letter_indent(layout)
        widths = [indent - COLON, COLON, TEXT_WIDTH - indent - 7.0, 7.0]
        table = _table(doc, widths)
        for i, (label, value) in enumerate(layout.header):
            cells = _row(table, widths)
            for cell, text in zip(cells[:3], (label, ":", value), strict=True):
                _para(cell, text, after=1)
            _para(cells[3], layout.place_date if i == 0 else "", align=WD_ALIGN_PARAGRAPH.RIGHT)
        _para(doc, "", after=4)
        for line in layout.addressee:
            extra = (len(line) - len(line.lstrip(" "))) // 4 * STEP
            _para(doc, line.strip(), left=indent + extra, after=0)
        _para(doc, "", after=4)
    _body(doc, layout)
    doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the closing stays with the
    _para(doc, "", after=4).paragraph_format.keep_with_next = True  # signature block
    signature = _table(doc, [TEXT_WIDTH / 2] * 2)
    cells = _row(signature, [TEXT_WIDTH / 2] * 2)
    cant_split = OxmlElement("w:cantSplit")  # the signature block never breaks across pages
    signature.rows[0]._tr.get_or_add_trPr().append(cant_split)
    if len(layout.signers) == 2:
        left, right = layout.signers
        for _line in range(len(right.heading) - len(left.heading)):
            _para(cells[0], "", after=0)
        _signer(cells[0], left)
        _signer(cells[1], right)
    else:
        _para(cells[0], "")
        _signer(cells[1], layout.signers[0])
    if layout.copies:
        _para(doc, "", after=4)
        _para(doc, f"{layout.copies_title}:", size=9.5, after=0)
        for n, line in enumerate(layout.copies, start=1):
            _para(doc, f"{n}.\t{line}", size=9.5, left=0, hanging=0.6, after=0)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
