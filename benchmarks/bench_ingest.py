"""Benchmark: import and scan N posts from a JSON Lines file into SQLite, end to end.

Prints posts/s for the import, for the scan and for both together, and the peak resident memory
of each `pantau` process. Target (issue 4): 1,000,000 posts at >= 5,000 posts/s end to end on a
2-core machine, peak memory under 1.5 GB. With ``--postgres URL`` the same runs on PostgreSQL.

    .venv/bin/python benchmarks/bench_ingest.py --n 1000000
    .venv/bin/python benchmarks/bench_ingest.py --n 100000 --postgres postgres://pantau:pantau@127.0.0.1:54329/postgres
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "rapat koordinasi pelayanan publik hari ini berjalan lancar terima kasih warga "
    "jalan rusak segera diperbaiki mohon perhatian dinas terkait banjir lagi di kelurahan "
    "kami semoga cepat surut selamat hari raya bagi yang merayakan"
).split()
ABUSE = ["dasar goblok", "bangsat kau", "kafir semua", "tegakkan khilafah ganti pancasila"]


def pantau(*args, env) -> tuple[float, float, str]:
    """Run a pantau command; returns (seconds, peak RSS MB of that child, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "pantau.cli", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024, out.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of posts")
    parser.add_argument("--accounts", type=int, default=400, help="registered accounts")
    parser.add_argument(
        "--sequential",
        action="store_true",
        help="import without scanning, then scan, and time each",
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="run on PostgreSQL instead: a server URL whose user may create databases "
        "(a database pantau_bench is created and dropped)",
    )
    args = parser.parse_args()
    rng = random.Random(1)
    bench_db = _create_postgres_db(args.postgres) if args.postgres else None
    try:
        run(args, rng, bench_db)
    finally:
        if bench_db:
            _drop_postgres_db(args.postgres)


BENCH_DB = "pantau_bench"


def _admin(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def _create_postgres_db(url: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    with _admin(url) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        conn.execute(f"CREATE DATABASE {BENCH_DB}")
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + BENCH_DB))


def _drop_postgres_db(url: str) -> None:
    with _admin(url) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")


def run(args, rng: random.Random, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        tmp = Path(tmp)
        env = {
            **os.environ,
            "PANTAU_DATA_DIR": str(tmp / "var"),
            "PANTAU_SECRET_KEY": "bench",
            "PANTAU_SCAN_IN_BACKGROUND": "0",
        }
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
        pantau("migrate", env=env)
        (tmp / "units.csv").write_text("kode,nama\nU1,Unit\n", encoding="utf-8")
        employees = ["nip,nama,kode_unit"]
        accounts = ["nip,platform,handle"]
        for i in range(args.accounts):
            nip = f"19900101201503{1 + i % 2}{i + 1:03d}" if i < 999 else None
            employees.append(f"{nip},Pegawai {i},U1")
            accounts.append(f"{nip},x,akun{i}")
        (tmp / "employees.csv").write_text("\n".join(employees) + "\n", encoding="utf-8")
        (tmp / "accounts.csv").write_text("\n".join(accounts) + "\n", encoding="utf-8")
        for kind in ("units", "employees", "accounts"):
            pantau("registry", "import", kind, str(tmp / f"{kind}.csv"), "--commit", env=env)
        source = tmp / "posts.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for i in range(args.n):
                text = " ".join(rng.choices(WORDS, k=rng.randint(8, 24)))
                if rng.random() < 0.02:
                    text += " " + rng.choice(ABUSE)
                out.write(
                    json.dumps(
                        {
                            "id": str(i),
                            "platform": "x",
                            "handle": f"akun{rng.randrange(args.accounts)}",
                            "text": text,
                            "created_at": "2026-11-01T08:00:00+08:00",
                            "likes": rng.randrange(50),
                        }
                    )
                    + "\n"
                )
        size_mb = source.stat().st_size / 1e6
        print(f"posts: {args.n:,} ({size_mb:.0f} MB JSON Lines)")
        if args.sequential:
            t_import, rss_import, out = pantau(
                "import", "--format", "jsonl", str(source), "--no-scan", "--json", env=env
            )
            t_scan, rss_scan, scan_out = pantau("scan", env=env)
            total = t_import + t_scan
            print(
                f"import: {t_import:.1f} s = {args.n / t_import:,.0f} posts/s, "
                f"peak RSS {rss_import:.0f} MB"
            )
            print(
                f"scan:   {t_scan:.1f} s = {args.n / t_scan:,.0f} posts/s, "
                f"peak RSS {rss_scan:.0f} MB ({scan_out.strip()})"
            )
        else:
            # The product path: `pantau import` scans in a second process while it imports.
            total, rss, out = pantau("import", "--format", "jsonl", str(source), "--json", env=env)
            print(f"import with concurrent scan: peak RSS {rss:.0f} MB (largest process)")
        summary = json.loads(out)
        print(f"imported {summary['imported']:,}; findings {summary.get('findings', '-')}")
    print(f"end to end: {total:.1f} s = {args.n / total:,.0f} posts/s")


if __name__ == "__main__":
    main()
