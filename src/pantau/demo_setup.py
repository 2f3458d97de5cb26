"""Loads the generated demo data into the database and creates one login per role.

Used by `pantau demo`; idempotent: a second run finds the data in place and only prints the logins.
The demo passwords are printed on purpose: the demo runs on a laptop, never in production.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from pantau.audit.services import audit_record
from pantau.core.handles import normalize_handle
from pantau.monitoring.models import Post
from pantau.registry.models import Account, Employee, Unit
from pantau.users.roles import Role
from pantau.users.services import user_create

DEMO_SEED = 20261124
DEMO_PASSWORD = "pantau-demo-2026"


@dataclass
class DemoSummary:
    created: bool
    logins: list[tuple[str, str, str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _load_registry(data) -> None:
    units = {}
    for item in data.units:
        units[item["code"]] = Unit.objects.create(
            code=item["code"], name=item["name"], kind=item["kind"]
        )
    for item in data.units:
        if item["parent_code"]:
            units[item["code"]].parent = units[item["parent_code"]]
            units[item["code"]].save(update_fields=["parent"])
    employees = Employee.objects.bulk_create(
        [
            Employee(
                nip=e["nip"],
                name=e["name"],
                front_title=e["front_title"],
                back_title=e["back_title"],
                position=e["position"],
                grade=e["grade"],
                unit=units[e["unit_code"]],
                email=e["email"],
                active=e["active"],
            )
            for e in data.employees
        ]
    )
    by_nip = {e.nip: e for e in employees}
    for item in data.employees:
        if item["supervisor_nip"]:
            by_nip[item["nip"]].supervisor = by_nip[item["supervisor_nip"]]
    Employee.objects.bulk_update(employees, ["supervisor"])
    for item in data.units:
        if item.get("head_nip"):
            Unit.objects.filter(code=item["code"]).update(head=by_nip[item["head_nip"]])
    now = timezone.now()
    Account.objects.bulk_create(
        [
            Account(
                employee=by_nip[a["nip"]],
                platform=a["platform"],
                handle=a["handle"],
                handle_key=normalize_handle(a["handle"]),
                url=a["url"],
                state=a["state"],
                verified_at=now if a["state"] != Account.State.DECLARED else None,
            )
            for a in data.accounts
        ]
    )


def _load_posts(data) -> int:
    accounts = {(a.platform, a.handle_key): a for a in Account.objects.all()}
    posts = []
    for p in data.posts:
        reach = p.get("reach") or {}
        posts.append(
            Post(
                platform=p["platform"],
                post_id=p["post_id"],
                handle=p["handle"],
                url=p["url"],
                account=accounts.get((p["platform"], normalize_handle(p["handle"]))),
                created_at=p["created_at"],
                kind=p["kind"],
                text=p["text"],
                language="id",
                likes=reach.get("likes", 0),
                shares=reach.get("shares", 0),
                comments=reach.get("comments", 0),
                views=reach.get("views", 0),
                content_hash=hashlib.sha256(p["text"].encode("utf-8")).hexdigest(),
                raw={"source": "demo", "intent": p.get("intent"), "persona": p.get("persona")},
                source="demo",
            )
        )
    # Posts of unregistered accounts are kept only when they came with a complaint.
    keep = timezone.now() + dt.timedelta(days=settings.PANTAU_RETENTION_DAYS)
    for post in posts:
        if post.account is None:
            post.source, post.keep_until = "complaint", keep
    Post.objects.bulk_create(posts, batch_size=500, ignore_conflicts=True)
    _complaints_for_unregistered()
    return len(posts)


def _complaints_for_unregistered() -> None:
    """One anonymous complaint per demo post of an unregistered account (their only way in)."""
    from pantau.monitoring.complaints import new_reference
    from pantau.monitoring.models import Category, Complaint

    intents = {c.value for c in Category}
    Complaint.objects.bulk_create(
        [
            Complaint(
                reference=new_reference(),
                post_url=post.url,
                platform=post.platform,
                handle=post.handle,
                anonymous=True,
                post=post,
                category=(post.raw or {}).get("intent")
                if (post.raw or {}).get("intent") in intents
                else Category.HATE_SPEECH,
                reason="Contoh aduan warga dalam data demo.",
            )
            for post in Post.objects.filter(account__isnull=True, source="complaint")
        ]
    )


ROLE_USERNAMES = [
    (Role.ADMIN, "admin"),
    (Role.INSPECTOR, "inspektur"),
    (Role.HEAD, "kepala"),
    (Role.DECIDER, "ppk"),
    (Role.SUPERVISOR, "atasan"),
    (Role.EMPLOYEE, "pegawai"),
    (Role.AUDITOR, "auditor"),
]


def _logins() -> list[tuple[str, str, str, str]]:
    User = get_user_model()
    rows = []
    for role, username in ROLE_USERNAMES:
        user = User.objects.filter(username=username).select_related("employee").first()
        if user:
            who = user.employee.full_name if user.employee else ""
            rows.append((role.value, username, DEMO_PASSWORD, who))
    return rows


def _scan(progress: Callable[[str], None]) -> None:
    """Scan the demo posts with the shipped detection model."""
    from pantau.core.detection import ArtifactError
    from pantau.monitoring.scanning import scan_pending

    progress("Scanning the posts with the detection engine…")
    try:
        stats = scan_pending()
    except ArtifactError as exc:
        progress(f"The detection model could not be loaded ({exc}); posts stay unscanned.")
        return
    progress(f"Scanned {stats.scanned} posts with {stats.model}: {stats.findings} findings.")
    from pantau.monitoring.models import Complaint, Finding

    # A complaint puts its post up for review whatever the scanner said.
    Finding.objects.filter(post__source="complaint").update(source=Finding.Source.COMPLAINT)
    Finding.objects.bulk_create(
        [
            Finding(
                post=c.post,
                source=Finding.Source.COMPLAINT,
                categories=[c.category],
                top_category=c.category,
                priority=0.5,
            )
            for c in Complaint.objects.filter(post__finding__isnull=True).select_related("post")
        ]
    )


def demo_setup(
    *, progress: Callable[[str], None] = lambda _msg: None, today: dt.date | None = None
) -> DemoSummary:
    """Load the demo data once and create the demo users; return their logins."""
    if Employee.objects.exists():
        progress("Demo data is already loaded.")
        return DemoSummary(created=False, logins=_logins())
    from pantau.demo import generate

    today = today or timezone.localdate()
    progress("Generating demo data…")
    data = generate(seed=DEMO_SEED, today=today)
    with transaction.atomic():
        progress(
            f"Loading {len(data.units)} units, {len(data.employees)} employees, "
            f"{len(data.accounts)} accounts…"
        )
        _load_registry(data)
        n_posts = _load_posts(data)
        progress(f"Loaded {n_posts} posts.")
        by_nip = {e.nip: e for e in Employee.objects.filter(nip__in=data.personas.values())}
        for role, username in ROLE_USERNAMES:
            employee = by_nip.get(data.personas.get(role.value, ""))
            names = (employee.name.split(" ", 1) + [""])[:2] if employee else ["", ""]
            user_create(
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                employee=employee,
                email=employee.email if employee else "",
                first_name=names[0],
                last_name=names[1],
                check_password=False,
            )
        audit_record(
            action="demo.loaded",
            object_type="demo",
            object_id=str(DEMO_SEED),
            object_repr="demo data",
            after={
                "units": len(data.units),
                "employees": len(data.employees),
                "accounts": len(data.accounts),
                "posts": n_posts,
            },
        )
    from pantau.monitoring.models import ClaimEntry
    from pantau.monitoring.watchlists import watchlist_seed_default

    ClaimEntry.objects.bulk_create(
        [
            ClaimEntry(
                claim_id=f"demo-{c['key']}",
                text=c["claim"],
                verdict="hoaks",
                topic=c.get("category", ""),
                source_name="Cek Fakta Kota Teluk Sejahtera",
                source_url=c["url"],
                clarification=c["clarification"],
                date=today - dt.timedelta(days=120),
            )
            for c in data.claims
        ]
    )
    progress(f"Fact-check register: {len(data.claims)} debunked claims.")

    entries = watchlist_seed_default()
    progress(f"Watchlist: {entries} entries from the shipped default list.")
    _scan(progress)
    return DemoSummary(
        created=True,
        logins=_logins(),
        counts={
            "units": len(data.units),
            "employees": len(data.employees),
            "accounts": len(data.accounts),
            "posts": n_posts,
        },
    )
