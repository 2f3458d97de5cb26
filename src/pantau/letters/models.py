"""Letter templates, the letterhead, numbering schemes and the issued letters.

An issued :class:`Letter` carries in ``content`` everything it shows, copied from the case,
the letterhead and the rendered template at issue time, so a later edit of any of those never
changes it; its PDF and DOCX are stored with their SHA-256. A letter is never edited: a
correction is a new letter (new number) whose ``corrects`` points to the old one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pantau.letters.kinds import Kind, Language

USER = settings.AUTH_USER_MODEL

BODY_HELP = _(
    "Django template text. Markup at the start of a line: '# ' centred bold title, '## ' centred "
    "line, '| label | value' a row of a field table, '1. ', 'a. ' or '- ' a list item, '>' (one "
    "or more) indents, '[Label] ' a decree clause (Menimbang, KESATU…; '[] ' continues it), "
    "'---' a horizontal line. A blank line ends a paragraph."
)


class LetterTemplate(models.Model):
    """The editable text of one kind of letter in one language (one active at a time)."""

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    title = models.CharField(
        _("subject (hal)"), max_length=300, help_text=_("Template text; shown as 'Hal'.")
    )
    sifat = models.CharField(_("classification (sifat)"), max_length=50, default="Rahasia")
    attachment = models.CharField(_("attachment (lampiran)"), max_length=200, default="-")
    addressee = models.TextField(
        _("addressee"), blank=True, help_text=_("Template text, one line per line of the address.")
    )
    body = models.TextField(_("body"), help_text=BODY_HELP)
    copies = models.TextField(
        _("copies (tembusan)"), blank=True, help_text=_("Template text, one recipient per line.")
    )
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        ordering = ["kind", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "language"],
                condition=Q(active=True),
                name="letters_template_one_active_per_kind_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"


class Letterhead(models.Model):
    """The organisation's letterhead and default signatories: a single row (pk=1)."""

    organisation = models.CharField(_("organisation"), max_length=200)
    unit_name = models.CharField(_("unit name"), max_length=200, default="INSPEKTORAT")
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("telephone"), max_length=100, blank=True)
    email = models.CharField(_("e-mail"), max_length=200, blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    city = models.CharField(
        _("city"), max_length=100, help_text=_("Used in the place-and-date line.")
    )
    signatory_title = models.CharField(_("signatory's position"), max_length=200)
    signatory_name = models.CharField(_("signatory's name"), max_length=200, blank=True)
    signatory_nip = models.CharField(_("signatory's NIP"), max_length=30, blank=True)
    signatory_rank = models.CharField(_("signatory's rank (pangkat)"), max_length=100, blank=True)
    signatory_employee = models.ForeignKey(
        "registry.Employee",
        verbose_name=_("signatory in the registry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "When set, the name, pangkat/golongan and NIP printed under the signature come from "
            "the registry; the text fields above are used only when it is empty."
        ),
    )
    decider_title = models.CharField(
        _("position of the official who decides (PPK)"), max_length=200
    )
    decider_name = models.CharField(
        _("name of the official who decides"), max_length=200, blank=True
    )
    decider_employee = models.ForeignKey(
        "registry.Employee",
        verbose_name=_("official who decides, in the registry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Signs the draft decision when the deciding user has no registry record: name, "
            "pangkat/golongan and NIP come from the registry."
        ),
    )
    exam_place = models.CharField(
        _("default place of examination"), max_length=300, default="Kantor Inspektorat"
    )
    exam_time = models.CharField(_("default time of examination"), max_length=20, default="09.00")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("letterhead")
        verbose_name_plural = _("letterhead")

    def __str__(self) -> str:
        return f"{self.organisation} · {self.unit_name}"


class NumberingScheme(models.Model):
    """How letters of one kind are numbered; counters restart every year."""

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, unique=True)
    pattern = models.CharField(
        _("pattern"),
        max_length=200,
        default="{seq:03d}/{code}/INSP/{roman_month}/{year}",
        help_text=_(
            "Placeholders: {seq} (with a format such as {seq:03d}), {code}, {year}, {month}, "
            "{roman_month}. {seq} is required."
        ),
    )
    code = models.CharField(
        _("classification code"),
        max_length=50,
        help_text=_(
            "The code this kind of letter carries in its number ({code}), as the office's "
            "classification of records sets it, e.g. 800.1.6.2."
        ),
    )
    counter = models.CharField(
        _("counter"),
        max_length=50,
        blank=True,
        help_text=_("Kinds with the same counter name share one running number; empty: own."),
    )

    class Meta:
        verbose_name = _("numbering scheme")
        verbose_name_plural = _("numbering schemes")
        ordering = ["kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.pattern}"

    @property
    def counter_key(self) -> str:
        return self.counter or self.kind


class NumberCounter(models.Model):
    """The last number given in one counter and year (advanced by conditional UPDATE)."""

    key = models.CharField(_("counter"), max_length=50)
    year = models.PositiveIntegerField(_("year"))
    value = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number counter")
        verbose_name_plural = _("number counters")
        constraints = [
            models.UniqueConstraint(fields=["key", "year"], name="letters_counter_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.year}: {self.value}"


class Letter(models.Model):
    """An issued letter: numbered, frozen, with its PDF and DOCX."""

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="letters"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=200)
    letter_date = models.DateField(_("letter date"))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    title = models.CharField(_("subject (hal)"), max_length=300)
    content = models.JSONField(_("content"))
    template = models.ForeignKey(
        LetterTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.FileField(_("PDF"), upload_to="letters/%Y/", blank=True)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    docx = models.FileField(_("DOCX"), upload_to="letters/%Y/", blank=True)
    docx_sha256 = models.CharField(_("DOCX SHA-256"), max_length=64, blank=True)
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="translations",
        help_text=_("A translation carries the number of the letter it translates."),
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    issued_by = models.ForeignKey(
        USER, verbose_name=_("issued by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-created_at", "-id"]
        constraints = [
            # A translation shares its letter's number; the SK draft carries the decision's.
            models.UniqueConstraint(
                fields=["number"],
                condition=Q(translation_of__isnull=True) & ~Q(kind="sk_draft"),
                name="letters_letter_unique_number",
            ),
            models.UniqueConstraint(
                fields=["corrects"],
                condition=Q(corrects__isnull=False),
                name="letters_letter_one_correction",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    @property
    def superseded(self) -> bool:
        return self.corrections.exists()

    @property
    def file_stem(self) -> str:
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in self.number)
        return f"{self.kind}-{safe}".strip("-")
