"""Checking an employee's evidence attachment by its content, not its name: PDF or an image.

A response (hak jawab) may carry documents. What is stored as evidence must be what it claims
to be and bounded in size: a PDF (header, end marker and a page) or a PNG, JPEG or WebP
image (``core.images``). Anything else — an executable renamed ``.pdf``, an empty file, a
document too large — is refused with the file's name and the reason.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from pantau.core.images import ImageError, check_screenshot

MAX_BYTES = 10 * 1024 * 1024


class AttachmentError(ValueError):
    """The attachment is refused; the message names the file and the reason."""


@dataclass(frozen=True)
class CheckedAttachment:
    content_type: str
    sha256: str
    size: int


_PAGE = re.compile(rb"/Type\s*/Page\b")


def _is_pdf(data: bytes) -> bool:
    """A PDF's header, its end-of-file marker near the end, and at least one page object."""
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:] and _PAGE.search(data) is not None


def check_attachment(name: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> CheckedAttachment:
    """Accept a readable PDF or a PNG/JPEG/WebP image of at most ``max_bytes``."""
    if not data:
        raise AttachmentError(f"{name}: the file is empty")
    if len(data) > max_bytes:
        raise AttachmentError(
            f"{name}: the file is {len(data) / 1e6:.1f} MB; at most {max_bytes / 1e6:.0f} MB"
        )
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF-"):
        if not _is_pdf(data):
            raise AttachmentError(
                f"{name}: the file starts like a PDF but is damaged or has no pages"
            )
        return CheckedAttachment("application/pdf", digest, len(data))
    try:
        image = check_screenshot(data, max_bytes=max_bytes)
    except ImageError as exc:
        raise AttachmentError(f"{name}: not a PDF or an image Pantau accepts ({exc})") from None
    return CheckedAttachment(image.content_type, digest, len(data))
