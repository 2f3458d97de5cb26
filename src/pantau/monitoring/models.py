"""Posts and how they arrive: import runs (resumable), scan results (history), findings, complaints."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pantau.registry.models import Account, Employee


class Category(models.TextChoices):
    HATE_SPEECH = "hate_speech", _("Hate speech")
    ABUSIVE = "abusive", _("Abusive language")
    RADICALISM = "radicalism", _("Radicalism")
    HOAX = "hoax", _("Hoax")


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    format = models.CharField(_("format"), max_length=20)
    source_name = models.CharField(_("file"), max_length=300)
    source_sha256 = models.CharField(_("file SHA-256"), max_length=64, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    position = models.JSONField(_("resume position"), null=True, blank=True)
    imported = models.PositiveIntegerField(_("imported"), default=0)
    duplicates = models.PositiveIntegerField(_("duplicates"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    message = models.TextField(_("message"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.format} {self.source_name} ({self.status})"


class ImportProblem(models.Model):
    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="problems")
    file = models.CharField(_("file"), max_length=300)
    line = models.PositiveIntegerField(_("line"), null=True, blank=True)
    field = models.CharField(_("field"), max_length=100, blank=True)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("import problem")
        verbose_name_plural = _("import problems")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.file}:{self.line} {self.field}: {self.reason}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "field": self.field, "reason": self.reason}


class Post(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("post")
        COMMENT = "comment", _("comment")
        SHARE = "share", _("share")
        REACTION = "reaction", _("reaction")

    class ScanState(models.TextChoices):
        PENDING = "pending", _("not scanned yet")
        SCANNED = "scanned", _("scanned")
        FAILED = "failed", _("scan failed")

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
    deleted_by_author = models.BooleanField(
        _("deleted by the author"),
        default=False,
        help_text=_("The export lists the post among those its author deleted."),
    )
    deleted_at = models.DateTimeField(_("deleted on"), null=True, blank=True)
    reply_to_id = models.CharField(_("reply to"), max_length=200, blank=True)
    quoted_id = models.CharField(_("quoted post"), max_length=200, blank=True)
    reshared_id = models.CharField(_("reshared post"), max_length=200, blank=True)
    reshared_author = models.CharField(_("author of the reshared post"), max_length=150, blank=True)
    shared_url = models.URLField(_("shared link"), max_length=2000, blank=True)
    shared_title = models.TextField(_("title of the shared link"), blank=True)
    source = models.CharField(_("source"), max_length=20, default="import")
    import_run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    scan_state = models.CharField(
        _("scan"), max_length=10, choices=ScanState.choices, default=ScanState.PENDING
    )
    keep_until = models.DateTimeField(
        _("keep until"),
        null=True,
        blank=True,
        help_text=_("Posts of unregistered accounts are deleted after this."),
    )
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
        indexes = [
            models.Index(
                fields=["id"], name="monitoring_post_pending_idx", condition=Q(scan_state="pending")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.platform}:{self.post_id}"

    @property
    def employee(self) -> Employee | None:
        return self.account.employee if self.account_id else None

    @property
    def reach(self) -> int:
        return reach_of(self.likes, self.shares, self.comments, self.views)

    @property
    def deleted_note(self) -> str:
        """ "deleted by the author on D" (translated) when an export lists the post as deleted."""
        if not self.deleted_by_author:
            return ""
        if self.deleted_at is None:
            return gettext("deleted by the author (date not in the export)")
        when = date_format(timezone.localtime(self.deleted_at), "j F Y H:i")
        return gettext("deleted by the author on %(date)s") % {"date": when}


def reach_of(likes: int, shares: int, comments: int, views: int) -> int:
    """A post's reach: shares count double, views by the hundred."""
    return likes + 2 * shares + comments + views // 100


class ScanResult(models.Model):
    """What one model version said about one post, and when: the scan history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="scans")
    model_version = models.CharField(_("model"), max_length=60)
    scores = models.JSONField(_("scores"))
    flags = models.JSONField(_("flags"), default=list)
    result = models.JSONField(_("full result"))
    scanned_at = models.DateTimeField(_("scanned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("scan result")
        verbose_name_plural = _("scan results")
        ordering = ["-scanned_at"]
        indexes = [models.Index(fields=["post", "model_version"], name="monitoring_scan_post_idx")]

    def __str__(self) -> str:
        return f"{self.post} by {self.model_version}: {', '.join(self.flags) or '-'}"


class Finding(models.Model):
    """A post put up for review, by the scanner (above a threshold) or by a complaint."""

    class Source(models.TextChoices):
        SCAN = "scan", _("scanner")
        COMPLAINT = "complaint", _("complaint")

    class Status(models.TextChoices):
        NEW = "new", _("awaiting review")
        CONFIRMED = "confirmed", _("confirmed")
        DISMISSED = "dismissed", _("dismissed (false positive)")
        PROTECTED = "protected", _("protected criticism")
        NOT_ATTRIBUTABLE = "not_attributable", _("not the employee's account / hacked")

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="finding")
    employee = models.ForeignKey(
        Employee, null=True, blank=True, on_delete=models.SET_NULL, related_name="findings"
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.SCAN
    )
    scan = models.ForeignKey(
        ScanResult, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    categories = models.JSONField(_("categories"), default=list)
    top_category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, blank=True, db_index=True
    )
    score = models.FloatField(_("score"), default=0.0)
    priority = models.FloatField(_("priority"), default=0.0, db_index=True)
    model_version = models.CharField(_("model"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    version = models.PositiveIntegerField(default=1)  # optimistic locking for reviews
    created_at = models.DateTimeField(_("found at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["-priority", "created_at"]
        indexes = [
            models.Index(
                fields=["-priority", "created_at"],
                name="monitoring_finding_queue_idx",
                condition=Q(status="new"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_top_category_display()} · {self.post}"


class Complaint(models.Model):
    """A report from the public or a colleague: link, screenshot, reason; reporter may be anonymous."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        IN_REVIEW = "in_review", _("in review")
        CLOSED = "closed", _("closed")

    reference = models.CharField(_("reference number"), max_length=20, unique=True)
    post_url = models.URLField(_("URL of the post"), max_length=1000, blank=True)
    platform = models.CharField(
        _("platform"), max_length=20, choices=Account.Platform.choices, blank=True
    )
    handle = models.CharField(_("account"), max_length=150, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    reason = models.TextField(_("reason"))
    screenshot = models.FileField(_("screenshot"), upload_to="complaints/%Y/%m/", blank=True)
    screenshot_sha256 = models.CharField(_("screenshot SHA-256"), max_length=64, blank=True)
    ocr_text = models.TextField(_("recognised text"), blank=True)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    reporter_name = models.CharField(_("reporter name"), max_length=200, blank=True)
    reporter_contact = models.CharField(_("reporter contact"), max_length=200, blank=True)
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reference


class WatchlistEntry(models.Model):
    """One watchlist term, phrase, hashtag, organisation name or regular expression."""

    class Kind(models.TextChoices):
        TERM = "term", _("term")
        PHRASE = "phrase", _("phrase")
        HASHTAG = "hashtag", _("hashtag")
        ORGANISATION = "organisation", _("organisation")
        REGEX = "regex", _("regular expression")

    entry_id = models.SlugField(_("identifier"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    pattern = models.TextField(_("pattern"))
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.RADICALISM
    )
    weight = models.FloatField(_("weight"), default=0.5)
    reason_id = models.TextField(_("reason (Bahasa Indonesia)"))
    reason_en = models.TextField(_("reason (English)"), blank=True)
    source = models.CharField(_("basis"), max_length=200, blank=True)
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("watchlist entry")
        verbose_name_plural = _("watchlist")
        ordering = ["category", "entry_id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gte=0) & Q(weight__lte=1),
                name="monitoring_watchlist_weight_0_1",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.pattern}"

    def as_engine_entry(self) -> dict:
        return {
            "id": self.entry_id,
            "kind": self.kind,
            "pattern": self.pattern,
            "category": self.category,
            "weight": self.weight,
            "reason_id": self.reason_id,
            "reason_en": self.reason_en,
            "source": self.source,
        }


class WatchlistVersion(models.Model):
    """A frozen copy of the active watchlist, made at every change."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    entries = models.JSONField(_("entries"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    note = models.CharField(_("change"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("watchlist version")
        verbose_name_plural = _("watchlist versions")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"v{self.number}"

    @property
    def label(self) -> str:
        return f"db-{self.number}"


class FeedSource(models.Model):
    """An RSS/Atom feed or a Mastodon account polled on a schedule for a registered account."""

    class Kind(models.TextChoices):
        RSS = "rss", _("RSS/Atom feed")
        MASTODON = "mastodon", _("Mastodon account")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    url = models.URLField(_("feed URL or Mastodon instance"), max_length=500)
    acct = models.CharField(_("Mastodon account (user)"), max_length=150, blank=True)
    account = models.ForeignKey(
        Account,
        verbose_name=_("registered account"),
        on_delete=models.CASCADE,
        related_name="feeds",
    )
    interval_minutes = models.PositiveIntegerField(_("poll every (minutes)"), default=60)
    active = models.BooleanField(_("active"), default=True)
    cursor = models.JSONField(_("cursor"), default=dict, blank=True)
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True)
    next_poll_at = models.DateTimeField(_("next poll"), null=True, blank=True, db_index=True)
    last_error = models.TextField(_("last error"), blank=True)
    error_permanent = models.BooleanField(_("error is permanent"), default=False)
    failures = models.PositiveIntegerField(
        _("failures in a row"),
        default=0,
        help_text=_("The feed is turned off after this many lasting failures in a row."),
    )

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.url} {self.acct}".strip()


class ClaimEntry(models.Model):
    """A claim in the fact-check register (klarifikasi hoaks), with the debunk's source."""

    class Verdict(models.TextChoices):
        HOAKS = "hoaks", _("hoax")
        DISINFORMASI = "disinformasi", _("disinformation")
        MISINFORMASI = "misinformasi", _("misinformation")
        SATIRE = "satire", _("satire")
        FAKTA = "fakta", _("fact")

    claim_id = models.CharField(_("identifier"), max_length=120, unique=True)
    text = models.TextField(_("claim"))
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict.choices)
    date = models.DateField(_("date of the debunk"), null=True, blank=True)
    topic = models.CharField(_("topic"), max_length=100, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    source_name = models.CharField(_("fact-checker"), max_length=200, blank=True)
    source_url = models.URLField(_("link to the debunk"), max_length=1000, blank=True)
    clarification = models.TextField(_("clarification"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("debunked claim")
        verbose_name_plural = _("fact-check register")
        ordering = ["-date", "claim_id"]

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.text[:80]}"
