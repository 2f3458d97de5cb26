"""Feeds and Mastodon accounts polled from a real HTTP server on 127.0.0.1, retention, the worker.

The server is the parser tests' `LocalServer`; each test registers the routes it needs.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.utils import timezone

from pantau.audit.models import AuditEntry
from pantau.cli import main
from pantau.monitoring.complaints import complaint_submit
from pantau.monitoring.feeds import OFF_AFTER_FAILURES, feed_poll, feeds_poll_due
from pantau.monitoring.models import FeedSource, Finding, Post
from pantau.monitoring.retention import purge_expired_posts
from pantau.registry.models import Account
from tests.core.sources.conftest import LocalServer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_fresh_engine")]


@pytest.fixture
def _fresh_engine(settings):
    from pantau.monitoring.claims import reset_claim_index
    from pantau.monitoring.scanning import reset_engines

    settings.PANTAU_SCAN_IN_BACKGROUND = False
    reset_engines()
    reset_claim_index()
    yield
    reset_engines()
    reset_claim_index()


@pytest.fixture
def server():
    local = LocalServer()
    local.thread = threading.Thread(
        target=local.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    local.thread.start()
    yield local
    local.httpd.shutdown()
    local.httpd.server_close()


def rss(*items: tuple[str, str, str]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>https://blog.example/{guid}</link>"
        f"<guid>https://blog.example/{guid}</guid>"
        "<pubDate>Mon, 23 Nov 2026 08:00:00 +0800</pubDate>"
        f"<description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"
        for guid, title, text in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Blog Fransiska</title>{body}</channel></rss>"
    )


FIRST = ("a1", "Posyandu", "Jadwal posyandu bulan ini sudah keluar")
SECOND = ("a2", "Banjir", "Info genangan di Jalan Sudirman, hati-hati")
THIRD = ("a3", "Rapat", "Rapat koordinasi dinas besok pagi")


@pytest.fixture
def fb_account(registry):
    return Account.objects.get(platform="facebook", handle="fransiska.ndun")


def rss_feed(server, account, path="/feed.xml") -> FeedSource:
    return FeedSource.objects.create(kind="rss", url=server.url + path, account=account)


def test_an_rss_feed_stores_new_items_for_its_account_once(server, fb_account):
    server.add("/feed.xml", rss(FIRST, SECOND), headers={"Content-Type": "application/rss+xml"})
    feed = rss_feed(server, fb_account)
    assert feed_poll(feed=feed) == 2
    posts = list(Post.objects.order_by("post_id"))
    assert [p.post_id for p in posts] == ["https://blog.example/a1", "https://blog.example/a2"]
    assert {(p.platform, p.account_id, p.source) for p in posts} == {
        ("facebook", fb_account.pk, "feed")
    }
    assert posts[0].text == "Posyandu\n\nJadwal posyandu bulan ini sudah keluar"
    assert posts[0].created_at == dt.datetime(2026, 11, 23, 0, 0, tzinfo=dt.UTC)
    feed.refresh_from_db()
    assert feed.last_error == "" and feed.active and feed.last_polled_at is not None
    assert feed.next_poll_at == feed.last_polled_at + dt.timedelta(minutes=60)

    assert feed_poll(feed=feed) == 0
    server.add("/feed.xml", rss(THIRD, FIRST, SECOND))
    assert feed_poll(feed=feed) == 1
    assert Post.objects.count() == 3
    assert Post.objects.filter(post_id="https://blog.example/a3").exists()


def test_an_unchanged_feed_is_not_downloaded_again(server, fb_account):
    def answer(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"', "Content-Type": "application/rss+xml"}, rss(FIRST).encode()

    server.routes["/feed.xml"] = answer
    feed = rss_feed(server, fb_account)
    assert feed_poll(feed=feed) == 1
    assert feed_poll(feed=feed) == 0
    assert [h.get("If-None-Match") for _, h in server.requests] == [None, '"v1"']
    assert Post.objects.count() == 1


def fail_until_off(feed) -> None:
    """Poll a feed that keeps failing for good until it is turned off (three polls)."""
    for attempt in range(1, OFF_AFTER_FAILURES + 1):
        assert feed_poll(feed=feed) == 0
        feed.refresh_from_db()
        assert feed.failures == attempt
        assert feed.active == (attempt < OFF_AFTER_FAILURES)


def test_a_missing_feed_is_turned_off_after_repeated_failures_with_the_reason(
    server, fb_account, in_english
):
    feed = rss_feed(server, fb_account, "/hilang.xml")
    fail_until_off(feed)
    assert not feed.active and feed.error_permanent
    assert "HTTP 404" in feed.last_error
    assert feed.last_error.startswith("Turned off after 3 failed polls in a row")
    entries = AuditEntry.objects.filter(action="monitoring.feed.failed").order_by("pk")
    assert [e.after["active"] for e in entries] == [True, True, False]
    assert entries[0].after["permanent"] is True and entries[0].object_id == str(feed.pk)
    assert feeds_poll_due(now=timezone.now() + dt.timedelta(days=1)).polled == 0
    assert len(server.requests) == OFF_AFTER_FAILURES


def test_a_feed_that_recovers_before_the_limit_stays_on_and_starts_counting_afresh(
    server, fb_account
):
    feed = rss_feed(server, fb_account, "/feed.xml")
    server.add("/feed.xml", "<html>sedang perbaikan</html>")
    feed_poll(feed=feed)
    feed_poll(feed=feed)
    feed.refresh_from_db()
    assert feed.active and feed.failures == 2 and "not an RSS or Atom feed" in feed.last_error
    server.add("/feed.xml", rss(FIRST))
    assert feed_poll(feed=feed) == 1
    feed.refresh_from_db()
    assert feed.active and feed.failures == 0 and feed.last_error == ""


def test_a_server_error_keeps_the_feed_active_for_the_next_round(server, fb_account):
    server.add("/feed.xml", "sibuk", status=503)
    feed = rss_feed(server, fb_account)
    assert feed_poll(feed=feed) == 0
    feed.refresh_from_db()
    assert feed.active and not feed.error_permanent
    assert "HTTP 503" in feed.last_error
    assert feed.next_poll_at == feed.last_polled_at + dt.timedelta(minutes=60)
    server.add("/feed.xml", rss(FIRST))
    stats = feeds_poll_due(now=feed.next_poll_at)
    assert (stats.polled, stats.imported, stats.failed) == (1, 1, 0)
    feed.refresh_from_db()
    assert feed.last_error == "" and feed.active


def test_a_body_that_is_not_a_feed_is_permanent(server, fb_account):
    server.add("/feed.xml", "<html><body>Bukan feed</body></html>")
    feed = rss_feed(server, fb_account)
    fail_until_off(feed)
    assert (
        not feed.active and feed.error_permanent and "not an RSS or Atom feed" in (feed.last_error)
    )


def test_only_feeds_whose_time_has_come_are_polled(server, fb_account):
    server.add("/feed.xml", rss(FIRST))
    rss_feed(server, fb_account)
    assert feeds_poll_due().polled == 1
    assert feeds_poll_due().polled == 0
    later = timezone.now() + dt.timedelta(minutes=61)
    assert feeds_poll_due(now=later).polled == 1
    assert Post.objects.count() == 1


# --- Mastodon -----------------------------------------------------------------------------------


def status(sid: str, text: str, **extra) -> dict:
    return {
        "id": sid,
        "created_at": "2026-11-20T01:00:00.000Z",
        "content": f"<p>{text}</p>",
        "url": f"https://mastodon.test/@made/{sid}",
        "account": {"id": "77", "acct": "made", "url": "https://mastodon.test/@made"},
        "favourites_count": 3,
        "reblogs_count": 1,
        "replies_count": 0,
        "language": "id",
        **extra,
    }


@pytest.fixture
def mastodon(server):
    state = {"statuses": [status("1002", "Jaringan kantor normal lagi"), status("1001", "Halo")]}

    def lookup(handler):
        return 200, {"Content-Type": "application/json"}, json.dumps({"id": "77"}).encode()

    def statuses(handler):
        query = parse_qs(urlsplit(handler.path).query)
        found = state["statuses"]
        if "min_id" in query:
            found = [s for s in found if int(s["id"]) > int(query["min_id"][0])]
        if "max_id" in query:
            found = [s for s in found if int(s["id"]) < int(query["max_id"][0])]
        return 200, {"Content-Type": "application/json"}, json.dumps(found).encode()

    server.routes["/api/v1/accounts/lookup"] = lookup
    server.routes["/api/v1/accounts/77/statuses"] = statuses
    return state


@pytest.fixture
def made(registry):
    return Account.objects.create(
        employee=registry.employees["e5"], platform="mastodon", handle="made@mastodon.test"
    )


def test_a_mastodon_account_is_polled_through_the_public_api(server, mastodon, made):
    feed = FeedSource.objects.create(kind="mastodon", url=server.url, acct="made", account=made)
    assert feed_poll(feed=feed) == 2
    posts = {p.post_id: p for p in Post.objects.all()}
    assert set(posts) == {"1001", "1002"}
    assert posts["1002"].text == "Jaringan kantor normal lagi"
    assert posts["1002"].account == made and posts["1002"].platform == "mastodon"
    assert (posts["1002"].likes, posts["1002"].shares) == (3, 1)
    feed.refresh_from_db()
    assert feed.cursor == {"account_id": "77", "since_id": "1002"}

    assert feed_poll(feed=feed) == 0
    mastodon["statuses"].insert(0, status("1003", "Pemeliharaan server malam ini"))
    assert feed_poll(feed=feed) == 1
    assert Post.objects.count() == 3
    assert any("min_id=1002" in path for path, _ in server.requests)


def test_a_status_the_database_cannot_store_is_left_out_and_the_feed_moves_on(
    server, mastodon, made
):
    mastodon["statuses"].insert(0, status("1003", "ada \x00 nul", spoiler_text="x\ud800"))
    feed = FeedSource.objects.create(kind="mastodon", url=server.url, acct="made", account=made)
    assert feed_poll(feed=feed) == 2
    assert set(Post.objects.values_list("post_id", flat=True)) == {"1001", "1002"}
    feed.refresh_from_db()
    assert feed.cursor["since_id"] == "1003" and feed.last_error == ""


def test_an_unknown_mastodon_account_stops_the_feed(server, made):
    feed = FeedSource.objects.create(kind="mastodon", url=server.url, acct="made", account=made)
    fail_until_off(feed)
    assert not feed.active and feed.error_permanent and "404" in feed.last_error


# --- retention and the worker ------------------------------------------------------------------


def complaint_about(url: str):
    return complaint_submit(
        post_url=url, category="hate_speech", reason="Menghina warga", anonymous=True
    )


def test_retention_deletes_expired_posts_of_strangers_but_keeps_confirmed_ones(settings, registry):
    settings.PANTAU_RETENTION_DAYS = 30
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        stranger = complaint_about("https://x.com/orang_asing/status/555").post
        evidence = complaint_about("https://x.com/orang_lain/status/556").post
        registered = complaint_about("https://x.com/budisan/status/557").post
    Finding.objects.filter(post=evidence).update(status="confirmed")
    assert stranger.account is None and evidence.account is None
    assert registered.account is not None and registered.keep_until is None
    with time_machine.travel(dt.datetime(2026, 6, 20, 9, 0, tzinfo=dt.UTC), tick=False):
        fresh = complaint_about("https://x.com/orang_baru/status/558").post
        assert purge_expired_posts() == 0
    with time_machine.travel(dt.datetime(2026, 7, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        assert purge_expired_posts() == 1
    remaining = set(Post.objects.values_list("pk", flat=True))
    assert remaining == {evidence.pk, registered.pk, fresh.pk}
    assert not Finding.objects.filter(post_id=stranger.pk).exists()
    entry = AuditEntry.objects.get(action="monitoring.retention.purged")
    assert entry.after == {"deleted": 1}


def test_one_round_of_the_worker_polls_scans_and_purges(server, fb_account, capsys):
    server.add(
        "/feed.xml",
        rss(FIRST, ("a9", "Ujaran", "Dasar kaum kafir itu semua anjing, usir saja dari kota ini")),
    )
    rss_feed(server, fb_account)
    assert main(["worker", "--once"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == "feeds polled 1 (+2 posts), scanned 2 (1 findings), purged 0"
    assert set(Post.objects.values_list("scan_state", flat=True)) == {"scanned"}
    assert Finding.objects.get().post.post_id == "https://blog.example/a9"


# --- feeds as government sites write them ------------------------------------------------------


def test_everyday_malformations_are_read_and_indonesian_dates_kept(server, fb_account):
    body = (
        "\ufeff\n  \n"  # a byte order mark and blank lines before the declaration
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0"><channel><title>Pemprov</title>'
        "<item><title>Rapat paripurna</title><guid>p1</guid>"
        "<pubDate>05 Agustus 2019</pubDate>"
        '<media:content url="https://pemprov.example/a.jpg" medium="image"/>'
        "<description>Rapat paripurna DPRD</description></item>"
        "<item><title>Vaksinasi</title><guid>p2</guid>"
        "<pubDate>Sen, 12 Mei 2025 09:30:00 +0800</pubDate>"
        "<description>Vaksinasi keliling</description></item>"
        "<item><title>Tanpa tanggal jelas</title><guid>p3</guid>"
        "<pubDate>kemarin sore</pubDate><description>Tetap disimpan</description></item>"
        "</channel></rss>"
    )
    server.add("/feed.xml", body.encode("utf-8"))
    feed = rss_feed(server, fb_account)
    assert feed_poll(feed=feed) == 3
    feed.refresh_from_db()
    assert feed.active and feed.last_error == "" and feed.failures == 0
    posts = {p.post_id: p for p in Post.objects.all()}
    wita = dt.timezone(dt.timedelta(hours=8))
    assert posts["p1"].created_at == dt.datetime(2019, 8, 5, tzinfo=wita)
    assert posts["p2"].created_at == dt.datetime(2025, 5, 12, 9, 30, tzinfo=wita)
    assert posts["p3"].created_at is None and posts["p3"].text.endswith("Tetap disimpan")
    assert posts["p3"].raw["unreadable_date"] == "kemarin sore"
