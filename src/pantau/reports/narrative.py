"""A short narrative in Bahasa Indonesia, written from the figures of the periodic report.

Every sentence is built from numbers of the report itself, so the text and the tables agree. A
period with no confirmed violation says so in its first paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pantau.reports.labels import CATEGORIES_ID, LEVELS_ID, angka, persen

if TYPE_CHECKING:  # pragma: no cover
    from pantau.reports.periodic import Figures, PeriodicReport


def change(now: int, before: int) -> str:
    """``naik 12 (25,0%)``, ``turun 3 (10,0%)``, ``sama`` — relative to the previous period."""
    if now == before:
        return "sama dengan periode sebelumnya"
    if before == 0:
        return f"naik dari 0 pada periode sebelumnya menjadi {angka(now)}"
    word = "naik" if now > before else "turun"
    diff = abs(now - before)
    return f"{word} {angka(diff)} ({persen(diff, before)}) dibanding periode sebelumnya ({angka(before)})"


def _list(parts: list[str]) -> str:
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " dan " + parts[-1]


def _opening(cur: Figures, prev: Figures, label: str) -> str:
    text = (
        f"Selama {label}, Pantau memindai {angka(cur.posts_scanned)} postingan akun media sosial "
        f"pegawai dan mencatat {angka(cur.findings)} temuan untuk ditelaah oleh peninjau; "
        f"jumlah temuan {change(cur.findings, prev.findings)}."
    )
    if cur.findings and cur.category:
        top, n = next(iter(cur.category.items()))
        text += (
            f" Kategori terbanyak adalah {CATEGORIES_ID.get(top, top).lower()} ({angka(n)} temuan)."
        )
    return text


def _review(cur: Figures) -> str:
    s = cur.status
    decided = cur.findings - s.get("new", 0)
    if not cur.findings:
        return ""
    parts = [
        f"{angka(s.get('confirmed', 0))} dikonfirmasi sebagai pelanggaran",
        f"{angka(s.get('dismissed', 0))} ditolak sebagai positif palsu",
        f"{angka(s.get('protected', 0))} dinilai sebagai kritik yang dilindungi",
    ]
    if s.get("not_attributable"):
        parts.append(f"{angka(s['not_attributable'])} ternyata bukan akun pegawai atau diretas")
    text = f"Dari temuan tersebut, {angka(decided)} sudah ditelaah: {_list(parts)}."
    if s.get("new"):
        text += f" Sebanyak {angka(s['new'])} temuan masih menunggu telaah."
    return text


def _violations(cur: Figures, prev: Figures) -> str:
    if cur.no_violations:
        return (
            "Pada periode ini tidak ada pelanggaran yang dikonfirmasi dan tidak ada hukuman "
            "disiplin yang dijatuhkan."
        )
    text = f"Jumlah pelanggaran yang dikonfirmasi {change(cur.confirmed, prev.confirmed)}."
    if cur.resolved_guidance:
        text += (
            f" {angka(cur.resolved_guidance)} kasus selesai melalui pembinaan: pegawai "
            "diingatkan, postingan dihapus, dan tidak ada pola pelanggaran, sehingga tidak "
            "dijatuhi hukuman disiplin."
        )
    levels = cur.sanctions.get("levels", {})
    if cur.sanctioned:
        detail = _list(
            [
                f"{angka(levels[k])} {LEVELS_ID[k]}"
                for k in ("light", "medium", "heavy")
                if levels.get(k)
            ]
        )
        text += f" Hukuman disiplin dijatuhkan dalam {angka(cur.sanctioned)} keputusan ({detail})."
    else:
        text += " Tidak ada hukuman disiplin yang dijatuhkan pada periode ini."
    return text


def _safeguards(cur: Figures) -> str:
    sentences = []
    if cur.protected:
        sentences.append(
            f"{angka(cur.protected)} postingan dinilai sebagai kritik yang dilindungi sehingga "
            "tidak ditindaklanjuti."
        )
    if cur.overturned_findings:
        sentences.append(
            f"{angka(cur.overturned_findings)} temuan yang sudah dikonfirmasi kemudian dibatalkan "
            "(tidak terbukti, kasus dihentikan, atau hukuman dibatalkan atas keberatan)."
        )
    return " ".join(sentences)


def _deletion(cur: Figures) -> str:
    d = cur.deletion
    if not d.get("requested"):
        return ""
    return (
        f"Dari {angka(d['requested'])} permintaan penghapusan postingan, {angka(d['deleted'])} "
        f"telah dihapus ({persen(d['deleted'], d['requested'])}), {angka(d['on_time'])} di antaranya "
        "dalam batas waktu."
    )


def _precision(cur: Figures) -> str:
    overall = cur.precision.get("overall", {})
    if not overall.get("n"):
        return ""
    return (
        f"Presisi model deteksi yang diukur dari keputusan peninjau adalah "
        f"{persen(overall['tp'], overall['n'])} ({angka(overall['tp'])} dari "
        f"{angka(overall['n'])} temuan hasil pemindaian yang diputus terbukti melanggar)."
    )


def period_phrase(period) -> str:
    """``bulan November 2026``, ``triwulan IV 2026``, ``tahun 2026`` or ``periode …``."""
    if period.kind == "month":
        return f"bulan {period.label_id}"
    if period.kind in ("quarter", "year"):
        return period.label_id[0].lower() + period.label_id[1:]
    return f"periode {period.label_id}"


def narrative(report: PeriodicReport) -> list[str]:
    cur, prev = report.current, report.previous
    paragraphs = [
        _opening(cur, prev, period_phrase(report.period)),
        _review(cur),
        _violations(cur, prev),
        _safeguards(cur),
        _deletion(cur),
        _precision(cur),
    ]
    return [p for p in paragraphs if p]
