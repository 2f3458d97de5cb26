"""Second-factor enforcement: staff roles must verify a TOTP device when the setting is on.

A user who has a confirmed device must always pass it; with PANTAU_ENFORCE_TOTP on, a staff
user without a device is sent to set one up before anything else.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

ALLOWED_PREFIXES = ("/static/", "/i18n/", "/masuk/", "/keluar/", "/aduan/", "/api/")
ALLOWED_NAMES = ("login", "logout", "otp_verify", "otp_setup", "set_language")


def _device_confirmed(user) -> bool:
    from django_otp import user_has_device

    return user_has_device(user, confirmed=True)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not request.user.is_verified():
            path = request.path
            allowed = path.startswith(ALLOWED_PREFIXES) or path in {
                reverse(name) for name in ALLOWED_NAMES if name != "set_language"
            }
            if not allowed:
                if _device_confirmed(user):
                    return redirect(f"{reverse('otp_verify')}?next={path}")
                if settings.PANTAU_ENFORCE_TOTP and user.is_staff_role:
                    return redirect(reverse("otp_setup"))
        return self.get_response(request)
