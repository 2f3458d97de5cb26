"""Killing an import midway and running it again: exact counts, no duplicates, nothing lost."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N = 40_000


def _env(data_dir: Path) -> dict:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        PANTAU_DATA_DIR=str(data_dir),
        PANTAU_SECRET_KEY="resume-test-secret",
        PANTAU_SCAN_IN_BACKGROUND="0",
    )
    return env


def _pantau(*args, env, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "pantau.cli", *args],
        env=env,
        text=True,
        capture_output=True,
        timeout=600,
        **kwargs,
    )


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.mark.slow
def test_a_killed_import_resumes_without_duplicates_or_loss(tmp_path):
    data_dir = tmp_path / "var"
    env = _env(data_dir)
    assert _pantau("migrate", env=env).returncode == 0
    units = tmp_path / "units.csv"
    units.write_text("kode,nama\nU1,Unit Satu\n", encoding="utf-8")
    employees = tmp_path / "employees.csv"
    employees.write_text("nip,nama,kode_unit\n199001012015031001,Andi,U1\n", encoding="utf-8")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("nip,platform,handle\n199001012015031001,x,andi_x\n", encoding="utf-8")
    for kind, path in (("units", units), ("employees", employees), ("accounts", accounts)):
        result = _pantau("registry", "import", kind, str(path), "--commit", env=env)
        assert result.returncode == 0, result.stderr + result.stdout
    source = tmp_path / "posts.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(N):
            handle = "andi_x" if i % 10 else "bukan_pegawai"
            out.write(
                json.dumps(
                    {
                        "id": f"t{i}",
                        "platform": "x",
                        "handle": handle,
                        "text": f"postingan nomor {i} tentang pelayanan publik",
                        "created_at": "2026-11-01T08:00:00+08:00",
                    }
                )
                + "\n"
            )
    db = data_dir / "pantau.sqlite3"
    args = [
        "import",
        "--format",
        "jsonl",
        str(source),
        "--no-scan",
        "--batch-size",
        "500",
        "--json",
    ]
    process = subprocess.Popen(
        [sys.executable, "-m", "pantau.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        done = _count(
            db, "SELECT COALESCE(SUM(imported + duplicates + skipped), 0) FROM monitoring_importrun"
        )
        if done >= 5_000:
            break
        assert process.poll() is None, "the import finished before it could be killed"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = _count(db, "SELECT COUNT(*) FROM monitoring_post")
    assert 0 < partial < N * 0.9, partial

    second = _pantau(*args, env=env)
    assert second.returncode == 0, second.stderr
    summary = json.loads(second.stdout)
    expected_imported = sum(1 for i in range(N) if i % 10)
    assert summary["imported"] == expected_imported
    assert summary["skipped"] == N - expected_imported
    assert summary["duplicates"] == 0 and summary["errors"] == []
    assert _count(db, "SELECT COUNT(*) FROM monitoring_post") == expected_imported
    assert _count(db, "SELECT COUNT(DISTINCT post_id) FROM monitoring_post") == expected_imported
    assert _count(db, "SELECT COUNT(*) FROM monitoring_importrun") == 1

    third = json.loads(_pantau(*args, env=env).stdout)
    assert (third["imported"], third["duplicates"]) == (0, expected_imported)
    assert _count(db, "SELECT COUNT(*) FROM monitoring_post") == expected_imported
