"""JSON Lines (one object per line) with a column mapping, streamed in constant memory.

Every non-blank line is one record, mapped to a post by `records.RecordMapper`. A line that is
not valid UTF-8, not JSON, nested too deeply, not an object or longer than the limit (read in
bounded chunks, never whole) is a `SourceProblem` naming the line; a last line cut
short (no final new line and not JSON) is reported as truncated. Parsing goes on after each.
A file whose first character is ``[`` is read as one JSON array of such records instead, with
the streaming scanner of `jsonarray` (its "line" is the line where the object starts).

Position tokens carry the byte offset after the line, so a resume seeks straight there.

The same reader, with another record builder, serves ``format="mastodon"`` for saved API
responses (see `mastodon.read_saved`).
"""

from __future__ import annotations

import json
import re

from pantau.core.sources.base import Context
from pantau.core.sources.containers import Container, FileContainer
from pantau.core.sources.jsonarray import TooLarge, iter_array_objects
from pantau.core.sources.lines import TooLong, bounded_lines
from pantau.core.sources.model import SourceError, SourceProblem
from pantau.core.sources.records import RecordMapper

_JSONL = re.compile(r"\.(jsonl|ndjson|json)$", re.IGNORECASE)


def select(container: Container) -> list[str]:
    members = container.members()
    if isinstance(container, FileContainer):
        return members
    found = [m for m in members if _JSONL.search(m)]
    if not found:
        raise SourceError(f"{container.label}: no .jsonl file in it", file=container.label)
    return found


def read(ctx: Context):
    mapper = RecordMapper(ctx)
    return iter_records(
        ctx, lambda record, file, line: mapper.build(mapper.from_json(record), record, file, line)
    )


def iter_records(ctx: Context, build):
    """(item, token) for every record of every member; ``build(record, file, line)`` → item."""
    for file_no, member in enumerate(ctx.members):
        start = ctx.start(file_no)
        if start is None:
            continue
        label = ctx.describe(member)
        with ctx.container.open(member) as stream:
            head = stream.read(64)
            if head.startswith(b"\xef\xbb\xbf"):
                head = head[3:]
            stream.seek(0)
            if head.lstrip()[:1] == b"[" or start.extra.get("array"):
                yield from _array(ctx, build, file_no, label, stream, start)
            else:
                yield from _lines(ctx, build, file_no, label, stream, start)


def _lines(ctx: Context, build, file_no: int, label: str, stream, start):
    offset, line, index = 0, 0, -1
    if not start.fresh:
        stream.seek(start.offset)
        offset, line, index = start.offset, start.line, start.index
    limit = ctx.limits.max_record_bytes
    for raw in bounded_lines(stream, limit):
        line += 1
        if isinstance(raw, TooLong):
            offset += raw.size
            index += 1
            token = ctx.token(file_no, index, offset=offset, line=line)
            reason = f"the line has {raw.size:,} bytes; at most {limit:,} are read"
            yield SourceProblem(label, line, "", reason), token
            continue
        offset += len(raw)
        if line == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        index += 1
        token = ctx.token(file_no, index, offset=offset, line=line)
        try:
            record = json.loads(raw)
        except UnicodeDecodeError as exc:
            yield SourceProblem(label, line, "", f"not valid UTF-8 ({exc.reason})"), token
            continue
        except RecursionError:
            yield SourceProblem(label, line, "", "the JSON is nested too deeply"), token
            continue
        except ValueError as exc:
            if not raw.endswith(b"\n"):  # only the last line of a file can lack it
                reason = f"truncated line at the end of the file ({exc.msg})"
            else:
                reason = f"not valid JSON: {exc.msg} at column {exc.colno}"
            yield SourceProblem(label, line, "", reason), token
            continue
        if not isinstance(record, dict):
            yield SourceProblem(label, line, "", "not a JSON object"), token
            continue
        yield build(record, label, line), token


def _array(ctx: Context, build, file_no: int, label: str, stream, start):
    index = start.index
    offset = None if start.fresh else start.offset
    limit = ctx.limits.max_record_bytes
    objects = iter_array_objects(
        stream, label, offset=offset, line=start.line or 1, max_bytes=limit
    )
    for data, _begin, end, line in objects:
        index += 1
        if isinstance(data, TooLarge):
            token = ctx.token(file_no, index, offset=end, line=line + data.newlines, array=True)
            reason = f"the record has {data.size:,} bytes; at most {limit:,} are read"
            yield SourceProblem(label, line, "", reason, index), token
            continue
        token = ctx.token(file_no, index, offset=end, line=line + data.count(b"\n"), array=True)
        try:
            record = json.loads(data)
        except RecursionError:
            yield SourceProblem(label, line, "", "the JSON is nested too deeply", index), token
            continue
        except ValueError as exc:
            yield SourceProblem(label, line, "", f"not valid JSON: {exc}", index), token
            continue
        if not isinstance(record, dict):
            yield SourceProblem(label, line, "", "not a JSON object", index), token
            continue
        yield build(record, label, line), token
