"""Sample exports written for the tests, in the shapes the platforms use (made up, not copied).

Each ``write_*`` function writes an export under a directory and returns its root. `zip_dir`
packs a directory into a .zip the way a platform hands it out (one top folder).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

ARABIC = "السلام عليكم ورحمة الله"
HEBREW = "שלום עולם"


def mojibake(text: str) -> str:
    """What Facebook and Instagram exports do: every UTF-8 byte as its own \\u00XX character."""
    return text.encode("utf-8").decode("latin-1")


def _js(variable: str, records: list) -> str:
    body = ",\n".join(json.dumps(r, indent=2, ensure_ascii=False) for r in records)
    return f"window.YTD.{variable}.part0 = [\n{body}\n]"


def tweet(tweet_id: str, text: str, created: str = "Wed Oct 10 20:19:24 +0000 2018", **extra):
    record = {
        "edit_info": {
            "initial": {"editTweetIds": [tweet_id], "editableUntil": "2018-10-10T21:19:24.000Z"}
        },
        "retweeted": False,
        "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []},
        "display_text_range": ["0", str(len(text))],
        "favorite_count": "3",
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": "1",
        "id": tweet_id,
        "created_at": created,
        "favorited": False,
        "full_text": text,
        "lang": "in",
    }
    record.update(extra)
    return {"tweet": record}


def x_tweets() -> list[dict]:
    return [
        tweet(
            "1050118621198921728",
            "Selamat pagi warga Balikpapan 😀 jangan lupa cek https://t.co/AbC123 &amp; bagikan",
            entities={
                "hashtags": [],
                "symbols": [],
                "user_mentions": [],
                "urls": [
                    {
                        "url": "https://t.co/AbC123",
                        "expanded_url": "https://balikpapan.go.id/berita/1",
                        "display_url": "balikpapan.go.id/berita/1",
                        "indices": ["48", "71"],
                    }
                ],
            },
        ),
        tweet("1050118621198921729", ARABIC, lang="ar"),
        tweet(
            "1050118621198921730",
            "RT @kominfo: Waspada hoaks vaksin, cek faktanya di sini",
            favorite_count="0",
            retweet_count="25",
            entities={
                "hashtags": [],
                "symbols": [],
                "urls": [],
                "user_mentions": [
                    {
                        "name": "Kominfo",
                        "screen_name": "kominfo",
                        "indices": ["3", "11"],
                        "id_str": "1",
                    }
                ],
            },
        ),
        tweet(
            "1050118621198921731",
            "@warga_bpn Terima kasih atas laporannya, akan kami teruskan",
            in_reply_to_status_id_str="1050118621198900000",
            in_reply_to_status_id="1050118621198900000",
            in_reply_to_user_id_str="42",
            in_reply_to_screen_name="warga_bpn",
        ),
        tweet(
            "1050118621198921732",
            "Ini tidak benar sama sekali https://t.co/QuOtE1",
            entities={
                "hashtags": [],
                "symbols": [],
                "user_mentions": [],
                "urls": [
                    {
                        "url": "https://t.co/QuOtE1",
                        "expanded_url": "https://twitter.com/ani/status/999000111",
                        "display_url": "twitter.com/ani/status/999…",
                        "indices": ["28", "51"],
                    }
                ],
            },
        ),
        tweet(
            "1050118621198921733",
            "(2/2) lanjutan dari utas sebelumnya",
            in_reply_to_status_id_str="1050118621198921732",
            in_reply_to_screen_name="BudiSantoso",
        ),
    ]


def write_x_archive(root: Path, *, tweets: list | None = None, part1: list | None = None) -> Path:
    data = root / "data"
    data.mkdir(parents=True)
    account = {
        "account": {
            "email": "budi@example.org",
            "createdVia": "web",
            "username": "BudiSantoso",
            "accountId": "123456",
            "createdAt": "2012-03-01T10:00:00.000Z",
            "accountDisplayName": "Budi Santoso",
        }
    }
    (data / "account.js").write_text(_js("account", [account]), encoding="utf-8")
    (data / "tweets.js").write_text(_js("tweets", tweets or x_tweets()), encoding="utf-8")
    more = (
        part1
        if part1 is not None
        else [
            tweet(
                "1050118621198921740",
                "Hari ini rapat evaluasi kinerja dinas",
                created="Thu Oct 11 01:00:00 +0000 2018",
            )
        ]
    )
    (data / "tweets-part1.js").write_text(_js("tweets", more), encoding="utf-8")
    deleted = tweet(
        "1050118621198921750", "Kalian semua bodoh", deleted_at="Fri Oct 12 09:00:00 +0000 2018"
    )
    (data / "deleted-tweets.js").write_text(_js("deleted_tweets", [deleted]), encoding="utf-8")
    (root / "Your archive.html").write_text("<html></html>", encoding="utf-8")
    return root


def _meta_dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=True), encoding="ascii")


def write_facebook(root: Path) -> Path:
    act = root / "your_facebook_activity"
    _meta_dump(
        root / "personal_information" / "profile_information" / "profile_information.json",
        {
            "profile_v2": {
                "name": {"full_name": mojibake("Budi Santoso")},
                "profile_uri": "https://www.facebook.com/budi.santoso.bpn",
            }
        },
    )
    posts = [
        {
            "timestamp": 1700000000,
            "data": [
                {"post": mojibake("Selamat pagi 😀 kopi di café dulu")},
                {"update_timestamp": 1700000100},
            ],
            "title": mojibake("Budi Santoso memperbarui statusnya."),
        },
        {
            "timestamp": 1700003600,
            "attachments": [
                {"data": [{"external_context": {"url": "https://hoaks.example/vaksin"}}]}
            ],
            "data": [{"post": "Baca ini sebelum vaksin!"}],
            "title": "Budi Santoso shared a link.",
        },
        {
            "timestamp": 1700007200,
            "attachments": [{"data": [{"media": {"uri": "photos/1.jpg"}}]}],
            "title": "Budi Santoso added a new photo.",
        },
        {"data": [{"post": mojibake(ARABIC)}], "title": "Budi Santoso updated his status."},
    ]
    _meta_dump(act / "posts" / "your_posts__check_ins__photos_and_videos_1.json", posts)
    comments = {
        "comments_v2": [
            {
                "timestamp": 1700010000,
                "data": [
                    {
                        "comment": {
                            "timestamp": 1700010000,
                            "comment": mojibake("Setuju sekali 👍 sé"),
                            "author": "Budi Santoso",
                        }
                    }
                ],
                "title": mojibake("Budi Santoso mengomentari kiriman Ani."),
            }
        ]
    }
    _meta_dump(act / "comments_and_reactions" / "comments.json", comments)
    groups = {
        "group_posts_v2": [
            {
                "timestamp": 1700020000,
                "data": [{"post": "Info banjir di Gunung Samarinda"}],
                "title": "Budi Santoso posted in Warga Balikpapan.",
            }
        ]
    }
    _meta_dump(act / "groups" / "group_posts_and_comments.json", groups)
    reactions = [
        {
            "timestamp": 1700030000,
            "data": [{"reaction": {"reaction": "LIKE", "actor": "Budi Santoso"}}],
            "title": "Budi Santoso likes Ani's post.",
        }
    ]
    _meta_dump(act / "comments_and_reactions" / "likes_and_reactions_1.json", reactions)
    return root


def write_instagram(root: Path) -> Path:
    _meta_dump(
        root / "personal_information" / "personal_information" / "personal_information.json",
        {
            "profile_user": [
                {
                    "media_map_data": {},
                    "string_map_data": {
                        "Username": {"href": "", "value": "budi.bpn", "timestamp": 0},
                        "Name": {"value": mojibake("Budi Santoso")},
                    },
                }
            ]
        },
    )
    posts = [
        {
            "media": [
                {
                    "uri": "media/posts/202311/a.jpg",
                    "creation_timestamp": 1700000000,
                    "title": mojibake("Senja di Pantai Kemala 🌅 indah sekali"),
                    "cross_post_source": {"source_app": "FB"},
                }
            ]
        },
        {
            "media": [
                {"uri": "media/posts/202311/b.jpg", "creation_timestamp": 1700100000, "title": ""},
                {"uri": "media/posts/202311/c.jpg", "creation_timestamp": 1700100000, "title": ""},
            ],
            "title": mojibake("Dua foto kegiatan dinas — sé"),
            "creation_timestamp": 1700100000,
        },
        {"media": [{"uri": "media/posts/202311/d.jpg", "title": mojibake(HEBREW)}]},
    ]
    _meta_dump(root / "your_instagram_activity" / "content" / "posts_1.json", posts)
    comments = [
        {
            "media_list_data": [],
            "string_map_data": {
                "Comment": {"value": mojibake("Mantap 🔥 pak")},
                "Media Owner": {"value": "ani"},
                "Time": {"timestamp": 1700200000},
            },
        }
    ]
    _meta_dump(root / "your_instagram_activity" / "comments" / "post_comments_1.json", comments)
    return root


def write_tiktok(root: Path) -> Path:
    data = {
        "Profile": {
            "Profile Information": {
                "ProfileMap": {"userName": "budi.tiktok", "bioDescription": "ASN"}
            }
        },
        "Video": {
            "Videos": {
                "VideoList": [
                    {
                        "Date": "2024-01-01 02:00:00",
                        "Link": "https://www.tiktokv.com/share/video/7312345678901234567/",
                        "Likes": "1,234",
                        "Desc": "Tutorial urus KTP 🪪 #pelayanan",
                    },
                    {
                        "Date": "",
                        "Link": "https://www.tiktokv.com/share/video/7312345678901234568/",
                        "Likes": "0",
                        "Description": ARABIC,
                    },
                ]
            }
        },
        "Comment": {
            "Comments": {
                "CommentsList": [
                    {
                        "Date": "2024-01-02 03:04:05",
                        "Comment": "Kerja bagus tim!",
                        "Photo": "N/A",
                        "Url": "",
                    },
                    {"Date": "kemarin", "Comment": "tanggal rusak"},
                ]
            }
        },
    }
    root.mkdir(parents=True, exist_ok=True)
    (root / "user_data_tiktok.json").write_text(
        json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
    return root


def zip_dir(root: Path, target: Path, top: str = "export") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/{path.relative_to(root).as_posix()}")
    return target
