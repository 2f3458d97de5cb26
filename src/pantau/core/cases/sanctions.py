"""Sanction catalogues, social-media provisions and their levels, SKB 11 items, Pasal 35.

- :data:`SANCTIONS`: the types of PP 94/2021 Pasal 8 ayat (2)–(4) per :class:`Level`, ordered
  from lightest to heaviest within a level. The medium level carries two catalogues: the PP 94
  tunjangan-kinerja cuts (Pasal 8 ayat (3)), in force only once the PP on salaries and allowances
  applies (Pasal 42 ayat (1)), and the PP 53/2010 Pasal 7 ayat (3) types kept until then (Pasal 42
  ayat (2)). A setting chooses the one in force; the default is ``"pp53"`` (REGULATIONS.md §2.4).
- :data:`PROVISIONS`: the PP 94 obligations and prohibitions a social-media post can breach, with
  the level each impact (Unit Kerja, instansi, negara; Pasal 1 angka 10) carries under Pasal
  9–14. A breach of Pasal 3 huruf a carries only heavy sanctions (Pasal 11 ayat (1) huruf a).
- :data:`SKB_ITEMS`: the 11 items of the SKB 11 Menteri/Kepala Lembaga (2019), in our own words.
- :func:`recommend_level`: the LEVEL for a set of violations under Pasal 35, with reasons. It
  never chooses the sanction type: the decider does (Pasal 33, 37).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from pantau.core.cases.provisions import PROVISIONS, SKB_ITEMS, Impact, Provision, SkbItem


class Level(StrEnum):
    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def name_id(self) -> str:
        return {"light": "ringan", "medium": "sedang", "heavy": "berat"}[self.value]

    def heavier(self) -> Level:
        """The next level up (heavy stays heavy)."""
        return LEVELS[min(self.rank + 1, len(LEVELS) - 1)]


LEVELS = (Level.LIGHT, Level.MEDIUM, Level.HEAVY)
_RANK = {level: i for i, level in enumerate(LEVELS)}

MEDIUM_CATALOGUES = {
    "pp53": "PP 53/2010 Pasal 7 ayat (3) jo. PP 94/2021 Pasal 42 ayat (2)",
    "pp94": "PP 94/2021 Pasal 8 ayat (3), berlaku setelah PP Gaji dan Tunjangan (Pasal 42 ayat (1))",
}


@dataclass(frozen=True)
class Sanction:
    code: str
    level: Level
    name_id: str
    name_en: str
    legal_basis: str
    catalogue: str = "pp94"  # "pp94" or "pp53" (medium level only)
    months: int | None = None  # duration; None for reprimands and dismissal


def _s(code, level, name_id, name_en, basis, catalogue="pp94", months=None) -> Sanction:
    return Sanction(code, level, name_id, name_en, basis, catalogue, months)


L, M, H = Level.LIGHT, Level.MEDIUM, Level.HEAVY
SANCTIONS: dict[Level, tuple[Sanction, ...]] = {
    L: (
        _s("oral_reprimand", L, "teguran lisan", "oral reprimand",
           "PP 94/2021 Pasal 8 ayat (2) huruf a"),
        _s("written_reprimand", L, "teguran tertulis", "written reprimand",
           "PP 94/2021 Pasal 8 ayat (2) huruf b"),
        _s("written_dissatisfaction", L, "pernyataan tidak puas secara tertulis",
           "written statement of dissatisfaction", "PP 94/2021 Pasal 8 ayat (2) huruf c"),
    ),
    M: (
        _s("salary_increment_delay_1y", M, "penundaan kenaikan gaji berkala selama 1 (satu) tahun",
           "deferral of the periodic salary increase for 1 year",
           "PP 53/2010 Pasal 7 ayat (3) huruf a jo. PP 94/2021 Pasal 42 ayat (2)", "pp53", 12),
        _s("promotion_delay_1y", M, "penundaan kenaikan pangkat selama 1 (satu) tahun",
           "deferral of promotion in rank for 1 year",
           "PP 53/2010 Pasal 7 ayat (3) huruf b jo. PP 94/2021 Pasal 42 ayat (2)", "pp53", 12),
        _s("rank_demotion_1y", M, "penurunan pangkat setingkat lebih rendah selama 1 (satu) tahun",
           "demotion by one rank for 1 year",
           "PP 53/2010 Pasal 7 ayat (3) huruf c jo. PP 94/2021 Pasal 42 ayat (2)", "pp53", 12),
        _s("allowance_cut_6m", M, "pemotongan tunjangan kinerja sebesar 25% selama 6 (enam) bulan",
           "25% cut of the performance allowance for 6 months",
           "PP 94/2021 Pasal 8 ayat (3) huruf a", "pp94", 6),
        _s("allowance_cut_9m", M,
           "pemotongan tunjangan kinerja sebesar 25% selama 9 (sembilan) bulan",
           "25% cut of the performance allowance for 9 months",
           "PP 94/2021 Pasal 8 ayat (3) huruf b", "pp94", 9),
        _s("allowance_cut_12m", M,
           "pemotongan tunjangan kinerja sebesar 25% selama 12 (dua belas) bulan",
           "25% cut of the performance allowance for 12 months",
           "PP 94/2021 Pasal 8 ayat (3) huruf c", "pp94", 12),
    ),
    H: (
        _s("position_demotion_12m", H,
           "penurunan jabatan setingkat lebih rendah selama 12 (dua belas) bulan",
           "demotion to a position one level lower for 12 months",
           "PP 94/2021 Pasal 8 ayat (4) huruf a", months=12),
        _s("release_to_executive_12m", H,
           "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 (dua belas) bulan",
           "release from the position to an executive (pelaksana) post for 12 months",
           "PP 94/2021 Pasal 8 ayat (4) huruf b", months=12),
        _s("honourable_dismissal", H,
           "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
           "honourable dismissal not at own request",
           "PP 94/2021 Pasal 8 ayat (4) huruf c"),
    ),
}  # fmt: skip
del L, M, H

_BY_CODE = {s.code: s for level in LEVELS for s in SANCTIONS[level]}


def sanction(code: str) -> Sanction:
    """The catalogue entry for ``code``; ``KeyError`` names the unknown code."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise KeyError(f"unknown sanction code {code!r}") from None


def allowed_sanctions(level: Level | str, *, medium_catalogue: str = "pp53") -> list[Sanction]:
    """The types the decider may choose at ``level``, lightest first (PP 94/2021 Pasal 8, 42)."""
    level = Level(level)
    if medium_catalogue not in MEDIUM_CATALOGUES:
        raise ValueError(f"medium_catalogue must be one of {sorted(MEDIUM_CATALOGUES)}")
    return [
        s for s in SANCTIONS[level] if level is not Level.MEDIUM or s.catalogue == medium_catalogue
    ]


def ordered_sanctions(*, medium_catalogue: str = "pp53") -> list[Sanction]:
    """Every type in force, from the lightest to the heaviest (the order of Pasal 8)."""
    return [s for lv in LEVELS for s in allowed_sanctions(lv, medium_catalogue=medium_catalogue)]


def levels_for(provision_code: str, impact: Impact | str | None) -> list[Level]:
    """Levels a breach of the provision carries at this impact (Pasal 9–14; REGULATIONS §2.5).

    ``impact=None`` (not yet established) gives every level possible for the provision.
    """
    provision = _provision(provision_code)
    if impact is None:
        return sorted({Level(lv) for lv, _ in provision.levels.values()}, key=_RANK.get)
    level, _ = provision.levels[Impact(impact)]
    return [Level(level)]


def _provision(code: str) -> Provision:
    try:
        return PROVISIONS[code]
    except KeyError:
        raise KeyError(f"unknown provision {code!r}; known: {', '.join(PROVISIONS)}") from None


@dataclass(frozen=True)
class Recommendation:
    """A recommended LEVEL with reasons; the decider picks the type among ``sanctions``."""

    level: Level
    reasons: list[str]
    legal_basis: list[str]
    sanctions: list[Sanction]
    reasons_id: list[str] = field(default_factory=list)
    team_required: bool = False  # Pasal 29 ayat (2): heavy → examination team


def recommend_level(
    provisions_and_impacts: Iterable[tuple[str, Impact | str]],
    *,
    previous_sanctions: Sequence[Level | Sanction | str],
    medium_catalogue: str = "pp53",
) -> Recommendation:
    """Recommend the level for the violations found in ONE examination (PP 94/2021 Pasal 35).

    - Each (provision, impact) pair gives its level by Pasal 9–14 (:func:`levels_for`).
    - Several violations: one sanction, the heaviest (Pasal 35 ayat (1)).
    - ``previous_sanctions``: earlier sanctions of this employee for a violation of the SAME
      nature, oldest first; the caller (the examiner) decides what counts as the same nature.
      The new one must be heavier than the LAST (Pasal 35 ayat (2)); the PP sets no look-back.
      Given a :class:`Sanction` (or its code), the floor is the next heavier type; given only a
      :class:`Level`, the type is unknown and the next level up is recommended, with a reason.
    """
    pairs = [(code, Impact(impact)) for code, impact in provisions_and_impacts]
    if not pairs:
        raise ValueError("recommend_level needs at least one (provision, impact) pair")
    order = ordered_sanctions(medium_catalogue=medium_catalogue)
    reasons: list[str] = []
    reasons_id: list[str] = []
    basis: list[str] = []
    level = Level.LIGHT
    for code, impact in pairs:
        provision = _provision(code)
        found, article = provision.levels[impact]
        found = Level(found)
        level = max(level, found, key=_RANK.get)
        basis.append(f"{provision.article}; {article}")
        reasons.append(
            f"{provision.article} ({provision.short_en}), impact on {impact.label_en}: "
            f"{found.value} ({article})."
        )
        reasons_id.append(
            f"{provision.article} ({provision.short_id}), berdampak pada {impact.label_id}: "
            f"hukuman disiplin {found.name_id} ({article})."
        )
    if len(pairs) > 1:
        reasons.append(
            f"{len(pairs)} violations in one examination: one sanction, the heaviest "
            f"({level.value}) (PP 94/2021 Pasal 35 ayat (1))."
        )
        reasons_id.append(
            f"{len(pairs)} pelanggaran dalam satu pemeriksaan: satu hukuman, yang terberat "
            f"({level.name_id}) (PP 94/2021 Pasal 35 ayat (1))."
        )
        basis.append("PP 94/2021 Pasal 35 ayat (1)")
    floor: Sanction | None = None
    if previous_sanctions:
        last = previous_sanctions[-1]
        if isinstance(last, str) and last in _BY_CODE:
            last = _BY_CODE[last]
        if isinstance(last, Sanction):
            heavier = [s for s in order if _weight(s) > _weight(last)]
            floor = heavier[0] if heavier else None
            minimum = floor.level if floor else Level.HEAVY
            what_en, what_id = f"'{last.name_en}' ({last.level.value})", f"'{last.name_id}'"
        else:
            last = Level(last)
            minimum = last.heavier()
            what_en, what_id = f"a {last.value} sanction", f"hukuman disiplin {last.name_id}"
        if _RANK[minimum] > _RANK[level]:
            level = minimum
        reasons.append(
            f"Same kind of violation after {what_en}: the sanction must be heavier than the last "
            f"one (PP 94/2021 Pasal 35 ayat (2); no look-back limit) → at least {minimum.value}."
        )
        reasons_id.append(
            f"Pelanggaran yang sifatnya sama setelah {what_id}: hukuman harus lebih berat dari "
            f"yang terakhir (PP 94/2021 Pasal 35 ayat (2)) → paling ringan {minimum.name_id}."
        )
        if isinstance(last, Level) and last is not Level.HEAVY:
            reasons.append(
                "Pasal 35(2) speaks of a heavier TYPE: if the last sanction was not the heaviest "
                f"type of its level, a heavier {last.value} type may be enough — check the record."
            )
            reasons_id.append(
                "Pasal 35 ayat (2) menyebut jenis yang lebih berat: bila jenis terakhir bukan "
                f"yang terberat pada tingkat {last.name_id}, jenis lebih berat pada tingkat "
                "yang sama mungkin cukup."
            )
        basis.append("PP 94/2021 Pasal 35 ayat (2)")
    allowed = allowed_sanctions(level, medium_catalogue=medium_catalogue)
    if floor is not None and floor.level is level:
        allowed = [s for s in allowed if _weight(s) >= _weight(floor)]
    basis.append(
        _LEVEL_BASIS[level] if level is not Level.MEDIUM else MEDIUM_CATALOGUES[medium_catalogue]
    )
    team = level is Level.HEAVY
    if level is not Level.LIGHT:
        reasons.append(
            "Examination team "
            + (
                "required (PP 94/2021 Pasal 29 ayat (2))."
                if team
                else "optional (PP 94/2021 Pasal 29 ayat (1))."
            )
        )
        reasons_id.append(
            "Tim pemeriksa "
            + ("wajib (Pasal 29 ayat (2))." if team else "dapat dibentuk (Pasal 29 ayat (1)).")
        )
    return Recommendation(level, reasons, list(dict.fromkeys(basis)), allowed, reasons_id, team)


_LEVEL_BASIS = {
    Level.LIGHT: "PP 94/2021 Pasal 8 ayat (2)",
    Level.MEDIUM: "PP 94/2021 Pasal 8 ayat (3)",
    Level.HEAVY: "PP 94/2021 Pasal 8 ayat (4)",
}


def _weight(s: Sanction) -> tuple[int, int]:
    """Severity order: level first, then the position within the level (Pasal 8 lists a < b < c)."""
    same_catalogue = [x for x in SANCTIONS[s.level] if x.catalogue == s.catalogue]
    return (_RANK[s.level], same_catalogue.index(s))


__all__ = [
    "LEVELS",
    "MEDIUM_CATALOGUES",
    "PROVISIONS",
    "SANCTIONS",
    "SKB_ITEMS",
    "Impact",
    "Level",
    "Provision",
    "Recommendation",
    "Sanction",
    "SkbItem",
    "allowed_sanctions",
    "levels_for",
    "ordered_sanctions",
    "recommend_level",
    "sanction",
]
