"""Checkpoints of the chain heads, kept where a database administrator cannot rewrite them.

A checkpoint records, for the audit log and the access log, the head's sequence number, hash
and switch-over point (``keyed_from``) at a time. Each is appended as one JSON line to the
checkpoint file (``PANTAU_AUDIT_CHECKPOINT_FILE``, default ``<data folder>/audit-checkpoints.jsonl``,
mode 0600, opened append-only) with an HMAC of the line under the audit key, so the line can be
neither forged nor changed without the key. The periodic report prints the latest one, and with
``PANTAU_AUDIT_CHECKPOINT_MAIL`` on it is e-mailed to every active user with the role *head*.

``pantau audit verify`` compares the database with every checkpoint: a checkpoint that counted
more rows than the database now holds means rows were deleted (truncation, an emptied log); a
row whose hash differs from the checkpoint's means the chain was rewritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from pantau.audit.chain import CHAINS, GENESIS_HASH
from pantau.audit.keys import audit_key, key_id
from pantau.audit.models import AuditChainHead

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checkpoint:
    time: dt.datetime
    heads: dict  # chain name → {"seq": int, "hash": str, "keyed_from": int}
    key_id: str
    line: int = 0  # where it is in the file (1-based)

    def summary(self) -> str:
        parts = [f"{name} #{head['seq']} {head['hash'][:16]}" for name, head in self.heads.items()]
        return f"{self.time.isoformat(timespec='seconds')}: " + ", ".join(parts)


class CheckpointFileError(Exception):
    """The checkpoint file has a line that is not a valid checkpoint (changed or forged)."""


def checkpoint_file() -> Path:
    configured = getattr(settings, "PANTAU_AUDIT_CHECKPOINT_FILE", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "audit-checkpoints.jsonl"


def _mac(body: dict, key: bytes) -> str:
    text = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def current_heads() -> dict:
    heads = {}
    rows = {h.pk: h for h in AuditChainHead.objects.all()}
    for chain in CHAINS:
        row = rows.get(chain.head_pk)
        heads[chain.name] = {
            "seq": row.seq if row else 0,
            "hash": row.hash if row else GENESIS_HASH,
            "keyed_from": row.keyed_from_seq if row else 1,
        }
    return heads


def checkpoint_write(*, mail: bool | None = None) -> Checkpoint:
    """Append the current heads to the checkpoint file (and e-mail them when configured)."""
    key = audit_key()
    with transaction.atomic():  # one consistent view of both heads
        heads = current_heads()
    now = timezone.now().astimezone(dt.UTC)
    body = {"time": now.isoformat(timespec="microseconds"), "heads": heads, "key_id": key_id(key)}
    line = json.dumps({**body, "mac": _mac(body, key)}, sort_keys=True) + "\n"
    path = checkpoint_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    checkpoint = Checkpoint(now, heads, body["key_id"])
    if mail if mail is not None else getattr(settings, "PANTAU_AUDIT_CHECKPOINT_MAIL", False):
        checkpoint_mail(checkpoint)
    return checkpoint


def checkpoints_read(path: Path | None = None) -> list[Checkpoint]:
    """Every checkpoint in the file, oldest first; a bad line raises naming its number."""
    path = path or checkpoint_file()
    if not path.exists():
        return []
    key = audit_key()
    result = []
    with path.open(encoding="utf-8") as lines:
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            try:
                data = json.loads(text)
                mac = data.pop("mac")
                when = dt.datetime.fromisoformat(data["time"])
                heads = data["heads"]
            except (ValueError, KeyError, TypeError):
                raise CheckpointFileError(f"{path}:{number}: not a checkpoint line") from None
            if not hmac.compare_digest(mac, _mac(data, key)):
                raise CheckpointFileError(
                    f"{path}:{number}: the checkpoint's MAC does not match (changed, forged, or "
                    f"written with another audit key: key id {data.get('key_id')!r}, this "
                    f"installation's is {key_id(key)!r})"
                )
            result.append(Checkpoint(when, heads, data.get("key_id", ""), number))
    return result


def latest_checkpoint() -> Checkpoint | None:
    try:
        found = checkpoints_read()
    except CheckpointFileError:
        logger.exception("audit checkpoint file is damaged")
        return None
    return found[-1] if found else None


def checkpoint_due(minutes: int | None = None) -> bool:
    """A checkpoint is due when a head moved and the last one is older than the interval."""
    minutes = minutes if minutes is not None else settings.PANTAU_AUDIT_CHECKPOINT_MINUTES
    last = latest_checkpoint()
    if last is None:
        return True
    if last.heads == current_heads():
        return False
    return timezone.now() - last.time >= dt.timedelta(minutes=minutes)


def checkpoint_mail(checkpoint: Checkpoint) -> int:
    """E-mail the checkpoint to the active heads of the inspectorate; returns how many got it."""
    from django.contrib.auth import get_user_model

    from pantau.users.roles import Role

    recipients = list(
        get_user_model()
        .objects.filter(role=Role.HEAD, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return 0
    lines = [
        f"{name}: #{head['seq']} hash {head['hash']} (keyed from #{head['keyed_from']})"
        for name, head in checkpoint.heads.items()
    ]
    body = (
        "Titik periksa log audit Pantau / Pantau audit-log checkpoint\n\n"
        f"{checkpoint.time.isoformat(timespec='seconds')}\n" + "\n".join(lines) + "\n\n"
        "Simpan surel ini. `pantau audit verify` membandingkan log dengan titik periksa.\n"
        "Keep this e-mail: `pantau audit verify` compares the log with the checkpoints.\n"
    )
    send_mail(
        f"[Pantau] audit checkpoint {checkpoint.time:%Y-%m-%d %H:%M} UTC",
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )
    return len(recipients)
