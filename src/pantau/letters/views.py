"""Letter pages: a case's letters, issuing and correcting, and the PDF/DOCX downloads.

Thin views over :mod:`pantau.letters.services` and :mod:`pantau.letters.selectors`: outsiders
get 404 (the case or letter is not theirs to see), users who may see but not issue get 403, and
every download is recorded in the access log (``action="export"``) after its file has been
checked against the SHA-256 stored at issue.
"""

from __future__ import annotations

import hashlib
import io
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.audit.services import access_record
from pantau.cases.selectors import case_get_for_user
from pantau.letters.errors import LetterError
from pantau.letters.forms import LetterCorrectForm, LetterIssueForm
from pantau.letters.selectors import letter_get_for_user
from pantau.letters.services import issuable_kinds, letter_correct, letter_issue

logger = logging.getLogger(__name__)
FORMATS = {
    "pdf": ("pdf", "pdf_sha256", "application/pdf"),
    "docx": (
        "docx",
        "docx_sha256",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


def _back(request, case_id: int):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(reverse("letters:case_letters", args=[case_id]))


@login_required
def case_letters(request, case_id: int):
    case = case_get_for_user(user=request.user, case_id=case_id)
    return render(request, "letters/case_letters.html", {"case": case})


@require_POST
@login_required
def letter_issue_view(request, case_id: int):
    case = case_get_for_user(user=request.user, case_id=case_id)
    kinds = issuable_kinds(request.user, case)
    if request.POST.get("kind") not in kinds:
        raise PermissionDenied
    form = LetterIssueForm(request.POST, kinds=kinds)
    if not form.is_valid():
        problems = "; ".join(
            f"{form.fields[f].label}: {' '.join(e)}"
            for f, e in form.errors.items()
            if f in form.fields
        )
        messages.error(
            request, _("The letter was not issued. %(problems)s") % {"problems": problems}
        )
        return _back(request, case.pk)
    try:
        letter = letter_issue(
            case=case,
            kind=form.cleaned_data["kind"],
            actor=request.user,
            language=form.cleaned_data["language"],
            extra=form.extra(),
        )
    except LetterError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Letter %(number)s issued.") % {"number": letter.number})
    return _back(request, case.pk)


@require_POST
@login_required
def letter_correct_view(request, letter_id: int):
    letter = letter_get_for_user(user=request.user, letter_id=letter_id)
    if letter.kind not in issuable_kinds(request.user, letter.case):
        raise PermissionDenied
    form = LetterCorrectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the correction."))
        return _back(request, letter.case_id)
    try:
        new = letter_correct(
            letter=letter, actor=request.user, extra={"reason": form.cleaned_data["reason"]}
        )
    except LetterError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Letter %(new)s issued; it corrects %(old)s.")
            % {"new": new.number, "old": letter.number},
        )
    return _back(request, letter.case_id)


@login_required
def letter_download(request, letter_id: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    letter = letter_get_for_user(user=request.user, letter_id=letter_id)
    field, sha_field, content_type = FORMATS[fmt]
    stored = getattr(letter, field)
    if not stored:
        raise Http404
    with stored.open("rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != getattr(letter, sha_field):
        logger.error("letter %s: stored %s does not match its SHA-256", letter.pk, fmt)
        return HttpResponse(
            _("The stored file does not match its checksum and was not sent."),
            status=409,
            content_type="text/plain; charset=utf-8",
        )
    access_record(user=request.user, obj=letter, action="export", detail=fmt)
    return FileResponse(
        io.BytesIO(data),
        content_type=content_type,
        as_attachment=True,
        filename=f"{letter.file_stem}.{fmt}",
    )
