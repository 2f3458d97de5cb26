"""Retention: posts of unregistered accounts are deleted when their keep-until date passes,
unless a reviewer confirmed them (then they are evidence in a case)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from pantau.audit.services import audit_record
from pantau.monitoring.models import Finding, Post


@transaction.atomic
def purge_expired_posts(*, now=None) -> int:
    now = now or timezone.now()
    expired = Post.objects.filter(account__isnull=True, keep_until__lt=now).exclude(
        finding__status=Finding.Status.CONFIRMED
    )
    ids = list(expired.values_list("id", flat=True))
    if not ids:
        return 0
    Post.objects.filter(id__in=ids).delete()
    audit_record(
        action="monitoring.retention.purged",
        object_type="monitoring.post",
        object_repr=f"{len(ids)} posts",
        after={"deleted": len(ids)},
    )
    return len(ids)
