"""Drift alerts: a stored, audited record that the share of dismissed findings has risen."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pantau.monitoring.models import Category


class DriftAlert(models.Model):
    """Raised when reviewers dismiss a clearly larger share of a category's findings than before.

    ``category`` is blank for the alert over all categories together. At most one alert per
    category is open (not acknowledged) at a time; an acknowledgement records who and why.
    """

    category = models.CharField(_("category"), max_length=20, choices=Category.choices, blank=True)
    model_version = models.CharField(_("model"), max_length=60, blank=True)
    recent_days = models.PositiveSmallIntegerField(_("recent window (days)"))
    baseline_days = models.PositiveSmallIntegerField(_("baseline window (days)"))
    recent_decisions = models.PositiveIntegerField(_("recent decisions"))
    recent_dismissals = models.PositiveIntegerField(_("recent dismissals"))
    baseline_decisions = models.PositiveIntegerField(_("baseline decisions"))
    baseline_dismissals = models.PositiveIntegerField(_("baseline dismissals"))
    recent_share = models.FloatField(_("recent share dismissed"))
    baseline_share = models.FloatField(_("baseline share dismissed"))
    raised_at = models.DateTimeField(_("raised"), auto_now_add=True, db_index=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acknowledged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("drift alert")
        verbose_name_plural = _("drift alerts")
        ordering = ["-raised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["category"],
                condition=Q(acknowledged_at__isnull=True),
                name="reports_drift_one_open_per_category",
            ),
        ]

    def __str__(self) -> str:
        what = self.get_category_display() if self.category else "*"
        return f"{what}: {self.baseline_share:.0%} → {self.recent_share:.0%}"

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None

    @property
    def rise(self) -> float:
        return self.recent_share - self.baseline_share
