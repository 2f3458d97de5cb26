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
  or JSON Lines of statuses.

A status becomes a post with HTML content turned into plain text (a content warning first), kind
``share`` for a reblog (``reshared`` = the reblogged id, text = the reblogged content), ``comment``
for a reply to someone else, else ``post``; reach from favourites, reblogs and replies counts.
``post_id`` is the status id on its instance; the handle is ``user@instance``.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode, urlsplit

from pantau.core.handles import normalize_handle
from pantau.core.safe_urls import UnsafeUrl, check_web_url
from pantau.core.sources import fetch
from pantau.core.sources.base import Context, make_post
from pantau.core.sources.feeds import PollResult
from pantau.core.sources.jsonlines import iter_records
from pantau.core.sources.jsonlines import select as _select_files
from pantau.core.sources.model import FetchError, SourceProblem
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


def select(container) -> list[str]:
    return _select_files(container)


def read(ctx: Context):
    def build(record, file, line):
        return status_to_post(record, tz=ctx.tz, file=file, index=0, line=line)

    return iter_records(ctx, build)
