"""User use cases: create a user with a role, set up and confirm a TOTP device."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.audit.services import audit_record, snapshot
from pantau.users.roles import Role


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


@transaction.atomic
def totp_device_confirm(*, user, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(action="user.totp_enabled", obj=user, actor=user)
    return True


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
