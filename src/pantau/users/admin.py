"""Admin for users: role and employee link; changes go to the audit log."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from pantau.audit.admin_mixins import AuditedAdminMixin
from pantau.users.models import ApiToken, User


@admin.register(User)
class UserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    list_display = ["username", "get_full_name", "role", "employee", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email", "employee__nip"]
    autocomplete_fields = ["employee"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Pantau role"), {"fields": ("role", "employee")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Pantau role"), {"fields": ("role", "employee")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Tokens are created with `pantau token` (the key is shown once); here they are revoked."""

    list_display = ["name", "user", "scope", "prefix", "created_at", "last_used_at", "revoked"]
    list_filter = ["scope", "revoked"]
    fields = ["name", "user", "scope", "prefix", "created_at", "last_used_at", "revoked"]
    readonly_fields = ["name", "user", "scope", "prefix", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False
