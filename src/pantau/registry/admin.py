"""Admin for units, employees, accounts and declared conflicts of interest; every change is audited."""

from django.contrib import admin

from pantau.audit.admin_mixins import AuditedAdminMixin
from pantau.registry.models import Account, DeclaredConflict, Employee, Unit
from pantau.web.url_fields import WEB_URL_OVERRIDES


@admin.register(Unit)
class UnitAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "head", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent", "head"]


class AccountInline(admin.TabularInline):
    model = Account
    extra = 0
    fields = ["platform", "handle", "url", "state", "verified_by", "verified_at", "note"]
    formfield_overrides = WEB_URL_OVERRIDES
    readonly_fields = ["verified_by", "verified_at"]


@admin.register(Employee)
class EmployeeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["nip", "name", "position", "grade", "unit", "active"]
    list_filter = ["active", "grade", "unit"]
    search_fields = ["nip", "name", "position"]
    autocomplete_fields = ["unit", "supervisor"]
    inlines = [AccountInline]

    def save_formset(self, request, form, formset, change):
        from pantau.audit.services import audit_record, snapshot

        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            audit_record(
                action=f"{obj._meta.label_lower}.deleted",
                actor=request.user,
                before=snapshot(obj),
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                object_repr=str(obj),
                reason="admin",
            )
            obj.delete()
        for obj in instances:
            created = obj.pk is None
            before = None if created else snapshot(type(obj).objects.get(pk=obj.pk))
            obj.save()
            audit_record(
                action=f"{obj._meta.label_lower}.{'created' if created else 'updated'}",
                obj=obj,
                actor=request.user,
                before=before,
                after=snapshot(obj),
                reason="admin",
            )
        formset.save_m2m()


@admin.register(Account)
class AccountAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["handle", "platform", "employee", "state", "verified_by", "verified_at"]
    list_filter = ["platform", "state"]
    search_fields = ["handle", "employee__name", "employee__nip"]
    autocomplete_fields = ["employee"]
    readonly_fields = ["verified_by", "verified_at"]
    formfield_overrides = WEB_URL_OVERRIDES


@admin.register(DeclaredConflict)
class DeclaredConflictAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["person", "subject", "kind", "recorded_by", "created_at"]
    list_filter = ["kind"]
    search_fields = ["person__name", "person__nip", "subject__name", "subject__nip"]
    autocomplete_fields = ["person", "subject"]
    readonly_fields = ["recorded_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
