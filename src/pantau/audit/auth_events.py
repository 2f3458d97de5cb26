"""Login, logout and failed-login events written to the audit log.

Django's auth signals are the hook Django offers for these events; domain flow never uses signals.
"""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from pantau.audit.context import client_ip


def _meta(request) -> dict:
    if request is None:
        return {}
    return {"ip": client_ip(request), "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300]}


@receiver(user_logged_in, dispatch_uid="pantau_audit_login")
def _on_login(sender, request, user, **kwargs):
    from pantau.audit.services import audit_record

    audit_record(action="auth.login", obj=user, actor=user, after=_meta(request))


@receiver(user_logged_out, dispatch_uid="pantau_audit_logout")
def _on_logout(sender, request, user, **kwargs):
    from pantau.audit.services import audit_record

    if user is not None:
        audit_record(action="auth.logout", obj=user, actor=user, after=_meta(request))


@receiver(user_login_failed, dispatch_uid="pantau_audit_login_failed")
def _on_login_failed(sender, credentials, request=None, **kwargs):
    from pantau.audit.services import audit_record

    username = str(credentials.get("username", ""))[:150]
    audit_record(
        action="auth.login_failed",
        object_type="users.user",
        object_id=username,
        object_repr=username,
        after=_meta(request),
    )
