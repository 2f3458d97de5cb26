"""The Pantau user: a Django user with one role and, for most roles, the employee it is."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from pantau.users.roles import STAFF_ROLES, Role, has_perm_for_role


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EMPLOYEE)
    employee = models.OneToOneField(
        "registry.Employee",
        verbose_name=_("employee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
        help_text=_(
            "The employee record this login belongs to (required for supervisors and employees)."
        ),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    def has_role_perm(self, perm: str) -> bool:
        return self.is_active and has_perm_for_role(self.role, perm)


class ApiToken(models.Model):
    """A token for external collectors and integrations; only its SHA-256 is stored."""

    class Scope(models.TextChoices):
        PUSH = "push", _("push posts")
        READ = "read", _("read only")
        FULL = "full", _("act as the user")

    name = models.CharField(_("name"), max_length=100)
    user = models.ForeignKey(
        User, verbose_name=_("acts as"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.PUSH)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
