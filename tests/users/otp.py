"""TOTP helpers for tests: codes computed from a device's key, as an authenticator app does."""

from __future__ import annotations

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def token_for(device: TOTPDevice) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def wrong_token_for(device: TOTPDevice) -> str:
    right = int(token_for(device))
    return f"{(right + 1) % 10**device.digits:0{device.digits}d}"


def give_device(user, name: str = "owner's phone") -> TOTPDevice:
    """A confirmed device, as left by a set-up the user finished earlier."""
    return TOTPDevice.objects.create(user=user, name=name, confirmed=True)
