"""Hostile requests to the public complaint API, the push API and the complaint form: values the
database cannot store are refused with 422 naming the field (never a 500), and uploads are judged
by their size before they are read. Run on PostgreSQL too (``DATABASE_URL``), which is the
database that refuses NUL characters.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.monitoring.models import Complaint, Post
from pantau.users.services import api_token_create

pytestmark = pytest.mark.usefixtures("in_english")

PUSH = "/api/v1/posts"
COMPLAINTS = "/api/v1/complaints"


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    from django.core.cache import cache

    settings.PANTAU_SCAN_IN_BACKGROUND = False
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()  # the complaint rate limit
    yield
    cache.clear()


@pytest.fixture
def push_key(users):
    _token, key = api_token_create(user=users["inspector"], name="collector", scope="push")
    return key


def _push(client, key, body: str):
    return client.post(
        PUSH, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )


def _item(**over) -> dict:
    item = {"platform": "x", "post_id": "501", "handle": "budisan", "text": "Rapat pagi ini"}
    item.update(over)
    return item


def _errors(response) -> list[dict]:
    return response.json()["detail"]


@pytest.mark.parametrize(
    ("raw_item", "loc_end", "words"),
    [
        ('"text": "ada \\u0000 nul"', ["text"], "NUL character"),
        ('"text": "ada \\ud800 separuh"', ["text"], "unicode string"),  # pydantic's own check
        ('"handle": "bud\\u0000isan"', ["handle"], "NUL character"),
        ('"post_id": "5\\udc00"', ["post_id"], "unicode string"),
        ('"raw": {"user": {"bio": ["ok", "x\\u0000"]}}', ["raw"], "user.bio[1]: the value"),
        ('"raw": {"id": "\\udc00"}', ["raw"], "id: the value contains a lone surrogate U+DC00"),
    ],
)
def test_the_push_api_refuses_unstorable_text_naming_the_field(
    client, registry, push_key, raw_item, loc_end, words
):
    body = (
        '{"posts": [{"platform": "x", "post_id": "502", "handle": "budisan", "text": "baik"},'
        f' {{"platform": "x", "post_id": "503", "handle": "budisan", "text": "t", {raw_item}}}]}}'
    )
    response = _push(client, push_key, body)
    assert response.status_code == 422, response.content
    [error] = _errors(response)
    assert error["loc"][-3:] == ["posts", 1, *loc_end] and words in error["msg"]
    assert not Post.objects.exists()  # all of the batch or nothing
    good = _push(client, push_key, json.dumps({"posts": [_item()]}))
    assert good.status_code == 200 and good.json()["imported"] == 1


def test_the_push_api_refuses_raw_json_nested_too_deeply(client, registry, push_key):
    deep = "[" * 100_000 + "]" * 100_000
    body = '{"posts": [{"platform": "x", "handle": "budisan", "text": "t", "raw": {"a": %s}}]}'
    response = _push(client, push_key, body % deep)
    assert 400 <= response.status_code < 500, response.content
    shallow = json.dumps({"posts": [_item(raw={"a": json.loads("[" * 150 + "]" * 150)})]})
    response = _push(client, push_key, shallow)
    assert response.status_code == 422
    assert "nested more than 100 levels deep" in _errors(response)[0]["msg"]
    assert not Post.objects.exists()


@pytest.mark.parametrize("field", ["reason", "handle", "reporter_name", "post_url"])
def test_the_complaint_api_refuses_a_nul_naming_the_field(client, registry, field):
    form = {
        "category": "hoax",
        "reason": "hoaks banjir",
        "post_url": "https://x.com/budisan/status/9",
        "anonymous": "false",
        "reporter_contact": "warga@example.org",
    }
    form[field] = form.get(field, "nama") + "\x00jahat"
    response = client.post(COMPLAINTS, form)
    assert response.status_code == 422, response.content
    [error] = _errors(response)
    assert error["loc"][-1] == field and "NUL character" in error["msg"]
    assert not Complaint.objects.exists()


def test_the_complaint_api_judges_a_screenshot_by_its_size_before_reading_it(
    client, registry, settings
):
    settings.PANTAU_SCREENSHOT_MAX_BYTES = 1_000_000
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    upload = SimpleUploadedFile("besar.png", b"\x89PNG" + b"\0" * 1_500_000)
    response = client.post(
        COMPLAINTS, {"category": "hoax", "reason": "hoaks", "screenshot": upload}
    )
    assert response.status_code == 422
    assert "Screenshot: the file is 1.5 MB; at most 1 MB" in response.json()["detail"]
    assert not Complaint.objects.exists()


def test_the_complaint_form_judges_a_screenshot_by_its_size(client, registry, settings):
    from tests.monitoring.test_complaints import _submit

    settings.PANTAU_SCREENSHOT_MAX_BYTES = 2_000_000
    upload = SimpleUploadedFile("besar.png", b"\x89PNG" + b"\0" * 3_000_000)
    response = _submit(client, screenshot=upload)
    assert response.status_code == 200
    assert "3.0 MB" in response.context["form"].errors["screenshot"][0]
    assert not Complaint.objects.exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_the_server_refuses_a_body_over_its_limit_before_reading_it(tmp_path):
    """`pantau serve` (waitress) answers 413 to a body over PANTAU_MAX_REQUEST_MB."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PANTAU_BROKER_URL", "PANTAU_DEMO"}
    }
    env.update(  # a production start: it refuses weak or demo settings (pantau check --deploy)
        PANTAU_DATA_DIR=str(tmp_path / "var"),
        PANTAU_SECRET_KEY=secrets.token_urlsafe(50),
        PANTAU_AUDIT_KEY=secrets.token_hex(32),
        PANTAU_ENFORCE_TOTP="1",
        PANTAU_MAX_REQUEST_MB="1",
    )
    cli = [sys.executable, "-m", "pantau.cli"]
    assert subprocess.run([*cli, "migrate"], env=env, capture_output=True).returncode == 0
    port = _free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                probe = socket.create_connection(("127.0.0.1", port), timeout=1)
                probe.close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)

        def status_of(size: int) -> int:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
                sock.sendall(
                    f"POST /api/v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    f"Content-Type: application/x-www-form-urlencoded\r\n"
                    f"Content-Length: {size}\r\nConnection: close\r\n\r\n".encode()
                )
                try:
                    sock.sendall(b"a" * min(size, 64 * 1024))
                except OSError:
                    pass  # the server may close as soon as it has refused
                return int(sock.recv(200).split(b" ", 2)[1])

        assert status_of(2 * 1024 * 1024) == 413
        assert status_of(200) == 422  # a small body reaches Pantau, which names what is missing
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert not Path(tmp_path / "var" / "media").exists() or not any(
        (tmp_path / "var" / "media").rglob("*")
    )


def test_a_push_body_over_django_s_memory_limit_is_refused(client, registry, push_key, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    body = json.dumps({"posts": [_item(text="panjang " * 500)]})
    response = _push(client, push_key, body)
    assert response.status_code == 400
    assert not Post.objects.exists()
    assert _push(client, push_key, json.dumps({"posts": [_item()]})).status_code == 200
