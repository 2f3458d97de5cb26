"""Mastodon public API (a real local server speaking its paging rules) and saved API answers."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from pantau.core.sources import (
    FetchError,
    fetch_mastodon_statuses,
    open_source,
    poll_mastodon,
)
from tests.core.sources.conftest import split


def status(n: int, base: str, **extra) -> dict:
    record = {
        "id": str(n),
        "created_at": f"2024-05-01T{n % 24:02d}:00:00.000Z",
        "in_reply_to_id": None,
        "in_reply_to_account_id": None,
        "sensitive": False,
        "spoiler_text": "",
        "visibility": "public",
        "language": "id",
        "uri": f"{base}/users/budi/statuses/{n}",
        "url": f"{base}/@budi/{n}",
        "replies_count": 1,
        "reblogs_count": 2,
        "favourites_count": 3,
        "content": f"<p>Status nomor {n} dari dinas</p>",
        "reblog": None,
        "account": {"id": "109", "username": "budi", "acct": "budi", "url": f"{base}/@budi"},
        "media_attachments": [],
        "mentions": [],
        "tags": [],
    }
    record.update(extra)
    return record


class Instance:
    """Statuses 1001..1000+count, answered with Mastodon's max_id / min_id / since_id rules."""

    def __init__(self, server, count: int = 100):
        self.server = server
        self.statuses = {n: status(n, server.url) for n in range(1001, 1001 + count)}
        server.add(
            "/api/v1/accounts/lookup?acct=budi", json.dumps(status(0, server.url)["account"])
        )
        server.routes["/api/v1/accounts/109/statuses"] = self.page

    def page(self, handler):
        query = {k: v[0] for k, v in parse_qs(urlsplit(handler.path).query).items()}
        limit = min(int(query.get("limit", 20)), 40)
        ids = sorted(self.statuses)
        if "max_id" in query:
            ids = [i for i in ids if i < int(query["max_id"])]
        lower = query.get("min_id") or query.get("since_id")
        if lower:
            ids = [i for i in ids if i > int(lower)]
        chosen = ids[:limit] if "min_id" in query else ids[-limit:]
        body = json.dumps([self.statuses[i] for i in sorted(chosen, reverse=True)])
        return 200, {"Content-Type": "application/json"}, body.encode()


def test_statuses_newest_first_up_to_the_limit(server):
    Instance(server)
    posts = fetch_mastodon_statuses(server.url, "@budi", limit=50)
    assert [p.post_id for p in posts] == [str(n) for n in range(1100, 1050, -1)]
    pages = [r[0] for r in server.requests if "/statuses" in r[0]]
    assert len(pages) == 2 and "max_id=1061" in pages[1]
    first = posts[0]
    host = urlsplit(server.url).hostname
    assert first.platform == "mastodon" and first.handle == f"budi@{host}"
    assert first.text == "Status nomor 1100 dari dinas"
    assert first.reach == {"likes": 3, "shares": 2, "comments": 1}
    assert first.language == "id" and first.kind == "post"
    assert first.created_at.utcoffset().total_seconds() == 8 * 3600


def test_since_id_walks_forward_without_gaps(server):
    instance = Instance(server)
    first = poll_mastodon(server.url, "budi", {"account_id": "109", "since_id": "1000"}, limit=30)
    assert [p.post_id for p in first.items] == [str(n) for n in range(1030, 1000, -1)]
    assert first.cursor == {"account_id": "109", "since_id": "1030"}
    second = poll_mastodon(server.url, "budi", first.cursor, limit=30)
    assert [p.post_id for p in second.items][-1] == "1031"
    instance.statuses[1101] = status(1101, server.url)
    rest = poll_mastodon(server.url, "budi", second.cursor, limit=100)
    assert [p.post_id for p in rest.items][0] == "1101"
    assert len(rest.items) == 1101 - 1060
    assert poll_mastodon(server.url, "budi", rest.cursor).items == []


def test_reblog_reply_quote_and_html(server):
    instance = Instance(server, count=0)
    base = server.url
    original = status(
        7,
        base,
        account={"id": "5", "acct": "ani@other.example", "url": "https://other.example/@ani"},
    )
    instance.statuses = {
        1: status(1, base, reblog=original, content=""),
        2: status(
            2, base, in_reply_to_id="77", in_reply_to_account_id="5", content="<p>@ani setuju</p>"
        ),
        3: status(3, base, in_reply_to_id="2", in_reply_to_account_id="109"),
        4: status(
            4,
            base,
            spoiler_text="politik",
            content='<p>Baca <a href="https://x.example/a"><span class="invisible">https://</span><span class="ellipsis">x.example/a</span></a><br>baris &amp; dua</p><p>Paragraf</p>',
            language="en",
        ),
        5: status(5, base, quote={"state": "accepted", "quoted_status": status(9, base)}),
    }
    posts = {p.post_id: p for p in fetch_mastodon_statuses(base, "budi")}
    assert posts["1"].kind == "share" and posts["1"].reshared == "7"
    assert posts["1"].text == "Status nomor 7 dari dinas"
    assert posts["2"].kind == "comment" and posts["2"].in_reply_to == "77"
    assert posts["3"].kind == "post"  # a thread of one's own
    assert posts["4"].text == "politik\n\nBaca https://x.example/a\nbaris & dua\n\nParagraf"
    assert posts["4"].language == "en"
    assert posts["5"].quoted == "9"


def test_unknown_account_is_permanent_and_server_trouble_transient(server):
    Instance(server)
    with pytest.raises(FetchError, match="HTTP 404") as info:
        fetch_mastodon_statuses(server.url, "nobody")
    assert info.value.permanent and info.value.status == 404
    server.add("/api/v1/accounts/109/statuses", "maintenance", status=503)
    with pytest.raises(FetchError, match="HTTP 503") as info:
        fetch_mastodon_statuses(server.url, "budi")
    assert info.value.transient
    server.add("/api/v1/accounts/109/statuses", "<html>oops</html>")
    with pytest.raises(FetchError, match="not JSON") as info:
        fetch_mastodon_statuses(server.url, "budi")
    assert info.value.permanent


def test_saved_api_answers_as_a_source(tmp_path):
    page = [status(n, "https://mastodon.example") for n in (3, 2, 1)]
    page[1]["created_at"] = "bukan tanggal"
    path = tmp_path / "statuses.json"
    path.write_text(json.dumps(page, indent=2))
    posts, problems = split(open_source(path, format="mastodon"))
    assert [p.post_id for p in posts] == ["3", "1"]
    assert posts[0].handle == "budi@mastodon.example"
    assert problems[0].field == "created_at"
    lines = tmp_path / "statuses.jsonl"
    lines.write_text("\n".join(json.dumps(s) for s in page) + "\n")
    posts, problems = split(open_source(lines, format="mastodon"))
    assert [p.location["line"] for p in posts] == [1, 3] and problems[0].line == 2
