"""Upload a units, employees or accounts file: check it (dry run), then import it."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pantau.registry.forms import RegistryImportForm
from pantau.registry.imports import RegistryImportError, registry_import
from pantau.users.permissions import role_perm_required
from pantau.users.roles import IMPORT_REGISTRY


@role_perm_required(IMPORT_REGISTRY)
def registry_import_view(request):
    form = RegistryImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        commit = form.cleaned_data["action"] == "commit"
        try:
            report = registry_import(
                kind=form.cleaned_data["kind"],
                data=upload.read(),
                name=upload.name,
                dry_run=not commit,
                actor=request.user,
            )
        except RegistryImportError as exc:
            form.add_error("file", str(exc))
        else:
            if report.committed:
                messages.success(
                    request,
                    _("Imported %(rows)d rows: %(c)d new, %(u)d updated.")
                    % {"rows": report.rows, "c": report.created, "u": report.updated},
                )
                return redirect("registry_import")
            if report.ok:
                messages.info(
                    request,
                    _("The file is valid: %(rows)d rows can be imported.") % {"rows": report.rows},
                )
    return render(request, "registry/import.html", {"form": form, "report": report})
