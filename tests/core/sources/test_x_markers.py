"""X archive markers kept on each post: deleted (with its date), reply, quote, retweet author."""

from __future__ import annotations

import datetime as dt

from pantau.core.sources import open_source
from tests.core.sources.conftest import split
from tests.core.sources.samples import _js, tweet


def _archive(root, tweets, deleted=()):
    data = root / "data"
    data.mkdir(parents=True)
    account = {"account": {"username": "PegawaiSatu", "accountId": "7"}}
    (data / "account.js").write_text(_js("account", [account]), encoding="utf-8")
    (data / "tweets.js").write_text(_js("tweets", tweets), encoding="utf-8")
    if deleted:
        (data / "deleted-tweets.js").write_text(
            _js("deleted_tweets", list(deleted)), encoding="utf-8"
        )
    return root


def test_deleted_tweets_carry_the_date_their_author_deleted_them(tmp_path):
    root = _archive(
        tmp_path / "x",
        [tweet("100", "Masih tayang")],
        [
            tweet(
                "101",
                "Sudah saya hapus",
                created="Mon Mar 02 01:00:00 +0000 2026",
                deleted_at="Tue Mar 03 04:05:06 +0000 2026",
            )
        ],
    )
    posts, problems = split(open_source(root, format="x-archive"))
    assert problems == []
    live, gone = posts
    assert (live.post_id, live.deleted, live.deleted_at) == ("100", False, None)
    assert (gone.post_id, gone.text, gone.deleted) == ("101", "Sudah saya hapus", True)
    assert gone.deleted_at == dt.datetime(2026, 3, 3, 4, 5, 6, tzinfo=dt.UTC)
    assert gone.as_dict()["deleted_at"] == "2026-03-03T12:05:06+08:00"


def test_a_retweet_names_its_author_from_the_first_mention_since_2019(tmp_path):
    retweet = tweet(
        "200",
        "RT @DinasKominfo: Jadwal vaksin keliling pekan ini",
        entities={
            "hashtags": [],
            "symbols": [],
            "urls": [],
            "user_mentions": [
                {"screen_name": "DinasKominfo", "id_str": "55", "indices": ["3", "16"]}
            ],
        },
    )
    old = tweet(
        "201",
        "RT @lama: Retweet gaya lama",
        retweeted_status={"id_str": "150", "user": {"screen_name": "AkunLama"}},
    )
    reply = tweet(
        "202",
        "@warga terima kasih",
        in_reply_to_status_id_str="190",
        in_reply_to_screen_name="warga",
    )
    posts, _ = split(open_source(_archive(tmp_path / "x", [retweet, old, reply]), "x-archive"))
    by_id = {p.post_id: p for p in posts}
    assert by_id["200"].kind == "share"
    assert (by_id["200"].reshared_author, by_id["200"].reshared) == ("dinaskominfo", None)
    assert (by_id["201"].reshared_author, by_id["201"].reshared) == ("akunlama", "150")
    assert (by_id["202"].kind, by_id["202"].in_reply_to) == ("comment", "190")
    assert by_id["202"].reshared_author == ""


def test_a_deleted_at_written_in_iso_8601_is_read_too(tmp_path):
    gone = tweet("300", "Hapus", deleted_at="2022-05-01T12:00:00.000Z")
    root = _archive(tmp_path / "x", [], [gone])
    [post] = split(open_source(root, format="x-archive"))[0]
    assert post.deleted and post.deleted_at == dt.datetime(2022, 5, 1, 12, tzinfo=dt.UTC)
