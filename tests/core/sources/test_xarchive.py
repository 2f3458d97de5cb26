"""X/Twitter account archive: tweets, retweets, replies, quotes, deleted tweets, truncation."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pantau.core.sources import SourceError, SourcePost, SourceProblem, open_source
from tests.core.sources.conftest import split
from tests.core.sources.samples import ARABIC, tweet, write_x_archive, zip_dir


@pytest.fixture
def archive(tmp_path):
    return write_x_archive(tmp_path / "twitter-2026-11-20")


def by_id(posts):
    return {p.post_id: p for p in posts}


def test_reads_every_tweet_file_in_order(archive):
    posts, problems = split(open_source(archive, format="x-archive"))
    assert problems == []
    assert [p.post_id[-2:] for p in posts] == ["28", "29", "30", "31", "32", "33", "40", "50"]
    assert {p.handle for p in posts} == {"budisantoso"}  # from data/account.js
    assert all(p.platform == "x" for p in posts)


def test_plain_tweet_with_emoji_link_and_entities(archive):
    post = by_id(split(open_source(archive, format="x-archive"))[0])["1050118621198921728"]
    assert post.text == (
        "Selamat pagi warga Balikpapan 😀 jangan lupa cek https://balikpapan.go.id/berita/1 & bagikan"
    )
    assert post.kind == "post"
    assert post.language == "id"
    assert post.created_at == dt.datetime(2018, 10, 10, 20, 19, 24, tzinfo=dt.UTC)
    assert post.created_at.utcoffset() == dt.timedelta(hours=8)  # Asia/Makassar
    assert post.reach == {"likes": 3, "shares": 1}
    assert post.url == "https://x.com/budisantoso/status/1050118621198921728"
    assert post.raw["tweet"]["full_text"].startswith("Selamat pagi")
    assert post.location["file"].endswith("data/tweets.js")
    assert post.location["line"] == 2


def test_right_to_left_text_is_kept(archive):
    post = by_id(split(open_source(archive, format="x-archive"))[0])["1050118621198921729"]
    assert post.text == ARABIC
    assert post.language == ""


def test_retweet_is_a_share(archive):
    post = by_id(split(open_source(archive, format="x-archive"))[0])["1050118621198921730"]
    assert post.kind == "share"
    assert post.text.startswith("RT @kominfo:")
    assert post.reach == {"likes": 0, "shares": 25}


def test_reply_to_someone_else_is_a_comment_and_a_thread_stays_a_post(archive):
    posts = by_id(split(open_source(archive, format="x-archive"))[0])
    reply = posts["1050118621198921731"]
    assert reply.kind == "comment"
    assert reply.in_reply_to == "1050118621198900000"
    thread = posts["1050118621198921733"]
    assert thread.kind == "post"
    assert thread.in_reply_to == "1050118621198921732"


def test_quote_tweet_links_the_quoted_status(archive):
    post = by_id(split(open_source(archive, format="x-archive"))[0])["1050118621198921732"]
    assert post.kind == "post"
    assert post.quoted == "999000111"
    assert post.text == "Ini tidak benar sama sekali https://twitter.com/ani/status/999000111"


def test_deleted_tweets_are_flagged(archive):
    posts = by_id(split(open_source(archive, format="x-archive"))[0])
    deleted = posts["1050118621198921750"]
    assert deleted.deleted is True
    assert deleted.raw["tweet"]["deleted_at"] == "Fri Oct 12 09:00:00 +0000 2018"
    assert not posts["1050118621198921740"].deleted


def test_handle_option_when_there_is_no_account_file(archive):
    (archive / "data" / "account.js").unlink()
    posts, _ = split(open_source(archive, format="x-archive", handle="@Budi_Lain"))
    assert {p.handle for p in posts} == {"budi_lain"}


def test_a_single_tweets_file_can_be_given(archive):
    posts, _ = split(open_source(archive / "data" / "tweets.js", format="x-archive", handle="budi"))
    assert len(posts) == 6


def test_missing_time_stamp_gives_none(tmp_path):
    record = tweet("1", "tanpa waktu")
    del record["tweet"]["created_at"]
    root = write_x_archive(tmp_path / "a", tweets=[record], part1=[])
    posts, problems = split(open_source(root, format="x-archive"))
    assert problems == []
    assert posts[0].created_at is None
    assert len(posts[0].content_hash) == 64


def test_zipped_archive(archive, tmp_path):
    target = zip_dir(archive, tmp_path / "twitter.zip")
    posts, _ = split(open_source(target, format="x-archive"))
    assert len(posts) == 8
    assert posts[0].location["file"] == f"{target.name}:export/data/tweets.js"  # no server path


def test_truncated_tweets_js_keeps_what_came_before_and_reads_the_other_files(archive):
    path = archive / "data" / "tweets.js"
    data = path.read_text(encoding="utf-8")
    path.write_text(data[: data.index("1050118621198921731") + 40], encoding="utf-8")
    posts, problems = split(open_source(archive, format="x-archive"))
    [problem] = problems
    assert problem.file.endswith("tweets.js") and problem.line > 1
    assert re.search(r"truncated at line \d+, column \d+, byte \d+", problem.reason)
    assert "the 3 tweets before it were read" in problem.reason and "\n" not in problem.reason
    assert [p.post_id[-2:] for p in posts] == ["28", "29", "30", "40", "50"]  # + part1, deleted


def test_a_lone_tweets_js_cut_off_before_any_tweet_is_refused(tmp_path):
    path = tmp_path / "tweets.js"
    path.write_text('window.YTD.tweets.part0 = [\n{"tweet": {"id_str": "1"', encoding="utf-8")
    with pytest.raises(SourceError, match=r"tweets\.js: truncated at line 2"):
        list(open_source(path, format="x-archive"))


def test_broken_record_is_a_problem_and_parsing_goes_on(archive):
    path = archive / "data" / "tweets.js"
    data = path.read_text(encoding="utf-8")
    path.write_text(data.replace('"favorited": false', '"favorited": flase', 1), encoding="utf-8")
    posts, problems = split(open_source(archive, format="x-archive"))
    assert len(posts) == 7
    assert len(problems) == 1
    assert problems[0].file.endswith("tweets.js") and problems[0].line == 2
    assert "not valid JSON" in problems[0].reason


def test_not_an_archive(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(SourceError, match="not an X/Twitter account archive"):
        open_source(tmp_path, format="x-archive")
    bad = tmp_path / "tweets.js"
    bad.write_text("var x = 1;")
    with pytest.raises(SourceError, match="not a JSON array"):
        list(open_source(bad, format="x-archive"))


def test_items_are_posts_or_problems(archive):
    for item in open_source(archive, format="x-archive"):
        assert isinstance(item, SourcePost | SourceProblem)
