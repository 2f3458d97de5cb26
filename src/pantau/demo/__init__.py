"""Demo data for Pantau: the fictional Pemerintah Kota Teluk Sejahtera (East Kalimantan, WITA).

``generate(seed, today)`` returns about 22 units, 300 employees with valid NIPs, 400 declared
social-media accounts and 2,000 posts of the 90 days before ``today`` in everyday Indonesian:
official activity, personal life, sharp but legitimate criticism and service complaints, and a
small share of hate speech, abusive language, hoaxes and radical content (from five repeat
posters, ten one-off outbursts, ordinary employees sharing or reacting, and unregistered accounts).
All text is written for this project. The result is deterministic for a seed and needs no Django.

    from pantau.demo import generate
    data = generate(seed=20261124, today=datetime.date(2026, 11, 24))
    data.units, data.employees, data.accounts, data.posts, data.personas, data.claims
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import accounts as acc
from . import cast as cast_mod
from . import organisation, posts
from .post_meta import WITA
from .structure import CITY
from .text_hoax import claims as hoax_claims

__all__ = ["DemoData", "generate", "CITY", "WITA", "DEFAULT_SEED"]

DEFAULT_SEED = 20261124
_MUST_HAVE = (
    ("facebook", "tiktok"),
    ("facebook",),
    ("facebook", "x"),
    ("facebook", "instagram"),
    ("facebook", "youtube"),
)


@dataclass
class DemoData:
    """Everything the demo loader needs; see the module docstring for the dict shapes."""

    units: list[dict]
    employees: list[dict]
    accounts: list[dict]
    posts: list[dict]
    personas: dict[str, str]
    claims: list[dict] = field(default_factory=list)  # debunked claims behind the hoax posts
    post_notes: dict[str, dict] = field(default_factory=dict)  # "platform:post_id" -> details
    unregistered_accounts: list[dict] = field(default_factory=list)  # handles seen only in posts


def generate(
    seed: int = DEFAULT_SEED, today: dt.date | None = None, *, n_posts: int = 2000
) -> DemoData:
    """Build the demo city, deterministically for ``seed``, with posts up to ``today``."""
    today = today or dt.date.today()
    units, people = organisation.build(random.Random(f"{seed}:org"), today)
    cast = cast_mod.choose(random.Random(f"{seed}:cast"), people)
    must_have = {person.nip: _MUST_HAVE[i] for i, (person, _, _) in enumerate(cast.repeats)}
    for person in cast.outbursts:
        must_have[person.nip] = ("facebook",)
    rng = random.Random(f"{seed}:accounts")
    accounts = acc.build(rng, people, must_have)
    hacked = next(a for a in accounts if a.nip == cast.outbursts[-1].nip)
    hacked.state = "hacked"  # one outburst came from an account later reported hacked
    unregistered = acc.unregistered(rng, people, accounts)
    planner = posts.plan_posts(
        random.Random(f"{seed}:posts"), today, people, units, accounts, unregistered, cast, n_posts
    )
    post_list, notes = posts.write(planner)
    return DemoData(
        units=units,
        employees=[p.as_dict() for p in people],
        accounts=[a.as_dict() for a in accounts],
        posts=post_list,
        personas=dict(cast.personas),
        claims=hoax_claims(),
        post_notes=notes,
        unregistered_accounts=[
            {"platform": a.platform, "handle": a.handle, "url": a.url} for a in unregistered
        ],
    )
