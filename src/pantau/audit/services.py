"""Writing and verifying the audit log and the access log.

``audit_record`` must be called inside the transaction of the change it records: it locks the
chain head, links the new entry to the previous hash (keyed, see ``audit.chain``) and advances
the head, so a rollback of the change also rolls back its entry. ``access_record`` chains the
access log the same way. ``audit_verify`` walks both chains, names the first broken link and
compares the heads with the checkpoints kept outside the database (``audit.checkpoints``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from pantau.audit import context
from pantau.audit.chain import (
    ACCESS,
    AUDIT,
    CHAINS,
    GENESIS_HASH,
    Chain,
    ChainResult,
    canonical_ip,
    chain_walk,
    row_hash,
)
from pantau.audit.keys import audit_key
from pantau.audit.models import AccessLog, AuditChainHead, AuditEntry

__all__ = [
    "GENESIS_HASH",
    "VerifyResult",
    "access_record",
    "audit_changes",
    "audit_record",
    "audit_verify",
    "jsonable",
    "snapshot",
]
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
    entry = AuditEntry(
        actor_id=actor_id,
        actor_repr=actor_repr[:200],
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:300],
        before=jsonable(before),
        after=jsonable(after),
        reason=reason,
        ip_address=canonical_ip(ip),
        user_agent=agent,
    )
    return _append(AUDIT, entry)


def _append(chain: Chain, row):
    """Link ``row`` after the chain's head (locked) and save it, in one transaction."""
    key = audit_key()
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(
            pk=chain.head_pk, defaults={"seq": 0, "hash": GENESIS_HASH, "keyed_from_seq": 1}
        )
        row.seq = head.seq + 1
        row.created_at = timezone.now()
        row.prev_hash = head.hash
        row.hash = row_hash(chain, row, key=key, keyed_from=head.keyed_from_seq)
        row.save()
        AuditChainHead.objects.filter(pk=chain.head_pk).update(seq=row.seq, hash=row.hash)
    return row


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
    row = AccessLog(
        user_id=user.pk if user is not None else None,
        user_repr=user.get_username() if user is not None else "system",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:300],
        detail=detail[:300],
        ip_address=canonical_ip(ctx.ip_address if ctx else None),
    )
    return _append(ACCESS, row)


@dataclass
class VerifyResult:
    """Both chains walked and compared with the checkpoints.

    ``ok``, ``checked``, ``broken_seq`` and ``problem`` describe the audit log (the access log's
    outcome is in ``access``); ``checkpoint_problems`` lists what the checkpoints contradict.
    """

    audit: ChainResult
    access: ChainResult
    checkpoint_problems: list[str] = field(default_factory=list)
    checkpoints: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.audit.ok and self.access.ok and not self.checkpoint_problems

    @property
    def checked(self) -> int:
        return self.audit.checked

    @property
    def broken_seq(self) -> int | None:
        return self.audit.broken_seq

    @property
    def problem(self) -> str:
        if self.audit.problem:
            return self.audit.problem
        if self.access.problem:
            return f"access log: {self.access.problem}"
        return "; ".join(self.checkpoint_problems)


def _against_checkpoints(results: dict[str, ChainResult], checkpoints) -> list[str]:
    problems = []
    for cp in checkpoints:
        for chain in CHAINS:
            recorded = cp.heads.get(chain.name)
            if not recorded:
                continue
            walked = results[chain.name]
            seq, when = recorded["seq"], cp.time.isoformat(timespec="seconds")
            if recorded.get("keyed_from", 1) != walked.keyed_from:
                problems.append(
                    f"{chain.label}: the switch-over to keyed hashes was moved from "
                    f"#{recorded.get('keyed_from', 1)} (checkpoint of {when}) to "
                    f"#{walked.keyed_from}"
                )
            if not walked.ok or seq == 0:
                continue  # the walk already names the first bad row
            if walked.head_seq == 0:
                problems.append(
                    f"{chain.label} is EMPTY, but the checkpoint of {when} recorded {seq} entries"
                )
            elif walked.head_seq < seq:
                problems.append(
                    f"{chain.label} TRUNCATED: the checkpoint of {when} recorded {seq} entries, "
                    f"the log now ends at #{walked.head_seq} (entries #{walked.head_seq + 1}"
                    f"–#{seq} were deleted)"
                )
            elif walked.hashes_at.get(seq) != recorded["hash"]:
                problems.append(
                    f"{chain.label} REWRITTEN: entry #{seq} differs from the checkpoint of "
                    f"{when} (the chain was recomputed from that entry or earlier)"
                )
    # keep each message once, in order
    return list(dict.fromkeys(problems))


def audit_verify(*, batch_size: int = 2000, checkpoint_path: Path | None = None) -> VerifyResult:
    """Walk both chains and compare them with every checkpoint in the checkpoint file."""
    from pantau.audit.checkpoints import CheckpointFileError, checkpoint_file, checkpoints_read

    key = audit_key()
    warnings: list[str] = []
    try:
        checkpoints = checkpoints_read(checkpoint_path)
        checkpoint_error = ""
    except CheckpointFileError as exc:
        checkpoints, checkpoint_error = [], str(exc)
    want: dict[str, set[int]] = {chain.name: set() for chain in CHAINS}
    for cp in checkpoints:
        for name, head in cp.heads.items():
            want.setdefault(name, set()).add(head["seq"])
    results = {
        chain.name: chain_walk(chain, key=key, want=want[chain.name], batch_size=batch_size)
        for chain in CHAINS
    }
    problems = _against_checkpoints(results, checkpoints)
    if checkpoint_error:
        problems.insert(0, checkpoint_error)
    if not checkpoints and not checkpoint_error:
        warnings.append(
            f"no checkpoint in {checkpoint_path or checkpoint_file()}: deleted tail entries or "
            "an emptied log cannot be detected (run `pantau audit checkpoint`)"
        )
    return VerifyResult(results["audit"], results["access"], problems, len(checkpoints), warnings)
