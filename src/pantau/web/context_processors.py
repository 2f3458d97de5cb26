"""Navigation entries for the current user's role."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pantau.users.roles import (
    IMPORT_POSTS,
    IMPORT_REGISTRY,
    VIEW_AUDIT,
    VIEW_COMPLAINTS,
    Role,
)


def navigation(request) -> dict:
    from django.conf import settings

    org = {"PANTAU_ORGANISATION": settings.PANTAU_ORGANISATION}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], **org}
    items = [(reverse("home"), _("Home"))]
    from pantau.reports.scope import can_see_dashboard

    if can_see_dashboard(user):
        items.append((reverse("reports:dashboard"), _("Dashboard")))
    if user.role in (Role.SUPERVISOR,):
        items.append((reverse("employee_list"), _("My staff")))
    elif user.role == Role.EMPLOYEE:
        if user.employee_id:
            items.append((reverse("employee_detail", args=[user.employee.nip]), _("My record")))
    else:
        items.append((reverse("employee_list"), _("Employees")))
        items.append((reverse("unit_tree"), _("Units")))
    if user.role in (Role.INSPECTOR, Role.HEAD):
        items.append((reverse("review_queue"), _("Review")))
    if user.role != Role.ADMIN:
        items.append(
            (
                reverse("case_list") if user.role != Role.EMPLOYEE else reverse("my_case"),
                _("Cases") if user.role != Role.EMPLOYEE else _("My case"),
            )
        )
    if user.has_role_perm(VIEW_COMPLAINTS):
        items.append((reverse("complaint_list"), _("Complaints")))
        items.append((reverse("claim_list"), _("Fact checks")))
    if user.has_role_perm(IMPORT_POSTS):
        items.append((reverse("post_import"), _("Import posts")))
    if user.has_role_perm(IMPORT_REGISTRY):
        items.append((reverse("registry_import"), _("Import registry")))
    if user.has_role_perm(VIEW_AUDIT):
        items.append((reverse("audit_log"), _("Audit log")))
    if user.role in (Role.INSPECTOR, Role.HEAD, Role.ADMIN, Role.AUDITOR):
        items.append((reverse("reports:model_monitoring"), _("Model monitoring")))
    if user.role == Role.ADMIN:
        items.append((reverse("admin:index"), _("Administration")))
    items.append((reverse("self_check"), _("Check a draft")))
    from pantau.cases.models import Notification

    unread = Notification.objects.filter(user=user, read_at__isnull=True).count()
    items.append(
        (
            reverse("notifications"),
            _("Notifications (%d)") % unread if unread else _("Notifications"),
        )
    )
    return {"nav_items": items, **org}
