"""TikTok data export (JSON, ``user_data.json`` or ``user_data_tiktok.json``): videos and comments.

- Videos: ``Video.Videos.VideoList`` (newer exports: ``Post.Posts.VideoList``), each
  ``{"Date": "2024-01-01 10:00:00", "Link": "…/video/7312…/", "Likes": "12", "Desc"}`` (the
  description key has also been ``Description`` and ``Title``) → kind ``post``, ``post_id`` from
  the link, likes as reach. Since 2025 ``Link`` is an expiring download address on TikTok's CDN
  (sometimes several, one a line) with no video id: it is not kept as the post's address, and the
  post is keyed on its account, time and text (`SourcePost.content_hash`), which do not change;
- Comments: ``Comment.Comments.CommentsList`` ``[{"Date", "Comment"}]`` (an export holding only
  ``Activity``: ``Activity.Comments.CommentsList``) → kind ``comment`` (no id);
- the handle: ``Profile["Profile Information"].ProfileMap.userName``, else the option.

TikTok writes "N/A" for an empty field: such placeholders are empty. Its dates have no zone and
are UTC; they are returned in the default zone. A video or comment with no date has
``created_at`` None; a date that cannot be read is a `SourceProblem`. A file with no videos and no
comments is refused naming the top-level keys it has. The TXT form of the export is not supported
(a `SourceError` says to request JSON).
"""

from __future__ import annotations

import datetime as dt
import re

from pantau.core.handles import normalize_handle
from pantau.core.sources.base import (
    SHAPE_ERRORS,
    Context,
    describe_keys,
    load_json_salvaging,
    make_post,
    shielded,
)
from pantau.core.sources.containers import Container, FileContainer
from pantau.core.sources.model import SourceError
from pantau.core.sources.textutil import clean_text, parse_datetime, to_int

_FILE = re.compile(r"(?:^|/)user_data(?:_tiktok)?\.json$")
_VIDEO_ID = re.compile(r"/(?:video|v)/(\d{6,})")
_DESC_KEYS = ("Desc", "Description", "VideoDescription", "Title", "desc")


def select(container: Container) -> list[str]:
    members = container.members()
    if isinstance(container, FileContainer):
        if members[0].lower().endswith(".txt"):
            raise SourceError(
                f"{container.label}: the TikTok TXT export is not supported; request the JSON one",
                file=container.label,
            )
        return members
    found = [m for m in members if _FILE.search(m)]
    if not found:
        raise SourceError(
            f"{container.label}: no user_data.json found: not a TikTok export in JSON format",
            file=container.label,
        )
    return found


def _dig(data, *keys):
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _username(data: dict) -> str:
    profile = data.get("Profile") or data.get("Profil") or {}
    for section in profile.values() if isinstance(profile, dict) else ():
        mapping = section.get("ProfileMap") if isinstance(section, dict) else None
        if isinstance(mapping, dict):
            name = mapping.get("userName") or mapping.get("username")
            if name:
                return normalize_handle(name)
    return ""


_VIDEO_PATHS = (
    ("Video", "Videos", "VideoList"),
    ("Post", "Posts", "VideoList"),
    ("Activity", "Videos", "VideoList"),
    ("Activity", "Posts", "VideoList"),
)
_COMMENT_PATHS = (
    ("Comment", "Comments", "CommentsList"),
    ("Activity", "Comments", "CommentsList"),
    ("Your Activity", "Comments", "CommentsList"),
)
_PLACEHOLDERS = {"n/a", "na", "none", "null", "-"}
_STABLE_LINK = re.compile(r"^https?://(?:[\w-]+\.)*(?:tiktok|tiktokv)\.com/.*/(?:video|v)/\d{6,}")


def _lists(data: dict) -> tuple[list, list]:
    videos = next((v for p in _VIDEO_PATHS if isinstance(v := _dig(data, *p), list)), [])
    comments = next((c for p in _COMMENT_PATHS if isinstance(c := _dig(data, *p), list)), [])
    return videos, comments


def _value(record: dict, *keys) -> str:
    """The first of ``keys`` with a real value: TikTok writes "N/A" for an empty field."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip() and value.strip().lower() not in _PLACEHOLDERS:
            return value.strip()
    return ""


def read(ctx: Context):
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None or start.extra.get("done"):
            continue
        data, problem = load_json_salvaging(ctx, member, salvage=False)
        label = ctx.describe(member)
        if data is not None and not isinstance(data, dict):
            problem = ctx.problem(member, "not a TikTok user_data.json (object expected)")
        videos, comments = _lists(data) if isinstance(data, dict) else ([], [])
        if problem is None and not videos and not comments:
            problem = ctx.problem(
                member,
                "no videos or comments found (looked for Video.Videos.VideoList, "
                "Post.Posts.VideoList, Comment.Comments.CommentsList, "
                f"Activity.Comments.CommentsList); top-level keys found: {describe_keys(data)}",
            )
        if problem is not None:
            if len(ctx.members) == 1:
                raise SourceError(f"{label}: {problem.reason}", file=label)
            yield problem, ctx.token(file_no, 0, done=True)
            continue
        try:
            handle = _username(data) or ctx.handle
        except SHAPE_ERRORS:  # a profile of another shape: as if there were none
            handle = ctx.handle
        records = [("post", r) for r in videos] + [("comment", r) for r in comments]
        for index, (kind, record) in enumerate(records):
            if index <= start.index:
                continue
            item = shielded(
                ctx, member, _record, ctx, member, index, kind, record, handle, index=index
            )
            yield item, ctx.token(file_no, index)


def _record(ctx: Context, member: str, index: int, kind: str, record, handle: str):
    if not isinstance(record, dict):
        return ctx.problem(member, "not a TikTok record (object expected)", index=index)
    try:
        created_at = parse_datetime(_value(record, "Date", "date"), dt.UTC)
    except ValueError as exc:
        return ctx.problem(member, str(exc), field="created_at", index=index)
    if created_at is not None:
        created_at = created_at.astimezone(ctx.tz)
    if kind == "post":
        text = _value(record, *_DESC_KEYS)
        link = _value(record, "Link", "VideoLink")
    else:
        text = _value(record, "Comment", "comment")
        link = ""
    links = link.split()
    stable = next((u for u in links if _STABLE_LINK.match(u)), "")
    match = _VIDEO_ID.search(stable)
    post_id = match.group(1) if match and kind == "post" else None
    url = stable  # an expiring download address (a CDN link) is not the post's address
    if post_id and handle:
        url = f"https://www.tiktok.com/@{handle}/video/{post_id}"
    return make_post(
        platform="tiktok",
        post_id=post_id,
        handle=handle,
        url=url,
        created_at=created_at,
        kind=kind,
        text=clean_text(text),
        raw=record,
        location={"file": ctx.describe(member), "index": index},
        reach={"likes": to_int(_value(record, "Likes") or record.get("Likes") or None)},
    )
