"""Token authentication for the API: `Authorization: Bearer <token>`."""

from __future__ import annotations

from django.utils import timezone
from ninja.security import HttpBearer

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
