"""The current request's actor and address, kept in a context variable for the audit services."""

from __future__ import annotations

import contextvars
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
    """The client address; X-Forwarded-For is trusted only when PANTAU_TRUST_PROXY is on."""
    from django.conf import settings

    if getattr(settings, "PANTAU_TRUST_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR") or None
