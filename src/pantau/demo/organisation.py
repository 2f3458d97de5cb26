"""Build the demo units and employees: heads, supervisor chains, NIPs, titles and grades.

Every employee gets a birth date and TMT consistent with their career level, a grade that follows
from education and years of service (clamped to what their position allows), a NIP built with
:func:`pantau.core.nip.make_nip` whose sex digit matches the name, and a direct supervisor: staff
report to a sekretaris / kepala bidang / kepala seksi, who report to the unit head, who reports
to the head of the parent unit (the Sekretaris Daerah at the root has none).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from pantau.core.nip import make_nip

from .names import PersonName, make_name, slug
from .structure import (
    BACHELOR,
    DIPLOMA,
    EMAIL_DOMAIN,
    GRADES,
    LEVELS,
    MASTER,
    WOMEN_SHARE,
    UnitSpec,
)
from .units import ALL_UNITS

_BASE_GRADE = {"sma": 4, "d3": 6, "s1": 8, "s2": 8, "s3": 8}
_AGE_AT_TMT = {"sma": (19, 26), "d3": (21, 28), "s1": (23, 31), "s2": (23, 31), "s3": (24, 31)}
_RETIRE = {"sekda": 59, "jpt": 59, "madya": 59}
_TITLE_TRACK = {"pol": "law"}
_PELAKSANA_CEILING = {"sma": GRADES.index("III/b"), "d3": GRADES.index("III/c"), "s1": 11}


@dataclass
class Person:
    """An employee as the generator knows them (more than the public dict shows)."""

    nip: str
    name: PersonName
    front_title: str
    back_title: str
    position: str
    grade: str
    unit_code: str
    level: str
    track: str
    birth: dt.date
    supervisor_nip: str | None = None
    active: bool = True
    email: str = ""
    is_head: bool = False
    boss_tag: str | None = None
    tags: set[str] = field(default_factory=set)

    @property
    def sex(self) -> str:
        return self.name.sex

    def as_dict(self) -> dict:
        return {
            "nip": self.nip,
            "name": self.name.full,
            "front_title": self.front_title,
            "back_title": self.back_title,
            "position": self.position,
            "grade": self.grade,
            "unit_code": self.unit_code,
            "supervisor_nip": self.supervisor_nip,
            "active": self.active,
            "email": self.email,
        }


def _titles(rng: random.Random, track: str, edu: str, age: int) -> tuple[str, str]:
    track = _TITLE_TRACK.get(track, track)
    front = ""
    if edu == "sma":
        return front, ""
    if edu == "d3":
        return front, DIPLOMA.get(track, "A.Md.")
    bachelor = rng.choice(BACHELOR.get(track, BACHELOR["adm"]))
    if track == "doc":
        front = "dr."
    elif track == "dent":
        front = "drg."
    elif track == "nurse":
        front = "Ns."
    elif track == "eng" and age >= 50 and rng.random() < 0.5:
        front, bachelor = "Ir.", ""
    parts = [bachelor] if bachelor else []
    if edu in ("s2", "s3"):
        parts.append(rng.choice(MASTER.get(track, MASTER["adm"])))
    if edu == "s3" and front == "":
        front = "Dr."
    return front, ", ".join(parts)


class _Builder:
    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.people: list[Person] = []
        self.nips: set[str] = set()
        self.emails: set[str] = set()
        self.names: set[str] = set()

    def person(self, unit: UnitSpec, title: str, level: str, track: str) -> Person:
        rng = self.rng
        women = WOMEN_SHARE.get(track, 0.45)
        if level in ("sekda", "jpt", "adm"):
            women *= 0.6
        sex = "F" if rng.random() < women else "M"
        name = make_name(rng, sex)
        while name.full in self.names:
            name = make_name(rng, sex)
        self.names.add(name.full)
        lo, hi, ys_lo, ys_hi, edus = LEVELS[level]
        edu = rng.choices(list(edus), weights=list(edus.values()))[0]
        if track in ("doc", "dent") and edu in ("sma", "d3"):
            edu = "s1"
        ys = rng.randint(ys_lo, ys_hi)
        age_tmt = rng.randint(*_AGE_AT_TMT[edu])
        retire = _RETIRE.get(level, 57)
        ys = max(2, min(ys, retire - age_tmt))
        tmt_year = self.today.year - ys
        tmt_month = rng.choice((1, 3, 4, 6, 12)) if tmt_year < self.today.year - 2 else 6
        birth = dt.date(tmt_year - age_tmt, rng.randint(1, 12), rng.randint(1, 28))
        grade_idx = _BASE_GRADE[edu] + ys // 4 + (1 if edu in ("s2", "s3") else 0)
        grade_idx = max(GRADES.index(lo), min(GRADES.index(hi), grade_idx))
        if level == "pelaksana":  # the ceiling a diploma sets for non-functional staff
            grade_idx = min(grade_idx, _PELAKSANA_CEILING[edu])
        while True:
            nip = make_nip(birth, tmt_year, tmt_month, sex, rng.randint(1, 40))
            if nip not in self.nips:
                break
        self.nips.add(nip)
        age = self.today.year - birth.year
        front, back = _titles(rng, track, edu, age)
        person = Person(
            nip, name, front, back, title, GRADES[grade_idx], unit.code, level, track, birth
        )
        person.email = self._email(name)
        self.people.append(person)
        return person

    def _email(self, name: PersonName) -> str:
        base = f"{slug(name.first)}.{slug(name.last)}"
        candidate, n = base, 1
        while candidate in self.emails:
            n += 1
            candidate = f"{base}{n}"
        self.emails.add(candidate)
        return f"{candidate}@{EMAIL_DOMAIN}"


def build(rng: random.Random, today: dt.date) -> tuple[list[dict], list[Person]]:
    """Return the unit dicts and the people of the demo city."""
    b = _Builder(rng, today)
    heads: dict[str, Person] = {}
    units: list[dict] = []
    for spec in ALL_UNITS:
        head = b.person(spec, spec.head_title, spec.head_level, spec.head_track)
        head.is_head = True
        if spec.parent:
            head.supervisor_nip = heads[spec.parent].nip
        heads[spec.code] = head
        units.append(
            {
                "code": spec.code,
                "name": spec.name,
                "kind": spec.kind,
                "parent_code": spec.parent,
                "head_nip": head.nip,
            }
        )
        bosses: list[Person] = []
        for boss in spec.bosses:
            p = b.person(spec, boss.title, boss.level, boss.track)
            p.boss_tag = boss.tag
            above = [q for q in bosses if q.boss_tag == boss.reports_to] if boss.reports_to else []
            p.supervisor_nip = (rng.choice(above) if above else head).nip
            bosses.append(p)
        for i in range(spec.size - 1 - len(spec.bosses)):
            # every position at least once, then by weight
            if i < len(spec.staff):
                staff = spec.staff[i]
            else:
                staff = rng.choices(spec.staff, weights=[s.weight for s in spec.staff])[0]
            p = b.person(spec, staff.title, staff.level, staff.track)
            pool = [q for q in bosses if staff.boss is None or q.boss_tag == staff.boss]
            pool = pool or bosses or [head]
            p.supervisor_nip = rng.choice(pool).nip
    _retire_a_few(rng, b.people)
    return units, b.people


def _retire_a_few(rng: random.Random, people: list[Person]) -> None:
    """About 3% inactive (retired, moved, passed away): never a head or anyone's supervisor."""
    supervisors = {p.supervisor_nip for p in people}
    candidates = [p for p in people if not p.is_head and p.nip not in supervisors]
    for p in rng.sample(candidates, max(1, round(len(people) * 0.03))):
        p.active = False
