"""audit_record links entries into a hash chain; audit_verify and `pantau audit verify` find tampering."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from pantau.audit import protection
from pantau.audit.models import AccessLog, AppendOnlyError, AuditChainHead, AuditEntry
from pantau.audit.services import GENESIS_HASH, access_record, audit_record, audit_verify
from pantau.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(db) -> list[AuditEntry]:
    return [
        audit_record(action="test.created", object_type="test.thing", object_id="1",
                     object_repr="Satu", after={"name": "Satu"}),
        audit_record(action="test.updated", object_type="test.thing", object_id="1",
                     object_repr="Satu", before={"name": "Satu"}, after={"name": "Dua"}),
        audit_record(action="test.updated", object_type="test.thing", object_id="1",
                     object_repr="Dua", before={"name": "Dua"}, after={"name": "Tiga"}),
        audit_record(action="test.deleted", object_type="test.thing", object_id="1",
                     object_repr="Tiga", before={"name": "Tiga"}),
    ]  # fmt: skip


def unprotect() -> None:
    """Remove the append-only triggers for this test's transaction, as an attacker with DB access."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_auditentry_no_update")
            cursor.execute("DROP TRIGGER audit_auditentry_no_delete")
        else:
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")


def raw(sql: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def cli_verify(capsys) -> tuple[int, str]:
    status = main(["audit", "verify"])
    return status, capsys.readouterr().out


# --- the chain ------------------------------------------------------------------------------


def test_entries_are_numbered_and_each_links_to_the_previous_hash(chain):
    assert [e.seq for e in chain] == [1, 2, 3, 4]
    assert chain[0].prev_hash == GENESIS_HASH
    for before, entry in zip(chain, chain[1:], strict=False):
        assert entry.prev_hash == before.hash
    assert len({e.hash for e in chain}) == 4
    head = AuditChainHead.objects.get(pk=1)
    assert (head.seq, head.hash) == (4, chain[-1].hash)


def test_an_entry_outside_a_request_is_by_the_system(chain):
    assert chain[0].actor_id is None and chain[0].actor_repr == "system"


def test_an_entry_names_its_actor(db, django_user_model):
    user = django_user_model.objects.create(username="inspektur", role="inspector")
    entry = audit_record(action="test.done", actor=user)
    assert (entry.actor_id, entry.actor_repr) == (user.pk, "inspektur")


def test_a_rolled_back_change_rolls_back_its_entry(chain):
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(action="test.failed")
        raise RuntimeError("the change failed")
    assert AuditEntry.objects.count() == 4
    assert audit_verify().ok
    assert audit_record(action="test.next").seq == 5


def test_verify_passes_on_an_intact_chain(chain, capsys):
    result = audit_verify()
    assert result.ok and result.checked == 4 and result.broken_seq is None
    status, out = cli_verify(capsys)
    assert status == 0
    assert "audit chain intact: 4 entries checked" in out


def test_verify_passes_on_an_empty_log(db, capsys):
    assert audit_verify().ok
    assert cli_verify(capsys)[0] == 0


# --- tampering ------------------------------------------------------------------------------


def test_a_changed_after_value_is_detected(chain, capsys):
    unprotect()
    AuditEntry.objects.filter(seq=2).update(after={"name": "Palsu"})
    result = audit_verify()
    assert (result.ok, result.broken_seq, result.checked) == (False, 2, 1)
    assert "content" in result.problem
    status, out = cli_verify(capsys)
    assert status == 1
    assert "BROKEN at entry #2" in out


def test_a_changed_actor_name_in_raw_sql_is_detected(chain, capsys):
    unprotect()
    raw("UPDATE audit_auditentry SET actor_repr = %s WHERE seq = %s", ["orang-lain", 3])
    assert audit_verify().broken_seq == 3
    status, out = cli_verify(capsys)
    assert status == 1 and "#3" in out


def test_a_rewritten_hash_breaks_the_next_link(chain):
    unprotect()
    raw("UPDATE audit_auditentry SET hash = %s WHERE seq = %s", ["f" * 64, 2])
    result = audit_verify()
    assert result.broken_seq == 2  # its own content no longer matches
    raw(
        "UPDATE audit_auditentry SET hash = %s, prev_hash = %s WHERE seq = %s",
        [chain[1].hash, chain[0].hash, 2],
    )
    assert audit_verify().ok


def test_a_deleted_middle_entry_is_detected(chain, capsys):
    unprotect()
    raw("DELETE FROM audit_auditentry WHERE seq = %s", [2])
    result = audit_verify()
    assert (result.ok, result.broken_seq) == (False, 2)
    assert "missing" in result.problem
    status, out = cli_verify(capsys)
    assert status == 1 and "BROKEN at entry #2" in out


def test_a_deleted_last_entry_is_detected(chain, capsys):
    unprotect()
    raw("DELETE FROM audit_auditentry WHERE seq = %s", [4])
    result = audit_verify()
    assert (result.ok, result.broken_seq, result.checked) == (False, 4, 3)
    status, out = cli_verify(capsys)
    assert status == 1 and "BROKEN at entry #4" in out


def test_a_deleted_first_entry_is_detected(chain):
    unprotect()
    raw("DELETE FROM audit_auditentry WHERE seq = %s", [1])
    assert audit_verify().broken_seq == 1


# --- append-only ----------------------------------------------------------------------------


def test_the_model_refuses_to_save_an_existing_entry(chain):
    entry = AuditEntry.objects.get(seq=2)
    entry.after = {"name": "Palsu"}
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_the_model_refuses_to_delete_an_entry(chain):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.get(seq=2).delete()
    assert AuditEntry.objects.count() == 4


def test_the_database_refuses_a_raw_update(chain):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        raw("UPDATE audit_auditentry SET actor_repr = %s WHERE seq = %s", ["x", 1])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(seq=1).update(action="x")
    assert audit_verify().ok


def test_a_raw_delete_is_refused(chain):
    # The test suite lets Django empty the tables between tests; outside it, deletes are refused.
    protection.set_purge_allowed(False)
    try:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            raw("DELETE FROM audit_auditentry WHERE seq = %s", [3])
    finally:
        protection.set_purge_allowed(True)
    assert audit_verify().ok


def test_the_access_log_is_append_only_too(db):
    row = access_record(user=None, object_type="registry.employee", object_id="1")
    row.detail = "changed"
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessLog.objects.filter(pk=row.pk).update(detail="changed")
