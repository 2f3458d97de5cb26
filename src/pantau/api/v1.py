"""API version 1: pushing posts from external collectors, and complaints."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from ninja import File, Form, NinjaAPI, Schema, Status, UploadedFile
from ninja.errors import HttpError
from pydantic import Field, field_validator

from pantau.api.auth import TokenAuth
from pantau.api.errors import errors
from pantau.api.fields import WEB_URL_PATTERN, IsoDateTime, WholeNumber, web_url
from pantau.api.ratelimit import RateLimited, hit
from pantau.api.storable import StorableSchema
from pantau.audit.services import audit_record
from pantau.core.handles import PLATFORMS
from pantau.core.sources.model import SourcePost
from pantau.monitoring.attribution import AccountDirectory
from pantau.users.models import ApiToken

api = NinjaAPI(
    title="Pantau API",
    version="1",
    urls_namespace="api-v1",
    description="Push posts from collectors, submit and follow complaints.",
)


def _mount_routers() -> None:
    from pantau.api.cases_api import router as cases_router

    api.add_router("/", cases_router)


@api.exception_handler(RateLimited)
def _rate_limited(request, exc: RateLimited):
    response = api.create_response(request, {"detail": str(exc)}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


class PostIn(StorableSchema):
    platform: str = Field(
        description="facebook, instagram, x, tiktok, youtube, threads, mastodon, other",
        json_schema_extra={"enum": list(PLATFORMS)},
    )
    post_id: str | None = Field(
        None, max_length=200, description="the platform's id; omitted: content hash"
    )
    handle: str = Field(min_length=1, max_length=150)
    url: str = Field("", max_length=1000, json_schema_extra={"pattern": WEB_URL_PATTERN})
    created_at: IsoDateTime | None = Field(None, description="ISO 8601 with a time zone")
    kind: str = Field(
        "post",
        description="post, comment, share or reaction",
        json_schema_extra={"enum": ["post", "comment", "share", "reaction"]},
    )
    text: str = Field(min_length=1, max_length=100_000)
    likes: WholeNumber = Field(0, ge=0)
    shares: WholeNumber = Field(0, ge=0)
    comments: WholeNumber = Field(0, ge=0)
    views: WholeNumber = Field(0, ge=0)
    raw: dict | None = None

    @field_validator("platform")
    @classmethod
    def _platform(cls, value: str) -> str:
        if value not in PLATFORMS:
            raise ValueError(f"unknown platform; use one of {', '.join(PLATFORMS)}")
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return web_url(value)

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in ("post", "comment", "share", "reaction"):
            raise ValueError("kind must be post, comment, share or reaction")
        return value

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: dt.datetime | None) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("created_at needs a time zone, e.g. 2026-11-24T09:00:00+08:00")
        return value


class PushIn(Schema):
    posts: list[PostIn] = Field(min_length=1)


class ItemResult(Schema):
    index: int
    status: str = Field(description="imported, duplicate or skipped (unregistered account)")


class PushOut(Schema):
    imported: int
    duplicates: int
    skipped: int
    results: list[ItemResult]


def _to_source(item: PostIn) -> SourcePost:
    from pantau.core.sources.textutil import guess_language

    return SourcePost(
        platform=item.platform,
        post_id=item.post_id,
        handle=item.handle.lstrip("@"),
        url=item.url,
        created_at=item.created_at,
        kind=item.kind,
        text=item.text,
        language=guess_language(item.text),
        reach={
            "likes": item.likes,
            "shares": item.shares,
            "comments": item.comments,
            "views": item.views,
        },
        raw=item.raw
        or item.dict(exclude={"raw"}, exclude_none=True) | {"created_at": str(item.created_at)},
        location={"file": "api"},
    )


@api.post(
    "/posts",
    response={200: PushOut, **errors(400, 401, 413, 422, 429)},
    auth=TokenAuth(ApiToken.Scope.PUSH, ApiToken.Scope.FULL),
    summary="Push a batch of posts",
    tags=["posts"],
)
def push_posts(request: HttpRequest, payload: PushIn):
    """Store the posts that are new; each item gets its own result. Scanning follows."""
    token = request.api_token
    hit(f"token:{token.pk}", limit=settings.PANTAU_API_RATE_PER_MINUTE, window=60)
    if len(payload.posts) > settings.PANTAU_API_MAX_BATCH:
        raise HttpError(413, f"at most {settings.PANTAU_API_MAX_BATCH} posts per request")
    from pantau.monitoring.imports import store_posts

    items = [_to_source(p) for p in payload.posts]
    with transaction.atomic():
        outcomes = store_posts(items, directory=AccountDirectory(), source="api")
        audit_record(
            action="monitoring.api.push",
            actor=token.user,
            object_type="users.apitoken",
            object_id=str(token.pk),
            object_repr=str(token),
            after={"items": len(items), "imported": outcomes.count("imported")},
        )
    if outcomes.count("imported") and settings.PANTAU_SCAN_IN_BACKGROUND:
        from pantau.monitoring.scanning import scan_in_background

        transaction.on_commit(scan_in_background)
    return {
        "imported": outcomes.count("imported"),
        "duplicates": outcomes.count("duplicate"),
        "skipped": outcomes.count("skipped"),
        "results": [{"index": i, "status": s} for i, s in enumerate(outcomes)],
    }


class ComplaintIn(StorableSchema):
    post_url: str = Field("", max_length=1000, json_schema_extra={"pattern": WEB_URL_PATTERN})
    handle: str = Field("", max_length=150)
    category: str = Field(
        description="hate_speech, abusive, radicalism or hoax",
        json_schema_extra={"enum": ["hate_speech", "abusive", "radicalism", "hoax"]},
    )
    reason: str = Field(min_length=1, max_length=5000)
    anonymous: bool = True
    reporter_name: str = Field("", max_length=200)
    reporter_contact: str = Field("", max_length=200)

    @field_validator("post_url")
    @classmethod
    def _post_url(cls, value: str) -> str:
        return web_url(value)

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        from pantau.monitoring.models import Category

        if value not in Category.values:
            raise ValueError(f"unknown category; use one of {', '.join(Category.values)}")
        return value


class ComplaintOut(Schema):
    reference: str
    status: str
    received_at: dt.datetime


def _complaint_out(complaint) -> dict:
    return {
        "reference": complaint.reference,
        "status": complaint.status,
        "received_at": complaint.created_at,
    }


@api.post(
    "/complaints",
    response={201: ComplaintOut, **errors(400, 413, 422, 429)},
    # A post link or a screenshot: the one rule between fields, stated in the schema too.
    openapi_extra={
        "requestBody": {
            "content": {
                "multipart/form-data": {
                    "encoding": {
                        "screenshot": {"contentType": "image/png, image/jpeg, image/webp"}
                    },
                    "schema": {
                        "anyOf": [
                            {
                                "required": ["post_url"],
                                "properties": {"post_url": {"minLength": 1}},
                            },
                            {
                                "required": ["screenshot"],
                                "properties": {
                                    "screenshot": {"type": "string", "format": "binary"}
                                },
                            },
                        ]
                    },
                }
            }
        }
    },
    auth=None,
    tags=["complaints"],
    summary="Submit a complaint (public, rate-limited)",
)
def submit_complaint(
    request: HttpRequest, payload: Form[ComplaintIn], screenshot: UploadedFile | None = File(None)
):
    """Multipart form: the fields below and an optional `screenshot` image (PNG, JPEG, WebP)."""
    from pantau.audit.context import client_ip
    from pantau.monitoring.complaints import (
        ComplaintError,
        complaint_submit,
        read_screenshot,
        reporter_fingerprint,
    )

    hit(
        f"complaint:{reporter_fingerprint(client_ip(request))}",
        limit=settings.PANTAU_COMPLAINT_RATE_PER_HOUR,
        window=3600,
    )
    if screenshot is None and request.POST.get("screenshot"):
        raise HttpError(422, "screenshot: send the image as a file, not as a text field")
    try:
        complaint = complaint_submit(
            **payload.dict(),
            screenshot=read_screenshot(screenshot),
            screenshot_name=screenshot.name if screenshot else "",
        )
    except ComplaintError as exc:
        raise HttpError(422, str(exc)) from None
    return Status(201, _complaint_out(complaint))


@api.get(
    "/complaints/{reference}",
    response={200: ComplaintOut, **errors(404, 422, 429)},
    auth=None,
    tags=["complaints"],
    summary="Follow a complaint by its reference number",
)
def complaint_follow(request: HttpRequest, reference: str):
    from pantau.audit.context import client_ip
    from pantau.monitoring.complaints import complaint_status, reporter_fingerprint

    hit(f"lookup:{reporter_fingerprint(client_ip(request))}", limit=30, window=600)
    complaint = complaint_status(reference=reference)
    if complaint is None:
        raise HttpError(404, "no complaint has this reference number")
    return _complaint_out(complaint)


_mount_routers()
