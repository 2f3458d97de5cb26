"""Instagram export (JSON): posts and their captions, reels, stories, and the account's comments.

Files read, wherever they sit in the export (``content/``, ``your_instagram_activity/…``):

- ``posts_1.json`` …: a list of ``{"media": [{"uri", "creation_timestamp", "title"}], "title",
  "creation_timestamp"}``; a single-photo post keeps its caption in ``media[0].title``. Kind
  ``post``; the caption is the text;
- ``reels.json`` (``ig_reels_media``) and ``stories.json`` (``ig_stories``): the same shape;
- ``media.json`` of the exports before 2020: ``{"photos": [{"caption", "taken_at", "location",
  "path"}], "videos": [...], "stories": [...]}`` → kind ``post``;
- ``post_comments_1.json`` (a list or ``comments_media_comments``) and ``reels_comments.json``
  (``comments_reels_comments``): ``{"string_map_data": {"Comment": {"value"}, "Media Owner":
  {"value"}, "Time": {"timestamp"}}}`` → kind ``comment``.

Text is repaired like Facebook's (UTF-8 bytes escaped as ``\\u00XX``). No post ids and no URLs are
in the export: ``post_id`` is None (deduplicate on ``content_hash``). The handle is the Username in
``personal_information.json`` when present, else the option.
"""

from __future__ import annotations

import datetime as dt
import re

from pantau.core.handles import normalize_handle
from pantau.core.sources.base import (
    SHAPE_ERRORS,
    Context,
    describe_keys,
    load_json,
    load_json_salvaging,
    make_post,
    shielded,
)
from pantau.core.sources.containers import Container, FileContainer
from pantau.core.sources.model import SourceError
from pantau.core.sources.textutil import clean_text, from_epoch, parse_datetime

_POSTS = re.compile(r"(?:^|/)(posts_\d+|reels|stories|media)\.json$")
_LEGACY_KEYS = ("photos", "videos", "stories")  # media.json, before 2020
_COMMENTS = re.compile(r"(?:^|/)(post_comments(?:_\d+)?|reels_comments)\.json$")
_PERSONAL = re.compile(r"(?:^|/)personal_information\.json$")
_LIST_KEYS = (
    "ig_reels_media",
    "ig_stories",
    "comments_media_comments",
    "comments_reels_comments",
)


def select(container: Container) -> list[str]:
    members = container.members()
    if isinstance(container, FileContainer):
        return members
    found = [m for m in members if _POSTS.search(m) or _COMMENTS.search(m)]
    if not found:
        raise SourceError(
            f"{container.label}: no posts_1.json or post_comments_1.json found: "
            "not an Instagram export in JSON format (media.json before 2020)",
            file=container.label,
        )
    return found


def _username(ctx: Context) -> str:
    for member in ctx.container.members():
        if not _PERSONAL.search(member):
            continue
        try:
            data = load_json(ctx, member)
            for user in data.get("profile_user") or ():
                value = user["string_map_data"]["Username"]["value"]
                if value:
                    return normalize_handle(clean_text(value, meta=True))
        except (SourceError, *SHAPE_ERRORS):
            return ""
    return ""


def _records(ctx: Context, member: str, data) -> list:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        if any(isinstance(data.get(k), list) for k in _LEGACY_KEYS):
            return [
                {"_legacy": key, **record}
                for key in _LEGACY_KEYS
                for record in data.get(key) or ()
                if isinstance(record, dict)
            ]
    label = ctx.describe(member)
    raise SourceError(
        f"{label}: not an Instagram posts or comments file (top-level keys found: "
        f"{describe_keys(data)}; known: {', '.join(_LIST_KEYS + _LEGACY_KEYS)})",
        file=label,
    )


def read(ctx: Context):
    """Every file in turn; a file cut off or of an unknown shape is a problem naming it, after
    the records that could be read from it, and the next file is read."""
    handle = _username(ctx) or ctx.handle
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None or start.extra.get("done"):
            continue
        data, problem = load_json_salvaging(ctx, member)
        if data is None and len(ctx.members) == 1:
            raise SourceError(f"{problem.file}: {problem.reason}", file=problem.file)
        records: list = []
        if data is not None:
            try:
                records = _records(ctx, member, data)
            except SourceError as exc:
                if len(ctx.members) == 1:
                    raise
                problem = problem or ctx.problem(member, str(exc).split(": ", 1)[-1])
        for index, record in enumerate(records):
            if index <= start.index:
                continue
            if not isinstance(record, dict):
                item = ctx.problem(member, "not an Instagram record (object expected)", index=index)
            elif "_legacy" in record:
                item = shielded(
                    ctx, member, _legacy_post, ctx, member, index, record, handle, index=index
                )
            elif "string_map_data" in record and "media" not in record:
                item = shielded(
                    ctx, member, _comment, ctx, member, index, record, handle, index=index
                )
            else:
                item = shielded(
                    ctx, member, _media_post, ctx, member, index, record, handle, index=index
                )
            yield item, ctx.token(file_no, index)
        if problem is not None:
            yield problem, ctx.token(file_no, len(records), done=True)


def _legacy_post(ctx: Context, member: str, index: int, record: dict, handle: str):
    """A ``media.json`` entry (before 2020): ``{"caption", "taken_at", "location", "path"}``,
    ``taken_at`` an ISO 8601 time in UTC."""
    record = dict(record)
    record.pop("_legacy")
    try:
        created_at = parse_datetime(record.get("taken_at"), dt.UTC)
    except ValueError as exc:
        return ctx.problem(member, str(exc), field="created_at", index=index)
    return make_post(
        platform="instagram",
        post_id=None,
        handle=handle,
        created_at=created_at.astimezone(ctx.tz) if created_at else None,
        kind="post",
        text=clean_text(record.get("caption") or "", meta=True),
        raw=record,
        location={"file": ctx.describe(member), "index": index},
        attachment=record.get("path") if isinstance(record.get("path"), str) else "",
    )


def _when(ctx: Context, member: str, index: int, value):
    """(datetime or None, problem or None) from an epoch time stamp."""
    if value in (None, "", 0):
        return None, None
    if isinstance(value, int | float):
        return from_epoch(float(value), ctx.tz), None
    return None, ctx.problem(
        member, f"timestamp {value!r} is not a number", field="created_at", index=index
    )


def _media_post(ctx: Context, member: str, index: int, record: dict, handle: str):
    media = [m for m in record.get("media") or () if isinstance(m, dict)]
    caption = record.get("title") or next((m.get("title") for m in media if m.get("title")), "")
    stamp = record.get("creation_timestamp")
    if stamp in (None, "") and media:
        stamp = media[0].get("creation_timestamp")
    created_at, problem = _when(ctx, member, index, stamp)
    if problem:
        return problem
    return make_post(
        platform="instagram",
        post_id=None,
        handle=handle,
        created_at=created_at,
        kind="post",
        text=clean_text(caption, meta=True),
        raw=record,
        location={"file": ctx.describe(member), "index": index},
        attachment=next((m["uri"] for m in media if isinstance(m.get("uri"), str)), ""),
    )


def _comment(ctx: Context, member: str, index: int, record: dict, handle: str):
    fields = record.get("string_map_data") or {}
    text = (fields.get("Comment") or {}).get("value") or ""
    created_at, problem = _when(ctx, member, index, (fields.get("Time") or {}).get("timestamp"))
    if problem:
        return problem
    return make_post(
        platform="instagram",
        post_id=None,
        handle=handle,
        created_at=created_at,
        kind="comment",
        text=clean_text(text, meta=True),
        raw=record,
        location={"file": ctx.describe(member), "index": index},
    )
