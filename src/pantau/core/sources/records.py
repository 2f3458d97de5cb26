"""Generic records (CSV and XLSX rows, JSON Lines objects) to posts, through a column mapping.

A mapping is a dict from `SourcePost` field names to column names (or JSON keys; a dotted key
like ``"user.screen_name"`` reaches into nested JSON objects). A value starting with ``=`` is a
constant for every record: ``{"platform": "=facebook"}``. Fields not in the mapping are looked up
under their usual names (`DEFAULT_COLUMNS`), case-insensitively for table headers.

Per record: missing text → `SourceProblem` (field ``text``); a date present but unreadable →
`SourceProblem` (field ``created_at``); a missing date → ``created_at`` None, no problem. The
platform comes from the ``platform`` column, else the URL's host, else "other"; the handle from
its column, else the URL (``x.com/budi/status/1`` → ``budi``), else the ``handle`` option; the
post id from its column, else the URL. Counts that cannot be read are left out of ``reach``.
"""

from __future__ import annotations

import re

from pantau.core.handles import handle_from_url, normalize_handle, platform_from_url
from pantau.core.safe_urls import UnsafeUrl, check_web_url
from pantau.core.sources.base import Context, make_post
from pantau.core.sources.model import SourceError, SourceProblem
from pantau.core.sources.textutil import clean_text, parse_datetime, to_int

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "post_id": ("post_id", "id", "id_str", "status_id", "tweet_id"),
    "text": ("text", "content", "message", "full_text", "body", "caption", "teks", "isi"),
    "handle": ("handle", "account", "username", "screen_name", "user", "author", "akun"),
    "url": ("url", "link", "permalink", "tautan"),
    "created_at": (
        "created_at",
        "time",
        "date",
        "timestamp",
        "datetime",
        "published",
        "tanggal",
        "waktu",
    ),
    "platform": ("platform",),
    "kind": ("kind", "type", "jenis"),
    "likes": ("likes", "like_count", "favorite_count", "favourites_count", "reactions", "suka"),
    "shares": ("shares", "share_count", "retweet_count", "reblogs_count", "reposts"),
    "comments": ("comments", "comment_count", "reply_count", "replies_count", "komentar"),
    "views": ("views", "view_count", "impressions", "play_count"),
    "language": ("language", "lang"),
    "in_reply_to": ("in_reply_to", "in_reply_to_id", "in_reply_to_status_id_str"),
    "quoted": ("quoted", "quoted_id", "quoted_status_id_str"),
    "reshared": ("reshared", "reshared_id", "retweeted_id"),
}
REACH = ("likes", "shares", "comments", "views")
_PLATFORMS = {
    "x": "x",
    "twitter": "x",
    "facebook": "facebook",
    "fb": "facebook",
    "instagram": "instagram",
    "ig": "instagram",
    "tiktok": "tiktok",
    "tt": "tiktok",
    "mastodon": "mastodon",
    "youtube": "youtube",
    "threads": "threads",
}
_KINDS = {
    "post": "post",
    "status": "post",
    "tweet": "post",
    "video": "post",
    "photo": "post",
    "comment": "comment",
    "reply": "comment",
    "komentar": "comment",
    "balasan": "comment",
    "share": "share",
    "retweet": "share",
    "rt": "share",
    "repost": "share",
    "reblog": "share",
    "reaction": "reaction",
    "like": "reaction",
    "reaksi": "reaction",
    "suka": "reaction",
}
_POST_ID = (
    re.compile(r"/status(?:es)?/(\d+)"),
    re.compile(r"/video/(\d+)"),
    re.compile(r"/(?:p|reel|tv)/([\w-]+)"),
    re.compile(r"/posts/([\w.-]+)"),
    re.compile(r"[?&](?:story_fbid|fbid)=(\d+)"),
    re.compile(r"/permalink/(\d+)"),
    re.compile(r"/@[\w.]+/(\d+)"),
)
_NOT_HANDLES = {
    "p",
    "reel",
    "reels",
    "tv",
    "watch",
    "story.php",
    "permalink.php",
    "photo.php",
    "groups",
    "share",
    "i",
    "video",
    "intent",
    "hashtag",
    "search",
    "explore",
    "stories",
    "home",
}


def check_mapping(mapping: dict | None) -> dict:
    mapping = dict(mapping or {})
    unknown = sorted(set(mapping) - set(DEFAULT_COLUMNS))
    if unknown:
        raise SourceError(
            f"the column mapping names unknown field(s) {', '.join(unknown)}; known: "
            f"{', '.join(DEFAULT_COLUMNS)}"
        )
    return mapping


def post_id_from_url(url: str) -> str | None:
    for pattern in _POST_ID:
        match = pattern.search(url)
        if match:
            return match.group(1)
    return None


def _handle_from_url(url: str) -> str:
    _, handle = handle_from_url(url)
    if not handle or handle in _NOT_HANDLES:
        return ""
    return handle


class RecordMapper:
    """Turns a dict of field → value into a post or a problem, for one input file."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.mapping = check_mapping(ctx.mapping)
        self.constants = {
            f: c[1:] for f, c in self.mapping.items() if isinstance(c, str) and c.startswith("=")
        }
        self.candidates = {}
        for name, defaults in DEFAULT_COLUMNS.items():
            if name in self.constants:
                continue
            chosen = self.mapping.get(name, ...)
            if chosen is None:
                continue  # mapped to nothing: never read
            self.candidates[name] = (chosen,) if chosen is not ... else defaults
        self._layouts: dict[tuple, list] = {}
        self._dotted_fields = [
            n for n, keys in self.candidates.items() if any("." in k for k in keys)
        ]

    def header_index(self, header: list[str]) -> dict[str, int]:
        """Field → column index for a table header (case- and space-insensitive)."""
        keys = {}
        for i, name in enumerate(header):
            key = _key(name)
            if key and key not in keys:
                keys[key] = i
        index = {}
        for name, candidates in self.candidates.items():
            for column in candidates:
                if _key(column) in keys:
                    index[name] = keys[_key(column)]
                    break
        return index

    def from_json(self, record: dict) -> dict:
        """Field → value of a JSON object. The key layout is cached per set of top-level keys,
        since the records of one file nearly always share it."""
        signature = tuple(record)
        layout = self._layouts.get(signature)
        if layout is None:
            layout = self._layout(record)
            if len(self._layouts) < 256:
                self._layouts[signature] = layout
        values = {}
        for name, key in layout:
            value = record[key]
            if value is None:
                value = self._lookup(record, self.candidates[name])
            if value is not None:
                values[name] = value
        for name in self._dotted_fields:
            if name not in values:
                value = self._lookup(record, self.candidates[name])
                if value is not None:
                    values[name] = value
        return values

    def _layout(self, record: dict) -> list[tuple[str, str]]:
        return [
            (name, next(k for k in candidates if k in record))
            for name, candidates in self.candidates.items()
            if any(k in record for k in candidates)
        ]

    @staticmethod
    def _lookup(record: dict, candidates) -> object:
        for key in candidates:
            value = record.get(key)
            if value is None and "." in key:
                value = _dotted(record, key)
            if value is not None:
                return value
        return None

    def build(self, values: dict, raw: dict, file: str, line: int | None, index: int | None = None):
        """A post, or a problem; ``file`` is the file's name as shown to the user."""
        ctx = self.ctx
        if self.constants:
            values = {**values, **self.constants}
        text = clean_text(values.get("text"))
        if not text:
            return SourceProblem(file, line, "text", "missing text", index)
        try:
            created_at = parse_datetime(values.get("created_at"), ctx.tz)
        except (ValueError, OverflowError, OSError) as exc:
            return SourceProblem(file, line, "created_at", str(exc), index)
        try:
            url = check_web_url(str(values.get("url") or ""))
        except UnsafeUrl as exc:
            return SourceProblem(file, line, "url", str(exc), index)
        platform = _PLATFORMS.get(str(values.get("platform") or "").strip().lower())
        if platform is None:
            platform = (platform_from_url(url) if url else None) or "other"
        handle = normalize_handle(str(values.get("handle") or ""))
        if not handle:
            handle = (_handle_from_url(url) if url else "") or ctx.handle
        post_id = values.get("post_id")
        if post_id in (None, "") and url:
            post_id = post_id_from_url(url)
        kind = _KINDS.get(str(values.get("kind") or "post").strip().lower(), "post")
        language = str(values.get("language") or "").lower()
        return make_post(
            platform=platform,
            post_id=str(post_id).strip() if post_id not in (None, "") else None,
            handle=handle,
            url=url,
            created_at=created_at,
            kind=kind,
            text=text,
            raw=raw,
            location={"file": file, "line": line}
            if line is not None
            else {"file": file, "index": index},
            reach={name: to_int(values.get(name)) for name in REACH if name in values},
            language="id" if language in ("in", "id", "ind") else language,
            in_reply_to=values.get("in_reply_to"),
            quoted=values.get("quoted"),
            reshared=values.get("reshared"),
        )


def _key(name) -> str:
    return str(name or "").strip().lower().replace(" ", "_").replace("-", "_")


def _dotted(record: dict, key: str):
    value = record
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value
