"""Validating uploaded screenshots: the type is read from the content, not the file name."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MIN_SIDE = 50
MAX_SIDE = 12_000
ALLOWED = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}


class ImageError(ValueError):
    """The upload is not an acceptable screenshot; the message says which check failed."""


@dataclass(frozen=True)
class CheckedImage:
    format: str
    content_type: str
    width: int
    height: int
    sha256: str
    size: int


def check_screenshot(data: bytes, *, max_bytes: int = MAX_BYTES) -> CheckedImage:
    """Accept PNG, JPEG or WebP within size and pixel limits; refuse everything else."""
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise ImageError("the file is empty")
    if len(data) > max_bytes:
        raise ImageError(f"the file is {len(data) / 1e6:.1f} MB; at most {max_bytes / 1e6:.0f} MB")
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format or ""
            width, height = image.size
            if fmt not in ALLOWED:
                raise ImageError(
                    f"{fmt or 'unknown'} images are not accepted; use PNG, JPEG or WebP"
                )
            if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                raise ImageError(f"the image is {width}×{height} pixels; too large")
            if min(width, height) < MIN_SIDE:
                raise ImageError(f"the image is {width}×{height} pixels; too small to read")
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise ImageError("the file is not an image Pantau can read") from None
    except (OSError, SyntaxError) as exc:
        raise ImageError(f"the image is damaged ({exc.__class__.__name__})") from None
    return CheckedImage(
        fmt, ALLOWED[fmt], width, height, hashlib.sha256(data).hexdigest(), len(data)
    )
