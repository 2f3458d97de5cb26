"""TikTok data export (JSON, ``user_data.json`` or ``user_data_tiktok.json``): videos and comments.

- Videos: ``Video.Videos.VideoList`` (newer exports: ``Post.Posts.VideoList``), each
  ``{"Date": "2024-01-01 10:00:00", "Link": "…/video/7312…/", "Likes": "12", "Desc"}`` (the
  description key has also been ``Description`` and ``Title``) → kind ``post``, ``post_id`` from
  the link, likes as reach;
- Comments: ``Comment.Comments.CommentsList`` ``[{"Date", "Comment"}]`` → kind ``comment`` (no id);
- the handle: ``Profile["Profile Information"].ProfileMap.userName``, else the option.

TikTok writes its dates without a zone, in UTC; they are returned in the default zone. A video
or comment with no date has ``created_at`` None; a date that cannot be read is a `SourceProblem`.
The TXT form of the export is not supported (a `SourceError` says to request JSON).
"""

from __future__ import annotations

import datetime as dt
import re

from pantau.core.handles import normalize_handle
from pantau.core.sources.base import SHAPE_ERRORS, Context, load_json, make_post, shielded
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


def _lists(data: dict) -> tuple[list, list]:
    videos = _dig(data, "Video", "Videos", "VideoList") or _dig(data, "Post", "Posts", "VideoList")
    comments = _dig(data, "Comment", "Comments", "CommentsList")
    return (videos if isinstance(videos, list) else []), (
        comments if isinstance(comments, list) else []
    )


def read(ctx: Context):
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None:
            continue
        data = load_json(ctx, member)
        if not isinstance(data, dict):
            label = ctx.describe(member)
            raise SourceError(f"{label}: not a TikTok user_data.json (object expected)", file=label)
        try:
            handle = _username(data) or ctx.handle
        except SHAPE_ERRORS:  # a profile of another shape: as if there were none
            handle = ctx.handle
        videos, comments = _lists(data)
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
        created_at = parse_datetime(record.get("Date") or record.get("date"), dt.UTC)
    except ValueError as exc:
        return ctx.problem(member, str(exc), field="created_at", index=index)
    if created_at is not None:
        created_at = created_at.astimezone(ctx.tz)
    if kind == "post":
        text = next((record[k] for k in _DESC_KEYS if record.get(k)), "")
        link = record.get("Link") or record.get("VideoLink") or ""
    else:
        text = record.get("Comment") or record.get("comment") or ""
        link = ""
    match = _VIDEO_ID.search(link)
    post_id = match.group(1) if match and kind == "post" else None
    url = link
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
        reach={"likes": to_int(record.get("Likes"))},
    )
