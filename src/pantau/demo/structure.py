"""Shapes and career data for the demo city: grades, career levels, academic titles, unit specs.

A unit spec (see :mod:`pantau.demo.units`) lists its head, its "bosses" (the sekretaris, kepala
bidang, kepala seksi, kepala puskesmas or kepala sekolah between the head and the staff, each
with a tag and the tag of its own boss) and a weighted pool of staff positions, each naming the
tag of the boss it reports to. A level fixes the grade range, the years of service and the
education mix of a position.
"""

from __future__ import annotations

from dataclasses import dataclass

CITY = "Kota Teluk Sejahtera"
CITY_SHORT = "Teluk Sejahtera"
EMAIL_DOMAIN = "teluksejahterakota.go.id"

GRADES = (
    "I/a I/b I/c I/d II/a II/b II/c II/d III/a III/b III/c III/d IV/a IV/b IV/c IV/d IV/e".split()
)

# level: (lowest grade, highest grade, years of service from, to, education weights)
LEVELS: dict[str, tuple[str, str, int, int, dict[str, int]]] = {
    "sekda": ("IV/c", "IV/e", 26, 32, {"s2": 80, "s3": 20}),
    "jpt": ("IV/b", "IV/d", 22, 31, {"s2": 88, "s3": 12}),
    "adm": ("IV/a", "IV/b", 15, 28, {"s1": 40, "s2": 60}),
    "pgw": ("III/c", "IV/a", 10, 24, {"s1": 70, "s2": 30}),
    "kasi": ("III/b", "III/d", 7, 20, {"s1": 100}),
    "madya": ("IV/a", "IV/c", 16, 30, {"s1": 50, "s2": 50}),
    "muda": ("III/c", "III/d", 8, 20, {"s1": 70, "s2": 30}),
    "pertama": ("III/a", "III/b", 2, 9, {"s1": 100}),
    "penyelia": ("III/c", "III/d", 14, 28, {"d3": 100}),
    "mahir": ("III/a", "III/b", 8, 18, {"d3": 100}),
    "terampil": ("II/c", "II/d", 2, 10, {"d3": 100}),
    "pelaksana": ("II/a", "III/d", 2, 30, {"sma": 40, "d3": 20, "s1": 40}),
}

BACHELOR = {
    "adm": ("S.Sos.", "S.A.P.", "S.IP.", "S.E.", "S.H.", "S.M."),
    "fin": ("S.E.", "S.Ak."),
    "law": ("S.H.",),
    "it": ("S.Kom.", "S.T."),
    "eng": ("S.T.",),
    "edu": ("S.Pd.",),
    "health": ("S.K.M.",),
    "nurse": ("S.Kep.",),
    "midwife": ("S.Tr.Keb.",),
    "doc": ("",),
    "dent": ("",),
    "env": ("S.Si.", "S.T.", "S.Hut."),
    "plan": ("S.T.", "S.E.", "S.Si.", "S.P.W.K."),
    "comm": ("S.I.Kom.", "S.Sos."),
    "hr": ("S.Sos.", "S.Psi.", "S.E."),
    "stat": ("S.Stat.", "S.Si."),
}
MASTER = {
    "adm": ("M.Si.", "M.A.P.", "M.M."),
    "fin": ("M.Ak.", "M.M.", "M.Si."),
    "law": ("M.H.",),
    "it": ("M.Kom.", "M.T."),
    "eng": ("M.T.",),
    "edu": ("M.Pd.",),
    "health": ("M.Kes.",),
    "nurse": ("M.Kep.",),
    "midwife": ("M.Keb.",),
    "doc": ("M.Kes.",),
    "dent": ("M.Kes.",),
    "env": ("M.Si.", "M.Sc."),
    "plan": ("M.T.", "M.Si.", "M.Sc."),
    "comm": ("M.I.Kom.", "M.Si."),
    "hr": ("M.Si.", "M.Psi.", "M.M."),
    "stat": ("M.Si.",),
}
DIPLOMA = {
    "fin": "A.Md.Ak.",
    "it": "A.Md.Kom.",
    "eng": "A.Md.T.",
    "health": "A.Md.Kes.",
    "nurse": "A.Md.Kep.",
    "midwife": "A.Md.Keb.",
}

# share of women by track (default 45%)
WOMEN_SHARE = {"midwife": 1.0, "nurse": 0.75, "edu": 0.65, "eng": 0.25, "pol": 0.15}


@dataclass(frozen=True)
class Boss:
    tag: str
    title: str
    level: str
    track: str
    reports_to: str | None = None  # tag of another boss; None means the unit head


@dataclass(frozen=True)
class Staff:
    title: str
    level: str
    track: str
    weight: int
    boss: str | None = None  # tag of the boss; None means any boss of the unit


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: str
    parent: str | None
    head_title: str
    head_level: str
    head_track: str
    size: int
    bosses: tuple[Boss, ...]
    staff: tuple[Staff, ...]


def secretary(unit: str) -> Boss:
    return Boss("sek", f"Sekretaris {unit}", "adm", "adm")


CLERKS = (
    Staff("Pengadministrasi Perkantoran", "pelaksana", "adm", 3, "sek"),
    Staff("Penata Layanan Operasional", "pelaksana", "adm", 2),
    Staff("Pengelola Keuangan", "pelaksana", "fin", 1, "sek"),
)
