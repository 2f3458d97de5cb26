"""RSS and Atom feeds: parsing, XML safety, and fetching from a real local HTTP server."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from pantau.core.sources import (
    FetchError,
    SourceError,
    SourcePost,
    fetch_feed,
    open_source,
    poll_feed,
)
from tests.core.sources.conftest import split
from tests.core.sources.samples import ARABIC

RSS_ITEM = """<item><title>{title}</title><link>https://budi.blog.example/{n}</link>
<guid isPermaLink="false">post-{n}</guid><pubDate>Mon, 01 Jan 2024 10:00:00 +0700</pubDate>
<description>&lt;p&gt;Isi tulisan {n}&lt;/p&gt;</description></item>"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Blog Budi</title><link>https://budi.blog.example/</link>
<item>
  <title>Hari pertama</title>
  <link>https://budi.blog.example/1</link>
  <guid isPermaLink="false">post-1</guid>
  <pubDate>Mon, 01 Jan 2024 10:00:00 +0700</pubDate>
  <description>&lt;p&gt;Halo &lt;b&gt;warga&lt;/b&gt; 😀 &amp;amp; kawan&lt;br/&gt;baris dua&lt;/p&gt;</description>
</item>
<item>
  <title>Tanpa tanggal</title>
  <link>https://budi.blog.example/2</link>
  <content:encoded><![CDATA[<p>{ARABIC}</p><script>alert(1)</script>]]></content:encoded>
</item>
<item><title>Rusak</title><guid>post-3</guid><pubDate>kemarin sore</pubDate><description>x</description></item>
<item><title>Dari Mastodon</title><link>https://mastodon.example/@budi/111</link><dc:date>2024-02-01T01:02:03Z</dc:date></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Budi</title><id>urn:uuid:feed</id><updated>2024-03-01T00:00:00Z</updated>
  <entry>
    <title type="html">Kabar &lt;i&gt;dinas&lt;/i&gt;</title>
    <link rel="alternate" href="https://budi.blog.example/a"/>
    <link rel="edit" href="https://budi.blog.example/edit/a"/>
    <id>tag:budi.blog.example,2024:a</id>
    <published>2024-03-01T08:00:00+08:00</published>
    <content type="html">&lt;p&gt;Pelayanan &lt;a href="https://x.example"&gt;tutup&lt;/a&gt; sementara&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Catatan</title>
    <id>tag:budi.blog.example,2024:b</id>
    <updated>2024-03-02T09:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Satu</p><p>Dua</p></div></content>
  </entry>
</feed>"""


def test_rss_items(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    posts, problems = split(open_source(path, format="rss", handle="budi"))
    first, second, undated, mastodon = posts
    assert first.text == "Hari pertama\n\nHalo warga 😀 & kawan\nbaris dua"
    assert first.post_id == "post-1" and first.url == "https://budi.blog.example/1"
    assert first.created_at == dt.datetime(2024, 1, 1, 3, 0, tzinfo=dt.UTC)
    assert first.handle == "budi" and first.platform == "other" and first.kind == "post"
    assert second.text == f"Tanpa tanggal\n\n{ARABIC}" and second.created_at is None
    assert second.post_id == "https://budi.blog.example/2"  # no guid: the link
    assert mastodon.platform == "mastodon"
    assert problems == []  # an unreadable date: the item is kept, its date unknown
    assert (undated.post_id, undated.created_at) == ("post-3", None)
    assert undated.raw["unreadable_date"] == "kemarin sore"


def test_atom_entries(tmp_path):
    path = tmp_path / "atom.xml"
    path.write_text(ATOM, encoding="utf-8")
    posts, problems = split(open_source(path, format="rss"))
    assert problems == []
    assert posts[0].text == "Kabar dinas\n\nPelayanan tutup sementara"
    assert posts[0].url == "https://budi.blog.example/a"
    assert posts[0].post_id == "tag:budi.blog.example,2024:a"
    assert posts[1].text == "Catatan\n\nSatu\n\nDua"
    assert posts[1].created_at == dt.datetime(2024, 3, 2, 9, tzinfo=dt.UTC)


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><item><title>&lol2;</title></item></channel></rss>"""


def test_doctype_and_entities_are_refused(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(BOMB)
    with pytest.raises(SourceError, match="bomb.xml: refused, the XML declares a DOCTYPE"):
        list(open_source(path, format="rss"))
    utf16 = tmp_path / "u16.xml"
    utf16.write_bytes(RSS.encode("utf-16"))
    with pytest.raises(SourceError, match="UTF-16"):
        list(open_source(utf16, format="rss"))


def test_not_a_feed(tmp_path):
    path = tmp_path / "page.xml"
    path.write_text("<html><body>hi</body></html>")
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        list(open_source(path, format="rss"))
    path.write_text("<rss><channel><item>")
    with pytest.raises(SourceError, match="not well-formed XML"):
        list(open_source(path, format="rss"))


def feed_route(server, body, etag='"v1"'):
    def route(handler):
        if handler.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        headers = {
            "Content-Type": "application/rss+xml",
            "ETag": etag,
            "Last-Modified": "Mon, 01 Jan 2024 03:00:00 GMT",
        }
        return 200, headers, body.encode()

    server.routes["/feed.xml"] = route


def test_fetch_feed_with_etag(server):
    feed_route(server, RSS)
    result = fetch_feed(f"{server.url}/feed.xml", handle="budi")
    assert len(result.items) == 4 and result.etag == '"v1"' and not result.not_modified
    assert result.modified == "Mon, 01 Jan 2024 03:00:00 GMT"
    again = fetch_feed(f"{server.url}/feed.xml", etag=result.etag, modified=result.modified)
    assert again.not_modified and again.items == []
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'
    assert server.requests[-1][1]["If-Modified-Since"] == "Mon, 01 Jan 2024 03:00:00 GMT"


def test_poll_feed_returns_only_new_items(server):
    items = [RSS_ITEM.format(title=f"Tulisan {n}", n=n) for n in (1, 2)]
    doc = '<rss version="2.0"><channel><title>B</title>{}</channel></rss>'
    feed_route(server, doc.format("".join(items)))
    first = poll_feed(f"{server.url}/feed.xml")
    assert [p.post_id for p in first.items] == ["post-1", "post-2"]
    unchanged = poll_feed(f"{server.url}/feed.xml", first.cursor)
    assert unchanged.items == [] and unchanged.cursor["seen"] == first.cursor["seen"]
    feed_route(server, doc.format(RSS_ITEM.format(title="Baru", n=3) + "".join(items)), etag='"v2"')
    second = poll_feed(f"{server.url}/feed.xml", first.cursor)
    assert [p.post_id for p in second.items] == ["post-3"]
    assert all(isinstance(p, SourcePost) for p in second.items)
    assert second.cursor["etag"] == '"v2"'


def test_fetch_errors_are_permanent_or_transient(server):
    server.add("/gone.xml", "no", status=404)
    server.add("/busy.xml", "try later", status=503)
    server.add("/limited.xml", "slow down", status=429)
    server.add(
        "/page.html", "<html><body>not a feed</body></html>", headers={"Content-Type": "text/html"}
    )
    server.add("/bomb.xml", BOMB)
    server.routes["/slow.xml"] = lambda handler: (time.sleep(1.5), (200, {}, RSS.encode()))[1]
    cases = [
        ("/gone.xml", True, "HTTP 404"),
        ("/busy.xml", False, "HTTP 503"),
        ("/limited.xml", False, "HTTP 429"),
        ("/page.html", True, "not an RSS or Atom feed"),
        ("/bomb.xml", True, "refused"),
    ]
    for path, permanent, text in cases:
        with pytest.raises(FetchError, match=text) as info:
            fetch_feed(server.url + path)
        assert info.value.permanent is permanent, path
    with pytest.raises(FetchError, match="timed out") as info:
        fetch_feed(server.url + "/slow.xml", timeout=0.3)
    assert info.value.transient


def test_connection_refused_is_transient(server):
    url = server.url
    server.httpd.shutdown()
    server.httpd.server_close()
    with pytest.raises(FetchError, match="cannot connect") as info:
        fetch_feed(f"{url}/feed.xml", timeout=2)
    assert info.value.transient
    with pytest.raises(FetchError, match="only http and https") as info:
        fetch_feed("file:///etc/passwd")
    assert info.value.permanent
