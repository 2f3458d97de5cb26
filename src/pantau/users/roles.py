"""The roles of DESIGN.md §5 and the permissions each one holds.

Permissions are plain strings held as sets per role, checked with ``has_perm_for_role`` in code
and ``role_required`` on views. Object-level visibility (which employees a user may see) lives in
the registry selectors.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    INSPECTOR = "inspector", _("Inspector")
    HEAD = "head", _("Head of inspectorate")
    DECIDER = "decider", _("Decider (PPK)")
    SUPERVISOR = "supervisor", _("Supervisor")
    EMPLOYEE = "employee", _("Employee")
    AUDITOR = "auditor", _("Auditor")


# Roles that act on other people's records: they may be required to use a second factor.
STAFF_ROLES = frozenset({Role.ADMIN, Role.INSPECTOR, Role.HEAD, Role.DECIDER, Role.AUDITOR})

VIEW_ALL_EMPLOYEES = "registry.view_all"
CHANGE_REGISTRY = "registry.change"
IMPORT_REGISTRY = "registry.import"
EXPORT_REGISTRY = "registry.export"
VERIFY_ACCOUNTS = "registry.verify_account"
VIEW_AUDIT = "audit.view"
MANAGE_USERS = "users.manage"

PERMISSIONS: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset(
        {
            VIEW_ALL_EMPLOYEES,
            CHANGE_REGISTRY,
            IMPORT_REGISTRY,
            EXPORT_REGISTRY,
            VERIFY_ACCOUNTS,
            VIEW_AUDIT,
            MANAGE_USERS,
        }
    ),
    Role.INSPECTOR: frozenset({VIEW_ALL_EMPLOYEES, EXPORT_REGISTRY, VERIFY_ACCOUNTS}),
    Role.HEAD: frozenset({VIEW_ALL_EMPLOYEES, EXPORT_REGISTRY, VIEW_AUDIT}),
    Role.DECIDER: frozenset({VIEW_ALL_EMPLOYEES}),
    Role.SUPERVISOR: frozenset(),
    Role.EMPLOYEE: frozenset(),
    Role.AUDITOR: frozenset({VIEW_ALL_EMPLOYEES, EXPORT_REGISTRY, VIEW_AUDIT}),
}


def has_perm_for_role(role: str, perm: str) -> bool:
    return perm in PERMISSIONS.get(role, frozenset())
