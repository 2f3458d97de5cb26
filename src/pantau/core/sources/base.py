"""The frame every parser works in: the `Context` (options, resume point) and position tokens.

A parser is a pair of functions in its module:

- ``select(container) -> list[str]``: the members it will read, in order (raise `SourceError`
  when there is none, so that a wrong format fails at `open_source`);
- ``read(ctx) -> Iterator[(item, position)]``: posts and problems, each with the resume token
  that points just after it.

A token is a small JSON-serialisable dict: ``{"format", "file_no", "file", "index"}`` plus, for
the streaming formats, ``"offset"`` (byte offset to seek to) and ``"line"``. On resume,
`Context.start` tells a parser for each file whether to skip it, where to seek, and which items
it has already given.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from pantau.core.handles import normalize_handle
from pantau.core.sources.containers import Container
from pantau.core.sources.limits import InputLimits
from pantau.core.sources.model import SourceError, SourcePost, SourceProblem
from pantau.core.sources.textutil import guess_language


@dataclass(frozen=True)
class Start:
    """Where to begin in one file: skip items with index <= ``index``; seek to ``offset``."""

    index: int = -1
    offset: int | None = None
    line: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def fresh(self) -> bool:
        return self.index < 0


FRESH = Start()


@dataclass
class Context:
    format: str
    container: Container
    members: list[str]
    tz: dt.tzinfo
    handle: str = ""
    mapping: dict | None = None
    resume: dict | None = None
    limits: InputLimits = field(default_factory=InputLimits)

    def __post_init__(self):
        self.handle = normalize_handle(self.handle or "")
        if self.resume is not None:
            self._check_resume(self.resume)

    def _check_resume(self, token: dict) -> None:
        if not isinstance(token, dict) or token.get("format") != self.format:
            raise SourceError(
                f"{self.container.label}: the resume token is not one of a {self.format} import"
            )
        file_no = token.get("file_no")
        if not isinstance(file_no, int) or not 0 <= file_no < len(self.members):
            raise SourceError(f"{self.container.label}: the resume token names no file here")
        if self.members[file_no] != token.get("file"):
            raise SourceError(
                f"{self.container.label}: the resume token is for {token.get('file')!r}, "
                f"which is not file {file_no} of this input"
            )

    def start(self, file_no: int) -> Start | None:
        """None: the file was finished before the resume point; else where to start in it."""
        token = self.resume
        if token is None or file_no > token["file_no"]:
            return FRESH
        if file_no < token["file_no"]:
            return None
        extra = {k: v for k, v in token.items() if k not in _TOKEN_KEYS}
        return Start(int(token.get("index", -1)), token.get("offset"), token.get("line"), extra)

    def token(self, file_no: int, index: int, **extra) -> dict:
        token = {"format": self.format, "file_no": file_no, "file": self.members[file_no]}
        token["index"] = index
        token.update(extra)
        return token

    def describe(self, member: str) -> str:
        return self.container.describe(member)

    def problem(
        self, member: str, reason: str, *, line=None, field: str = "", index=None
    ) -> SourceProblem:
        return SourceProblem(self.describe(member), line, field, reason, index)


_TOKEN_KEYS = {"format", "file_no", "file", "index", "offset", "line"}

# What a record of an unexpected shape raises in a parser (a number where a list was expected,
# a time stamp out of range): that record becomes a problem, the next ones are read.
SHAPE_ERRORS = (TypeError, AttributeError, KeyError, IndexError, ValueError, OverflowError, OSError)


def shielded(ctx: Context, member: str, build, *args, line=None, index=None):
    """``build(*args)``, or a `SourceProblem` at ``member``/``line``/``index`` when the record
    is not shaped as the parser expects (one poison record must not stop the file)."""
    try:
        return build(*args)
    except RecursionError:
        return ctx.problem(member, "the record is nested too deeply", line=line, index=index)
    except SHAPE_ERRORS as exc:
        reason = f"the record is not shaped as expected ({exc.__class__.__name__}: {exc})"
        return ctx.problem(member, reason[:500], line=line, index=index)


def skip_done(items, start: Start):
    """Drop ``(index, ...)`` tuples a resume has already given (index <= start.index)."""
    for entry in items:
        if entry[0] > start.index:
            yield entry


def make_post(
    *,
    platform: str,
    post_id,
    handle: str,
    url: str = "",
    created_at: dt.datetime | None,
    kind: str = "post",
    text: str,
    raw: dict,
    location: dict,
    reach: dict | None = None,
    language: str | None = None,
    in_reply_to=None,
    quoted=None,
    reshared=None,
    deleted: bool = False,
) -> SourcePost:
    """A `SourcePost` with the usual clean-ups: ids as str, empty reach numbers dropped,
    the language guessed from the text unless the source said "id" or "en"."""
    if language not in ("id", "en"):
        language = guess_language(text)
    return SourcePost(
        platform=platform,
        post_id=str(post_id) if post_id not in (None, "") else None,
        handle=handle,
        url=url or "",
        created_at=created_at,
        kind=kind,
        text=text,
        language=language,
        reach={k: v for k, v in (reach or {}).items() if v is not None},
        raw=raw,
        location=location,
        in_reply_to=str(in_reply_to) if in_reply_to not in (None, "") else None,
        quoted=str(quoted) if quoted not in (None, "") else None,
        reshared=str(reshared) if reshared not in (None, "") else None,
        deleted=deleted,
    )


_STRINGS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)


def _unbalanced(data: bytes) -> bool:
    """True when the document ends inside a string or with brackets left open (cut short)."""
    bare = _STRINGS.sub(b"", data)
    if b'"' in bare:
        return True
    return bare.count(b"{") + bare.count(b"[") > bare.count(b"}") + bare.count(b"]")


def load_json(ctx: Context, member: str):
    """A whole (small) JSON export file; `SourceError` naming file, line and column if broken,
    or when it is larger than ``ctx.limits.max_json_file_bytes`` or nested too deeply."""
    label = ctx.describe(member)
    limit = ctx.limits.max_json_file_bytes
    size = ctx.container.size(member)
    if size > limit:
        raise SourceError(
            f"{label}: refused, {size:,} bytes is more than the {limit:,} bytes a JSON file "
            "read whole may have (PANTAU_IMPORT_MAX_JSON_FILE_MB)",
            file=label,
        )
    with ctx.container.open(member) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise SourceError(f"{label}: refused, more than {limit:,} bytes", file=label)
    try:
        return json.loads(data)
    except RecursionError:
        raise SourceError(f"{label}: refused, the JSON is nested too deeply", file=label) from None
    except json.JSONDecodeError as exc:
        where = "truncated" if _unbalanced(data) else "not valid JSON"
        raise SourceError(
            f"{label}: {where} at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            file=label,
            line=exc.lineno,
        ) from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"{label}: not UTF-8 JSON ({exc.reason})", file=label) from None
