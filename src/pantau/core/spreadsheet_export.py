"""Writing CSV and XLSX exports: one rule for what goes into every cell, one writer per format.

Every export (the list exports, the registry export, the periodic report's workbook) writes its
cells through :func:`cell_value`, which

* replaces each character an XLSX file cannot hold (the control characters U+0000–U+001F other
  than tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF) with U+FFFD, so
  one ESC or NUL in a complaint can no longer break the file (openpyxl refuses such text);
* neutralises text a spreadsheet would run as a formula (OWASP "CSV injection"): text whose first
  character, after any leading spaces or line breaks, is ``=``, ``+``, ``-``, ``@``, tab or
  carriage return gets a leading apostrophe, so it is shown as the text it is;
* cuts text to the 32,767 characters an XLSX cell can hold (XLSX only), ending with "…".

Numbers, dates and times stay what they are, so the reader can sum and sort them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
XLSX_MAX_CELL = 32_767
REPLACEMENT = "\ufffd"


def cell_text(text: str, *, limit: int | None = None) -> str:
    """``text`` as a cell holds it: unstorable characters replaced, a formula start defused."""
    text = _UNSTORABLE.sub(REPLACEMENT, text)
    if text.lstrip(" \n")[:1] in FORMULA_START:
        text = "'" + text
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def cell_text_restored(text: str) -> str:
    """The inverse of the formula rule, for importing a file Pantau exported: ``'=…`` → ``=…``."""
    if text[:1] == "'" and text[1:].lstrip(" \n")[:1] in FORMULA_START:
        return text[1:]
    return text


def cell_value(value, *, limit: int | None = None):
    """What to write for ``value``: numbers, dates and booleans as they are, None as empty,
    anything else as text through :func:`cell_text`."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | dt.date | dt.datetime | dt.time):
        return value
    return cell_text(str(value), limit=limit)


def csv_bytes(headers: list, rows: Iterable[list]) -> tuple[bytes, int]:
    """UTF-8 CSV with a byte-order mark (so spreadsheets read it as UTF-8); and the row count."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([cell_value(str(h)) for h in headers])
    count = 0
    for row in rows:
        writer.writerow([cell_value(v) for v in row])
        count += 1
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), count


@dataclass
class Sheet:
    title: str
    headers: list
    rows: Iterable[list]


def xlsx_bytes(sheets: Iterable[Sheet]) -> tuple[bytes, list[int]]:
    """A workbook with one sheet per :class:`Sheet` (streamed: rows are not kept in memory);
    and the row count of each sheet."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    counts = []
    for sheet in sheets:
        ws = wb.create_sheet(cell_text(sheet.title)[:31])
        ws.append([cell_value(str(h), limit=XLSX_MAX_CELL) for h in sheet.headers])
        count = 0
        for row in sheet.rows:
            ws.append([cell_value(v, limit=XLSX_MAX_CELL) for v in row])
            count += 1
        counts.append(count)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), counts
