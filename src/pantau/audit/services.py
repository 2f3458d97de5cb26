"""Writing and verifying the audit log.

``audit_record`` must be called inside the transaction of the change it records: it locks the
chain head, links the new entry to the previous hash and advances the head, so a rollback of
the change also rolls back its entry. ``audit_verify`` walks the chain and names the first
broken link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from pantau.audit import context
from pantau.audit.models import AccessLog, AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64
SECRET_FIELDS = {"password", "key", "token", "secret"}


def jsonable(value: Any) -> Any:
    """Round-trip a value through JSON so it hashes the same before and after storage."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def snapshot(obj: models.Model | None, *, exclude: Iterable[str] = ()) -> dict | None:
    """The fields of a model instance as JSON-safe data, with secrets left out."""
    if obj is None:
        return None
    skip = SECRET_FIELDS | set(exclude)
    data = {k: v for k, v in model_to_dict(obj).items() if k not in skip}
    for key, value in list(data.items()):
        if isinstance(value, list):  # many-to-many: keep primary keys
            data[key] = [getattr(v, "pk", v) for v in value]
    return jsonable(data)


def _entry_hash(*, seq: int, created_at: dt.datetime, fields: dict, prev_hash: str) -> str:
    payload = {
        "seq": seq,
        "created_at": created_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "prev_hash": prev_hash,
        **fields,
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _hashed_fields(entry: AuditEntry) -> dict:
    return {
        "actor_id": entry.actor_id,
        "actor_repr": entry.actor_repr,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "before": entry.before,
        "after": entry.after,
        "reason": entry.reason,
        "ip_address": entry.ip_address,
        "user_agent": entry.user_agent,
    }


def _actor(actor) -> tuple[int | None, str, str | None, str]:
    ctx = context.current()
    ip = ctx.ip_address if ctx else None
    agent = ctx.user_agent if ctx else ""
    if actor is not None:
        return actor.pk, actor.get_username(), ip, agent
    if ctx and ctx.user_id:
        return ctx.user_id, ctx.user_repr, ip, agent
    return None, "system", ip, agent


def audit_record(
    *,
    action: str,
    obj: models.Model | None = None,
    actor=None,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
) -> AuditEntry:
    """Append one entry to the chain, in the caller's transaction."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    actor_id, actor_repr, ip, agent = _actor(actor)
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"seq": 0, "hash": GENESIS_HASH}
        )
        entry = AuditEntry(
            seq=head.seq + 1,
            created_at=timezone.now(),
            actor_id=actor_id,
            actor_repr=actor_repr[:200],
            action=action,
            object_type=object_type,
            object_id=object_id,
            object_repr=object_repr[:300],
            before=jsonable(before),
            after=jsonable(after),
            reason=reason,
            ip_address=ip,
            user_agent=agent,
            prev_hash=head.hash,
        )
        entry.hash = _entry_hash(
            seq=entry.seq,
            created_at=entry.created_at,
            fields=_hashed_fields(entry),
            prev_hash=entry.prev_hash,
        )
        entry.save()
        AuditChainHead.objects.filter(pk=1).update(seq=entry.seq, hash=entry.hash)
    return entry


def audit_changes(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    """Keep only the fields that changed (both sides), for compact update entries."""
    if before is None or after is None:
        return before, after
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def access_record(
    *,
    user,
    obj: models.Model | None = None,
    action: str = AccessLog.Action.VIEW,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    detail: str = "",
) -> AccessLog:
    """Record that ``user`` viewed or exported something."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    ctx = context.current()
    return AccessLog.objects.create(
        user_id=user.pk if user is not None else None,
        user_repr=user.get_username() if user is not None else "system",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:300],
        detail=detail[:300],
        ip_address=ctx.ip_address if ctx else None,
    )


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    broken_seq: int | None = None
    problem: str = ""


def audit_verify(*, batch_size: int = 2000) -> VerifyResult:
    """Recompute the chain and return the first entry whose link or content does not match."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=batch_size):
        if entry.seq != expected_seq:
            return VerifyResult(False, checked, expected_seq, "entry missing (sequence gap)")
        if entry.prev_hash != prev_hash:
            return VerifyResult(False, checked, entry.seq, "previous-hash link does not match")
        recomputed = _entry_hash(
            seq=entry.seq,
            created_at=entry.created_at,
            fields=_hashed_fields(entry),
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            return VerifyResult(False, checked, entry.seq, "content does not match its hash")
        prev_hash = entry.hash
        expected_seq += 1
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.seq != checked or head.hash != prev_hash):
        return VerifyResult(
            False, checked, checked + 1, "entries after the last one were removed (head mismatch)"
        )
    return VerifyResult(True, checked)
