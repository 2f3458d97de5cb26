"""Importing posts from the web: upload, background import, a progress page."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pantau.monitoring.background import import_in_background
from pantau.monitoring.forms import PostImportForm
from pantau.monitoring.models import ImportRun
from pantau.users.permissions import role_perm_required
from pantau.users.roles import IMPORT_POSTS


@role_perm_required(IMPORT_POSTS)
def post_import_view(request):
    form = PostImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > settings.PANTAU_IMPORT_MAX_BYTES:
            form.add_error(
                "file",
                _("The file is larger than %d MB; import it with `pantau import`.")
                % (settings.PANTAU_IMPORT_MAX_BYTES // (1024 * 1024)),
            )
        else:
            folder = Path(settings.MEDIA_ROOT) / "imports" / uuid.uuid4().hex
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / Path(upload.name).name
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            if settings.CELERY_BROKER_URL:
                from pantau.monitoring.tasks import import_file_task

                import_file_task.delay(
                    str(path),
                    form.cleaned_data["format"],
                    form.cleaned_data["handle"] or None,
                    request.user.pk,
                )
                messages.info(request, _("The import has started; it appears in the list below."))
                return redirect("post_import")
            ready, holder = threading.Event(), {}
            import_in_background(
                path=path,
                format=form.cleaned_data["format"],
                handle=form.cleaned_data["handle"],
                actor_id=request.user.pk,
                run_ready=ready,
                holder=holder,
            )
            ready.wait(timeout=15)
            if holder.get("run_id"):
                return redirect("post_import_run", run_id=holder["run_id"])
            if holder.get("error"):
                form.add_error("file", holder["error"])
            else:
                messages.info(request, _("The import has started; it appears in the list below."))
                return redirect("post_import")
    runs = Paginator(ImportRun.objects.all(), 20).get_page(request.GET.get("page"))
    return render(request, "monitoring/post_import.html", {"form": form, "page": runs})


@role_perm_required(IMPORT_POSTS)
def post_import_run(request, run_id):
    run = get_object_or_404(ImportRun, pk=run_id)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "status": run.status,
                "imported": run.imported,
                "duplicates": run.duplicates,
                "skipped": run.skipped,
                "errors": run.error_count,
                "message": run.message,
            }
        )
    problems = run.problems.all()[:200]
    return render(request, "monitoring/post_import_run.html", {"run": run, "problems": problems})
