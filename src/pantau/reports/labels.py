"""Words for the figures: translated labels for pages, fixed Indonesian ones for the documents.

The periodic report for the Wali Kota is an Indonesian document, so its PDF, spreadsheet and
narrative use the ``*_ID`` words directly; pages and exports go through gettext.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pantau.monitoring.models import Category, Finding
from pantau.registry.models import Account

CATEGORIES = dict(Category.choices)
STATUSES = dict(Finding.Status.choices)
PLATFORMS = dict(Account.Platform.choices)

# Where a confirmed finding ended up (see outcomes.py).
OUTCOMES = {
    "in_process": _("case in process"),
    "resolved_guidance": _("reminded and resolved (no sanction)"),
    "sanction_light": _("light sanction"),
    "sanction_medium": _("medium sanction"),
    "sanction_heavy": _("heavy sanction"),
    "overturned": _("no sanction: not proven, dismissed or revoked"),
}
LEVELS = {"light": _("light"), "medium": _("medium"), "heavy": _("heavy")}

CATEGORIES_ID = {
    "hate_speech": "Ujaran kebencian",
    "abusive": "Bahasa kasar",
    "radicalism": "Radikalisme",
    "hoax": "Hoaks",
    "": "Tanpa kategori",
}
STATUSES_ID = {
    "new": "Menunggu telaah",
    "confirmed": "Dikonfirmasi sebagai pelanggaran",
    "dismissed": "Ditolak (positif palsu)",
    "protected": "Kritik yang dilindungi",
    "not_attributable": "Bukan akun pegawai / diretas",
}
OUTCOMES_ID = {
    "in_process": "Kasus masih berjalan",
    "resolved_guidance": "Diingatkan dan selesai (tanpa hukuman)",
    "sanction_light": "Hukuman disiplin ringan",
    "sanction_medium": "Hukuman disiplin sedang",
    "sanction_heavy": "Hukuman disiplin berat",
    "overturned": "Tanpa hukuman: tidak terbukti, dihentikan atau dibatalkan",
}
LEVELS_ID = {"light": "ringan", "medium": "sedang", "heavy": "berat"}
OVERTURN_ID = {
    "no_sanction": "Diputus tidak dijatuhi hukuman (tidak terbukti)",
    "dismissed": "Kasus dihentikan (mis. akun bukan milik pegawai)",
    "revoked": "Hukuman dibatalkan atas keberatan atau banding",
}
OVERTURN = {
    "no_sanction": _("decided: no sanction (not proven)"),
    "dismissed": _("case dismissed (e.g. not the employee's account)"),
    "revoked": _("sanction revoked or annulled on objection or appeal"),
}
DEADLINES_ID = {
    "deletion": "Penghapusan postingan",
    "supervisor_ack": "Tanggapan atasan langsung",
    "exam": "Pemeriksaan",
    "summons_2": "Panggilan kedua",
    "decision_delivery": "Penyampaian keputusan",
    "objection": "Masa keberatan",
    "appeal": "Masa banding",
    "objection_decision": "Putusan keberatan",
    "appeal_decision": "Putusan banding BPASN",
}


def platform_label(code: str | None) -> str:
    return str(PLATFORMS.get(code or "", code or "—"))


def angka(value: int | float, digits: int = 0) -> str:
    """A number the Indonesian way: ``12.345`` and ``87,5``."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def persen(part: int, whole: int, digits: int = 1) -> str:
    """``part`` of ``whole`` as an Indonesian percentage, or ``–`` when ``whole`` is zero."""
    if not whole:
        return "–"
    return f"{angka(100 * part / whole, digits)}%"
