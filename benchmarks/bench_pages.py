"""Benchmark: server time of the pages inspectors wait on — review queue, finding, case, complaints.

Builds a fresh database (Django migrations for the schema and its indexes, then rows through
``pantau.monitoring.bulk.insert_rows``: units, employees and their accounts, posts over two years,
scan results and findings, review decisions, cases with their findings, steps and deadlines,
complaints, notifications), then requests each page through Django's test client ``--runs`` times
after a warm-up, as an inspector who is on the staff list (so the queue's conflict routing runs),
rotating over ten findings and ten open cases, and prints p50 / p95 / max wall milliseconds, the
median CPU milliseconds of this process and the page's query count.

Targets (issue 17): p95 < 50 ms at the demo's size (the default); p95 < 150 ms with 1,000,000
posts, 20,000 findings (2,000 waiting) and 2,000 cases (``--large``), on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_pages.py                       # demo size, SQLite
    .venv/bin/python benchmarks/bench_pages.py --posts 200000 --findings 10000 --cases 2000
    .venv/bin/python benchmarks/bench_pages.py --large --postgres postgres://pantau:pantau@127.0.0.1:54329/postgres

With ``--postgres`` the database ``pantau_bench_pages`` (or ``$PANTAU_BENCH_DB``) is created on that
server and dropped at the end. Wall times include waiting for a core: on a busy machine compare the
CPU column, which is this process's own time (on PostgreSQL the server's work is not in it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

BENCH_DB = os.environ.get("PANTAU_BENCH_DB", "pantau_bench_pages")
PLATFORMS = ["facebook", "instagram", "x", "tiktok", "youtube"]
CATEGORIES = ["hate_speech", "abusive", "radicalism", "hoax"]
DECIDED = {"confirmed": "confirm", "dismissed": "dismiss", "protected": "protected"}
OPEN_STATES = ["open", "guidance", "deletion_check", "summons", "examination", "decision"]
BATCH = 20_000


def _batched(model, rows) -> int:
    from pantau.monitoring.bulk import insert_rows

    done, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            done += insert_rows(model, batch)
            batch = []
    return done + insert_rows(model, batch)


def build(*, posts: int, findings: int, waiting: int, cases: int, employees: int, seed: int = 1):
    """Fill the empty database; returns the inspector user the pages are requested as."""
    from django.db import transaction

    from pantau.cases.models import (
        Case,
        CaseFinding,
        CaseStep,
        Deadline,
        Notification,
        ReviewDecision,
    )
    from pantau.monitoring.models import Complaint, Finding, Post, ScanResult
    from pantau.registry.models import Account, Employee, Unit
    from pantau.users.models import User

    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    first = now - dt.timedelta(days=730)
    span = int((now - first).total_seconds())
    with transaction.atomic():
        _batched(Unit, ({"id": i, "code": f"U{i:03d}", "name": f"Unit Kerja {i:03d}",
                         "kind": "dinas", "parent_id": None if i < 8 else 1 + i % 7}
                        for i in range(1, 61)))  # fmt: skip
        _batched(Employee, ({"id": i, "nip": f"19900101201501{i:04d}", "name": f"Pegawai Nomor {i}",
                             "position": "Staf", "grade": "III/a", "unit_id": 1 + i % 60,
                             "supervisor_id": None if i <= 60 else 1 + i % 60}
                            for i in range(1, employees + 1)))  # fmt: skip
        _batched(Account, ({"id": i, "employee_id": i, "platform": PLATFORMS[i % 5],
                            "handle": f"akun{i}", "handle_key": f"akun{i}", "state": "declared"}
                           for i in range(1, employees + 1)))  # fmt: skip
        staff = [User(username=f"inspector{i}", role="inspector", employee_id=employees - i + 1,
                      first_name=f"Peninjau {i}") for i in (1, 2)]  # fmt: skip
        User.objects.bulk_create(staff)
        inspector, other = User.objects.order_by("pk")
        flagged = set(rng.sample(range(1, posts + 1), findings))
        times = sorted(first + dt.timedelta(seconds=rng.randrange(span)) for _ in range(posts))

        def post_rows():
            for i, when in enumerate(times, start=1):
                account = rng.randrange(1, employees + 1) if rng.random() < 0.9 else None
                text = f"Kegiatan pelayanan publik hari ini, nomor {i}"
                if i in flagged:
                    mention = f" @akun{rng.randrange(1, employees + 1)}" if i % 5 == 0 else ""
                    text = f"Dasar kaum itu semua penipu, usir saja{mention} ({i})"
                yield {"id": i, "platform": PLATFORMS[(account or i) % 5], "post_id": f"p{i}",
                       "account_id": account, "handle": f"akun{account}", "created_at": when,
                       "text": text, "language": "id", "likes": rng.randrange(50),
                       "content_hash": f"{i:064x}", "scan_state": "scanned",
                       "raw": {"id": f"p{i}", "text": text}}  # fmt: skip

        _batched(Post, post_rows())
        owner = dict(Post.objects.filter(pk__in=flagged).values_list("pk", "account_id"))
        order = sorted(flagged)
        new = set(rng.sample(order, waiting))
        scans, found, decisions = [], [], []
        confirmed: dict[int, list[int]] = {}
        for fid, pid in enumerate(order, start=1):
            category = rng.choice(CATEGORIES)
            score = round(0.6 + 0.4 * rng.random(), 4)
            when = times[pid - 1] + dt.timedelta(minutes=rng.randrange(5, 600))
            status = "new" if pid in new else rng.choice(["confirmed"] * 5 + ["dismissed"] * 4
                                                         + ["protected"])  # fmt: skip
            employee = owner[pid]
            if employee is None and status == "confirmed":
                status = "dismissed"
            scans.append({"id": fid, "post_id": pid, "model_version": "pantau-id-2",
                          "scores": {category: score}, "flags": [category],
                          "result": {"scores": {category: score}, "flags": [category],
                                     "evidence": [{"category": category, "start": 17, "end": 23,
                                                   "text": "penipu", "source": "model",
                                                   "weight": 0.4}],
                                     "claims": [], "hate_speech": {"target": "group",
                                                                   "intensity": "moderate"}},
                          "scanned_at": when})  # fmt: skip
            found.append({"id": fid, "post_id": pid, "employee_id": employee, "scan_id": fid,
                          "categories": [category], "top_category": category, "score": score,
                          "priority": round(score * rng.random(), 4), "model_version": "pantau-id-2",
                          "status": status, "created_at": when, "updated_at": when})  # fmt: skip
            if status != "new":
                decisions.append({"finding_id": fid, "reviewer_id": other.pk,
                                  "outcome": DECIDED[status], "category": category,
                                  "skb_item": 2 if status == "confirmed" else None, "reason": "r",
                                  "model_version": "pantau-id-2", "text": "teks",
                                  "created_at": when})  # fmt: skip
            if status == "confirmed":
                confirmed.setdefault(employee, []).append(fid)
        _batched(ScanResult, scans)
        _batched(Finding, found)
        _batched(ReviewDecision, decisions)
        case_rows, links, steps, deadlines = [], [], [], []
        for cid, (employee, fids) in enumerate(list(confirmed.items())[:cases], start=1):
            state = rng.choice(OPEN_STATES) if cid % 4 == 0 else "closed"
            opened = now - dt.timedelta(days=rng.randrange(5, 700))
            case_rows.append({"id": cid, "employee_id": employee, "state": state,
                              "opened_by_id": other.pk, "assigned_to_id": inspector.pk,
                              "opened_at": opened,
                              "closed_at": None if state != "closed" else opened + dt.timedelta(days=20)})  # fmt: skip
            links += [{"case_id": cid, "finding_id": fid, "added_at": opened} for fid in fids]
            steps.append({"case_id": cid, "name": "opened", "from_state": "open",
                          "to_state": "open", "actor_id": other.pk, "created_at": opened})  # fmt: skip
            if state != "closed":
                steps.append({"case_id": cid, "name": "start_guidance", "from_state": "open",
                              "to_state": state, "actor_id": inspector.pk, "reason": "bimbingan",
                              "created_at": opened + dt.timedelta(days=1)})  # fmt: skip
                deadlines.append({"case_id": cid, "kind": "deletion",
                                  "due": (opened + dt.timedelta(days=7)).date(),
                                  "legal_basis": "SKB 11", "responsible_role": "employee",
                                  "created_at": opened})  # fmt: skip
        _batched(Case, case_rows)
        _batched(CaseFinding, links)
        _batched(CaseStep, steps)
        _batched(Deadline, deadlines)
        _batched(Complaint, ({"reference": f"ADU-{i:06d}", "post_url": f"https://x.com/a/status/{i}",
                              "platform": "x", "handle": f"akun{i}", "category": "hate_speech",
                              "reason": "Menghina kelompok", "reporter_name": f"Warga {i}",
                              "post_id": rng.choice(order),
                              "created_at": now - dt.timedelta(hours=i)}
                             for i in range(1, max(100, posts // 200) + 1)))  # fmt: skip
        _batched(Notification, ({"user_id": inspector.pk, "case_id": 1 + i % max(1, len(case_rows)),
                                 "kind": "case_opened", "subject": f"Kasus {i}", "body": "b",
                                 "created_at": now, "read_at": None if i % 3 else now}
                                for i in range(200)))  # fmt: skip
    return inspector


def measure(client, urls: list[str], runs: int) -> tuple[list[float], list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in urls:
        assert client.get(url).status_code == 200, url
    wall, cpu = [], []
    for i in range(runs):
        url = urls[i % len(urls)]
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        client.get(urls[0])
    return wall, cpu, len(captured)


def profile(client, url: str) -> None:
    """The queries of one request, slowest first."""
    from django.db import connection

    client.get(url)
    queries = []

    def timer(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - start) * 1000, sql))

    start = time.perf_counter()
    with connection.execute_wrapper(timer):
        client.get(url)
    total = (time.perf_counter() - start) * 1000
    print(f"{len(queries)} queries, {sum(q[0] for q in queries):.0f} ms of {total:.0f} ms")
    for ms, sql in sorted(queries, reverse=True)[:15]:
        print(f"{ms:7.1f} ms  {sql[:300]}")


def run(args, data_dir: str, database_url: str | None) -> None:
    os.environ.update(PANTAU_DATA_DIR=data_dir, PANTAU_SECRET_KEY="bench", PANTAU_ENFORCE_TOTP="0",
                      DJANGO_SETTINGS_MODULE="pantau.settings", PANTAU_ALLOWED_HOSTS="testserver")  # fmt: skip
    os.environ.pop("DATABASE_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    Path(data_dir, "static").mkdir(exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from pantau.cases.models import Case
    from pantau.monitoring.models import Finding, Post
    from pantau.users.models import User

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    if not Path(data_dir, "built").exists():
        build(posts=args.posts, findings=args.findings, waiting=args.waiting, cases=args.cases,
              employees=args.employees)  # fmt: skip
        if not database_url:
            Path(data_dir, "built").touch()
    inspector = User.objects.get(username="inspector1")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    counts = {"posts": Post.objects.count(), "findings": Finding.objects.count(),
              "waiting": Finding.objects.filter(status="new").count(),
              "cases": Case.objects.count()}  # fmt: skip
    print(f"{connection.vendor}: built {counts} in {time.perf_counter() - start:.0f} s")
    mine = inspector.employee_id  # their own record is not theirs to see
    waiting = Finding.objects.filter(status="new", employee__isnull=False).exclude(employee=mine)
    waiting = waiting.order_by("-priority")
    open_cases = Case.objects.exclude(state="closed").exclude(employee=mine).order_by("pk")
    pages = [
        ("review queue", ["/telaah/", "/telaah/?page=2", "/telaah/?category=hate_speech"]),
        ("finding page", [f"/temuan/{pk}/" for pk in waiting.values_list("pk", flat=True)[:10]]),
        ("case page", [f"/kasus/{pk}/" for pk in open_cases.values_list("pk", flat=True)[:10]]),
        ("complaint list", ["/pengaduan/", "/pengaduan/?page=2"]),
    ]
    client = Client()
    client.force_login(inspector)
    if args.profile:
        profile(client, args.profile)
        return
    print(f"{'page':<16} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'CPU p50':>8} {'queries':>8}")
    for name, urls in pages:
        wall, cpu, queries = measure(client, urls, args.runs)
        wall.sort()
        p95 = wall[min(len(wall) - 1, int(round(0.95 * len(wall))) - 1)]
        print(f"{name:<16} {statistics.median(wall):8.1f} {p95:8.1f} {wall[-1]:8.1f}"
              f" {statistics.median(cpu):8.1f} {queries:8d}")  # fmt: skip
    connection.close()


def _admin(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2_000)
    parser.add_argument("--findings", type=int, default=200)
    parser.add_argument(
        "--waiting",
        type=int,
        help="findings awaiting review (default 90 %% up to 10,000 posts, else 10 %%)",
    )
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--employees", type=int, help="default: 3,000, or 300 at the demo's size")
    parser.add_argument("--large", action="store_true",
                        help="1,000,000 posts, 20,000 findings (2,000 waiting), 2,000 cases")  # fmt: skip
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--postgres", metavar="URL",
                        help="run on PostgreSQL: a server URL whose role may create databases")  # fmt: skip
    parser.add_argument("--data-dir", type=Path,
                        help="SQLite: keep the database here and reuse it on the next run")  # fmt: skip
    parser.add_argument("--profile", metavar="URL", help="print one request's queries")
    args = parser.parse_args()
    if args.data_dir and args.postgres:
        parser.error("--data-dir keeps a SQLite database; leave it out with --postgres")
    if args.large:
        args.posts, args.findings, args.cases = 1_000_000, 20_000, 2_000
    if args.waiting is None:  # the demo's findings all await review; a city's mostly do not
        args.waiting = args.findings * 9 // 10 if args.posts <= 10_000 else args.findings // 10
    args.employees = args.employees or (300 if args.posts <= 10_000 else 3_000)
    if args.waiting > args.findings or args.findings > args.posts:
        parser.error("need waiting <= findings <= posts")
    database_url = None
    if args.postgres:
        from urllib.parse import urlsplit, urlunsplit

        with _admin(args.postgres) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {BENCH_DB}")
        database_url = urlunsplit(urlsplit(args.postgres)._replace(path="/" + BENCH_DB))
    try:
        if args.data_dir:  # SQLite only: built once, reused by the next run with the same dir
            args.data_dir.mkdir(parents=True, exist_ok=True)
            run(args, str(args.data_dir), database_url)
            return
        with tempfile.TemporaryDirectory(prefix="pantau-bench-pages-") as tmp:
            run(args, tmp, database_url)
    finally:
        if args.postgres:
            with _admin(args.postgres) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")


if __name__ == "__main__":
    main()
