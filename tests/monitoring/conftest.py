"""Fixtures for monitoring tests: a screenshot drawn with Pillow."""

from __future__ import annotations

import io
import shutil

import pytest


def _font_file() -> str:
    """Arimo from Pantau's own dependency, so OCR tests never depend on the machine's fonts."""
    import fontpkg_arimo

    return str(fontpkg_arimo.ROOT / "files" / "Arimo[wght].ttf")


def draw_screenshot(lines: list[str], *, size=(900, 260), fmt="PNG") -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(_font_file(), 30)
    for i, line in enumerate(lines):
        draw.text((30, 30 + i * 50), line, fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture
def tesseract():
    if not shutil.which("tesseract"):
        pytest.skip("tesseract is not installed (scripts/services.sh installs it)")
    from pantau.core.ocr import languages

    if "ind" not in languages():
        pytest.skip("Tesseract's Indonesian data is missing (tesseract-ocr-ind)")
    return True


@pytest.fixture
def _fresh_engine():
    """The scanner's engine and claim index are per process: start and end each test afresh."""
    from pantau.monitoring.claims import reset_claim_index
    from pantau.monitoring.scanning import reset_engines

    reset_engines()
    reset_claim_index()
    yield
    reset_engines()
    reset_claim_index()
