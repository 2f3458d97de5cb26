"""Second-factor pages: verify a code after login, and set up an authenticator app."""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token

from pantau.audit.services import audit_record
from pantau.users.forms import ReplaceDeviceForm, TokenForm
from pantau.users.middleware import user_has_confirmed_device
from pantau.users.services import UserError, totp_device_confirm, totp_device_start


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@login_required
def otp_verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            audit_record(action="auth.otp_verified", obj=request.user, actor=request.user)
            return redirect(_next_url(request))
        audit_record(action="auth.otp_failed", obj=request.user, actor=request.user)
        form.add_error("token", _("The code is wrong or has expired."))
    return render(request, "users/otp_verify.html", {"form": form, "next": _next_url(request)})


@login_required
def otp_setup(request):
    """Set up an authenticator app; replacing one needs a current code from it as well."""
    replacing = user_has_confirmed_device(request.user)
    if replacing and not request.user.is_verified():  # the middleware sends them here too
        return redirect(f"{reverse('otp_verify')}?next={reverse('otp_setup')}")
    device = totp_device_start(user=request.user)
    form_class = ReplaceDeviceForm if replacing else TokenForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accepted = totp_device_confirm(
                user=request.user,
                device=device,
                token=form.cleaned_data["token"],
                current_token=form.cleaned_data.get("current_token"),
            )
        except UserError as exc:
            form.add_error("current_token" if replacing else "token", str(exc))
        else:
            if accepted:
                otp_login(request, device)
                messages.success(request, _("Two-step verification is on."))
                return redirect("home")
            form.add_error("token", _("The code is wrong or has expired."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "users/otp_setup.html",
        {"form": form, "qr_svg": qr_svg, "secret": secret, "replacing": replacing},
    )
