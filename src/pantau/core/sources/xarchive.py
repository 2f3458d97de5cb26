"""X/Twitter account archive: ``data/tweets.js`` (and ``tweets-part1.js`` …, older ``tweet.js``)
plus ``data/deleted-tweets.js``, streamed one tweet at a time.

Each file is ``window.YTD.tweets.part0 = [{"tweet": {...}}, ...]``. For every tweet:

- text: ``full_text`` with HTML entities undone and t.co links mapped back to their
  ``expanded_url`` (from ``entities.urls`` and ``entities.media``);
- kind: ``share`` for a retweet ("RT @user: …"), ``comment`` for a reply to someone else (a reply
  to oneself, a thread, stays ``post``), else ``post``;
- ``quoted``: the id of a quoted tweet, taken from a status link in ``entities.urls``;
- ``in_reply_to``: ``in_reply_to_status_id_str``; ``deleted=True`` for the deleted-tweets files;
- reach: likes (``favorite_count``) and shares (``retweet_count``), which the archive writes as
  strings; language from the tweet's ``lang`` ("in" is Indonesian) or guessed.

The handle is the ``username`` in ``data/account.js`` when present, else the ``handle`` option.
A file that ends inside its array raises `SourceError` naming the file, line and byte; a record
that is not valid JSON or has no id is a `SourceProblem` and reading goes on.
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
from pantau.core.sources.textutil import TWITTER_FORMAT, clean_text

_TWEETS = re.compile(r"(?:^|/)tweets?(?:-part\d+)?\.js$")
_DELETED = re.compile(r"(?:^|/)deleted-tweets?(?:-part\d+)?\.js$")
_ACCOUNT = re.compile(r"(?:^|/)account\.js$")
_STATUS = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w+)/status(?:es)?/(\d+)")
_PART = re.compile(r"-part(\d+)\.js$")
_LANGS = {"in": "id", "id": "id", "en": "en"}


def select(container: Container) -> list[str]:
    members = container.members()
    if isinstance(container, FileContainer):
        return members
    tweets = sorted((m for m in members if _TWEETS.search(m)), key=_part)
    deleted = sorted((m for m in members if _DELETED.search(m)), key=_part)
    if not tweets and not deleted:
        raise SourceError(
            f"{container.label}: no data/tweets.js found: not an X/Twitter account archive",
            file=container.label,
        )
    return tweets + deleted


def _part(member: str) -> tuple[str, int]:
    """tweets.js is part 0, tweets-part1.js part 1, …"""
    match = _PART.search(member)
    return member.rsplit("/", 1)[0], int(match.group(1)) if match else 0


def _account_handle(container: Container) -> str:
    if isinstance(container, FileContainer):
        return ""
    for member in container.members():
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


def read(ctx: Context):
    handle = _account_handle(ctx.container) or ctx.handle
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None:
            continue
        deleted = bool(_DELETED.search(member))
        label = ctx.describe(member)
        index = start.index
        with ctx.container.open(member) as stream:
            offset = start.offset if not start.fresh else None
            limit = ctx.limits.max_record_bytes
            objects = iter_array_objects(
                stream, label, offset=offset, line=start.line or 1, max_bytes=limit
            )
            for data, _begin, end, line in objects:
                index += 1
                if isinstance(data, TooLarge):
                    token = ctx.token(file_no, index, offset=end, line=line + data.newlines)
                    reason = f"the record has {data.size:,} bytes; at most {limit:,} are read"
                    yield ctx.problem(member, reason, line=line, index=index), token
                    continue
                token = ctx.token(file_no, index, offset=end, line=line + data.count(b"\n"))
                try:
                    record = json.loads(data)
                except RecursionError:
                    reason = "the JSON is nested too deeply"
                    yield ctx.problem(member, reason, line=line, index=index), token
                    continue
                except ValueError as exc:
                    problem = ctx.problem(member, f"not valid JSON: {exc}", line=line, index=index)
                    yield problem, token
                    continue
                args = (ctx, record, handle, deleted, member, line, index)
                yield shielded(ctx, member, _tweet, *args, line=line, index=index), token


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
        try:
            created_at = dt.datetime.strptime(tweet["created_at"], TWITTER_FORMAT).astimezone(
                ctx.tz
            )
        except (TypeError, ValueError):
            return ctx.problem(
                member,
                f"unparseable created_at {tweet['created_at']!r}",
                line=line,
                field="created_at",
                index=index,
            )
    reply_to = tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id")
    reply_user = normalize_handle(tweet.get("in_reply_to_screen_name") or "")
    quoted = tweet.get("quoted_status_id_str")
    for entity in entities.get("urls") or ():
        match = _STATUS.match(entity.get("expanded_url") or "")
        if match and match.group(2) != tweet_id and not quoted:
            quoted = match.group(2)
    if raw_text.startswith("RT @"):
        kind = "share"
        quoted = None
    elif reply_to and reply_user != handle:
        kind = "comment"
    else:
        kind = "post"
    reshared = (tweet.get("retweeted_status") or {}).get("id_str")
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
        deleted=deleted or bool(tweet.get("deleted_at")),
    )


def _count(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError, OverflowError):
        return None
