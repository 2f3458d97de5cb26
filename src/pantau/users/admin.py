"""Admin for users: role and employee link, second-factor reset; changes go to the audit log.

Second-factor devices are listed without their secret: django-otp's own admin (which shows and
edits the TOTP key and its QR code) is replaced. The only thing the administrator can do to a
device is reset it, from the user or the device list, through ``users.services.totp_reset``:
audited, and the user is told in the app and by e-mail.
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import transaction
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

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


if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.action(description=_("Reset second factor (audited; the user is told by e-mail)"))
def reset_second_factor(modeladmin, request, queryset):
    owners = {device.user for device in queryset.select_related("user")}
    for owner in owners:
        try:
            with transaction.atomic():
                totp_reset(user=owner, actor=request.user)
        except UserError as exc:
            modeladmin.message_user(request, str(exc), messages.ERROR)
            return
    modeladmin.message_user(
        request,
        gettext("Second factor reset for %(n)d user(s).") % {"n": len(owners)},
        messages.SUCCESS,
    )


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    """Devices without their key: listed and looked at, reset only through the audited action."""

    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "name"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields
    actions = [reset_second_factor]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
