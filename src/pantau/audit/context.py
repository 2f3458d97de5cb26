"""The current request's actor and address, kept in a context variable for the audit services."""

from __future__ import annotations

import contextvars
import functools
import ipaddress
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    user_id: int | None = None
    user_repr: str = ""
    ip_address: str | None = None
    user_agent: str = ""


_current: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "pantau_request_context", default=None
)


def current() -> RequestContext | None:
    return _current.get()


def set_current(ctx: RequestContext | None) -> contextvars.Token:
    return _current.set(ctx)


def reset(token: contextvars.Token) -> None:
    _current.reset(token)


def client_ip(request) -> str | None:
    """The client's address: the peer's, unless the peer is a trusted proxy.

    From a proxy named in PANTAU_TRUSTED_PROXIES, X-Forwarded-For is read from the right (each
    proxy appends the address it saw) and the first address that is not itself a trusted proxy
    is the client's; whatever a client wrote further left is never reached. A header from any
    other peer is ignored.
    """
    from django.conf import settings

    peer = request.META.get("REMOTE_ADDR") or None
    networks = _networks(tuple(getattr(settings, "PANTAU_TRUSTED_PROXIES", ())))
    if peer is None or not _trusted(peer, networks):
        return peer
    nearest = peer
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        hop = hop.strip()
        if not hop:
            continue
        if not _is_address(hop):
            return nearest  # not an address: stop at the last hop we could vouch for
        if not _trusted(hop, networks):
            return hop
        nearest = hop
    return nearest


@functools.lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def _trusted(address: str, networks: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped is not None:  # a dual-stack socket's IPv4 peer
        ip = ip.ipv4_mapped
    return any(ip in network for network in networks)
