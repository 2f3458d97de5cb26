"""Every letter kind, in both languages, and the periodic report embed Arimo and nothing else.

``pdffonts`` (poppler-utils, installed by scripts/services.sh) reads the fonts a PDF really
embeds, so these tests fail if a PDF falls back to a machine font or to a non-embedded base font.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from pantau.letters.fonts import embedded_names
from pantau.letters.kinds import Kind
from pantau.letters.services import letter_issue
from tests.letters.conftest import issuer, read, record_second_summons

ARIMO = {"Arimo-Regular", "Arimo-Bold", "Arimo-Italic", "Arimo-BoldItalic"}


def pdf_fonts(data: bytes, tmp_path) -> list[dict]:
    """One dict per font ``pdffonts`` lists: name (subset tag removed), type, embedded."""
    assert shutil.which("pdffonts"), "pdffonts is missing (poppler-utils; scripts/services.sh)"
    path = tmp_path / "letter.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    lines = out.stdout.splitlines()[2:]  # a heading and a rule come first
    fonts = []
    for line in lines:
        parts = line.split()
        name = parts[0].split("+", 1)[-1]
        # columns after the name: type (one or two words), encoding, emb, sub, uni, object ID
        emb = parts[-5]
        fonts.append({"name": name, "type": " ".join(parts[1:-6]), "embedded": emb == "yes"})
    return fonts


def test_the_shipped_faces_are_the_four_arimo_styles():
    assert embedded_names() == ARIMO


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("kind", Kind.values)
def test_each_letter_embeds_arimo_only(case, users, kind, language, tmp_path):
    if kind == "summons_2":
        record_second_summons(case, users["inspector"])
    if language != "id":  # a copy in another language translates the Indonesian letter
        letter_issue(case=case, kind=kind, actor=issuer(users, kind))
    letter = letter_issue(case=case, kind=kind, actor=issuer(users, kind), language=language)
    fonts = pdf_fonts(read(letter.pdf), tmp_path)
    names = {f["name"] for f in fonts}
    assert names <= ARIMO, f"{kind}/{language} embeds {names - ARIMO}"
    assert {"Arimo-Regular", "Arimo-Bold"} <= names
    assert all(f["embedded"] for f in fonts), fonts
    assert all(f["type"].startswith("TrueType") for f in fonts), fonts


def test_the_periodic_report_embeds_arimo_only(registry, users, tmp_path):
    from pantau.reports.pdf import report_pdf
    from pantau.reports.periodic import report_build
    from pantau.reports.periods import parse_period
    from pantau.reports.scope import organisation_scope

    data = report_pdf(report_build(organisation_scope(), parse_period("2026-09")))
    fonts = pdf_fonts(data, tmp_path)
    names = {f["name"] for f in fonts}
    assert {"Arimo-Regular", "Arimo-Bold", "Arimo-Italic"} <= names <= ARIMO
    assert all(f["embedded"] for f in fonts), fonts


def test_without_the_font_package_rendering_stops_and_names_it(tmp_path):
    """No silent fallback: a Python without fontpkg-arimo gets an error naming the package."""
    code = (
        "import sys; sys.modules['fontpkg_arimo'] = None\n"
        "import django; django.setup()\n"
        "from pantau.letters.fonts import FontUnavailable, family\n"
        "try:\n    family()\n"
        "except FontUnavailable as exc:\n    print('REFUSED', exc)\n"
        "else:\n    print('RENDERED')\n"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PANTAU_DATA_DIR": str(tmp_path),
        "PYTHONPATH": ":".join(p for p in sys.path if p),
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("REFUSED"), out.stdout
    assert "fontpkg-arimo" in out.stdout
