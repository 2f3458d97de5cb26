"""The review queue and a finding's page: evidence, the employee's history, the decision."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pantau.audit.services import access_record
from pantau.cases.forms import ReviewFilterForm, ReviewForm
from pantau.cases.review import (
    ReviewError,
    finding_decide,
    review_queue,
    route_conflicts,
)
from pantau.cases.timeline import employee_pattern
from pantau.monitoring.models import Finding
from pantau.monitoring.scanning import NOTES as SCAN_NOTES
from pantau.users.permissions import is_own_record, role_perm_required, roles_required
from pantau.users.roles import VIEW_POSTS, Role


@roles_required(Role.INSPECTOR, Role.HEAD, Role.AUDITOR)  # the auditor reads, never decides
def queue(request):
    form = ReviewFilterForm(request.GET or None)
    filters = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v}
    page = Paginator(review_queue(user=request.user, **filters), 25).get_page(
        request.GET.get("page")
    )
    # The rows shown are checked for conflicts of interest; routed ones leave the queue, so the
    # page is read again (and its newcomers checked) until it holds none.
    while request.user.role != Role.AUDITOR and route_conflicts(  # reading writes nothing
        user=request.user, findings=list(page)
    ):
        page = Paginator(review_queue(user=request.user, **filters), 25).get_page(page.number)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "cases/queue.html", {"form": form, "page": page, "query": query.urlencode()}
    )


@role_perm_required(VIEW_POSTS)
def finding_detail(request, finding_id: int):
    finding = get_object_or_404(
        Finding.objects.select_related(
            "post", "post__account", "employee", "employee__unit", "scan"
        ),
        pk=finding_id,
    )
    if is_own_record(request.user, finding.employee_id):
        raise Http404
    can_decide = request.user.role in (Role.INSPECTOR, Role.HEAD)
    form = ReviewForm(
        request.POST or None, initial={"version": finding.version, "category": finding.top_category}
    )
    if request.method == "POST":
        if not can_decide:
            return render(request, "403.html", status=403)
        if form.is_valid():
            data = form.cleaned_data
            try:
                finding_decide(
                    finding_id=finding.pk,
                    expected_version=data["version"],
                    reviewer=request.user,
                    outcome=data["outcome"],
                    reason=data["reason"],
                    category=data["category"],
                    skb_item=data["skb_item"],
                )
            except ReviewError as exc:
                messages.error(request, str(exc))
                return redirect("finding_detail", finding_id=finding.pk)
            messages.success(request, _("Decision saved."))
            return redirect("review_queue")
    access_record(user=request.user, obj=finding)
    result = finding.scan.result if finding.scan_id else {}
    history = []
    pattern = None
    if finding.employee_id:
        history = (
            Finding.objects.filter(employee=finding.employee)
            .exclude(pk=finding.pk)
            .select_related("post")
            .order_by("-created_at")[:20]
        )
        pattern = employee_pattern(finding.employee)
    return render(
        request,
        "cases/finding.html",
        {
            "finding": finding,
            "post": finding.post,
            "result": result or {},
            "evidence": (result or {}).get("evidence", []),
            "claims": (result or {}).get("claims", []),
            "notes": [SCAN_NOTES[n] for n in (result or {}).get("notes", []) if n in SCAN_NOTES],
            "history": history,
            "pattern": pattern,
            "form": form,
            "can_decide": can_decide,
            "decisions": finding.decisions.select_related("reviewer"),
        },
    )
