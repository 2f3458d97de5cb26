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


def iter_array_objects(
    stream: BinaryIO, label: str, *, offset: int | None = None, line: int = 1
) -> Iterator[tuple[bytes, int, int, int]]:
    """Yield ``(object_bytes, start_offset, end_offset, start_line)`` for each top-level object.

    Without ``offset`` the stream must start with ``[`` (or ``window.YTD.x.part0 = [``).
    With ``offset`` the stream is positioned there and scanning continues inside the array,
    counting lines from ``line``.
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
        start, end = pos, _object_end(buf, pos, label, line)
        data = buf.data[start:end]
        yield data, buf.base + start, buf.base + end, line
        line += data.count(b"\n")
        pos = end


def _object_end(buf: _Buffer, start: int, label: str, line: int) -> int:
    """Index just after the object that starts at ``buf.data[start]``, reading more as needed."""
    depth = 0
    i = start
    while True:
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
