"""Reading a post's URL: platform, account handle and post id where the URL carries them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from pantau.core.handles import normalize_handle, platform_from_url


@dataclass(frozen=True)
class PostUrl:
    platform: str
    handle: str | None
    post_id: str | None


_PATTERNS = {
    "x": [re.compile(r"^/(?P<handle>[\w]{1,15})/status(?:es)?/(?P<id>\d+)")],
    "facebook": [
        re.compile(r"^/(?P<handle>[\w.\-]+)/posts/(?P<id>[\w\-]+)"),
        re.compile(r"^/(?P<handle>[\w.\-]+)/videos/(?P<id>\d+)"),
        re.compile(r"^/groups/[\w.\-]+/posts/(?P<id>\d+)"),
    ],
    "instagram": [re.compile(r"^/(?:(?P<handle>[\w.]+)/)?(?:p|reel)/(?P<id>[\w\-]+)")],
    "tiktok": [re.compile(r"^/@(?P<handle>[\w.]+)/(?:video|photo)/(?P<id>\d+)")],
    "threads": [re.compile(r"^/@(?P<handle>[\w.]+)/post/(?P<id>[\w\-]+)")],
    "youtube": [re.compile(r"^/shorts/(?P<id>[\w\-]+)")],
}
_MASTODON = re.compile(r"^/@(?P<handle>[\w.]+)/(?P<id>\d+)$")


def parse_post_url(url: str) -> PostUrl:
    """Best effort: unknown forms give the platform (or "other") with no handle or id."""
    parts = urlsplit(url.strip())
    platform = platform_from_url(url) or "other"
    path = parts.path.rstrip("/") or "/"
    if platform == "youtube" and path == "/watch":
        ids = parse_qs(parts.query).get("v")
        return PostUrl("youtube", None, ids[0] if ids else None)
    if platform == "facebook" and path in ("/permalink.php", "/story.php"):
        query = parse_qs(parts.query)
        story, owner = query.get("story_fbid"), query.get("id")
        return PostUrl("facebook", owner[0] if owner else None, story[0] if story else None)
    for pattern in _PATTERNS.get(platform, []):
        match = pattern.match(path)
        if match:
            handle = match.groupdict().get("handle")
            return PostUrl(platform, normalize_handle(handle) if handle else None, match["id"])
    if platform == "other":
        match = _MASTODON.match(path)
        if match and parts.hostname:
            return PostUrl(
                "mastodon", f"{normalize_handle(match['handle'])}@{parts.hostname}", match["id"]
            )
    return PostUrl(platform, None, None)
