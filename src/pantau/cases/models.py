"""Review decisions, cases and everything recorded along the ladder (DESIGN.md §4)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pantau.core.cases.ladder import State
from pantau.monitoring.models import Category, Finding
from pantau.registry.models import Employee

USER = settings.AUTH_USER_MODEL


class Holiday(models.Model):
    """A national holiday or cuti bersama: not a working day."""

    class Kind(models.TextChoices):
        NATIONAL = "libur_nasional", _("national holiday")
        JOINT_LEAVE = "cuti_bersama", _("joint leave (cuti bersama)")

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    source = models.CharField(_("decree"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"


class ReviewDecision(models.Model):
    """A reviewer's decision on a finding; also a labelled example for retraining."""

    class Outcome(models.TextChoices):
        CONFIRM = "confirm", _("confirm")
        DISMISS = "dismiss", _("dismiss (false positive)")
        PROTECTED = "protected", _("protected criticism")
        NOT_ATTRIBUTABLE = "not_attributable", _("not the employee's account / hacked")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="decisions")
    reviewer = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, blank=True)
    skb_item = models.PositiveSmallIntegerField(_("SKB 11 item"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    model_version = models.CharField(_("model"), max_length=60, blank=True)
    text = models.TextField(_("post text at the time"))
    created_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} · {self.finding_id}"

    def as_training_example(self) -> dict:
        """A labelled JSON Lines record in the detection contract's label names."""
        labels = {c: 0 for c in Category.values}
        if self.outcome == self.Outcome.CONFIRM and self.category:
            labels[self.category] = 1
        return {
            "id": f"review-{self.pk}",
            "text": self.text,
            **labels,
            "source": "review",
            "outcome": self.outcome,
        }


class Case(models.Model):
    """The process for one employee about one or more confirmed findings."""

    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="cases")
    state = models.CharField(
        _("state"),
        max_length=20,
        default=State.OPEN.value,
        choices=[(s.value, s.value) for s in State],
    )
    findings = models.ManyToManyField(Finding, through="CaseFinding", related_name="cases")
    opened_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    close_reason = models.TextField(_("reason for closing"), blank=True)
    assigned_to = models.ForeignKey(
        USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
        verbose_name=_("inspector in charge"),
    )
    # Facts recorded along the ladder (the preconditions of DESIGN.md §4 read these).
    attribution_confirmed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attribution_confirmed_at = models.DateTimeField(null=True, blank=True)
    guidance_at = models.DateTimeField(_("guidance given"), null=True, blank=True)
    guidance_note = models.TextField(_("guidance"), blank=True)
    deletion_due = models.DateField(_("deletion deadline"), null=True, blank=True)
    deletion_reported_at = models.DateTimeField(
        _("employee reported deletion"), null=True, blank=True
    )
    deletion_verified_at = models.DateTimeField(_("deletion verified"), null=True, blank=True)
    head_approved_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    head_approved_at = models.DateTimeField(null=True, blank=True)
    supervisor_acknowledged_at = models.DateTimeField(
        _("supervisor acknowledged"), null=True, blank=True
    )
    summons_count = models.PositiveSmallIntegerField(default=0)
    summons_date = models.DateField(_("summons letter date"), null=True, blank=True)
    exam_date = models.DateField(_("examination date"), null=True, blank=True)
    absences = models.PositiveSmallIntegerField(_("absences at summons"), default=0)
    present_at_exam = models.BooleanField(_("attended the examination"), default=False)
    team_formed = models.BooleanField(_("examination team formed"), default=False)
    team_members = models.TextField(_("examination team"), blank=True)
    bap_recorded_at = models.DateTimeField(_("BAP recorded"), null=True, blank=True)
    bap_text = models.TextField(_("examination record (BAP)"), blank=True)
    bap_refused_to_sign = models.BooleanField(_("employee refused to sign"), default=False)
    recommended_level = models.CharField(_("recommended level"), max_length=10, blank=True)
    recommendation = models.JSONField(_("recommendation"), null=True, blank=True)
    recommendation_approved_at = models.DateTimeField(null=True, blank=True)
    sanction_code = models.CharField(_("sanction"), max_length=40, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_reason = models.TextField(_("decision reasons"), blank=True)
    receipt_date = models.DateField(_("decision received"), null=True, blank=True)
    receipt_by_post = models.BooleanField(_("sent because absent"), default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee"],
                condition=~Q(state="closed"),
                name="cases_one_open_case_per_employee",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.employee.name} ({self.state})"

    @property
    def is_open(self) -> bool:
        return self.state != State.CLOSED.value


class CaseFinding(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE)
    finding = models.ForeignKey(Finding, on_delete=models.PROTECT)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "finding"], name="cases_finding_once_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.finding_id}"


class CaseStep(models.Model):
    """The case's own timeline: every transition and event, who, when, why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(_("step"), max_length=60)
    from_state = models.CharField(max_length=20)
    to_state = models.CharField(max_length=20)
    actor = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.name}"


class Deadline(models.Model):
    """A dated obligation of the process; overdue when past due and not met."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(_("deadline"), max_length=30)
    due = models.DateField(_("due"))
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    responsible_role = models.CharField(_("who acts"), max_length=20)
    met_at = models.DateTimeField(_("met"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due"]
        indexes = [
            models.Index(
                fields=["due"], name="cases_deadline_open_idx", condition=Q(met_at__isnull=True)
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due}"


class DeletionCheck(models.Model):
    """The re-check of a post at the deletion deadline, with before/after evidence hashed."""

    class Result(models.TextChoices):
        DELETED = "deleted", _("deleted")
        STILL_THERE = "still_there", _("still online")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deletion_checks")
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="+")
    method = models.CharField(_("method"), max_length=20)  # refetch | confirmation
    before_text = models.TextField(_("before"))
    before_sha256 = models.CharField(max_length=64)
    after_evidence = models.TextField(_("after"), blank=True)
    after_sha256 = models.CharField(max_length=64)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    checked_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    checked_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.finding_id} {self.result}"


class Response(models.Model):
    """The employee's written response (hak jawab), with attachments."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="responses")
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("response"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.case_id} response {self.pk}"


class Attachment(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="responses/%Y/%m/")
    name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.name


class Appeal(models.Model):
    """Keberatan to the PPK or banding to BPASN (PP 79/2021)."""

    class Kind(models.TextChoices):
        OBJECTION = "objection", _("objection (keberatan)")
        APPEAL = "appeal", _("administrative appeal (banding) to BPASN")

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("upheld")
        LIGHTENED = "lightened", _("lightened")
        HEAVIER = "heavier", _("made heavier")
        CHANGED = "changed", _("changed")
        REVOKED = "revoked", _("revoked")
        ANNULLED = "annulled", _("annulled")
        WITHDRAWN = "withdrawn", _("withdrawn")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appeals")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("reasons"))
    filed_at = models.DateTimeField(auto_now_add=True)
    filed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    decide_by = models.DateField(_("to be decided by"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome note"), blank=True)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_id}"


class RoutingLog(models.Model):
    """Why an item went to someone else (conflict of interest), kept for the record."""

    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="routing"
    )
    finding = models.ForeignKey(
        Finding, null=True, blank=True, on_delete=models.CASCADE, related_name="routing"
    )
    excluded_user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    reasons = models.JSONField(default=list)
    routed_to = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.excluded_user_id} excluded: {', '.join(self.reasons)}"


class Notification(models.Model):
    """An in-app notice (also e-mailed); supervisors must acknowledge theirs."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notifications")
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=60)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    requires_ack = models.BooleanField(default=False)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [  # every page counts the user's unread notices (the navigation)
            models.Index(
                fields=["user"], name="cases_notification_unread_idx", condition=Q(read_at=None)
            ),
        ]

    def __str__(self) -> str:
        return self.subject
