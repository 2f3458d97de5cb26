"""Markers an import stores with each post: deleted by the author (and when), reply, quote,
reshare; a post imported live and later listed as deleted is marked deleted."""

from __future__ import annotations

import datetime as dt

import pytest

from pantau.monitoring.imports import post_import
from pantau.monitoring.models import Post
from tests.core.sources.samples import _js, tweet

pytestmark = [pytest.mark.django_db]


def write_x(root, tweets, deleted=()):
    data = root / "data"
    data.mkdir(parents=True)
    account = {"account": {"username": "BudiSan", "accountId": "42"}}
    (data / "account.js").write_text(_js("account", [account]), encoding="utf-8")
    (data / "tweets.js").write_text(_js("tweets", tweets), encoding="utf-8")
    (data / "deleted-tweets.js").write_text(_js("deleted_tweets", list(deleted)), encoding="utf-8")
    return root


RETWEET = tweet(
    "9102",
    "RT @kominfo: Waspada banjir rob",
    entities={
        "hashtags": [],
        "symbols": [],
        "urls": [
            {
                "url": "https://t.co/q",
                "expanded_url": "https://x.com/ani/status/8800",
                "display_url": "x.com/ani/status/8800",
            }
        ],
        "user_mentions": [{"screen_name": "kominfo", "id_str": "1"}],
    },
)
QUOTE = tweet(
    "9103",
    "Ini keliru https://t.co/q",
    entities={
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
            {
                "url": "https://t.co/q",
                "expanded_url": "https://x.com/ani/status/8800",
                "display_url": "x.com/ani/status/8800",
            }
        ],
    },
)
REPLY = tweet(
    "9104", "@warga siap", in_reply_to_status_id_str="8700", in_reply_to_screen_name="warga"
)


def test_markers_are_stored_with_the_posts(tmp_path, registry):
    deleted = tweet(
        "9105", "Unggahan yang sudah dihapus", deleted_at="Fri Oct 12 09:00:00 +0000 2018"
    )
    root = write_x(tmp_path / "x", [tweet("9101", "Biasa"), RETWEET, QUOTE, REPLY], [deleted])
    run = post_import(path=root, format="x-archive")
    assert (run.imported, run.error_count) == (5, 0)
    posts = {p.post_id: p for p in Post.objects.all()}
    assert posts["9105"].deleted_by_author is True
    assert posts["9105"].deleted_at == dt.datetime(2018, 10, 12, 9, 0, tzinfo=dt.UTC)
    assert (posts["9101"].deleted_by_author, posts["9101"].deleted_at) == (False, None)
    assert (posts["9102"].kind, posts["9102"].reshared_author) == ("share", "kominfo")
    assert posts["9102"].quoted_id == ""  # a retweet quotes nothing
    assert (posts["9103"].kind, posts["9103"].quoted_id) == ("post", "8800")
    assert (posts["9104"].kind, posts["9104"].reply_to_id) == ("comment", "8700")


def test_a_later_export_that_lists_a_live_post_as_deleted_marks_it(tmp_path, registry):
    first = write_x(tmp_path / "before", [tweet("9201", "Akan saya hapus")])
    post_import(path=first, format="x-archive")
    assert Post.objects.get().deleted_by_author is False
    gone = tweet("9201", "Akan saya hapus", deleted_at="Sat Nov 21 10:00:00 +0000 2026")
    later = write_x(tmp_path / "after", [], [gone])
    run = post_import(path=later, format="x-archive")
    assert (run.imported, run.duplicates) == (0, 1)
    post = Post.objects.get()
    assert post.deleted_by_author is True
    assert post.deleted_at == dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)
