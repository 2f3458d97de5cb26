"""X/Twitter account archive, every version since 2012, streamed one tweet at a time.

Files read (``data/…``): ``tweets.js`` (``tweets-part1.js`` …, older ``tweet.js``) and
``community-tweet.js`` (``window.YTD.tweets.part0 = [{"tweet": {...}}, ...]``); the long posts of
``note-tweet.js`` (``{"noteTweet": {"noteTweetId", "createdAt", "core": {"text"}}}``, post id
``note-<id>``); before 2019 the "Grailbird" archive's monthly ``data/js/tweets/2014_01.js``
(``Grailbird.data.tweets_2014_01 = [{...}]``, ``created_at`` as ``"2014-01-29 10:22:04 +0000"``);
and ``deleted-tweets.js`` / ``deleted-note-tweet.js``, whose posts are marked deleted by their
author with the record's ``deleted_at``. For every tweet:

- text: ``full_text`` with HTML entities undone and t.co links mapped back to their
  ``expanded_url`` (from ``entities.urls`` and ``entities.media``);
- kind: ``share`` for a retweet ("RT @user: …"), ``comment`` for a reply to someone else (a reply
  to oneself, a thread, stays ``post``), else ``post``;
- ``quoted``: the id of a quoted tweet, taken from a status link in ``entities.urls``;
- ``in_reply_to``: ``in_reply_to_status_id_str``; ``reshared``: ``retweeted_status.id_str`` (only
  before 2019) and ``reshared_author``: its user, since 2019 the first of ``user_mentions``;
- reach: likes (``favorite_count``) and shares (``retweet_count``), which the archive writes as
  strings; language from the tweet's ``lang`` ("in" is Indonesian) or guessed.

The handle is the ``username`` in ``data/account.js`` (``screen_name`` in the Grailbird
``data/js/user_details.js``) when present, else the ``handle`` option. A file that ends inside its
array keeps the tweets before the break, which is a `SourceProblem` naming the file, line and
byte; the other files are read (a single file cut off before any tweet raises `SourceError`). A
record that is not valid JSON or has no id is a `SourceProblem` and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from pantau.core.handles import normalize_handle
from pantau.core.sources.base import Context, make_post, shielded
from pantau.core.sources.containers import Container, FileContainer
from pantau.core.sources.jsonarray import TooLarge, iter_array_objects
from pantau.core.sources.limits import InputLimits
from pantau.core.sources.model import SourceError
from pantau.core.sources.textutil import GRAILBIRD_FORMAT, TWITTER_FORMAT, clean_text

_TWEETS = re.compile(r"(?:^|/)(?:community-)?tweets?(?:-part\d+)?\.js$")
_NOTES = re.compile(r"(?:^|/)note-tweets?(?:-part\d+)?\.js$")
_DELETED = re.compile(r"(?:^|/)deleted-(?:note-)?tweets?(?:-part\d+)?\.js$")
_GRAILBIRD = re.compile(r"(?:^|/)data/js/tweets/\d{4}_\d{2}\.js$")
_ACCOUNT = re.compile(r"(?:^|/)account\.js$")
_USER_DETAILS = re.compile(r"(?:^|/)data/js/user_details\.js$")
_STATUS = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w+)/status(?:es)?/(\d+)")
_PART = re.compile(r"-part(\d+)\.js$")
_LANGS = {"in": "id", "id": "id", "en": "en"}


def select(container: Container) -> list[str]:
    """The tweet files in reading order: tweets (and community tweets), long "note" tweets, the
    pre-2019 monthly Grailbird files, then the deleted ones."""
    members = container.members()
    if isinstance(container, FileContainer):
        return members
    tweets = sorted((m for m in members if _TWEETS.search(m)), key=_part)
    notes = sorted((m for m in members if _NOTES.search(m)), key=_part)
    grailbird = sorted(m for m in members if _GRAILBIRD.search(m))
    deleted = sorted((m for m in members if _DELETED.search(m)), key=_part)
    if not tweets and not notes and not grailbird and not deleted:
        names = ", ".join(members[:8]) or "no files"
        raise SourceError(
            f"{container.label}: no data/tweets.js (or data/js/tweets/YYYY_MM.js of an archive "
            f"from before 2019) found: not an X/Twitter account archive (found: {names})",
            file=container.label,
        )
    return tweets + notes + grailbird + deleted


def _part(member: str) -> tuple[str, int]:
    """tweets.js is part 0, tweets-part1.js part 1, …"""
    match = _PART.search(member)
    return member.rsplit("/", 1)[0], int(match.group(1)) if match else 0


def _account_handle(container: Container) -> str:
    if isinstance(container, FileContainer):
        return ""
    for member in container.members():
        if _USER_DETAILS.search(member):
            return _grailbird_handle(container, member)
        if not _ACCOUNT.search(member):
            continue
        with container.open(member) as stream:
            try:
                objects = iter_array_objects(
                    stream, container.describe(member), max_bytes=InputLimits().max_record_bytes
                )
                for data, *_ in objects:
                    record = json.loads(data)
                    account = record.get("account", record)
                    if account.get("username"):
                        return normalize_handle(account["username"])
            except (SourceError, ValueError, AttributeError, TypeError, RecursionError):
                return ""
    return ""


def _grailbird_handle(container: Container, member: str) -> str:
    """``var user_details = {"screen_name": …}`` (or ``Grailbird.user_details = …``)."""
    with container.open(member) as stream:
        text = stream.read(65536).decode("utf-8", "replace")
    start = text.find("{")
    try:
        details = json.loads(text[start : text.rfind("}") + 1]) if start >= 0 else {}
    except ValueError:
        return ""
    return normalize_handle(details.get("screen_name") or "") if isinstance(details, dict) else ""


def read(ctx: Context):
    """Every tweet file in turn. A file cut off in the middle keeps the tweets read before the
    break; the break is a problem naming the file, line and byte, and the next file is read."""
    handle = _account_handle(ctx.container) or ctx.handle
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None or start.extra.get("done"):
            continue
        deleted = bool(_DELETED.search(member))
        label = ctx.describe(member)
        index = start.index
        line_now = start.line or 1
        with ctx.container.open(member) as stream:
            offset = start.offset if not start.fresh else None
            limit = ctx.limits.max_record_bytes
            objects = iter_array_objects(
                stream, label, offset=offset, line=start.line or 1, max_bytes=limit
            )
            try:
                for data, _begin, end, line in objects:
                    index += 1
                    if isinstance(data, TooLarge):
                        line_now = line + data.newlines
                        token = ctx.token(file_no, index, offset=end, line=line_now)
                        reason = f"the record has {data.size:,} bytes; at most {limit:,} are read"
                        yield ctx.problem(member, reason, line=line, index=index), token
                        continue
                    line_now = line + data.count(b"\n")
                    token = ctx.token(file_no, index, offset=end, line=line_now)
                    try:
                        record = json.loads(data)
                    except RecursionError:
                        reason = "the JSON is nested too deeply"
                        yield ctx.problem(member, reason, line=line, index=index), token
                        continue
                    except ValueError as exc:
                        problem = ctx.problem(
                            member, f"not valid JSON: {exc}", line=line, index=index
                        )
                        yield problem, token
                        continue
                    args = (ctx, record, handle, deleted, member, line, index)
                    yield shielded(ctx, member, _record, *args, line=line, index=index), token
            except SourceError as exc:
                if len(ctx.members) == 1 and index == start.index:
                    raise
                reason = str(exc).removeprefix(f"{label}: ")
                if index > start.index:
                    reason += f"; the {index - start.index} tweets before it were read"
                problem = ctx.problem(member, reason, line=exc.line or line_now)
                yield problem, ctx.token(file_no, index + 1, done=True)


def _record(ctx: Context, record, handle: str, deleted: bool, member: str, line: int, index):
    if isinstance(record, dict) and isinstance(record.get("noteTweet"), dict):
        return _note(ctx, record, handle, deleted, member, line, index)
    return _tweet(ctx, record, handle, deleted, member, line, index)


def _note(ctx: Context, record: dict, handle: str, deleted: bool, member: str, line: int, index):
    """A long post (``note-tweet.js``): ``{"noteTweet": {"noteTweetId", "createdAt", "core":
    {"text", "urls"}}}``. Its id is not a tweet id: the post id is ``note-<id>``."""
    note = record["noteTweet"]
    note_id = note.get("noteTweetId")
    if not note_id:
        return ctx.problem(member, "note without an id", line=line, field="post_id", index=index)
    core = note.get("core") if isinstance(note.get("core"), dict) else {}
    created_at = _twitter_time(note.get("createdAt"), ctx.tz)
    if note.get("createdAt") and created_at is None:
        return ctx.problem(
            member,
            f"unparseable createdAt {note['createdAt']!r}",
            line=line,
            field="created_at",
            index=index,
        )
    deleted_at = _twitter_time(note.get("deletedAt") or note.get("deleted_at"), ctx.tz)
    return make_post(
        platform="x",
        post_id=f"note-{note_id}",
        handle=handle,
        url="",
        created_at=created_at,
        kind="post",
        text=clean_text(html.unescape(core.get("text") or "")),
        raw=record,
        location={"file": ctx.describe(member), "line": line, "index": index},
        deleted=deleted,
        deleted_at=deleted_at,
    )


def _expand(text: str, entities: dict) -> str:
    for key in ("urls", "media"):
        for entity in entities.get(key) or ():
            short, long = entity.get("url"), entity.get("expanded_url")
            if short and long:
                text = text.replace(short, long)
    return text


def _tweet(ctx: Context, record, handle: str, deleted: bool, member: str, line: int, index: int):
    tweet = record.get("tweet", record) if isinstance(record, dict) else None
    if not isinstance(tweet, dict):
        return ctx.problem(member, "not a tweet object", line=line, index=index)
    tweet_id = tweet.get("id_str") or tweet.get("id")
    if not tweet_id:
        return ctx.problem(member, "tweet without an id", line=line, field="post_id", index=index)
    tweet_id = str(tweet_id)
    entities = tweet.get("entities") or {}
    raw_text = tweet.get("full_text") or tweet.get("text") or ""
    text = clean_text(html.unescape(_expand(raw_text, entities)))
    created_at = None
    if tweet.get("created_at"):
        created_at = _twitter_time(tweet["created_at"], ctx.tz)
        if created_at is None:
            return ctx.problem(
                member,
                f"unparseable created_at {tweet['created_at']!r}",
                line=line,
                field="created_at",
                index=index,
            )
    retweeted = tweet.get("retweeted_status")
    retweeted = retweeted if isinstance(retweeted, dict) else {}
    reply_to = tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id")
    reply_user = normalize_handle(tweet.get("in_reply_to_screen_name") or "")
    quoted = tweet.get("quoted_status_id_str")
    for entity in entities.get("urls") or ():
        match = _STATUS.match(entity.get("expanded_url") or "")
        if match and match.group(2) != tweet_id and not quoted:
            quoted = match.group(2)
    if not handle:
        handle = normalize_handle((tweet.get("user") or {}).get("screen_name") or "")
    if raw_text.startswith("RT @") or retweeted:
        kind = "share"
        quoted = None
    elif reply_to and reply_user != handle:
        kind = "comment"
    else:
        kind = "post"
    reshared = retweeted.get("id_str")
    reshared_author = ""
    if kind == "share":
        reshared_author = _retweeted_author(retweeted, entities, raw_text)
    deleted_at = _twitter_time(tweet.get("deleted_at") or tweet.get("deletedAt"), ctx.tz)
    url = (
        f"https://x.com/{handle}/status/{tweet_id}"
        if handle
        else f"https://x.com/i/status/{tweet_id}"
    )
    return make_post(
        platform="x",
        post_id=tweet_id,
        handle=handle,
        url=url,
        created_at=created_at,
        kind=kind,
        text=text,
        raw=record,
        location={"file": ctx.describe(member), "line": line, "index": index},
        reach={
            "likes": _count(tweet.get("favorite_count")),
            "shares": _count(tweet.get("retweet_count")),
            "comments": _count(tweet.get("reply_count")),
        },
        language=_LANGS.get(tweet.get("lang") or ""),
        in_reply_to=reply_to,
        quoted=quoted,
        reshared=reshared,
        reshared_author=reshared_author,
        deleted=deleted or bool(tweet.get("deleted_at")),
        deleted_at=deleted_at,
    )


def _retweeted_author(retweeted: dict, entities: dict, raw_text: str) -> str:
    """The original author of a retweet: ``retweeted_status.user`` where the archive still has
    it (before 2019), else the first user mention (the archive's own "RT @name:")."""
    user = (retweeted.get("user") or {}).get("screen_name")
    if not user:
        mentions = entities.get("user_mentions") or ()
        if mentions and isinstance(mentions[0], dict):
            user = mentions[0].get("screen_name")
    if not user:
        match = re.match(r"RT @(\w+)", raw_text)
        user = match.group(1) if match else ""
    return normalize_handle(user or "")


def _twitter_time(value, tz) -> dt.datetime | None:
    """A time as the archive writes it ("Fri Oct 12 09:00:00 +0000 2018", or ISO 8601)."""
    if not isinstance(value, str) or not value.strip():
        return None
    for parse in (
        lambda v: dt.datetime.strptime(v, TWITTER_FORMAT),
        lambda v: dt.datetime.strptime(v, GRAILBIRD_FORMAT),
        lambda v: dt.datetime.fromisoformat(v.replace("Z", "+00:00")),
    ):
        try:
            when = parse(value.strip())
        except ValueError:
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return when.astimezone(tz)
    return None


def _count(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError, OverflowError):
        return None
