"""Cases: the list a user may see, a case's page with its ladder actions, and notifications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.audit.services import access_record
from pantau.cases import chronology
from pantau.cases.calendar import calendar
from pantau.cases.charge import findings_with_charges
from pantau.cases.errors import CaseError
from pantau.cases.forms import ActionForm, AppealForm, ResponseForm
from pantau.cases.models import Notification
from pantau.cases.next_steps import case_next_steps
from pantau.cases.selectors import acting_role, case_get_for_user, cases_visible_to
from pantau.cases.services import case_act
from pantau.cases.timeline import employee_pattern
from pantau.core.cases import ladder
from pantau.monitoring.models import Finding
from pantau.web.work import CASE_WAITING, cases_waiting

# Fields each action's form shows (the rest of ActionForm stays hidden).
ACTION_FIELDS = {
    "start_guidance": ["note"],
    "record_guidance": ["note"],
    "record_deletion_check": ["method", "result", "after_evidence"],
    "escalate_to_summons": ["summons_date", "exam_date"],
    "issue_second_summons": ["summons_date", "exam_date"],
    "record_attendance": ["present"],
    "form_examination_team": ["members"],
    "record_bap": ["bap_text", "refused"],
    "record_recommendation": ["provision", "impact", "note"],
    "record_decision": [
        "sanction_code",
        "other_level",
        "other_sanction_code",
        "decision_number",
        "decision_date",
        "reason",
    ],
    "record_receipt": ["receipt_date", "by_post"],
    "resolve_appeal": ["outcome", "new_sanction_code", "reason"],
    "return_recommendation": ["reason"],
    "decide_no_sanction": ["reason"],
    "dismiss_case": ["reason"],
}
EMPLOYEE_FORMS = {"record_response", "open_appeal", "withdraw_appeal", "confirm_deletion"}


@login_required
def case_list(request):
    qs = cases_visible_to(request.user)
    state = request.GET.get("state", "")
    if state == "open":
        qs = qs.exclude(state="closed")
    elif state:
        qs = qs.filter(state=state)
    waiting = request.GET.get("waiting", "")
    if waiting not in CASE_WAITING:
        waiting = ""
    qs = cases_waiting(qs, waiting)
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/case_list.html",
        {
            "page": page,
            "state": state,
            "states": [s.value for s in ladder.State],
            "waiting": waiting,
            "waiting_label": CASE_WAITING[waiting][1] if waiting else "",
            "query": query.urlencode(),
        },
    )


def _actions(user, case):
    """The case's next steps for this person: forms for those possible now, the reason for the
    others (``cases.next_steps``)."""
    exclude = frozenset({"add_finding"})
    if acting_role(user, case) == "employee":
        exclude |= EMPLOYEE_FORMS  # the employee has their own forms on the page
    return [
        {
            "name": step.name,
            "label": step.label,
            "fields": ACTION_FIELDS.get(step.name, []),
            "is_transition": step.is_transition,
            "waiting": step.waiting,
            "form": _action_form(step.name, case) if step.possible else None,
        }
        for step in case_next_steps(user, case, exclude=exclude)
    ]


def _action_form(name: str, case) -> ActionForm:
    """The step's form; a summons shows the examination date's two bounds (Pasal 26 ayat (2));
    the decision offers the recommended level's sanctions, another level only with a reason."""
    form = ActionForm(auto_id=f"{name}-%s", case=case)
    if name in ("escalate_to_summons", "issue_second_summons"):
        letter = timezone.localdate()
        window = chronology.exam_window(letter)
        form.initial = {"summons_date": letter, "exam_date": window.earliest}
        exam = form.fields["exam_date"]
        exam.widget.attrs.update(
            {"min": window.earliest.isoformat(), "max": window.latest.isoformat()}
        )
        exam.help_text = _(
            "For a letter dated %(letter)s: from %(earliest)s (%(notice)d working days to deliver "
            "the letter) to %(latest)s at the latest (7 working days, PP 94/2021 Pasal 26 ayat (2))."
        ) % {
            "letter": date_format(letter, "j F Y"),
            "earliest": date_format(window.earliest, "j F Y"),
            "latest": date_format(window.latest, "j F Y"),
            "notice": chronology.min_notice(),
        }
    return form


@login_required
def case_detail(request, case_id: int):
    case = case_get_for_user(user=request.user, case_id=case_id)
    access_record(user=request.user, obj=case)
    role = acting_role(request.user, case)
    findings = Finding.objects.filter(casefinding__case=case).select_related("post", "scan")
    cal = calendar()
    today = timezone.localdate()
    deadlines = [(d, cal.working_days_between(today, d.due)) for d in case.deadlines.all()]
    appeal_end = cal.deadline("objection", case.receipt_date) if case.receipt_date else None
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "role": role,
            "findings": findings_with_charges(case, findings),
            "steps": case.steps.select_related("actor"),
            "deadlines": deadlines,
            "responses": case.responses.prefetch_related("attachments"),
            "appeals": case.appeals.all(),
            "actions": _actions(request.user, case),
            "pattern": employee_pattern(case.employee) if role != "employee" else None,
            "response_form": ResponseForm(),
            "appeal_form": AppealForm(),
            "appeal_end": appeal_end,
            "today": timezone.localdate(),
            "can_respond": role == "employee" and case.is_open,
            "can_confirm_deletion": role == "employee"
            and case.state in ("guidance", "deletion_check"),
            "can_appeal": role == "employee" and case.state == "delivered",
            "can_withdraw": role == "employee" and case.state == "appeal",
        },
    )


def _field_errors(form) -> str:
    """Each error with the label of its field, e.g. "Your response: at most 20000 characters"."""
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        parts += [f"{label}: {e}" if label else str(e) for e in errors]
    return "; ".join(parts)


@require_POST
@login_required
def case_action(request, case_id: int):
    case = case_get_for_user(user=request.user, case_id=case_id)
    name = request.POST.get("action", "")
    if name == "record_response":
        form = ResponseForm(request.POST, request.FILES)
        valid = form.is_valid()
        data = {"text": form.cleaned_data.get("text", "")} if valid else {}
        if valid and request.FILES.getlist("attachments"):
            data["attachments"] = request.FILES.getlist("attachments")
    elif name == "open_appeal":
        form = AppealForm(request.POST)
        valid = form.is_valid()
        data = form.cleaned_data if valid else {}
    else:
        form = ActionForm(request.POST, case=case)
        valid = form.is_valid()
        data = form.action_data() if valid else {}
        if name == "withdraw_appeal":
            data["text"] = data.get("reason", "")
    if not valid:
        messages.error(request, _field_errors(form))
        return redirect("case_detail", case_id=case.pk)
    try:
        case_act(
            case_id=case.pk,
            name=name,
            actor=request.user,
            data=data,
            expected_version=form.cleaned_data.get("version") or None,
        )
    except CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Recorded."))
    return redirect("case_detail", case_id=case.pk)


@login_required
def notifications(request):
    items = Notification.objects.filter(user=request.user).select_related("case")[:100]
    Notification.objects.filter(user=request.user, read_at__isnull=True, requires_ack=False).update(
        read_at=timezone.now()
    )
    return render(request, "cases/notifications.html", {"items": items})


@require_POST
@login_required
def notification_ack(request, notification_id: int):
    note = get_object_or_404(Notification, pk=notification_id, user=request.user)
    if note.case_id and note.requires_ack and note.acknowledged_at is None:
        try:
            case_act(case_id=note.case_id, name="acknowledge", actor=request.user)
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Acknowledged."))
    return redirect("notifications")
