"""Who may export each list, and its rows, through the same selectors and filters as the page.

Every ``*_rows(user, params)`` returns ``(headers, rows)``: headers through gettext, rows as an
iterator over the list's own queryset (``iterator()`` keeps memory flat on long lists).
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from pantau.audit.models import AccessLog
from pantau.cases.labels import STATES
from pantau.cases.selectors import cases_visible_to
from pantau.monitoring.models import ClaimEntry, Complaint, ImportRun
from pantau.registry.models import Unit
from pantau.users.roles import (
    EXPORT_REGISTRY,
    IMPORT_POSTS,
    VIEW_ALL_EMPLOYEES,
    VIEW_AUDIT,
    VIEW_COMPLAINTS,
    VIEW_POSTS,
    VIEW_REPORTER,
    Role,
)


def search(qs, q: str, fields: list[str]):
    """The list pages' free-text search: any of ``fields`` contains ``q``."""
    q = (q or "").strip()
    if not q:
        return qs
    cond = Q()
    for name in fields:
        cond |= Q(**{f"{name}__icontains": q})
    return qs.filter(cond)


def _perm(perm: str):
    return lambda user: user.has_role_perm(perm)


employees_allowed = _perm(EXPORT_REGISTRY)
units_allowed = _perm(VIEW_ALL_EMPLOYEES)
complaints_allowed = _perm(VIEW_COMPLAINTS)
claims_allowed = _perm(VIEW_POSTS)
imports_allowed = _perm(IMPORT_POSTS)
audit_allowed = _perm(VIEW_AUDIT)


def queue_allowed(user) -> bool:
    return user.role in (Role.INSPECTOR, Role.HEAD)


def cases_allowed(user) -> bool:
    return user.is_authenticated and user.role != Role.ADMIN


def employee_rows(user, params):
    from pantau.registry.forms import EmployeeFilterForm
    from pantau.registry.selectors import employee_search

    form = EmployeeFilterForm(params or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = employee_search(user=user, **{k: v or "" for k, v in filters.items()})
    headers = [_("NIP"), _("Name"), _("Position"), _("Grade"), _("Unit code"), _("Unit"),
               _("Direct supervisor (NIP)"), _("E-mail"), _("Active"), _("Accounts")]  # fmt: skip
    rows = (
        [e.nip, e.full_name, e.position, e.grade, e.unit.code, e.unit.name,
         e.supervisor.nip if e.supervisor else "", e.email, e.active, e.account_count]
        for e in qs.iterator(chunk_size=500)
    )  # fmt: skip
    return headers, rows


def unit_rows(user, params):
    qs = Unit.objects.select_related("parent", "head").order_by("code")
    headers = [_("Code"), _("Name"), _("Kind"), _("Parent unit"), _("Head"), _("Active")]
    rows = (
        [u.code, u.name, u.get_kind_display(), u.parent.code if u.parent else "",
         u.head.full_name if u.head else "", u.active]
        for u in qs
    )  # fmt: skip
    return headers, rows


def queue_rows(user, params):
    from pantau.cases.forms import ReviewFilterForm
    from pantau.cases.review import review_queue

    form = ReviewFilterForm(params or None)
    filters = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v}
    qs = review_queue(user=user, **filters)
    headers = [_("Finding"), _("Priority"), _("Category"), _("Score"), _("Employee"), _("NIP"),
               _("Unit"), _("Platform"), _("Account"), _("Posted"), _("Found"), _("Source"),
               _("Text")]  # fmt: skip
    rows = (
        [f.pk, round(f.priority, 4), f.get_top_category_display(), round(f.score, 4),
         f.employee.full_name if f.employee else "", f.employee.nip if f.employee else "",
         f.employee.unit.name if f.employee else "", f.post.get_platform_display(),
         f.post.handle, f.post.created_at, f.created_at, f.get_source_display(), f.post.text]
        for f in qs.iterator(chunk_size=500)
    )  # fmt: skip
    return headers, rows


def case_rows(user, params):
    qs = cases_visible_to(user)
    state = (params or {}).get("state", "")
    if state == "open":
        qs = qs.exclude(state="closed")
    elif state:
        qs = qs.filter(state=state)
    headers = [_("Case"), _("Employee"), _("NIP"), _("Unit"), _("Step"), _("Opened"),
               _("Closed"), _("Inspector in charge"), _("Recommended level"), _("Sanction"),
               _("Decision date")]  # fmt: skip
    rows = (
        [c.pk, c.employee.full_name, c.employee.nip, c.employee.unit.name,
         str(STATES.get(c.state, c.state)), c.opened_at, c.closed_at,
         str(c.assigned_to) if c.assigned_to else "", c.recommended_level, c.sanction_code,
         c.decision_date]
        for c in qs.iterator(chunk_size=500)
    )  # fmt: skip
    return headers, rows


def complaint_rows(user, params):
    show_reporter = user.has_role_perm(VIEW_REPORTER)
    qs = Complaint.objects.select_related("post").order_by("-created_at")
    headers = [_("Reference number"), _("Received"), _("Category"), _("Platform"), _("Account"),
               _("Link"), _("Status"), _("Reason"), _("Anonymous")]  # fmt: skip
    if show_reporter:
        headers += [_("Reporter name"), _("Reporter contact")]
    rows = []
    for c in qs.iterator(chunk_size=500):
        row = [c.reference, c.created_at, c.get_category_display(), c.get_platform_display(),
               c.handle, c.post_url, c.get_status_display(), c.reason, c.anonymous]  # fmt: skip
        if show_reporter:
            row += ["", ""] if c.anonymous else [c.reporter_name, c.reporter_contact]
        rows.append(row)
    return headers, rows


def claim_rows(user, params):
    qs = search(
        ClaimEntry.objects.all(), (params or {}).get("q", ""), ["text", "claim_id", "topic"]
    )
    headers = [_("Identifier"), _("Claim"), _("Verdict"), _("Date of the debunk"), _("Topic"),
               _("Fact-checker"), _("Link to the debunk"), _("Active")]  # fmt: skip
    rows = (
        [c.claim_id, c.text, c.get_verdict_display(), c.date, c.topic, c.source_name,
         c.source_url, c.active]
        for c in qs.iterator(chunk_size=500)
    )  # fmt: skip
    return headers, rows


def import_rows(user, params):
    qs = ImportRun.objects.select_related("started_by")
    headers = [_("Started"), _("Finished"), _("Format"), _("File"), _("Status"), _("Imported"),
               _("Duplicates"), _("Skipped"), _("Errors"), _("Started by")]  # fmt: skip
    rows = (
        [r.started_at, r.finished_at, r.format, r.source_name, r.get_status_display(),
         r.imported, r.duplicates, r.skipped, r.error_count,
         str(r.started_by) if r.started_by else ""]
        for r in qs.iterator(chunk_size=500)
    )  # fmt: skip
    return headers, rows


def audit_rows(user, params):
    from pantau.web.audit_filters import AuditFilterForm, filtered_entries

    qs = filtered_entries(AuditFilterForm(params or None))  # the page's filters, as shown
    headers = [_("Sequence"), _("Time"), _("Who"), _("Action"), _("Object type"), _("Object id"),
               _("Object"), _("Reason"), _("IP address"), _("Hash")]  # fmt: skip
    rows = (
        [e.seq, e.created_at, e.actor_repr, e.action, e.object_type, e.object_id, e.object_repr,
         e.reason, e.ip_address, e.hash]
        for e in qs.iterator(chunk_size=1000)
    )  # fmt: skip
    return headers, rows


def access_rows(user, params):
    qs = search(AccessLog.objects.all(), (params or {}).get("q", ""),
                ["user_repr", "object_repr", "object_id"])  # fmt: skip
    headers = [_("Time"), _("Who"), _("Action"), _("Object type"), _("Object id"), _("Object"),
               _("Detail"), _("IP address")]  # fmt: skip
    rows = (
        [e.created_at, e.user_repr, e.get_action_display(), e.object_type, e.object_id,
         e.object_repr, e.detail, e.ip_address]
        for e in qs.iterator(chunk_size=1000)
    )  # fmt: skip
    return headers, rows
