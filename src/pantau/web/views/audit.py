"""Audit log and access log pages (auditors, the inspectorate head and admins)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from pantau.audit.models import AccessLog, AuditEntry
from pantau.audit.services import audit_verify
from pantau.users.permissions import role_perm_required
from pantau.users.roles import VIEW_AUDIT


def _search(qs, request, fields):
    q = request.GET.get("q", "").strip()
    if q:
        from django.db.models import Q

        cond = Q()
        for f in fields:
            cond |= Q(**{f"{f}__icontains": q})
        qs = qs.filter(cond)
    return qs, q


@role_perm_required(VIEW_AUDIT)
def audit_log(request):
    qs, q = _search(AuditEntry.objects.all(), request, ["action", "actor_repr", "object_repr"])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    verify = audit_verify() if request.GET.get("verify") else None
    return render(request, "audit/audit_log.html", {"page": page, "q": q, "verify": verify})


@role_perm_required(VIEW_AUDIT)
def access_log(request):
    qs, q = _search(AccessLog.objects.all(), request, ["user_repr", "object_repr", "object_id"])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/access_log.html", {"page": page, "q": q})
