"""What each ladder step changes on the case, beyond its state (called by services.case_act).

Each handler takes the case, the actor and the action's input, changes the case in memory
(saved by the caller), may create related rows, and returns (before, after, recipients) for the
audit entry and the notifications.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.cases import chronology
from pantau.cases.calendar import calendar, today
from pantau.cases.errors import CaseError
from pantau.cases.models import Appeal, Attachment, Case, Deadline, DeletionCheck, Response
from pantau.core.cases.provisions import Impact
from pantau.core.cases.sanctions import (
    SANCTIONS,
    Sanction,
    ordered_sanctions,
    recommend_level,
    sanction,
)
from pantau.monitoring.models import Finding

EVERYONE = ["employee", "supervisor", "inspectors"]
Result = tuple[dict, dict, list[str]]


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _deadline(case: Case, kind: str, start: dt.date, who: str) -> Deadline:
    info = calendar().deadline_info(kind, start)
    return Deadline.objects.create(
        case=case,
        kind=kind,
        due=info.due,
        responsible_role=who,
        legal_basis=info.period.basis[:200],
    )


def _meet(case: Case, *kinds: str) -> None:
    case.deadlines.filter(kind__in=kinds, met_at__isnull=True).update(met_at=timezone.now())


def start_guidance(case, actor, data) -> Result:
    case.guidance_at = timezone.now()
    case.guidance_note = str(data.get("note") or data.get("reason") or "")
    case.deletion_due = _deadline(case, "deletion", today(), "employee").due
    Deadline.objects.create(
        case=case,
        kind="supervisor_ack",
        due=calendar().add_working_days(today(), 3),
        responsible_role="supervisor",
        legal_basis="PP 94/2021 Pasal 26–28",
    )
    return {}, {"deletion_due": case.deletion_due}, EVERYONE


def record_guidance(case, actor, data) -> Result:
    case.guidance_note = (case.guidance_note + "\n" + str(data.get("note", ""))).strip()
    return {}, {"note": data.get("note", "")}, []


def confirm_deletion(case, actor, data) -> Result:
    case.deletion_reported_at = timezone.now()
    return {}, {"deletion_reported_at": case.deletion_reported_at}, ["inspectors"]


def record_deletion_check(case, actor, data) -> Result:
    """Re-check every post of the case; refetch where the source allows, else as recorded."""
    from pantau.cases.recheck import recheck_post

    method = data.get("method", "confirmation")
    results = []
    for finding in Finding.objects.filter(casefinding__case=case).select_related("post"):
        after, result = str(data.get("after_evidence", "")), data.get("result")
        if method == "refetch":
            check = recheck_post(finding.post)
            if check.result is None:
                raise CaseError(
                    _(
                        "This post's source cannot be fetched again (%s); record the employee's "
                        "confirmation and your own check instead."
                    )
                    % check.evidence,
                    "bad_input",
                )
            after, result = check.evidence, check.result
        result = result or DeletionCheck.Result.STILL_THERE
        DeletionCheck.objects.create(
            case=case,
            finding=finding,
            method=method,
            before_text=finding.post.text,
            before_sha256=hashlib.sha256(finding.post.text.encode()).hexdigest(),
            after_evidence=after,
            after_sha256=hashlib.sha256(after.encode()).hexdigest(),
            result=result,
            checked_by=actor,
        )
        results.append(result)
    if results and all(r == DeletionCheck.Result.DELETED for r in results):
        case.deletion_verified_at = timezone.now()
        _meet(case, "deletion")
    return {}, {"results": results, "method": method}, []


def confirm_attribution(case, actor, data) -> Result:
    case.attribution_confirmed_by, case.attribution_confirmed_at = actor, timezone.now()
    return {}, {"attribution_confirmed": True}, []


def approve_escalation(case, actor, data) -> Result:
    case.head_approved_by, case.head_approved_at = actor, timezone.now()
    return {}, {"head_approved": True}, ["inspectors"]


def acknowledge(case, actor, data) -> Result:
    case.supervisor_acknowledged_at = timezone.now()
    case.notifications.filter(user=actor, requires_ack=True, acknowledged_at__isnull=True).update(
        acknowledged_at=timezone.now(), read_at=timezone.now()
    )
    _meet(case, "supervisor_ack")
    return {}, {"acknowledged_by": actor.pk}, ["inspectors"]


def _summons(case, data, number: int) -> Result:
    if not data.get("summons_date") or not data.get("exam_date"):
        raise CaseError("the summons needs the letter date and the examination date", "bad_input")
    case.summons_count = number
    case.summons_date = _date(data["summons_date"])
    case.exam_date = _date(data["exam_date"])
    case.present_at_exam = False
    _meet(case, "deletion", "exam")
    Deadline.objects.create(
        case=case,
        kind="exam",
        due=case.exam_date,
        responsible_role="supervisor",
        legal_basis="PP 94/2021 Pasal 26",
    )
    return (
        {},
        {"summons": number, "summons_date": case.summons_date, "exam_date": case.exam_date},
        EVERYONE,
    )


def escalate_to_summons(case, actor, data) -> Result:
    return _summons(case, data, 1)


def issue_second_summons(case, actor, data) -> Result:
    return _summons(case, data, 2)


def record_attendance(case, actor, data) -> Result:
    present = str(data.get("present", "")).lower() in {"1", "true", "yes", "on"}
    case.present_at_exam = present
    if not present:
        case.absences += 1
        _deadline(case, "summons_2", case.exam_date or today(), "inspector")
    _meet(case, "exam")
    return {}, {"present": present, "absences": case.absences}, []


def form_examination_team(case, actor, data) -> Result:
    case.team_formed, case.team_members = True, str(data.get("members", ""))
    return {}, {"team": case.team_members}, ["inspectors"]


def record_bap(case, actor, data) -> Result:
    case.bap_text = str(data.get("bap_text", ""))
    case.bap_recorded_at = timezone.now()
    case.bap_refused_to_sign = str(data.get("refused", "")).lower() in {"1", "true", "on", "yes"}
    return (
        {},
        {
            "bap_sha256": hashlib.sha256(case.bap_text.encode()).hexdigest(),
            "refused_to_sign": case.bap_refused_to_sign,
        },
        [],
    )


def record_refusal_to_sign(case, actor, data) -> Result:
    case.bap_refused_to_sign = True
    return {}, {"refused_to_sign": True}, []


def record_recommendation(case, actor, data) -> Result:
    from django.conf import settings

    pairs = [(code, Impact(impact)) for code, impact in data.get("provisions", [])]
    if not pairs:
        raise CaseError(_("Choose at least one provision that was breached."), "bad_input")
    previous = [
        c.sanction_code
        for c in Case.objects.filter(employee=case.employee)
        .exclude(pk=case.pk)
        .exclude(sanction_code="")
        .order_by("decision_date")
    ]
    rec = recommend_level(
        pairs,
        previous_sanctions=previous,
        medium_catalogue=getattr(settings, "PANTAU_MEDIUM_CATALOGUE", "pp53"),
    )
    case.recommended_level = rec.level.value
    case.recommendation = {
        "level": rec.level.value,
        "reasons": rec.reasons,
        "reasons_id": rec.reasons_id,
        "legal_basis": rec.legal_basis,
        "team_required": rec.team_required,
        "provisions": [[c, i.value] for c, i in pairs],
        "note": str(data.get("note", "")),
        "sanctions": [
            {
                "code": s.code,
                "name_id": s.name_id,
                "name_en": s.name_en,
                "legal_basis": s.legal_basis,
            }
            for s in rec.sanctions
        ],
    }
    case.recommendation_approved_at = None
    return {}, {"recommendation": case.recommendation}, []


def approve_recommendation(case, actor, data) -> Result:
    case.recommendation_approved_at = timezone.now()
    return {}, {"approved_by": actor.pk}, []


def recommend(case, actor, data) -> Result:
    return {}, {"level": case.recommended_level}, ["decider", "supervisor"]


def record_decision(case, actor, data) -> Result:
    before = {"sanction": case.sanction_code, "number": case.decision_number}
    chosen = sanction(data["sanction_code"])
    case.sanction_code = chosen.code
    case.decision_number = str(data.get("decision_number", ""))
    case.decision_date = _date(data.get("decision_date") or today())
    case.decision_reason = str(data.get("reason", ""))
    case.decided_by = actor
    case.deadlines.filter(kind="decision_delivery", met_at__isnull=True).delete()
    _deadline(case, "decision_delivery", case.decision_date, "decider")
    return (
        before,
        {
            "sanction": chosen.code,
            "level": chosen.level.value,
            "number": case.decision_number,
            "date": case.decision_date,
        },
        ["inspectors"],
    )


def record_receipt(case, actor, data) -> Result:
    case.receipt_date = _date(data.get("receipt_date") or today())
    case.receipt_by_post = str(data.get("by_post", "")).lower() in {"1", "true", "on", "yes"}
    return {}, {"receipt_date": case.receipt_date, "by_post": case.receipt_by_post}, []


def deliver_decision(case, actor, data) -> Result:
    _meet(case, "decision_delivery")
    kind = "appeal" if case.sanction_code == "honourable_dismissal" else "objection"
    _deadline(case, kind, case.receipt_date, "employee")
    return {}, {"in_force": calendar().in_force_dates(case.receipt_date)["latest"]}, EVERYONE


def open_appeal(case, actor, data) -> Result:
    kind = data.get("kind", Appeal.Kind.OBJECTION)
    decide_kind = "appeal_decision" if kind == Appeal.Kind.APPEAL else "objection_decision"
    appeal = Appeal.objects.create(
        case=case,
        kind=kind,
        text=str(data["text"]),
        filed_by=actor,
        decide_by=calendar().deadline(decide_kind, today()),
    )
    _meet(case, "objection", "appeal")
    Deadline.objects.create(
        case=case,
        kind=decide_kind,
        due=appeal.decide_by,
        responsible_role="decider",
        legal_basis="PP 79/2021",
    )
    return (
        {},
        {"appeal": appeal.pk, "kind": kind, "decide_by": appeal.decide_by},
        ["decider", "inspectors"],
    )


def _severity(s: Sanction) -> tuple[int, int]:
    """Level first, then the place within the level's catalogue (Pasal 8 lists a < b < c)."""
    same = [x for x in SANCTIONS[s.level] if x.catalogue == s.catalogue]
    return (s.level.rank, same.index(s))


def _new_sanction(case, outcome: str, data) -> Sanction:
    """The sanction a lightened (or heavier) objection outcome imposes instead; CaseError if
    it is missing, unknown, not in force, or not lighter (heavier) than the one decided."""
    from django.conf import settings

    lighter = outcome == Appeal.Outcome.LIGHTENED
    code = str(data.get("new_sanction_code") or "").strip()
    if not code:
        raise CaseError(
            _("Choose the new, lighter sanction the objection decision imposes.")
            if lighter
            else _("Choose the new, heavier sanction the objection decision imposes."),
            "bad_input",
        )
    catalogue = getattr(settings, "PANTAU_MEDIUM_CATALOGUE", "pp53")
    try:
        new = sanction(code)
    except KeyError:
        new = None
    if new is None or new not in ordered_sanctions(medium_catalogue=catalogue):
        raise CaseError(
            _("The new sanction %(code)s is not a sanction in force (PP 94/2021 Pasal 8).")
            % {"code": code},
            "bad_input",
        )
    old = sanction(case.sanction_code)
    if lighter and _severity(new) >= _severity(old):
        raise CaseError(
            _("The new sanction (%(new)s) is not lighter than the one decided (%(old)s).")
            % {"new": new.name_id, "old": old.name_id},
            "bad_input",
        )
    if not lighter and _severity(new) <= _severity(old):
        raise CaseError(
            _("The new sanction (%(new)s) is not heavier than the one decided (%(old)s).")
            % {"new": new.name_id, "old": old.name_id},
            "bad_input",
        )
    return new


def resolve_appeal(case, actor, data) -> Result:
    outcome = data.get("outcome")
    if outcome not in set(Appeal.Outcome.values) - {Appeal.Outcome.WITHDRAWN}:
        raise CaseError(_("Choose the outcome of the objection or appeal."), "bad_input")
    before: dict = {}
    after: dict = {}
    if outcome in (Appeal.Outcome.LIGHTENED, Appeal.Outcome.HEAVIER):
        new = _new_sanction(case, outcome, data)
        before = {"sanction": case.sanction_code}
        after = {"sanction": new.code, "level": new.level.value}
        case.sanction_code = new.code
    appeal = case.appeals.filter(outcome="").latest("filed_at")
    appeal.outcome, appeal.outcome_note = outcome, str(data.get("reason", ""))
    appeal.decided_by, appeal.decided_at = actor, timezone.now()
    appeal.save(update_fields=["outcome", "outcome_note", "decided_by", "decided_at"])
    _meet(case, "objection_decision", "appeal_decision")
    return before, {"appeal": appeal.pk, "outcome": appeal.outcome, **after}, EVERYONE


def withdraw_appeal(case, actor, data) -> Result:
    appeal = case.appeals.filter(outcome="").latest("filed_at")
    appeal.outcome, appeal.outcome_note = Appeal.Outcome.WITHDRAWN, str(data.get("text", ""))
    appeal.decided_at = timezone.now()
    appeal.save(update_fields=["outcome", "outcome_note", "decided_at"])
    _meet(case, "objection_decision", "appeal_decision")
    return {}, {"appeal": appeal.pk, "outcome": "withdrawn"}, ["decider", "inspectors"]


def _checked_uploads(uploads) -> list[tuple[object, str]]:
    """Each upload with its SHA-256, after checking its size (before reading) and its content."""
    from django.conf import settings

    from pantau.core.attachments import AttachmentError, check_attachment

    limit = int(getattr(settings, "PANTAU_ATTACHMENT_MAX_MB", 10)) * 1024 * 1024
    out = []
    for upload in uploads:
        name = upload.name[:200]
        if upload.size is not None and upload.size > limit:
            raise CaseError(
                _("%(name)s is larger than %(mb)d MB.") % {"name": name, "mb": limit // 2**20},
                "bad_input",
            )
        content = upload.read()
        upload.seek(0)
        try:
            checked = check_attachment(name, content, max_bytes=limit)
        except AttachmentError:
            raise CaseError(
                _("%(name)s is not a PDF or an image (PNG, JPEG, WebP) Pantau can read.")
                % {"name": name},
                "bad_input",
            ) from None
        out.append((upload, checked.sha256))
    return out


def record_response(case, actor, data) -> Result:
    uploads = _checked_uploads(data.get("attachments", []) or [])  # before anything is stored
    response = Response.objects.create(case=case, author=actor, text=str(data.get("text", "")))
    for upload, sha256 in uploads:
        Attachment.objects.create(
            response=response, file=upload, name=upload.name[:200], sha256=sha256
        )
    return (
        {},
        {"response": response.pk, "attachments": response.attachments.count()},
        ["inspectors"],
    )


def _close(case, actor, data) -> Result:
    return {}, {"reason": data.get("reason", "")}, EVERYONE


def _nothing(case, actor, data) -> Result:
    return {}, {}, []


HANDLERS: dict[str, Callable[[Case, object, dict], Result]] = {
    "start_guidance": start_guidance,
    "record_guidance": record_guidance,
    "confirm_deletion": confirm_deletion,
    "record_deletion_check": record_deletion_check,
    "confirm_attribution": confirm_attribution,
    "approve_escalation": approve_escalation,
    "acknowledge": acknowledge,
    "escalate_to_summons": escalate_to_summons,
    "issue_second_summons": issue_second_summons,
    "record_attendance": record_attendance,
    "form_examination_team": form_examination_team,
    "record_bap": record_bap,
    "record_refusal_to_sign": record_refusal_to_sign,
    "record_recommendation": record_recommendation,
    "approve_recommendation": approve_recommendation,
    "recommend": recommend,
    "record_decision": record_decision,
    "record_receipt": record_receipt,
    "deliver_decision": deliver_decision,
    "open_appeal": open_appeal,
    "resolve_appeal": resolve_appeal,
    "withdraw_appeal": withdraw_appeal,
    "record_response": record_response,
    "close_after_guidance": _close,
    "decide_no_sanction": _close,
    "close_without_appeal": _close,
    "dismiss_case": _close,
}


def apply(name: str, *, case: Case, actor, data: dict) -> Result:
    chronology.check(name, case, data)  # dates that contradict the case's other dates: refused
    return HANDLERS.get(name, _nothing)(case, actor, data)
