"""The push API for external collectors: token authentication, per-item results, limits."""

from __future__ import annotations

import pytest
from django.test import override_settings

from pantau.audit.models import AuditEntry
from pantau.monitoring.models import Post
from pantau.users.models import ApiToken
from pantau.users.services import api_token_create

URL = "/api/v1/posts"


@pytest.fixture(autouse=True)
def _no_background_scan(settings):
    settings.PANTAU_SCAN_IN_BACKGROUND = False


@pytest.fixture
def push_key(users):
    _token, key = api_token_create(user=users["inspector"], name="collector", scope="push")
    return key


def _post(client, key, payload, **extra):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    return client.post(URL, payload, content_type="application/json", **headers, **extra)


def _item(**over):
    item = {
        "platform": "x",
        "post_id": "1001",
        "handle": "@BudiSan",
        "text": "Rapat koordinasi pagi ini",
        "created_at": "2026-11-20T08:00:00+08:00",
        "likes": 3,
    }
    item.update(over)
    return item


def test_a_batch_gets_one_result_per_item(client, registry, push_key):
    payload = {"posts": [_item(), _item(post_id="1002", handle="orang_lain"), _item()]}
    response = _post(client, push_key, payload)
    assert response.status_code == 200, response.content
    body = response.json()
    assert [r["status"] for r in body["results"]] == ["imported", "skipped", "duplicate"]
    assert (body["imported"], body["skipped"], body["duplicates"]) == (1, 1, 1)
    post = Post.objects.get(platform="x", post_id="1001")
    assert post.account.handle == "budisan" and post.source == "api" and post.likes == 3
    assert AuditEntry.objects.filter(action="monitoring.api.push").exists()


def test_pushing_the_same_batch_twice_stores_nothing_twice(client, registry, push_key):
    payload = {"posts": [_item(), _item(post_id=None, text="tanpa id")]}
    assert _post(client, push_key, payload).json()["imported"] == 2
    again = _post(client, push_key, payload).json()
    assert again["imported"] == 0 and again["duplicates"] == 2
    assert Post.objects.count() == 2


@pytest.mark.parametrize("key", ["", "pt_wrong-token", "Basic abc"])
def test_a_missing_or_wrong_token_is_refused(client, registry, key):
    assert _post(client, key, {"posts": [_item()]}).status_code == 401
    assert not Post.objects.exists()


def test_a_read_only_token_cannot_push(client, users):
    _token, key = api_token_create(user=users["auditor"], name="ro", scope=ApiToken.Scope.READ)
    assert _post(client, key, {"posts": [_item()]}).status_code == 401


def test_a_revoked_token_is_refused(client, registry, users, push_key):
    ApiToken.objects.update(revoked=True)
    assert _post(client, push_key, {"posts": [_item()]}).status_code == 401


@pytest.mark.parametrize(
    "item, field",
    [
        (_item(platform="myspace"), "platform"),
        (_item(kind="story"), "kind"),
        (_item(text=""), "text"),
        (_item(created_at="2026-11-20T08:00:00"), "created_at"),
        (_item(likes=-1), "likes"),
        ({"platform": "x", "text": "no handle"}, "handle"),
    ],
)
def test_a_bad_item_is_refused_with_the_field_named(client, registry, push_key, item, field):
    response = _post(client, push_key, {"posts": [_item(post_id="ok"), item]})
    assert response.status_code == 422
    assert field in response.content.decode()
    assert not Post.objects.exists(), "a refused batch stores nothing"


def test_a_body_that_is_not_json_is_refused(client, registry, push_key):
    response = client.post(
        URL, "{not json", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {push_key}"
    )
    assert response.status_code in (400, 422)


def test_an_oversized_batch_is_refused(client, registry, push_key, settings):
    settings.PANTAU_API_MAX_BATCH = 2
    response = _post(client, push_key, {"posts": [_item(post_id=str(i)) for i in range(3)]})
    assert response.status_code == 413


def test_the_rate_limit_answers_429_with_retry_after(client, registry, push_key, settings):
    from django.core.cache import cache

    cache.clear()
    settings.PANTAU_API_RATE_PER_MINUTE = 2
    codes = [
        _post(client, push_key, {"posts": [_item(post_id=str(i))]}).status_code for i in range(3)
    ]
    assert codes[:2] == [200, 200] and codes[2] == 429
    last = _post(client, push_key, {"posts": [_item(post_id="x")]})
    assert int(last["Retry-After"]) > 0
    cache.clear()


def test_the_openapi_schema_documents_the_push_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/posts" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/posts"]
    assert schema["paths"]["/api/v1/posts"]["post"]["security"]
    assert "/api/v1/complaints" in schema["paths"]


@override_settings(PANTAU_API_RATE_PER_MINUTE=1000)
def test_the_token_records_its_last_use(client, registry, push_key):
    _post(client, push_key, {"posts": [_item()]})
    assert ApiToken.objects.get().last_used_at is not None
