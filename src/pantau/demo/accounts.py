"""Declared social-media accounts of the demo employees, and a few unregistered accounts.

Handles are derived from the employee's name in the styles people really use on each platform
(``budi.santoso.77`` on Facebook, ``bunda.sri_`` on Instagram, ``BudiS_88`` on X…), unique per
platform, and the URL follows each platform's real profile URL form. Most accounts are verified or
declared; a few are disputed or reported hacked. Unregistered handles stand for accounts that only
turn up through complaints.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .names import slug
from .organisation import Person

PLATFORMS = ("facebook", "instagram", "x", "tiktok", "youtube", "threads", "mastodon", "other")
_WEIGHTS_OLD = (50, 22, 6, 8, 6, 3, 1, 4)
_WEIGHTS_YOUNG = (18, 34, 12, 18, 4, 9, 3, 2)
MASTODON_INSTANCES = ("mastodon.social", "mas.to")

_NICK_M = {
    "jawa": "mas",
    "banjar": "julak",
    "bugis": "daeng",
    "batak": "lae",
    "bali": "bli",
    "tionghoa": "koh",
    "minang": "uda",
    "manado": "om",
    "sunda": "akang",
}
_NICK_F = {
    "jawa": "mbak",
    "banjar": "acil",
    "bugis": "puang",
    "batak": "inang",
    "bali": "mbok",
    "tionghoa": "cici",
    "minang": "uni",
    "manado": "tante",
    "sunda": "teteh",
}
_FAMILY_M = ("papa", "ayah", "abah", "bang", "pak")
_FAMILY_F = ("mama", "bunda", "umi", "kak", "ibu")


@dataclass
class Account:
    nip: str | None
    platform: str
    handle: str
    url: str
    state: str
    followers: int
    lookalike: bool = False  # an unregistered account that looks like an employee's

    def as_dict(self) -> dict:
        return {
            "nip": self.nip,
            "platform": self.platform,
            "handle": self.handle,
            "url": self.url,
            "state": self.state,
        }


def profile_url(platform: str, handle: str, rng: random.Random | None = None) -> str:
    """The public profile URL of ``handle`` on ``platform``."""
    if platform == "facebook":
        return f"https://www.facebook.com/{handle}"
    if platform == "instagram":
        return f"https://www.instagram.com/{handle}/"
    if platform == "x":
        return f"https://x.com/{handle}"
    if platform == "tiktok":
        return f"https://www.tiktok.com/@{handle}"
    if platform == "youtube":
        return f"https://www.youtube.com/@{handle}"
    if platform == "threads":
        return f"https://www.threads.net/@{handle}"
    if platform == "mastodon":  # handles are user@instance, as pantau.core.handles reads them
        user, _, instance = handle.partition("@")
        return f"https://{instance or mastodon_instance(user)}/@{user}"
    return f"https://www.linkedin.com/in/{handle}/"


def mastodon_instance(user: str) -> str:
    """A stable instance for a Mastodon user name."""
    return MASTODON_INSTANCES[sum(map(ord, user)) % len(MASTODON_INSTANCES)]


def _nick(person: Person, rng: random.Random) -> str:
    regional = (_NICK_M if person.sex == "M" else _NICK_F).get(person.name.region)
    family = _FAMILY_M if person.sex == "M" else _FAMILY_F
    return regional if regional and rng.random() < 0.5 else rng.choice(family)


def _candidates(person: Person, platform: str, rng: random.Random) -> str:
    f, last = slug(person.name.first), slug(person.name.last)
    yy = f"{person.birth.year % 100:02d}"
    n = str(rng.randint(1, 9999))
    nick = _nick(person, rng)
    unit = slug(person.unit_code.split("-")[-1])[:6]
    styles = {
        "facebook": (
            f"{f}.{last}",
            f"{f}{last}{n}",
            f"{f}.{last}.{n}",
            f"{nick}.{f}",
            f"{f}.{last}.{yy}",
            f"{f}{yy}{last}",
        ),
        "instagram": (
            f"{f}_{last}",
            f"{f}{last}",
            f"{f}.{last}_",
            f"{f}{yy}",
            f"its{f}{last[:1]}",
            f"{nick}.{f}",
            f"{last}.{f}",
            f"_{f}{last}_",
            f"{f}.{unit}",
        ),
        "x": (
            f"{f}{last}"[:15],
            f"{f}_{yy}",
            f"{f[:1]}{last}"[:15],
            f"{f.title()}{last[:1].upper()}_",
            f"{nick}{f}"[:15],
            f"{f}{n}"[:15],
        ),
        "tiktok": (
            f"{f}{last}{n}",
            f"{nick}{f}",
            f"{f}.{last}.official",
            f"{f}_{unit}",
            f"{nick}.{f}{yy}",
        ),
        "youtube": (
            f"{f.title()}{last.title()}",
            f"{f}{last}channel",
            f"{nick.title()}{f.title()}Vlog",
            f"{f.title()}{last.title()}Official",
            f"Cerita{f.title()}",
        ),
        "threads": (f"{f}_{last}", f"{f}.{last}", f"{f}{yy}_"),
        "mastodon": (f"{f}{last[:1]}", f"{f}_{last}", f"{f}{yy}"),
        "other": (f"{f}-{last}-{rng.randrange(16**8):08x}",),
    }
    return rng.choice(styles[platform])


def _unique(handle: str, platform: str, used: set[tuple[str, str]], rng: random.Random) -> str:
    base = handle.strip("._") if platform in ("x", "mastodon") else handle
    if platform == "x":
        base = base[:15]
    if len(base) < 5:
        base = f"{base}{rng.randint(10, 99)}"
    candidate = base
    while (platform, candidate.lower()) in used:
        suffix = str(rng.randint(1, 99))
        candidate = (base[: 15 - len(suffix)] if platform == "x" else base) + suffix
    used.add((platform, candidate.lower()))
    return candidate


def _followers(rng: random.Random, person: Person, platform: str) -> int:
    base = rng.lognormvariate(5.6, 1.0)  # median ~270
    if person.is_head:
        base *= 4
    if platform in ("tiktok", "youtube"):
        base *= 1.8
    return max(12, int(base))


def build(
    rng: random.Random, people: list[Person], must_have: dict[str, tuple[str, ...]]
) -> list[Account]:
    """Accounts for ``people``; ``must_have`` maps a NIP to platforms it must have (verified)."""
    used: set[tuple[str, str]] = set()
    accounts: list[Account] = []
    for person in people:
        wanted = list(must_have.get(person.nip, ()))
        count = rng.choices((0, 1, 2, 3), weights=(12, 53, 26, 9))[0]
        weights = _WEIGHTS_OLD if person.birth.year < 1985 else _WEIGHTS_YOUNG
        while len(wanted) < count:
            platform = rng.choices(PLATFORMS, weights=weights)[0]
            if platform not in wanted:
                wanted.append(platform)
        ig_handle = None
        for platform in wanted:
            if platform == "threads" and ig_handle and (platform, ig_handle.lower()) not in used:
                handle = _unique(ig_handle, platform, used, rng)
            else:
                handle = _unique(_candidates(person, platform, rng), platform, used, rng)
            if platform == "mastodon":
                handle = f"{handle}@{mastodon_instance(handle)}"
            if platform == "instagram":
                ig_handle = handle
            state = rng.choices(
                ("verified", "declared", "disputed", "hacked"), weights=(63, 33.5, 2.2, 1.3)
            )[0]
            if person.nip in must_have or "persona" in person.tags:
                state = "verified"
            accounts.append(
                Account(
                    person.nip,
                    platform,
                    handle,
                    profile_url(platform, handle),
                    state,
                    _followers(rng, person, platform),
                )
            )
    return accounts


_ANON = (
    "warga.teluk.bersuara",
    "suara_rakyat_tsk",
    "kabar.teluk.terkini",
    "si.paling.benar88",
    "info.viral.kaltim",
    "tsk_undercover",
    "netizen.julid.tsk",
    "bubuhan.teluk",
    "akun.ketiga99",
    "pejuang_kebenaran_tsk",
    "teluk.watch",
    "mata.rakyat.teluk",
    "admin.grup.sebelah",
    "berita_pinggiran",
    "rakyat.jelata.kaltim",
    "pemuda_bukitdamai",
    "fakta.tersembunyi.id",
    "ummat_bangkit_tsk",
    "asli.pribumi.kaltim",
    "tukang.kritik77",
    "anak_pesisir_barat",
    "kopi.pahit.teluk",
    "kabar_langit_id",
    "emak.emak.tsk",
    "bapak2.ronda",
)
_ANON_PLATFORMS = ("facebook", "facebook", "facebook", "instagram", "x", "tiktok")


def unregistered(
    rng: random.Random, people: list[Person], accounts: list[Account]
) -> list[Account]:
    """Accounts nobody declared: anonymous pages plus a few look-alike second accounts."""
    used = {(a.platform, a.handle.lower()) for a in accounts}
    out: list[Account] = []
    for handle in _ANON:
        platform = rng.choice(_ANON_PLATFORMS)
        if platform == "x":
            handle = handle.replace(".", "_")[:15]
        handle = _unique(handle, platform, used, rng)
        out.append(
            Account(
                None,
                platform,
                handle,
                profile_url(platform, handle),
                "declared",
                int(rng.lognormvariate(7.0, 1.0)),
            )
        )
    for person in rng.sample([p for p in people if p.active and "persona" not in p.tags], 6):
        platform = rng.choice(("facebook", "instagram", "tiktok"))
        f, last = slug(person.name.first), slug(person.name.last)
        raw = rng.choice((f"{f}.{last}.real", f"{f}{last}.asli", f"{last}_{f}_2"))
        handle = _unique(raw, platform, used, rng)
        out.append(
            Account(
                None,
                platform,
                handle,
                profile_url(platform, handle),
                "declared",
                int(rng.lognormvariate(5.0, 0.8)),
                lookalike=True,
            )
        )
    return out
