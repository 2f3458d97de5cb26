"""check_web_url: web addresses pass, every other scheme and every malformed address is refused."""

from __future__ import annotations

import pytest

from pantau.core.safe_urls import UnsafeUrl, check_web_url, is_web_url

HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "//evil.example/x",
    "/relative/path",
    "x.com/budisan",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_anything_but_an_http_or_https_address_is_refused(url):
    with pytest.raises(UnsafeUrl):
        check_web_url(url)
    assert not is_web_url(url)


@pytest.mark.parametrize(
    "url", ["https://[x.com/a", "https://x.com[/a", "http://exa[mple.org/", "https://x.com:port/"]
)
def test_a_malformed_address_is_refused_with_a_reason_not_a_crash(url):
    with pytest.raises(UnsafeUrl) as caught:
        check_web_url(url)
    assert caught.value.kind == "invalid"
    assert "not a valid web address" in str(caught.value)


def test_the_refusal_names_the_scheme():
    with pytest.raises(UnsafeUrl) as caught:
        check_web_url("javascript:alert(1)")
    assert caught.value.kind == "scheme" and "'javascript:'" in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/budisan/status/1",
        "HTTP://Example.org/a?b=c#d",
        "https://[::1]:8000/x",
        "https://x.com/path/[brackets]",
    ],
)
def test_web_addresses_pass(url):
    assert check_web_url(f"  {url} ") == url
    assert is_web_url(url)


def test_an_empty_address_is_no_address():
    assert check_web_url("") == "" and check_web_url(None) == ""
    assert not is_web_url("")


# --- sources that carry their own links ------------------------------------------------------


def test_a_feed_item_with_a_script_link_is_a_located_problem():
    import datetime as dt

    from pantau.core.sources.feeds import parse_feed
    from pantau.core.sources.model import SourcePost, SourceProblem

    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>Baik</title><link>https://blog.example/1</link><guid>1</guid></item>
    <item><title>Jahat</title><link>javascript:alert(1)</link><guid>2</guid></item>
    </channel></rss>"""
    good, bad = parse_feed(rss, label="umpan.xml", tz=dt.UTC)
    assert isinstance(good, SourcePost) and good.url == "https://blog.example/1"
    assert isinstance(bad, SourceProblem)
    assert (bad.file, bad.field, bad.index) == ("umpan.xml", "link", 1)
    assert "http://" in bad.reason


def test_a_mastodon_status_with_a_script_link_is_a_located_problem():
    import datetime as dt

    from pantau.core.sources.mastodon import status_to_post
    from pantau.core.sources.model import SourceProblem

    status = {
        "id": "7",
        "url": "javascript:alert(1)",
        "created_at": "2026-11-20T08:00:00Z",
        "content": "<p>Halo</p>",
        "account": {"acct": "budi", "url": "https://mastodon.example/@budi"},
    }
    problem = status_to_post(status, tz=dt.UTC, file="statuses.jsonl", index=0, line=1)
    assert isinstance(problem, SourceProblem)
    assert (problem.file, problem.line, problem.field) == ("statuses.jsonl", 1, "url")
