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
import io
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


def describe_keys(data) -> str:
    """The top-level keys of a JSON object, for "nothing known found" messages."""
    if isinstance(data, dict):
        keys = [str(k) for k in data][:12]
        more = f" and {len(data) - 12} more" if len(data) > 12 else ""
        return (", ".join(keys) + more) if keys else "none (an empty object)"
    if isinstance(data, list):
        return f"none (a list of {len(data)} items)"
    return f"none (a {type(data).__name__})"


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
    deleted_at: dt.datetime | None = None,
    reshared_author: str = "",
    shared_url: str = "",
    shared_title: str = "",
    attachment: str = "",
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
        deleted=deleted or deleted_at is not None,
        deleted_at=deleted_at,
        reshared_author=reshared_author or "",
        shared_url=(shared_url or "").strip(),
        shared_title=shared_title or "",
        attachment=attachment or "",
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
    data, problem = load_json_salvaging(ctx, member, salvage=False)
    if problem is not None:
        raise SourceError(f"{problem.file}: {problem.reason}", file=problem.file, line=problem.line)
    return data


_WRAPPED_LIST = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"((?:[^"\\]|\\.)*)"\s*:\s*(?=\[)')


def load_json_salvaging(ctx: Context, member: str, *, salvage: bool = True):
    """``(data, problem)`` for a whole JSON export file; problem is None when it reads.

    A file cut off in the middle (a download or a copy that stopped) is not thrown away: when
    it is a list of records, or an object whose first key holds one (``{"comments_v2": [...]}``),
    the records complete before the break are returned (as a list, or ``{key: list}``) together
    with a problem naming the file, line and column of the break. Otherwise data is None.
    A file larger than ``ctx.limits.max_json_file_bytes`` is refused (`SourceError`); one
    nested too deeply is a problem with no data.
    """
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
        return json.loads(data), None
    except RecursionError:
        return None, SourceProblem(label, None, "", "refused, the JSON is nested too deeply")
    except json.JSONDecodeError as exc:
        truncated = _unbalanced(data)
        where = "truncated" if truncated else "not valid JSON"
        reason = f"{where} at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        records = _salvage(data, label) if salvage and truncated else None
        if records is not None:
            key, items = records
            reason += f"; the {len(items)} complete records before it were read"
            return ({key: items} if key is not None else items), SourceProblem(
                label, exc.lineno, "", reason
            )
        return None, SourceProblem(label, exc.lineno, "", reason)
    except UnicodeDecodeError as exc:
        return None, SourceProblem(label, None, "", f"not UTF-8 JSON ({exc.reason})")


def _salvage(data: bytes, label: str) -> tuple[str | None, list] | None:
    """The complete objects of a cut-off list (top level or under the first key), or None."""
    from pantau.core.sources.jsonarray import iter_array_objects

    key = None
    match = _WRAPPED_LIST.match(data)
    if match:
        key = json.loads(b'"' + match.group(1) + b'"')
        data = data[match.end() :]
    elif not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        return None
    items = []
    try:
        for chunk, *_ in iter_array_objects(io.BytesIO(data), label):
            try:
                items.append(json.loads(chunk))
            except (ValueError, RecursionError):
                break
    except SourceError:
        pass
    return key, items
