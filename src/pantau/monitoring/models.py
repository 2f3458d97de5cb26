"""Posts: one piece of public content, deduplicated on platform + post id."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from pantau.registry.models import Account


class Post(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("post")
        COMMENT = "comment", _("comment")
        SHARE = "share", _("share")
        REACTION = "reaction", _("reaction")

    platform = models.CharField(_("platform"), max_length=20, choices=Account.Platform.choices)
    post_id = models.CharField(_("post id"), max_length=200)
    account = models.ForeignKey(
        Account,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )
    handle = models.CharField(_("handle"), max_length=150, db_index=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("posted at"), null=True, blank=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.POST)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    likes = models.PositiveIntegerField(_("likes"), default=0)
    shares = models.PositiveIntegerField(_("shares"), default=0)
    comments = models.PositiveIntegerField(_("comments"), default=0)
    views = models.PositiveBigIntegerField(_("views"), default=0)
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)
    raw = models.JSONField(_("raw record"), null=True, blank=True)
    collected_at = models.DateTimeField(_("collected at"), auto_now_add=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "post_id"], name="monitoring_post_unique_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.platform}:{self.post_id}"

    @property
    def reach(self) -> int:
        return self.likes + 2 * self.shares + self.comments + self.views // 100
