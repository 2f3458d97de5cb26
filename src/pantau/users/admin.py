"""Admin for users: role and employee link; changes go to the audit log.

Second-factor devices are listed without their secret: django-otp's own admin (which shows and
edits the TOTP key and its QR code) is replaced. The only thing the administrator can do to a
device is the "reset second factor" action, which is audited and tells the user by e-mail.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from pantau.audit.admin_mixins import AuditedAdminMixin
from pantau.audit.services import audit_record
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


if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


def _tell_user_of_reset(user, actor) -> None:
    if not user.email:
        return
    send_mail(
        gettext("Pantau: your second factor was reset"),
        gettext(
            "The administrator %(actor)s removed your authenticator (TOTP) from Pantau. At your "
            "next login you will set up a new one. If you did not ask for this, tell the "
            "inspectorate at once."
        )
        % {"actor": actor.get_username()},
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


@admin.action(description=_("Reset second factor (audited; the user is told by e-mail)"))
def reset_second_factor(modeladmin, request, queryset):
    count = 0
    for device in queryset.select_related("user"):
        with transaction.atomic():
            audit_record(
                action="users.second_factor_reset",
                obj=device.user,
                actor=request.user,
                before={"device": device.name, "confirmed": device.confirmed},
                reason="admin",
            )
            device.delete()
        _tell_user_of_reset(device.user, request.user)
        count += 1
    modeladmin.message_user(
        request,
        gettext("Second factor reset for %(n)d device(s).") % {"n": count},
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
