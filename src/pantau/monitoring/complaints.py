"""Complaints (aduan): submission with a screenshot read by OCR, follow-up by reference number.

A complaint becomes a post (from the link and the recognised text) and always a finding, so a
person reviews it whatever the scanner says. Posts of unregistered accounts that arrive this way
are kept for PANTAU_RETENTION_DAYS.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.audit.services import audit_record
from pantau.core.images import ImageError, check_screenshot
from pantau.core.ocr import OcrError, ocr_image
from pantau.core.post_urls import parse_post_url
from pantau.core.safe_urls import UnsafeUrl, check_web_url
from pantau.core.sources.model import SourcePost
from pantau.monitoring.attribution import AccountDirectory
from pantau.monitoring.imports import store_posts
from pantau.monitoring.models import Complaint, Finding, Post
from pantau.web.url_fields import web_url_error

logger = logging.getLogger(__name__)
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class ComplaintError(Exception):
    """The complaint cannot be accepted; the message says what to correct."""


def screenshot_too_large(size: int | None) -> str:
    """Why an upload of ``size`` bytes is refused as a screenshot ("" when it is not)."""
    limit = settings.PANTAU_SCREENSHOT_MAX_BYTES
    if size is not None and size <= limit:
        return ""
    return _("the file is %(size).1f MB; at most %(limit)d MB") % {
        "size": (size or 0) / 1e6,
        "limit": limit // 10**6,
    }


def read_screenshot(upload) -> bytes | None:
    """An uploaded screenshot's bytes, refused by its size before any of it is read (Django has
    already streamed a large upload to a temporary file; reading it whole would cost its size)."""
    if upload is None:
        return None
    reason = screenshot_too_large(upload.size)
    if reason:
        raise ComplaintError(_("Screenshot: %s") % reason)
    return upload.read()


def new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"ADU-{timezone.localdate():%y%m}-{body}"


def _post_for(complaint: Complaint, text: str) -> Post | None:
    parsed = parse_post_url(complaint.post_url) if complaint.post_url else None
    platform = parsed.platform if parsed else "other"
    handle = (parsed.handle if parsed and parsed.handle else complaint.handle) or "unknown"
    post_id = parsed.post_id if parsed and parsed.post_id else None
    if not text and post_id:
        text = "(tidak ada teks; lihat tautan)"
    if not text:
        return None
    item = SourcePost(
        platform=platform,
        post_id=post_id,
        handle=handle,
        url=complaint.post_url,
        created_at=None,
        kind="post",
        text=text,
        language="id",
        reach={},
        raw={"complaint": complaint.reference},
        location={"file": "complaint"},
    )
    keep = timezone.now() + dt.timedelta(days=settings.PANTAU_RETENTION_DAYS)
    store_posts(
        [item], directory=AccountDirectory(), source="complaint", keep_unregistered_until=keep
    )
    key = item.post_id or f"h:{item.content_hash}"
    return Post.objects.select_related("account").get(platform=platform, post_id=key)


@transaction.atomic
def complaint_submit(
    *,
    post_url: str = "",
    handle: str = "",
    category: str,
    reason: str,
    screenshot: bytes | None = None,
    screenshot_name: str = "",
    anonymous: bool,
    reporter_name: str = "",
    reporter_contact: str = "",
    actor=None,
) -> Complaint:
    """Record a complaint, read its screenshot, store the post and put it up for review."""
    if not post_url and not screenshot:
        raise ComplaintError(_("Give the link to the post or a screenshot of it."))
    try:
        post_url = check_web_url(post_url)
    except UnsafeUrl as exc:
        raise ComplaintError(_("Link to the post: %s") % web_url_error(exc)) from None
    if not reason.strip():
        raise ComplaintError(_("Say why the post breaks the code of conduct."))
    if not anonymous and not reporter_contact.strip():
        raise ComplaintError(_("Give a contact (e-mail or phone), or report anonymously."))
    complaint = Complaint(
        reference=new_reference(),
        post_url=post_url,
        handle=handle.lstrip("@"),
        category=category,
        reason=reason.strip(),
        anonymous=anonymous,
        reporter_name="" if anonymous else reporter_name.strip(),
        reporter_contact="" if anonymous else reporter_contact.strip(),
    )
    if post_url:
        complaint.platform = parse_post_url(post_url).platform
    if screenshot:
        try:
            checked = check_screenshot(screenshot, max_bytes=settings.PANTAU_SCREENSHOT_MAX_BYTES)
        except ImageError as exc:
            raise ComplaintError(_("Screenshot: %s") % exc) from None
        complaint.screenshot_sha256 = checked.sha256
        extension = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}[checked.format]
        complaint.screenshot.save(
            f"{checked.sha256[:16]}.{extension}", ContentFile(screenshot), save=False
        )
        try:
            complaint.ocr_text = ocr_image(screenshot)
        except OcrError as exc:
            logger.warning("OCR failed for complaint %s: %s", complaint.reference, exc)
    complaint.save()
    text = complaint.ocr_text
    post = _post_for(complaint, text)
    if post is not None:
        complaint.post = post
        complaint.save(update_fields=["post"])
        Finding.objects.get_or_create(
            post=post,
            defaults={
                "employee_id": post.account.employee_id if post.account_id else None,
                "source": Finding.Source.COMPLAINT,
                "categories": [category],
                "top_category": category,
                "score": 0.0,
                "priority": 0.5,
            },
        )
    audit_record(
        action="monitoring.complaint.received",
        obj=complaint,
        actor=actor,
        after={
            "reference": complaint.reference,
            "category": category,
            "anonymous": anonymous,
            "post": post.pk if post else None,
            "screenshot_sha256": complaint.screenshot_sha256,
        },
    )
    transaction.on_commit(_scan_later)
    return complaint


def _scan_later() -> None:
    if settings.PANTAU_SCAN_IN_BACKGROUND:
        from pantau.monitoring.scanning import scan_in_background

        scan_in_background()


def complaint_status(*, reference: str) -> Complaint | None:
    return Complaint.objects.filter(reference=reference.strip().upper()).first()


def reporter_fingerprint(ip: str | None) -> str:
    """A keyed hash of the address for rate limits; the address itself is not stored."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip or '-'}".encode()).hexdigest()[:32]
