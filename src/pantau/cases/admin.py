"""Admin for the holiday table that the working-day clock reads; every change is audited."""

from django.contrib import admin

from pantau.audit.admin_mixins import AuditedAdminMixin
from pantau.cases.models import Holiday


@admin.register(Holiday)
class HolidayAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """National holidays and cuti bersama, each with the decree that sets it."""

    list_display = ["date", "name", "kind", "source"]
    list_filter = ["kind", ("date", admin.DateFieldListFilter)]
    search_fields = ["name", "source"]
    date_hierarchy = "date"
    ordering = ["date"]
    fields = ["date", "name", "kind", "source"]
