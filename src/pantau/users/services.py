"""User use cases: create a user with a role; set up, replace and reset a TOTP device."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.audit.services import audit_record, snapshot
from pantau.users.roles import MANAGE_USERS, Role

logger = logging.getLogger(__name__)


class UserError(Exception):
    """A user use case that cannot proceed; the message says why."""


NEEDS_EMPLOYEE = {Role.SUPERVISOR, Role.EMPLOYEE}


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: str,
    employee=None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    actor=None,
    check_password: bool = True,
):
    User = get_user_model()
    if role not in Role.values:
        raise UserError(
            _("Unknown role %(role)s; choose one of %(roles)s")
            % {"role": role, "roles": ", ".join(Role.values)}
        )
    if role in NEEDS_EMPLOYEE and employee is None:
        raise UserError(_("A %(role)s user must be linked to an employee record") % {"role": role})
    if User.objects.filter(username__iexact=username).exists():
        raise UserError(_("The user name %(name)s is already taken") % {"name": username})
    user = User(
        username=username,
        role=role,
        employee=employee,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    if check_password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise UserError(" ".join(exc.messages)) from None
    user.set_password(password)
    user.save()
    audit_record(action="user.created", obj=user, actor=actor, after=snapshot(user))
    return user


@transaction.atomic
def totp_device_start(*, user) -> TOTPDevice:
    """Create (or reuse) the user's unconfirmed TOTP device for set-up."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Pantau", confirmed=False)
    return device


def totp_device_confirm(
    *, user, device: TOTPDevice, token: str, current_token: str | None = None
) -> bool:
    """Confirm ``device`` with its first code; False when that code is wrong.

    While the user has another confirmed device, ``current_token`` must be a valid code from it,
    checked first and outside any transaction so that the old device's throttle keeps counting
    failures. Without the old device only an administrator's reset (``totp_reset``) removes it.
    A replaced device is deleted and the owner told in the app and by e-mail.
    """
    others = list(TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk))
    if others:
        if not current_token or not any(old.verify_token(current_token) for old in others):
            audit_record(action="user.totp_replace_refused", obj=user, actor=user)
            raise UserError(
                _(
                    "Enter a current code from the authenticator app you use now; without it "
                    "the administrator must reset your two-step verification."
                )
            )
    if not device.verify_token(token):
        return False
    with transaction.atomic():
        _replace(user=user, device=device, others=others)
    return True


def _replace(*, user, device: TOTPDevice, others: list[TOTPDevice]) -> None:
    TOTPDevice.objects.filter(pk__in=[old.pk for old in others]).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    if others:
        audit_record(action="user.totp_replaced", obj=user, actor=user)
        _tell_owner(
            user,
            kind="second_factor_replaced",
            subject=gettext_lazy("Pantau: your authenticator app was replaced"),
            body=gettext_lazy(
                "Two-step verification for %(user)s now uses a new authenticator app; the "
                "previous one no longer works. If you did not do this, tell the administrator "
                "at once."
            ),
            params={"user": user.username},
        )
    else:
        audit_record(action="user.totp_enabled", obj=user, actor=user)


@transaction.atomic
def totp_reset(*, user, actor) -> int:
    """An administrator removes every second-factor device of ``user`` (e.g. a lost phone).

    Audited, and the owner is told in the app and by e-mail; returns how many devices went."""
    if actor is None or not actor.has_role_perm(MANAGE_USERS):
        raise UserError(_("Only the administrator resets a second factor."))
    removed, _detail = TOTPDevice.objects.filter(user=user).delete()
    audit_record(
        action="user.totp_reset",
        obj=user,
        actor=actor,
        before={"devices": removed},
        after={"devices": 0},
    )
    _tell_owner(
        user,
        kind="second_factor_reset",
        subject=gettext_lazy("Pantau: your two-step verification was reset"),
        body=gettext_lazy(
            "The administrator %(admin)s removed the authenticator app of %(user)s. Set up a new "
            "one at your next log-in. If you did not ask for this, tell the inspectorate at once."
        ),
        params={"admin": actor.username, "user": user.username},
    )
    return removed


def _tell_owner(user, *, kind: str, subject, body, params: dict) -> None:
    """An in-app notice and an e-mail in Indonesian, as case notices are sent."""
    from pantau.cases.models import Notification

    with translation.override("id"):
        subject, body = str(subject), str(body) % params
    note = Notification.objects.create(user=user, kind=kind, subject=subject[:300], body=body)
    if user.email:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        except OSError:
            logger.exception("e-mail to %s failed", user.email)
        else:
            Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())


def _token_hash(key: str) -> str:
    import hashlib

    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@transaction.atomic
def api_token_create(*, user, name: str, scope: str, actor=None) -> tuple[object, str]:
    """Create a token; the clear key is returned once and never stored."""
    import secrets

    from pantau.users.models import ApiToken

    key = "pt_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, scope=scope, prefix=key[:8], key_hash=_token_hash(key)
    )
    audit_record(
        action="user.api_token_created",
        obj=token,
        actor=actor,
        after={"name": name, "scope": scope, "user": user.pk, "prefix": token.prefix},
    )
    return token, key


def api_token_lookup(key: str):
    """The active token for a clear key, or None."""
    from pantau.users.models import ApiToken

    if not key:
        return None
    return (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_token_hash(key), revoked=False, user__is_active=True)
        .first()
    )
