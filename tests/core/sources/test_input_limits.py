"""Memory bounds of the source parsers: over-long lines and records are skipped in bounded chunks
and reported where they are; zips and XLSX workbooks are checked for bombs before anything is
expanded. Small limits keep these fast; the benchmark feeds the full-size hostile files.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from pantau.core.sources import InputLimits, SourceError, ZipLimits, jsonarray, open_source
from pantau.core.sources.jsonarray import TooLarge, iter_array_objects
from pantau.core.sources.lines import TooLong, bounded_lines
from pantau.core.tabular import TableError, read_table
from pantau.core.zip_safety import ZipRefused, check_zip
from tests.conftest import write_xlsx
from tests.core.sources.conftest import split


def test_bounded_lines_skip_a_long_line_whole_and_keep_the_rest():
    data = b"short\n" + b"x" * 50 + b"\n" + b"exactly10\n" + b"y" * 30
    lines = list(bounded_lines(io.BytesIO(data), 10))
    assert lines == [b"short\n", TooLong(51, True), b"exactly10\n", TooLong(30, False)]
    assert sum(len(x) if isinstance(x, bytes) else x.size for x in lines) == len(data)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
def test_an_oversized_array_record_is_skipped_exactly_whatever_the_chunk_size(monkeypatch, chunk):
    monkeypatch.setattr(jsonarray, "CHUNK", chunk)
    records = [
        {"id": 1, "text": 'kurung } ] dan "kutip" \\ garis miring'},
        {"id": 2, "text": 'besar \\" } ] { [ ' * 40, "list": [[1, 2], {"a": "}"}]},
        {"id": 3, "text": "sesudahnya\nbaris baru", "ends": "\\"},
    ]
    body = "[\n" + ",\n".join(json.dumps(r, indent=1) for r in records) + "\n]"
    objects = list(iter_array_objects(io.BytesIO(body.encode()), "a.json", max_bytes=200))
    assert [type(o[0]) for o in objects] == [bytes, TooLarge, bytes]
    assert json.loads(objects[0][0]) == records[0] and json.loads(objects[2][0]) == records[2]
    big = json.dumps(records[1], indent=1).encode()
    assert objects[1][0] == TooLarge(len(big), big.count(b"\n"))
    assert body.encode()[objects[1][1] : objects[1][2]] == big  # the offsets frame it exactly
    first_line = 2
    assert [o[3] for o in objects] == [
        first_line,
        first_line + json.dumps(records[0], indent=1).count("\n") + 1,
        first_line + json.dumps(records[0], indent=1).count("\n") + 1 + big.count(b"\n") + 1,
    ]


def test_an_oversized_record_cut_short_is_reported_as_truncated():
    body = b'[{"id": 1, "text": "' + b"x" * 500
    with pytest.raises(SourceError, match="a.json: truncated at line 1"):
        list(iter_array_objects(io.BytesIO(body), "a.json", max_bytes=100))


def test_a_jsonl_line_over_the_limit_resumes_after_it(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [{"id": "1", "text": "satu"}, {"id": "2", "text": "z" * 300}, {"id": "3", "text": "3"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines))
    limits = InputLimits(max_record_bytes=100)
    source = open_source(path, format="jsonl", handle="budi", limits=limits)
    items = iter(source)
    assert next(items).post_id == "1"
    problem = next(items)
    assert (problem.line, problem.reason) == (2, "the line has 324 bytes; at most 100 are read")
    resumed = open_source(
        path, format="jsonl", handle="budi", limits=limits, resume=source.position
    )
    posts, problems = split(resumed)
    assert [p.post_id for p in posts] == ["3"] and problems == []


def write_zip(path, members: dict):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_small_members_are_ratio_checked_too(tmp_path):
    """The issue's bomb: members under 1 MB each, together hundreds of times their size."""
    members = {f"posts/part{i}.jsonl": b" " * 900_000 for i in range(3)}
    path = write_zip(tmp_path / "kecil.zip", {"posts/a.jsonl": b'{"text": "ok"}\n', **members})
    with pytest.raises(SourceError, match=r"kecil\.zip:posts/part0\.jsonl: refused, compression"):
        open_source(path, format="jsonl")


def test_a_tiny_member_may_expand_within_the_slack(tmp_path):
    path = write_zip(tmp_path / "kecil.zip", {"a.jsonl": b'{"text": "ok"}\n' + b"\n" * 3000})
    posts, problems = split(open_source(path, format="jsonl", handle="budi"))
    assert len(posts) == 1 and problems == []


def test_check_zip_names_the_member_and_the_limit():
    buffer = io.BytesIO()
    write_zip(buffer, {"a.txt": b"halo " * 100, "b.txt": b"\0" * 100_000})
    with zipfile.ZipFile(buffer) as archive:
        with pytest.raises(ZipRefused) as info:
            check_zip(archive, ZipLimits())
        assert info.value.member == "b.txt" and "above 200:1" in str(info.value)
        with pytest.raises(ZipRefused, match="expands to more than 600 bytes"):
            check_zip(archive, ZipLimits(max_total=600, max_ratio=1e9))


def _xlsx_with_bomb(path):
    write_xlsx(path, [["id", "text"], ["1", "halo"]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * 2_000_000)
    return path


def test_an_xlsx_zip_bomb_is_refused_before_openpyxl_opens_it(tmp_path):
    path = _xlsx_with_bomb(tmp_path / "bom.xlsx")
    with pytest.raises(SourceError, match=r"bom\.xlsx:xl/media/padding\.bin: refused, compression"):
        list(open_source(path, format="xlsx", handle="budi"))
    small = write_xlsx(tmp_path / "biasa.xlsx", [["id", "text"], ["1", "halo"]])
    tight = InputLimits(xlsx=ZipLimits(max_total=1000))
    with pytest.raises(SourceError, match=r"biasa\.xlsx:.*expands to more than 1000 bytes"):
        list(open_source(small, format="xlsx", handle="budi", limits=tight))
    assert len(split(open_source(small, format="xlsx", handle="budi"))[0]) == 1


def test_an_xlsx_zip_bomb_is_refused_by_the_registry_table_reader(tmp_path):
    path = _xlsx_with_bomb(tmp_path / "pegawai.xlsx")
    with pytest.raises(TableError, match=r"pegawai\.xlsx:xl/media/padding\.bin: refused"):
        list(read_table(path, aliases={"id": "id", "text": "text"}, required={"id"}))


def test_a_json_file_read_whole_is_capped(tmp_path):
    folder = tmp_path / "ekspor"
    (folder / "your_facebook_activity" / "posts").mkdir(parents=True)
    target = (
        folder
        / "your_facebook_activity"
        / "posts"
        / "your_posts__check_ins__photos_and_videos_1.json"
    )
    target.write_text(json.dumps([{"timestamp": 1, "data": [{"post": "x" * 500}]}]))
    with pytest.raises(SourceError, match="refused, 5.. bytes is more than the 100 bytes"):
        list(open_source(folder, format="facebook", limits=InputLimits(max_json_file_bytes=100)))


@pytest.mark.parametrize("name", ["shared_title", "shared_url", "reshared_author", "attachment"])
def test_the_screen_names_a_nul_in_the_shared_link_and_reshare_fields(name):
    from pantau.core.sources.base import make_post
    from pantau.core.sources.limits import screen_post

    post = make_post(
        platform="facebook",
        post_id=None,
        handle="rina",
        url="",
        created_at=None,
        kind="post",
        text="Baca ini",
        raw={},  # the record itself is clean: only the field built from it is checked here
        location={"file": "posts.json", "index": 3},
        **{name: "ada \x00 nul"},
    )
    problem = screen_post(post, InputLimits())
    assert (problem.file, problem.index, problem.field) == ("posts.json", 3, name)
    assert "NUL character" in problem.reason
