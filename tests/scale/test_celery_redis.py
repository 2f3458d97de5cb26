"""Scale-out: a real Celery worker on a real Redis scans what an import brought in."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest


@pytest.fixture
def redis_url():
    url = os.environ.get("PANTAU_TEST_REDIS_URL")
    if not url:
        pytest.skip("no Redis (scripts/services.sh starts one and sets PANTAU_TEST_REDIS_URL)")
    import redis

    client = redis.Redis.from_url(url)
    client.ping()
    client.flushdb()
    return url


@pytest.mark.slow
def test_a_celery_worker_on_redis_scans_the_imported_posts(tmp_path, redis_url):
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        PANTAU_DATA_DIR=str(tmp_path / "var"),
        PANTAU_SECRET_KEY="celery-test",
        PANTAU_BROKER_URL=redis_url,
    )

    def pantau(*args):
        result = subprocess.run(
            [sys.executable, "-m", "pantau.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr + result.stdout
        return result.stdout

    pantau("migrate")
    (tmp_path / "u.csv").write_text("kode,nama\nU1,Unit\n", encoding="utf-8")
    (tmp_path / "e.csv").write_text(
        "nip,nama,kode_unit\n199001012015031001,Andi,U1\n", encoding="utf-8"
    )
    (tmp_path / "a.csv").write_text(
        "nip,platform,handle\n199001012015031001,x,andi\n", encoding="utf-8"
    )
    for kind, name in (("units", "u"), ("employees", "e"), ("accounts", "a")):
        pantau("registry", "import", kind, str(tmp_path / f"{name}.csv"), "--commit")
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": str(i),
                    "platform": "x",
                    "handle": "andi",
                    "text": f"rapat koordinasi ke-{i} berjalan lancar",
                }
            )
            for i in range(50)
        )
        + "\n",
        encoding="utf-8",
    )
    pantau("import", "--format", "jsonl", str(posts), "--no-scan")
    db = tmp_path / "var" / "pantau.sqlite3"

    def pending() -> int:
        with sqlite3.connect(db) as conn:
            return conn.execute(
                "SELECT COUNT(*) FROM monitoring_post WHERE scan_state='pending'"
            ).fetchone()[0]

    assert pending() == 50
    worker = subprocess.Popen(
        [sys.executable, "-m", "pantau.cli", "worker", "--celery", "--concurrency", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        code = (
            "from pantau.monitoring.tasks import scan_pending_task; "
            "print(scan_pending_task.delay().get(timeout=120))"
        )
        out = pantau("shell", "-c", code)
        assert "'scanned': 50" in out, out
        assert pending() == 0
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
