"""Social-media handles and profile URLs (no database)."""

from __future__ import annotations

import pytest

from pantau.core.handles import (
    PLATFORMS,
    handle_from_url,
    is_valid_handle,
    normalize_handle,
    platform_from_url,
)


def test_platforms_are_the_ones_of_the_design():
    assert set(PLATFORMS) == {
        "facebook",
        "instagram",
        "x",
        "tiktok",
        "youtube",
        "threads",
        "mastodon",
        "other",
    }


@pytest.mark.parametrize(
    ("raw", "key"),
    [("@Budi.Santoso", "budi.santoso"), ("  budi_s  ", "budi_s"), ("@ ani", "ani"), ("", "")],
)
def test_normalize_handle_ignores_case_at_sign_and_spaces(raw, key):
    assert normalize_handle(raw) == key


@pytest.mark.parametrize(
    "handle", ["budi.santoso", "@siti_rahma", "ani-lestari", "user@mastodon.social"]
)
def test_ordinary_handles_are_valid(handle):
    assert is_valid_handle(handle)


@pytest.mark.parametrize(
    "handle", ["", "@", "budi santoso", "budi/santoso", "user@localhost", "a" * 101, "<script>"]
)
def test_bad_handles_are_invalid(handle):
    assert not is_valid_handle(handle)


@pytest.mark.parametrize(
    ("url", "platform"),
    [
        ("https://www.instagram.com/budi", "instagram"),
        ("https://twitter.com/budi", "x"),
        ("x.com/budi", "x"),
        ("https://m.facebook.com/budi", "facebook"),
        ("https://example.org/budi", None),
    ],
)
def test_platform_from_url_knows_the_hosts(url, platform):
    assert platform_from_url(url) == platform


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.instagram.com/Budi.Santoso/", ("instagram", "budi.santoso")),
        ("https://www.facebook.com/profile.php?id=1000123", ("facebook", "1000123")),
        ("https://mastodon.social/@ani", ("mastodon", "ani@mastodon.social")),
        ("https://www.tiktok.com/", ("tiktok", None)),
    ],
)
def test_handle_from_url_reads_profile_urls(url, expected):
    assert handle_from_url(url) == expected
