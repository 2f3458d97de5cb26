"""A ModelAdmin mixin that writes every admin create, change and delete to the audit log."""

from __future__ import annotations

from pantau.audit.services import audit_changes, audit_record, snapshot


class AuditedAdminMixin:
    """Records before/after snapshots in the admin's own transaction."""

    def save_model(self, request, obj, form, change):
        before = None
        if change and obj.pk:
            before = snapshot(type(obj).objects.get(pk=obj.pk))
        super().save_model(request, obj, form, change)
        after = snapshot(obj)
        before, after = audit_changes(before, after)
        action = f"{obj._meta.label_lower}.{'updated' if change else 'created'}"
        audit_record(
            action=action, obj=obj, actor=request.user, before=before, after=after, reason="admin"
        )

    def delete_model(self, request, obj):
        before = snapshot(obj)
        label, pk, text = obj._meta.label_lower, str(obj.pk), str(obj)
        super().delete_model(request, obj)
        audit_record(
            action=f"{label}.deleted",
            actor=request.user,
            before=before,
            object_type=label,
            object_id=pk,
            object_repr=text,
            reason="admin",
        )

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class AccessLoggedAdminMixin:
    """Writes an access-log entry (detail "admin") each time an object's admin page is opened,
    as the app's own pages do for the same records."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from django.contrib.admin.utils import unquote

        from pantau.audit.services import access_record

        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                access_record(user=request.user, obj=obj, detail="admin")
        return response
