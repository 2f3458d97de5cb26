"""A small HTTP GET over urllib for feeds and the Mastodon API, with errors sorted for retrying.

`get` returns a `Response` (a 304 Not Modified included) or raises `FetchError`:
``permanent=False`` for what may heal by waiting (no connection, time-out, HTTP 5xx, 408, 425,
429), ``permanent=True`` for what will not (other 4xx such as 404 or 410, a body over the size
limit, a URL that is not http(s)). Only http and https URLs are fetched.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pantau.core.sources.model import FetchError

USER_AGENT = "Pantau/0.1 (public post monitoring; +https://pantau.invalid)"
MAX_BYTES = 20 * 1024**2
_TRANSIENT_4XX = {408, 425, 429}


@dataclass
class Response:
    url: str
    status: int
    body: bytes = b""
    headers: dict = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError as exc:
            raise FetchError(f"{self.url}: the answer is not JSON ({exc})", True) from None


def get(
    url: str, *, headers: dict | None = None, timeout: float = 10, max_bytes: int = MAX_BYTES
) -> Response:
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched", True)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise FetchError(f"{url}: the answer is larger than {max_bytes} bytes", True)
            found = {k.lower(): v for k, v in answer.headers.items()}
            return Response(answer.url or url, answer.status, body, found)
    except urllib.error.HTTPError as exc:
        found = {k.lower(): v for k, v in (exc.headers or {}).items()}
        if exc.code == 304:
            return Response(url, 304, b"", found)
        permanent = exc.code < 500 and exc.code not in _TRANSIENT_4XX
        raise FetchError(
            f"{url}: HTTP {exc.code} {exc.reason}", permanent, status=exc.code
        ) from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: cannot connect ({exc.reason})", False) from None
    except TimeoutError:
        raise FetchError(f"{url}: timed out after {timeout} s", False) from None
    except (http.client.HTTPException, ConnectionError, OSError) as exc:
        raise FetchError(
            f"{url}: connection failed ({exc.__class__.__name__}: {exc})", False
        ) from None
