"""Admin for monitoring: posts and import runs read-only; the watchlist edited through its service."""

from django import forms
from django.contrib import admin

from pantau.audit.admin import ReadOnlyAdmin as ReadOnly
from pantau.audit.admin_mixins import AccessLoggedAdminMixin, AuditedAdminMixin
from pantau.monitoring.models import (
    ClaimEntry,
    Complaint,
    FeedSource,
    Finding,
    ImportRun,
    Post,
    WatchlistEntry,
    WatchlistVersion,
)
from pantau.monitoring.watchlists import (
    WatchlistError,
    validate_entry,
    watchlist_entry_delete,
    watchlist_entry_save,
)
from pantau.web.url_fields import WEB_URL_OVERRIDES


class WatchlistEntryForm(forms.ModelForm):
    class Meta:
        model = WatchlistEntry
        fields = [
            "entry_id",
            "kind",
            "pattern",
            "category",
            "weight",
            "reason_id",
            "reason_en",
            "source",
            "active",
        ]

    def clean(self):
        data = super().clean()
        if "pattern" not in data:
            return data  # the field's own error is shown
        try:
            validate_entry(
                kind=data.get("kind", ""),
                pattern=data.get("pattern", ""),
                weight=data.get("weight") or 0.0,
            )
        except WatchlistError as exc:
            raise forms.ValidationError(str(exc)) from None
        return data


@admin.register(Post)
class PostAdmin(ReadOnly):
    list_display = ["platform", "handle", "created_at", "kind", "scan_state", "text"]
    list_filter = ["platform", "kind", "scan_state", "source", "deleted_by_author"]
    search_fields = ["handle", "text", "post_id", "shared_url", "shared_title"]


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnly):
    list_display = [
        "started_at",
        "format",
        "source_name",
        "status",
        "imported",
        "duplicates",
        "skipped",
        "error_count",
    ]
    list_filter = ["status", "format"]


@admin.register(Finding)
class FindingAdmin(AccessLoggedAdminMixin, ReadOnly):
    list_display = ["created_at", "top_category", "score", "priority", "status", "employee"]
    list_filter = ["top_category", "status", "source"]


@admin.register(Complaint)
class ComplaintAdmin(AccessLoggedAdminMixin, ReadOnly):
    """Without the reporter's identity: only inspectors and the head see it, in the app."""

    list_display = ["reference", "created_at", "category", "status", "anonymous"]
    list_filter = ["category", "status"]
    fields = [
        "reference",
        "created_at",
        "post_url",
        "platform",
        "handle",
        "category",
        "reason",
        "anonymous",
        "post",
        "status",
    ]
    exclude = ["reporter_name", "reporter_contact"]
    readonly_fields = fields


@admin.register(WatchlistVersion)
class WatchlistVersionAdmin(ReadOnly):
    list_display = ["number", "created_at", "created_by", "note", "sha256"]


@admin.register(WatchlistEntry)
class WatchlistEntryAdmin(admin.ModelAdmin):
    form = WatchlistEntryForm
    list_display = ["entry_id", "kind", "pattern", "category", "weight", "active"]
    list_filter = ["category", "kind", "active"]
    search_fields = ["entry_id", "pattern", "reason_id"]

    def save_model(self, request, obj, form, change):
        watchlist_entry_save(entry=obj, actor=request.user, note=f"admin: {obj.entry_id}")

    def delete_model(self, request, obj):
        watchlist_entry_delete(entry=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            watchlist_entry_delete(entry=obj, actor=request.user)


@admin.register(FeedSource)
class FeedSourceAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["kind", "url", "acct", "account", "active", "last_polled_at", "last_error"]
    list_filter = ["kind", "active", "error_permanent"]
    autocomplete_fields = ["account"]
    readonly_fields = [
        "cursor",
        "last_polled_at",
        "next_poll_at",
        "last_error",
        "error_permanent",
        "failures",
    ]
    formfield_overrides = WEB_URL_OVERRIDES


@admin.register(ClaimEntry)
class ClaimEntryAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Claims are withdrawn by deactivating them, never deleted (scans refer to them)."""

    list_display = ["claim_id", "verdict", "date", "source_name", "active"]
    formfield_overrides = WEB_URL_OVERRIDES

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return ["claim_id"] if obj else []

    list_filter = ["verdict", "active"]
    search_fields = ["claim_id", "text", "topic"]
