"""The audit key: the secret that makes the audit and access-log hashes keyed (HMAC-SHA256).

The key must live outside the database, so that whoever can write the tables cannot recompute a
valid chain after changing it. In production it comes from ``PANTAU_AUDIT_KEY`` (or
``PANTAU_AUDIT_KEY_FILE``). Without it (the demo, the tests, a first start) a random key is
generated once into ``<data folder>/audit_key`` with mode 0600; ``pantau check --deploy`` reports
that as unsafe for production, because the key then sits next to the SQLite file.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_FILE_NAME = "audit_key"
MIN_KEY_LENGTH = 32


def key_file() -> Path:
    return Path(settings.DATA_DIR) / KEY_FILE_NAME


def _generated_key() -> str:
    path = key_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secrets.token_hex(32))
    return path.read_text(encoding="utf-8").strip()


def audit_key() -> bytes:
    """The key for the keyed hashes: from the environment, else the data folder's generated one."""
    value = getattr(settings, "PANTAU_AUDIT_KEY", None) or _generated_key()
    if len(value) < MIN_KEY_LENGTH:
        raise ImproperlyConfigured(
            f"PANTAU_AUDIT_KEY is too short ({len(value)} characters): use at least "
            f"{MIN_KEY_LENGTH}, e.g. the output of `python -c 'import secrets; "
            "print(secrets.token_hex(32))'`"
        )
    return value.encode("utf-8")


def key_from_environment() -> bool:
    return bool(getattr(settings, "PANTAU_AUDIT_KEY", None))


def key_id(key: bytes | None = None) -> str:
    """A short public fingerprint of the key, so a checkpoint tells which key wrote it."""
    key = key or audit_key()
    return hmac.new(key, b"pantau-audit-key-id", hashlib.sha256).hexdigest()[:16]
