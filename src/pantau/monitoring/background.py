"""Running an uploaded import in the background (embedded mode: a thread in the web process)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from django.db import connection

logger = logging.getLogger(__name__)


def import_in_background(
    *,
    path: Path,
    format: str,
    handle: str | None,
    actor_id: int | None,
    run_ready: threading.Event,
    holder: dict,
) -> threading.Thread:
    """Start ``post_import`` in a thread; ``holder['run_id']`` is set once the run exists."""

    def progress(run) -> None:
        holder.setdefault("run_id", run.pk)
        run_ready.set()

    def work() -> None:
        from django.contrib.auth import get_user_model

        from pantau.monitoring.imports import PostImportError, post_import
        from pantau.monitoring.scanning import scan_pending

        actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
        try:
            run = post_import(
                path=path,
                format=format,
                handle=handle or None,
                actor=actor,
                progress=progress,
                name=path.name,
                batch_size=500,
            )
            holder.setdefault("run_id", run.pk)
            run_ready.set()
            scan_pending()
        except PostImportError as exc:
            holder["error"] = str(exc)
        except Exception:
            logger.exception("background import failed")
            holder["error"] = "internal error"
        finally:
            run_ready.set()
            connection.close()

    thread = threading.Thread(target=work, name="pantau-import", daemon=True)
    thread.start()
    return thread
