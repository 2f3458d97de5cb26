"""What every source parser yields: `SourcePost`, `SourceProblem`, and the errors `SourceError`, `FetchError`.

A parser yields posts and problems in file order. A `SourceProblem` stands for one bad record
(a row with no text, an unparseable date, a line that is not JSON); the parser goes on after it.
A `SourceError` means the file as a whole cannot be read (wrong format, truncated archive, unsafe
zip); its message is one line naming the file, and the line or byte where that applies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

KINDS = ("post", "comment", "share", "reaction")


class SourceError(ValueError):
    """A file that cannot be read at all. ``str(error)`` is one line naming the file (and line)."""

    def __init__(self, message: str, *, file: str = "", line: int | None = None):
        super().__init__(message)
        self.file = file
        self.line = line


class FetchError(Exception):
    """A feed or API fetch failed. ``permanent`` is False for errors worth retrying later
    (network, time-out, HTTP 5xx or 429) and True for those that will not heal by waiting
    (HTTP 4xx such as 404, a body that is not a feed or not the expected JSON)."""

    def __init__(self, message: str, permanent: bool, *, status: int | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.status = status

    @property
    def transient(self) -> bool:
        return not self.permanent


@dataclass(frozen=True, slots=True)
class SourcePost:
    """One post, comment, share or reaction as a source gave it.

    ``post_id`` is None when the source has no ids (Facebook, Instagram exports, feeds without a
    guid): deduplicate on `content_hash` then. ``deleted`` marks a post its author deleted (the X
    archive's deleted-tweets files), ``deleted_at`` when, if the export says; ``in_reply_to``,
    ``quoted`` and ``reshared`` are the other posts' ids, ``reshared_author`` the handle of a
    reshared post's author; ``shared_url`` and ``shared_title`` a link the post shares and its
    title (Facebook attachments); ``attachment`` the export's media file of an id-less post (part
    of `content_hash` only). ``created_at`` is time-zone aware (in the source's
    default zone) or None when the record has no time stamp. ``raw`` is the record as received.
    """

    platform: str
    post_id: str | None
    handle: str
    url: str
    created_at: dt.datetime | None
    kind: str
    text: str
    language: str
    reach: dict = field(default_factory=dict, hash=False)
    raw: dict = field(default_factory=dict, hash=False)
    location: dict = field(default_factory=dict, hash=False)
    in_reply_to: str | None = None
    quoted: str | None = None
    reshared: str | None = None
    deleted: bool = False
    deleted_at: dt.datetime | None = None
    reshared_author: str = ""
    shared_url: str = ""
    shared_title: str = ""
    attachment: str = ""

    @property
    def content_hash(self) -> str:
        """sha256 (hex) of platform, handle, created time (UTC, ISO 8601) and text, plus the
        shared link, its title and the attached media file when there are (so that several
        shares or photos posted in the same second with no text of their own stay distinct)."""
        when = ""
        if self.created_at is not None:
            when = self.created_at.astimezone(dt.UTC).isoformat()
        parts = [self.platform, self.handle, when, self.text]
        if self.shared_url or self.shared_title or self.attachment:
            parts += [self.shared_url, self.shared_title]
        if self.attachment:
            parts.append(self.attachment)
        data = "\x1f".join(parts)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def as_dict(self) -> dict:
        """A JSON-serialisable dict of every field (created_at in ISO 8601) plus content_hash."""
        return {
            "platform": self.platform,
            "post_id": self.post_id,
            "handle": self.handle,
            "url": self.url,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "kind": self.kind,
            "text": self.text,
            "language": self.language,
            "reach": dict(self.reach),
            "raw": self.raw,
            "location": dict(self.location),
            "in_reply_to": self.in_reply_to,
            "quoted": self.quoted,
            "reshared": self.reshared,
            "deleted": self.deleted,
            "deleted_at": self.deleted_at.isoformat() if self.deleted_at else None,
            "reshared_author": self.reshared_author,
            "shared_url": self.shared_url,
            "shared_title": self.shared_title,
            "attachment": self.attachment,
            "content_hash": self.content_hash,
        }


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """One bad record: where it is (file, line or row, or index in a JSON list), which field, why.

    ``line`` is a 1-based line (text files) or row (XLSX) number, ``index`` a 0-based position in
    a JSON list; either may be None. ``field`` is a `SourcePost` field name or a column name, or
    "" when the whole record is unreadable.
    """

    file: str
    line: int | None
    field: str
    reason: str
    index: int | None = None

    def as_dict(self) -> dict:
        """The shape of an import run's error entry: {"file", "line", "field", "reason"}."""
        line = self.line if self.line is not None else self.index
        return {"file": self.file, "line": line, "field": self.field, "reason": self.reason}

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        elif self.index is not None:
            where += f", item {self.index}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.reason}"
