"""Commemorations in the demo window (September to November) and how units post about them.

Hari Kesaktian Pancasila, Hari Batik, the city's 67th anniversary, Hari Santri, Sumpah Pemuda,
Hari Pahlawan, Hari Kesehatan Nasional and others, each limited to the units that would mark it.
"""

from __future__ import annotations

import datetime as dt

_CEREMONY = (
    "Upacara peringatan {event} di {tempat_upacara}, dipimpin langsung oleh {Pak Wali|Pak Sekda}.",
    "Selamat memperingati {event}! Seluruh pegawai {unit} mengikuti upacara dengan khidmat di "
    "{tempat_upacara}.",
)
# month, day, name, hashtag, units (None = all), templates
EVENTS: tuple[tuple[int, int, str, str, tuple[str, ...] | None, tuple[str, ...]], ...] = (
    (
        9,
        4,
        "Hari Pelanggan Nasional",
        "#HariPelangganNasional",
        ("DISDUKCAPIL", "DINKES", "KEL"),
        (
            "Memperingati {event}, {unit} memberikan {bunga|cokelat|suvenir} dan layanan prioritas bagi "
            "warga yang datang hari ini. Terima kasih atas kepercayaannya 🙏",
        ),
    ),
    (
        9,
        9,
        "Hari Olahraga Nasional",
        "#Haornas2026",
        None,
        (
            "Memperingati {event}, pegawai {unit} ikut senam bersama dan jalan sehat di "
            "{tempat_upacara}. Tubuh sehat, kerja semangat! 🏃",
        ),
    ),
    (
        9,
        17,
        "Hari Perhubungan Nasional",
        "#Harhubnas2026",
        ("DISHUB",),
        (
            "Upacara peringatan {event} di halaman kantor Dinas Perhubungan. Transportasi aman dan "
            "selamat untuk semua!",
        ),
    ),
    (
        9,
        26,
        "Hari Statistik Nasional",
        "#HSN2026",
        ("BAPPEDA", "DISKOMINFO"),
        ("Selamat {event}! Data yang baik adalah dasar kebijakan yang baik.",),
    ),
    (10, 1, "Hari Kesaktian Pancasila", "#HariKesaktianPancasila", None, _CEREMONY),
    (
        10,
        2,
        "Hari Batik Nasional",
        "#HariBatikNasional",
        None,
        (
            "Kompak berbatik di {event}! Pegawai {unit} memakai batik motif {Dayak|Kutai|sasirangan|"
            "khas Teluk Sejahtera} 🧡",
        ),
    ),
    (
        10,
        14,
        "HUT ke-67 Kota Teluk Sejahtera",
        "#HUTKota67",
        None,
        (
            "Dirgahayu Kota Teluk Sejahtera ke-67! Bersama kita melangkah, Teluk Sejahtera makin "
            "{maju|bersinar|berbenah}!",
            "Parade HUT ke-67 Kota Teluk Sejahtera: kontingen {unit} tampil dengan kostum {adat Dayak|"
            "adat Banjar|adat Kutai|nelayan pesisir}. Seru banget!",
            "Jalan sehat HUT ke-67 Kota Teluk Sejahtera, start dari {tempat_upacara}. Ribuan warga "
            "tumpah ruah!",
            "Upacara HUT ke-67 Kota Teluk Sejahtera di Lapangan Merdeka. Bangga jadi bagian dari kota "
            "ini!",
        ),
    ),
    (10, 22, "Hari Santri", "#HariSantri2026", None, _CEREMONY),
    (
        10,
        28,
        "Hari Sumpah Pemuda",
        "#SumpahPemuda",
        None,
        _CEREMONY
        + ("Pemuda bersatu, Indonesia maju! Selamat {event} dari keluarga besar {unit}.",),
    ),
    (
        11,
        10,
        "Hari Pahlawan",
        "#HariPahlawan",
        None,
        _CEREMONY
        + (
            "Ziarah dan tabur bunga di Taman Makam Pahlawan dalam rangka {event}. Jasamu abadi.",
            "Mengheningkan cipta pukul 08.15 dalam rangka {event}. Terima kasih para pahlawan 🇮🇩",
        ),
    ),
    (
        11,
        12,
        "Hari Kesehatan Nasional ke-62",
        "#HKN62",
        ("DINKES",),
        (
            "Selamat {event}! Nakes Puskesmas se-Kota Teluk Sejahtera membuka pemeriksaan kesehatan "
            "gratis di {tempat}.",
            "Upacara {event} di halaman Dinas Kesehatan. Generasi sehat, Indonesia emas!",
        ),
    ),
    (
        11,
        16,
        "Hari Toleransi Internasional",
        "#HariToleransi",
        ("SETDA", "KEC", "KEL", "BAGHUK"),
        ("Dialog lintas iman bersama FKUB dalam rangka {event}. Berbeda-beda tetap satu jua 🇮🇩",),
    ),
    (
        11,
        20,
        "Hari Anak Sedunia",
        "#HariAnakSedunia",
        ("DISDIK", "DINKES", "KEL"),
        (
            "Memperingati {event}, {unit} mengajak anak-anak bermain permainan tradisional di "
            "{tempat}. Anak bahagia, kota bahagia!",
        ),
    ),
    (
        11,
        22,
        "Hari Guru Nasional",
        "#HariGuruNasional",
        ("DISDIK",),
        (
            "Gladi bersih upacara {event} di {sekolah}. Terima kasih guru-guru hebat Teluk Sejahtera!",
            "Persiapan lomba guru berprestasi menyambut {event}. Semangat para pendidik!",
        ),
    ),
)


def event_on(day: dt.date, group: str) -> tuple[str, str, tuple[str, ...]] | None:
    """The commemoration on ``day`` (or the day after) that concerns ``group``, if any."""
    for month, d, name, tag, units, templates in EVENTS:
        event_day = dt.date(day.year, month, d)
        if 0 <= (day - event_day).days <= 1 and (units is None or group in units):
            return name, tag, templates
    return None
