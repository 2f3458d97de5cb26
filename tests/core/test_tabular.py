"""Reading CSV and XLSX tables: header detection, row numbers, encoding problems (no database)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from pantau.core.tabular import TableError, read_table

ALIASES = {"nip": "nip", "nama": "name", "name": "name", "unit": "unit", "kode_unit": "unit"}
REQUIRED = {"nip", "name"}


def rows_of(data: bytes, name: str = "data.csv"):
    return list(read_table(name, aliases=ALIASES, required=REQUIRED, data=data, name=name))


def xlsx_bytes(rows, *, title: str | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append([title])
        ws.merge_cells("A1:C1")
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them():
    rows = rows_of(b"NIP,Nama,Kode Unit\n1,Ani,A\n2,Budi,B\n")
    assert [(r.number, r.values) for r in rows] == [
        (2, {"nip": "1", "name": "Ani", "unit": "A"}),
        (3, {"nip": "2", "name": "Budi", "unit": "B"}),
    ]


def test_a_byte_order_mark_is_ignored():
    rows = rows_of("\ufeffnip,nama\n1,Ani\n".encode())
    assert rows[0].values == {"nip": "1", "name": "Ani"}


def test_semicolon_separated_csv_is_read():
    rows = rows_of(b"nip;nama;unit\n1;Ani;A\n")
    assert rows[0].values == {"nip": "1", "name": "Ani", "unit": "A"}


def test_windows_line_endings_are_read():
    rows = rows_of(b"nip,nama\r\n1,Ani\r\n2,Budi\r\n")
    assert [(r.number, r.values["name"]) for r in rows] == [(2, "Ani"), (3, "Budi")]


def test_blank_rows_are_skipped_but_row_numbers_stay_true():
    rows = rows_of(b"nip,nama\n1,Ani\n,\n3,Citra\n")
    assert [(r.number, r.values["name"]) for r in rows] == [(2, "Ani"), (4, "Citra")]


def test_a_title_line_above_the_csv_header_is_skipped():
    rows = rows_of(b"Daftar pegawai 2025,,\nnip,nama,unit\n1,Ani,A\n")
    assert [(r.number, r.values["name"]) for r in rows] == [(3, "Ani")]


def test_a_latin1_line_is_reported_as_bad_encoding_and_others_are_read():
    data = b"nip,nama\n1,Ani\n" + "2,José\n".encode("latin-1") + b"3,Citra\n"
    rows = rows_of(data)
    assert [r.number for r in rows] == [2, 3, 4]
    assert rows[0].problem == "" and rows[2].problem == ""
    assert "encoding" in rows[1].problem
    assert rows[2].values["name"] == "Citra"


def test_an_empty_file_is_refused_with_its_name():
    with pytest.raises(TableError, match="kosong.csv: the file is empty"):
        rows_of(b"", "kosong.csv")
    with pytest.raises(TableError, match="empty"):
        rows_of(b"  \n\n", "kosong.csv")


def test_a_file_without_a_known_header_is_refused():
    with pytest.raises(TableError, match="no header"):
        rows_of(b"a,b,c\n1,2,3\n")


def test_a_header_without_a_required_column_names_it():
    with pytest.raises(TableError, match="no column for name"):
        rows_of(b"nip,unit\n1,A\n")


def test_a_binary_file_is_refused():
    with pytest.raises(TableError, match="not a CSV or XLSX"):
        rows_of(b"\x00\x01\x02binary", "foto.jpg")


def test_xlsx_with_a_merged_title_row_keeps_spreadsheet_row_numbers():
    data = xlsx_bytes([["NIP", "Nama", "Unit"], [1, "Ani", "A"], [2, "Budi", "B"]], title="Judul")
    rows = rows_of(data, "pegawai.xlsx")
    assert [(r.number, r.values) for r in rows] == [
        (3, {"nip": "1", "name": "Ani", "unit": "A"}),
        (4, {"nip": "2", "name": "Budi", "unit": "B"}),
    ]


def test_xlsx_numbers_come_back_without_a_decimal_point():
    data = xlsx_bytes([["nip", "nama"], [1234567, "Ani"], [12.0, "Budi"]])
    rows = rows_of(data, "pegawai.xlsx")
    assert [r.values["nip"] for r in rows] == ["1234567", "12"]


def test_an_empty_workbook_is_refused_with_its_name():
    with pytest.raises(TableError, match="kosong.xlsx: the file is empty"):
        rows_of(xlsx_bytes([]), "kosong.xlsx")


def test_a_broken_workbook_is_refused():
    with pytest.raises(TableError, match="not a readable XLSX"):
        rows_of(b"PK\x03\x04 this is not a zip", "rusak.xlsx")


def test_a_nul_character_in_a_cell_is_a_problem_naming_the_column():
    data = b"nip,nama\n" + b"".join(b"19900101201503100%d,Andi\n" % i for i in range(1, 200))
    data += b"199001012015031999,An\x00di\n"  # past the first 1024 bytes, where NUL means binary
    rows = rows_of(data)
    assert len(rows) == 200 and not any(r.problem for r in rows[:-1])
    last = rows[-1]
    assert (last.number, last.problem_field) == (201, "name")
    assert "NUL character" in last.problem
