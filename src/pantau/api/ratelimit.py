"""Fixed-window rate limits kept in the Django cache (per process, or Redis at scale)."""

from __future__ import annotations

import time

from django.core.cache import cache


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limit exceeded; retry after {retry_after} s")
        self.retry_after = retry_after


def hit(key: str, *, limit: int, window: int) -> None:
    """Count one request for ``key``; raise RateLimited when over ``limit`` in ``window`` s."""
    now = int(time.time())
    bucket = now // window
    cache_key = f"pantau-rl:{key}:{bucket}"
    cache.add(cache_key, 0, timeout=window + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        raise RateLimited(retry_after=window - (now % window))
