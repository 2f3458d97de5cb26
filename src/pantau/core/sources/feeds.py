"""RSS 2.0, RSS 1.0 and Atom feeds: parsed safely, fetched with caching headers, polled.

- `parse_feed(data, …)`: the items of a feed document as posts (kind ``post``). Text is the title
  followed by the body (``content:encoded``, ``description``, Atom ``content`` or ``summary``)
  turned from HTML into plain text; ``post_id`` is the guid/id (else the link); ``created_at``
  from ``pubDate``/``dc:date``/``published``/``updated``, Indonesian month names included
  ("05 Agustus 2019", "Sen, 05 Agt 2019"); None when there is none or it cannot be read (the
  item is kept all the same, the date's text in ``raw["unreadable_date"]``).
- Tolerance: white space or a byte order mark before ``<?xml`` is dropped, and namespace
  prefixes used but never declared (``media:``, ``dc:``, …) are declared before parsing. The platform
  and handle come from the item link when it is a known profile URL (a Mastodon ``/@user/…``
  link, ``x.com/user/status/…``), else "other" and the ``handle`` option.
- XML safety without defusedxml: a document with a DOCTYPE or an ENTITY declaration in its
  prolog is refused (no entity expansion, no external entities), and so are UTF-16/32 documents
  whose bytes that check could not see.
- `fetch_feed(url, etag=…, modified=…)`: a conditional GET; `FeedResult.not_modified` on 304.
- `poll_feed(url, cursor)`: the items not seen in the previous poll, and the new cursor
  ``{"etag", "modified", "seen": [ids]}``, for the importer's schedule.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from pantau.core.handles import handle_from_url
from pantau.core.safe_urls import UnsafeUrl, check_web_url
from pantau.core.sources import fetch
from pantau.core.sources.base import Context, make_post
from pantau.core.sources.model import FetchError, SourceError, SourcePost, SourceProblem
from pantau.core.sources.textutil import clean_text, get_tz, html_to_text, parse_datetime

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC = "{http://purl.org/dc/elements/1.1/}"
_PROLOG_END = re.compile(rb"<(?![?!])")
_FORBIDDEN = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8"


def check_safe_xml(data: bytes, label: str) -> None:
    """Refuse what could make the XML parser expand entities or read other files."""
    head = data[:512]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head:
        raise SourceError(f"{label}: UTF-16/32 XML is not accepted; use UTF-8", file=label)
    end = _PROLOG_END.search(data)
    prolog = data[: end.start()] if end else data
    match = _FORBIDDEN.search(prolog)
    if match:
        raise SourceError(
            f"{label}: refused, the XML declares a {match.group(1).decode().upper()} "
            "(entity expansion is not allowed)",
            file=label,
        )


def _text(el) -> str:
    return (el.text or "").strip() if el is not None else ""


def _body_html(el) -> str:
    if el is None:
        return ""
    if el.get("type") == "xhtml":
        return "".join(ET.tostring(child, encoding="unicode") for child in el)
    if el.get("type") == "text":
        return (el.text or "").replace("&", "&amp;").replace("<", "&lt;")
    return el.text or ""


def _items(root) -> tuple[str, list]:
    if root.tag == "rss":
        channel = root.find("channel")
        return "rss", list(channel.iter("item")) if channel is not None else []
    if root.tag == f"{ATOM}feed":
        return "atom", root.findall(f"{ATOM}entry")
    if root.tag == f"{RDF}RDF":
        return "rss", root.findall(f"{RSS1}item")
    raise ValueError(root.tag)


def _field(item, kind: str) -> dict:
    if kind == "atom":
        links = item.findall(f"{ATOM}link")
        link = next((x.get("href") for x in links if x.get("rel", "alternate") == "alternate"), "")
        body = item.find(f"{ATOM}content")
        if body is None:
            body = item.find(f"{ATOM}summary")
        title = item.find(f"{ATOM}title")
        return {
            "id": _text(item.find(f"{ATOM}id")),
            "link": link or "",
            "title": html_to_text(_body_html(title)) if title is not None else "",
            "body": _body_html(body),
            "date": _text(item.find(f"{ATOM}published")) or _text(item.find(f"{ATOM}updated")),
        }
    ns = RSS1 if item.tag.startswith(RSS1) else ""
    body = item.find(CONTENT)
    if body is None:
        body = item.find(f"{ns}description")
    return {
        "id": _text(item.find("guid")) or item.get(f"{RDF}about", ""),
        "link": _text(item.find(f"{ns}link")),
        "title": html_to_text(_text(item.find(f"{ns}title"))),
        "body": body.text or "" if body is not None else "",
        "date": _text(item.find("pubDate")) or _text(item.find(f"{DC}date")),
    }


_COMMON_PREFIXES = {
    "media": "http://search.yahoo.com/mrss/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "georss": "http://www.georss.org/georss",
    "slash": "http://purl.org/rss/1.0/modules/slash/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "sy": "http://purl.org/rss/1.0/modules/syndication/",
}
_USED_PREFIX = re.compile(
    rb"</?([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*="
)
_ROOT_TAG = re.compile(rb"<(?![?!/])[A-Za-z_][\w.:-]*")


def _tolerant(data: bytes) -> bytes:
    """Everyday malformations fixed before parsing: white space or a byte order mark before
    ``<?xml`` (which the XML rules forbid), and namespace prefixes used without being declared
    (``media:content`` in a feed that never says what ``media`` is), declared on the root."""
    start = 0
    while start < len(data) and (
        data[start : start + 3] == b"\xef\xbb\xbf" or data[start] in b" \t\r\n"
    ):
        start += 3 if data[start : start + 3] == b"\xef\xbb\xbf" else 1
    data = data[start:]
    used = {
        (m.group(1) or m.group(2)).decode("ascii", "replace") for m in _USED_PREFIX.finditer(data)
    }
    missing = sorted(p for p in used - {"xml", "xmlns"} if f"xmlns:{p}=".encode() not in data)
    root = _ROOT_TAG.search(data)
    if not missing or root is None:
        return data
    declarations = "".join(
        f' xmlns:{p}="{_COMMON_PREFIXES.get(p, f"urn:pantau:undeclared:{p}")}"' for p in missing
    ).encode()
    return data[: root.end()] + declarations + data[root.end() :]


def parse_feed(
    data: bytes, *, label: str, tz: dt.tzinfo, handle: str = ""
) -> list[SourcePost | SourceProblem]:
    """Every item of an RSS or Atom document, in document order; `SourceError` if not a feed.

    Tolerant of what real feeds get wrong (see `_tolerant`); an item whose date cannot be read
    is kept with its date unknown (``created_at`` None, the text of the date in ``raw``)."""
    check_safe_xml(data, label)
    data = _tolerant(data)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise SourceError(f"{label}: not well-formed XML ({exc})", file=label, line=line) from None
    try:
        kind, items = _items(root)
    except ValueError:
        raise SourceError(
            f"{label}: not an RSS or Atom feed (root element {root.tag!r})", file=label
        ) from None
    out: list[SourcePost | SourceProblem] = []
    for index, item in enumerate(items):
        out.append(_post(_field(item, kind), label, index, tz, handle, item))
    return out


def _post(fields: dict, label: str, index: int, tz, handle: str, item):
    unreadable = ""
    try:
        created_at = parse_datetime(fields["date"], tz)
    except (ValueError, OverflowError):
        created_at, unreadable = None, fields["date"]
    title = clean_text(fields["title"])
    body = clean_text(html_to_text(fields["body"]))
    if title and body and not body.startswith(title.rstrip(".…").strip()):
        text = f"{title}\n\n{body}"
    else:
        text = body or title
    if not text:
        return SourceProblem(label, None, "text", "item with neither title nor content", index)
    try:
        link = check_web_url(fields["link"])
    except UnsafeUrl as exc:
        return SourceProblem(label, None, "link", str(exc), index)
    platform, link_handle = handle_from_url(link) if link else (None, None)
    raw = {"tag": item.tag, **{k: v for k, v in fields.items() if v}}
    if unreadable:
        raw["unreadable_date"] = unreadable
    return make_post(
        platform=platform or "other",
        post_id=fields["id"] or link or None,
        handle=handle or (link_handle if platform else "") or "",
        url=link,
        created_at=created_at,
        text=text,
        raw=raw,
        location={"file": label, "index": index},
    )


def select(container) -> list[str]:
    return container.members()


def read(ctx: Context):
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None:
            continue
        with ctx.container.open(member) as stream:
            data = stream.read()
        items = parse_feed(data, label=ctx.describe(member), tz=ctx.tz, handle=ctx.handle)
        for index, item in enumerate(items):
            if index > start.index:
                yield item, ctx.token(file_no, index)


@dataclass
class FeedResult:
    url: str
    items: list = field(default_factory=list)
    etag: str | None = None
    modified: str | None = None
    not_modified: bool = False


def fetch_feed(
    url: str,
    *,
    etag: str | None = None,
    modified: str | None = None,
    timeout: float = 10,
    handle: str = "",
    default_tz: str = "Asia/Makassar",
) -> FeedResult:
    """GET a feed (conditionally with ``etag``/``modified``) and parse it.

    Raises `FetchError`; a body that is not a safe RSS/Atom document is a permanent one.
    """
    headers = {"Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    answer = fetch.get(url, headers=headers, timeout=timeout)
    new_etag = answer.header("etag") or etag
    new_modified = answer.header("last-modified") or modified
    if answer.status == 304:
        return FeedResult(url, [], new_etag, new_modified, not_modified=True)
    try:
        items = parse_feed(answer.body, label=url, tz=get_tz(default_tz), handle=handle)
    except SourceError as exc:
        raise FetchError(str(exc), True, status=answer.status) from None
    return FeedResult(url, items, new_etag, new_modified)


@dataclass
class PollResult:
    items: list
    cursor: dict


def _key(item) -> str:
    if isinstance(item, SourcePost):
        return item.post_id or item.content_hash
    return f"problem:{item.index}:{item.reason}"


def poll_feed(url: str, cursor: dict | None = None, **options) -> PollResult:
    """The items new since the last poll (by id), and the cursor to pass next time.

    ``options`` go to `fetch_feed` (timeout, handle, default_tz). Raises `FetchError`.
    """
    cursor = cursor or {}
    result = fetch_feed(url, etag=cursor.get("etag"), modified=cursor.get("modified"), **options)
    if result.not_modified:
        return PollResult([], {**cursor, "etag": result.etag, "modified": result.modified})
    seen = set(cursor.get("seen") or ())
    new = [item for item in result.items if _key(item) not in seen]
    keys = [_key(item) for item in result.items]
    return PollResult(new, {"etag": result.etag, "modified": result.modified, "seen": keys})
