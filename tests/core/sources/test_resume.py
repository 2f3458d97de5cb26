"""Resume tokens: stop anywhere, resume with the token, and every item comes exactly once."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from pantau.core.sources import SourceError, open_source
from tests.core.sources.samples import (
    write_facebook,
    write_instagram,
    write_tiktok,
    write_x_archive,
    zip_dir,
)


def make_x(tmp_path):
    return write_x_archive(tmp_path / "x"), "x-archive"


def make_x_zip(tmp_path):
    return zip_dir(write_x_archive(tmp_path / "x"), tmp_path / "x.zip"), "x-archive"


def make_facebook(tmp_path):
    return write_facebook(tmp_path / "fb"), "facebook"


def make_instagram(tmp_path):
    return zip_dir(write_instagram(tmp_path / "ig"), tmp_path / "ig.zip"), "instagram"


def make_tiktok(tmp_path):
    return write_tiktok(tmp_path / "tt"), "tiktok"


def make_csv(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "a.csv").write_text('text,id\n"satu\ndua",1\n,2\ntiga,3\n', encoding="utf-8")
    (folder / "b.csv").write_bytes(b"text,id\nempat,4\nl\xe9ma,5\nenam,6\n")
    return folder, "csv"


def make_xlsx(tmp_path):
    book = Workbook()
    book.active.append(["text", "id"])
    for n in range(5):
        book.active.append([f"baris {n}" if n != 2 else None, n])
    second = book.create_sheet("Lain")
    second.append(["Judul"])
    second.append(["id", "text"])
    second.append([10, "sepuluh"])
    book.save(tmp_path / "t.xlsx")
    return tmp_path / "t.xlsx", "xlsx"


def make_jsonl(tmp_path):
    path = tmp_path / "p.jsonl"
    lines = [json.dumps({"id": n, "text": f"pos {n}"}) for n in range(6)]
    lines.insert(3, "{broken")
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return path, "jsonl"


def make_json_array(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps([{"id": n, "text": f"pos {n}"} for n in range(5)], indent=2))
    return path, "jsonl"


def make_rss(tmp_path):
    from tests.core.sources.test_feeds import ATOM, RSS

    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "a.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "feeds" / "b.xml").write_text(ATOM, encoding="utf-8")
    return tmp_path / "feeds", "rss"


def make_mastodon(tmp_path):
    from tests.core.sources.test_mastodon import status

    path = tmp_path / "statuses.json"
    path.write_text(json.dumps([status(n, "https://m.example") for n in range(5, 0, -1)]))
    return path, "mastodon"


MAKERS = [
    make_x,
    make_x_zip,
    make_facebook,
    make_instagram,
    make_tiktok,
    make_csv,
    make_xlsx,
    make_jsonl,
    make_json_array,
    make_rss,
    make_mastodon,
]


@pytest.mark.parametrize("maker", MAKERS, ids=lambda m: m.__name__[5:])
def test_resume_from_every_point_gives_each_item_exactly_once(tmp_path, maker):
    path, fmt = maker(tmp_path)
    full = list(open_source(path, format=fmt, handle="budi"))
    assert len(full) >= 4
    for stop in range(len(full)):
        source = open_source(path, format=fmt, handle="budi")
        first = []
        for item in source:
            first.append(item)
            if len(first) == stop + 1:
                break
        token = json.loads(json.dumps(source.position))  # survives a trip through storage
        rest = list(open_source(path, format=fmt, handle="budi", resume=token))
        assert first + rest == full, f"stopped after {stop + 1} of {len(full)}"


def test_position_before_any_item_is_none_and_after_the_last_resumes_to_nothing(tmp_path):
    path, fmt = make_jsonl(tmp_path)
    source = open_source(path, format=fmt)
    assert source.position is None
    items = list(source)
    assert items and list(open_source(path, format=fmt, resume=source.position)) == []


def test_a_token_from_another_input_is_refused(tmp_path):
    path, fmt = make_csv(tmp_path)
    token = {
        "format": "csv",
        "file_no": 1,
        "file": "other.csv",
        "index": 0,
        "offset": 10,
        "line": 2,
    }
    with pytest.raises(SourceError, match="resume token is for 'other.csv'"):
        open_source(path, format=fmt, resume=token)
    with pytest.raises(SourceError, match="not one of a csv import"):
        open_source(path, format="csv", resume={**token, "format": "jsonl"})
