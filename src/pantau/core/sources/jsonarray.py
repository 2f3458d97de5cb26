"""Stream the objects of one large top-level JSON array, one at a time, in constant memory.

The X archive's ``data/tweets.js`` is ``window.YTD.tweets.part0 = [ {...}, {...} ]`` (before
2019: ``Grailbird.data.tweets_2014_01 = [ ... ]``): a JavaScript assignment around a JSON array
that can be hundreds of megabytes. `iter_array_objects` scans the
bytes with a bracket-depth, string-aware scanner (regular expressions skip over strings, so the
work is done in C) and yields each top-level object's bytes with its byte offsets and line, for
`json.loads`. Working on bytes is safe for UTF-8: no multi-byte sequence contains ``"{}[]\\``.

A file that ends before its array is closed raises `SourceError` naming the file, line and byte.
Resuming at a byte offset just after an object (``offset=``) continues inside the array.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from pantau.core.sources.model import SourceError

CHUNK = 1 << 20
_PREFIX = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:(?:window\.YTD\.[\w.]+|Grailbird\.data\.\w+)\s*=\s*)?\["
)
_STOP = re.compile(rb'["{}\[\]]')
_STRING_REST = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_SEPARATORS = re.compile(rb"[\s,]*")


class _Buffer:
    """A sliding window over the stream: ``data`` starts at absolute byte ``base``."""

    def __init__(self, stream: BinaryIO, base: int):
        self.stream = stream
        self.data = b""
        self.base = base
        self.eof = False

    def more(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.data += chunk
        return True

    def drop(self, upto: int) -> None:
        self.base += upto
        self.data = self.data[upto:]


@dataclass(frozen=True)
class TooLarge:
    """In place of an object's bytes: the object was longer than ``max_bytes`` and skipped
    (``size`` bytes, ``newlines`` line breaks in it)."""

    size: int
    newlines: int


def iter_array_objects(
    stream: BinaryIO,
    label: str,
    *,
    offset: int | None = None,
    line: int = 1,
    max_bytes: int | None = None,
) -> Iterator[tuple[bytes | TooLarge, int, int, int]]:
    """Yield ``(object_bytes, start_offset, end_offset, start_line)`` for each top-level object.

    Without ``offset`` the stream must start with ``[`` (or ``window.YTD.x.part0 = [``).
    With ``offset`` the stream is positioned there and scanning continues inside the array,
    counting lines from ``line``. An object longer than ``max_bytes`` is scanned to its end in
    bounded chunks, never held whole, and comes as `TooLarge` instead of its bytes.
    """
    buf = _Buffer(stream, 0)
    if offset is None:
        while len(buf.data) < 256 and buf.more():
            pass
        match = _PREFIX.match(buf.data)
        if not match:
            head = buf.data[:40].decode("utf-8", "replace").strip()
            raise SourceError(
                f"{label}: not a JSON array or X archive data file (starts with {head!r})",
                file=label,
                line=1,
            )
        line = 1 + buf.data.count(b"\n", 0, match.end())
        buf.drop(match.end())
    else:
        stream.seek(offset)
        buf.base = offset
    pos = 0
    while True:
        # Between values: skip white space and commas, then expect '{' or ']'.
        while True:
            sep = _SEPARATORS.match(buf.data, pos)
            line += buf.data.count(b"\n", pos, sep.end())
            pos = sep.end()
            if pos < len(buf.data):
                break
            buf.drop(pos)
            pos = 0
            if not buf.more():
                raise SourceError(
                    f"{label}: truncated at line {line}{_column(buf, len(buf.data))}, byte "
                    f"{buf.base + len(buf.data)}: the file ends before the closing ']' of its array",
                    file=label,
                    line=line,
                )
        char = buf.data[pos : pos + 1]
        if char == b"]":
            return
        if char != b"{":
            raise SourceError(
                f"{label}: line {line}, byte {buf.base + pos}: expected an object, found {char!r}",
                file=label,
                line=line,
            )
        if pos > CHUNK:
            buf.drop(pos)
            pos = 0
        start, end = pos, _object_end(buf, pos, label, line, max_bytes)
        if end is None:
            skipped = _skip_object(buf, pos, label, line)
            yield skipped, buf.base - skipped.size, buf.base, line
            line += skipped.newlines
            pos = 0
            continue
        data = buf.data[start:end]
        yield data, buf.base + start, buf.base + end, line
        line += data.count(b"\n")
        pos = end


def _object_end(
    buf: _Buffer, start: int, label: str, line: int, max_bytes: int | None = None
) -> int | None:
    """Index just after the object that starts at ``buf.data[start]``, reading more as needed;
    None as soon as the object is known to be longer than ``max_bytes``."""
    depth = 0
    i = start
    while True:
        if max_bytes is not None and i - start > max_bytes:
            return None
        match = _STOP.search(buf.data, i)
        if match is None:
            i = len(buf.data)
            if not buf.more():
                break
            continue
        char = match.group()
        if char == b'"':
            rest = _STRING_REST.match(buf.data, match.end())
            if rest is None:
                i = match.start()
                if max_bytes is not None and len(buf.data) - start > max_bytes:
                    return None  # the string alone, not yet ended, is over the limit
                if not buf.more():
                    break
                continue
            i = rest.end()
        elif char in b"{[":
            depth += 1
            i = match.end()
        else:
            depth -= 1
            i = match.end()
            if depth == 0:
                if max_bytes is not None and i - start > max_bytes:
                    return None
                return i
    raise SourceError(
        f"{label}: truncated at line {line}{_column(buf, start)}, byte {buf.base + start}: the "
        "file ends inside the record that starts there",
        file=label,
        line=line,
    )


def _column(buf: _Buffer, pos: int) -> str:
    """ ", column N" for a position in the buffer, when its line starts inside the buffer."""
    newline = buf.data.rfind(b"\n", 0, pos)
    if newline < 0 and buf.base > 0:
        return ""
    return f", column {len(buf.data[newline + 1 : pos].decode('utf-8', 'replace')) + 1}"


_IN_STRING_STOP = re.compile(rb'["\\]')


def _skip_object(buf: _Buffer, start: int, label: str, line: int) -> TooLarge:
    """Scan the object at ``buf.data[start]`` to its end, dropping what has been scanned, so
    memory stays at a chunk or two however long it is. Leaves ``buf.data`` starting just after
    it (``buf.base`` is then its end offset)."""
    begin = buf.base + start
    buf.drop(start)
    depth, i, in_string, newlines = 0, 0, False, 0
    while True:
        data = buf.data
        match = (_IN_STRING_STOP if in_string else _STOP).search(data, i)
        if match is None or (match.group() == b"\\" and match.end() >= len(data)):
            keep = match.start() if match is not None else len(data)
            newlines += data.count(b"\n", 0, keep)
            buf.drop(keep)
            i = 0
            if not buf.more():
                raise SourceError(
                    f"{label}: truncated at line {line}, byte {begin}: the file ends inside the "
                    "record that starts there",
                    file=label,
                    line=line,
                )
            continue
        char = match.group()
        i = match.end()
        if in_string:
            if char == b"\\":
                i += 1  # the escaped byte, whatever it is
            else:
                in_string = False
        elif char == b'"':
            in_string = True
        elif char in b"{[":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                newlines += data.count(b"\n", 0, i)
                buf.drop(i)
                return TooLarge(buf.base - begin, newlines)
