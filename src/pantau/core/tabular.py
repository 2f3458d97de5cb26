"""Reading CSV and XLSX tables row by row, with header detection and row-level problems.

``read_table`` yields ``Row(number, values, problem)`` where ``number`` is the row's line (CSV) or
row (XLSX) number as a spreadsheet shows it, and ``values`` maps canonical column names to
stripped strings. The header is found among the first rows, so a title row (often merged
across the columns) above it is skipped. Lines that are not valid UTF-8, and values a database
cannot store (a NUL character), come back with a ``problem`` instead of being silently mangled.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pantau.core.safe_text import text_flaw
from pantau.core.zip_safety import XLSX_LIMITS, ZipLimits, ZipRefused, check_zip

HEADER_SEARCH_ROWS = 10


class TableError(ValueError):
    """The file as a whole cannot be read (empty, wrong format, no header)."""


@dataclass
class Row:
    number: int
    values: dict[str, str] = field(default_factory=dict)
    problem: str = ""
    problem_field: str = "*"


def _canonical(name: str, aliases: dict[str, str]) -> str | None:
    key = str(name or "").strip().lower().replace(" ", "_").replace("-", "_")
    return aliases.get(key)


def _find_header(rows: list[tuple[int, list]], aliases: dict[str, str], required: set[str]):
    best = None
    for number, cells in rows:
        mapped = {i: _canonical(c, aliases) for i, c in enumerate(cells) if c not in (None, "")}
        mapped = {i: name for i, name in mapped.items() if name}
        if len(set(mapped.values())) >= 2 and (best is None or len(mapped) > len(best[1])):
            best = (number, mapped)
            if required <= set(mapped.values()):
                return best
    return best


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _missing(required: set[str], mapped: dict[int, str], source: str) -> None:
    missing = required - set(mapped.values())
    if missing:
        raise TableError(f"{source}: header has no column for {', '.join(sorted(missing))}")


def _read_csv(data: bytes, source: str, aliases: dict[str, str], required: set[str]):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = data.split(b"\n")
    bad_lines: set[int] = set()
    for number, raw in enumerate(lines, start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            bad_lines.add(number)
    text = data.decode("utf-8", errors="replace")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    head: list[tuple[int, list]] = []
    start = 1
    for cells in reader:
        head.append((start, cells))
        start = reader.line_num + 1
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    found = _find_header(head, aliases, required)
    if found is None:
        raise TableError(f"{source}: no header row with known column names in the first rows")
    header_line, mapped = found
    _missing(required, mapped, source)

    def rows() -> Iterator[Row]:
        for number, cells in head:
            if number > header_line:
                yield _row(number, cells)
        line = start
        for cells in reader:
            yield _row(line, cells)
            line = reader.line_num + 1

    def _row(number: int, cells: list) -> Row:
        values = {
            name: _cell_text(cells[i]) if i < len(cells) else "" for i, name in mapped.items()
        }
        problem = ""
        if number in bad_lines:
            problem = "bad encoding: the line is not valid UTF-8 (save the file as CSV UTF-8)"
        return Row(number, values, problem)

    return rows()


def _read_xlsx(
    data: bytes,
    source: str,
    aliases: dict[str, str],
    required: set[str],
    sheet_hint: str = "",
    zip_limits: ZipLimits = XLSX_LIMITS,
):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, zip_limits)
    except ZipRefused as exc:
        where = f"{source}:{exc.member}" if exc.member else source
        raise TableError(f"{where}: {exc}") from None
    except zipfile.BadZipFile:
        raise TableError(f"{source}: not a readable XLSX workbook (BadZipFile)") from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several unrelated types for broken files
        raise TableError(
            f"{source}: not a readable XLSX workbook ({exc.__class__.__name__})"
        ) from None
    # A workbook may hold several tables (Pantau's own export has one sheet per kind): a sheet
    # named like the table wanted comes first, then the first whose header has the required
    # columns.
    chosen = None
    sheets = sorted(workbook.worksheets, key=lambda ws: ws.title.strip().lower() != sheet_hint)
    for sheet in sheets:
        iterator = sheet.iter_rows(values_only=True)
        head: list[tuple[int, list]] = []
        for number, cells in enumerate(iterator, start=1):
            head.append((number, list(cells)))
            if number >= HEADER_SEARCH_ROWS:
                break
        found = _find_header(head, aliases, required) if head else None
        if found and required <= set(found[1].values()):
            chosen = (iterator, head, found)
            break
        if chosen is None:
            chosen = (iterator, head, found)
    iterator, head, found = chosen
    if not head or all(all(c in (None, "") for c in cells) for _, cells in head):
        raise TableError(f"{source}: the file is empty")
    if found is None:
        raise TableError(f"{source}: no header row with known column names in the first rows")
    header_row, mapped = found
    _missing(required, mapped, source)

    def rows() -> Iterator[Row]:
        def make(number: int, cells) -> Row:
            long_numbers = [
                name
                for i, name in mapped.items()
                if i < len(cells) and isinstance(cells[i], float) and abs(cells[i]) >= 1e15
            ]
            if long_numbers:
                reason = (
                    "the number is too long for a spreadsheet cell and has lost digits; "
                    "format the column as text"
                )
                return Row(number, {}, reason, long_numbers[0])
            return Row(
                number,
                {n: _cell_text(cells[i]) if i < len(cells) else "" for i, n in mapped.items()},
            )

        for number, cells in head:
            if number > header_row:
                yield make(number, cells)
        for number, cells in enumerate(iterator, start=len(head) + 1):
            yield make(number, list(cells))
        workbook.close()

    return rows()


def read_table(
    path: str | Path,
    *,
    aliases: dict[str, str],
    required: set[str],
    data: bytes | None = None,
    name: str | None = None,
    sheet_hint: str = "",
    zip_limits: ZipLimits = XLSX_LIMITS,
) -> Iterator[Row]:
    """Rows of a CSV or XLSX file (chosen by content), skipping rows with no values at all.
    An XLSX file's zip is checked against ``zip_limits`` before openpyxl opens it."""
    path = Path(path)
    source = name or path.name
    if data is None:
        data = path.read_bytes()
    if not data.strip():
        raise TableError(f"{source}: the file is empty")
    if data[:4] == b"PK\x03\x04":
        rows = _read_xlsx(data, source, aliases, required, sheet_hint, zip_limits)
    elif b"\x00" in data[:1024]:
        raise TableError(f"{source}: not a CSV or XLSX file")
    else:
        rows = _read_csv(data, source, aliases, required)
    for row in rows:
        if row.problem or any(v for v in row.values.values()):
            yield _screened(row)


def _screened(row: Row) -> Row:
    """The row, or its problem when a value cannot be stored (a NUL character, for one)."""
    if not row.problem:
        for name, value in row.values.items():
            reason = text_flaw(value)
            if reason:
                return Row(row.number, {}, f"the value {reason}", name)
    return row
