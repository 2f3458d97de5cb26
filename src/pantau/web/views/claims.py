"""The fact-check register: list and search, add and edit, import, and hoax waves."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pantau.monitoring.claim_forms import ClaimForm, ClaimImportForm
from pantau.monitoring.claims import ClaimImportError, claim_index, claim_save, claims_import
from pantau.monitoring.models import ClaimEntry, Finding
from pantau.users.permissions import role_perm_required, roles_required
from pantau.users.roles import VIEW_POSTS, Role


@role_perm_required(VIEW_POSTS)
def claim_list(request):
    q = request.GET.get("q", "").strip()
    qs = ClaimEntry.objects.all()
    if q:
        qs = qs.filter(Q(text__icontains=q) | Q(claim_id__icontains=q) | Q(topic__icontains=q))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    can_edit = request.user.role in (Role.INSPECTOR, Role.HEAD)
    return render(
        request,
        "monitoring/claim_list.html",
        {
            "page": page,
            "q": q,
            "query": f"q={q}" if q else "",
            "can_edit": can_edit,
            "import_form": ClaimImportForm(),
        },
    )


@roles_required(Role.INSPECTOR, Role.HEAD)
def claim_edit(request, claim_pk: int | None = None):
    entry = get_object_or_404(ClaimEntry, pk=claim_pk) if claim_pk else None
    form = ClaimForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            claim_save(entry=form.save(), actor=request.user)
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Claim saved."))
            return redirect("claim_list")
    return render(request, "monitoring/claim_form.html", {"form": form, "entry": entry})


@roles_required(Role.INSPECTOR, Role.HEAD)
def claim_import_view(request):
    form = ClaimImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = claims_import(
                path=upload.name, data=upload.read(), actor=request.user, name=upload.name
            )
        except ClaimImportError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("%(c)d new claims, %(u)d updated.") % {"c": report.created, "u": report.updated},
            )
    return redirect("claim_list")


@role_perm_required(VIEW_POSTS)
def waves(request):
    """Posts carrying the same claim, grouped: one wave per claim, with its spread."""
    from pantau.core.claims import group_waves

    findings = Finding.objects.filter(top_category="hoax").select_related("post", "employee__unit")
    by_post = {f.post_id: f for f in findings}
    posts = [(f.post_id, f.post.text, f.post.created_at or f.created_at) for f in findings]
    index = claim_index()
    rows = []
    for wave in group_waves(posts, index):
        members = [by_post[pid] for pid in wave.post_ids]
        units = sorted({m.employee.unit.name for m in members if m.employee_id})
        entry = ClaimEntry.objects.filter(claim_id=wave.claim_id).first()
        rows.append({"wave": wave, "claim": entry, "findings": members, "units": units})
    return render(request, "monitoring/waves.html", {"rows": rows})
