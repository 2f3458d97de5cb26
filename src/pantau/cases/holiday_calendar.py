"""The national holidays and cuti bersama Pantau ships for 2026 and 2027, with their decrees.

Facts from the joint ministerial decrees (SKB Menag/Menaker/MenPANRB) as summarised in
REGULATIONS.md §1.3–1.4; the 2027 list rests on secondary sources (confidence MEDIUM) and its
Islamic holidays may move after the sidang isbat, so admins keep this table up to date.
"""

from __future__ import annotations

SKB_2026 = "SKB Menag/Menaker/MenPANRB No. 1497/2025, 2/2025, 5/2025 (19 Sep 2025)"
KEPPRES_2026 = "Keppres 42/2025 (cuti bersama ASN 2026)"
SKB_2027 = (
    "SKB Menag/Menaker/MenPANRB No. 1205/2026, 3/2026, 2/2026 (15 Sep 2026), secondary sources"
)

N, C = "libur_nasional", "cuti_bersama"

SHIPPED_HOLIDAYS: list[tuple[str, str, str, str]] = [
    ("2026-01-01", "Tahun Baru Masehi", N, SKB_2026),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", N, SKB_2026),
    ("2026-02-16", "Cuti bersama Tahun Baru Imlek", C, f"{SKB_2026}; {KEPPRES_2026}"),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", N, SKB_2026),
    ("2026-03-18", "Cuti bersama Hari Suci Nyepi", C, f"{SKB_2026}; {KEPPRES_2026}"),
    ("2026-03-19", "Hari Suci Nyepi, Tahun Baru Saka 1948", N, SKB_2026),
    ("2026-03-20", "Cuti bersama Idulfitri 1447 H", C, f"{SKB_2026}; {KEPPRES_2026}"),
    ("2026-03-21", "Idulfitri 1447 H, hari pertama", N, SKB_2026),
    ("2026-03-22", "Idulfitri 1447 H, hari kedua", N, SKB_2026),
    ("2026-03-23", "Cuti bersama Idulfitri 1447 H", C, f"{SKB_2026}; {KEPPRES_2026}"),
    ("2026-03-24", "Cuti bersama Idulfitri 1447 H", C, f"{SKB_2026}; {KEPPRES_2026}"),
    ("2026-04-03", "Wafat Yesus Kristus", N, SKB_2026),
    ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)", N, SKB_2026),
    ("2026-05-01", "Hari Buruh Internasional", N, SKB_2026),
    ("2026-05-14", "Kenaikan Yesus Kristus", N, SKB_2026),
    ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus", C, f"{SKB_2026}; {KEPPRES_2026}"),
    ("2026-05-27", "Iduladha 1447 H", N, SKB_2026),
    ("2026-05-28", "Cuti bersama Iduladha 1447 H", C, f"{SKB_2026}; {KEPPRES_2026}"),
    ("2026-05-31", "Hari Raya Waisak 2570 BE", N, SKB_2026),
    ("2026-06-01", "Hari Lahir Pancasila", N, SKB_2026),
    ("2026-06-16", "Tahun Baru Islam 1448 H", N, SKB_2026),
    ("2026-08-17", "Hari Proklamasi Kemerdekaan", N, SKB_2026),
    ("2026-08-25", "Maulid Nabi Muhammad SAW", N, SKB_2026),
    ("2026-12-24", "Cuti bersama Hari Natal", C, f"{SKB_2026}; {KEPPRES_2026}"),
    ("2026-12-25", "Hari Natal (Kelahiran Yesus Kristus)", N, SKB_2026),
    ("2027-01-01", "Tahun Baru Masehi", N, SKB_2027),
    ("2027-01-05", "Isra Mikraj Nabi Muhammad SAW 1448 H", N, SKB_2027),
    ("2027-02-05", "Cuti bersama Tahun Baru Imlek", C, SKB_2027),
    ("2027-02-06", "Tahun Baru Imlek 2578 Kongzili", N, SKB_2027),
    ("2027-03-08", "Hari Suci Nyepi, Tahun Baru Saka 1949", N, SKB_2027),
    ("2027-03-09", "Cuti bersama Idulfitri 1448 H", C, SKB_2027),
    ("2027-03-10", "Idulfitri 1448 H, hari pertama", N, SKB_2027),
    ("2027-03-11", "Idulfitri 1448 H, hari kedua", N, SKB_2027),
    ("2027-03-12", "Cuti bersama Idulfitri 1448 H", C, SKB_2027),
    ("2027-03-15", "Cuti bersama Idulfitri 1448 H", C, SKB_2027),
    ("2027-03-25", "Cuti bersama Wafat Yesus Kristus", C, SKB_2027),
    ("2027-03-26", "Wafat Yesus Kristus", N, SKB_2027),
    ("2027-03-28", "Kebangkitan Yesus Kristus (Paskah)", N, SKB_2027),
    ("2027-05-01", "Hari Buruh Internasional", N, SKB_2027),
    ("2027-05-06", "Kenaikan Yesus Kristus", N, SKB_2027),
    ("2027-05-17", "Iduladha 1448 H", N, SKB_2027),
    ("2027-05-18", "Cuti bersama Iduladha 1448 H", C, SKB_2027),
    ("2027-05-19", "Cuti bersama Hari Raya Waisak", C, SKB_2027),
    ("2027-05-20", "Hari Raya Waisak 2571 BE", N, SKB_2027),
    ("2027-06-01", "Hari Lahir Pancasila", N, SKB_2027),
    ("2027-06-06", "Tahun Baru Islam 1449 H", N, SKB_2027),
    ("2027-08-15", "Maulid Nabi Muhammad SAW", N, SKB_2027),
    ("2027-08-17", "Hari Proklamasi Kemerdekaan", N, SKB_2027),
    ("2027-12-24", "Cuti bersama Hari Natal", C, SKB_2027),
    ("2027-12-25", "Hari Natal (Kelahiran Yesus Kristus)", N, SKB_2027),
    ("2027-12-26", "Isra Mikraj Nabi Muhammad SAW 1449 H", N, SKB_2027),
]
