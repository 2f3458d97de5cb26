"""Social-media handles and profile URLs: normalised so that matching ignores case, '@' and URL form."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

PLATFORMS = ("facebook", "instagram", "x", "tiktok", "youtube", "threads", "mastodon", "other")

_HOSTS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "m.facebook.com": "facebook",
    "instagram.com": "instagram",
    "x.com": "x",
    "twitter.com": "x",
    "mobile.twitter.com": "x",
    "tiktok.com": "tiktok",
    "youtube.com": "youtube",
    "m.youtube.com": "youtube",
    "threads.net": "threads",
    "threads.com": "threads",
}
_HANDLE_OK = re.compile(r"^[\w.\-]{1,100}$", re.UNICODE)


def normalize_handle(handle: str) -> str:
    """Lower-case, trimmed, without a leading '@' (and without a Mastodon instance suffix)."""
    value = (handle or "").strip().lstrip("@").strip().lower()
    return value


def is_valid_handle(handle: str) -> bool:
    value = normalize_handle(handle)
    if "@" in value:  # mastodon user@instance
        user, _, host = value.partition("@")
        return bool(_HANDLE_OK.match(user)) and "." in host
    return bool(_HANDLE_OK.match(value))


def platform_from_url(url: str) -> str | None:
    host = (urlsplit(url if "//" in url else f"https://{url}").hostname or "").lower()
    host = host.removeprefix("www.")
    return _HOSTS.get(host)


def handle_from_url(url: str) -> tuple[str | None, str | None]:
    """(platform, handle) of a profile URL, or (None, None) when it is not a profile URL."""
    parts = urlsplit(url if "//" in url else f"https://{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    platform = _HOSTS.get(host)
    if not segments:
        return platform, None
    first = segments[0]
    if platform == "facebook" and first == "profile.php":
        ids = [p.split("=", 1)[1] for p in parts.query.split("&") if p.startswith("id=")]
        return platform, ids[0] if ids else None
    if platform is None and first.startswith("@"):
        # A Mastodon-style instance: https://instance/@user
        return "mastodon", f"{normalize_handle(first)}@{host}"
    return platform, normalize_handle(first) or None
