"""The tables of the periodic report, in Indonesian, shared by the PDF and the spreadsheet.

Each :class:`Section` is a title, column headers and rows of plain values (numbers stay numbers
so the spreadsheet can sum them; the PDF formats them the Indonesian way).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pantau.core.cases.sanctions import sanction
from pantau.reports.labels import (
    CATEGORIES_ID,
    LEVELS_ID,
    OUTCOMES_ID,
    OVERTURN_ID,
    STATUSES_ID,
    persen,
    platform_label,
)
from pantau.reports.outcomes import OUTCOME_KEYS
from pantau.reports.periodic import Figures, PeriodicReport

TOP_UNITS = 15


@dataclass
class Section:
    key: str
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""


def _delta(now: int, before: int) -> str:
    if now == before:
        return "tetap"
    sign = "+" if now > before else "−"
    if before == 0:
        return f"{sign}{abs(now - before)} (baru)"
    return f"{sign}{abs(now - before)} ({persen(abs(now - before), before)})"


def key_rows(cur: Figures, prev: Figures) -> list[tuple[str, int, int]]:
    lv, pv = cur.sanctions.get("levels", {}), prev.sanctions.get("levels", {})
    return [
        ("Postingan dipindai", cur.posts_scanned, prev.posts_scanned),
        ("Temuan untuk ditelaah", cur.findings, prev.findings),
        ("Dikonfirmasi sebagai pelanggaran", cur.confirmed, prev.confirmed),
        ("Ditolak (positif palsu)", cur.status.get("dismissed", 0), prev.status.get("dismissed", 0)),
        ("Kritik yang dilindungi", cur.protected, prev.protected),
        ("Bukan akun pegawai / diretas", cur.status.get("not_attributable", 0),
         prev.status.get("not_attributable", 0)),
        ("Masih menunggu telaah", cur.status.get("new", 0), prev.status.get("new", 0)),
        ("Kasus dibuka", cur.cases_opened, prev.cases_opened),
        ("Selesai melalui pembinaan tanpa hukuman", cur.resolved_guidance, prev.resolved_guidance),
        ("Hukuman disiplin diputuskan", cur.sanctioned, prev.sanctioned),
        ("– tingkat ringan", lv.get("light", 0), pv.get("light", 0)),
        ("– tingkat sedang", lv.get("medium", 0), pv.get("medium", 0)),
        ("– tingkat berat", lv.get("heavy", 0), pv.get("heavy", 0)),
        ("Temuan yang dibatalkan", cur.overturned_findings, prev.overturned_findings),
        ("Permintaan penghapusan postingan", cur.deletion.get("requested", 0),
         prev.deletion.get("requested", 0)),
        ("Postingan dihapus", cur.deletion.get("deleted", 0), prev.deletion.get("deleted", 0)),
    ]  # fmt: skip


def _breakdown(key, title, column, cur: dict, prev: dict, label, limit=None) -> Section:
    keys = list(dict.fromkeys([*cur, *prev]))
    keys.sort(key=lambda k: (-cur.get(k, 0), -prev.get(k, 0), str(k)))
    rows = [[label(k), cur.get(k, 0), prev.get(k, 0)] for k in keys]
    if limit and len(rows) > limit:
        rest = rows[limit - 1 :]
        rows = rows[: limit - 1] + [
            ["Unit lainnya", sum(r[1] for r in rest), sum(r[2] for r in rest)]
        ]
    rows.append(["Jumlah", sum(cur.values()), sum(prev.values())])
    return Section(key, title, [column, "Periode ini", "Periode sebelumnya"], rows)


def _precision(cur: Figures) -> Section:
    rows = []
    for row in [*cur.precision.get("categories", []), cur.precision.get("overall", {})]:
        if not row:
            continue
        name = (
            CATEGORIES_ID.get(row["category"], row["category"])
            if row["category"]
            else "Semua kategori"
        )
        rows.append([name, row["tp"], row["fp"], persen(row["tp"], row["n"])])
    return Section(
        "precision",
        "H. Presisi model menurut keputusan peninjau",
        ["Kategori", "Terbukti (benar positif)", "Ditolak/kritik (positif palsu)", "Presisi"],
        rows,
        "Hanya temuan hasil pemindaian; keputusan 'bukan akun pegawai' tidak dihitung.",
    )


def report_sections(report: PeriodicReport) -> list[Section]:
    cur, prev = report.current, report.previous
    key = Section(
        "key",
        "B. Angka utama dan perbandingan dengan periode sebelumnya",
        ["Uraian", cur.period.label_id, prev.period.label_id, "Perubahan"],
        [[label, a, b, _delta(a, b)] for label, a, b in key_rows(cur, prev)],
    )
    funnel = Section(
        "funnel",
        "D. Tindak lanjut temuan yang dikonfirmasi pada periode ini",
        ["Keadaan sekarang", "Temuan", "Bagian"],
        [[OUTCOMES_ID[k], cur.funnel.get(k, 0), persen(cur.funnel.get(k, 0), cur.confirmed)]
         for k in OUTCOME_KEYS] + [["Jumlah dikonfirmasi", cur.confirmed, "100%" if cur.confirmed else "–"]],
    )  # fmt: skip
    codes = cur.sanctions.get("codes", {})
    sanctions = Section(
        "sanctions",
        "E. Hukuman disiplin yang diputuskan pada periode ini",
        ["Jenis hukuman", "Tingkat", "Keputusan"],
        [[sanction(c).name_id, LEVELS_ID[sanction(c).level.value], n] for c, n in codes.items()]
        + [["Jumlah", "", cur.sanctioned]],
        "Tidak ada hukuman disiplin pada periode ini." if not cur.sanctioned else "",
    )
    protected = _breakdown(
        "protected", "F. Kritik yang dilindungi menurut kategori yang ditandai", "Kategori",
        cur.protected_by_category, prev.protected_by_category, lambda k: CATEGORIES_ID.get(k, k),
    )  # fmt: skip
    overturned = Section(
        "overturned",
        "G. Temuan yang dibatalkan dan kepatuhan penghapusan",
        ["Uraian", "Periode ini", "Periode sebelumnya"],
        [[OVERTURN_ID[k], cur.overturned.get(k, 0), prev.overturned.get(k, 0)] for k in OVERTURN_ID]
        + [
            ["Temuan dalam kasus yang dibatalkan", cur.overturned_findings, prev.overturned_findings],
            ["Permintaan penghapusan (pembinaan dimulai)", cur.deletion.get("requested", 0), prev.deletion.get("requested", 0)],
            ["Postingan terbukti dihapus", cur.deletion.get("deleted", 0), prev.deletion.get("deleted", 0)],
            ["Dihapus dalam batas waktu", cur.deletion.get("on_time", 0), prev.deletion.get("on_time", 0)],
            ["Kasus dengan postingan masih tayang saat diperiksa", cur.deletion.get("still_online", 0), prev.deletion.get("still_online", 0)],
        ],
        "Baris kasus dihitung per kasus; baris temuan per temuan.",
    )  # fmt: skip
    return [
        key,
        _breakdown("status", "C.1 Temuan menurut hasil telaah", "Status", cur.status, prev.status,
                   lambda k: STATUSES_ID.get(k, k)),
        _breakdown("category", "C.2 Temuan menurut kategori", "Kategori", cur.category, prev.category,
                   lambda k: CATEGORIES_ID.get(k, k)),
        _breakdown("platform", "C.3 Temuan menurut platform", "Platform", cur.platform, prev.platform,
                   platform_label),
        _breakdown("unit", "C.4 Temuan menurut unit kerja", "Unit kerja", cur.unit, prev.unit, str,
                   limit=TOP_UNITS),
        funnel,
        sanctions,
        protected,
        overturned,
        _precision(cur),
    ]  # fmt: skip


METHOD_NOTES = [
    "Temuan dihitung menurut waktu ditemukan; keputusan peninjau menurut waktu diputus; "
    "hukuman disiplin menurut tanggal keputusan; postingan menurut waktu diunggah.",
    "Tabel D menunjukkan keadaan terkini dari temuan periode ini: temuan yang dikonfirmasi "
    "mengikuti hasil kasusnya.",
    "Pembinaan (pengingat dan permintaan hapus) dicatat tetapi bukan hukuman disiplin.",
    "Temuan dibatalkan bila pejabat yang berwenang memutus tidak ada hukuman, kasus dihentikan, "
    "atau hukuman dibatalkan atas keberatan/banding.",
    "Presisi = temuan terbukti ÷ (terbukti + ditolak + kritik yang dilindungi).",
]
