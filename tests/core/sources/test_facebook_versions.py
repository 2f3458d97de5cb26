"""Facebook exports of every version: shared links and their titles, 2025+ profile_posts, the
2018-19 ``status_updates`` and ``comments`` keys, shares in any UI language, id-less records made
in the same second, and files the parser does not know (named with the keys it found)."""

from __future__ import annotations

import datetime as dt
import json

from pantau.core.sources import open_source
from tests.core.sources.conftest import split
from tests.core.sources.samples import mojibake


def _dump(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")


def _link(url, name=None, text=None, title="", when=1_700_000_000):
    context = {"url": url}
    if name is not None:
        context["name"] = mojibake(name)
    record = {
        "timestamp": when,
        "attachments": [{"data": [{"external_context": context}]}],
        "title": mojibake(title),
    }
    if text:
        record["data"] = [{"post": mojibake(text)}]
    return record


def test_shared_links_keep_their_url_and_name_in_any_language(tmp_path):
    posts = [
        _link(
            "https://hoaks.example/vaksin-chip",
            "Vaksin mengandung chip pelacak",
            title="Budi ha compartido un enlace.",
        ),
        _link(
            "https://berita.example/banjir",
            "Banjir rob di pesisir",
            text="Hati-hati 🙏",
            title="Budi đã chia sẻ một liên kết.",
            when=1_700_000_060,
        ),
        {"timestamp": 1_700_000_120, "data": [{"post": "Status biasa"}], "title": ""},
    ]
    _dump(tmp_path / "fb" / "your_facebook_activity" / "posts" / "your_posts_1.json", posts)
    items, problems = split(open_source(tmp_path / "fb", format="facebook", handle="budi"))
    assert problems == []
    first, second, plain = items
    assert (first.kind, first.text) == ("share", "")
    assert first.shared_url == "https://hoaks.example/vaksin-chip"
    assert first.shared_title == "Vaksin mengandung chip pelacak"
    assert (second.kind, second.text, second.shared_title) == (
        "share",
        "Hati-hati 🙏",
        "Banjir rob di pesisir",
    )
    assert (plain.kind, plain.shared_url, plain.shared_title) == ("post", "", "")
    assert first.created_at == dt.datetime.fromtimestamp(1_700_000_000, dt.UTC)


def test_shares_made_in_the_same_second_stay_distinct(tmp_path):
    same_second = [
        _link(f"https://berita.example/{n}", f"Judul {n}", title="Budi shared a link.")
        for n in range(5)
    ]
    same_second.append(dict(same_second[0]))  # the very same share twice: one post
    _dump(tmp_path / "fb" / "posts" / "your_posts_1.json", same_second)
    items, _ = split(open_source(tmp_path / "fb", format="facebook", handle="budi"))
    assert len(items) == 6
    assert len({p.content_hash for p in items}) == 5


def test_the_2025_profile_posts_file_is_read(tmp_path):
    posts = [{"timestamp": 1_750_000_000, "data": [{"post": "Apel pagi 2025"}], "title": ""}]
    folder = tmp_path / "fb" / "this_profile's_activity_across_facebook" / "posts"
    _dump(folder / "profile_posts_1.json", posts)
    items, problems = split(open_source(tmp_path / "fb", format="facebook", handle="budi"))
    assert problems == [] and [(p.text, p.kind) for p in items] == [("Apel pagi 2025", "post")]


def test_the_2019_status_updates_and_comments_keys_are_read(tmp_path):
    root = tmp_path / "fb"
    _dump(
        root / "posts" / "your_posts_1.json",
        {"status_updates": [{"timestamp": 1_550_000_000, "data": [{"post": "Status 2019"}]}]},
    )
    _dump(
        root / "comments" / "comments.json",
        {
            "comments": [
                {
                    "timestamp": 1_550_000_100,
                    "data": [{"comment": {"timestamp": 1_550_000_100, "comment": "Setuju"}}],
                    "title": "Budi commented on Ani's post.",
                }
            ]
        },
    )
    items, problems = split(open_source(root, format="facebook", handle="budi"))
    assert problems == []
    assert sorted((p.kind, p.text) for p in items) == [
        ("comment", "Setuju"),
        ("post", "Status 2019"),
    ]


def test_a_file_with_unknown_keys_is_a_problem_naming_them_and_the_rest_is_read(tmp_path):
    root = tmp_path / "fb"
    _dump(
        root / "posts" / "your_posts_1.json",
        [{"timestamp": 1_700_000_000, "data": [{"post": "Ada"}]}],
    )
    _dump(root / "comments" / "comments.json", {"comments_v9": [], "labels": {}})
    items, problems = split(open_source(root, format="facebook", handle="budi"))
    assert [p.text for p in items] == ["Ada"]
    [problem] = problems
    assert problem.file.endswith("comments.json")
    assert "top-level keys found: comments_v9, labels" in problem.reason


def test_a_cut_off_wrapped_list_keeps_its_complete_records(tmp_path):
    root = tmp_path / "fb"
    records = [
        {"timestamp": 1_700_000_000 + n, "data": [{"post": f"Kiriman {n}"}]} for n in range(4)
    ]
    text = json.dumps({"status_updates_v2": records}, indent=1)
    path = root / "posts" / "your_posts_2.json"
    path.parent.mkdir(parents=True)
    path.write_text(text[: text.index("Kiriman 3")], encoding="utf-8")
    _dump(
        root / "posts" / "your_posts_1.json",
        [{"timestamp": 1_600_000_000, "data": [{"post": "Utuh"}]}],
    )
    items, problems = split(open_source(root, format="facebook", handle="budi"))
    assert [p.text for p in items] == ["Utuh", "Kiriman 0", "Kiriman 1", "Kiriman 2"]
    [problem] = problems
    assert problem.file.endswith("your_posts_2.json") and problem.line > 1
    assert "truncated at line" in problem.reason and "column" in problem.reason
    assert "the 3 complete records before it were read" in problem.reason


def test_a_photo_post_takes_the_caption_kept_with_its_media(tmp_path):
    photo = {
        "timestamp": 1_700_000_000,
        "attachments": [
            {
                "data": [
                    {
                        "media": {
                            "uri": "posts/media/a.jpg",
                            "creation_timestamp": 1_700_000_000,
                            "description": mojibake("Kerja bakti di kantor 💪"),
                        }
                    }
                ]
            }
        ],
        "title": "Budi added a new photo.",
    }
    _dump(tmp_path / "fb" / "posts" / "your_posts_1.json", [photo])
    [post] = split(open_source(tmp_path / "fb", format="facebook", handle="budi"))[0]
    assert (post.kind, post.text, post.shared_url) == ("post", "Kerja bakti di kantor 💪", "")
