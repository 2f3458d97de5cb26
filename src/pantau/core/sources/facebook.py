"""Facebook "Download your information" export (JSON): posts, comments, group posts, reactions.

Files read, wherever they sit in the export (names as Facebook has used them over the years):

- ``your_posts_1.json``, ``your_posts__check_ins__photos_and_videos_1.json`` and, since 2025,
  ``this_profile's_activity_across_facebook/posts/profile_posts_1.json`` — a list of
  ``{"timestamp", "data": [{"post": "…"}], "attachments", "title"}``; 2018-19 exports wrap the
  list as ``{"status_updates": [...]}``. The link a post shares
  (``attachments[].data[].external_context.{url, name}``) is kept as ``shared_url`` and
  ``shared_title``; kind ``share`` when there is one (the structure, whatever the export's
  language) or when the title says so in English or Indonesian, else ``post``. A photo or video
  post without text of its own takes the caption kept with its media
  (``attachments[].data[].media.description``);
- ``comments.json`` (``{"comments_v2": [...]}``, 2018-19: ``{"comments": [...]}``), each
  ``data[].comment.comment`` → kind ``comment``;
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
from pantau.core.sources.textutil import clean_text, from_epoch

_FILES = re.compile(
    r"(?:^|/)(your_posts[^/]*|profile_posts(?:_\d+)?|comments(?:_\d+)?|"
    r"(?:your_)?group_posts[^/]*|your_comments_in_groups|likes_and_reactions(?:_\d+)?|"
    r"posts_and_comments)\.json$"
)
_PROFILE = re.compile(r"(?:^|/)profile_information\.json$")
_SHARED = re.compile(r"\b(shared|membagikan|berbagi)\b", re.IGNORECASE)
_KEYS = {
    "comments_v2": "comment",
    "group_posts_v2": "post",
    "group_comments_v2": "comment",
    "reactions_v2": "reaction",
    "status_updates_v2": "post",
    "status_updates": "post",  # 2018-19 exports
    "comments": "comment",  # 2018-19 exports
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
    """The default kind of a file's records, and the records; `SourceError` naming the keys
    found when the file holds no list Facebook is known to write."""
    if isinstance(data, dict):
        for key, kind in _KEYS.items():
            if isinstance(data.get(key), list):
                return kind, data[key]
        raise SourceError(
            f"{ctx.describe(member)}: no known Facebook list in it "
            f"(top-level keys found: {describe_keys(data)}; known: {', '.join(_KEYS)})",
            file=ctx.describe(member),
        )
    if isinstance(data, list):
        return ("reaction" if "likes_and_reactions" in member else "post"), data
    raise SourceError(
        f"{ctx.describe(member)}: not a Facebook export file (a JSON list or object expected, "
        f"found {type(data).__name__})",
        file=ctx.describe(member),
    )


def read(ctx: Context):
    """Every file in turn; a file that cannot be read (cut off, unknown keys) is a problem
    naming it, after the records that could be read from it, and the next file is read. A
    record of an unexpected shape is a problem at its index; the next records are read."""
    try:
        handle = _profile_handle(ctx) or ctx.handle
    except SHAPE_ERRORS:  # a profile file of another shape: as if there were none
        handle = ctx.handle
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None or start.extra.get("done"):
            continue
        data, problem = load_json_salvaging(ctx, member)
        if data is None and len(ctx.members) == 1:
            raise SourceError(f"{problem.file}: {problem.reason}", file=problem.file)
        entries: list = []
        kind = "post"
        if data is not None:
            try:
                kind, entries = _entries(ctx, member, data)
            except SourceError as exc:
                if len(ctx.members) == 1:
                    raise
                problem = problem or ctx.problem(member, str(exc).split(": ", 1)[-1])
        for index, entry in enumerate(entries):
            if index <= start.index:
                continue
            token = ctx.token(file_no, index)
            item = shielded(
                ctx, member, _entry, ctx, member, index, entry, kind, handle, index=index
            )
            yield item, token
        if problem is not None:
            yield problem, ctx.token(file_no, len(entries), done=True)


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
        if not text:
            text = clean_text(_media_caption(entry), meta=True)
    shared_url, shared_title = _shared_link(entry)
    if kind == "post" and (shared_url or _SHARED.search(title)):
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
        shared_url=shared_url,
        shared_title=shared_title,
        attachment=_media_uri(entry),
    )


def _media_caption(entry: dict) -> str:
    """The caption a photo or video post keeps with its media
    (``attachments[].data[].media.description``), when the post has no text of its own."""
    for attachment in entry.get("attachments") or ():
        for item in (attachment.get("data") or ()) if isinstance(attachment, dict) else ():
            media = item.get("media") if isinstance(item, dict) else None
            if isinstance(media, dict) and isinstance(media.get("description"), str):
                return media["description"]
    return ""


def _media_uri(entry: dict) -> str:
    """The first media file attached (``attachments[].data[].media.uri``): an id-less post's
    photo tells it apart from another posted in the same second."""
    for attachment in entry.get("attachments") or ():
        for item in (attachment.get("data") or ()) if isinstance(attachment, dict) else ():
            media = item.get("media") if isinstance(item, dict) else None
            if isinstance(media, dict) and isinstance(media.get("uri"), str):
                return media["uri"]
    return ""


def _shared_link(entry: dict) -> tuple[str, str]:
    """The first link the record shares (``attachments[].data[].external_context``): its URL
    and its name (the linked page's title, as Facebook shows it)."""
    for attachment in entry.get("attachments") or ():
        if not isinstance(attachment, dict):
            continue
        for item in attachment.get("data") or ():
            context = item.get("external_context") if isinstance(item, dict) else None
            if not isinstance(context, dict):
                continue
            url = context.get("url") if isinstance(context.get("url"), str) else ""
            name = context.get("name") if isinstance(context.get("name"), str) else ""
            if url or name:
                return clean_text(url, meta=True), clean_text(name, meta=True)
    return "", ""
