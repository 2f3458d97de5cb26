"""API v1 for review and cases: the same services and permission checks as the web pages."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field, field_validator

from pantau.api.auth import READ_AUTH, WRITE_AUTH
from pantau.api.errors import errors
from pantau.api.fields import SkbItem, WholeNumber
from pantau.cases.errors import CaseError
from pantau.cases.next_steps import case_next_steps
from pantau.cases.review import (
    ConflictOfInterest,
    ReviewError,
    StaleFinding,
    finding_decide,
    review_queue,
    route_conflicts,
)
from pantau.cases.selectors import acting_role, case_get_for_user, cases_visible_to
from pantau.cases.services import case_act
from pantau.cases.timeline import employee_pattern
from pantau.core import text_limits
from pantau.core.cases import ladder
from pantau.core.cases.provisions import SKB_ITEMS
from pantau.core.detection.explain import shown_evidence
from pantau.monitoring.models import Category, Finding
from pantau.users.permissions import is_own_record
from pantau.users.roles import VIEW_POSTS, Role

# Writes by default; each read-only operation names READ_AUTH.
router = Router(tags=["review and cases"], auth=WRITE_AUTH)


class FindingOut(Schema):
    id: int
    status: str
    category: str
    score: float
    priority: float
    version: int
    employee_nip: str | None
    post_text: str
    post_url: str
    posted_at: dt.datetime | None
    evidence: list[dict]
    claims: list[dict]


def _finding_out(f: Finding) -> dict:
    result = f.scan.result if f.scan_id else {}
    return {
        "id": f.pk,
        "status": f.status,
        "category": f.top_category,
        "score": f.score,
        "priority": f.priority,
        "version": f.version,
        "employee_nip": f.employee.nip if f.employee_id else None,
        "post_text": f.post.text,
        "post_url": f.post.url,
        "posted_at": f.post.created_at,
        "evidence": shown_evidence((result or {}).get("evidence")),
        "claims": (result or {}).get("claims", []),
    }


def _reviewer(request) -> None:
    if request.user.role not in (Role.INSPECTOR, Role.HEAD):
        raise HttpError(403, "only inspectors and the inspectorate head review findings")


# A category, or "" for all of them.
CategoryOrAll = Literal[("", *Category.values)]


@router.get(
    "/findings",
    response={200: list[FindingOut], **errors(401, 403, 422)},
    summary="The review queue",
    auth=READ_AUTH,
)
def findings(
    request: HttpRequest,
    category: CategoryOrAll = "",
    limit: int = Query(50, ge=1, le=500),
):
    _reviewer(request)
    limit = max(1, min(limit, 500))
    # As the web queue: conflicts of interest go to another reviewer; one's own never shows.
    first = review_queue(user=request.user, category=category)[:limit]
    route_conflicts(user=request.user, findings=list(first))
    qs = review_queue(user=request.user, category=category)
    if request.user.employee_id:
        qs = qs.exclude(employee_id=request.user.employee_id)
    return [_finding_out(f) for f in qs.select_related("scan")[:limit]]


@router.get(
    "/findings/{finding_id}",
    response={200: FindingOut, **errors(401, 403, 404, 422)},
    summary="One finding",
    auth=READ_AUTH,
)
def finding(request: HttpRequest, finding_id: int):
    if not request.user.has_role_perm(VIEW_POSTS):
        raise HttpError(403, "your role does not see findings")
    return _finding_out(_visible_finding(request, finding_id))


def _visible_finding(request, finding_id: int) -> Finding:
    """The finding, or 404 when it is about the user's own employee record."""
    f = get_object_or_404(Finding.objects.select_related("post", "employee", "scan"), pk=finding_id)
    if is_own_record(request.user, f.employee_id):
        raise Http404
    return f


_REVIEW_ERROR_STATUS = {StaleFinding: 409, ConflictOfInterest: 403}
OUTCOMES = ["confirm", "dismiss", "protected", "not_attributable"]
SKB_NUMBERS = sorted(item.number for item in SKB_ITEMS)


class DecisionIn(Schema):
    outcome: str = Field(
        max_length=30,
        description="confirm, dismiss, protected or not_attributable",
        json_schema_extra={"enum": OUTCOMES},
    )
    reason: str = Field(min_length=1, max_length=text_limits.NOTE, pattern=r"\S")
    category: str = Field(
        "",
        max_length=30,
        description="the violation's category; required to confirm",
        json_schema_extra={"enum": ["", *Category.values]},
    )
    skb_item: SkbItem | None = Field(
        None, description="the SKB 11 item (1 to 11); required to confirm"
    )
    version: WholeNumber = Field(description="the finding's version you read (optimistic locking)")


class DecisionOut(Schema):
    decision_id: int
    finding_status: str
    finding_version: int


@router.post(
    "/findings/{finding_id}/decision",
    response={200: DecisionOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="Decide a finding (confirm, dismiss, protected criticism, not attributable)",
)
def decide(request: HttpRequest, finding_id: int, payload: DecisionIn):
    _reviewer(request)
    _visible_finding(request, finding_id)
    try:
        decision = finding_decide(
            finding_id=finding_id,
            expected_version=payload.version,
            reviewer=request.user,
            outcome=payload.outcome,
            reason=payload.reason,
            category=payload.category,
            skb_item=payload.skb_item,
        )
    except ReviewError as exc:  # the status follows the kind of error, never its wording
        raise HttpError(_REVIEW_ERROR_STATUS.get(type(exc), 422), str(exc)) from None
    f = Finding.objects.get(pk=finding_id)
    return {"decision_id": decision.pk, "finding_status": f.status, "finding_version": f.version}


class CaseOut(Schema):
    id: int
    employee_nip: str
    state: str
    version: int
    opened_at: dt.datetime
    your_role: str | None
    next_steps: list[str]
    deadlines: list[dict]


def _case_out(case, user) -> dict:
    role = acting_role(user, case)
    steps = [s.name for s in case_next_steps(user, case) if s.possible]  # as the case page
    return {
        "id": case.pk,
        "employee_nip": case.employee.nip,
        "state": case.state,
        "version": case.version,
        "opened_at": case.opened_at,
        "your_role": role,
        "next_steps": steps,
        "deadlines": [
            {"kind": d.kind, "due": d.due.isoformat(), "met": d.met_at is not None}
            for d in case.deadlines.all()
        ],
    }


@router.get(
    "/cases",
    response={200: list[CaseOut], **errors(401, 422)},
    summary="Cases you may see",
    auth=READ_AUTH,
)
def cases(request: HttpRequest, state: str = ""):
    qs = cases_visible_to(request.user)
    if state:
        qs = qs.filter(state=state)
    return [_case_out(c, request.user) for c in qs[:500]]


@router.get(
    "/cases/{case_id}",
    response={200: CaseOut, **errors(401, 404, 422)},
    summary="One case",
    auth=READ_AUTH,
)
def case(request: HttpRequest, case_id: int):
    return _case_out(case_get_for_user(user=request.user, case_id=case_id), request.user)


# A well-formed step the case refuses now (its state, or a rule not yet met) is a conflict with
# the case's current state: 409, as a stale version is. 422 stays for invalid input.
_CASE_ERROR_STATUS = {
    "stale": 409,
    "wrong_state": 409,
    "precondition_failed": 409,
    "no_role": 403,
    "role_not_allowed": 403,
}
STEP_NAMES = [t.name for t in ladder.TRANSITIONS] + [e.name for e in ladder.EVENTS]


class ActionIn(Schema):
    action: str = Field(
        max_length=100,
        description="a transition or event name of the ladder (see next_steps)",
        json_schema_extra={"enum": STEP_NAMES},
    )
    version: WholeNumber | None = None
    data: dict = Field(default_factory=dict, description="the step's input, e.g. summons_date")

    @field_validator("data")
    @classmethod
    def _texts_within_limits(cls, value: dict) -> dict:
        problems = text_limits.case_step_too_long(value)
        if problems:
            raise ValueError("; ".join(problems))
        return value


@router.post(
    "/cases/{case_id}/actions",
    response={200: CaseOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="Take a ladder step (transition or recorded event)",
)
def case_action(request: HttpRequest, case_id: int, payload: ActionIn):
    case_get_for_user(user=request.user, case_id=case_id)
    if payload.action == "record_response" and payload.data.get("attachments"):
        raise HttpError(422, "attachments go through the web form")
    try:
        updated = case_act(
            case_id=case_id,
            name=payload.action,
            actor=request.user,
            data=payload.data,
            expected_version=payload.version,
        )
    except CaseError as exc:
        status = _CASE_ERROR_STATUS.get(exc.code, 422)
        raise HttpError(status, str(exc)) from None
    except (KeyError, ValueError) as exc:
        raise HttpError(422, f"bad input: {exc}") from None
    return _case_out(updated, request.user)


class TextIn(Schema):
    text: str = Field(min_length=1, max_length=text_limits.LONG)


class AppealIn(TextIn):
    kind: str = Field(
        "objection",
        max_length=20,
        description="objection (keberatan) or appeal (banding)",
        json_schema_extra={"enum": ["objection", "appeal"]},
    )


@router.post(
    "/cases/{case_id}/responses",
    response={200: CaseOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="The employee's response",
)
def respond(request: HttpRequest, case_id: int, payload: TextIn):
    return case_action(
        request, case_id, ActionIn(action="record_response", data={"text": payload.text})
    )


@router.post(
    "/cases/{case_id}/appeals",
    response={200: CaseOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="Lodge an objection or appeal",
)
def appeal(request: HttpRequest, case_id: int, payload: AppealIn):
    return case_action(
        request,
        case_id,
        ActionIn(action="open_appeal", data={"text": payload.text, "kind": payload.kind}),
    )


class PatternOut(Schema):
    step: str
    score: float
    reasons_id: list[str]
    reasons_en: list[str]


@router.get(
    "/cases/{case_id}/pattern",
    response={200: PatternOut, **errors(401, 404, 422)},
    summary="Pattern or outburst: evidence for the examiner, not a verdict",
    auth=READ_AUTH,
)
def pattern(request: HttpRequest, case_id: int):
    c = case_get_for_user(user=request.user, case_id=case_id)
    if acting_role(request.user, c) == "employee":
        raise Http404
    p = employee_pattern(c.employee)
    return {
        "step": p.step,
        "score": p.score,
        "reasons_id": p.reasons_id,
        "reasons_en": p.reasons_en,
    }


@router.post(
    "/self-check",
    response={200: dict, **errors(400, 401, 403, 422)},
    summary="Check a draft post; nothing is stored",
    auth=READ_AUTH,
)
def self_check(request: HttpRequest, payload: TextIn):
    from pantau.monitoring.scanning import get_engine

    return get_engine().classify(payload.text)
