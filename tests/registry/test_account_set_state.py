"""account_set_state: who verified an account and when, with the change audited."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from pantau.audit.models import AuditEntry
from pantau.registry.services import RegistryError, account_set_state

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

NOW = dt.datetime(2025, 8, 17, 9, 0, tzinfo=dt.UTC)


def test_verifying_records_who_and_when_and_audits_before_and_after(registry, users):
    account = registry.accounts[0]  # budi.santoso, declared
    with time_machine.travel(NOW, tick=False):
        account_set_state(account=account, state="verified", actor=users["inspector"])
    account.refresh_from_db()
    assert account.state == "verified"
    assert account.verified_by == users["inspector"]
    assert account.verified_at == NOW
    entry = AuditEntry.objects.get(action="registry.account.state_changed")
    assert entry.actor_repr == "inspector"
    assert entry.object_id == str(account.pk)
    assert entry.before == {
        "state": "declared",
        "verified_by": None,
        "verified_at": None,
        "note": "",
    }
    assert entry.after["state"] == "verified"
    assert entry.after["verified_by"] == users["inspector"].pk
    assert timezone.datetime.fromisoformat(entry.after["verified_at"]) == NOW


def test_marking_hacked_needs_a_reason(registry, users):
    account = registry.accounts[0]
    with pytest.raises(RegistryError, match="reason"):
        account_set_state(account=account, state="hacked", actor=users["inspector"])
    account_set_state(
        account=account, state="hacked", actor=users["inspector"], note="Dilaporkan diretas"
    )
    account.refresh_from_db()
    assert (account.state, account.note) == ("hacked", "Dilaporkan diretas")
    assert AuditEntry.objects.get(action="registry.account.state_changed").reason == (
        "Dilaporkan diretas"
    )


def test_an_unknown_or_unchanged_state_is_refused(registry, users):
    account = registry.accounts[0]
    with pytest.raises(RegistryError, match="Unknown"):
        account_set_state(account=account, state="banned", actor=users["admin"])
    with pytest.raises(RegistryError, match="already"):
        account_set_state(account=account, state="declared", actor=users["admin"])
    assert not AuditEntry.objects.filter(action="registry.account.state_changed").exists()
