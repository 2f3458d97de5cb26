"""Input types for the API's schemas: what the schema promises is exactly what is accepted.

Pydantic's lax mode would take ``true`` for the number 1 and ``0`` for a date (Unix time); the
published schema says neither, so such input is refused with a 422 naming the field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from annotated_types import Interval
from pydantic import BeforeValidator


def _not_a_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("must be a whole number, not true or false")
    return value


def _iso_text(value: Any) -> Any:
    if value is not None and not isinstance(value, str | dt.datetime):
        raise ValueError("must be an ISO 8601 date and time, e.g. 2026-11-24T09:00:00+08:00")
    return value


WholeNumber = Annotated[int, BeforeValidator(_not_a_bool)]
SkbItem = Annotated[int, Interval(ge=1, le=11), BeforeValidator(_not_a_bool)]
IsoDateTime = Annotated[dt.datetime, BeforeValidator(_iso_text)]


# A link the API takes: empty, or http(s)://host[:port][/path?query#fragment] in printable ASCII
# (non-ASCII percent-encoded). The schema states it, `web_url` enforces it, so the two agree.
_PORT = r"(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})"
WEB_URL_PATTERN = r"^(|[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9._~-]+(:" + _PORT + r")?([/?#][!-~]*)?)$"


def web_url(value: str) -> str:
    """``value`` if it matches WEB_URL_PATTERN and `check_web_url` accepts it, else ValueError."""
    from pantau.core.safe_urls import check_web_url

    if not re.fullmatch(WEB_URL_PATTERN, value):
        raise ValueError(
            "is not a web address the API accepts: http:// or https://, a host name, then an "
            "optional port and path in printable ASCII (percent-encode other characters)"
        )
    return check_web_url(value)
