"""A real `pantau import` process killed midway: its scanner process goes with it, the run is left
resumable, and the rerun finishes with the poison lines reported once each.
"""

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

N = 30_000
POISON = {  # line number → the bad line
    3: b"[" * 100_000 + b"]" * 100_000,
    10: b'{"id": "bad1", "platform": "x", "handle": "andi_x", "text": "a \\ud800 b"}',
    20: b'{"id": "bad2", "platform": "x", "handle": "andi_x", "text": "a \xff\xfe b"}',
    25: b'{"id": "bad3", "platform": "x", "handle": "andi_x", "text": "a \\u0000 b"}',
}


def _env(data_dir: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PANTAU_BROKER_URL"}
    }
    env.update(
        PANTAU_DATA_DIR=str(data_dir),
        PANTAU_SECRET_KEY="import-process-test-secret",
        PANTAU_SCAN_IN_BACKGROUND="0",
        PANTAU_IMPORT_SCAN_PROCESS="1",
    )
    return env


def _pantau(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "pantau.cli", *args],
        env=env,
        text=True,
        capture_output=True,
        timeout=600,
    )


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute(sql).fetchone()[0]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper has exited, so it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def prepared(tmp_path):
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to find the scanner process")
    data_dir = tmp_path / "var"
    env = _env(data_dir)
    assert _pantau("migrate", env=env).returncode == 0
    tables = {
        "units": "kode,nama\nU1,Unit Satu\n",
        "employees": "nip,nama,kode_unit\n199001012015031001,Andi,U1\n",
        "accounts": "nip,platform,handle\n199001012015031001,x,andi_x\n",
    }
    for kind, text in tables.items():
        path = tmp_path / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        result = _pantau("registry", "import", kind, str(path), "--commit", env=env)
        assert result.returncode == 0, result.stderr + result.stdout
    source = tmp_path / "posts.jsonl"
    with source.open("wb") as out:
        for line in range(1, N + 1):
            if line in POISON:
                out.write(POISON[line] + b"\n")
                continue
            record = {"id": f"t{line}", "platform": "x", "handle": "andi_x"}
            record["text"] = f"postingan nomor {line} tentang pelayanan publik"
            out.write(json.dumps(record).encode() + b"\n")
    return env, data_dir / "pantau.sqlite3", source


def _start_and_wait(env, db: Path, source: Path):
    args = ["import", "--format", "jsonl", str(source), "--batch-size", "200", "--json"]
    process = subprocess.Popen(
        [sys.executable, "-m", "pantau.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    scanner = None
    while time.monotonic() < deadline:
        assert process.poll() is None, "the import finished before it could be killed"
        scanner = scanner or next(iter(_children(process.pid)), None)
        done = _count(
            db, "SELECT COALESCE(SUM(imported + duplicates + skipped), 0) FROM monitoring_importrun"
        )
        if scanner and done >= 2_000:
            return process, scanner, args
        time.sleep(0.05)
    raise AssertionError("the import made no progress")


def _assert_gone_soon(pid: int) -> None:
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), "the scanner outlived the import"


def _finish_and_check(env, db: Path, args) -> None:
    rerun = _pantau(*args, env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert "Traceback" not in rerun.stderr
    summary = json.loads(rerun.stdout)
    errors = {e["line"]: e for e in summary["errors"]}
    assert sorted(errors) == sorted(POISON)  # each reported once, at its line
    assert errors[10]["field"] == "text" and "surrogate" in errors[10]["reason"]
    assert errors[25]["field"] == "text" and "NUL" in errors[25]["reason"]
    expected = N - len(POISON)
    assert summary["imported"] == expected and summary["duplicates"] == 0
    assert _count(db, "SELECT COUNT(*) FROM monitoring_post") == expected
    assert _count(db, "SELECT status FROM monitoring_importrun") == "done"
    assert _count(db, "SELECT COUNT(*) FROM monitoring_importrun") == 1


@pytest.mark.slow
def test_sigkill_of_the_import_takes_its_scanner_with_it_and_a_rerun_finishes(prepared):
    env, db, source = prepared
    process, scanner, args = _start_and_wait(env, db, source)
    process.send_signal(signal.SIGKILL)
    process.wait()
    _assert_gone_soon(scanner)
    assert _count(db, "SELECT COUNT(*) FROM monitoring_post") < N - len(POISON)
    _finish_and_check(env, db, args)


@pytest.mark.slow
def test_sigterm_ends_the_run_failed_stops_the_scanner_and_a_rerun_finishes(prepared):
    env, db, source = prepared
    process, scanner, args = _start_and_wait(env, db, source)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130 and b"interrupted" in err and b"Traceback" not in err
    _assert_gone_soon(scanner)
    with sqlite3.connect(db) as conn:
        status, message = conn.execute(
            "SELECT status, message FROM monitoring_importrun"
        ).fetchone()
    assert status == "failed" and message.startswith("interrupted")
    _finish_and_check(env, db, args)


def test_the_migrate_hint_is_given_only_when_a_table_is_missing(tmp_path):
    from pantau.cli import _missing_table

    result = _pantau("scan", env=_env(tmp_path / "kosong"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no such table" in result.stderr and "has `pantau migrate` been run?" in result.stderr
    assert _missing_table('relation "monitoring_post" does not exist')
    assert not _missing_table("A string literal cannot contain NUL (0x00) characters.")
    assert not _missing_table("value too long for type character varying(100)")
