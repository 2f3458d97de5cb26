"""Generic CSV and XLSX tables, streamed row by row, with a column mapping (see `records`).

CSV: UTF-8 (a BOM is fine), the delimiter sniffed among ``, ; tab |``, quoted fields may span
lines. The header is the first of the first ten rows that has a text column (title rows above it
are skipped). A line that is not valid UTF-8 makes its row a `SourceProblem` naming the line and
the column; UTF-16 files are refused with a hint. Position tokens carry the byte offset after the
row, so a resume seeks straight there.

The X archive's own ``tweets.csv`` (its columns ``tweet_id, in_reply_to_status_id, …,
timestamp, text, retweeted_status_id, expanded_urls`` are recognised) needs no mapping: its rows
are X posts, retweets shares and replies comments, each with its address built from the handle
(the ``handle`` option) and the id.

XLSX (openpyxl, read-only, cached values): every worksheet with a recognisable header; the
"line" of a row is its spreadsheet row number. A zip member is copied to a spooled temporary
file first, since openpyxl needs random access. The workbook's own zip is checked for bombs
(members, total size, ratio of every part; `InputLimits.xlsx`) before openpyxl opens it.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
import zipfile

from pantau.core.handles import normalize_handle
from pantau.core.sources.base import Context
from pantau.core.sources.containers import Container, FileContainer
from pantau.core.sources.lines import TooLong, bounded_lines
from pantau.core.sources.model import SourceError, SourcePost, SourceProblem
from pantau.core.sources.records import RecordMapper
from pantau.core.zip_safety import ZipLimits, ZipRefused, check_zip

HEADER_ROWS = 10
_CSV = re.compile(r"\.(csv|tsv)$", re.IGNORECASE)
_XLSX = re.compile(r"\.(xlsx|xlsm)$", re.IGNORECASE)


def _select(container: Container, pattern: re.Pattern, what: str) -> list[str]:
    members = container.members()
    if isinstance(container, FileContainer):
        return members
    found = [m for m in members if pattern.search(m)]
    if not found:
        raise SourceError(f"{container.label}: no {what} file in it", file=container.label)
    return found


def select_csv(container: Container) -> list[str]:
    return _select(container, _CSV, ".csv")


def select_xlsx(container: Container) -> list[str]:
    return _select(container, _XLSX, ".xlsx")


def _no_header(label: str, mapper: RecordMapper) -> SourceError:
    looked = ", ".join(mapper.candidates.get("text", ()))
    return SourceError(
        f"{label}: no header row with a text column in the first {HEADER_ROWS} rows "
        f"(looked for {looked}); give a column mapping",
        file=label,
    )


def read_csv(ctx: Context):
    mapper = RecordMapper(ctx)
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None:
            continue
        with ctx.container.open(member) as stream:
            yield from _csv_file(ctx, mapper, file_no, member, stream, start)


def _csv_file(ctx: Context, mapper: RecordMapper, file_no: int, member: str, stream, start):
    label = ctx.describe(member)
    head = stream.read(16384)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise SourceError(f"{label}: UTF-16 text; save the file as CSV UTF-8", file=label)
    if b"\x00" in head:
        raise SourceError(f"{label}: not a text CSV file (binary content)", file=label)
    bom = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    sample = head[bom:].decode("utf-8", "replace")
    if "\n" in sample and len(head) == 16384:
        sample = sample[: sample.rindex("\n")]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    stream.seek(bom)
    offset, line_no, bad, too_long = bom, 0, set(), {}
    limit = ctx.limits.max_record_bytes

    def lines():
        nonlocal offset, line_no
        for raw in bounded_lines(stream, limit):
            line_no += 1
            if isinstance(raw, TooLong):
                offset += raw.size
                too_long[line_no] = raw.size
                yield "\n"
                continue
            offset += len(raw)
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                bad.add(line_no)
                yield raw.decode("utf-8", "replace")

    reader = csv.reader(lines(), dialect)
    header, index = None, {}
    for _ in range(HEADER_ROWS):
        row = next(reader, None)
        if row is None:
            break
        index = mapper.header_index(row)
        if "text" in index:
            header = row
            break
    if header is None:
        raise _no_header(label, mapper)
    x_archive = _X_ARCHIVE_COLUMNS <= {_plain(h) for h in header}
    row_no = -1
    if not start.fresh:
        stream.seek(start.offset)
        offset, line_no, row_no = start.offset, start.line, start.index
    while True:
        first = line_no + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            row_no += 1
            token = ctx.token(file_no, row_no, offset=offset, line=line_no)
            yield SourceProblem(label, first, "", f"unreadable CSV row: {exc}"), token
            continue
        if row is None:
            return
        long_lines = [n for n in range(first, line_no + 1) if n in too_long]
        if long_lines:
            row_no += 1
            token = ctx.token(file_no, row_no, offset=offset, line=line_no)
            size = too_long[long_lines[0]]
            reason = f"line {long_lines[0]} has {size:,} bytes; at most {limit:,} are read"
            yield SourceProblem(label, first, "", reason), token
            continue
        if not any(cell.strip() for cell in row):
            continue
        row_no += 1
        token = ctx.token(file_no, row_no, offset=offset, line=line_no)
        if bad and any(n in bad for n in range(first, line_no + 1)):
            yield _encoding_problem(label, first, header, index, row), token
            continue
        values = {f: row[i] for f, i in index.items() if i < len(row)}
        raw = dict(zip(header, row, strict=False))
        item = mapper.build(values, raw, label, first)
        if x_archive and isinstance(item, SourcePost):
            item = _x_archive_row(item, raw)
        yield item, token


_X_ARCHIVE_COLUMNS = {
    "tweet_id",
    "in_reply_to_status_id",
    "timestamp",
    "text",
    "retweeted_status_id",
}
_TCO = re.compile(r"https?://t\.co/\w+")
_RT = re.compile(r"^RT @(\w+)")


def _plain(name) -> str:
    return str(name or "").strip().lower()


def _x_archive_row(item: SourcePost, raw: dict) -> SourcePost:
    """A row of the X archive's own ``tweets.csv`` (beside the pre-2019 Grailbird files):
    platform x, a retweet (``retweeted_status_id``) a share, a reply a comment, t.co links
    expanded from ``expanded_urls``, and the post's address built from handle and id."""
    row = {_plain(k): (v or "").strip() for k, v in raw.items()}
    reshared, reply_to = row.get("retweeted_status_id"), row.get("in_reply_to_status_id")
    kind = "share" if reshared else "comment" if reply_to else item.kind
    text = item.text
    expanded = [u for u in re.split(r"[,\s]+", row.get("expanded_urls", "")) if u]
    short = _TCO.findall(text)
    if expanded and len(expanded) == len(short):
        for old, new in zip(short, expanded, strict=True):
            text = text.replace(old, new, 1)
    where = item.handle or "i"
    match = _RT.match(item.text)
    return dataclasses.replace(
        item,
        platform="x",
        kind=kind,
        text=text,
        url=item.url or (f"https://x.com/{where}/status/{item.post_id}" if item.post_id else ""),
        reshared=reshared or item.reshared,
        reshared_author=normalize_handle(match.group(1)) if reshared and match else "",
        in_reply_to=reply_to or item.in_reply_to,
    )


def _encoding_problem(label, line, header, index, row) -> SourceProblem:
    by_column = {i: f for f, i in index.items()}
    field = ""
    for i, cell in enumerate(row):
        if "\ufffd" in cell:
            field = by_column.get(i) or (header[i] if i < len(header) else f"column {i + 1}")
            break
    return SourceProblem(label, line, field, "not valid UTF-8 (save the file as CSV UTF-8)")


def _cell(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _number(value):
    """Whole numbers as int (ids and counts come back from spreadsheets as floats)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_xlsx(ctx: Context):
    mapper = RecordMapper(ctx)
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None:
            continue
        yield from _xlsx_file(ctx, mapper, file_no, member, start)


def check_xlsx_zip(handle, label: str, limits: ZipLimits) -> None:
    """Refuse a workbook whose zip is a bomb before openpyxl expands any of it."""
    try:
        with zipfile.ZipFile(handle) as archive:
            check_zip(archive, limits)
    except ZipRefused as exc:
        where = f"{label}:{exc.member}" if exc.member else label
        raise SourceError(f"{where}: {exc}", file=label) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(f"{label}: not a readable XLSX workbook ({exc})", file=label) from None
    handle.seek(0)


def _xlsx_file(ctx: Context, mapper: RecordMapper, file_no: int, member: str, start):
    from openpyxl import load_workbook

    label = ctx.describe(member)
    handle = ctx.container.open_seekable_file(member)
    try:
        check_xlsx_zip(handle, label, ctx.limits.xlsx)
        try:
            book = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many unrelated types for broken files
            raise SourceError(
                f"{label}: not a readable XLSX workbook ({exc.__class__.__name__}: {exc})",
                file=label,
            ) from None
        sheets = book.worksheets
        found = False
        first_sheet = start.extra.get("sheet", 0)
        for sheet_no, sheet in enumerate(sheets):
            if sheet_no < first_sheet:
                found = True
                continue
            name = label if len(sheets) == 1 else f"{label}[{sheet.title}]"
            rows = sheet.iter_rows(values_only=True)
            header, index, header_row = None, {}, 0
            for number, cells in enumerate(rows, start=1):
                if number > HEADER_ROWS:
                    break
                index = mapper.header_index(["" if c is None else str(c) for c in cells])
                if "text" in index:
                    header, header_row = [str(c) if c is not None else "" for c in cells], number
                    break
            if header is None:
                continue
            found = True
            skip = start.index if sheet_no == first_sheet and not start.fresh else header_row
            for number, cells in enumerate(
                sheet.iter_rows(min_row=skip + 1, values_only=True), skip + 1
            ):
                if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                    continue
                token = ctx.token(file_no, number, sheet=sheet_no)
                values = {f: _number(cells[i]) for f, i in index.items() if i < len(cells)}
                raw = {h: _cell(c) for h, c in zip(header, cells, strict=False) if h}
                yield mapper.build(values, raw, name, number), token
        book.close()
        if not found:
            raise _no_header(label, mapper)
    finally:
        handle.close()
