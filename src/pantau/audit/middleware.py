"""Middleware that records who is acting and from where, for audit entries made in services."""

from __future__ import annotations

from pantau.audit import context


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        authenticated = bool(user and user.is_authenticated)
        ctx = context.RequestContext(
            user_id=user.pk if authenticated else None,
            user_repr=user.get_username() if authenticated else "",
            ip_address=context.client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        )
        token = context.set_current(ctx)
        try:
            return self.get_response(request)
        finally:
            context.reset(token)
