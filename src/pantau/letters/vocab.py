"""The fixed words of a letter in its own language, and the formatting of dates and numbers.

Letters are documents in the language chosen at issue, whatever the reader's interface
language, so the few words the layout itself prints (Nomor, Sifat, Tembusan…) live here per
language, next to the per-language templates, rather than in the interface catalogue. Dates go
through Django's formats inside ``translation.override`` (Indonesian month and day names come
with Django's own ``id`` locale): "24 November 2026", "Selasa".
"""

from __future__ import annotations

import datetime as dt

from django.utils import formats, translation

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "number": "Nomor",
        "sifat": "Sifat",
        "attachment": "Lampiran",
        "subject": "Hal",
        "copies": "Tembusan",
        "page": "Halaman {n} dari {total}",
        "draft": "DRAF",
        "nip": "NIP",
        "examined": "Yang diperiksa,",
        "examiner": "Pemeriksa,",
        "refused": "(menolak menandatangani)",
        "decreed_at": "Ditetapkan di",
        "decreed_on": "pada tanggal",
        "correction": "Surat ini merupakan ralat atas surat Nomor {number} tanggal {date}, yang "
        "dengan ini dinyatakan tidak berlaku. Alasan ralat: {reason}",
        "in_person": "tatap muka langsung",
        "virtual": "virtual",
        "and": "dan",
        "months": "{n} ({words}) bulan",
        "examiner_position": "Pemeriksa pada {unit}",
        "unnamed": "....................................",
        "team_chair": "Ketua Tim Pemeriksa",
        "translation": "Terjemahan / Translation of letter no. {number} dated {date}",
        "phone": "Telepon",
        "email": "Pos-el",
        "website": "Laman",
    },
    "en": {
        "number": "Number",
        "sifat": "Classification",
        "attachment": "Attachment",
        "subject": "Subject",
        "copies": "Copies",
        "page": "Page {n} of {total}",
        "draft": "DRAFT",
        "nip": "NIP",
        "examined": "Examined,",
        "examiner": "Examiner,",
        "refused": "(refused to sign)",
        "decreed_at": "Set at",
        "decreed_on": "on",
        "correction": "This letter corrects letter number {number} dated {date}, which is hereby "
        "withdrawn. Reason for the correction: {reason}",
        "in_person": "in person",
        "virtual": "virtual",
        "and": "and",
        "months": "{n} months",
        "examiner_position": "Examiner, {unit}",
        "unnamed": "....................................",
        "team_chair": "Chair of the Examination Team",
        "translation": "Terjemahan / Translation of letter no. {number} dated {date}. The "
        "Indonesian letter is the letter of record.",
        "phone": "Telephone",
        "email": "E-mail",
        "website": "Website",
    },
}

# Pangkat for each golongan ruang (PNS ranks; official names, the same in both languages).
RANKS = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}

# Time zones of Indonesia and their customary abbreviations.
ZONES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

_ONES = [
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
]


def label(language: str, key: str, **values) -> str:
    text = LABELS.get(language, LABELS["id"])[key]
    return text.format(**values) if values else text


def rank(grade: str) -> str:
    """'Penata (III/c)' for 'III/c'; the grade alone if unknown; '-' if empty."""
    if not grade:
        return "-"
    return f"{RANKS[grade]} ({grade})" if grade in RANKS else grade


def words_id(n: int) -> str:
    """An integer 0–999,999 in Indonesian words (terbilang): 2026 → 'dua ribu dua puluh enam'."""
    if n < 0 or n >= 1_000_000:
        raise ValueError("words_id handles 0 to 999,999")
    if n == 0:
        return "nol"
    if n < 12:
        return _ONES[n]
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[rest]}" if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus"
        return head + (f" {words_id(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "seribu" if thousands == 1 else f"{words_id(thousands)} ribu"
    return head + (f" {words_id(rest)}" if rest else "")


def date_text(value: dt.date | None, language: str) -> str:
    """'24 November 2026' (Django's formats, in the letter's language); '-' if unknown."""
    if value is None:
        return "-"
    with translation.override(language):
        return formats.date_format(value, "j F Y")


def day_name(value: dt.date | None, language: str) -> str:
    if value is None:
        return "-"
    with translation.override(language):
        return formats.date_format(value, "l")


def month_name(value: dt.date, language: str) -> str:
    with translation.override(language):
        return formats.date_format(value, "F")


def join(items: list[str], language: str) -> str:
    """'A, B dan C' ('and' in English); Indonesian usage puts no comma before 'dan'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {label(language, 'and')} {items[-1]}"


def months_text(months: int | None, language: str) -> str:
    if not months:
        return ""
    return label(language, "months", n=months, words=words_id(months))


def zone_abbreviation(zone_name: str) -> str:
    return ZONES.get(zone_name, zone_name)
