"""Mastodon: an account's public statuses from the public API, or from saved API answers.

- `fetch_mastodon_statuses(instance_url, acct, since_id=…, limit=200)`: looks the account up
  (``GET /api/v1/accounts/lookup?acct=user``) and pages through
  ``/api/v1/accounts/:id/statuses?limit=40``. Without ``since_id`` it walks back from the newest
  status (``max_id``) until ``limit``; with ``since_id`` it walks forward from there (``min_id``),
  so a poll that stops at ``limit`` leaves no gap: the next poll goes on from the newest id it got.
  Returns posts newest first. Errors are `FetchError` (404: permanent; 5xx, time-out: transient).
- `poll_mastodon(instance_url, acct, cursor)`: new posts plus the cursor
  ``{"account_id", "since_id"}``.
- ``format="mastodon"`` in `open_source`: a file holding a JSON array of statuses (one API page)
  or JSON Lines of statuses; or the account archive a user downloads ("Request your archive"),
  whose ``outbox.json`` is an ActivityPub ``OrderedCollection`` of ``Create`` (a status) and
  ``Announce`` (a boost: kind ``share``, ``reshared`` the boosted status's id, ``shared_url`` its
  address) activities, with the handle from ``actor.json``.

A status becomes a post with HTML content turned into plain text (a content warning first), kind
``share`` for a reblog (``reshared`` = the reblogged id, text = the reblogged content), ``comment``
for a reply to someone else, else ``post``; reach from favourites, reblogs and replies counts.
``post_id`` is the status id on its instance; the handle is ``user@instance``.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote, urlencode, urlsplit

from pantau.core.handles import normalize_handle
from pantau.core.safe_urls import UnsafeUrl, check_web_url
from pantau.core.sources import fetch
from pantau.core.sources.base import (
    SHAPE_ERRORS,
    Context,
    describe_keys,
    load_json_salvaging,
    make_post,
    shielded,
)
from pantau.core.sources.containers import FileContainer
from pantau.core.sources.feeds import PollResult
from pantau.core.sources.jsonlines import iter_records
from pantau.core.sources.jsonlines import select as _select_files
from pantau.core.sources.model import FetchError, SourceError, SourceProblem
from pantau.core.sources.textutil import clean_text, get_tz, html_to_text, parse_datetime

PAGE = 40


def _base(instance_url: str) -> str:
    url = instance_url.strip().rstrip("/")
    if "//" not in url:
        url = f"https://{url}"
    return url


def _id_key(value: str):
    return (len(value), value) if value.isdigit() else (0, value)


def status_to_post(status, *, tz: dt.tzinfo, file: str, index: int, line: int | None = None):
    """A post (or a problem) for one status object as the API returns it."""
    if not isinstance(status, dict) or not status.get("id"):
        return SourceProblem(file, line, "post_id", "not a Mastodon status (no id)", index)
    account = status.get("account") or {}
    try:
        url = check_web_url(status.get("url") or status.get("uri") or "")
        account_url = check_web_url(account.get("url") or "")
    except UnsafeUrl as exc:
        return SourceProblem(file, line, "url", str(exc), index)
    host = urlsplit(account_url or url).hostname or ""
    acct = normalize_handle(account.get("acct") or account.get("username") or "")
    if acct and "@" not in acct and host:
        acct = f"{acct}@{host}"
    try:
        created_at = parse_datetime(status.get("created_at"), tz)
    except ValueError as exc:
        return SourceProblem(file, line, "created_at", str(exc), index)
    reblog = status.get("reblog") if isinstance(status.get("reblog"), dict) else None
    body = reblog or status
    text = clean_text(html_to_text(body.get("content") or ""))
    if body.get("spoiler_text"):
        text = f"{clean_text(body['spoiler_text'])}\n\n{text}".strip()
    reply_to = status.get("in_reply_to_id")
    if reblog:
        kind = "share"
    elif reply_to and status.get("in_reply_to_account_id") != account.get("id"):
        kind = "comment"
    else:
        kind = "post"
    quote_obj = status.get("quote") if isinstance(status.get("quote"), dict) else {}
    quoted = (quote_obj.get("quoted_status") or {}).get("id") or status.get("quote_id")
    language = status.get("language") or ""
    return make_post(
        platform="mastodon",
        post_id=status["id"],
        handle=acct,
        url=url,
        created_at=created_at,
        kind=kind,
        text=text,
        raw=status,
        location={"file": file, "index": index} if line is None else {"file": file, "line": line},
        reach={
            "likes": status.get("favourites_count"),
            "shares": status.get("reblogs_count"),
            "comments": status.get("replies_count"),
        },
        language=language if language in ("id", "en") else None,
        in_reply_to=reply_to,
        quoted=quoted,
        reshared=reblog.get("id") if reblog else None,
    )


def lookup_account(instance_url: str, acct: str, *, timeout: float = 10) -> dict:
    user = normalize_handle(acct)
    base = _base(instance_url)
    if user.endswith("@" + (urlsplit(base).hostname or "")):
        user = user.rsplit("@", 1)[0]
    answer = fetch.get(f"{base}/api/v1/accounts/lookup?acct={quote(user)}", timeout=timeout)
    account = answer.json()
    if not isinstance(account, dict) or not account.get("id"):
        raise FetchError(f"{answer.url}: not a Mastodon account", True)
    return account


def fetch_mastodon_statuses(
    instance_url: str,
    acct: str,
    *,
    since_id: str | None = None,
    limit: int = 200,
    timeout: float = 10,
    default_tz: str = "Asia/Makassar",
    account_id: str | None = None,
) -> list:
    """Up to ``limit`` public statuses of ``acct`` newer than ``since_id``, newest first."""
    base = _base(instance_url)
    account_id = account_id or lookup_account(base, acct, timeout=timeout)["id"]
    tz = get_tz(default_tz)
    statuses: dict[str, dict] = {}
    cursor = {"min_id": since_id} if since_id else {}
    while len(statuses) < limit:
        params = {"limit": min(PAGE, limit - len(statuses)), **cursor}
        url = f"{base}/api/v1/accounts/{quote(str(account_id))}/statuses?{urlencode(params)}"
        page = fetch.get(url, timeout=timeout).json()
        if not isinstance(page, list):
            raise FetchError(f"{url}: the answer is not a list of statuses", True)
        ids = [str(s["id"]) for s in page if isinstance(s, dict) and s.get("id")]
        fresh = [i for i in ids if i not in statuses]
        if not fresh:
            break
        for status in page:
            if isinstance(status, dict) and status.get("id"):
                statuses[str(status["id"])] = status
        if since_id:
            cursor = {"min_id": max(ids, key=_id_key)}
        else:
            cursor = {"max_id": min(ids, key=_id_key)}
    ordered = sorted(statuses, key=_id_key, reverse=True)
    return [
        status_to_post(statuses[i], tz=tz, file=f"{base}/@{normalize_handle(acct)}", index=n)
        for n, i in enumerate(ordered)
    ]


def poll_mastodon(
    instance_url: str, acct: str, cursor: dict | None = None, *, limit: int = 200, **options
) -> PollResult:
    """New statuses since the cursor, and the next cursor ``{"account_id", "since_id"}``."""
    cursor = cursor or {}
    account_id = (
        cursor.get("account_id")
        or lookup_account(instance_url, acct, timeout=options.get("timeout", 10))["id"]
    )
    items = fetch_mastodon_statuses(
        instance_url,
        acct,
        since_id=cursor.get("since_id"),
        limit=limit,
        account_id=account_id,
        **options,
    )
    ids = [i.post_id for i in items if getattr(i, "post_id", None)]
    since = max(ids, key=_id_key) if ids else cursor.get("since_id")
    return PollResult(items, {"account_id": str(account_id), "since_id": since})


_OUTBOX = re.compile(r"(?:^|/)outbox\.json$")
_ACTOR = re.compile(r"(?:^|/)actor\.json$")
_STATUS_PATH = re.compile(r"/(?:users/([^/]+)/statuses|@([^/]+))/(\w+)(?:/activity)?/?$")


def select(container) -> list[str]:
    """An account archive ("Request your archive": ``outbox.json`` beside ``actor.json``) is
    read as such; anything else as saved API answers (a JSON array or JSON Lines of statuses)."""
    if not isinstance(container, FileContainer):
        outbox = [m for m in container.members() if _OUTBOX.search(m)]
        if outbox:
            return outbox
    elif container.members()[0].endswith("outbox.json"):
        return container.members()
    return _select_files(container)


def read(ctx: Context):
    if _OUTBOX.search(ctx.members[0]):
        return _read_archive(ctx)

    def build(record, file, line):
        try:
            return status_to_post(record, tz=ctx.tz, file=file, index=0, line=line)
        except RecursionError:
            return SourceProblem(file, line, "", "the record is nested too deeply")
        except SHAPE_ERRORS as exc:  # a status of another shape: a problem, the next is read
            reason = f"the record is not shaped as expected ({exc.__class__.__name__}: {exc})"
            return SourceProblem(file, line, "", reason[:500])

    return iter_records(ctx, build)


def _archive_handle(ctx: Context, outbox: dict) -> str:
    """``user@host`` from ``actor.json`` (``preferredUsername`` and the host of its ``id``)."""
    actor: dict = {}
    for member in ctx.container.members():
        if _ACTOR.search(member):
            data, _problem = load_json_salvaging(ctx, member, salvage=False)
            actor = data if isinstance(data, dict) else {}
            break
    name = actor.get("preferredUsername") or ""
    host = urlsplit(str(actor.get("id") or outbox.get("id") or "")).hostname or ""
    if not name:
        items = outbox.get("orderedItems") or ()
        first = next((i for i in items if isinstance(i, dict)), {})
        match = _STATUS_PATH.search(f"{first.get('actor') or ''}/statuses/0")
        name = (match.group(1) or match.group(2)) if match else ""
        host = host or urlsplit(str(first.get("actor") or "")).hostname or ""
    if not name:
        return ctx.handle
    return normalize_handle(f"{name}@{host}" if host else name)


def _read_archive(ctx: Context):
    """``outbox.json``: an ActivityPub ``OrderedCollection`` whose ``orderedItems`` are
    ``Create`` (a status, ``object`` a ``Note``) and ``Announce`` (a boost, ``object`` the
    boosted status's URL) activities."""
    member = ctx.members[0]
    start = ctx.start(0)
    if start is None or start.extra.get("done"):
        return
    label = ctx.describe(member)
    data, problem = load_json_salvaging(ctx, member, salvage=False)
    if problem is not None:
        raise SourceError(f"{label}: {problem.reason}", file=label)
    items = data.get("orderedItems") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise SourceError(
            f"{label}: not a Mastodon archive outbox (no orderedItems; top-level keys found: "
            f"{describe_keys(data)})",
            file=label,
        )
    try:
        handle = _archive_handle(ctx, data)
    except SHAPE_ERRORS:  # an actor of another shape: as if there were none
        handle = ctx.handle
    for index, activity in enumerate(items):
        if index <= start.index:
            continue
        item = shielded(ctx, member, _activity, ctx, member, index, activity, handle, index=index)
        yield item, ctx.token(0, index)


def _status_id(url: str) -> str:
    match = _STATUS_PATH.search(urlsplit(url).path) if url else None
    return match.group(3) if match else ""


def _author(url: str) -> str:
    parts = urlsplit(url)
    match = _STATUS_PATH.search(parts.path)
    name = (match.group(1) or match.group(2)) if match else ""
    return normalize_handle(f"{name}@{parts.hostname}") if name and parts.hostname else ""


def _activity(ctx: Context, member: str, index: int, activity, handle: str):
    if not isinstance(activity, dict) or activity.get("type") not in ("Create", "Announce"):
        kind = activity.get("type") if isinstance(activity, dict) else type(activity).__name__
        return ctx.problem(member, f"not a Create or Announce activity ({kind})", index=index)
    try:
        created_at = parse_datetime(activity.get("published"), ctx.tz)
    except ValueError as exc:
        return ctx.problem(member, str(exc), field="created_at", index=index)
    obj = activity.get("object")
    location = {"file": ctx.describe(member), "index": index}
    if activity["type"] == "Announce":
        target = obj if isinstance(obj, str) else (obj or {}).get("id") or ""
        post_id = _status_id(str(activity.get("id") or ""))
        if not post_id:
            return ctx.problem(member, "boost without a status id", field="post_id", index=index)
        return make_post(
            platform="mastodon",
            post_id=post_id,
            handle=handle,
            url="",
            created_at=created_at,
            kind="share",
            text="",
            raw=activity,
            location=location,
            reshared=_status_id(target) or target[:200],
            reshared_author=_author(target),
            shared_url=target,
        )
    if not isinstance(obj, dict):
        return ctx.problem(member, "a Create activity without its status", index=index)
    post_id = _status_id(str(obj.get("id") or ""))
    if not post_id:
        return ctx.problem(member, "status without an id", field="post_id", index=index)
    text = clean_text(html_to_text(obj.get("content") or ""))
    if obj.get("summary"):
        text = f"{clean_text(obj['summary'])}\n\n{text}".strip()
    reply_to = obj.get("inReplyTo") or ""
    own = str(activity.get("actor") or "")
    kind = "comment" if reply_to and own and not reply_to.startswith(own + "/") else "post"
    languages = list((obj.get("contentMap") or {}).keys())
    quoted = obj.get("quoteUri") or obj.get("quoteUrl") or obj.get("_misskey_quote") or ""
    return make_post(
        platform="mastodon",
        post_id=post_id,
        handle=handle,
        url=obj.get("url") if isinstance(obj.get("url"), str) else str(obj.get("id") or ""),
        created_at=created_at,
        kind=kind,
        text=text,
        raw=activity,
        location=location,
        language=languages[0] if languages and languages[0] in ("id", "en") else None,
        in_reply_to=(_status_id(reply_to) or reply_to[:200]) if reply_to else None,
        quoted=(_status_id(quoted) or quoted[:200]) if quoted else None,
    )
