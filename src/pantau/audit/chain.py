"""The hash chains of the audit entries and of the access log: computing and checking links.

Each row stores ``prev_hash`` (the hash of the row before it) and ``hash``, computed over its
sequence number, time, previous hash and content. From the chain head's ``keyed_from_seq`` on the
hash is an HMAC-SHA256 with the audit key (``audit.keys``), so it cannot be recomputed by someone
who can write the database but does not hold the key. Rows written before Pantau had a key keep
their plain SHA-256; the first keyed row covers the last plain hash in its own HMAC, so changing
an older row still breaks the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models

from pantau.audit.models import AccessLog, AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64


def canonical_ip(value: str | None) -> str | None:
    """The address as the database stores it (IPv6 in its short form), so hashes match."""
    if not value:
        return None
    return models.GenericIPAddressField().get_prep_value(value)


def _blob(seq: int, created_at: dt.datetime, prev_hash: str, fields: dict) -> bytes:
    payload = {
        "seq": seq,
        "created_at": created_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "prev_hash": prev_hash,
        **fields,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def link_hash(
    *, seq: int, created_at: dt.datetime, prev_hash: str, fields: dict, key: bytes | None
) -> str:
    """The row's hash: HMAC-SHA256 with ``key``, or plain SHA-256 for rows from before the key."""
    blob = _blob(seq, created_at, prev_hash, fields)
    if key is None:
        return hashlib.sha256(blob).hexdigest()
    return hmac.new(key, blob, hashlib.sha256).hexdigest()


def audit_fields(entry: AuditEntry) -> dict:
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


def access_fields(row: AccessLog) -> dict:
    return {
        "user_id": row.user_id,
        "user_repr": row.user_repr,
        "action": row.action,
        "object_type": row.object_type,
        "object_id": row.object_id,
        "object_repr": row.object_repr,
        "detail": row.detail,
        "ip_address": row.ip_address,
    }


@dataclass(frozen=True)
class Chain:
    """What differs between the two chains: the model, its head row and its hashed fields."""

    name: str
    label: str  # for messages
    model: type[models.Model]
    head_pk: int
    fields: object  # callable(row) -> dict


AUDIT = Chain("audit", "audit log", AuditEntry, AuditChainHead.AUDIT_CHAIN, audit_fields)
ACCESS = Chain("access", "access log", AccessLog, AuditChainHead.ACCESS_CHAIN, access_fields)
CHAINS = (AUDIT, ACCESS)


def row_hash(chain: Chain, row, *, key: bytes, keyed_from: int) -> str:
    return link_hash(
        seq=row.seq,
        created_at=row.created_at,
        prev_hash=row.prev_hash,
        fields=chain.fields(row),
        key=key if row.seq >= keyed_from else None,
    )


@dataclass
class ChainResult:
    """The outcome of walking one chain; ``broken_seq`` is the first bad row, if any."""

    chain: str
    checked: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS_HASH
    keyed_from: int = 1
    broken_seq: int | None = None
    problem: str = ""
    hashes_at: dict[int, str] = field(default_factory=dict)  # seq → hash, for the checkpoints

    @property
    def ok(self) -> bool:
        return not self.problem


def chain_walk(
    chain: Chain, *, key: bytes, want: Iterable[int] = (), batch_size: int = 2000
) -> ChainResult:
    """Recompute ``chain`` from its first row; stop at the first row that does not fit.

    ``want`` names sequence numbers whose stored hash the caller needs (the checkpoints').
    """
    head = AuditChainHead.objects.filter(pk=chain.head_pk).first()
    keyed_from = head.keyed_from_seq if head else 1
    result = ChainResult(chain.name, keyed_from=keyed_from)
    want = set(want)
    prev_hash = GENESIS_HASH
    expected = 1
    rows = chain.model.objects.order_by("seq").iterator(chunk_size=batch_size)
    for row in rows:
        if row.seq is None:
            result.broken_seq, result.problem = None, "a row without a sequence number was added"
            return result
        if row.seq != expected:
            result.broken_seq = expected
            result.problem = "entry missing (sequence gap)"
            return result
        if row.prev_hash != prev_hash:
            result.broken_seq, result.problem = row.seq, "previous-hash link does not match"
            return result
        if row_hash(chain, row, key=key, keyed_from=keyed_from) != row.hash:
            result.broken_seq = row.seq
            result.problem = (
                "content does not match its keyed hash (HMAC): changed or rewritten without "
                "the audit key"
                if row.seq >= keyed_from
                else "content does not match its hash"
            )
            return result
        if row.seq in want:
            result.hashes_at[row.seq] = row.hash
        prev_hash = row.hash
        expected += 1
        result.checked += 1
    result.head_seq, result.head_hash = result.checked, prev_hash
    if head is not None and (head.seq != result.checked or head.hash != prev_hash):
        result.broken_seq = result.checked + 1
        result.problem = "entries after the last one were removed (head mismatch)"
    return result
