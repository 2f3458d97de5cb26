"""Plan and write the ~2,000 demo posts of the last 90 days.

The plan is built in layers: the repeat posters' violations spread over the weeks (continuing
after the point where a reminder would have come), the ten one-off late-night outbursts, posts by
unregistered accounts (mostly hate and hoaxes, as found through complaints), single soft
violations by ordinary employees (shares, reactions and comments of violating content, and a few
long Facebook posts with one hateful paragraph), and then the everyday mix of official activity,
personal life, criticism and service complaints.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import post_meta as meta
from . import posts_text as pt
from .accounts import Account
from .cast import Cast
from .organisation import Person

WINDOW_DAYS = 90
VIOLATIONS = ("hate_speech", "abusive", "hoax", "radicalism")
_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
UNREGISTERED_MIX = {
    "hate_speech": 38,
    "hoax": 28,
    "abusive": 18,
    "radicalism": 6,
    "criticism": 6,
    "service_complaint": 4,
}
SOFT_VIOLATIONS = (  # intent, kind, count (kind "long" = long Facebook post with buried hate)
    ("hoax", "share", 18),
    ("hoax", "post", 10),
    ("hoax", "comment", 4),
    ("hate_speech", "long", 2),
    ("hate_speech", "share", 8),
    ("hate_speech", "reaction", 6),
    ("hate_speech", "comment", 4),
    ("abusive", "comment", 6),
    ("abusive", "post", 2),
    ("radicalism", "share", 2),
    ("radicalism", "reaction", 2),
)
_PLATFORM_FIT = {  # how likely an intent goes to a platform, relative to 1
    "official": {"facebook": 4, "instagram": 3, "other": 2},
    "criticism": {"facebook": 4, "x": 4, "threads": 2, "other": 0.3},
    "personal": {"facebook": 2, "instagram": 2, "other": 0.03},
    "default": {"facebook": 2, "other": 0.03},
}
_HEAD_NICK_BY_UNIT = {
    "SATPOLPP": "Kasatpol PP",
    "INSP": "Inspektur",
    "BAGORG": "Kabag",
    "BAGHUK": "Kabag",
}
_HEAD_NICK = {
    "dinas": "Kadis",
    "badan": "Kaban",
    "inspektorat": "Inspektur",
    "kecamatan": "Camat",
    "kelurahan": "Lurah",
    "sekretariat": "Sekda",
    "bagian": "Kabag",
}


@dataclass
class Plan:
    intent: str
    account: Account
    person: Person | None
    persona: str
    kind: str = "post"
    day: dt.date | None = None
    family: str = ""
    long: bool = False
    buried: bool = False
    viral: bool = False
    notes: dict = field(default_factory=dict)


class _Planner:
    def __init__(
        self,
        rng: random.Random,
        today: dt.date,
        people: list[Person],
        units: list[dict],
        accounts: list[Account],
        unregistered: list[Account],
        cast: Cast,
    ) -> None:
        self.rng, self.today, self.cast = rng, today, cast
        self.by_nip = {p.nip: p for p in people}
        self.units = {u["code"]: u for u in units}
        self.accounts_of: dict[str, list[Account]] = {}
        for a in accounts:
            if a.nip and self.by_nip[a.nip].active:
                self.accounts_of.setdefault(a.nip, []).append(a)
        self.unregistered = unregistered
        self.by_platform: dict[str, list[Account]] = {}
        for a in accounts:
            self.by_platform.setdefault(a.platform, []).append(a)
        self.activity = {nip: rng.lognormvariate(0, 0.8) for nip in sorted(self.accounts_of)}
        self.days = [today - dt.timedelta(days=k) for k in range(1, WINDOW_DAYS + 1)]
        self.plans: list[Plan] = []

    # --- helpers -------------------------------------------------------------------------
    def day(self, intent: str) -> dt.date:
        if intent == "official":
            weights = [
                0.12 if d.weekday() == 6 else 0.3 if d.weekday() == 5 else 1 for d in self.days
            ]
        elif intent == "personal":
            weights = [1.7 if d.weekday() >= 5 else 1 for d in self.days]
        else:
            weights = [1] * len(self.days)
        return self.rng.choices(self.days, weights=weights)[0]

    def account_for(self, nip: str, intent: str, prefer: str | None = None) -> Account:
        accts = self.accounts_of[nip]
        if prefer:
            for a in accts:
                if a.platform == prefer:
                    return a
        fit = _PLATFORM_FIT.get(intent, _PLATFORM_FIT["default"])
        return self.rng.choices(accts, weights=[fit.get(a.platform, 1) for a in accts])[0]

    def persona(self, nip: str | None) -> str:
        return self.cast.persona_of(nip) if nip else "normal"

    def add(self, intent: str, account: Account, kind: str = "post", **kw) -> Plan:
        person = self.by_nip.get(account.nip) if account.nip else None
        plan = Plan(intent, account, person, self.persona(account.nip), kind, **kw)
        plan.day = plan.day or self.day(intent)
        if not plan.family:
            plan.family = intent if intent in ("official", "personal") else "other"
        self.plans.append(plan)
        return plan

    # --- layers --------------------------------------------------------------------------
    def repeats(self) -> None:
        rng = self.rng
        for person, theme, sequence in self.cast.repeats:
            self.ordinary_life(person, rng.randint(3, 5))
            k = len(sequence)
            buried_at = {"ethnic": 4, "religion": 1}.get(theme)
            for i, intent in enumerate(sequence):
                frac = (i + rng.uniform(0.15, 0.85)) / k
                days_ago = max(2, min(WINDOW_DAYS, round(WINDOW_DAYS - frac * (WINDOW_DAYS - 3))))
                day = self.today - dt.timedelta(days=days_ago)
                if i == buried_at:
                    self.add(
                        intent,
                        self.account_for(person.nip, intent, "facebook"),
                        day=day,
                        long=True,
                        buried=True,
                    )
                    continue
                kind = "comment" if rng.random() < 0.25 else "post"
                self.add(intent, self.account_for(person.nip, intent), kind, day=day)

    def ordinary_life(self, person: Person, n: int) -> None:
        """A few everyday posts so that a cast member is more than their violations."""
        for _ in range(n):
            self.add("personal", self.account_for(person.nip, "personal"))

    def outbursts(self) -> None:
        for person in self.cast.outbursts:
            self.ordinary_life(person, self.rng.randint(2, 4))
            day = self.today - dt.timedelta(days=self.rng.randint(3, WINDOW_DAYS - 2))
            plan = self.add(
                "abusive", self.account_for(person.nip, "abusive"), day=day, family="outburst"
            )
            plan.notes["outburst"] = True

    def from_unregistered(self, total: int) -> None:
        rng = self.rng
        weights = [rng.lognormvariate(0, 0.9) for _ in self.unregistered]
        intents = [i for i, n in UNREGISTERED_MIX.items() for _ in range(n)]
        scale = total / len(intents)
        intents = [intents[int(j / scale)] for j in range(total)] if scale != 1 else intents
        anon = [
            w if not a.lookalike else 0 for w, a in zip(weights, self.unregistered, strict=True)
        ]
        for intent in intents:
            pool_weights = anon if intent in ("hoax", "radicalism") else weights
            account = rng.choices(self.unregistered, weights=pool_weights)[0]
            kind = "comment" if rng.random() < 0.2 else "post"
            self.add(intent, account, kind)

    def soft_violations(self, scale: float) -> None:
        """One soft violation each for ordinary employees (scaled with the post total)."""
        rng = self.rng
        supervisors = {p.supervisor_nip for p in self.by_nip.values()}
        pool = [
            nip
            for nip in sorted(self.accounts_of)
            if not self.by_nip[nip].tags and not self.by_nip[nip].is_head and nip not in supervisors
        ]
        rng.shuffle(pool)
        spare = list(pool)
        for intent, kind, count in SOFT_VIOLATIONS:
            for _ in range(max(1, round(count * scale))):
                if kind == "long":
                    with_fb = [n for n in pool or spare if "facebook" in self._platforms(n)]
                    nip = with_fb[0]
                    if nip in pool:
                        pool.remove(nip)
                    self.add(
                        intent, self.account_for(nip, intent, "facebook"), long=True, buried=True
                    )
                    continue
                nip = pool.pop() if pool else rng.choice(spare)
                self.add(intent, self.account_for(nip, intent), kind)

    def _platforms(self, nip: str) -> set[str]:
        return {a.platform for a in self.accounts_of[nip]}

    def everyday(self, counts: dict[str, int]) -> None:
        rng = self.rng
        nips = sorted(self.accounts_of)
        vocal = set(rng.sample(nips, 25))
        railer = next((p.nip for p, theme, _ in self.cast.repeats if theme == "railer"), None)
        quiet = set(self.cast.personas.values()) - {self.cast.personas["employee"]}
        for intent, count in counts.items():
            weights = []
            for nip in nips:
                p = self.by_nip[nip]
                w = self.activity[nip]
                if intent == "official":
                    w *= (3 if p.is_head else 1) * (2.5 if "Hubungan" in p.position else 1)
                elif intent in ("criticism", "service_complaint"):
                    w *= 15 if nip == railer else 6 if nip in vocal else 1
                    w *= 0.05 if p.is_head or nip in quiet else 1
                weights.append(w)
            for nip in rng.choices(nips, weights=weights, k=count):
                kind = rng.choices(
                    ("post", "comment", "share", "reaction"), weights=(80, 13, 6, 1)
                )[0]
                if (intent in ("criticism", "service_complaint") and kind == "reaction") or (
                    intent == "personal" and kind in ("share", "reaction")
                ):
                    kind = "post"
                self.add(intent, self.account_for(nip, intent), kind)

    def long_posts(self, n: int) -> None:
        """Mark ``n`` ordinary Facebook posts as long multi-paragraph ones."""
        candidates = [
            p
            for p in self.plans
            if p.account.platform == "facebook"
            and p.kind == "post"
            and p.intent in ("official", "personal", "criticism")
            and not p.long
        ]
        for plan in self.rng.sample(candidates, n):
            plan.long = True

    def virals(self) -> None:
        wanted = {
            "criticism": 4,
            "hoax": 3,
            "hate_speech": 2,
            "official": 3,
            "personal": 2,
            "abusive": 1,
        }
        for intent, n in wanted.items():
            pool = [p for p in self.plans if p.intent == intent and p.kind == "post"]
            for plan in self.rng.sample(pool, min(n, len(pool))):
                plan.viral = True


def plan_posts(
    rng: random.Random,
    today: dt.date,
    people: list[Person],
    units: list[dict],
    accounts: list[Account],
    unregistered: list[Account],
    cast: Cast,
    total: int,
) -> _Planner:
    pl = _Planner(rng, today, people, units, accounts, unregistered, cast)
    pl.repeats()
    pl.outbursts()
    pl.from_unregistered(round(total * 0.05))
    pl.soft_violations(total / 2000)
    done = {i: sum(p.intent == i for p in pl.plans) for i in ("criticism", "service_complaint")}
    counts = {
        "official": round(total * 0.46),
        "criticism": round(total * 0.10) - done["criticism"],
        "service_complaint": round(total * 0.05) - done["service_complaint"],
    }
    counts["personal"] = total - len(pl.plans) - sum(counts.values())
    pl.everyday(counts)
    pl.long_posts(12)
    pl.virals()
    return pl


def _context(pl: _Planner, plan: Plan, when: dt.datetime) -> dict:
    p = plan.person
    day = plan.day
    ctx = {
        "day": day,
        "hour": when.hour,
        "platform": plan.account.platform,
        "weekday": _WEEKDAYS[day.weekday()],
        "religion": "islam",
        "region": "",
        "unit_code": "SETDA",
        "unit_name": "Pemkot",
        "atasan": "Pak Sekda",
        "outburst": bool(plan.notes.get("outburst")),
    }
    if p is None:
        return ctx
    unit = pl.units[p.unit_code]
    head = pl.by_nip[unit["head_nip"]]
    nick = _HEAD_NICK_BY_UNIT.get(p.unit_code) or _HEAD_NICK.get(unit["kind"], "Kadis")
    ctx.update(
        religion=p.name.religion,
        region=p.name.region,
        unit_code=p.unit_code,
        unit_name=unit["name"],
        atasan=f"{'Pak' if head.sex == 'M' else 'Bu'} {nick}",
    )
    if p.nip in pl.cast.targets:
        ctx["hate_topic"], ctx["hate_group"] = pl.cast.targets[p.nip]
    mates = [a for a in pl.by_platform.get(plan.account.platform, ()) if a.nip != p.nip]
    if mates:
        ctx["mention"] = "@" + pl.rng.choice(mates).handle
    return ctx


def write(pl: _Planner) -> tuple[list[dict], dict[str, dict]]:
    """Render every plan into a post dict; also return notes keyed ``platform:post_id``."""
    rng = pl.rng
    timed = [
        (meta.timestamp(rng, plan.day, plan.family), i, plan) for i, plan in enumerate(pl.plans)
    ]
    timed.sort(key=lambda t: (t[0], t[1]))
    sources: dict[str, list[str]] = {}
    seen_ids: set[tuple[str, str]] = set()
    posts: list[dict] = []
    notes: dict[str, dict] = {}
    for when, _, plan in timed:
        ctx = _context(pl, plan, when)
        platform = plan.account.platform
        detail: dict = {}
        if plan.kind in ("share", "reaction"):
            pool = sources.get(plan.intent) if plan.intent in VIOLATIONS else None
            original = rng.choice(pool[-40:]) if pool else pt.body(rng, plan.intent, ctx, True)[0]
            if plan.kind == "reaction":
                text = original
            elif plan.intent in VIOLATIONS:
                text = pt.share(rng, original)
            else:
                text = pt.benign_share(rng, original, plan.intent)
        elif plan.kind == "comment":
            text, detail = pt.comment(rng, plan.intent, ctx)
        elif plan.long:
            text, detail = pt.long_post(rng, plan.intent, ctx, plan.buried)
        else:
            text, detail = pt.body(rng, plan.intent, ctx, platform in pt.SHORT_PLATFORMS)
            if plan.intent in VIOLATIONS and plan.account.nip is None:
                sources.setdefault(plan.intent, []).append(text)
            text = pt.decorate(rng, text, platform, plan.intent)
        if platform == "x":
            text = pt.decorate(rng, text, "x", plan.intent) if len(text) > pt.X_LIMIT else text
        while True:
            post_id, url = meta.identify(platform, plan.kind, plan.account.handle, when, rng)
            if (platform, post_id) not in seen_ids:
                seen_ids.add((platform, post_id))
                break
        posts.append(
            {
                "platform": platform,
                "post_id": post_id,
                "handle": plan.account.handle,
                "url": url,
                "created_at": when,
                "kind": plan.kind,
                "text": text,
                "reach": meta.reach(
                    rng, platform, plan.kind, plan.intent, plan.account.followers, plan.viral
                ),
                "intent": plan.intent,
                "persona": plan.persona,
            }
        )
        notes[f"{platform}:{post_id}"] = {
            "nip": plan.account.nip,
            "viral": plan.viral,
            "long": plan.long,
            "buried": plan.buried,
            **plan.notes,
            **detail,
        }
    return posts, notes
