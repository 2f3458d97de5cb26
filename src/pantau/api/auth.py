"""API authentication: `Authorization: Bearer <token>` for machines, or a verified web session.

A browser session counts only once its second factor is passed (or where none is needed: no
confirmed device and PANTAU_ENFORCE_TOTP off), exactly as web pages require. Read operations take
``read`` or ``full`` tokens, writes ``full`` ones, and the push endpoint ``push`` or ``full``.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from pantau.users.middleware import user_has_confirmed_device
from pantau.users.models import ApiToken
from pantau.users.services import api_token_lookup


class TokenAuth(HttpBearer):
    """Accept tokens whose scope is in ``scopes``; the request gets ``.api_token``."""

    def __init__(self, *scopes: str) -> None:
        super().__init__()
        self.scopes = set(scopes) or {ApiToken.Scope.FULL}

    def authenticate(self, request, token: str):
        found = api_token_lookup(token)
        if found is None or found.scope not in self.scopes:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.api_token = found
        request.user = found.user
        return found


def session_passed_second_factor(user) -> bool:
    """Whether this logged-in session may act: the same rule as the web pages."""
    if user.is_verified():
        return True
    if user_has_confirmed_device(user):
        return False
    return not settings.PANTAU_ENFORCE_TOTP


class VerifiedSessionAuth(SessionAuth):
    """The Django session (CSRF-checked), refused until its second factor is passed."""

    def authenticate(self, request, key):
        user = request.user
        if user.is_authenticated and session_passed_second_factor(user):
            return user
        return None


# Authentication lists for the operations: a token of the right scope, or a verified session.
READ_AUTH = [TokenAuth(ApiToken.Scope.READ, ApiToken.Scope.FULL), VerifiedSessionAuth()]
WRITE_AUTH = [TokenAuth(ApiToken.Scope.FULL), VerifiedSessionAuth()]
