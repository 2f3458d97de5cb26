"""Which stored links may become a link: web addresses (http, https) only.

Every entry that stores a URL (the public complaint form and API, the push API, post and claim
imports, the registry, the admin) checks it with :func:`check_web_url`, and every page that turns a
stored URL into ``<a href>`` asks :func:`is_web_url` first, so a ``javascript:``, ``data:`` or
``vbscript:`` address is refused at the door and never rendered as a link if one got in earlier.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
# Browsers drop tabs and newlines inside a URL and ignore control characters around it, so
# "java\tscript:" runs as "javascript:". A web address has none of them, nor spaces.
_NOT_IN_URL = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


class UnsafeUrl(ValueError):
    """A URL that is not a web address. ``kind`` is "scheme" (another scheme, or none) or
    "invalid" (not a well-formed address); ``str()`` is a one-line English reason."""

    def __init__(self, message: str, *, kind: str):
        super().__init__(message)
        self.kind = kind


def check_web_url(value: str | None) -> str:
    """The URL without surrounding spaces ("" stays ""), or `UnsafeUrl` saying what is wrong."""
    url = (value or "").strip()
    if not url:
        return ""
    if _NOT_IN_URL.search(url):
        raise UnsafeUrl(
            "is not a web address: it contains spaces or control characters", kind="invalid"
        )
    scheme = _SCHEME.match(url)
    if scheme is None or scheme.group(1).lower() not in WEB_SCHEMES:
        shown = f"{scheme.group(1)[:20]}:" if scheme else url[:20]
        raise UnsafeUrl(
            f"only http:// and https:// links are accepted, not {shown!r}", kind="scheme"
        )
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        raise UnsafeUrl(f"is not a valid web address ({exc})", kind="invalid") from None
    if not host:
        raise UnsafeUrl("is not a valid web address (no host name)", kind="invalid")
    return url


def is_web_url(value: str | None) -> bool:
    """True for a non-empty http(s) address that `check_web_url` accepts."""
    try:
        return bool(check_web_url(value))
    except UnsafeUrl:
        return False
