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
VIEW_POSTS = "monitoring.view_posts"
IMPORT_POSTS = "monitoring.import_posts"
VIEW_COMPLAINTS = "monitoring.view_complaints"
VIEW_REPORTER = "monitoring.view_reporter"

_GRANTS: dict[str, tuple[str, ...]] = {
    VIEW_ALL_EMPLOYEES: (Role.ADMIN, Role.INSPECTOR, Role.HEAD, Role.DECIDER, Role.AUDITOR),
    CHANGE_REGISTRY: (Role.ADMIN,),
    IMPORT_REGISTRY: (Role.ADMIN,),
    EXPORT_REGISTRY: (Role.ADMIN, Role.INSPECTOR, Role.HEAD, Role.AUDITOR),
    VERIFY_ACCOUNTS: (Role.ADMIN, Role.INSPECTOR),
    VIEW_AUDIT: (Role.ADMIN, Role.HEAD, Role.AUDITOR),
    MANAGE_USERS: (Role.ADMIN,),
    VIEW_POSTS: (Role.ADMIN, Role.INSPECTOR, Role.HEAD, Role.AUDITOR),
    IMPORT_POSTS: (Role.ADMIN, Role.INSPECTOR),
    VIEW_COMPLAINTS: (Role.ADMIN, Role.INSPECTOR, Role.HEAD, Role.AUDITOR),
    # The reporter of a complaint is confidential: only those who handle complaints see them.
    VIEW_REPORTER: (Role.INSPECTOR, Role.HEAD),
}

PERMISSIONS: dict[str, frozenset[str]] = {
    role: frozenset(perm for perm, roles in _GRANTS.items() if role in roles) for role in Role
}


def has_perm_for_role(role: str, perm: str) -> bool:
    return perm in PERMISSIONS.get(role, frozenset())
