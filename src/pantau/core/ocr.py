"""Reading text from screenshots with the Tesseract command (Indonesian and English data)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


class OcrError(RuntimeError):
    """Tesseract is missing or failed; ``permanent`` is False for a time-out."""

    def __init__(self, message: str, permanent: bool = True) -> None:
        super().__init__(message)
        self.permanent = permanent


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def languages() -> set[str]:
    if not tesseract_available():
        return set()
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return {line.strip() for line in out.stdout.splitlines()[1:] if line.strip()}


def ocr_image(data: bytes, *, lang: str = "ind+eng", timeout: int = 60) -> str:
    """The text Tesseract reads in the image, whitespace tidied."""
    if not tesseract_available():
        raise OcrError(
            "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-ind)"
        )
    wanted = [code for code in lang.split("+") if code in languages()] or ["eng"]
    with tempfile.TemporaryDirectory(prefix="pantau-ocr-") as tmp:
        source = Path(tmp) / "image"
        source.write_bytes(data)
        try:
            result = subprocess.run(
                ["tesseract", str(source), "stdout", "-l", "+".join(wanted), "--psm", "3"],
                capture_output=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            raise OcrError(f"OCR took longer than {timeout} s", permanent=False) from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"tesseract failed: {message[-1] if message else result.returncode}")
    text = result.stdout.decode("utf-8", "replace")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()
