"""One small export per format version the platforms have handed out: the X Grailbird archive
(before 2019) and its tweets.csv, community and note tweets, Instagram's media.json (before
2020), TikTok 2025 (placeholders, expiring links, Activity only), the Mastodon account archive.
Each written here in the platform's shape with made-up content."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pantau.core.sources import SourceError, open_source
from tests.conftest import write_csv
from tests.core.sources.conftest import split
from tests.core.sources.samples import _js, tweet

UTC = dt.UTC


# --- X before 2019: Grailbird ------------------------------------------------------------------


def _grailbird_tweet(tweet_id, text, created, **extra):
    record = {
        "source": "web",
        "entities": {"user_mentions": [], "media": [], "hashtags": [], "urls": []},
        "geo": {},
        "id_str": tweet_id,
        "text": text,
        "id": int(tweet_id),
        "created_at": created,
        "user": {"name": "Rina", "screen_name": "RinaPNS", "id_str": "77", "verified": False},
    }
    record.update(extra)
    return record


def write_grailbird(root):
    tweets = root / "data" / "js" / "tweets"
    tweets.mkdir(parents=True)
    (root / "data" / "js" / "user_details.js").write_text(
        'var user_details =  {\n  "screen_name" : "RinaPNS",\n  "full_name" : "Rina",\n'
        '  "id" : "77"\n}',
        encoding="utf-8",
    )
    january = [
        _grailbird_tweet(
            "420000000000000001", "Apel pagi di halaman kantor", "2014-01-29 10:22:04 +0000"
        ),
        _grailbird_tweet(
            "420000000000000002",
            "RT @humaspemda: Jalan ditutup &amp; dialihkan",
            "2014-01-30 01:00:00 +0000",
            retweeted_status={
                "id_str": "419999999999999999",
                "text": "Jalan ditutup & dialihkan",
                "user": {"screen_name": "humaspemda"},
            },
        ),
    ]
    february = [
        _grailbird_tweet(
            "430000000000000003",
            "@warga iya benar",
            "2014-02-02 23:59:59 +0000",
            in_reply_to_status_id_str="429999999999999999",
            in_reply_to_screen_name="warga",
        )
    ]
    for name, records in (("2014_01", january), ("2014_02", february)):
        body = json.dumps(records, indent=1)
        (tweets / f"{name}.js").write_text(
            f"Grailbird.data.tweets_{name} = \n{body}", encoding="utf-8"
        )
    (root / "tweets.csv").write_text("tweet_id,timestamp,text\n", encoding="utf-8")
    return root


def test_a_grailbird_archive_is_read_with_its_monthly_files(tmp_path):
    posts, problems = split(open_source(write_grailbird(tmp_path / "arsip"), format="x-archive"))
    assert problems == []
    assert [p.post_id for p in posts] == [
        "420000000000000001",
        "420000000000000002",
        "430000000000000003",
    ]
    first, retweet, reply = posts
    assert first.handle == "rinapns" and first.kind == "post"
    assert first.text == "Apel pagi di halaman kantor"
    assert first.created_at == dt.datetime(2014, 1, 29, 10, 22, 4, tzinfo=UTC)
    assert first.url == "https://x.com/rinapns/status/420000000000000001"
    assert (retweet.kind, retweet.reshared, retweet.reshared_author) == (
        "share",
        "419999999999999999",
        "humaspemda",
    )
    assert retweet.text == "RT @humaspemda: Jalan ditutup & dialihkan"
    assert (reply.kind, reply.in_reply_to) == ("comment", "429999999999999999")
    assert reply.created_at == dt.datetime(2014, 2, 2, 23, 59, 59, tzinfo=UTC)


def test_the_archive_tweets_csv_is_recognised_without_a_mapping(tmp_path):
    rows = [
        [
            "tweet_id",
            "in_reply_to_status_id",
            "in_reply_to_user_id",
            "timestamp",
            "source",
            "text",
            "retweeted_status_id",
            "retweeted_status_user_id",
            "retweeted_status_timestamp",
            "expanded_urls",
        ],
        [
            "501",
            "",
            "",
            "2015-03-01 08:00:00 +0000",
            "web",
            "Rapat jam 9 http://t.co/abc",
            "",
            "",
            "",
            "https://pemda.example/rapat",
        ],
        ["502", "400", "9", "2015-03-01 09:00:00 +0000", "web", "@warga siap", "", "", "", ""],
        [
            "503",
            "",
            "",
            "2015-03-01 10:00:00 +0000",
            "web",
            "RT @humas: Info banjir",
            "450",
            "12",
            "2015-03-01 07:00:00 +0000",
            "",
        ],
    ]
    path = write_csv(tmp_path / "tweets.csv", rows)
    posts, problems = split(open_source(path, format="csv", handle="RinaPNS"))
    assert problems == []
    by_id = {p.post_id: p for p in posts}
    assert {p.platform for p in posts} == {"x"}
    assert (
        by_id["501"].kind == "post"
        and by_id["501"].text == "Rapat jam 9 https://pemda.example/rapat"
    )
    assert by_id["501"].url == "https://x.com/rinapns/status/501"
    assert by_id["501"].created_at == dt.datetime(2015, 3, 1, 8, tzinfo=UTC)
    assert (by_id["502"].kind, by_id["502"].in_reply_to) == ("comment", "400")
    assert (by_id["503"].kind, by_id["503"].reshared, by_id["503"].reshared_author) == (
        "share",
        "450",
        "humas",
    )


# --- X since 2019: community, note and deleted note tweets --------------------------------------


def _note(note_id, text, created, **extra):
    return {
        "noteTweet": {
            "noteTweetId": note_id,
            "updatedAt": created,
            "lifecycle": {"value": "1", "name": "Created"},
            "createdAt": created,
            "core": {
                "styletags": [],
                "urls": [],
                "text": text,
                "mentions": [],
                "cashtags": [],
                "hashtags": [],
            },
            **extra,
        }
    }


def test_community_note_and_deleted_note_tweets_are_read(tmp_path):
    data = tmp_path / "x" / "data"
    data.mkdir(parents=True)
    (data / "account.js").write_text(_js("account", [{"account": {"username": "Rina"}}]))
    (data / "tweets.js").write_text(_js("tweets", [tweet("1", "Biasa")]))
    (data / "community-tweet.js").write_text(
        _js("community_tweet", [tweet("2", "Di komunitas", community_id_str="99")])
    )
    long_text = "Panjang sekali " * 30
    (data / "note-tweet.js").write_text(
        _js("note_tweet", [_note("n1", long_text, "2024-05-01T10:00:00.000Z")])
    )
    (data / "deleted-note-tweet.js").write_text(
        _js(
            "deleted_note_tweet",
            [
                _note(
                    "n2",
                    "Catatan dihapus",
                    "2024-05-02T10:00:00.000Z",
                    deletedAt="2024-05-03T11:00:00.000Z",
                )
            ],
        )
    )
    posts, problems = split(open_source(tmp_path / "x", format="x-archive"))
    assert problems == []
    by_id = {p.post_id: p for p in posts}
    assert set(by_id) == {"1", "2", "note-n1", "note-n2"}
    assert by_id["2"].text == "Di komunitas" and by_id["2"].url == "https://x.com/rina/status/2"
    assert by_id["note-n1"].text == long_text.strip()
    assert by_id["note-n1"].created_at == dt.datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert not by_id["note-n1"].deleted
    assert by_id["note-n2"].deleted
    assert by_id["note-n2"].deleted_at == dt.datetime(2024, 5, 3, 11, tzinfo=UTC)


def test_a_folder_without_tweets_names_what_it_holds(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "README.txt").write_text("hai")
    with pytest.raises(
        SourceError, match=r"not an X/Twitter account archive \(found: README\.txt\)"
    ):
        open_source(tmp_path / "x", format="x-archive")


# --- Instagram before 2020 ----------------------------------------------------------------------


def test_instagram_media_json_before_2020(tmp_path):
    media = {
        "photos": [
            {
                "caption": "Senja di dermaga",
                "taken_at": "2019-06-01T10:20:30",
                "location": "Kupang",
                "path": "photos/201906/a.jpg",
            },
            {"caption": "", "taken_at": "2019-06-01T10:20:30", "path": "photos/201906/b.jpg"},
        ],
        "videos": [
            {"caption": "Video upacara", "taken_at": "2019-08-17T08:00:00", "path": "videos/c.mp4"}
        ],
        "stories": [{"caption": "", "taken_at": "2019-08-17T09:00:00", "path": "stories/d.jpg"}],
    }
    root = tmp_path / "ig"
    root.mkdir()
    (root / "media.json").write_text(json.dumps(media), encoding="utf-8")
    posts, problems = split(open_source(root, format="instagram", handle="rina"))
    assert problems == []
    assert [p.text for p in posts] == ["Senja di dermaga", "", "Video upacara", ""]
    assert {p.kind for p in posts} == {"post"}
    assert posts[0].created_at == dt.datetime(2019, 6, 1, 10, 20, 30, tzinfo=UTC)
    assert posts[0].content_hash != posts[1].content_hash
    assert len({p.content_hash for p in posts}) == 4


# --- TikTok 2025 --------------------------------------------------------------------------------


def test_tiktok_2025_placeholders_and_expiring_links(tmp_path):
    cdn = (
        "https://v16m-default.tiktokcdn.example/abc/video.mp4?x-expires=1767000000&sig=zz\n"
        "https://v19.tiktokcdn.example/def/video.mp4?x-expires=1767000000"
    )
    data = {
        "Profile": {"Profile Info": {"ProfileMap": {"userName": "rina.pns"}}},
        "Post": {
            "Posts": {
                "VideoList": [
                    {"Date": "2025-03-01 08:00:00", "Link": cdn, "Likes": "N/A", "Title": "N/A"},
                    {
                        "Date": "2025-03-02 08:00:00",
                        "Link": cdn,
                        "Likes": "15",
                        "Title": "Senam pagi",
                    },
                ]
            }
        },
    }
    path = tmp_path / "user_data_tiktok.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    first_run = split(open_source(path, format="tiktok"))[0]
    posts, problems = split(open_source(path, format="tiktok"))
    assert problems == []
    assert [(p.text, p.url, p.post_id) for p in posts] == [("", "", None), ("Senam pagi", "", None)]
    assert posts[0].reach == {} and posts[1].reach == {"likes": 15}
    assert posts[0].created_at == dt.datetime(2025, 3, 1, 8, tzinfo=UTC)
    assert [p.content_hash for p in posts] == [p.content_hash for p in first_run]  # stable key
    assert posts[0].content_hash != posts[1].content_hash


def test_a_tiktok_export_of_activity_only_reads_its_comments(tmp_path):
    data = {
        "Activity": {
            "Comments": {
                "CommentsList": [
                    {"date": "2025-01-05 12:00:00", "comment": "Mantap pelayanannya"},
                    {"date": "2025-01-06 12:00:00", "comment": "N/A"},
                ]
            }
        }
    }
    path = tmp_path / "user_data_tiktok.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    posts, problems = split(open_source(path, format="tiktok", handle="rina"))
    assert problems == []
    assert [(p.kind, p.text) for p in posts] == [
        ("comment", "Mantap pelayanannya"),
        ("comment", ""),
    ]


def test_a_tiktok_file_with_nothing_known_names_its_keys(tmp_path):
    path = tmp_path / "user_data.json"
    path.write_text(json.dumps({"Ads and data": {}, "App Settings": {}}), encoding="utf-8")
    with pytest.raises(SourceError, match="top-level keys found: Ads and data, App Settings"):
        list(open_source(path, format="tiktok"))


# --- Mastodon account archive -------------------------------------------------------------------


def write_mastodon_archive(root):
    root.mkdir(parents=True)
    actor = {
        "id": "https://sosial.example/users/rina",
        "type": "Person",
        "preferredUsername": "rina",
    }
    base = "https://sosial.example/users/rina/statuses"
    items = [
        {
            "id": f"{base}/111/activity",
            "type": "Create",
            "actor": "https://sosial.example/users/rina",
            "published": "2024-02-01T03:00:00Z",
            "object": {
                "id": f"{base}/111",
                "type": "Note",
                "summary": None,
                "inReplyTo": None,
                "published": "2024-02-01T03:00:00Z",
                "url": "https://sosial.example/@rina/111",
                "content": "<p>Layanan <b>KTP</b> buka Sabtu</p>",
                "contentMap": {"id": "<p>Layanan KTP buka Sabtu</p>"},
            },
        },
        {
            "id": f"{base}/112/activity",
            "type": "Create",
            "actor": "https://sosial.example/users/rina",
            "published": "2024-02-01T04:00:00Z",
            "object": {
                "id": f"{base}/112",
                "type": "Note",
                "inReplyTo": "https://lain.example/users/budi/statuses/900",
                "published": "2024-02-01T04:00:00Z",
                "url": "https://sosial.example/@rina/112",
                "content": "<p>@budi terima kasih</p>",
            },
        },
        {
            "id": f"{base}/113/activity",
            "type": "Announce",
            "actor": "https://sosial.example/users/rina",
            "published": "2024-02-01T05:00:00Z",
            "object": "https://lain.example/users/humas/statuses/950",
        },
    ]
    outbox = {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": len(items),
        "orderedItems": items,
    }
    (root / "actor.json").write_text(json.dumps(actor), encoding="utf-8")
    (root / "outbox.json").write_text(json.dumps(outbox), encoding="utf-8")
    (root / "likes.json").write_text(json.dumps({"type": "OrderedCollection"}), encoding="utf-8")
    return root


def test_the_mastodon_account_archive_is_read_from_its_outbox(tmp_path):
    posts, problems = split(open_source(write_mastodon_archive(tmp_path / "m"), format="mastodon"))
    assert problems == []
    note, reply, boost = posts
    assert {p.handle for p in posts} == {"rina@sosial.example"}
    assert (note.post_id, note.kind, note.text) == ("111", "post", "Layanan KTP buka Sabtu")
    assert note.url == "https://sosial.example/@rina/111" and note.language == "id"
    assert note.created_at == dt.datetime(2024, 2, 1, 3, tzinfo=UTC)
    assert (reply.kind, reply.in_reply_to) == ("comment", "900")
    assert (boost.post_id, boost.kind, boost.reshared) == ("113", "share", "950")
    assert boost.reshared_author == "humas@lain.example"
    assert boost.shared_url == "https://lain.example/users/humas/statuses/950"


def test_an_instagram_file_of_unknown_shape_names_its_keys_and_the_rest_is_read(tmp_path):
    root = tmp_path / "ig"
    (root / "content").mkdir(parents=True)
    (root / "content" / "posts_1.json").write_text(
        json.dumps(
            [{"media": [{"uri": "a.jpg", "creation_timestamp": 1700000000, "title": "Ada"}]}]
        )
    )
    (root / "content" / "reels.json").write_text(json.dumps({"ig_reels_media_v2": [], "x": 1}))
    posts, problems = split(open_source(root, format="instagram", handle="rina"))
    assert [p.text for p in posts] == ["Ada"]
    [problem] = problems
    assert problem.file.endswith("reels.json")
    assert "top-level keys found: ig_reels_media_v2, x" in problem.reason


def test_a_lone_outbox_json_is_read_as_the_archive_not_line_by_line(tmp_path):
    root = write_mastodon_archive(tmp_path / "m")
    posts, problems = split(open_source(root / "outbox.json", format="mastodon", handle="rina"))
    assert problems == [] and [p.post_id for p in posts] == ["111", "112", "113"]
    assert {p.handle for p in posts} == {"rina@sosial.example"}  # from the activities' actor
