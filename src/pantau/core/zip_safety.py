"""Checking a zip archive before anything in it is read: names, encryption and zip bombs.

Used for .zip inputs (`pantau.core.sources.containers`) and for XLSX workbooks, which are zips
themselves, before openpyxl opens them. `check_zip` refuses, with a `ZipRefused` naming the
member, an archive with too many members, a member name that is absolute or climbs out (``../``),
an encrypted member, a total uncompressed size over the limit, or any member that expands more
than the allowed ratio, whatever its size: many small members of a high ratio are as much a bomb
as one big one. (A member is allowed ``ratio_slack`` bytes beyond its ratio: for a few bytes,
deflate's fixed overhead makes the ratio meaningless.) `zipfile` stops reading a member at its declared
size, so checking the declared sizes is enough.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class ZipLimits:
    max_total: int = 4 * 1024**3  # bytes uncompressed, all members together
    max_ratio: float = 200.0  # uncompressed / compressed, every member
    max_members: int = 100_000
    ratio_slack: int = 4096  # bytes a member may expand beyond max_ratio × compressed size


# An XLSX workbook is a zip of a few XML parts: fewer members and a smaller total than an export.
XLSX_LIMITS = ZipLimits(max_total=256 * 1024**2, max_ratio=200.0, max_members=10_000)


class ZipRefused(ValueError):
    """The archive is refused; ``member`` names the member at fault ("" for the whole)."""

    def __init__(self, message: str, member: str = ""):
        super().__init__(message)
        self.member = member


def unsafe_name(name: str) -> str | None:
    norm = name.replace("\\", "/")
    if "\x00" in norm:
        return "a NUL character in the name"
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return "an absolute path"
    if ".." in norm.split("/"):
        return "a path that climbs out of the archive (../)"
    return None


def check_zip(archive: zipfile.ZipFile, limits: ZipLimits) -> list[zipfile.ZipInfo]:
    """The archive's members, once every check has passed; else `ZipRefused`."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise ZipRefused(
            f"refused, {len(infos)} members is more than the limit of {limits.max_members} "
            "(zip bomb?)"
        )
    total = 0
    for info in infos:
        name = info.filename
        problem = unsafe_name(name)
        if problem:
            raise ZipRefused(f"refused, {problem}", name)
        if info.flag_bits & 0x1:
            raise ZipRefused("refused, the member is encrypted", name)
        total += info.file_size
        if total > limits.max_total:
            raise ZipRefused(
                f"refused, the archive expands to more than {limits.max_total} bytes (zip bomb?)",
                name,
            )
        if info.file_size > limits.max_ratio * info.compress_size + limits.ratio_slack:
            ratio = info.file_size / max(info.compress_size, 1)
            raise ZipRefused(
                f"refused, compression ratio {ratio:.0f}:1 is above {limits.max_ratio:.0f}:1 "
                "(zip bomb?)",
                name,
            )
    return infos
