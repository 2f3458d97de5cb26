"""Linking posts to registered accounts: by platform and normalised handle, or by profile URL."""

from __future__ import annotations

from pantau.core.handles import handle_from_url, normalize_handle
from pantau.registry.models import Account


class AccountDirectory:
    """An in-memory map of (platform, handle key) to account id, loaded once per import."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], int] = {}
        for account_id, platform, key, url in Account.objects.values_list(
            "id", "platform", "handle_key", "url"
        ):
            self._by_key[(platform, key)] = account_id
            if url:
                url_platform, url_handle = handle_from_url(url)
                if url_handle:
                    self._by_key.setdefault((url_platform or platform, url_handle), account_id)

    def find(self, *, platform: str, handle: str = "", url: str = "") -> int | None:
        if handle:
            found = self._by_key.get((platform, normalize_handle(handle)))
            if found:
                return found
        if url:
            url_platform, url_handle = handle_from_url(url)
            if url_handle:
                return self._by_key.get((url_platform or platform, url_handle))
        return None
