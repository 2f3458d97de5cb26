"""Attacks by someone who can write the database but holds neither the audit key nor the files.

Each attack is carried out as a database administrator would (dropping the triggers first) and
must be reported by `pantau audit verify`: a rewritten chain (the HMAC names the first bad entry),
deleted tail entries, an emptied log and, on PostgreSQL, TRUNCATE, against the last checkpoint.
"""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import DatabaseError, connection, transaction

from pantau.audit import protection
from pantau.audit.chain import access_fields, audit_fields, link_hash
from pantau.audit.checkpoints import checkpoint_file, checkpoint_write, checkpoints_read
from pantau.audit.keys import key_file
from pantau.audit.models import AccessLog, AuditChainHead, AuditEntry
from pantau.audit.services import GENESIS_HASH, access_record, audit_record, audit_verify
from pantau.cli import main

pytestmark = pytest.mark.django_db

ENTRY_TABLES = ["audit_auditentry", "audit_accesslog", "audit_auditchainhead"]


def make_entries(n: int) -> None:
    for i in range(1, n + 1):
        audit_record(action="test.changed", object_type="test.thing", object_id=str(i),
                     object_repr=f"Benda {i}", after={"value": i})  # fmt: skip


def make_views(n: int) -> None:
    for i in range(1, n + 1):
        access_record(user=None, object_type="registry.employee", object_id=str(i),
                      object_repr=f"Pegawai {i}", detail="viewed the record")  # fmt: skip


def sql(statement: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params or None)


def drop_triggers() -> None:
    """What a database administrator does first: remove every protecting trigger."""
    for statement in protection.drop_statements(connection.vendor):
        sql(statement)


def verify_cli(capsys) -> tuple[int, str]:
    status = main(["audit", "verify"])
    return status, capsys.readouterr().out


def recompute_plain(table: str, fields, model, start: int) -> None:
    """Recompute every hash from ``start`` on with plain SHA-256 (the attacker has no key)."""
    prev = model.objects.get(seq=start - 1).hash if start > 1 else GENESIS_HASH
    for row in model.objects.filter(seq__gte=start).order_by("seq"):
        new = link_hash(seq=row.seq, created_at=row.created_at, prev_hash=prev,
                        fields=fields(row), key=None)  # fmt: skip
        sql(f"UPDATE {table} SET prev_hash = %s, hash = %s WHERE seq = %s", [prev, new, row.seq])
        prev = new
    head_pk = 1 if model is AuditEntry else 2
    last = model.objects.order_by("-seq").first()
    sql("UPDATE audit_auditchainhead SET seq = %s, hash = %s WHERE id = %s",
        [last.seq, prev, head_pk])  # fmt: skip


# --- the key ----------------------------------------------------------------------------------


def test_the_generated_key_lives_in_the_data_folder_with_mode_0600(db):
    audit_record(action="test.first")
    path = key_file()
    assert path.parent == Path(settings.DATA_DIR)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(path.read_text().strip()) == 64
    assert not AuditEntry.objects.filter(hash__contains=path.read_text().strip()).exists()


def test_entries_are_keyed_so_a_plain_hash_does_not_match(db):
    make_entries(2)
    entry = AuditEntry.objects.get(seq=2)
    plain = link_hash(seq=2, created_at=entry.created_at, prev_hash=entry.prev_hash,
                      fields=audit_fields(entry), key=None)  # fmt: skip
    assert entry.hash != plain


def test_a_different_key_fails_verification(db, settings):
    make_entries(3)
    settings.PANTAU_AUDIT_KEY = "another-key-" + "x" * 40
    result = audit_verify()
    assert not result.ok and result.broken_seq == 1 and "HMAC" in result.problem


# --- attack 1: an edit with every later hash recomputed --------------------------------------


def test_an_edit_with_every_later_hash_recomputed_is_detected(db, capsys):
    make_entries(10)
    drop_triggers()
    sql("UPDATE audit_auditentry SET after = %s WHERE seq = 4", [json.dumps({"value": 999})])
    recompute_plain("audit_auditentry", audit_fields, AuditEntry, 4)
    result = audit_verify()
    assert (result.ok, result.broken_seq, result.checked) == (False, 4, 3)
    assert "HMAC" in result.problem
    status, out = verify_cli(capsys)
    assert status == 1
    assert "audit chain BROKEN at entry #4" in out and "keyed hash (HMAC)" in out


def test_an_access_log_edit_with_recompute_is_detected(db, capsys):
    make_views(6)
    drop_triggers()
    sql("UPDATE audit_accesslog SET user_repr = %s WHERE seq = 2", ["orang-lain"])
    recompute_plain("audit_accesslog", access_fields, AccessLog, 2)
    result = audit_verify()
    assert not result.ok and result.access.broken_seq == 2 and result.audit.ok
    status, out = verify_cli(capsys)
    assert status == 1 and "access-log chain BROKEN at entry #2" in out


# --- attack 2: the last 50 entries deleted ---------------------------------------------------


def test_deleting_the_last_50_entries_is_detected_against_the_checkpoint(db, capsys):
    make_entries(60)
    checkpoint_write()
    assert verify_cli(capsys)[0] == 0
    drop_triggers()
    sql("DELETE FROM audit_auditentry WHERE seq > 10")
    tenth = AuditEntry.objects.get(seq=10)
    sql("UPDATE audit_auditchainhead SET seq = 10, hash = %s WHERE id = 1", [tenth.hash])
    result = audit_verify()
    assert result.audit.ok  # the remaining chain is consistent in itself
    assert not result.ok
    status, out = verify_cli(capsys)
    assert status == 1
    assert "audit log TRUNCATED" in out and "recorded 60 entries" in out
    assert "#11–#60 were deleted" in out


def test_deleted_access_log_tail_is_detected(db, capsys):
    make_views(8)
    checkpoint_write()
    drop_triggers()
    sql("DELETE FROM audit_accesslog WHERE seq > 5")
    fifth = AccessLog.objects.get(seq=5)
    sql("UPDATE audit_auditchainhead SET seq = 5, hash = %s WHERE id = 2", [fifth.hash])
    status, out = verify_cli(capsys)
    assert status == 1 and "access log TRUNCATED" in out


# --- attack 3: an emptied log ----------------------------------------------------------------


def test_an_emptied_log_is_detected(db, capsys):
    make_entries(5)
    make_views(3)
    checkpoint_write()
    drop_triggers()
    sql("DELETE FROM audit_auditentry")
    sql("DELETE FROM audit_accesslog")
    sql("DELETE FROM audit_auditchainhead")
    status, out = verify_cli(capsys)
    assert status == 1
    assert "audit log is EMPTY, but the checkpoint" in out and "recorded 5 entries" in out
    assert "access log is EMPTY" in out


def test_a_truncation_is_found_even_after_a_later_checkpoint(db, capsys):
    make_entries(20)
    checkpoint_write()
    drop_triggers()
    sql("DELETE FROM audit_auditentry WHERE seq > 5")
    fifth = AuditEntry.objects.get(seq=5)
    sql("UPDATE audit_auditchainhead SET seq = 5, hash = %s WHERE id = 1", [fifth.hash])
    checkpoint_write()  # the worker writes the shrunken head later; the older line still counts
    status, out = verify_cli(capsys)
    assert status == 1 and "TRUNCATED" in out


# --- attack 4: TRUNCATE on PostgreSQL --------------------------------------------------------


@pytest.mark.postgres  # deselected on SQLite (tests/conftest.py), run in the PostgreSQL pass
def test_truncate_on_postgresql_is_refused_and_detected_once_the_trigger_is_dropped(db, capsys):
    make_entries(12)
    make_views(4)
    checkpoint_write()
    protection.set_purge_allowed(False)
    try:
        for table in ENTRY_TABLES:
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                sql(f"TRUNCATE {table}")
        assert AuditEntry.objects.count() == 12
        drop_triggers()
        sql("TRUNCATE audit_auditentry, audit_accesslog, audit_auditchainhead")
    finally:
        protection.set_purge_allowed(True)
    status, out = verify_cli(capsys)
    assert status == 1
    assert "audit log is EMPTY" in out and "access log is EMPTY" in out


# --- the triggers -----------------------------------------------------------------------------


def test_the_database_refuses_delete_and_update_of_audit_rows(db):
    make_entries(3)
    make_views(2)
    protection.set_purge_allowed(False)
    try:
        for table in ["audit_auditentry", "audit_accesslog"]:
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                sql(f"DELETE FROM {table} WHERE seq = 1")
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                sql(f"UPDATE {table} SET object_repr = 'x' WHERE seq = 1")
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            sql("DELETE FROM audit_auditchainhead")
    finally:
        protection.set_purge_allowed(True)
    assert AuditEntry.objects.count() == 3 and AccessLog.objects.count() == 2
    assert audit_verify().ok


# --- the switch-over from unkeyed entries -----------------------------------------------------


def legacy_chain(n_plain: int, n_keyed: int) -> None:
    """Entries written before the key existed: the head says keyed hashes start later."""
    AuditChainHead.objects.create(pk=1, seq=0, hash=GENESIS_HASH, keyed_from_seq=n_plain + 1)
    make_entries(n_plain + n_keyed)


def test_entries_from_before_the_key_verify_with_the_plain_hash(db):
    legacy_chain(3, 2)
    first = AuditEntry.objects.get(seq=1)
    assert first.hash == link_hash(seq=1, created_at=first.created_at, prev_hash=GENESIS_HASH,
                                   fields=audit_fields(first), key=None)  # fmt: skip
    assert audit_verify().ok


def test_rewriting_unkeyed_entries_breaks_the_first_keyed_one(db):
    legacy_chain(3, 2)
    drop_triggers()
    sql("UPDATE audit_auditentry SET reason = 'disembunyikan' WHERE seq = 2")
    recompute_plain("audit_auditentry", audit_fields, AuditEntry, 2)
    result = audit_verify()
    assert result.broken_seq == 4 and "HMAC" in result.problem


def test_moving_the_switch_over_point_is_detected_against_a_checkpoint(db, capsys):
    legacy_chain(3, 4)
    checkpoint_write()
    drop_triggers()
    sql("UPDATE audit_auditchainhead SET keyed_from_seq = 8 WHERE id = 1")
    recompute_plain("audit_auditentry", audit_fields, AuditEntry, 1)
    status, out = verify_cli(capsys)
    assert status == 1
    assert "switch-over to keyed hashes was moved from #4" in out


# --- checkpoints ------------------------------------------------------------------------------


def test_pantau_audit_checkpoint_appends_a_line_with_mode_0600(db, capsys):
    make_entries(3)
    make_views(2)
    assert main(["audit", "checkpoint"]) == 0
    out = capsys.readouterr().out
    assert "checkpoint written" in out and "audit #3" in out and "access #2" in out
    make_entries(1)
    main(["audit", "checkpoint"])
    path = checkpoint_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    found = checkpoints_read()
    assert [c.heads["audit"]["seq"] for c in found] == [3, 4]
    assert found[-1].heads["audit"]["hash"] == AuditEntry.objects.get(seq=4).hash
    status, out = verify_cli(capsys)
    assert status == 0 and "consistent with 2 checkpoint(s)" in out


def test_a_changed_checkpoint_line_is_reported_with_its_line_number(db, capsys):
    make_entries(3)
    checkpoint_write()
    checkpoint_write()
    path = checkpoint_file()
    lines = path.read_text().splitlines()
    data = json.loads(lines[1])
    data["heads"]["audit"]["seq"] = 1
    lines[1] = json.dumps(data)
    path.write_text("\n".join(lines) + "\n")
    status, out = verify_cli(capsys)
    assert status == 1 and f"{path}:2" in out and "MAC does not match" in out


def test_verify_without_a_checkpoint_warns(db, capsys):
    make_entries(1)
    status, out = verify_cli(capsys)
    assert status == 0 and "warning: no checkpoint" in out


def test_a_checkpoint_can_be_mailed_to_the_heads(db, users):
    users["head"].email = "kepala@inspektorat.example"
    users["head"].save()
    make_entries(2)
    checkpoint_write(mail=True)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kepala@inspektorat.example"]
    assert AuditEntry.objects.get(seq=AuditChainHead.objects.get(pk=1).seq).hash in message.body


def test_the_periodic_worker_writes_a_checkpoint_when_the_head_moved(db, settings):
    from pantau.monitoring.periodic import run_periodic_once

    make_entries(2)
    assert run_periodic_once().checkpoint
    assert len(checkpoints_read()) == 1
    assert not run_periodic_once().checkpoint  # nothing changed since
    make_entries(1)
    settings.PANTAU_AUDIT_CHECKPOINT_MINUTES = 0
    assert run_periodic_once().checkpoint
    assert [c.heads["audit"]["seq"] for c in checkpoints_read()][-1] >= 3


def test_the_checkpoint_file_can_be_compared_from_a_copy(db, capsys, tmp_path):
    make_entries(4)
    checkpoint_write()
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(checkpoint_file().read_bytes())
    checkpoint_file().unlink()
    drop_triggers()
    sql("DELETE FROM audit_auditentry WHERE seq > 1")
    sql("UPDATE audit_auditchainhead SET seq = 1, hash = %s WHERE id = 1",
        [AuditEntry.objects.get(seq=1).hash])  # fmt: skip
    assert main(["audit", "verify", "--checkpoints", str(copy)]) == 1
    assert "TRUNCATED" in capsys.readouterr().out


def test_key_text_never_reaches_the_database(db):
    make_entries(2)
    key = key_file().read_text().strip()
    digest = hashlib.sha256(key.encode()).hexdigest()
    for entry in AuditEntry.objects.all():
        assert key not in json.dumps(audit_fields(entry)) and entry.hash != digest


# --- the audit page and concurrent writers ----------------------------------------------------


def test_the_audit_page_shows_a_truncation_found_by_the_checkpoints(login_as, english):
    client = login_as("auditor")
    make_entries(12)
    checkpoint_write()
    drop_triggers()
    sql("DELETE FROM audit_auditentry WHERE seq > 3")
    sql("UPDATE audit_auditchainhead SET seq = 3, hash = %s WHERE id = 1",
        [AuditEntry.objects.get(seq=3).hash])  # fmt: skip
    html = client.get("/audit/?verify=1").content.decode()
    assert "Verification failed" in html and "TRUNCATED" in html


@pytest.mark.postgres  # deselected on SQLite (tests/conftest.py), run in the PostgreSQL pass
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_writers_keep_both_chains_whole_on_postgresql():
    import threading

    from django.db import connections

    errors = []
    barrier = threading.Barrier(4)

    def write(n: int) -> None:
        try:
            barrier.wait(timeout=10)
            for i in range(15):
                audit_record(action="test.concurrent", object_id=f"{n}-{i}")
                access_record(user=None, object_type="test.thing", object_id=f"{n}-{i}")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = audit_verify()
    assert result.ok, result.problem
    assert (result.audit.checked, result.access.checked) == (60, 60)
