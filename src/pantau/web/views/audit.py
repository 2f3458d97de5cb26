"""Audit log and access log pages (auditors, the inspectorate head and admins).

The audit log reads in words: events by name, people by name, times in the configured zone
(see ``pantau.web.audit_display``), filtered by person, case, date range and event, with the
filters kept in the URL so a view can be bookmarked or sent on.
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from pantau.audit.models import AccessLog
from pantau.audit.services import audit_verify
from pantau.users.permissions import role_perm_required
from pantau.users.roles import VIEW_AUDIT
from pantau.web.audit_display import Renderer
from pantau.web.audit_filters import AuditFilterForm, filtered_entries


def _search(qs, request, fields):
    q = request.GET.get("q", "").strip()
    if q:
        cond = Q()
        for f in fields:
            cond |= Q(**{f"{f}__icontains": q})
        qs = qs.filter(cond)
    return qs, q


@role_perm_required(VIEW_AUDIT)
def audit_log(request):
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("verify", None)
    form = AuditFilterForm(params or None)
    page = Paginator(filtered_entries(form), 50).get_page(request.GET.get("page"))
    verify = audit_verify() if request.GET.get("verify") else None
    return render(
        request,
        "audit/audit_log.html",
        {
            "page": page,
            "rows": Renderer(page.object_list).rows(),
            "form": form,
            "verify": verify,
            "query": params.urlencode(),
            "zone": timezone.localtime().tzname(),
        },
    )


@role_perm_required(VIEW_AUDIT)
def access_log(request):
    qs, q = _search(AccessLog.objects.all(), request, ["user_repr", "object_repr", "object_id"])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/access_log.html", {"page": page, "q": q})
