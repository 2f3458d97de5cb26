"""Registry use cases outside imports and the admin: account verification state changes."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.audit.services import audit_record
from pantau.registry.models import Account


class RegistryError(Exception):
    """A registry change that is not allowed; the message says why."""


@transaction.atomic
def account_set_state(*, account: Account, state: str, actor, note: str = "") -> Account:
    """Mark an account declared, verified, disputed or hacked, recording who did it and when."""
    if state not in Account.State.values:
        raise RegistryError(_("Unknown verification state %s") % state)
    if state == account.state:
        raise RegistryError(_("The account is already in that state"))
    if state in (Account.State.DISPUTED, Account.State.HACKED) and not note.strip():
        raise RegistryError(_("Give a reason when marking an account disputed or hacked"))
    before = {
        "state": account.state,
        "verified_by": account.verified_by_id,
        "verified_at": account.verified_at,
        "note": account.note,
    }
    account.state = state
    account.verified_by = actor
    account.verified_at = timezone.now()
    if note:
        account.note = note
    account.save(update_fields=["state", "verified_by", "verified_at", "note", "updated_at"])
    audit_record(
        action="registry.account.state_changed",
        obj=account,
        actor=actor,
        before=before,
        after={
            "state": state,
            "verified_by": actor.pk,
            "verified_at": account.verified_at,
            "note": account.note,
        },
        reason=note,
    )
    return account
