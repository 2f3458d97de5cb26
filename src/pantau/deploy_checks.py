"""`pantau check --deploy`: the settings that make an installation unsafe for production.

Django system checks in the ``pantau`` namespace, run only with ``--deploy``. Each names one
unsafe setting and how to fix it. ``pantau serve`` with ``PANTAU_SECRET_KEY`` set (a production
start) refuses to start while any of the demo's settings (:data:`DEMO_SETTINGS`) is in force.
"""

from __future__ import annotations

import stat
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register

DEMO_SECRET_FILE = "demo_secret_key"
# The checks that describe a demo: a production start refuses them.
DEMO_SETTINGS = {"pantau.E001", "pantau.E002", "pantau.E003", "pantau.E004", "pantau.E007"}
WEAK_SECRET_MARKERS = ("not-for-production", "insecure", "change-me", "changeme", "secret-key")


def _demo_secret() -> str | None:
    path = Path(settings.DATA_DIR) / DEMO_SECRET_FILE
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return None


def _secret_key_problem() -> str | None:
    key = settings.SECRET_KEY or ""
    if not key:
        return "PANTAU_SECRET_KEY is not set"
    if key == _demo_secret():
        return "the secret key is the demo's generated one (demo_secret_key in the data folder)"
    lowered = key.lower()
    if any(marker in lowered for marker in WEAK_SECRET_MARKERS):
        return "the secret key is a default or example value"
    if len(key) < 50 or len(set(key)) < 5:
        return f"the secret key is too weak ({len(key)} characters; use at least 50 random ones)"
    return None


def _sqlite_permission_problems() -> list[str]:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.sqlite3":
        return []
    path = Path(db["NAME"])
    problems = []
    candidates = [(path.parent, 0o700)] + [
        (Path(f"{path}{suffix}"), 0o600) for suffix in ("", "-wal", "-shm")
    ]
    for candidate, wanted in candidates:
        try:
            mode = stat.S_IMODE(candidate.stat().st_mode)
        except OSError:
            continue
        if mode & 0o077:
            problems.append(f"{candidate} has mode {mode:04o} (wanted {wanted:04o})")
    return problems


@register(Tags.security, deploy=True)
def pantau_deploy_checks(app_configs, **kwargs) -> list[Error]:
    errors = []
    if settings.DEMO:
        errors.append(
            Error(
                "Demo mode is on (PANTAU_DEMO): a generated secret, no forced second factor.",
                hint="Unset PANTAU_DEMO for a production installation.",
                id="pantau.E001",
            )
        )
    if not settings.PANTAU_ENFORCE_TOTP:
        errors.append(
            Error(
                "Two-factor login (TOTP) is not enforced for staff roles.",
                hint="Unset PANTAU_ENFORCE_TOTP or set it to 1.",
                id="pantau.E002",
            )
        )
    if settings.DEBUG:
        errors.append(
            Error(
                "Debug mode is on (PANTAU_DEBUG): error pages show settings and code.",
                hint="Unset PANTAU_DEBUG.",
                id="pantau.E003",
            )
        )
    problem = _secret_key_problem()
    if problem:
        errors.append(
            Error(
                f"Unsafe secret key: {problem}.",
                hint="Set PANTAU_SECRET_KEY (or PANTAU_SECRET_KEY_FILE) to 50+ random "
                "characters, kept outside the data folder.",
                id="pantau.E004",
            )
        )
    if not getattr(settings, "PANTAU_AUDIT_KEY", None):
        errors.append(
            Error(
                "PANTAU_AUDIT_KEY is not set: the audit chains' HMAC key is the one generated "
                "into the data folder, next to the database it protects.",
                hint="Set PANTAU_AUDIT_KEY (or PANTAU_AUDIT_KEY_FILE) to 64 random hex "
                "characters kept away from the database and its backups; see "
                "docs/operations.md before changing the key of an existing installation.",
                id="pantau.E005",
            )
        )
    for problem in _sqlite_permission_problems():
        errors.append(
            Error(
                f"SQLite files readable by other users: {problem}.",
                hint="Run `pantau migrate` (it sets the data folder to 0700 and its files to "
                "0600), or chmod them yourself.",
                id="pantau.E006",
            )
        )
    if _demo_secret() is not None:
        errors.append(
            Error(
                f"The data folder {settings.DATA_DIR} was set up by `pantau demo`: its logins "
                "have published passwords.",
                hint="Use a new data folder (PANTAU_DATA_DIR) for production.",
                id="pantau.E007",
            )
        )
    return errors


def demo_settings_in_force() -> list[Error]:
    """The errors a production start refuses to run with."""
    return [e for e in pantau_deploy_checks(None) if e.id in DEMO_SETTINGS]
