"""Facebook and Instagram "download your information" exports (JSON), TikTok's user_data.json."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from pantau.core.sources import SourceError, open_source
from tests.core.sources.conftest import split
from tests.core.sources.samples import (
    ARABIC,
    HEBREW,
    mojibake,
    write_facebook,
    write_instagram,
    write_tiktok,
    zip_dir,
)

MAKASSAR = dt.timezone(dt.timedelta(hours=8))


def test_facebook_posts_comments_groups_and_reactions(tmp_path):
    posts, problems = split(open_source(write_facebook(tmp_path / "fb"), format="facebook"))
    assert problems == []
    assert [p.kind for p in posts] == [
        "comment",
        "reaction",
        "post",
        "post",
        "share",
        "post",
        "post",
    ]
    assert {p.platform for p in posts} == {"facebook"}
    assert {p.handle for p in posts} == {"budi.santoso.bpn"}  # from profile_uri
    assert all(p.post_id is None for p in posts)  # no ids: content hash dedup
    assert len({p.content_hash for p in posts}) == len(posts)


def test_facebook_mojibake_is_repaired(tmp_path):
    posts, _ = split(open_source(write_facebook(tmp_path / "fb"), format="facebook"))
    texts = [p.text for p in posts]
    assert "Selamat pagi 😀 kopi di café dulu" in texts
    assert "Setuju sekali 👍 sé" in texts
    assert ARABIC in texts
    assert not any("Ã" in t or "ð" in t for t in texts)
    comment = posts[0]
    assert comment.raw["data"][0]["comment"]["comment"] == mojibake("Setuju sekali 👍 sé")


def test_facebook_details(tmp_path):
    posts, _ = split(open_source(write_facebook(tmp_path / "fb"), format="facebook"))
    first = next(p for p in posts if p.text.startswith("Selamat pagi"))
    assert first.created_at == dt.datetime.fromtimestamp(1700000000, MAKASSAR)
    assert first.language == "id"
    assert first.location["index"] == 0
    shared = next(p for p in posts if p.kind == "share")
    assert shared.text == "Baca ini sebelum vaksin!"
    photo = next(p for p in posts if p.raw.get("title", "").endswith("new photo."))
    assert photo.text == ""
    no_time = next(p for p in posts if p.text == ARABIC)
    assert no_time.created_at is None
    reaction = next(p for p in posts if p.kind == "reaction")
    assert reaction.text == "Budi Santoso likes Ani's post."
    group = next(p for p in posts if "banjir" in p.text)
    assert group.kind == "post"


def test_facebook_zip_and_handle_option(tmp_path):
    root = write_facebook(tmp_path / "fb")
    for path in root.rglob("profile_information.json"):
        path.unlink()
    target = zip_dir(root, tmp_path / "facebook-budi.zip", top="facebook-budi-2026")
    posts, _ = split(open_source(target, format="facebook", handle="Budi.S"))
    assert len(posts) == 7
    assert {p.handle for p in posts} == {"budi.s"}


def test_facebook_broken_json_names_file_and_line_and_the_other_files_are_read(tmp_path):
    root = write_facebook(tmp_path / "fb")
    path = next(root.rglob("comments.json"))
    path.write_text(path.read_text()[:-30])
    posts, problems = split(open_source(root, format="facebook"))
    [problem] = problems
    assert problem.file.endswith("comments.json") and problem.line > 1
    assert re.match(r"truncated at line \d+, column \d+", problem.reason)
    assert "comment" not in {p.kind for p in posts}  # its one record was cut off
    assert {"post", "share", "reaction"} <= {p.kind for p in posts}


def test_facebook_wrong_format(tmp_path):
    write_instagram(tmp_path / "ig")
    with pytest.raises(SourceError, match="not a Facebook export"):
        open_source(tmp_path / "ig", format="facebook")


def test_instagram_posts_and_comments(tmp_path):
    posts, problems = split(open_source(write_instagram(tmp_path / "ig"), format="instagram"))
    assert problems == []
    assert [p.kind for p in posts] == ["comment", "post", "post", "post"]
    assert {p.handle for p in posts} == {"budi.bpn"}
    comment, single, double, rtl = posts
    assert comment.text == "Mantap 🔥 pak"
    assert single.text == "Senja di Pantai Kemala 🌅 indah sekali"
    assert single.created_at == dt.datetime.fromtimestamp(1700000000, MAKASSAR)
    assert double.text == "Dua foto kegiatan dinas — sé"
    assert rtl.text == HEBREW and rtl.created_at is None
    assert all(p.post_id is None and p.platform == "instagram" for p in posts)


def test_instagram_zip(tmp_path):
    target = zip_dir(write_instagram(tmp_path / "ig"), tmp_path / "instagram.zip")
    assert len(split(open_source(target, format="instagram"))[0]) == 4


def test_tiktok_videos_and_comments(tmp_path):
    posts, problems = split(open_source(write_tiktok(tmp_path / "tt"), format="tiktok"))
    assert [p.kind for p in posts] == ["post", "post", "comment"]
    video, rtl, comment = posts
    assert video.post_id == "7312345678901234567"
    assert video.handle == "budi.tiktok"
    assert video.url == "https://www.tiktok.com/@budi.tiktok/video/7312345678901234567"
    assert video.text == "Tutorial urus KTP 🪪 #pelayanan"
    assert video.reach == {"likes": 1234}
    assert video.created_at == dt.datetime(2024, 1, 1, 2, 0, tzinfo=dt.UTC)  # TikTok writes UTC
    assert video.created_at.utcoffset() == dt.timedelta(hours=8)
    assert rtl.text == ARABIC and rtl.created_at is None
    assert comment.post_id is None and comment.text == "Kerja bagus tim!"
    assert len(problems) == 1
    assert problems[0].field == "created_at" and problems[0].index == 3
    assert "user_data_tiktok.json" in problems[0].file


def test_tiktok_zip_and_wrong_shape(tmp_path):
    root = write_tiktok(tmp_path / "tt")
    assert len(split(open_source(zip_dir(root, tmp_path / "tt.zip"), format="tiktok"))[0]) == 3
    bad = tmp_path / "user_data.json"
    bad.write_text(json.dumps([1, 2]))
    with pytest.raises(SourceError, match="not a TikTok user_data.json"):
        list(open_source(bad, format="tiktok"))
