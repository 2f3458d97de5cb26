"""Celery tasks of monitoring: thin wrappers that load ids and call the services."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="pantau.scan_pending")
def scan_pending_task(version: str | None = None) -> dict:
    from pantau.monitoring.scanning import scan_pending

    stats = scan_pending(version=version)
    return {"scanned": stats.scanned, "findings": stats.findings, "model": stats.model}


@shared_task(name="pantau.import_file")
def import_file_task(
    path: str, format: str, handle: str | None = None, actor_id: int | None = None
) -> dict:
    from django.contrib.auth import get_user_model

    from pantau.monitoring.imports import post_import

    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    run = post_import(path=path, format=format, handle=handle, actor=actor)
    scan_pending_task.delay()
    return {"run": str(run.pk), "imported": run.imported, "duplicates": run.duplicates}


@shared_task(name="pantau.periodic")
def periodic_task() -> dict:
    from pantau.monitoring.periodic import run_periodic_once

    tick = run_periodic_once()
    return tick.__dict__
