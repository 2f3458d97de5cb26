"""The one typeface of every letter and report PDF: Arimo, metric twin of Arial.

Indonesian official letters are usually set in Arial. Arimo (SIL Open Font License 1.1) has the
same widths, so a letter breaks its lines and pages as it would in Arial, and it comes from a
declared Python dependency (``fontpkg-arimo``), never from whatever fonts the server happens to
have: a letter rendered on the office server, in the test suite and on a national deployment has
the same lines and the same pages.

The package ships Arimo as a variable font (weight 400–700). ReportLab needs one static face per
style, so the four faces (regular, bold, italic, bold italic) are cut from it with fontTools, once
per installed version (about 5 seconds a face), and kept in ``PANTAU_FONT_DIR`` (default
``DATA_DIR/fonts/``). There is no fallback: without the package
rendering stops with :class:`FontUnavailable`, which names the package to install.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

PACKAGE = "fontpkg-arimo"
FAMILY = "Arimo"
# style: (source file in the package, weight, PostScript name embedded in the PDF)
FACES = {
    "regular": ("Arimo[wght].ttf", 400, "Arimo-Regular"),
    "bold": ("Arimo[wght].ttf", 700, "Arimo-Bold"),
    "italic": ("Arimo-Italic[wght].ttf", 400, "Arimo-Italic"),
    "bold_italic": ("Arimo-Italic[wght].ttf", 700, "Arimo-BoldItalic"),
}
# Hinting is for screens; a PDF does not use it, and dropping it makes the cut ten times faster.
_HINTING = ("fpgm", "prep", "cvt ", "cvar", "hdmx", "LTSH", "VDMX", "gasp")


class FontUnavailable(RuntimeError):
    """The letters' typeface cannot be loaded; the message says what to install."""


@dataclass(frozen=True)
class Family:
    """ReportLab font names of the registered faces."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def _source_folder() -> Path:
    try:
        import fontpkg_arimo
    except ImportError as exc:
        raise FontUnavailable(
            f"The letters' typeface {FAMILY} is missing: install the Python package "
            f"'{PACKAGE}' (a dependency of Pantau; ./scripts/bootstrap.sh installs it)."
        ) from exc
    return Path(fontpkg_arimo.ROOT) / "files"


def _cache_folder() -> Path:
    from django.conf import settings

    version = metadata.version(PACKAGE)
    root = getattr(settings, "PANTAU_FONT_DIR", None) or Path(settings.DATA_DIR) / "fonts"
    return Path(root) / f"{FAMILY.lower()}-{version}"


def _cut(source: Path, weight: int, postscript: str) -> bytes:
    """A static face of the variable font at ``weight``, named ``postscript``."""
    from fontTools.ttLib import TTFont as FtFont
    from fontTools.varLib.instancer import instantiateVariableFont

    font = FtFont(source)
    for tag in _HINTING:
        if tag in font:
            del font[tag]
    font = instantiateVariableFont(font, {"wght": weight}, optimize=False, updateFontNames=True)
    font["name"].setName(postscript, 6, 3, 1, 0x409)
    font["name"].setName(postscript, 6, 1, 0, 0)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def face_file(style: str) -> Path:
    """The static TrueType file of one style, cut and cached on first use."""
    filename, weight, postscript = FACES[style]
    source = _source_folder() / filename
    if not source.is_file():
        raise FontUnavailable(
            f"{source} is missing from the package '{PACKAGE}': reinstall it "
            f"(pip install --force-reinstall {PACKAGE})."
        )
    folder = _cache_folder()
    target = folder / f"{postscript}.ttf"
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        data = _cut(source, weight, postscript)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)  # atomic: a concurrent process sees the old state or the whole file
    return target


@lru_cache(maxsize=1)
def family() -> Family:
    """Register the four faces with ReportLab (once per process) and return their names."""
    names = {}
    for style, (_file, _weight, postscript) in FACES.items():
        pdfmetrics.registerFont(TTFont(postscript, str(face_file(style))))
        names[style] = postscript
    fam = Family(**names)
    pdfmetrics.registerFontFamily(
        fam.regular,
        normal=fam.regular,
        bold=fam.bold,
        italic=fam.italic,
        boldItalic=fam.bold_italic,
    )
    return fam


def embedded_names() -> set[str]:
    """The PostScript names a letter or report may embed (what ``pdffonts`` lists, less the tag)."""
    return {postscript for _file, _weight, postscript in FACES.values()}
