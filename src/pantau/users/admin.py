"""Admin for users: role and employee link, second-factor reset; changes go to the audit log."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pantau.audit.admin_mixins import AuditedAdminMixin
from pantau.users.models import ApiToken, User
from pantau.users.services import UserError, totp_reset


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
    actions = ["reset_second_factor"]

    @admin.action(description=_("Reset two-step verification (lost authenticator app)"))
    def reset_second_factor(self, request, queryset):
        """Each reset is audited and the user told in the app and by e-mail."""
        for user in queryset:
            try:
                totp_reset(user=user, actor=request.user)
            except UserError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return
        count = len(queryset)
        text = ngettext(
            "Two-step verification reset for %(count)d user, who was notified.",
            "Two-step verification reset for %(count)d users; each was notified.",
            count,
        )
        self.message_user(request, text % {"count": count}, messages.SUCCESS)


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Tokens are created with `pantau token` (the key is shown once); here they are revoked."""

    list_display = ["name", "user", "scope", "prefix", "created_at", "last_used_at", "revoked"]
    list_filter = ["scope", "revoked"]
    fields = ["name", "user", "scope", "prefix", "created_at", "last_used_at", "revoked"]
    readonly_fields = ["name", "user", "scope", "prefix", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False
