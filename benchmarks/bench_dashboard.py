"""Benchmark: dashboard server time with 1,000,000 posts and 20,000 findings in SQLite.

Builds a fresh database in a temporary directory (Django migrations for the schema and its
indexes, then bulk inserts with ``executemany`` on the raw SQLite connection: units, employees,
accounts, posts over two years, findings, review decisions, cases with their closing steps,
sanctions and deadlines), then renders the dashboard through Django's test client ``--runs``
times per scenario after a warm-up, and prints p50 / p95 / max milliseconds.

Target (issue 7): p95 < 300 ms for the dashboard.

    .venv/bin/python benchmarks/bench_dashboard.py [--posts 1000000] [--findings 20000] [--runs 40]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PLATFORMS = ["facebook", "instagram", "x", "tiktok", "youtube"]
CATEGORIES = ["hate_speech", "abusive", "radicalism", "hoax"]
STATUSES = (["new"] * 10 + ["confirmed"] * 45 + ["dismissed"] * 30 + ["protected"] * 10
            + ["not_attributable"] * 5)  # fmt: skip
OUTCOME = {"confirmed": "confirm", "dismissed": "dismiss", "protected": "protected",
           "not_attributable": "not_attributable"}  # fmt: skip
SANCTIONS = ["written_reprimand", "oral_reprimand", "promotion_delay_1y", "position_demotion_12m"]
OPEN_STATES = ["open", "guidance", "deletion_check", "summons", "examination", "decision"]


def ts(value: dt.datetime) -> str:
    """A datetime as Django stores it in SQLite: UTC, no offset."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def build(conn, *, posts: int, findings: int, employees: int, rng: random.Random) -> dict:
    now = dt.datetime.now(dt.UTC)
    first = now - dt.timedelta(days=730)
    span = int((now - first).total_seconds())
    cur = conn.cursor()
    units = [(i, f"U{i:03d}", f"Unit Kerja {i:03d}", "dinas", None if i < 8 else 1 + i % 7,
              1, ts(now), ts(now)) for i in range(1, 61)]  # fmt: skip
    cur.executemany(
        "INSERT INTO registry_unit (id, code, name, kind, parent_id, active, created_at,"
        " updated_at) VALUES (?,?,?,?,?,?,?,?)",
        units,
    )
    cur.executemany(
        "INSERT INTO registry_employee (id, nip, name, front_title, back_title, position, grade,"
        " unit_id, supervisor_id, email, active, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(i, f"19900101201501{i:04d}", f"Pegawai {i}", "", "", "Staf", "III/a", 1 + i % 60,
          None if i <= 60 else 1 + i % 60, "", 1, ts(now), ts(now))
         for i in range(1, employees + 1)],
    )  # fmt: skip
    cur.executemany(
        "INSERT INTO registry_account (id, employee_id, platform, handle, handle_key, url, state,"
        " verified_by_id, verified_at, note, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(i, i, PLATFORMS[i % 5], f"akun{i}", f"akun{i}", "", "declared", None, None, "",
          ts(now), ts(now)) for i in range(1, employees + 1)],
    )  # fmt: skip
    times = sorted(first + dt.timedelta(seconds=rng.randrange(span)) for _ in range(posts))
    batch = []
    for i, when in enumerate(times, start=1):
        account = rng.randrange(1, employees + 1) if rng.random() < 0.9 else None
        batch.append((i, PLATFORMS[(account or i) % 5], f"p{i}", account, f"h{account}", "",
                      ts(when), "post", "teks", "id", 0, 0, 0, 0, f"{i:064x}", None, "import",
                      None, "scanned", None, ts(when)))  # fmt: skip
        if len(batch) == 50_000:
            _posts(cur, batch)
            batch = []
    _posts(cur, batch)
    flagged = rng.sample(range(1, posts + 1), findings)
    finding_rows, decision_rows, confirmed = [], [], []
    for fid, pid in enumerate(flagged, start=1):
        when = times[pid - 1] + dt.timedelta(minutes=rng.randrange(5, 600))
        status = rng.choice(STATUSES)
        employee = rng.randrange(1, employees + 1) if rng.random() < 0.9 else None
        category = rng.choice(CATEGORIES)
        version = "pantau-id-1" if when < now - dt.timedelta(days=200) else "pantau-id-2"
        finding_rows.append((fid, pid, employee, "scan", None, json.dumps([category]), category,
                             0.9, rng.random(), version, status, 1, ts(when), ts(when)))  # fmt: skip
        if status != "new":
            decided = when + dt.timedelta(hours=rng.choice([1, 5, 30, 80, 200, 600]))
            decision_rows.append((fid, fid, 1 + fid % 3, OUTCOME[status], category, None, "r",
                                  version, "teks", ts(min(decided, now))))  # fmt: skip
            if status == "confirmed" and employee:
                confirmed.append((fid, employee, decided))
    cur.executemany(
        "INSERT INTO monitoring_finding (id, post_id, employee_id, source, scan_id, categories,"
        " top_category, score, priority, model_version, status, version, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        finding_rows,
    )
    cur.executemany(
        "INSERT INTO cases_reviewdecision (id, finding_id, reviewer_id, outcome, category,"
        " skb_item, reason, model_version, text, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        decision_rows,
    )
    _cases(cur, confirmed, now, rng)
    conn.commit()
    return {"posts": posts, "findings": findings, "decisions": len(decision_rows),
            "cases": len(confirmed)}  # fmt: skip


def _posts(cur, batch) -> None:
    cur.executemany(
        "INSERT INTO monitoring_post (id, platform, post_id, account_id, handle, url, created_at,"
        " kind, text, language, likes, shares, comments, views, content_hash, raw, source,"
        " import_run_id, scan_state, keep_until, collected_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        batch,
    )


def _cases(cur, confirmed, now, rng) -> None:
    cases, links, steps, deadlines = [], [], [], []
    has_open: set[int] = set()
    for cid, (fid, employee, decided) in enumerate(confirmed, start=1):
        state = "closed"
        if employee not in has_open and rng.random() < 0.25:
            state = rng.choice(OPEN_STATES)
            has_open.add(employee)
        code = rng.choice(SANCTIONS) if rng.random() < 0.35 else ""
        closed = decided + dt.timedelta(days=rng.randrange(3, 60))
        closed = min(closed, now)
        decision_date = (decided + dt.timedelta(days=10)).date() if code else None
        cases.append((cid, employee, state, 1 + cid % 3, ts(decided),
                      ts(closed) if state == "closed" else None, code, decision_date))  # fmt: skip
        links.append((cid, cid, fid, ts(decided)))
        if state == "closed":
            name = "close_without_appeal" if code else rng.choice(
                ["close_after_guidance", "close_after_guidance", "decide_no_sanction", "dismiss_case"]
            )  # fmt: skip
            steps.append((cid, name, "x", "closed", ts(closed)))
        else:
            due = (now - dt.timedelta(days=rng.randrange(-10, 30))).date()
            deadlines.append((cid, rng.choice(["deletion", "exam", "supervisor_ack"]), due, "",
                              rng.choice(["employee", "supervisor", "inspector"]), ts(decided)))  # fmt: skip
    cur.executemany(
        "INSERT INTO cases_case (id, employee_id, state, assigned_to_id, opened_at, closed_at,"
        " sanction_code, decision_date, close_reason, guidance_note, summons_count, absences,"
        " present_at_exam, team_formed, team_members, bap_text, bap_refused_to_sign,"
        " recommended_level, decision_number, decision_reason, receipt_by_post, version)"
        " VALUES (?,?,?,?,?,?,?,?,'','',0,0,0,0,'','',0,'','','',0,1)",
        cases,
    )
    cur.executemany(
        "INSERT INTO cases_casefinding (id, case_id, finding_id, added_at) VALUES (?,?,?,?)", links
    )
    cur.executemany(
        "INSERT INTO cases_casestep (case_id, name, from_state, to_state, reason, data,"
        " created_at) VALUES (?,?,?,?,'','{}',?)",
        steps,
    )
    cur.executemany(
        "INSERT INTO cases_deadline (case_id, kind, due, legal_basis, responsible_role,"
        " created_at) VALUES (?,?,?,?,?,?)",
        deadlines,
    )


def timed(client, url: str, runs: int) -> list[float]:
    for _ in range(3):
        assert client.get(url).status_code == 200, url
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        out.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return out


def profile(client, user, url: str) -> None:
    """The queries of one dashboard request, slowest first."""
    from django.db import connection

    client.force_login(user)
    client.get(url)
    queries = []

    def wrapper(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - start) * 1000, sql))

    start = time.perf_counter()
    with connection.execute_wrapper(wrapper):
        client.get(url)
    total = (time.perf_counter() - start) * 1000
    print(f"{len(queries)} queries, {sum(q[0] for q in queries):.0f} ms of {total:.0f} ms")
    for ms, sql in sorted(queries, reverse=True)[:12]:
        print(f"{ms:7.1f} ms  {sql[:400]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--findings", type=int, default=20_000)
    parser.add_argument("--employees", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--data-dir", type=Path, help="keep the database here and reuse it")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="/laporan/",
        metavar="URL",
        help="print the slowest queries of one request (default /laporan/)",
    )
    parser.add_argument("--as", dest="as_user", default="inspector1", help="user for --profile")
    args = parser.parse_args()
    if args.data_dir:
        args.data_dir.mkdir(parents=True, exist_ok=True)
        run(args, str(args.data_dir))
        return
    with tempfile.TemporaryDirectory(prefix="pantau-bench-dash-") as tmp:
        run(args, tmp)


def run(args, tmp: str) -> None:
    if True:
        os.environ.update(PANTAU_DATA_DIR=tmp, PANTAU_SECRET_KEY="bench", PANTAU_ENFORCE_TOTP="0",
                          DJANGO_SETTINGS_MODULE="pantau.settings", PANTAU_ALLOWED_HOSTS="testserver")  # fmt: skip
        os.environ.pop("DATABASE_URL", None)
        Path(tmp, "static").mkdir(exist_ok=True)
        reuse = Path(tmp, "built").exists()
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from pantau.users.models import User

        call_command("migrate", verbosity=0)
        if not reuse:
            for i, role in enumerate(["inspector", "head", "inspector"], start=1):
                User.objects.create(
                    id=i, username=f"{role}{i}", role=role, first_name=f"Peninjau {i}"
                )
            start = time.perf_counter()
            connection.ensure_connection()
            sizes = build(connection.connection, posts=args.posts, findings=args.findings,
                          employees=args.employees, rng=random.Random(1))  # fmt: skip
            print(f"built {sizes} in {time.perf_counter() - start:.0f} s")
            User.objects.create(username="atasan", role="supervisor", employee_id=3)
            Path(tmp, "built").touch()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        supervisor = User.objects.get(username="atasan")
        if args.profile:
            profile(Client(), User.objects.get(username=args.as_user), args.profile)
            return
        scenarios = [
            ("inspector, last 12 months (default)", User.objects.get(pk=1), "/laporan/"),
            ("inspector, this year", User.objects.get(pk=1), "/laporan/?period=this-year"),
            ("inspector, one unit and its sub-units", User.objects.get(pk=1), "/laporan/?unit=U003"),
            ("inspector, last 30 days", User.objects.get(pk=1), "/laporan/?period=30d"),
            ("supervisor (unit head), last 12 months", supervisor, "/laporan/"),
            ("public transparency page (cached)", None, "/laporan/transparansi/"),
        ]  # fmt: skip
        from pantau.registry.models import Unit

        Unit.objects.filter(pk=3).update(head_id=3)
        print(f"{'scenario':<42} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, user, url in scenarios:
            client = Client()
            if user is not None:
                client.force_login(user)
            ms = sorted(timed(client, url, args.runs))
            p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
            print(f"{name:<42} {statistics.median(ms):8.1f} {p95:8.1f} {ms[-1]:8.1f}")


if __name__ == "__main__":
    main()
