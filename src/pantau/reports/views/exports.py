"""``/laporan/ekspor/<list>.<csv|xlsx>?<the list's filters>``: one view for every list export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse

from pantau.reports.exports import LISTS, list_export


@login_required
def list_export_view(request, key: str, fmt: str):
    spec = LISTS.get(key)
    if spec is None or fmt not in ("csv", "xlsx"):
        raise Http404
    if not spec.allowed(request.user):
        raise PermissionDenied
    data, name, content_type = list_export(user=request.user, key=key, fmt=fmt, params=request.GET)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
