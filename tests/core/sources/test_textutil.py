"""Text helpers: mojibake repair, NFC, language guess, HTML to text, dates and counts."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from pantau.core.sources.textutil import (
    clean_text,
    fix_mojibake,
    get_tz,
    guess_language,
    html_to_text,
    parse_datetime,
    to_int,
)
from tests.core.sources.samples import ARABIC, mojibake

WITA = get_tz("Asia/Makassar")
WITA_FIXED = dt.timezone(dt.timedelta(hours=8))


@pytest.mark.parametrize(
    "text", ["😀", "sé", "Selamat 👍🏽 café", ARABIC, "日本語", "“kutipan” – ok"]
)
def test_meta_mojibake_round_trip(text):
    assert clean_text(mojibake(text), meta=True) == text


def test_mojibake_is_left_alone_when_it_is_not_mojibake():
    assert fix_mojibake("NÃO é") == "NÃO é"  # Portuguese, not UTF-8 read as Latin-1
    assert fix_mojibake("café", always=True) == "café"
    assert fix_mojibake("Ã©") == "é"
    assert fix_mojibake("plain ascii") == "plain ascii"


def test_nfc_and_strip():
    decomposed = unicodedata.normalize("NFD", " café ")
    assert clean_text(decomposed) == "café"
    assert clean_text(None) == "" and clean_text(12) == "12"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Saya tidak setuju dengan kebijakan yang baru ini", "id"),
        ("gak usah dong, udah jelas kok", "id"),
        ("This is not what the people want", "en"),
        (ARABIC, ""),
        ("😀😀", ""),
        ("", ""),
    ],
)
def test_guess_language(text, lang):
    assert guess_language(text) == lang


def test_html_to_text():
    assert (
        html_to_text("<p>Satu<br/>dua &amp; <b>tiga</b></p><p>empat</p>")
        == "Satu\ndua & tiga\n\nempat"
    )
    assert html_to_text("<style>p{}</style><script>x()</script>ok") == "ok"
    assert html_to_text("tanpa tag") == "tanpa tag"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-02T03:04:05Z", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)),
        ("2024-01-02 11:04:05", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)),
        ("Wed Oct 10 20:19:24 +0000 2018", dt.datetime(2018, 10, 10, 20, 19, 24, tzinfo=dt.UTC)),
        ("Mon, 01 Jan 2024 10:00:00 +0700", dt.datetime(2024, 1, 1, 3, tzinfo=dt.UTC)),
        ("02/01/2024 08:00", dt.datetime(2024, 1, 2, 0, tzinfo=dt.UTC)),
        (1704067200, dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
        ("1704067200000", dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
        (dt.date(2024, 1, 2), dt.datetime(2024, 1, 1, 16, tzinfo=dt.UTC)),
    ],
)
def test_parse_datetime(value, expected):
    parsed = parse_datetime(value, WITA)
    assert parsed == expected and parsed.utcoffset() == dt.timedelta(hours=8)


def test_parse_datetime_empty_and_bad():
    assert parse_datetime("", WITA) is None and parse_datetime(None, WITA) is None
    with pytest.raises(ValueError, match="not a date"):
        parse_datetime("minggu lalu", WITA)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, 12),
        ("1.234", 1234),
        ("1,234,567", 1234567),
        ("1,2K", 1200),
        ("3 rb", 3000),
        ("2jt", 2_000_000),
        ("7", 7),
        (3.0, 3),
        ("banyak", None),
        (None, None),
        (True, None),
    ],
)
def test_to_int(value, expected):
    assert to_int(value) == expected


def test_unknown_zone():
    with pytest.raises(ValueError, match="unknown time zone"):
        get_tz("Mars/Olympus")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05 Agustus 2019", dt.datetime(2019, 8, 5, tzinfo=WITA_FIXED)),
        ("Sen, 05 Agt 2019 10:00:00 +0700", dt.datetime(2019, 8, 5, 11, tzinfo=WITA_FIXED)),
        ("12 Mei 2024 pukul 09.30 WIB", dt.datetime(2024, 5, 12, 10, 30, tzinfo=WITA_FIXED)),
        ("Rabu, 11 Okt 2023 14:05:00 GMT", dt.datetime(2023, 10, 11, 22, 5, tzinfo=WITA_FIXED)),
        ("1 Des 2022", dt.datetime(2022, 12, 1, tzinfo=WITA_FIXED)),
        ("17 Nopember 2021 08:00 WIT", dt.datetime(2021, 11, 17, 7, tzinfo=WITA_FIXED)),
    ],
)
def test_indonesian_month_names(text, expected):
    assert parse_datetime(text, WITA_FIXED) == expected


@pytest.mark.parametrize("text", ["kemarin sore", "31 Februari 2024", "05 Bulan 2019"])
def test_what_is_not_an_indonesian_date_is_still_refused(text):
    with pytest.raises(ValueError, match="not a date"):
        parse_datetime(text, WITA_FIXED)
