"""Pick the employees the demo story is about: repeat posters, one-off outbursts and personas.

Five repeat posters each get a theme (the first one is the ``employee`` persona, whose direct
supervisor is a kepala bidang and becomes the ``supervisor`` persona); ten otherwise ordinary
employees get a single angry outburst; the other personas are the Inspektorat's head, one of its
staff and one of its auditors, the Sekretaris Daerah and an IT officer of Diskominfo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .organisation import Person

# theme key -> preferred units, the violations in time order (a reminder falls mid-way)
REPEAT_THEMES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "ethnic",
        ("DISHUB",),
        (
            "hate_speech",
            "abusive",
            "hate_speech",
            "abusive",
            "hate_speech",
            "abusive",
            "hate_speech",
            "abusive",
            "abusive",
            "hate_speech",
        ),
    ),
    (
        "hoaxer",
        ("DINKES", "DISDIK"),
        ("hoax", "hoax", "hoax", "hoax", "hoax", "hoax", "hoax", "hoax", "hoax"),
    ),
    (
        "radical",
        ("BPKAD", "DPUPR"),
        (
            "radicalism",
            "hate_speech",
            "radicalism",
            "radicalism",
            "radicalism",
            "hate_speech",
            "radicalism",
            "radicalism",
        ),
    ),
    (
        "railer",
        ("SATPOLPP", "DLH"),
        ("abusive", "abusive", "abusive", "abusive", "abusive", "abusive", "abusive"),
    ),
    (
        "religion",
        ("DISDUKCAPIL", "KEC-TTM", "KEL-MRJ"),
        (
            "hate_speech",
            "hate_speech",
            "hoax",
            "hate_speech",
            "abusive",
            "hate_speech",
            "hate_speech",
            "hate_speech",
        ),
    ),
)


@dataclass
class Cast:
    repeats: list[tuple[Person, str, tuple[str, ...]]] = field(default_factory=list)
    outbursts: list[Person] = field(default_factory=list)
    personas: dict[str, str] = field(default_factory=dict)
    targets: dict[str, tuple[str, str]] = field(default_factory=dict)  # nip -> (topic, group)

    def persona_of(self, nip: str) -> str:
        if any(p.nip == nip for p, _, _ in self.repeats):
            return "repeat"
        if any(p.nip == nip for p in self.outbursts):
            return "outburst"
        return "normal"


def _pick(rng: random.Random, *pools: list[Person]) -> Person:
    """A random person from the first non-empty pool."""
    return rng.choice(next(pool for pool in pools if pool))


def _plain_staff(people: list[Person], supervisors: set[str]) -> list[Person]:
    return [p for p in people if p.active and not p.is_head and p.nip not in supervisors]


_OWN_GROUP = {
    "jawa": "orang Jawa",
    "bugis": "orang Bugis",
    "batak": "orang Batak",
    "banjar": "orang Banjar",
    "dayak": "orang Dayak",
    "tionghoa": "orang Tionghoa",
    "ntt": "orang Flores",
}


def _target(rng: random.Random, person: Person, theme: str) -> tuple[str, str] | None:
    """The group a repeat poster keeps attacking (never their own)."""
    if theme == "ethnic":
        own = _OWN_GROUP.get(person.name.region)
        groups = [
            g
            for g in (
                "orang Jawa",
                "orang Bugis",
                "orang Batak",
                "orang Madura",
                "orang Tionghoa",
                "pendatang dari luar pulau",
            )
            if g != own
        ]
        return "race", rng.choice(groups)
    if theme == "religion":
        if person.name.religion == "islam":
            return "religion", rng.choice(("orang kafir", "umat Kristen", "orang Kristen"))
        return "religion", rng.choice(("orang Islam", "kaum kadrun"))
    if theme == "radical":
        return "religion", "orang kafir"
    return None


def choose(rng: random.Random, people: list[Person]) -> Cast:
    """Choose the cast deterministically from ``rng``."""
    by_nip = {p.nip: p for p in people}
    supervisors = {p.supervisor_nip for p in people if p.supervisor_nip}
    plain = _plain_staff(people, supervisors)
    cast = Cast()
    taken: set[str] = set()

    insp = [p for p in people if p.unit_code == "INSP" and p.active]
    head = next(p for p in insp if p.is_head)
    auditor = _pick(
        rng,
        [p for p in insp if p.position.startswith("Auditor Ahli M")],
        [p for p in insp if p.position.startswith("Auditor")],
    )
    inspector = _pick(
        rng,
        [p for p in insp if not p.is_head and p is not auditor and "Ahli" in p.position],
        [p for p in insp if not p.is_head and p is not auditor],
    )
    sekda = next(p for p in people if p.unit_code == "SETDA" and p.is_head)
    kominfo = [p for p in people if p.unit_code == "DISKOMINFO" and p.active and not p.is_head]
    admin = _pick(rng, [p for p in kominfo if p.position.startswith("Pranata Komp")], kominfo)
    taken |= {head.nip, auditor.nip, inspector.nip, sekda.nip, admin.nip}

    for i, (theme, units, plan) in enumerate(REPEAT_THEMES):

        def fits(p: Person, theme: str = theme, first: bool = i == 0) -> bool:
            if p.nip in taken or (theme == "radical" and p.name.religion != "islam"):
                return False
            # the employee persona's supervisor must be a boss, not the unit head
            return not first or not by_nip[p.supervisor_nip].is_head

        person = _pick(
            rng,
            [p for p in plain if p.unit_code in units and fits(p)],
            [p for p in plain if fits(p)],
        )
        taken.add(person.nip)
        person.tags.add("repeat")
        cast.repeats.append((person, theme, plan))
        target = _target(rng, person, theme)
        if target:
            cast.targets[person.nip] = target

    employee = cast.repeats[0][0]
    supervisor = by_nip[employee.supervisor_nip]
    taken.add(supervisor.nip)

    pool = [
        p
        for p in people
        if p.active and not p.is_head and p.nip not in taken and p.unit_code != "INSP"
    ]
    for person in rng.sample(pool, 10):
        person.tags.add("outburst")
        cast.outbursts.append(person)
        taken.add(person.nip)

    cast.personas = {
        "employee": employee.nip,
        "supervisor": supervisor.nip,
        "inspector": inspector.nip,
        "head": head.nip,
        "decider": sekda.nip,
        "admin": admin.nip,
        "auditor": auditor.nip,
    }
    for nip in cast.personas.values():
        by_nip[nip].tags.add("persona")
    return cast
