"""PP 94/2021 provisions a social-media post can breach, and the 11 items of SKB 11 (2019).

Data only; :mod:`pantau.core.cases.sanctions` re-exports it and computes levels from it.

Levels by impact (PP 94/2021 Pasal 1 angka 10 "Dampak Negatif"; Pasal 9–11; REGULATIONS.md
§2.5, HIGH): Pasal 3 huruf a carries ONLY heavy sanctions whatever the impact (Pasal 11 ayat (1)
huruf a) — unlike the PP 53/2010 grading still repeated in older articles; Pasal 3 huruf b is
medium for Unit Kerja or instansi (Pasal 10 ayat (1) huruf a) and heavy for negara (Pasal 11 ayat
(1) huruf b); Pasal 3 huruf c–h and Pasal 4 huruf c are light for Unit Kerja, medium for instansi
and heavy for negara. The letter (huruf) within Pasal 9–11 for each provision follows the order of
the PP (c–h → 9(1) a–f, 10(1) b–g, 11(1) c–h), which REGULATIONS.md §2.5 gives as ranges.

The SKB 11 items are paraphrased in our own words (REGULATIONS.md Part A; order as in kumparan and
impiannews; another source puts "likes" fourth). ``provisions`` on each item are only suggestions
for the examiner (our reading, LOW): the SKB creates no new norm and names no PP 94 article.
Item 8 (reacting with likes etc.) must never lead to a sanction on its own or automatically.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Impact(StrEnum):
    """Where the negative impact falls (PP 94/2021 Pasal 1 angka 10)."""

    UNIT = "unit"  # Unit Kerja
    INSTANSI = "instansi"
    NEGARA = "negara"  # negara and/or pemerintah

    @property
    def label_id(self) -> str:
        return {"unit": "Unit Kerja", "instansi": "instansi", "negara": "negara/pemerintah"}[
            self.value
        ]

    @property
    def label_en(self) -> str:
        return {"unit": "the work unit", "instansi": "the agency", "negara": "the state"}[
            self.value
        ]


@dataclass(frozen=True)
class Provision:
    code: str
    article: str
    short_id: str
    short_en: str
    levels: dict[Impact, tuple[str, str]]  # impact -> (level value, article of Pasal 9–14)
    categories: tuple[str, ...]  # detection categories a breach typically comes from


def _by_impact(unit: tuple[str, str], instansi: tuple[str, str], negara: tuple[str, str]):
    return {Impact.UNIT: unit, Impact.INSTANSI: instansi, Impact.NEGARA: negara}


_P = "PP 94/2021"
PROVISIONS: dict[str, Provision] = {
    p.code: p
    for p in (
        Provision(
            "3a",
            f"{_P} Pasal 3 huruf a",
            "setia dan taat sepenuhnya kepada Pancasila, UUD 1945, NKRI, dan Pemerintah",
            "loyalty and obedience to Pancasila, the 1945 Constitution, the unitary state and "
            "the Government",
            _by_impact(*[("heavy", f"{_P} Pasal 11 ayat (1) huruf a")] * 3),
            ("radicalism", "hate_speech"),
        ),
        Provision(
            "3b",
            f"{_P} Pasal 3 huruf b",
            "menjaga persatuan dan kesatuan bangsa",
            "safeguarding the unity of the nation",
            _by_impact(
                ("medium", f"{_P} Pasal 10 ayat (1) huruf a"),
                ("medium", f"{_P} Pasal 10 ayat (1) huruf a"),
                ("heavy", f"{_P} Pasal 11 ayat (1) huruf b"),
            ),
            ("hate_speech", "radicalism", "hoax"),
        ),
        Provision(
            "3d",
            f"{_P} Pasal 3 huruf d",
            "menaati ketentuan peraturan perundang-undangan",
            "obeying the laws and regulations",
            _by_impact(
                ("light", f"{_P} Pasal 9 ayat (1) huruf b"),
                ("medium", f"{_P} Pasal 10 ayat (1) huruf c"),
                ("heavy", f"{_P} Pasal 11 ayat (1) huruf d"),
            ),
            ("hoax", "hate_speech"),
        ),
        Provision(
            "3f",
            f"{_P} Pasal 3 huruf f",
            "menunjukkan integritas dan keteladanan dalam sikap, perilaku, ucapan, dan tindakan, "
            "di dalam maupun di luar kedinasan",
            "integrity and exemplary conduct in attitude, behaviour, speech and action, on and "
            "off duty",
            _by_impact(
                ("light", f"{_P} Pasal 9 ayat (1) huruf d"),
                ("medium", f"{_P} Pasal 10 ayat (1) huruf e"),
                ("heavy", f"{_P} Pasal 11 ayat (1) huruf f"),
            ),
            ("abusive", "hate_speech", "hoax"),
        ),
        Provision(
            "4c",
            f"{_P} Pasal 4 huruf c",
            "mengutamakan kepentingan negara daripada kepentingan pribadi, seseorang, dan/atau "
            "golongan",
            "putting the state's interest before personal or group interests",
            _by_impact(
                ("light", f"{_P} Pasal 9 ayat (2) huruf a"),
                ("medium", f"{_P} Pasal 10 ayat (2) huruf c"),
                ("heavy", f"{_P} Pasal 11 ayat (2) huruf a"),
            ),
            ("hate_speech", "radicalism"),
        ),
    )
}
del _P

SKB_NAME = (
    "SKB 11 Menteri/Kepala Lembaga tentang Penanganan Radikalisme dalam Rangka Penguatan "
    "Wawasan Kebangsaan pada Aparatur Sipil Negara (12 November 2019)"
)
PANCASILA_ETC = "Pancasila, UUD 1945, Bhinneka Tunggal Ika, NKRI, atau Pemerintah"


@dataclass(frozen=True)
class SkbItem:
    number: int
    text_id: str  # our own short wording
    text_en: str
    categories: tuple[str, ...]
    provisions: tuple[str, ...] = ()  # suggested PP 94 provisions (LOW: our reading)
    never_auto_sanction: bool = False
    note_en: str = ""


SKB_ITEMS: tuple[SkbItem, ...] = (
    SkbItem(1, f"Mengunggah pendapat (teks, gambar, suara, video) yang berisi kebencian terhadap "
            f"{PANCASILA_ETC}.",
            "Posting opinions carrying hatred of Pancasila, the Constitution, Bhinneka Tunggal "
            "Ika, the unitary state or the Government.",
            ("hate_speech", "radicalism"), ("3a",),
            note_en="Criticism of a policy is not hate speech: the reviewer must tell them apart "
            "(Komnas HAM, YLBHI, Cabinet Secretary; REGULATIONS.md Part A)."),
    SkbItem(2, "Mengunggah pendapat yang berisi kebencian terhadap suku, agama, ras, atau "
            "antargolongan (SARA).",
            "Posting opinions carrying hatred of an ethnic group, religion, race or group.",
            ("hate_speech",), ("3b", "3f")),
    SkbItem(3, "Menyebarkan ulang pendapat seperti butir 1 dan 2 (bagikan, teruskan, retweet, "
            "repost).",
            "Re-spreading opinions like items 1 and 2 (share, forward, retweet, repost).",
            ("hate_speech", "radicalism"), ("3a", "3b")),
    SkbItem(4, "Membuat berita yang menyesatkan atau tidak dapat dipertanggungjawabkan.",
            "Authoring misleading or unaccountable news (hoax authorship).",
            ("hoax",), ("3f", "3d")),
    SkbItem(5, "Menyebarkan berita yang menyesatkan, langsung atau lewat media sosial.",
            "Spreading misleading news, directly or on social media (hoax sharing).",
            ("hoax",), ("3f", "3d")),
    SkbItem(6, f"Menyelenggarakan kegiatan yang menghina, menghasut, memprovokasi, atau "
            f"membenci {PANCASILA_ETC}.",
            "Organising activities that insult, incite, provoke or hate Pancasila, the "
            "Constitution, Bhinneka Tunggal Ika, the unitary state or the Government.",
            ("radicalism",), ("3a",)),
    SkbItem(7, "Ikut serta atau hadir dalam kegiatan seperti butir 6, termasuk lewat keanggotaan "
            "organisasinya.",
            "Joining or attending activities like item 6, including through membership.",
            ("radicalism",), ("3a",)),
    SkbItem(8, "Menanggapi atau mendukung pendapat seperti butir 1 dan 2 sebagai tanda setuju "
            "(suka, tidak suka, love, retweet, komentar).",
            "Reacting to or endorsing opinions like items 1 and 2 (like, dislike, love, retweet, "
            "comment).",
            ("hate_speech", "radicalism"), ("3a", "3b"), never_auto_sanction=True,
            note_en="A like or reaction must never lead to a sanction automatically or on its "
            "own; counting likes was criticised as arbitrary (Komnas HAM)."),
    SkbItem(9, f"Memakai atribut yang bertentangan dengan {PANCASILA_ETC}.",
            "Using attributes contrary to Pancasila, the Constitution, Bhinneka Tunggal Ika, the "
            "unitary state or the Government.",
            ("radicalism",), ("3a",)),
    SkbItem(10, "Melecehkan simbol-simbol negara, langsung atau lewat media sosial.",
            "Desecrating state symbols, directly or on social media.",
            ("radicalism", "abusive"), ("3a",)),
    SkbItem(11, "Melakukan perbuatan butir 1 sampai 10 dengan sadar.",
            "Doing any of items 1 to 10 knowingly (the element of awareness).",
            (), (),
            note_en="Not a separate act: the awareness element the examiner must establish for "
            "items 1–10."),
)  # fmt: skip


def skb_item(number: int) -> SkbItem:
    """The SKB 11 item with this number (1–11)."""
    for item in SKB_ITEMS:
        if item.number == number:
            return item
    raise KeyError(f"SKB 11 has items 1–11, not {number!r}")
