"""The content policy on every page, HTTPS settings behind PANTAU_HTTPS, and API docs that work
without internet (Swagger UI from Pantau's own static files, no other host)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db

PUBLIC = ["/masuk/", "/aduan/", "/aduan/cek/"]
PAGES = [*PUBLIC, "/", "/pegawai/", "/telaah/", "/kasus/", "/laporan/", "/unit/", "/cek-fakta/"]


def _get(client, login_as, path):
    return (client if path in PUBLIC else login_as("head")).get(path)


def _policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {parts[0]: parts[1:] for parts in (d.split() for d in header.split(";") if d.strip())}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_carries_a_strict_content_policy(client, login_as, path):
    response = _get(client, login_as, path)
    assert response.status_code == 200, path
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_has_inline_script_style_or_event_handler(client, login_as, path):
    html = _get(client, login_as, path).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_the_api_docs_load_only_from_this_server(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert _policy(response)["script-src"] == ["'self'"]
    assert not re.search(r"https?://", html), "the docs page names another host"
    assert "//cdn" not in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert any(a.endswith("swagger-ui.css") for a in assets)
    for asset in assets:
        assert asset.startswith("/static/"), asset
        served = client.get(asset)
        assert served.status_code == 200, asset
        body = b"".join(served.streaming_content) if served.streaming else served.content
        assert len(body) > 0, asset


def _headers_in_a_fresh_process(tmp_path, env_extra: dict) -> dict:
    """Pantau's settings read the environment once: start a process with the variables set,
    request the login page over https (as the TLS proxy says) and over http."""
    script = """
import json, django
django.setup()
from django.test import Client
c = Client(HTTP_HOST="127.0.0.1")
tls = c.get("/masuk/", HTTP_X_FORWARDED_PROTO="https")
plain = c.get("/masuk/")
print(json.dumps({
    "status": tls.status_code,
    "hsts": tls.headers.get("Strict-Transport-Security"),
    "csp": tls.headers.get("Content-Security-Policy"),
    "csrf_secure": bool(tls.cookies["csrftoken"]["secure"]),
    "plain_status": plain.status_code,
    "plain_location": plain.headers.get("Location"),
}))
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PANTAU_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="pantau.settings",
        PANTAU_SECRET_KEY="test-secret-key-not-for-production-0123456789",
        PANTAU_DATA_DIR=str(tmp_path / "var"),
        **env_extra,
    )
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_behind_tls_cookies_are_secure_and_browsers_are_told_to_use_https(tmp_path):
    seen = _headers_in_a_fresh_process(
        tmp_path, {"PANTAU_HTTPS": "1", "PANTAU_TRUSTED_PROXIES": "127.0.0.1"}
    )
    assert seen["status"] == 200
    assert seen["hsts"] == "max-age=31536000"
    assert seen["csrf_secure"] is True
    assert "default-src 'self'" in seen["csp"]
    assert seen["plain_status"] == 301
    assert seen["plain_location"] == "https://127.0.0.1/masuk/"


def test_the_local_demo_on_plain_http_gets_no_hsts_and_no_redirect(tmp_path):
    seen = _headers_in_a_fresh_process(tmp_path, {})
    assert seen["status"] == 200 and seen["plain_status"] == 200
    assert seen["hsts"] is None
    assert seen["csrf_secure"] is False
    assert "default-src 'self'" in seen["csp"]
