"""Source parsers: posts in from platform exports, tables, feeds and the Mastodon API (no Django).

One interface for every format::

    from pantau.core.sources import open_source, SourcePost, SourceProblem, SourceError, FORMATS

    src = open_source(path, format="x-archive", mapping=None, handle=None,
                      default_tz="Asia/Makassar", resume=None)
    for item in src:                     # streaming generator
        if isinstance(item, SourceProblem): ...   # one bad record; parsing goes on
        else: ...                                  # a SourcePost
        token = src.position             # JSON-serialisable; open_source(..., resume=token)
                                         # continues right after this item

``path`` is a file, an unpacked export directory or a .zip of one (read in place, checked for
path traversal and zip bombs). `open_source` raises `SourceError` at once for an unknown format,
a missing path, an unsafe or broken zip, or an input with none of the format's files; a file that
turns out unreadable while iterating (truncated X archive, broken JSON export) raises it then.

Formats and modules: ``x-archive`` (`xarchive`), ``facebook``, ``instagram``, ``tiktok``, ``csv``
and ``xlsx`` (`tables`), ``jsonl`` (`jsonlines`), ``rss`` (`feeds`: RSS/Atom files) and
``mastodon`` (saved API answers). Live fetching: `fetch_feed`, `poll_feed`,
`fetch_mastodon_statuses`, `poll_mastodon`, which raise `FetchError`.
"""

from __future__ import annotations

from collections.abc import Iterator

from pantau.core.sources import (
    facebook,
    feeds,
    instagram,
    jsonlines,
    mastodon,
    tables,
    tiktok,
    xarchive,
)
from pantau.core.sources.base import Context
from pantau.core.sources.containers import ZipLimits, open_container
from pantau.core.sources.feeds import FeedResult, PollResult, fetch_feed, parse_feed, poll_feed
from pantau.core.sources.limits import InputLimits
from pantau.core.sources.mastodon import fetch_mastodon_statuses, poll_mastodon, status_to_post
from pantau.core.sources.model import FetchError, SourceError, SourcePost, SourceProblem
from pantau.core.sources.records import DEFAULT_COLUMNS, check_mapping
from pantau.core.sources.textutil import get_tz, guess_language

FORMATS = (
    "x-archive",
    "facebook",
    "instagram",
    "tiktok",
    "csv",
    "xlsx",
    "jsonl",
    "rss",
    "mastodon",
)

_PARSERS = {
    "x-archive": (xarchive.select, xarchive.read),
    "facebook": (facebook.select, facebook.read),
    "instagram": (instagram.select, instagram.read),
    "tiktok": (tiktok.select, tiktok.read),
    "csv": (tables.select_csv, tables.read_csv),
    "xlsx": (tables.select_xlsx, tables.read_xlsx),
    "jsonl": (jsonlines.select, jsonlines.read),
    "rss": (feeds.select, feeds.read),
    "mastodon": (mastodon.select, mastodon.read),
}

__all__ = [
    "DEFAULT_COLUMNS",
    "FORMATS",
    "FeedResult",
    "FetchError",
    "InputLimits",
    "PollResult",
    "Source",
    "SourceError",
    "SourcePost",
    "SourceProblem",
    "ZipLimits",
    "fetch_feed",
    "fetch_mastodon_statuses",
    "guess_language",
    "open_source",
    "parse_feed",
    "poll_feed",
    "poll_mastodon",
    "status_to_post",
]


class Source:
    """An opened input: iterate it once for posts and problems; read `position` after each.

    Also a context manager (closes a zip). ``files`` lists the members that will be read,
    ``total_bytes`` their size; `progress` estimates how far the iteration has come.
    """

    def __init__(self, ctx: Context, reader):
        self._ctx = ctx
        self._reader = reader
        self.format = ctx.format
        self.label = ctx.container.label
        self.files = [ctx.describe(m) for m in ctx.members]
        self._sizes = [ctx.container.size(m) for m in ctx.members]
        self.total_bytes = sum(self._sizes)
        self.position: dict | None = dict(ctx.resume) if ctx.resume else None
        self._used = False

    def __iter__(self) -> Iterator[SourcePost | SourceProblem]:
        if self._used:
            raise RuntimeError("a Source can be iterated once; open it again (with resume=)")
        self._used = True
        try:
            for item, position in self._reader(self._ctx):
                self.position = position
                yield item
        finally:
            self.close()

    def progress(self) -> float:
        """A fraction 0..1 for a progress bar: whole files done plus the byte offset in the
        current one (streaming formats; the others advance a file at a time)."""
        if not self.position or not self.total_bytes:
            return 0.0
        file_no = self.position["file_no"]
        done = sum(self._sizes[:file_no]) + (self.position.get("offset") or 0)
        return min(1.0, done / self.total_bytes)

    def close(self) -> None:
        self._ctx.container.close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_source(
    path,
    format: str = "x-archive",
    mapping: dict | None = None,
    handle: str | None = None,
    default_tz: str = "Asia/Makassar",
    *,
    resume: dict | None = None,
    zip_limits: ZipLimits | None = None,
    limits: InputLimits | None = None,
) -> Source:
    """Open ``path`` (file, directory or .zip) as ``format``; see the module docstring.

    ``mapping`` (csv, xlsx, jsonl): `SourcePost` field → column; ``handle``: the account's handle
    when the input does not name it; ``default_tz``: the zone of naive times and of the returned
    datetimes; ``resume``: a `Source.position` token from an earlier run over the same input;
    ``limits``: the memory bounds (`InputLimits`; ``zip_limits`` overrides its ``zip``).
    """
    limits = limits or InputLimits()
    zip_limits = zip_limits or limits.zip
    if format not in _PARSERS:
        raise SourceError(f"{path}: unknown format {format!r}; known: {', '.join(FORMATS)}")
    try:
        tz = get_tz(default_tz)
    except ValueError as exc:
        raise SourceError(f"{path}: {exc}") from None
    if mapping is not None:
        if format not in ("csv", "xlsx", "jsonl"):
            raise SourceError(f"{path}: a column mapping applies to csv, xlsx and jsonl only")
        try:
            check_mapping(mapping)
        except SourceError as exc:
            raise SourceError(f"{path}: {exc}") from None
    select, reader = _PARSERS[format]
    container = open_container(path, sniff_zip=format != "xlsx", limits=zip_limits)
    try:
        members = select(container)
        if not members:
            raise SourceError(f"{container.label}: nothing to read", file=container.label)
        ctx = Context(format, container, members, tz, handle or "", mapping, resume, limits)
    except BaseException:
        container.close()
        raise
    return Source(ctx, reader)
