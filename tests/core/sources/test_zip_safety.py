"""Zip input: read in place, refused for path traversal, encryption and zip bombs."""

from __future__ import annotations

import zipfile

import pytest

from pantau.core.sources import SourceError, ZipLimits, open_source
from tests.core.sources.conftest import split
from tests.core.sources.samples import write_x_archive, zip_dir


def write_zip(path, members: dict):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def mark_encrypted(path):
    """Set the 'encrypted' bit in the local and central headers (zipfile cannot encrypt)."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    path.write_bytes(bytes(data))


GOOD = b'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "halo"}}]'


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../../etc/cron.d/evil.js", "climbs out"),
        ("data/../../evil.js", "climbs out"),
        ("..\\..\\evil.js", "climbs out"),
        ("/etc/passwd", "absolute path"),
        ("C:/Windows/evil.js", "absolute path"),
    ],
)
def test_path_traversal_is_refused_naming_the_member(tmp_path, name, why):
    path = write_zip(tmp_path / "x.zip", {"data/tweets.js": GOOD, name: b"x"})
    with pytest.raises(SourceError) as info:
        open_source(path, format="x-archive")
    assert name in str(info.value) and why in str(info.value)
    assert not (tmp_path / "evil.js").exists()


def test_zip_bomb_by_ratio_is_refused(tmp_path):
    path = write_zip(
        tmp_path / "bomb.zip", {"data/tweets.js": GOOD, "data/like.js": b"\0" * (8 * 1024**2)}
    )
    with pytest.raises(
        SourceError, match=r"bomb\.zip:data/like\.js: refused, compression ratio \d+:1"
    ):
        open_source(path, format="x-archive")


def test_zip_bomb_by_total_size_and_member_count(tmp_path):
    path = write_zip(
        tmp_path / "big.zip",
        {"data/tweets.js": GOOD, "data/a.js": b"a" * 5000, "data/b.js": b"b" * 5000},
    )
    with pytest.raises(
        SourceError, match=r"data/b\.js: refused, the archive expands to more than 8000"
    ):
        open_source(path, format="x-archive", zip_limits=ZipLimits(max_total=8000))
    with pytest.raises(SourceError, match="3 members is more than the limit of 2"):
        open_source(path, format="x-archive", zip_limits=ZipLimits(max_members=2))
    assert len(split(open_source(path, format="x-archive", handle="budi"))[0]) == 1


def test_encrypted_member_is_refused(tmp_path):
    path = write_zip(tmp_path / "enc.zip", {"data/tweets.js": GOOD})
    mark_encrypted(path)
    with pytest.raises(SourceError, match="encrypted"):
        open_source(path, format="x-archive")


def test_not_a_zip(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(b"this is not a zip")
    with pytest.raises(SourceError, match="export.zip: not a readable zip file"):
        open_source(path, format="x-archive")


def test_macos_junk_is_ignored(tmp_path):
    root = write_x_archive(tmp_path / "a")
    target = zip_dir(root, tmp_path / "a.zip")
    with zipfile.ZipFile(target, "a") as archive:
        archive.writestr("__MACOSX/export/data/._tweets.js", b"\x00\x05\x16\x07 junk")
        archive.writestr("export/data/._tweets.js", b"\x00\x05\x16\x07 junk")
    posts, problems = split(open_source(target, format="x-archive"))
    assert len(posts) == 8 and problems == []


def test_missing_path_and_unknown_format(tmp_path):
    with pytest.raises(SourceError, match="no such file or directory"):
        open_source(tmp_path / "nothing.zip", format="x-archive")
    with pytest.raises(SourceError, match="unknown format 'myspace'"):
        open_source(tmp_path, format="myspace")
