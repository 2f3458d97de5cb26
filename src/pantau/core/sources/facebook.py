"""Facebook "Download your information" export (JSON): posts, comments, group posts, reactions.

Files read, wherever they sit in the export (names as Facebook has used them over the years):

- ``your_posts_1.json``, ``your_posts__check_ins__photos_and_videos_1.json`` — a list of
  ``{"timestamp", "data": [{"post": "…"}], "attachments", "title"}``; kind ``share`` when the title
  says the account shared something ("shared", "membagikan", "berbagi"), else ``post``;
- ``comments.json`` (``{"comments_v2": [...]}``), each ``data[].comment.comment`` → kind ``comment``;
- ``group_posts.json`` / ``your_group_posts*.json`` (``group_posts_v2``) → ``post``, and
  ``your_comments_in_groups.json`` (``group_comments_v2``) → ``comment``;
- ``likes_and_reactions_1.json`` (a list) or ``posts_and_comments.json`` (``reactions_v2``) →
  kind ``reaction``, with the title ("Budi likes Ani's post.") as text: the export holds nothing
  more of what was reacted to.

Facebook writes every UTF-8 byte as a ``\\u00XX`` escape; text is repaired ("Ã°ÂŸÂ˜Â€" → 😀). The
export has **no post ids**: ``post_id`` is None and the importer deduplicates on
``SourcePost.content_hash``. There are no post URLs either. A post with only a photo has text "".
The handle is the username (or profile URL) in ``profile_information.json``, else the option.
"""

from __future__ import annotations

import re

from pantau.core.handles import handle_from_url, normalize_handle
from pantau.core.sources.base import SHAPE_ERRORS, Context, load_json, make_post, shielded
from pantau.core.sources.containers import Container, FileContainer
from pantau.core.sources.model import SourceError
from pantau.core.sources.textutil import clean_text, from_epoch

_FILES = re.compile(
    r"(?:^|/)(your_posts[^/]*|comments(?:_\d+)?|(?:your_)?group_posts[^/]*|"
    r"your_comments_in_groups|likes_and_reactions(?:_\d+)?|posts_and_comments)\.json$"
)
_PROFILE = re.compile(r"(?:^|/)profile_information\.json$")
_SHARED = re.compile(r"\b(shared|membagikan|berbagi)\b", re.IGNORECASE)
_KEYS = {
    "comments_v2": "comment",
    "group_posts_v2": "post",
    "group_comments_v2": "comment",
    "reactions_v2": "reaction",
    "status_updates_v2": "post",
}


def select(container: Container) -> list[str]:
    members = container.members()
    if isinstance(container, FileContainer):
        return members
    found = [m for m in members if _FILES.search(m)]
    if not found:
        raise SourceError(
            f"{container.label}: no your_posts_1.json, comments.json or group_posts.json found: "
            "not a Facebook export in JSON format",
            file=container.label,
        )
    return found


def _profile_handle(ctx: Context) -> str:
    for member in ctx.container.members():
        if not _PROFILE.search(member):
            continue
        try:
            data = load_json(ctx, member)
        except SourceError:
            return ""
        profile = (
            data.get("profile_v2") or data.get("profile") or {} if isinstance(data, dict) else {}
        )
        if profile.get("username"):
            return normalize_handle(clean_text(profile["username"], meta=True))
        if profile.get("profile_uri"):
            return handle_from_url(profile["profile_uri"])[1] or ""
    return ""


def _entries(ctx: Context, member: str, data) -> tuple[str, list]:
    """The default kind of a file's records, and the records."""
    if isinstance(data, dict):
        for key, kind in _KEYS.items():
            if isinstance(data.get(key), list):
                return kind, data[key]
        raise SourceError(
            f"{ctx.describe(member)}: no known Facebook list in it "
            f"(keys: {', '.join(sorted(data)[:5])})",
            file=ctx.describe(member),
        )
    if isinstance(data, list):
        return ("reaction" if "likes_and_reactions" in member else "post"), data
    raise SourceError(
        f"{ctx.describe(member)}: not a Facebook export file", file=ctx.describe(member)
    )


def read(ctx: Context):
    try:
        handle = _profile_handle(ctx) or ctx.handle
    except SHAPE_ERRORS:  # a profile file of another shape: as if there were none
        handle = ctx.handle
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None:
            continue
        kind, entries = _entries(ctx, member, load_json(ctx, member))
        for index, entry in enumerate(entries):
            if index <= start.index:
                continue
            token = ctx.token(file_no, index)
            item = shielded(
                ctx, member, _entry, ctx, member, index, entry, kind, handle, index=index
            )
            yield item, token


def _texts(entry: dict, kind: str) -> list[str]:
    texts = []
    for item in entry.get("data") or ():
        if not isinstance(item, dict):
            continue
        if kind == "comment" and isinstance(item.get("comment"), dict):
            texts.append(item["comment"].get("comment") or "")
        elif isinstance(item.get("post"), str):
            texts.append(item["post"])
        elif isinstance(item.get("comment"), str):
            texts.append(item["comment"])
    return [t for t in texts if t]


def _entry(ctx: Context, member: str, index: int, entry, kind: str, handle: str):
    if not isinstance(entry, dict):
        return ctx.problem(member, "not a Facebook record (object expected)", index=index)
    title = clean_text(entry.get("title"), meta=True)
    if kind == "reaction":
        text = title
    else:
        text = "\n\n".join(clean_text(t, meta=True) for t in _texts(entry, kind))
    if kind == "post" and _SHARED.search(title):
        kind = "share"
    timestamp = entry.get("timestamp")
    created_at = None
    if isinstance(timestamp, int | float) and timestamp > 0:
        created_at = from_epoch(float(timestamp), ctx.tz)
    elif timestamp not in (None, "", 0):
        return ctx.problem(
            member, f"timestamp {timestamp!r} is not a number", field="created_at", index=index
        )
    return make_post(
        platform="facebook",
        post_id=None,
        handle=handle,
        created_at=created_at,
        kind=kind,
        text=text,
        raw=entry,
        location={"file": ctx.describe(member), "index": index},
    )
