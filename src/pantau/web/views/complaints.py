"""Complaint pages: the public form and follow-up, and the inspectors' list and detail."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pantau.api.ratelimit import RateLimited, hit
from pantau.audit.context import client_ip
from pantau.audit.services import access_record
from pantau.monitoring.complaints import (
    ComplaintError,
    complaint_status,
    complaint_submit,
    read_screenshot,
    reporter_fingerprint,
)
from pantau.monitoring.forms import ComplaintForm, ComplaintLookupForm, refresh_challenge
from pantau.monitoring.models import Complaint
from pantau.users.permissions import role_perm_required
from pantau.users.roles import VIEW_COMPLAINTS, VIEW_REPORTER


def complaint_new(request):
    form = ComplaintForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        try:
            hit(
                f"complaint:{reporter_fingerprint(client_ip(request))}",
                limit=settings.PANTAU_COMPLAINT_RATE_PER_HOUR,
                window=3600,
            )
        except RateLimited:
            messages.error(request, _("Too many complaints from your address; try again later."))
            return render(request, "monitoring/complaint_form.html", {"form": form}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            upload = data.get("screenshot")
            try:
                complaint = complaint_submit(
                    post_url=data["post_url"],
                    handle=data["handle"],
                    category=data["category"],
                    reason=data["reason"],
                    screenshot=read_screenshot(upload),
                    screenshot_name=upload.name if upload else "",
                    anonymous=data["anonymous"],
                    reporter_name=data["reporter_name"],
                    reporter_contact=data["reporter_contact"],
                    actor=request.user if request.user.is_authenticated else None,
                )
            except ComplaintError as exc:
                form.add_error(None, str(exc))
            else:
                request.session["complaint_reference"] = complaint.reference
                return redirect("complaint_sent")
        refresh_challenge(form)
    return render(request, "monitoring/complaint_form.html", {"form": form})


def complaint_sent(request):
    reference = request.session.get("complaint_reference")
    if not reference:
        return redirect("complaint_new")
    return render(request, "monitoring/complaint_sent.html", {"reference": reference})


def complaint_lookup(request):
    form = ComplaintLookupForm(request.GET or None)
    complaint = None
    if form.is_bound and form.is_valid():
        try:
            hit(f"lookup:{reporter_fingerprint(client_ip(request))}", limit=30, window=600)
        except RateLimited:
            messages.error(request, _("Too many look-ups; try again later."))
            return render(request, "monitoring/complaint_lookup.html", {"form": form}, status=429)
        complaint = complaint_status(reference=form.cleaned_data["reference"])
        if complaint is None:
            form.add_error("reference", _("No complaint has this reference number."))
    return render(
        request, "monitoring/complaint_lookup.html", {"form": form, "complaint": complaint}
    )


@role_perm_required(VIEW_COMPLAINTS)
def complaint_list(request):
    qs = Complaint.objects.all()  # the list shows no post: none is loaded
    status = request.GET.get("status", "")
    if status in Complaint.Status.values:
        qs = qs.filter(status=status)
    else:
        status = ""
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = f"status={status}" if status else ""
    return render(
        request,
        "monitoring/complaint_list.html",
        {"page": page, "status": status, "statuses": Complaint.Status.choices, "query": query},
    )


@role_perm_required(VIEW_COMPLAINTS)
def complaint_detail(request, reference: str):
    complaint = (
        Complaint.objects.select_related("post__finding").filter(reference=reference).first()
    )
    if complaint is None:
        raise Http404
    show_reporter = request.user.has_role_perm(VIEW_REPORTER)
    access_record(
        user=request.user, obj=complaint, detail="with reporter identity" if show_reporter else ""
    )
    return render(
        request,
        "monitoring/complaint_detail.html",
        {"complaint": complaint, "show_reporter": show_reporter},
    )


@role_perm_required(VIEW_COMPLAINTS)
def complaint_screenshot(request, reference: str):
    from django.http import FileResponse

    complaint = Complaint.objects.filter(reference=reference).first()
    if complaint is None or not complaint.screenshot:
        raise Http404
    access_record(user=request.user, obj=complaint, detail="screenshot")
    return FileResponse(complaint.screenshot.open("rb"))
