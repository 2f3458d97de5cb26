"""Reading a byte stream line by line without ever holding more than a bounded line in memory.

``for raw in stream`` reads a whole line however long it is: a 300 MB line costs gigabytes.
`bounded_lines` yields each line of at most ``max_bytes`` as it is; a longer one is read on in
fixed chunks and thrown away, and yields `TooLong` (its length and whether it ended with a new
line) so the caller can report it at its line number and go on with the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

CHUNK = 1 << 20


@dataclass(frozen=True)
class TooLong:
    """A line longer than the limit, skipped: ``size`` bytes (with its new line, if any)."""

    size: int
    newline: bool


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | TooLong]:
    """Each line of ``stream`` (with its b"\\n"), or `TooLong` for one over ``max_bytes``."""
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        if len(raw) <= max_bytes or raw.endswith(b"\n"):
            yield raw
            continue
        size = len(raw)
        while True:
            rest = stream.readline(CHUNK)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield TooLong(size, rest.endswith(b"\n"))
