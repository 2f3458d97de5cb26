"""The default letter templates, letterhead and numbering schemes that a fresh install gets.

The template texts live as files in ``pantau/templates/letters/defaults/<language>/<kind>.txt``
(written for Pantau in formal Bahasa Indonesia, with an English version of each). A file holds a
few ``key: value`` lines (title, sifat, attachment) and then ``=== addressee``, ``=== copies``
and ``=== body`` sections. :func:`seed` is called by the data migration and creates only what is
missing, so an admin's edits are never overwritten.
"""

from __future__ import annotations

from pathlib import Path

from pantau.letters.kinds import Kind, Language
from pantau.letters.numbering import DEFAULT_CODES

DEFAULTS_DIR = Path(__file__).resolve().parent.parent / "templates" / "letters" / "defaults"
DEMO_ORGANISATION = "Pemerintah Kota Teluk Sejahtera"
PREFIXES = ("Pemerintah Kota ", "Pemerintah Kabupaten ", "Pemerintah Provinsi ")


def read_default(kind: str, language: str) -> dict:
    """The default template of ``kind`` in ``language`` as LetterTemplate field values."""
    text = (DEFAULTS_DIR / language / f"{kind}.txt").read_text(encoding="utf-8")
    fields = {"kind": kind, "language": language, "addressee": "", "copies": "", "body": ""}
    section = None
    lines: dict[str, list[str]] = {"addressee": [], "copies": [], "body": []}
    for line in text.splitlines():
        if line.startswith("=== "):
            section = line[4:].strip()
            continue
        if section is None:
            if ":" in line:
                key, value = line.split(":", 1)
                fields[key.strip()] = value.strip()
            continue
        lines[section].append(line)
    for key, value in lines.items():
        fields[key] = "\n".join(value).strip() + ("\n" if value else "")
    return fields


def letterhead_defaults(organisation: str) -> dict:
    """Letterhead values derived from the organisation's name (contacts only for the demo)."""
    city = organisation
    for prefix in PREFIXES:
        city = city.removeprefix(prefix)
    region = "Kota" if organisation.startswith("Pemerintah Kota") else "Kabupaten"
    head = "Wali Kota" if region == "Kota" else "Bupati"
    values = {
        "organisation": organisation,
        "unit_name": "INSPEKTORAT",
        "city": city,
        "signatory_title": f"Inspektur {region} {city}",
        "decider_title": f"{head} {city}",
        "exam_place": "Ruang Pemeriksaan, Kantor Inspektorat",
        "exam_time": "09.00",
    }
    if organisation == DEMO_ORGANISATION:
        values.update(
            {
                "address": "Jalan Balai Kota Nomor 1, Teluk Sejahtera",
                "email": "inspektorat@teluksejahtera.go.id",
                "website": "inspektorat.teluksejahtera.go.id",
            }
        )
    return values


def seed(apps=None) -> None:
    """Create the missing defaults (templates, letterhead, numbering); keep existing rows."""
    from django.conf import settings

    def model(name):
        if apps is None:
            from django.apps import apps as live

            return live.get_model("letters", name)
        return apps.get_model("letters", name)

    template, head, scheme = model("LetterTemplate"), model("Letterhead"), model("NumberingScheme")
    for kind in Kind.values:
        for language in Language.values:
            if not template.objects.filter(kind=kind, language=language).exists():
                template.objects.create(**read_default(kind, language))
        scheme.objects.get_or_create(kind=kind, defaults={"code": DEFAULT_CODES[kind]})
    if not head.objects.exists():
        head.objects.create(pk=1, **letterhead_defaults(settings.PANTAU_ORGANISATION))
