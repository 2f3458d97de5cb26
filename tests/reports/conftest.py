"""A seeded world for the reports tests: findings, decisions and cases in October–December 2026.

``world`` builds the rows with the ORM and keeps a plain-Python description of each finding
(``world.findings``: a list of :class:`Spec`). Tests compute their expected figures from these
specs with ordinary loops — never with the selectors under test — and compare.

Time stamps are set with ``update()`` after creation (the models stamp ``auto_now_add``). The
period under test is November 2026 (WITA); a few rows sit minutes either side of its bounds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pytest

from tests.cases.conftest import make_finding  # noqa: F401 (the cases tests' fixture)

WITA = ZoneInfo("Asia/Makassar")
CATEGORIES = ["hate_speech", "abusive", "radicalism", "hoax"]
OUTCOMES = [
    "in_process", "resolved_guidance", "sanction_light", "sanction_medium", "sanction_heavy",
    "no_sanction", "dismissed", "revoked",
]  # fmt: skip
SANCTION_CODES = {
    "light": "written_reprimand",
    "medium": "promotion_delay_1y",
    "heavy": "position_demotion_12m",
}
STATUS_OF = {
    "confirm": "confirmed",
    "dismiss": "dismissed",
    "protected": "protected",
    "not_attributable": "not_attributable",
}
EXTRA_ACCOUNTS = [("e5", "x", "made.w"), ("e0", "facebook", "hendra.w"), ("e6", "x", "dr.agus"),
                  ("e1", "instagram", "ratna.kominfo")]  # fmt: skip


def wita(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=WITA)


@dataclass
class Spec:
    finding_id: int
    employee: str | None  # registry key, None for an unregistered account
    unit: str | None
    platform: str
    category: str
    found_at: dt.datetime
    status: str  # Finding.Status value
    decided_at: dt.datetime | None = None
    outcome: str | None = None  # case outcome (confirmed findings only)
    level: str | None = None
    case_id: int | None = None
    decision_date: dt.date | None = None
    closed_at: dt.datetime | None = None
    guidance_at: dt.datetime | None = None
    deleted_on_time: bool | None = None
    raw_outcome: str | None = None  # no_sanction, dismissed, revoked… before grouping


@dataclass
class World:
    registry: object
    users: dict
    findings: list[Spec] = field(default_factory=list)
    posts_scanned_in_nov: int = 0


def _random_time(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    return start + dt.timedelta(seconds=rng.randrange(int((end - start).total_seconds())))


@pytest.fixture
def world(registry, users) -> World:
    from pantau.cases.models import Appeal, Case, CaseFinding, CaseStep, ReviewDecision
    from pantau.monitoring.models import Finding, Post
    from pantau.registry.models import Account

    rng = random.Random(7)
    outcomes = itertools.cycle(OUTCOMES)  # every outcome occurs, in both months
    reg = registry
    for key, platform, handle in EXTRA_ACCOUNTS:
        reg.accounts.append(
            Account.objects.create(employee=reg.employees[key], platform=platform, handle=handle)
        )
    accounts = [a for a in reg.accounts]
    key_of = {e.pk: k for k, e in reg.employees.items()}
    w = World(registry=reg, users=users)
    inspector, head = users["inspector"], users["head"]
    open_case_of: set[str] = set()
    start, end = wita(2026, 10, 1), wita(2026, 12, 10)
    times = [_random_time(rng, start, end) for _ in range(90)]
    times += [wita(2026, 11, 30, 23, 50), wita(2026, 12, 1, 0, 5), wita(2026, 11, 1, 0, 1)]
    for n, found_at in enumerate(times):
        account = rng.choice(accounts + [None])
        platform = account.platform if account else rng.choice(["x", "tiktok"])
        post = Post.objects.create(
            platform=platform, post_id=f"w{n}", account=account, handle=account.handle if account else f"anon{n}",
            text=f"teks {n}", content_hash=f"w{n}", created_at=found_at, scan_state="scanned",
        )  # fmt: skip
        employee = account.employee if account else None
        category = rng.choice(CATEGORIES)
        finding = Finding.objects.create(
            post=post, employee=employee, categories=[category], top_category=category,
            score=0.9, priority=0.9, model_version=rng.choice(["pantau-id-1", "pantau-id-2"]),
        )  # fmt: skip
        Finding.objects.filter(pk=finding.pk).update(created_at=found_at)
        key = key_of.get(employee.pk) if employee else None
        spec = Spec(finding.pk, key, employee.unit.code if employee else None, platform, category,
                    found_at, "new")  # fmt: skip
        w.findings.append(spec)
        roll = rng.random()
        if roll < 0.15:
            continue  # awaiting review
        choices = ["confirm", "dismiss", "protected", "not_attributable"]
        outcome = rng.choices(choices, weights=[5, 3, 2, 1])[0]
        if employee is None and outcome == "confirm":
            outcome = "dismiss"
        decided_at = found_at + dt.timedelta(hours=rng.choice([2, 20, 60, 200, 500]))
        decision = ReviewDecision.objects.create(
            finding=finding, reviewer=rng.choice([inspector, head]), outcome=outcome,
            category=category if rng.random() < 0.9 else "abusive", reason="r",
            model_version=finding.model_version, text=post.text,
        )  # fmt: skip
        ReviewDecision.objects.filter(pk=decision.pk).update(created_at=decided_at)
        spec.status, spec.decided_at = STATUS_OF[outcome], decided_at
        Finding.objects.filter(pk=finding.pk).update(status=spec.status)
        if outcome == "confirm":
            _make_case(rng, next(outcomes), spec, employee, decided_at, inspector, head, open_case_of,
                       Case, CaseFinding, CaseStep, Appeal)  # fmt: skip
    # posts that were scanned without a finding, one pending, one without a date
    for n, when in enumerate(
        [wita(2026, 11, 5), wita(2026, 11, 30, 23, 59), wita(2026, 10, 31, 23, 59)]
    ):
        Post.objects.create(platform="x", post_id=f"clean{n}", handle="anon", text="biasa",
                            content_hash=f"c{n}", created_at=when, scan_state="scanned")  # fmt: skip
    Post.objects.create(platform="x", post_id="pending", handle="anon", text="belum",
                        content_hash="p", created_at=wita(2026, 11, 5), scan_state="pending")  # fmt: skip
    w.posts_scanned_in_nov = sum(1 for s in w.findings if in_nov(s.found_at)) + 2
    return w


def _make_case(rng, outcome, spec, employee, decided_at, inspector, head, open_case_of,
               Case, CaseFinding, CaseStep, Appeal) -> None:  # fmt: skip
    if outcome == "in_process" and spec.employee in open_case_of:
        outcome = "no_sanction"
    opened = decided_at
    closed = opened + dt.timedelta(days=rng.choice([3, 12, 25]))
    fields = {"employee": employee, "state": "closed", "assigned_to": inspector}
    level = None
    if outcome == "in_process":
        fields["state"] = rng.choice(["guidance", "summons", "decision"])
        open_case_of.add(spec.employee)
    if outcome.startswith("sanction") or outcome == "revoked":
        level = outcome.split("_")[1] if outcome.startswith("sanction") else "light"
        fields["sanction_code"] = SANCTION_CODES[level]
        fields["decision_date"] = (
            (opened + dt.timedelta(days=rng.choice([2, 9, 20]))).astimezone(WITA).date()
        )
    if outcome == "resolved_guidance":
        fields["guidance_at"] = opened + dt.timedelta(hours=1)
        fields["deletion_due"] = (opened + dt.timedelta(days=5)).astimezone(WITA).date()
        on_time = rng.random() < 0.7
        fields["deletion_verified_at"] = opened + dt.timedelta(days=3 if on_time else 9)
        spec.guidance_at, spec.deleted_on_time = fields["guidance_at"], on_time
    case = Case.objects.create(**fields)
    Case.objects.filter(pk=case.pk).update(
        opened_at=opened, closed_at=closed if fields["state"] == "closed" else None
    )
    CaseFinding.objects.create(case=case, finding_id=spec.finding_id)
    step = {"resolved_guidance": "close_after_guidance", "no_sanction": "decide_no_sanction",
            "dismissed": "dismiss_case", "revoked": "resolve_appeal"}.get(outcome)  # fmt: skip
    if outcome.startswith("sanction"):
        step = "close_without_appeal"
    if step:
        s = CaseStep.objects.create(
            case=case, name=step, from_state="x", to_state="closed", actor=head
        )
        CaseStep.objects.filter(pk=s.pk).update(created_at=closed)
        spec.closed_at = closed
    if outcome == "revoked":
        Appeal.objects.create(case=case, kind="objection", text="t", filed_by=head,
                              decide_by=closed.date(), outcome="revoked", decided_at=closed)  # fmt: skip
    spec.outcome = "overturned" if outcome in ("no_sanction", "dismissed", "revoked") else outcome
    spec.level, spec.case_id = level, case.pk
    spec.decision_date = fields.get("decision_date")
    spec.raw_outcome = outcome


def in_nov(when: dt.datetime | None) -> bool:
    return when is not None and wita(2026, 11, 1) <= when < wita(2026, 12, 1)


def in_oct(when: dt.datetime | None) -> bool:
    return when is not None and wita(2026, 10, 1) <= when < wita(2026, 11, 1)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The transparency figures are cached; every test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
