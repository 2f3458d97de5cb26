"""Issuing and correcting letters: one use case per function, one transaction each.

``letter_issue`` checks the actor's role on the case (``kinds.SPECS[...].issuers``), gathers the
content (:mod:`pantau.letters.content`), takes the next number, renders the active template of
the kind in the chosen language, copies everything onto the ``Letter`` row, renders the PDF and
DOCX from that row, stores both with their SHA-256, and writes ``letters.issued`` to the audit
log in the same transaction. A letter in another language than Indonesian is a translation of
the Indonesian letter in force of the same kind: it carries that letter's number and date and
says so ("Terjemahan / Translation of letter no. …"); it never takes a number of its own. The SK
draft carries the decision's number once the PPK has recorded it. ``letter_correct`` issues a new letter (new number) that points to
the old one; letters are never edited. Rendering reads only the row, so ``letter_render_files``
can also run later in a task and gives the same bytes.

The case row is locked while a letter is issued, so a letter cannot slip onto a case that is being
closed at the same moment; numbers come from :mod:`pantau.letters.numbering` in the same
transaction (a refused letter gives its number back). A database too busy to answer in time is a
clear "try again", not an error page.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError, OperationalError, transaction
from django.template import Context, Engine, TemplateDoesNotExist, TemplateSyntaxError
from django.utils import translation
from django.utils.translation import gettext as _

from pantau.audit.services import audit_record
from pantau.cases.errors import database_busy
from pantau.cases.models import Case
from pantau.cases.selectors import acting_role
from pantau.letters import content as gathering
from pantau.letters import vocab
from pantau.letters.defaults import letterhead_defaults
from pantau.letters.errors import LetterError
from pantau.letters.kinds import Kind, Language, spec
from pantau.letters.markup import single_line
from pantau.letters.models import Letter, Letterhead, LetterTemplate
from pantau.letters.numbering import NumberingError, next_number
from pantau.letters.pdf import render_pdf
from pantau.letters.word import render_docx

# A template engine that can reach nothing but its context: no loaders, no extra libraries.
ENGINE = Engine(dirs=[], app_dirs=False, libraries={}, autoescape=False)


def letterhead_get() -> Letterhead:
    from django.conf import settings

    head, _created = Letterhead.objects.get_or_create(
        pk=1, defaults=letterhead_defaults(settings.PANTAU_ORGANISATION)
    )
    return head


def template_for(kind: str, language: str) -> LetterTemplate:
    template = LetterTemplate.objects.filter(kind=kind, language=language, active=True).first()
    if template is None:
        raise LetterError(
            _("There is no active template for this kind of letter in this language."),
            "no_template",
        )
    return template


def original_for(case: Case, kind: str) -> Letter:
    """The Indonesian letter in force that an English copy translates; LetterError if none."""
    original = (
        Letter.objects.filter(
            case=case,
            kind=kind,
            language=Language.ID,
            translation_of__isnull=True,
            corrections__isnull=True,
        )
        .order_by("-created_at", "-id")
        .first()
    )
    if original is None:
        raise LetterError(
            _(
                "Issue the Indonesian letter first: a copy in another language is its translation "
                "and carries its number."
            ),
            "missing_original",
        )
    return original


def issuable_kinds(user, case: Case) -> list[str]:
    """The kinds ``user`` may issue on ``case`` (their acting role is among the issuers)."""
    role = acting_role(user, case) if user.is_authenticated and user.is_active else None
    return [k.value for k in Kind if role in spec(k).issuers]


def _check_may_issue(actor, case: Case, kind: str) -> None:
    if kind not in issuable_kinds(actor, case):
        raise LetterError(_("Your role may not issue this kind of letter."), "forbidden")
    if not case.is_open:
        raise LetterError(_("The case is closed: no more letters can be issued."), "closed")


def render_text(source: str, context: dict, *, what: str) -> str:
    """Render one template text with the letter's content as context."""
    try:
        return ENGINE.from_string(source).render(Context(context, autoescape=False))
    except (TemplateSyntaxError, TemplateDoesNotExist) as exc:
        raise LetterError(
            _("The template (%(part)s) has an error: %(error)s") % {"part": what, "error": exc},
            "template_error",
        ) from None


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def compose(template: LetterTemplate, content: dict) -> dict:
    """Render the template's parts into the content (title, addressee, body, copies…)."""
    with translation.override(content["language"]):
        parts = {
            "title": single_line(render_text(template.title, content, what="title")),
            "sifat": single_line(render_text(template.sifat, content, what="sifat")),
            "attachment": single_line(render_text(template.attachment, content, what="lampiran")),
            "addressee": _lines(render_text(template.addressee, content, what="addressee")),
            "body": render_text(template.body, content, what="body").strip(),
            "copies": [
                single_line(c)
                for c in _lines(render_text(template.copies, content, what="tembusan"))
            ],
        }
    return {**content, **parts}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def letter_render_files(letter: Letter) -> Letter:
    """Render the PDF and DOCX from the letter's own content and store them with SHA-256."""
    with translation.override(letter.language):
        pdf, docx = render_pdf(letter.content), render_docx(letter.content)
    letter.pdf.save(f"{letter.file_stem}.pdf", ContentFile(pdf), save=False)
    letter.docx.save(f"{letter.file_stem}.docx", ContentFile(docx), save=False)
    letter.pdf_sha256, letter.docx_sha256 = _sha256(pdf), _sha256(docx)
    letter.save(update_fields=["pdf", "pdf_sha256", "docx", "docx_sha256"])
    return letter


def letter_issue(
    *,
    case: Case,
    kind: str,
    actor,
    language: str = "id",
    extra: dict | None = None,
    corrects: Letter | None = None,
) -> Letter:
    """Issue a letter of ``kind`` on ``case`` in ``language`` (see the module docstring)."""
    try:
        return _issue(
            case=case, kind=kind, actor=actor, language=language, extra=extra, corrects=corrects
        )
    except OperationalError as exc:
        if database_busy(exc):
            raise LetterError(
                _("Someone else is changing this case right now; reload the page and try again."),
                "conflict",
            ) from None
        raise


@transaction.atomic
def _issue(*, case: Case, kind: str, actor, language: str, extra, corrects) -> Letter:
    if kind not in Kind.values:
        raise LetterError(_("Unknown kind of letter."), "bad_input")
    if language not in Language.values:
        raise LetterError(_("Unknown letter language."), "bad_input")
    extra = dict(extra or {})
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related(
            "employee__unit",
            "employee__supervisor__unit",
            "assigned_to__employee__unit",
            "decided_by__employee__unit",
        )
        .get(pk=case.pk)
    )
    _check_may_issue(actor, case, kind)
    template = template_for(kind, language)
    head = letterhead_get()
    original = None
    if language != Language.ID:
        if corrects is not None:
            raise LetterError(
                _("Correct the Indonesian letter, then issue its translation again."), "bad_input"
            )
        original = original_for(case, kind)
        codes = [p["code"] for p in original.content.get("provisions", [])]
        extra = {**original.content.get("input", {}), "provisions": codes}
    data = gathering.gather(
        case=case, kind=kind, language=language, actor=actor, extra=extra, head=head
    )
    on = dt.date.fromisoformat(data["date"])
    if original is not None:
        # A translation of the same letter: its number and date, never a number of its own.
        on = original.letter_date
        data["number"] = original.number
        data["date"], data["date_text"] = on.isoformat(), vocab.date_text(on, language)
        data["place_date"] = f"{data['place']}, {data['date_text']}"
        data["translation"] = {
            "id": original.pk,
            "number": original.number,
            "date_text": data["date_text"],
        }
    elif kind == Kind.SK_DRAFT and single_line(case.decision_number):
        data["number"] = single_line(case.decision_number)  # the decision's own, only number
    else:
        try:
            data["number"] = next_number(kind, on=on)
        except NumberingError as exc:
            raise LetterError(str(exc), "numbering") from None
    if corrects is not None:
        data["correction"] = {
            "id": corrects.pk,
            "number": corrects.number,
            "date_text": vocab.date_text(corrects.letter_date, language),
            "reason": single_line(extra.get("reason", "")),
        }
    data["template"] = {"id": template.pk, "updated_at": template.updated_at.isoformat()}
    data = compose(template, data)
    try:
        with transaction.atomic():
            letter = Letter.objects.create(
                case=case,
                kind=kind,
                number=data["number"],
                letter_date=on,
                language=language,
                title=data["title"][:300],
                content=data,
                template=template,
                translation_of=original,
                corrects=corrects,
                issued_by=actor,
            )
    except IntegrityError:
        raise LetterError(
            _("This letter has already been corrected, or its number is taken; reload the page."),
            "conflict",
        ) from None
    letter_render_files(letter)
    audit_record(
        action="letters.issued",
        obj=letter,
        actor=actor,
        after={
            "case": case.pk,
            "kind": kind,
            "number": letter.number,
            "language": language,
            "letter_date": on,
            "pdf_sha256": letter.pdf_sha256,
            "docx_sha256": letter.docx_sha256,
            "corrects": corrects.number if corrects else None,
            "translation_of": original.pk if original else None,
        },
        reason=single_line(extra.get("reason", "")),
    )
    return letter


def letter_correct(*, letter: Letter, actor, extra: dict | None = None) -> Letter:
    """Issue a corrected letter (new number) that replaces ``letter``; a reason is required."""
    extra = dict(extra or {})
    if not single_line(extra.get("reason", "")):
        raise LetterError(_("Give the reason for the correction."), "bad_input")
    if letter.corrections.exists():
        raise LetterError(
            _("This letter has already been corrected; correct the newest version."), "conflict"
        )
    previous = {k: v for k, v in letter.content.get("input", {}).items() if k != "reason"}
    return letter_issue(
        case=letter.case,
        kind=letter.kind,
        actor=actor,
        language=letter.language,
        extra={**previous, **extra},
        corrects=letter,
    )
