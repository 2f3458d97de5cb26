"""Where an export's files come from: one file, an unpacked directory, or a .zip read in place.

A container lists its members (relative POSIX paths, sorted naturally so that ``tweets-part2.js``
comes before ``tweets-part10.js``) and opens each as a binary, seekable stream. Nothing is ever
extracted to disk. A zip is checked before anything is read and refused with a `SourceError`
naming the member for path traversal (``../``, absolute or drive paths), encryption, too many
members, a total uncompressed size over the limit, or a member of any size that expands more
than the allowed ratio (a zip bomb); see `pantau.core.zip_safety`.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import BinaryIO

from pantau.core.sources.model import SourceError
from pantau.core.zip_safety import ZipLimits, ZipRefused, check_zip

__all__ = [
    "Container",
    "DirContainer",
    "FileContainer",
    "ZipContainer",
    "ZipLimits",
    "open_container",
]


def _natural_key(name: str):
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def _junk(name: str) -> bool:
    """macOS resource forks and folders, which are not part of any export."""
    base = name.rsplit("/", 1)[-1]
    return name.startswith("__MACOSX/") or base.startswith("._") or base == ".DS_Store"


class Container:
    """A set of named files. ``label`` names the whole input in messages."""

    label: str = ""

    def members(self) -> list[str]:
        raise NotImplementedError

    def open(self, member: str) -> BinaryIO:
        raise NotImplementedError

    def size(self, member: str) -> int:
        """The member's (uncompressed) size in bytes."""
        path = self.path_of(member)
        return path.stat().st_size if path is not None else 0

    def path_of(self, member: str) -> Path | None:
        """A real file path for the member, when there is one (no copy needed)."""
        return None

    def describe(self, member: str) -> str:
        """How a member is named in problems and messages: the input's own name and the path
        inside it, never the directory it was stored in on this server."""
        return member

    def close(self) -> None:
        pass

    def open_seekable_file(self, member: str):
        """A seekable file object safe for random access (a temporary copy for zip members)."""
        path = self.path_of(member)
        if path is not None:
            return path.open("rb")
        spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024**2)
        with self.open(member) as stream:
            shutil.copyfileobj(stream, spool, 1024**2)
        spool.seek(0)
        return spool


class FileContainer(Container):
    def __init__(self, path: Path):
        self.path = path
        self.label = str(path)

    def members(self) -> list[str]:
        return [self.path.name]

    def open(self, member: str) -> BinaryIO:
        return self.path.open("rb")

    def path_of(self, member: str) -> Path:
        return self.path

    def describe(self, member: str) -> str:
        return self.path.name


class DirContainer(Container):
    def __init__(self, path: Path):
        self.root = path
        self.label = str(path)
        self._resolved = path.resolve()

    def members(self) -> list[str]:
        found = []
        for folder, dirs, files in os.walk(self.root):
            dirs[:] = [d for d in dirs if d != "__MACOSX"]
            for name in files:
                full = Path(folder, name)
                rel = full.relative_to(self.root).as_posix()
                if _junk(rel) or not full.resolve().is_relative_to(self._resolved):
                    continue  # a symlink out of the export is not read
                found.append(rel)
        return sorted(found, key=_natural_key)

    def open(self, member: str) -> BinaryIO:
        return (self.root / member).open("rb")

    def path_of(self, member: str) -> Path:
        return self.root / member

    def describe(self, member: str) -> str:
        return f"{self.root.name}/{member}"


class ZipContainer(Container):
    def __init__(self, path: Path, limits: ZipLimits | None = None):
        self.path = path
        self.label = str(path)
        limits = limits or ZipLimits()
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise SourceError(f"{path}: not a readable zip file ({exc})", file=str(path)) from None
        try:
            self._names = self._check(limits)
        except SourceError:
            self.zip.close()
            raise

    def _check(self, limits: ZipLimits) -> list[str]:
        try:
            infos = check_zip(self.zip, limits)
        except ZipRefused as exc:
            where = f"{self.path}:{exc.member}" if exc.member else str(self.path)
            raise SourceError(f"{where}: {exc}", file=where) from None
        names = [i.filename for i in infos if not i.is_dir() and not _junk(i.filename)]
        return sorted(names, key=_natural_key)

    def members(self) -> list[str]:
        return list(self._names)

    def open(self, member: str) -> BinaryIO:
        return self.zip.open(member)

    def size(self, member: str) -> int:
        return self.zip.getinfo(member).file_size

    def describe(self, member: str) -> str:
        return f"{self.path.name}:{member}"

    def close(self) -> None:
        self.zip.close()


def open_container(path, *, sniff_zip: bool = True, limits: ZipLimits | None = None) -> Container:
    """The container for a path: a directory, a zip or a single file.

    A ``.zip`` suffix always means a zip; with ``sniff_zip`` so does zip content (off for XLSX,
    which is itself a zip)."""
    path = Path(path)
    if path.is_dir():
        return DirContainer(path)
    if not path.is_file():
        raise SourceError(f"{path}: no such file or directory", file=str(path))
    if path.suffix.lower() == ".zip":
        return ZipContainer(path, limits)
    if sniff_zip:
        with path.open("rb") as handle:
            magic = handle.read(4)
        if magic in (b"PK\x03\x04", b"PK\x05\x06"):
            return ZipContainer(path, limits)
    return FileContainer(path)
