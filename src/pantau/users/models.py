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
