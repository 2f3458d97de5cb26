"""Units, employees and declared social-media accounts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pantau.core.nip import NipError, parse_nip


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Unit(TimestampedModel):
    class Kind(models.TextChoices):
        SECRETARIAT = "sekretariat", _("Secretariat")
        INSPECTORATE = "inspektorat", _("Inspectorate")
        AGENCY = "badan", _("Agency (badan)")
        OFFICE = "dinas", _("Office (dinas)")
        DIVISION = "bagian", _("Division (bagian)")
        DISTRICT = "kecamatan", _("District (kecamatan)")
        VILLAGE = "kelurahan", _("Urban village (kelurahan)")
        OTHER = "lainnya", _("Other")

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OFFICE)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    head = models.ForeignKey(
        "Employee",
        verbose_name=_("head"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headed_units",
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Grade(models.TextChoices):
    I_A = "I/a", "I/a"
    I_B = "I/b", "I/b"
    I_C = "I/c", "I/c"
    I_D = "I/d", "I/d"
    II_A = "II/a", "II/a"
    II_B = "II/b", "II/b"
    II_C = "II/c", "II/c"
    II_D = "II/d", "II/d"
    III_A = "III/a", "III/a"
    III_B = "III/b", "III/b"
    III_C = "III/c", "III/c"
    III_D = "III/d", "III/d"
    IV_A = "IV/a", "IV/a"
    IV_B = "IV/b", "IV/b"
    IV_C = "IV/c", "IV/c"
    IV_D = "IV/d", "IV/d"
    IV_E = "IV/e", "IV/e"


class Employee(TimestampedModel):
    nip = models.CharField(_("NIP"), max_length=18, unique=True)
    name = models.CharField(_("name"), max_length=200)
    front_title = models.CharField(_("title before name"), max_length=50, blank=True)
    back_title = models.CharField(_("title after name"), max_length=80, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    grade = models.CharField(_("grade (golongan)"), max_length=6, choices=Grade.choices, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="employees"
    )
    supervisor = models.ForeignKey(
        "self",
        verbose_name=_("direct supervisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_reports",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["name"]
        indexes = [models.Index(fields=["unit", "active"], name="registry_emp_unit_active_idx")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.nip})"

    @property
    def full_name(self) -> str:
        name = f"{self.front_title} {self.name}".strip()
        return f"{name}, {self.back_title}" if self.back_title else name

    @property
    def nip_info(self):
        try:
            return parse_nip(self.nip)
        except NipError:
            return None


class Account(TimestampedModel):
    class Platform(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        X = "x", "X (Twitter)"
        TIKTOK = "tiktok", "TikTok"
        YOUTUBE = "youtube", "YouTube"
        THREADS = "threads", "Threads"
        MASTODON = "mastodon", "Mastodon"
        OTHER = "other", _("Other")

    class State(models.TextChoices):
        DECLARED = "declared", _("Declared")
        VERIFIED = "verified", _("Verified")
        DISPUTED = "disputed", _("Disputed")
        HACKED = "hacked", _("Hacked")

    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="accounts"
    )
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    handle = models.CharField(_("handle"), max_length=150)
    handle_key = models.CharField(_("normalised handle"), max_length=150, editable=False)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    state = models.CharField(
        _("verification"), max_length=20, choices=State.choices, default=State.DECLARED
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("social-media account")
        verbose_name_plural = _("social-media accounts")
        ordering = ["platform", "handle"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "handle_key"], name="registry_account_unique_handle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} @{self.handle}"

    def save(self, *args, **kwargs):
        from pantau.core.handles import normalize_handle

        self.handle_key = normalize_handle(self.handle)
        if kwargs.get("update_fields") is not None and "handle" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "handle_key"}
        super().save(*args, **kwargs)


class DeclaredConflict(TimestampedModel):
    """A person recorded as conflicted about an employee: a relative, or another interest.

    A conflict of interest is involvement in the facts, never hierarchy (DESIGN.md §4); this
    records what the registry cannot see, such as family ties. It works both ways: neither may act
    on the other's case (``core.cases.conflicts``).
    """

    class Kind(models.TextChoices):
        RELATIVE = "relative", _("relative (family tie or marriage)")
        OTHER = "other", _("other recorded interest")

    person = models.ForeignKey(
        Employee,
        verbose_name=_("person with the conflict"),
        on_delete=models.CASCADE,
        related_name="declared_conflicts",
    )
    subject = models.ForeignKey(
        Employee,
        verbose_name=_("employee concerned"),
        on_delete=models.CASCADE,
        related_name="conflicted_parties",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("reason"), max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("declared conflict of interest")
        verbose_name_plural = _("declared conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["person", "subject"], name="registry_conflict_pair"),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("subject")), name="registry_conflict_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ↔ {self.subject} ({self.get_kind_display()})"
