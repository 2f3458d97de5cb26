"""Gathering what a letter shows from the case, the letterhead and the issuer's input.

:func:`gather` returns plain JSON data: the letter's date, the organisation, the people
(employee, direct superior, examiner, signatory), the posts found, the provisions, and per kind
the examination, the first summons, the BAP, the recommendation or the sanction. It is copied
onto the ``Letter`` row and is the context of the letter's template, so what a letter says
never changes after issue. Every value is single-line (``markup.single_line``) so case data
cannot forge layout markup. It raises :class:`LetterError` when the case lacks what the kind
needs (no examination date for a summons, no BAP text, no recommendation, no sanction).
"""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _  # errors show in the reader's language

from pantau.cases.models import Case, CaseStep, ReviewDecision
from pantau.core.cases.provisions import PROVISIONS, Impact, skb_item
from pantau.core.cases.sanctions import Level, sanction
from pantau.core.nip import NipError, parse_nip
from pantau.letters import vocab
from pantau.letters.errors import LetterError
from pantau.letters.kinds import Kind, spec
from pantau.letters.markup import single_line as one
from pantau.letters.models import Letter, Letterhead
from pantau.monitoring.models import Category, Finding
from pantau.registry.models import Account

QUESTION = re.compile(
    r"^\s*(?:\d+[.)]\s*)?(?:p|t|q|tanya|pertanyaan|question)\s*[:.]\s*(.*)$", re.I
)
ANSWER = re.compile(r"^\s*(?:j|a|jawab|jawaban|answer)\s*[:.]\s*(.*)$", re.I)
QUOTE_LIMIT = 600


def _d(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def person(employee, language: str) -> dict:
    if employee is None:
        return {}
    info = employee.nip_info
    return {
        "name": one(employee.full_name),
        "nip": info.formatted() if info else employee.nip,
        "rank": vocab.rank(employee.grade),
        "position": one(employee.position) or "-",
        "unit": one(employee.unit.name),
    }


def letterhead_data(head: Letterhead) -> dict:
    keys = [
        "organisation",
        "unit_name",
        "address",
        "phone",
        "email",
        "website",
        "city",
        "signatory_title",
        "signatory_name",
        "signatory_nip",
        "signatory_rank",
        "decider_title",
        "decider_name",
    ]
    return {k: one(getattr(head, k)) for k in keys}


def _examiner(case: Case, actor, head: Letterhead, language: str) -> dict:
    user = case.assigned_to or (actor if actor.role in ("inspector", "head") else None)
    if user is not None and user.employee_id:
        return person(user.employee, language)
    unit = head.unit_name.title()
    if user is not None:
        return {
            "name": one(user.get_full_name() or user.get_username()),
            "nip": "-",
            "rank": "-",
            "position": vocab.label(language, "examiner_position", unit=unit),
            "unit": one(head.unit_name),
        }
    return {
        "name": one(head.signatory_name) or vocab.label(language, "unnamed"),
        "nip": one(head.signatory_nip) or "-",
        "rank": one(head.signatory_rank) or "-",
        "position": one(head.signatory_title),
        "unit": one(head.unit_name),
    }


def _findings(case: Case, language: str) -> list[dict]:
    rows = []
    qs = (
        Finding.objects.filter(casefinding__case=case)
        .select_related("post", "scan")
        .order_by("post__created_at", "pk")
    )
    platforms = dict(Account.Platform.choices)
    categories = dict(Category.choices)
    for n, f in enumerate(qs, start=1):
        text = one(f.post.text)
        if len(text) > QUOTE_LIMIT:
            text = text[: QUOTE_LIMIT - 1].rstrip() + "…"
        posted = timezone.localdate(f.post.created_at) if f.post.created_at else None
        rows.append(
            {
                "n": n,
                "platform": str(platforms.get(f.post.platform, f.post.platform)),
                "handle": one(f.post.handle),
                "url": one(f.post.url) or "-",
                "posted": vocab.date_text(posted, language),
                "text": text,
                "category": str(categories.get(f.top_category, f.top_category or "-")),
                "debunks": _debunks(f),
            }
        )
    return rows


def _debunks(finding: Finding) -> list[dict]:
    """The fact-checks a hoax finding matched: the link and the clarification, as registered."""
    from pantau.monitoring.models import ClaimEntry

    if finding.scan_id is None:
        return []
    matched = [c.get("claim_id") for c in (finding.scan.result or {}).get("claims") or []]
    entries = ClaimEntry.objects.filter(claim_id__in=[m for m in matched if m])
    return [
        {
            "url": one(e.source_url) or "-",
            "clarification": one(e.clarification),
            "source": one(e.source_name),
        }
        for e in entries
    ]


def _provision_codes(case: Case, extra: dict) -> list[str]:
    codes = [c for c in extra.get("provisions") or [] if c in PROVISIONS]
    if not codes and case.recommendation:
        codes = [c for c, _i in case.recommendation.get("provisions", []) if c in PROVISIONS]
    if not codes:
        items = ReviewDecision.objects.filter(
            finding__casefinding__case=case,
            outcome=ReviewDecision.Outcome.CONFIRM,
            skb_item__isnull=False,
        ).values_list("skb_item", flat=True)
        for number in items:
            try:
                codes.extend(skb_item(number).provisions)
            except KeyError:
                continue
    return list(dict.fromkeys(codes))


def _provisions(case: Case, extra: dict, language: str) -> tuple[list[dict], str]:
    rows = []
    for code in _provision_codes(case, extra):
        p = PROVISIONS[code]
        rows.append(
            {
                "code": code,
                "article": p.article.removeprefix("PP 94/2021 "),
                "text": p.short_id if language == "id" else p.short_en,
            }
        )
    text = vocab.join([r["article"] for r in rows], language) or "Pasal 3"
    return rows, text


def _summons_step(case: Case, name: str) -> dict:
    step = CaseStep.objects.filter(case=case, name=name).order_by("-created_at", "-id").first()
    return dict(step.data) if step else {}


def _exam(case: Case, kind: str, extra: dict, head: Letterhead, language: str) -> dict:
    after_exam = kind in (Kind.BAP, Kind.LHP)
    second = case.summons_count >= 2 if after_exam else kind == Kind.SUMMONS_2
    step = _summons_step(case, "issue_second_summons" if second else "escalate_to_summons")
    current = second == (case.summons_count >= 2)
    letter_date = _date(step.get("summons_date")) or (case.summons_date if current else None)
    exam_date = _date(step.get("exam_date")) or (case.exam_date if current else None)
    if after_exam:
        # The BAP and the LHP report the examination the summons set: its place, time and link
        # come from the summons letter as issued (or the summons step), never a default room.
        letter_date, exam_date = None, case.exam_date
        summons = _summons_letter(case, Kind.SUMMONS_2 if second else Kind.SUMMONS_1)
        if summons is not None:
            sent = summons.content.get("exam", {})
            step = {k: sent.get(k.removeprefix("exam_")) for k in ("exam_time", "exam_place")}
            step["exam_link"] = sent.get("link", "")
            extra = {}
    time = one(extra.get("exam_time") or step.get("exam_time") or head.exam_time)
    if time and not re.search(r"[A-Za-z]", time):
        time = f"{time} {vocab.zone_abbreviation(settings.TIME_ZONE)}"
    link = one(extra.get("exam_link") or step.get("exam_link"))
    return {
        "letter_date": _d(letter_date),
        "date": _d(exam_date),
        "date_text": vocab.date_text(exam_date, language),
        "day": vocab.day_name(exam_date, language),
        "time": time,
        "place": one(extra.get("exam_place") or step.get("exam_place") or head.exam_place),
        "link": link,
        "mode": vocab.label(language, "virtual" if link else "in_person"),
    }


def _summons_letter(case: Case, kind: str) -> Letter | None:
    """The newest summons of ``kind`` in force on the case (the Indonesian letter of record)."""
    return (
        Letter.objects.filter(
            case=case, kind=kind, corrections__isnull=True, translation_of__isnull=True
        )
        .order_by("-created_at", "-id")
        .first()
    )


def _first_summons(case: Case, language: str) -> dict:
    letter = _summons_letter(case, Kind.SUMMONS_1)
    if letter is not None:
        exam = letter.content.get("exam", {})
        first_date, missed = letter.letter_date, _date(exam.get("date"))
        number = letter.number
    else:
        step = _summons_step(case, "escalate_to_summons")
        first_date, missed = _date(step.get("summons_date")), _date(step.get("exam_date"))
        number = "-"
    if missed is None:
        raise LetterError(
            _("The second summons needs the first summons and its missed date."),
            "missing_first_summons",
        )
    return {
        "number": number,
        "date_text": vocab.date_text(first_date, language),
        "missed_date_text": vocab.date_text(missed, language),
        "missed_day": vocab.day_name(missed, language),
    }


def _bap(case: Case, language: str) -> dict:
    if not case.bap_text.strip():
        raise LetterError(_("Record the examination (BAP) on the case first."), "missing_bap")
    qa: list[dict] = []
    loose: list[str] = []
    target = None
    for raw in case.bap_text.splitlines():
        if not raw.strip():
            continue
        q, a = QUESTION.match(raw), ANSWER.match(raw)
        if q:
            qa.append({"n": len(qa) + 1, "q": one(q.group(1)), "a": ""})
            target = "q"
        elif a and qa:
            qa[-1]["a"] = one(f"{qa[-1]['a']} {a.group(1)}")
            target = "a"
        elif qa and target:
            qa[-1][target] = one(f"{qa[-1][target]} {raw}")
        else:
            loose.append(one(raw))
    on = case.exam_date or (
        timezone.localdate(case.bap_recorded_at) if case.bap_recorded_at else timezone.localdate()
    )
    return {
        "qa": qa,
        "paragraphs": loose,
        "refused": bool(case.bap_refused_to_sign),
        "date": _d(on),
        "date_text": vocab.date_text(on, language),
        "day": vocab.day_name(on, language),
        "day_words": vocab.words_id(on.day),
        "month": vocab.month_name(on, language),
        "year_words": vocab.words_id(on.year),
    }


def _recommendation(case: Case, language: str) -> dict:
    rec = case.recommendation
    if not rec:
        raise LetterError(
            _("Record the recommendation on the case first."), "missing_recommendation"
        )
    level = Level(rec.get("level") or case.recommended_level or "light")
    reasons = rec.get("reasons_id") if language == "id" else rec.get("reasons")
    names = [
        s.get("name_id" if language == "id" else "name_en", "") for s in rec.get("sanctions", [])
    ]
    impacts = [
        {
            "code": c,
            "article": PROVISIONS[c].article,
            "impact": Impact(i).label_id if language == "id" else Impact(i).label_en,
        }
        for c, i in rec.get("provisions", [])
        if c in PROVISIONS
    ]
    return {
        "level": level.value,
        "level_text": level.name_id if language == "id" else level.value,
        "reasons": [one(r) for r in reasons or []],
        "sanctions": [one(n) for n in names],
        "legal_basis": [one(b) for b in rec.get("legal_basis", [])],
        "impacts": impacts,
        "note": one(rec.get("note", "")),
        "team_required": bool(rec.get("team_required")),
    }


def _sanction(case: Case, language: str) -> dict:
    if not case.sanction_code:
        raise LetterError(
            _("Record the decision (the chosen sanction) on the case first."), "missing_decision"
        )
    s = sanction(case.sanction_code)
    return {
        "code": s.code,
        "name": s.name_id if language == "id" else s.name_en,
        "legal_basis": s.legal_basis,
        "level": s.level.value,
        "level_text": s.level.name_id if language == "id" else s.level.value,
        "months": s.months,
        "months_text": vocab.months_text(s.months, language),
        "dismissal": s.code == "honourable_dismissal",
    }


def _history(case: Case, language: str) -> dict:
    """The employee's record as facts: guidance given on this case and earlier sanctions.

    Letters state facts, provisions and the examiner's findings; the machine's pattern score
    and its thresholds never appear in them (issue 13).
    """
    guidance = (
        Letter.objects.filter(
            case=case, kind=Kind.GUIDANCE, corrections__isnull=True, translation_of__isnull=True
        )
        .order_by("-created_at", "-id")
        .first()
    )
    earlier = []
    for other in (
        Case.objects.filter(employee=case.employee)
        .exclude(pk=case.pk)
        .exclude(sanction_code="")
        .order_by("decision_date", "pk")
    ):
        try:
            s = sanction(other.sanction_code)
        except KeyError:
            continue
        earlier.append(
            {
                "sanction": s.name_id if language == "id" else s.name_en,
                "level_text": s.level.name_id if language == "id" else s.level.value,
                "number": one(other.decision_number) or "-",
                "date_text": vocab.date_text(other.decision_date, language),
            }
        )
    guided_on = timezone.localdate(case.guidance_at) if case.guidance_at else None
    return {
        "guidance_date_text": vocab.date_text(guided_on, language) if guided_on else "",
        "guidance_number": guidance.number if guidance else "",
        "deletion_due_text": vocab.date_text(case.deletion_due, language)
        if case.deletion_due
        else "",
        "earlier_sanctions": earlier,
    }


def _formatted_nip(raw: str) -> str:
    """A NIP typed on the letterhead, with the customary spaces when it parses."""
    try:
        return parse_nip(raw).formatted()
    except (NipError, ValueError):
        return one(raw)


def _signed_by(employee, title: str, language: str) -> dict:
    who = person(employee, language)
    return {"title": one(title) or who["position"], **{k: who[k] for k in ("name", "nip", "rank")}}


def _team_chair(case: Case):
    """The team's chair: the first member line that names a registry NIP (18 digits)."""
    from pantau.registry.models import Employee

    for line in case.team_members.splitlines():
        digits = re.sub(r"[\s.\-]", "", line)
        for nip in re.findall(r"\d{18}", digits):
            found = Employee.objects.select_related("unit").filter(nip=nip).first()
            if found is not None:
                return found
    return None


def _unit_head(unit_name: str):
    """The registry's head of the letterhead's unit (e.g. the Inspektur of "INSPEKTORAT"), the
    default signatory when the letterhead names nobody."""
    from pantau.registry.models import Unit

    unit = (
        Unit.objects.select_related("head__unit")
        .filter(name__iexact=unit_name.strip(), head__isnull=False)
        .first()
    )
    return unit.head if unit is not None else None


def _signatory(case: Case, kind: Kind, head: Letterhead, data: dict, language: str) -> dict:
    """Who signs (``kinds.Spec.signer``): name, pangkat/golongan and NIP from the registry."""
    rule = spec(kind).signer
    if rule == "summoner":
        if case.team_formed:
            chair = _team_chair(case)
            title = vocab.label(language, "team_chair")
            if chair is not None:
                return _signed_by(chair, title, language)
            examiner = data["examiner"]
            return {"title": title, **{k: examiner[k] for k in ("name", "nip", "rank")}}
        superior = case.employee.supervisor
        if superior is not None:
            return _signed_by(superior, superior.position, language)
    if rule == "decider":
        decider = case.decided_by.employee if case.decided_by_id else None
        decider = decider or head.decider_employee
        if decider is not None:
            return _signed_by(decider, head.decider_title, language)
        return {
            "title": data["org"]["decider_title"],
            "name": data["org"]["decider_name"] or vocab.label(language, "unnamed"),
            "nip": "",
            "rank": "",
        }
    signer = head.signatory_employee
    if signer is None and not head.signatory_name.strip():
        signer = _unit_head(head.unit_name)
    if signer is not None:
        return _signed_by(signer, head.signatory_title, language)
    return {
        "title": data["org"]["signatory_title"],
        "name": data["org"]["signatory_name"] or vocab.label(language, "unnamed"),
        "nip": _formatted_nip(head.signatory_nip),
        "rank": data["org"]["signatory_rank"],
    }


def letter_date_for(kind: str, case: Case, exam: dict | None, bap: dict | None) -> dt.date:
    source = spec(kind).date_from
    if source == "summons" and exam and exam.get("letter_date"):
        return dt.date.fromisoformat(exam["letter_date"])
    if source == "exam" and bap:
        return dt.date.fromisoformat(bap["date"])
    if source == "decision" and case.decision_date:
        return case.decision_date
    return timezone.localdate()


def gather(*, case: Case, kind: str, language: str, actor, extra: dict, head: Letterhead) -> dict:
    """Everything the letter shows (see the module docstring); raises LetterError."""
    with translation.override(language):
        return _gather(case, Kind(kind), language, actor, extra, head)


def _gather(case, kind, language, actor, extra, head) -> dict:
    provisions, provisions_text = _provisions(case, extra, language)
    data: dict = {
        "kind": kind.value,
        "language": language,
        "case": {"id": case.pk},
        "org": letterhead_data(head),
        "employee": person(case.employee, language),
        "supervisor": person(case.employee.supervisor, language),
        "examiner": _examiner(case, actor, head, language),
        "team": [one(m) for m in case.team_members.splitlines() if m.strip()],
        "findings": _findings(case, language),
        "provisions": provisions,
        "provisions_text": provisions_text,
        "note": one(extra.get("note", "")),
        "input": {k: one(v) for k, v in extra.items() if k != "provisions"},
    }
    exam = bap = None
    if kind in (Kind.SUMMONS_1, Kind.SUMMONS_2, Kind.BAP, Kind.LHP):
        exam = data["exam"] = _exam(case, kind, extra, head, language)
        if kind in (Kind.SUMMONS_1, Kind.SUMMONS_2) and not exam["date"]:
            raise LetterError(
                _("Record the summons (letter date and examination date) on the case first."),
                "missing_summons",
            )
    if kind == Kind.SUMMONS_2:
        data["first_summons"] = _first_summons(case, language)
    if kind in (Kind.BAP, Kind.LHP) and case.bap_text.strip():
        bap = data["bap"] = _bap(case, language)
    if kind == Kind.BAP and bap is None:
        _bap(case, language)  # raises: no BAP recorded
    if kind == Kind.LHP:
        data["recommendation"] = _recommendation(case, language)
        data["history"] = _history(case, language)
        data["attended"] = bool(case.present_at_exam)
        data["bap_refused"] = bool(case.bap_refused_to_sign)
    if kind == Kind.SK_DRAFT:
        data["sanction"] = _sanction(case, language)
        data["decision"] = {
            "number": one(case.decision_number),
            "date_text": vocab.date_text(case.decision_date, language),
        }
    if kind in (Kind.NOTA_DINAS_TEMUAN, Kind.GUIDANCE) and not data["findings"]:
        raise LetterError(_("The case has no findings to write about."), "missing_findings")
    if kind == Kind.GUIDANCE:
        data["deletion_due_text"] = vocab.date_text(case.deletion_due, language)
        data["guidance_note"] = one(case.guidance_note)
    on = letter_date_for(kind, case, exam, bap)
    if exam and exam.get("date") and kind in (Kind.SUMMONS_1, Kind.SUMMONS_2):
        if dt.date.fromisoformat(exam["date"]) < on:
            raise LetterError(
                _("The examination date is before the date of the letter."), "bad_dates"
            )
    signatory = _signatory(case, kind, head, data, language)
    data.update(
        {
            "date": on.isoformat(),
            "date_text": vocab.date_text(on, language),
            "place": data["org"]["city"],
            "place_date": f"{data['org']['city']}, {vocab.date_text(on, language)}",
            "signatory": signatory,
        }
    )
    return data
