"""Second-factor enforcement for web pages.

A user who has a confirmed device must pass it before anything but the code page and logout:
the password alone opens nothing, not even the set-up page (where a device could be replaced).
With PANTAU_ENFORCE_TOTP on, a staff user without a device is sent to set one up first. The API
is left to its own authentication (`pantau.api.auth`): it answers 401 to a session that has not
passed its second factor (with enforcement on, of any role) instead of redirecting.
"""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

# Always reachable: assets, the language switch, and the API (it checks the session itself).
ALWAYS_OPEN = ("/static/", "/i18n/", "/api/")


def user_has_confirmed_device(user) -> bool:
    from django_otp import user_has_device

    return user_has_device(user, confirmed=True)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return self.get_response(request)
        path = request.path
        if path.startswith(ALWAYS_OPEN) or path == reverse("logout"):
            return self.get_response(request)
        if user_has_confirmed_device(user):
            if path == reverse("otp_verify"):
                return self.get_response(request)
            return redirect(f"{reverse('otp_verify')}?next={quote(path)}")
        if settings.PANTAU_ENFORCE_TOTP and user.is_staff_role:
            if path == reverse("otp_setup"):
                return self.get_response(request)
            return redirect(reverse("otp_setup"))
        return self.get_response(request)
