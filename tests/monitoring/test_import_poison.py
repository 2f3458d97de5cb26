"""Poison records in `pantau import`: each bad record is an error naming file, line and field;
the good records around it are imported and the run always ends in a final state.

Run on PostgreSQL too (``DATABASE_URL``): NUL characters and lone surrogates are what PostgreSQL
refuses, and these tests go through the real CLI command and the real database.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from pantau.cli import main
from pantau.monitoring.models import ImportProblem, ImportRun, Post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english", "_fresh_engine")]


def good(post_id: str, text: str = "Layanan KTP buka hari Sabtu") -> bytes:
    record = {"id": post_id, "platform": "x", "handle": "budisan", "text": text}
    return json.dumps(record).encode() + b"\n"


def run_import(capsys, fmt: str, path, *extra: str) -> dict:
    status = main(["import", "--format", fmt, str(path), "--json", "--no-scan", *extra])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "Traceback" not in captured.err
    return json.loads(captured.out)


def errors_by_line(summary: dict) -> dict[int, dict]:
    return {e["line"]: e for e in summary["errors"]}


def test_deep_nesting_a_lone_surrogate_and_bad_utf8_are_located_errors(tmp_path, registry, capsys):
    path = tmp_path / "kiriman.jsonl"
    path.write_bytes(
        good("p1")
        + b"[" * 100_000
        + b"]" * 100_000
        + b"\n"
        + b'{"id": "p3", "platform": "x", "handle": "budisan", "text": "rusak \\ud800 di sini"}\n'
        + b'{"id": "p4", "platform": "x", "handle": "budisan", "text": "bukan \xff\xfe utf-8"}\n'
        + b'{"id": "p5", "platform": "x", "handle": "budisan", "text": "ok",'
        + b' "user": {"bio": "a \\udfff b"}}\n'
        + good("p6")
    )
    summary = run_import(capsys, "jsonl", path)
    assert summary["imported"] == 2
    errors = errors_by_line(summary)
    assert set(errors) == {2, 3, 4, 5}
    assert all(e["file"].endswith("kiriman.jsonl") for e in errors.values())
    assert "nested too deeply" in errors[2]["reason"]
    assert errors[3]["field"] == "text" and "surrogate U+D800" in errors[3]["reason"]
    assert "not valid UTF-8" in errors[4]["reason"]
    assert errors[5]["field"] == "user.bio" and "surrogate U+DFFF" in errors[5]["reason"]
    assert sorted(Post.objects.values_list("post_id", flat=True)) == ["p1", "p6"]
    run = ImportRun.objects.get()
    assert (run.status, run.error_count) == ("done", 4)


def test_nul_characters_are_refused_naming_the_field_while_the_rest_imports(
    tmp_path, registry, capsys
):
    path = tmp_path / "nul.jsonl"
    path.write_bytes(
        good("n1")
        + b'{"id": "n2", "platform": "x", "handle": "budisan", "text": "ada \\u0000 nul"}\n'
        + b'{"id": "n3", "platform": "x", "handle": "budisan", "text": "raw",'
        + b' "meta": {"tags": ["a", "b\\u0000"]}}\n'
        + b'{"id": "n4\\u0000", "platform": "x", "handle": "budisan", "text": "id"}\n'
        + good("n5")
    )
    summary = run_import(capsys, "jsonl", path)
    assert summary["imported"] == 2
    errors = errors_by_line(summary)
    assert (errors[2]["field"], errors[3]["field"], errors[4]["field"]) == (
        "text",
        "meta.tags[1]",
        "post_id",
    )
    assert all("NUL character" in errors[n]["reason"] for n in (2, 3, 4))
    assert sorted(Post.objects.values_list("post_id", flat=True)) == ["n1", "n5"]


def test_a_nul_in_a_csv_cell_is_an_error_for_its_row(tmp_path, registry, capsys):
    head = "id,platform,handle,text\n" + "".join(
        f"c{i},x,budisan,Pelayanan publik nomor {i}\n" for i in range(1, 800)
    )  # past the 16 KB the file type is sniffed from
    path = tmp_path / "tabel.csv"
    path.write_bytes(head.encode() + b"c800,x,budisan,ada \x00 nul\nc801,x,budisan,terakhir\n")
    summary = run_import(capsys, "csv", path)
    assert summary["imported"] == 800
    [error] = summary["errors"]
    assert (error["line"], error["field"]) == (801, "text")
    assert "NUL" in error["reason"]


def test_a_text_over_the_limit_is_an_error(tmp_path, registry, capsys, settings):
    settings.PANTAU_IMPORT_MAX_TEXT_CHARS = 50
    path = tmp_path / "panjang.jsonl"
    path.write_bytes(good("t1", "pendek") + good("t2", "x" * 51) + good("t3", "y" * 50))
    summary = run_import(capsys, "jsonl", path)
    assert summary["imported"] == 2
    [error] = summary["errors"]
    assert (error["line"], error["field"]) == (2, "text")
    assert "51 characters; at most 50" in error["reason"]


def test_a_line_over_the_limit_is_skipped_in_chunks_and_reported(
    tmp_path, registry, capsys, settings
):
    settings.PANTAU_IMPORT_MAX_RECORD_BYTES = 1000
    path = tmp_path / "baris.jsonl"
    path.write_bytes(good("l1") + good("l2", "z" * 5000) + good("l3"))
    summary = run_import(capsys, "jsonl", path)
    assert summary["imported"] == 2
    [error] = summary["errors"]
    assert error["line"] == 2 and "at most 1,000 are read" in error["reason"]
    assert sorted(Post.objects.values_list("post_id", flat=True)) == ["l1", "l3"]


def test_a_csv_line_over_the_limit_is_reported_and_the_next_rows_import(
    tmp_path, registry, capsys, settings
):
    settings.PANTAU_IMPORT_MAX_RECORD_BYTES = 1000
    path = tmp_path / "baris.csv"
    path.write_text(
        "id,platform,handle,text\nc1,x,budisan,satu\n"
        + f"c2,x,budisan,{'w' * 5000}\nc3,x,budisan,tiga\n",
        encoding="utf-8",
    )
    summary = run_import(capsys, "csv", path)
    assert summary["imported"] == 2
    [error] = summary["errors"]
    assert error["line"] == 3 and "5,014 bytes; at most 1,000" in error["reason"]


def test_an_x_archive_record_over_the_limit_is_reported(tmp_path, registry, capsys, settings):
    settings.PANTAU_IMPORT_MAX_RECORD_BYTES = 2000
    tweets = [
        {
            "tweet": {
                "id_str": "1",
                "full_text": "satu",
                "created_at": "Mon Nov 02 08:00:00 +0000 2026",
            }
        },
        {"tweet": {"id_str": "2", "full_text": "dua " + '\\"x' * 3000}},
        {"tweet": {"id_str": "3", "full_text": "tiga"}},
    ]
    body = ",\n".join(json.dumps(t, indent=1) for t in tweets)
    path = tmp_path / "arsip.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/tweets.js", f"window.YTD.tweets.part0 = [\n{body}\n]")
    summary = run_import(capsys, "x-archive", path, "--handle", "budisan")
    assert summary["imported"] == 2
    [error] = summary["errors"]
    assert error["file"].endswith("data/tweets.js") and "at most 2,000 are read" in error["reason"]
    assert error["line"] == 2 + json.dumps(tweets[0], indent=1).count("\n") + 1
    assert sorted(Post.objects.values_list("post_id", flat=True)) == ["1", "3"]


def test_a_json_export_over_the_whole_file_limit_is_refused(tmp_path, registry, capsys, settings):
    settings.PANTAU_IMPORT_MAX_JSON_FILE_BYTES = 100
    folder = tmp_path / "tiktok"
    folder.mkdir()
    (folder / "user_data.json").write_text(json.dumps({"Video": {"x": "y" * 200}}))
    status = main(["import", "--format", "tiktok", str(folder), "--no-scan", "--handle", "siti"])
    err = capsys.readouterr().err
    assert status != 0 and "Traceback" not in err
    assert "user_data.json: refused" in err and "PANTAU_IMPORT_MAX_JSON_FILE_MB" in err
    assert ImportRun.objects.get().status == "failed"


def test_an_unexpected_error_ends_the_run_failed_and_a_rerun_finishes(
    tmp_path, registry, capsys, monkeypatch
):
    """Whatever breaks mid-run, the run ends "failed" with the reason, never "running"."""
    from pantau.monitoring import imports

    path = tmp_path / "kiriman.jsonl"
    path.write_bytes(b"".join(good(f"r{i}", f"teks nomor {i}") for i in range(10)))
    real = imports.store_posts
    calls = []

    def breaks_on_the_second_batch(items, **kwargs):
        calls.append(len(items))
        if len(calls) == 2:
            raise MemoryError("the machine ran out of memory")
        return real(items, **kwargs)

    monkeypatch.setattr(imports, "store_posts", breaks_on_the_second_batch)
    status = main(["import", "--format", "jsonl", str(path), "--no-scan", "--batch-size", "4"])
    err = capsys.readouterr().err
    assert status != 0 and "Traceback" not in err
    assert "MemoryError: the machine ran out of memory" in err
    run = ImportRun.objects.get()
    assert run.status == "failed" and "the posts up to" in run.message
    assert Post.objects.count() == 4
    monkeypatch.setattr(imports, "store_posts", real)
    summary = run_import(capsys, "jsonl", path)
    assert (summary["imported"], summary["duplicates"]) == (10, 0)  # the run's totals
    run.refresh_from_db()
    assert (run.status, run.imported) == ("done", 10)
    assert ImportRun.objects.count() == 1 and Post.objects.count() == 10


def test_a_post_the_database_refuses_becomes_a_problem_and_the_batch_goes_on(
    tmp_path, registry, capsys, monkeypatch
):
    """Past the screening, a batch the database refuses is written again post by post."""
    from pantau.core.sources import limits

    monkeypatch.setattr(limits, "text_flaw", lambda text: None)  # let a NUL reach the database
    monkeypatch.setattr(limits, "value_flaw", lambda value, **kw: None)
    path = tmp_path / "kiriman.jsonl"
    path.write_bytes(
        good("d1")
        + b'{"id": "d2", "platform": "x", "handle": "budisan", "text": "\\ud800"}\n'
        + good("d3")
    )
    summary = run_import(capsys, "jsonl", path)
    assert summary["imported"] == 2
    [error] = summary["errors"]
    assert error["line"] == 2 and "the database refused the post" in error["reason"]
    assert ImportProblem.objects.get().line == 2


def test_an_id_longer_than_its_column_is_an_error(tmp_path, registry, capsys):
    path = tmp_path / "kolom.jsonl"
    long_id = {"id": "9" * 201, "platform": "x", "handle": "budisan", "text": "id panjang"}
    path.write_text(json.dumps(long_id) + "\n" + good("k2").decode())
    summary = run_import(capsys, "jsonl", path)
    assert summary["imported"] == 1
    [error] = summary["errors"]
    assert (error["line"], error["field"]) == (1, "post_id")
    assert "201 characters; at most 200" in error["reason"]
    assert Post.objects.get().post_id == "k2"


def test_counts_out_of_their_column_s_range_and_infinity_are_errors(tmp_path, registry, capsys):
    rows = [
        b'{"id": "c1", "platform": "x", "handle": "budisan", "text": "a", "likes": -1}',
        b'{"id": "c2", "platform": "x", "handle": "budisan", "text": "b", "shares": 3000000000}',
        b'{"id": "c3", "platform": "x", "handle": "budisan", "text": "c", "views": Infinity}',
        b'{"id": "c4", "platform": "x", "handle": "budisan", "text": "d", "likes": "1e999"}',
        b'{"id": "c5", "platform": "x", "handle": "budisan", "text": "e", "views": 3000000000}',
    ]
    path = tmp_path / "angka.jsonl"
    path.write_bytes(b"\n".join(rows) + b"\n")
    summary = run_import(capsys, "jsonl", path)
    errors = errors_by_line(summary)
    assert (errors[1]["field"], errors[1]["reason"]) == ("likes", "the count is negative (-1)")
    assert (errors[2]["field"], errors[2]["reason"]) == (
        "shares",
        "the count is over 2,147,483,647",
    )
    assert (errors[3]["field"], errors[3]["reason"]) == (
        "views",
        "the value is not a finite number (inf)",
    )
    assert set(errors) == {1, 2, 3} and summary["imported"] == 2
    assert Post.objects.get(post_id="c5").views == 3_000_000_000
