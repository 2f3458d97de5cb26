"""Generic CSV, XLSX and JSON Lines with a column mapping; bad rows reported with line and field."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from openpyxl import Workbook

from pantau.core.sources import SourceError, open_source
from tests.core.sources.conftest import split
from tests.core.sources.samples import ARABIC

CSV = (
    "Laporan pemantauan akun,,,,\n"
    "id;teks;akun;tanggal;suka\n"
    "a1;Selamat pagi 😀 semua;@Budi;2024-01-02 08:00;1.234\n"
    'a2;"Baris dengan\nganti baris; dan titik koma";budi;02/01/2024 09:30;7\n'
    "a3;;budi;2024-01-02;1\n"
    "a4;tanggal rusak;budi;besok pagi;2\n"
    ";;;;\n"
    f"a5;{ARABIC};budi;;\n"
)


def test_csv_with_title_row_semicolons_and_multiline_cells(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    posts, problems = split(
        open_source(path, format="csv", mapping={"text": "teks", "platform": "=facebook"})
    )
    assert [p.post_id for p in posts] == ["a1", "a2", "a5"]
    first, multi, rtl = posts
    assert first.text == "Selamat pagi 😀 semua"
    assert first.handle == "budi" and first.platform == "facebook"
    assert first.created_at == dt.datetime(
        2024, 1, 2, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))
    )
    assert first.reach == {"likes": 1234}
    assert first.location == {"file": path.name, "line": 3}
    assert first.raw == {
        "id": "a1",
        "teks": "Selamat pagi 😀 semua",
        "akun": "@Budi",
        "tanggal": "2024-01-02 08:00",
        "suka": "1.234",
    }
    assert multi.text == "Baris dengan\nganti baris; dan titik koma"
    assert multi.created_at.day == 2 and multi.created_at.hour == 9  # day-first
    assert rtl.text == ARABIC and rtl.created_at is None
    assert [(p.line, p.field) for p in problems] == [(6, "text"), (7, "created_at")]
    assert problems[0].reason == "missing text"
    assert "besok pagi" in problems[1].reason


def test_csv_invalid_utf8_line_is_a_problem_with_its_column(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_bytes(
        b"text,handle,created_at\n"
        b"baik,budi,2024-01-01T10:00:00+07:00\n"
        b"caf\xe9 rusak,budi,2024-01-01\n"
        b"lanjut,budi,2024-01-01\n"
    )
    posts, problems = split(open_source(path, format="csv"))
    assert [p.text for p in posts] == ["baik", "lanjut"]
    assert posts[0].created_at.utcoffset() == dt.timedelta(hours=8)
    assert posts[0].created_at.hour == 11
    assert len(problems) == 1
    assert (problems[0].line, problems[0].field) == (3, "text")
    assert "UTF-8" in problems[0].reason


def test_csv_mojibake_from_a_resaved_spreadsheet_is_fixed(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text("text\n" + "Itu â€œhoaksâ€\x9d jelas ðŸ˜¡\n", encoding="utf-8")
    posts, _ = split(open_source(path, format="csv", handle="budi"))
    assert posts[0].text == "Itu “hoaks” jelas 😡"
    assert posts[0].handle == "budi"


def test_csv_platform_handle_and_id_from_url(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text(
        "url,text,kind\n"
        "https://x.com/Budi/status/1790000000000000001,halo,retweet\n"
        "https://www.instagram.com/p/C1aBcD/,foto,\n"
        "https://www.tiktok.com/@budi.tt/video/7312345678901234567,video,reply\n",
        encoding="utf-8",
    )
    posts, _ = split(open_source(path, format="csv", handle="fallback"))
    assert [(p.platform, p.handle, p.post_id, p.kind) for p in posts] == [
        ("x", "budi", "1790000000000000001", "share"),
        ("instagram", "fallback", "C1aBcD", "post"),
        ("tiktok", "budi.tt", "7312345678901234567", "comment"),
    ]


def test_csv_without_a_text_column_is_refused(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no header row with a text column"):
        list(open_source(path, format="csv"))
    with pytest.raises(SourceError, match="unknown field"):
        open_source(path, format="csv", mapping={"txt": "a"})


def test_xlsx(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Postingan"
    sheet.append(["Rekap unggahan"])
    sheet.append(["Post ID", "Text", "Account", "Time", "Views"])
    sheet.append([1790000000000, "Halo warga 😀", "budi", dt.datetime(2024, 3, 1, 7, 30), 1500])
    sheet.append([None, None, "budi", dt.datetime(2024, 3, 1, 8), 1])
    sheet.append(["x2", ARABIC, "budi", "bukan tanggal", None])
    sheet.append(["x3", "tanpa waktu", "budi", None, "12"])
    path = tmp_path / "rekap.xlsx"
    book.save(path)
    posts, problems = split(open_source(path, format="xlsx", mapping={"views": "Views"}))
    assert [p.post_id for p in posts] == ["1790000000000", "x3"]
    assert posts[0].created_at == dt.datetime(
        2024, 3, 1, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))
    )
    assert posts[0].reach == {"views": 1500}
    assert posts[0].raw["Time"] == "2024-03-01T07:30:00"
    assert posts[0].location == {"file": path.name, "line": 3}
    assert posts[1].created_at is None and posts[1].reach == {"views": 12}
    assert [(p.line, p.field) for p in problems] == [(4, "text"), (5, "created_at")]


def test_xlsx_broken_file(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(SourceError, match="rusak.xlsx: not a readable XLSX"):
        list(open_source(path, format="xlsx"))


def jsonl(records) -> str:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    )


def test_jsonl_bad_lines_and_truncated_last_line(tmp_path):
    path = tmp_path / "posts.jsonl"
    body = (
        jsonl(
            [
                {
                    "id": 1,
                    "text": "Satu 😀",
                    "user": {"screen_name": "Budi"},
                    "created_at": 1704067200,
                    "likes": 3,
                },
                "{not json",
                [1, 2],
                {"id": 4, "content": ARABIC, "created_at": "2024-01-01T00:00:00Z"},
                {"id": 5},
                "",
            ]
        ).encode()
        + b'{"id": 6, "text": "caf\xe9"}\n'
        + b'{"id": 7, "text": "terpot'
    )
    path.write_bytes(body)
    posts, problems = split(
        open_source(path, format="jsonl", mapping={"handle": "user.screen_name"})
    )
    assert [p.post_id for p in posts] == ["1", "4"]
    assert posts[0].handle == "budi"
    assert posts[0].created_at == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert posts[0].reach == {"likes": 3}
    assert posts[1].text == ARABIC
    assert [(p.line, p.field) for p in problems] == [
        (2, ""),
        (3, ""),
        (5, "text"),
        (7, ""),
        (8, ""),
    ]
    assert "not valid JSON" in problems[0].reason
    assert "not a JSON object" in problems[1].reason
    assert "UTF-8" in problems[3].reason
    assert "truncated" in problems[4].reason


def test_jsonl_file_holding_a_json_array(tmp_path):
    path = tmp_path / "posts.json"
    path.write_text(json.dumps([{"id": "a", "text": "satu"}, {"id": "b", "text": "dua"}], indent=1))
    posts, _ = split(open_source(path, format="jsonl"))
    assert [p.post_id for p in posts] == ["a", "b"]
    assert posts[1].location["line"] == 6


def test_tables_inside_a_zip_and_progress(tmp_path):
    book = Workbook()
    book.active.append(["text", "id"])
    book.active.append(["dari excel", "x1"])
    xlsx = tmp_path / "b.xlsx"
    book.save(xlsx)
    target = tmp_path / "tables.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("rekap/a.csv", "text,id\nsatu,1\ndua,2\n")
        archive.writestr("rekap/c.jsonl", '{"text": "tiga", "id": 3}\n')
        archive.write(xlsx, "rekap/b.xlsx")
    source = open_source(target, format="csv")
    assert source.files == [f"{target.name}:rekap/a.csv"]
    fractions = []
    for _item in source:
        fractions.append(source.progress())
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    posts, _ = split(open_source(target, format="xlsx"))
    assert [(p.text, p.location["file"]) for p in posts] == [
        ("dari excel", f"{target.name}:rekap/b.xlsx")
    ]
    posts, _ = split(open_source(target, format="jsonl"))
    assert [p.post_id for p in posts] == ["3"]
