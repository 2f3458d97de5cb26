"""Read-only admin for posts (posts are evidence: they are not edited)."""

from django.contrib import admin

from pantau.monitoring.models import Post


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["platform", "handle", "created_at", "kind", "text"]
    list_filter = ["platform", "kind"]
    search_fields = ["handle", "text", "post_id"]
    readonly_fields = [f.name for f in Post._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
