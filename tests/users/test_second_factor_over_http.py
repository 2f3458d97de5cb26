"""The password-only attack, over HTTP against a running server: no page, no API, no new device.

An attacker who knows the inspector's password (but not their authenticator app) logs in through
the real login form, then tries the set-up page and the API with that session, as a browser or
a script would. The server is pytest-django's live server on the test database.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD
from tests.users.otp import give_device, token_for

pytestmark = pytest.mark.django_db(transaction=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies kept, redirects not followed: each answer is seen as the server gave it."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def cookie(self, name: str) -> str:
        return next(c.value for c in self.cookies if c.name == name)

    def send(self, method: str, path: str, *, form=None, body=None) -> tuple[int, dict, str]:
        headers = {"Referer": self.base + path}
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if method != "GET":
            headers["X-CSRFToken"] = self.cookie("csrftoken")
        request = urllib.request.Request(self.base + path, data, headers, method=method)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()


def test_a_password_alone_opens_nothing_over_http(live_server, users, registry, settings):

    settings.PANTAU_ENFORCE_TOTP = True
    owner = users["inspector"]
    owners_device = give_device(owner)
    attacker = Browser(live_server.url)

    status, _headers, page = attacker.send("GET", "/masuk/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, headers, _ = attacker.send(
        "POST",
        "/masuk/",
        form={"username": "inspector", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert status == 302 and "sessionid" in {c.name for c in attacker.cookies}

    status, headers, _ = attacker.send("GET", "/akun/2fa/")
    assert status == 302 and headers["Location"].startswith("/akun/2fa/verifikasi/")
    new = TOTPDevice.objects.create(user=owner, name="attacker", confirmed=False)
    status, headers, _ = attacker.send(
        "POST", "/akun/2fa/", form={"token": token_for(new), "csrfmiddlewaretoken": token}
    )
    assert status == 302 and headers["Location"].startswith("/akun/2fa/verifikasi/")

    for method, path, body in [
        ("GET", "/api/v1/findings", None),
        ("GET", "/api/v1/cases", None),
        ("POST", "/api/v1/self-check", {"text": "halo"}),
        (
            "POST",
            "/api/v1/findings/1/decision",
            {"outcome": "dismiss", "reason": "x", "version": 1},
        ),
    ]:
        status, _headers, text = attacker.send(method, path, body=body)
        assert status == 401, (method, path, status, text)

    assert list(TOTPDevice.objects.filter(user=owner, confirmed=True)) == [owners_device]
