"""The PDF of a letter (reportlab): A4, letterhead with a double rule, body, signature, copies.

Font: Arimo, the metric twin of Arial (the usual face of Indonesian official letters), from a
declared dependency and never from the machine's fonts (``letters.fonts``). Output is ``invariant`` (no timestamp or random
id), so the same content always gives the same bytes and the same SHA-256.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pantau.letters import fonts, vocab
from pantau.letters.layout import Layout, Signer, layout_for
from pantau.letters.markup import Block

MARGINS = {"left": 2.5 * cm, "right": 2.0 * cm, "top": 1.5 * cm, "bottom": 1.7 * cm}
WIDTH = A4[0] - MARGINS["left"] - MARGINS["right"]
STEP = 0.75 * cm  # one indent level
MARK = 0.75 * cm  # width of a list marker
LETTER_INDENT = 2.6 * cm  # body of a surat dinas aligns with the value after "Hal :"
DECREE_LABEL = 3.0 * cm
COLON = 0.45 * cm
LONG_WORD = 28
SIGN_SPACE = 1.6 * cm  # room for the wet signature and stamp


def font_family() -> tuple[str, str, str]:
    """(regular, bold, italic) ReportLab names of the letters' typeface (see ``letters.fonts``)."""
    fam = fonts.family()
    return fam.regular, fam.bold, fam.italic


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold, italic = font_family()
    base = ParagraphStyle("base", fontName=regular, fontSize=11, leading=13.5, alignment=TA_JUSTIFY)

    def s(name, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "base": base,
        "left": s("left", alignment=TA_LEFT),
        "title": s("title", fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER),
        "subtitle": s("subtitle", alignment=TA_CENTER),
        "org": s("org", fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER),
        "unit": s("unit", fontName=bold, fontSize=16, leading=19, alignment=TA_CENTER),
        "decider": s("decider", fontName=bold, fontSize=14, leading=18, alignment=TA_CENTER),
        "address": s("address", fontSize=8.5, leading=10.5, alignment=TA_CENTER),
        "sign": s("sign", alignment=TA_CENTER),
        "small": s("small", fontSize=9.5, leading=12, alignment=TA_LEFT),
        "note": s("note", fontName=italic, fontSize=10, leading=13),
        "right": s("right", alignment=TA_RIGHT),
        "label": s("label", alignment=TA_LEFT, fontName=bold),
    }


class DoubleRule(Flowable):
    """The thick-and-thin line under an Indonesian letterhead."""

    def __init__(self, width: float, *, double: bool = True) -> None:
        super().__init__()
        self.width, self.double, self.height = width, double, 6 if double else 3

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(1.8 if self.double else 0.6)
        c.line(0, self.height, self.width, self.height)
        if self.double:
            c.setLineWidth(0.6)
            c.line(0, self.height - 3, self.width, self.height - 3)


def _p(text: str, style: ParagraphStyle, **over) -> Paragraph:
    if style.alignment == TA_JUSTIFY and any(len(w) > LONG_WORD for w in text.split()):
        over.setdefault("alignment", TA_LEFT)  # a URL would stretch the justified line
    if over:
        style = ParagraphStyle(f"{style.name}-x", parent=style, **over)
    return Paragraph(escape(text) if text else "&nbsp;", style)


def _grid(rows, widths, *, valign="TOP", pad=1) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font_family()[0]),  # plain-string cells too
                ("VALIGN", (0, 0), (-1, -1), valign),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ]
        )
    )
    return table


def _label_width(blocks: list[Block], font: str) -> float:
    """One label column for every field table of the letter, so their colons line up."""
    labels = [row[0] for b in blocks if b.kind == "table" for row in b.rows]
    widest = max((pdfmetrics.stringWidth(label, font, 11) for label in labels), default=0)
    return min(max(widest + 6, 2.5 * cm), 6.0 * cm)


def _field_table(rows, left: float, width: float, st) -> Table:
    label_w = st["label_width"]
    cells = [[_p(k, st["left"]), _p(":", st["left"]), _p(v, st["left"])] for k, v in rows]
    widths = [label_w, COLON, max(width - left - label_w - COLON, 2 * cm)]
    if left > 0:
        cells = [[""] + r for r in cells]
        widths = [left] + widths
    table = _grid(cells, widths)
    table.spaceBefore, table.spaceAfter = 2, 5
    return table


def _block(block: Block, left: float, width: float, st) -> Flowable:
    """One body block at ``left`` (points from the text margin) within ``width``."""
    left += block.level * STEP
    if block.kind == "table":
        return _field_table(block.rows, left, width, st)
    if block.kind == "item":
        heading = len(block.text) < 60 and block.text[-1:] not in ".;:,"
        return _p(
            block.text,
            st["base"],
            leftIndent=left + MARK,
            bulletIndent=left,
            bulletText=block.marker,
            bulletFontName=st["base"].fontName,
            bulletFontSize=11,
            spaceBefore=1,
            spaceAfter=3,
            keepWithNext=int(heading),
        )
    return _p(block.text, st["base"], leftIndent=left, spaceBefore=2, spaceAfter=4)


def _decree(block: Block, left: float, width: float, st) -> Flowable:
    inner_w = width - left - DECREE_LABEL - COLON
    inner = _block(block, 0, inner_w, st)
    label = block.label or ""
    row = [_p(label, st["label"]), _p(":" if label else "", st["left"]), inner]
    widths = [DECREE_LABEL, COLON, inner_w]
    if left:
        row, widths = [""] + row, [left] + widths
    table = _grid([row], widths, pad=2)
    return table


def body_flowables(layout: Layout, st) -> list[Flowable]:
    out: list[Flowable] = []
    left = _letter_indent(layout, st) if layout.indent_body else 0
    st = {**st, "label_width": _label_width(layout.blocks, st["left"].fontName)}
    previous = None
    for block in layout.blocks:
        if previous in ("title", "subtitle") and block.kind not in ("title", "subtitle"):
            out.append(Spacer(1, 8))
        previous = block.kind
        if block.kind == "title":
            out.append(_p(block.text, st["title"]))
        elif block.kind == "subtitle":
            out.append(_p(block.text, st["subtitle"], spaceAfter=2))
        elif block.kind == "rule":
            out += [Spacer(1, 4), DoubleRule(WIDTH, double=False), Spacer(1, 6)]
        elif block.decree:
            out.append(_decree(block, left, WIDTH, st))
        else:
            out.append(_block(block, left, WIDTH, st))
    if layout.correction:
        out += [Spacer(1, 6), _p(layout.correction, st["note"], leftIndent=left)]
    return out


def _signer_cell(signer: Signer, st) -> list[Flowable]:
    cell: list[Flowable] = [_p(line, st["sign"]) for line in signer.heading]
    if signer.note:  # printed in the signature space, which keeps its height
        rest = SIGN_SPACE - 0.5 * cm - st["sign"].leading
        cell += [Spacer(1, 0.5 * cm), _p(signer.note, st["sign"]), Spacer(1, rest)]
    else:
        cell.append(Spacer(1, SIGN_SPACE))
    cell.append(Paragraph(f"<u><b>{escape(signer.name)}</b></u>", st["sign"]))
    if signer.rank and signer.rank != "-":
        cell.append(_p(signer.rank, st["sign"]))
    if signer.nip:
        cell.append(_p(f"NIP {signer.nip}", st["sign"]))
    return cell


def signature_flowables(layout: Layout, st, *, keep: list[Flowable]) -> list[Flowable]:
    """The signature block(s), kept on one page with ``keep``, then the copies (tembusan)."""
    half = WIDTH / 2
    if len(layout.signers) == 2:
        left, right = layout.signers
        left_cell = [Spacer(1, st["sign"].leading)] * (len(right.heading) - len(left.heading))
        row = [left_cell + _signer_cell(left, st), _signer_cell(right, st)]
    else:
        row = ["", _signer_cell(layout.signers[0], st)]
    out: list[Flowable] = [KeepTogether([*keep, Spacer(1, 8), _grid([row], [half, half])])]
    if layout.copies:
        copies: list[Flowable] = [Spacer(1, 8), _p(f"{layout.copies_title}:", st["small"])]
        for n, line in enumerate(layout.copies, start=1):
            copies.append(
                _p(
                    line,
                    st["small"],
                    leftIndent=0.6 * cm,
                    bulletIndent=0,
                    bulletText=f"{n}.",
                    bulletFontName=st["small"].fontName,
                    bulletFontSize=9.5,
                )
            )
        out.append(KeepTogether(copies))
    return out


def _letter_indent(layout: Layout, st) -> float:
    """Where a surat dinas's body starts: after the widest of Nomor/Sifat/Lampiran/Hal."""
    font = st["left"].fontName
    widest = max((pdfmetrics.stringWidth(k, font, 11) for k, _v in layout.header), default=0)
    return max(LETTER_INDENT, widest + COLON + 4)


def header_flowables(layout: Layout, st) -> list[Flowable]:
    out: list[Flowable] = [_p(text, st[style]) for text, style in layout.kop]
    if layout.ruled:
        out += [Spacer(1, 3), DoubleRule(WIDTH), Spacer(1, 8)]
    else:
        out.append(Spacer(1, 14))
    if layout.translation:
        out += [_p(layout.translation, st["note"]), Spacer(1, 8)]
    if layout.header:
        indent = _letter_indent(layout, st)
        label_w = indent - COLON
        rows = []
        for i, (label, value) in enumerate(layout.header):
            right = _p(layout.place_date, st["right"]) if i == 0 else ""
            rows.append([_p(label, st["left"]), _p(":", st["left"]), _p(value, st["left"]), right])
        date_w = max(6.0 * cm, pdfmetrics.stringWidth(layout.place_date, st["right"].fontName, 11))
        date_w = min(date_w + 0.3 * cm, 8 * cm)
        out.append(_grid(rows, [label_w, COLON, WIDTH - indent - date_w, date_w]))
        out.append(Spacer(1, 12))
        for line in layout.addressee:
            extra = (len(line) - len(line.lstrip(" "))) // 4 * STEP
            out.append(_p(line.strip(), st["left"], leftIndent=indent + extra))
        out.append(Spacer(1, 12))
    return out


def _canvas_class(layout: Layout, font: str):
    class LetterCanvas(rl_canvas.Canvas):
        """Numbers pages "x of y" and prints the letter number in the footer."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for n, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(n, total)
                super().showPage()
            super().save()

        def _decorate(self, n: int, total: int) -> None:
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(colors.grey)
            y = MARGINS["bottom"] / 2
            footer = layout.number + (" · Terjemahan / Translation" if layout.translation else "")
            self.drawString(MARGINS["left"], y, footer)
            page = vocab.label(layout.language, "page", n=n, total=total)
            self.drawRightString(A4[0] - MARGINS["right"], y, page)
            if layout.draft and n == 1:
                x, top = A4[0] - MARGINS["right"], A4[1] - 1.0 * cm
                self.setStrokeColor(colors.grey)
                self.setFont(font, 10)
                self.rect(x - 1.8 * cm, top - 0.55 * cm, 1.8 * cm, 0.6 * cm)
                self.drawCentredString(x - 0.9 * cm, top - 0.38 * cm, layout.draft)
            self.restoreState()

    return LetterCanvas


def render_pdf(content: dict) -> bytes:
    """The letter as PDF bytes, from its frozen content."""
    layout = layout_for(content)
    st = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGINS["left"],
        rightMargin=MARGINS["right"],
        topMargin=MARGINS["top"],
        bottomMargin=MARGINS["bottom"],
        title=layout.title or layout.number,
        author=content["org"]["organisation"],
        subject=layout.number,
        creator="Pantau",
        invariant=1,
        initialFontName=st["base"].fontName,  # else ReportLab lists Helvetica, never embedded
    )
    body = body_flowables(layout, st)
    tail = 2 if layout.correction else 1
    story = header_flowables(layout, st) + body[:-tail]
    story += signature_flowables(layout, st, keep=body[-tail:])
    doc.build(story, canvasmaker=_canvas_class(layout, st["base"].fontName))
    return buffer.getvalue()
