"""The audit attacks end to end: a real installation, a DBA's raw SQL, the `pantau` command.

Each test sets up its own data folder (and, on PostgreSQL, its own database), writes entries
through Pantau, writes a checkpoint with `pantau audit checkpoint`, tampers with the database
directly as its administrator would (triggers dropped first), and runs `pantau audit verify`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")
POSTGRES = os.environ.get("PANTAU_TEST_POSTGRES_URL", "")

WRITE_ENTRIES = """
import os, sys
os.environ['DJANGO_SETTINGS_MODULE'] = 'pantau.settings'
import django; django.setup()
from pantau.audit.services import access_record, audit_record
for i in range(int(sys.argv[1])):
    audit_record(action='test.changed', object_type='test.thing', object_id=str(i),
                 after={'value': i})
    access_record(user=None, object_type='registry.employee', object_id=str(i))
"""


class Installation:
    def __init__(self, tmp_path: Path, database_url: str = "") -> None:
        self.data_dir = tmp_path / "var"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": SRC,
            "PANTAU_DATA_DIR": str(self.data_dir),
            "PANTAU_SECRET_KEY": secrets.token_urlsafe(50),
            "PANTAU_AUDIT_KEY": secrets.token_hex(32),
            "PANTAU_AUDIT_CHECKPOINT_FILE": str(tmp_path / "checkpoints" / "audit.jsonl"),
        }
        if database_url:
            self.env["DATABASE_URL"] = database_url

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pantau.cli", *args],
            capture_output=True, text=True, timeout=300, env=self.env,
        )  # fmt: skip

    def write(self, n: int) -> None:
        result = subprocess.run(
            [sys.executable, "-c", WRITE_ENTRIES, str(n)],
            capture_output=True, text=True, timeout=300, env=self.env,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr

    def prepare(self, n: int) -> None:
        assert self.run("migrate").returncode == 0
        self.write(n)
        assert self.run("audit", "checkpoint").returncode == 0
        verify = self.run("audit", "verify")
        assert verify.returncode == 0, verify.stdout + verify.stderr


def test_sqlite_dba_deletes_the_last_50_entries_and_verify_reports_it(tmp_path):
    site = Installation(tmp_path)
    site.prepare(60)
    db = sqlite3.connect(site.data_dir / "pantau.sqlite3")
    with db:  # as the sqlite3 shell: Pantau's triggers refuse until dropped
        with pytest.raises(sqlite3.OperationalError):
            db.execute("DELETE FROM audit_auditentry WHERE seq > 10")
        for name in ("audit_auditentry_no_delete", "audit_accesslog_no_delete"):
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DELETE FROM audit_auditentry WHERE seq > 10")
        (tenth,) = db.execute("SELECT hash FROM audit_auditentry WHERE seq = 10").fetchone()
        db.execute("UPDATE audit_auditchainhead SET seq = 10, hash = ? WHERE id = 1", [tenth])
    db.close()
    result = site.run("audit", "verify")
    assert result.returncode == 1
    assert "audit log TRUNCATED" in result.stdout and "#11–#60 were deleted" in result.stdout


def test_sqlite_dba_empties_the_log_and_verify_reports_it(tmp_path):
    site = Installation(tmp_path)
    site.prepare(5)
    db = sqlite3.connect(site.data_dir / "pantau.sqlite3")
    with db:
        for table in ("audit_auditentry", "audit_accesslog", "audit_auditchainhead"):
            db.execute(f"DROP TRIGGER {table}_no_delete")
            db.execute(f"DELETE FROM {table}")
    db.close()
    result = site.run("audit", "verify")
    assert result.returncode == 1
    assert "audit log is EMPTY" in result.stdout and "access log is EMPTY" in result.stdout


@pytest.fixture
def postgres_database():
    if not POSTGRES:
        pytest.skip("PANTAU_TEST_POSTGRES_URL is not set")
    import psycopg

    name = f"pantau_audit_cli_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base = POSTGRES.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_postgresql_truncate_is_refused_then_detected(tmp_path, postgres_database):
    import psycopg

    site = Installation(tmp_path, postgres_database)
    site.prepare(12)
    with psycopg.connect(postgres_database, autocommit=True) as db:
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            db.execute("TRUNCATE audit_auditentry")
        for table in ("audit_auditentry", "audit_accesslog", "audit_auditchainhead"):
            db.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
        db.execute("TRUNCATE audit_auditentry, audit_accesslog, audit_auditchainhead")
    result = site.run("audit", "verify")
    assert result.returncode == 1
    assert "audit log is EMPTY" in result.stdout and "recorded 12 entries" in result.stdout


def test_postgresql_edit_with_recomputed_hashes_is_detected(tmp_path, postgres_database):
    import hashlib
    import json

    import psycopg

    site = Installation(tmp_path, postgres_database)
    site.prepare(8)
    with psycopg.connect(postgres_database, autocommit=True) as db:
        db.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
        rows = db.execute(
            "SELECT seq, created_at, actor_id, actor_repr, action, object_type, object_id, "
            "object_repr, before, after, reason, ip_address, user_agent FROM audit_auditentry "
            "WHERE seq >= 3 ORDER BY seq"
        ).fetchall()
        (prev,) = db.execute("SELECT hash FROM audit_auditentry WHERE seq = 2").fetchone()
        for seq, created, actor_id, *rest in rows:
            fields = dict(zip(["actor_repr", "action", "object_type", "object_id",
                               "object_repr", "before", "after", "reason", "ip_address",
                               "user_agent"], rest, strict=True))  # fmt: skip
            fields["actor_id"] = actor_id
            if seq == 3:
                fields["after"] = {"value": 999}
            payload = {"seq": seq, "created_at": created.isoformat(timespec="microseconds"),
                       "prev_hash": prev, **fields}  # fmt: skip
            blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            new = hashlib.sha256(blob.encode()).hexdigest()
            db.execute(
                "UPDATE audit_auditentry SET after = %s, prev_hash = %s, hash = %s WHERE seq = %s",
                [json.dumps(fields["after"]), prev, new, seq],
            )
            prev = new
        db.execute("UPDATE audit_auditchainhead SET hash = %s WHERE id = 1", [prev])
    result = site.run("audit", "verify")
    assert result.returncode == 1
    assert "audit chain BROKEN at entry #3" in result.stdout and "HMAC" in result.stdout


LEGACY = """
import datetime as dt, json, os
os.environ['DJANGO_SETTINGS_MODULE'] = 'pantau.settings'
import django; django.setup()
from django.core.management import call_command
from django.db import connection
from pantau.audit.chain import GENESIS_HASH, link_hash

call_command('migrate', verbosity=0)
call_command('migrate', 'audit', '0003', verbosity=0)  # the audit app as it was before keys
prev = GENESIS_HASH
with connection.cursor() as c:
    for seq in (1, 2, 3):
        when = dt.datetime(2026, 1, seq, tzinfo=dt.UTC)
        fields = {'actor_id': None, 'actor_repr': 'system', 'action': 'old.change',
                  'object_type': 'test.thing', 'object_id': str(seq), 'object_repr': 'lama',
                  'before': None, 'after': {'v': seq}, 'reason': '', 'ip_address': None,
                  'user_agent': ''}
        new = link_hash(seq=seq, created_at=when, prev_hash=prev, fields=fields, key=None)
        c.execute("INSERT INTO audit_auditentry (seq, created_at, actor_id, actor_repr, action, "
                  "object_type, object_id, object_repr, before, after, reason, ip_address, "
                  "user_agent, prev_hash, hash) VALUES (%s, %s, NULL, 'system', 'old.change', "
                  "'test.thing', %s, 'lama', NULL, %s, '', NULL, '', %s, %s)",
                  [seq, when.isoformat(), str(seq), json.dumps({'v': seq}), prev, new])
        prev = new
    c.execute("INSERT INTO audit_auditchainhead (id, seq, hash) VALUES (1, 3, %s)", [prev])
    for day in (1, 2):
        c.execute("INSERT INTO audit_accesslog (created_at, user_id, user_repr, action, "
                  "object_type, object_id, object_repr, detail, ip_address) VALUES "
                  "(%s, NULL, 'system', 'view', 'registry.employee', '7', 'x', '', NULL)",
                  [dt.datetime(2026, 2, day, tzinfo=dt.UTC).isoformat()])
"""


def test_entries_from_before_the_key_survive_the_upgrade_and_stay_protected(tmp_path):
    from pantau.audit.chain import link_hash

    site = Installation(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", LEGACY], capture_output=True, text=True, timeout=300, env=site.env
    )
    assert result.returncode == 0, result.stderr
    assert site.run("migrate").returncode == 0  # audit.0004: switch-over, access log linked
    verify = site.run("audit", "verify")
    assert verify.returncode == 0, verify.stdout
    assert "audit chain intact: 3 entries" in verify.stdout
    assert "access-log chain intact: 2 entries" in verify.stdout
    site.write(2)  # keyed entries #4 and #5 follow the plain ones
    assert site.run("audit", "verify").returncode == 0
    db = sqlite3.connect(site.data_dir / "pantau.sqlite3")
    with db:  # rewrite plain entry #2, recompute the plain hashes, relink keyed entry #4
        db.execute("DROP TRIGGER audit_auditentry_no_update")
        prev = db.execute("SELECT hash FROM audit_auditentry WHERE seq = 1").fetchone()[0]
        for seq in (2, 3):
            fields = {"actor_id": None, "actor_repr": "system", "action": "old.change",
                      "object_type": "test.thing", "object_id": str(seq), "object_repr": "lama",
                      "before": None, "after": {"v": 99 if seq == 2 else seq}, "reason": "",
                      "ip_address": None, "user_agent": ""}  # fmt: skip
            when = dt.datetime(2026, 1, seq, tzinfo=dt.UTC)
            new = link_hash(seq=seq, created_at=when, prev_hash=prev, fields=fields, key=None)
            db.execute(
                "UPDATE audit_auditentry SET after = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                [json.dumps(fields["after"]), prev, new, seq],
            )
            prev = new
        db.execute("UPDATE audit_auditentry SET prev_hash = ? WHERE seq = 4", [prev])
    db.close()
    verify = site.run("audit", "verify")
    assert verify.returncode == 1
    assert "BROKEN at entry #4" in verify.stdout and "HMAC" in verify.stdout
