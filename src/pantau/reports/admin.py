"""Drift alerts in the Django admin: read-only, since raising and acknowledging are audited."""

from django.contrib import admin

from pantau.reports.models import DriftAlert


@admin.register(DriftAlert)
class DriftAlertAdmin(admin.ModelAdmin):
    list_display = ("raised_at", "category", "model_version", "baseline_share", "recent_share",
                    "acknowledged_at", "acknowledged_by")  # fmt: skip
    list_filter = ("category",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
