"""Bounds on what one input may make Pantau hold in memory, and the last check of each post.

`InputLimits` travels with an opened source (``open_source(..., limits=)``):

- ``max_record_bytes``: a JSON Lines line, a CSV line or one object of a JSON array; a longer
  one is skipped in bounded chunks (never held whole) and reported where it is;
- ``max_text_chars``: a post's text; ``max_id_chars``: its id (the database column's size);
- ``max_json_file_bytes``: a JSON export file that has to be read whole (Facebook,
  Instagram, TikTok);
- ``zip``: the checks of a .zip input; ``xlsx``: the same checks for the zip inside every
  XLSX workbook, made before openpyxl opens it.

`screen_post` turns a post the database could not store, or one over the text limit, into a
`SourceProblem` naming the file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pantau.core.safe_text import text_flaw, value_flaw
from pantau.core.sources.model import SourcePost, SourceProblem
from pantau.core.zip_safety import XLSX_LIMITS, ZipLimits

MiB = 1024 * 1024


@dataclass(frozen=True)
class InputLimits:
    max_record_bytes: int = 1 * MiB
    max_text_chars: int = 100_000
    max_id_chars: int = 200
    max_json_file_bytes: int = 100 * MiB
    zip: ZipLimits = field(default_factory=ZipLimits)
    xlsx: ZipLimits = XLSX_LIMITS


# The largest count each column holds (PostgreSQL integer, bigint for views); none is negative.
COUNT_MAX = {"likes": 2**31 - 1, "shares": 2**31 - 1, "comments": 2**31 - 1, "views": 2**63 - 1}
_TEXT_FIELDS = (
    "text",
    "handle",
    "url",
    "post_id",
    "language",
    "in_reply_to",
    "quoted",
    "reshared",
    "reshared_author",
    "shared_url",
    "shared_title",
    "attachment",
)


def screen_post(item: SourcePost, limits: InputLimits) -> SourceProblem | None:
    """None when the post can be stored as it is; else the problem, located like the post."""
    where = item.location or {}
    file, line, index = where.get("file", ""), where.get("line"), where.get("index")
    if len(item.text) > limits.max_text_chars:
        return SourceProblem(
            file,
            line,
            "text",
            f"the text has {len(item.text):,} characters; at most {limits.max_text_chars:,} "
            "are accepted",
            index,
        )
    if item.post_id is not None and len(item.post_id) > limits.max_id_chars:
        reason = f"the id has {len(item.post_id):,} characters; at most {limits.max_id_chars}"
        return SourceProblem(file, line, "post_id", reason, index)
    for name, value in (item.reach or {}).items():
        top = COUNT_MAX.get(name)
        if top is not None and isinstance(value, int) and not 0 <= value <= top:
            reason = (
                f"the count is negative ({value})" if value < 0 else f"the count is over {top:,}"
            )
            return SourceProblem(file, line, name, reason, index)
    for name in _TEXT_FIELDS:
        value = getattr(item, name)
        reason = text_flaw(value) if isinstance(value, str) else None
        if reason:
            return SourceProblem(file, line, name, f"the value {reason}", index)
    flaw = value_flaw(item.raw)  # the record as received: the path is its own key path
    if flaw:
        return SourceProblem(file, line, flaw[0] or "record", f"the value {flaw[1]}", index)
    return None
