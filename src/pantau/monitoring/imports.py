"""Importing posts from platform exports and tables: resumable, idempotent, atomic per batch.

``post_import`` streams the source through ``pantau.core.sources``. Each batch is written in one
transaction together with the run's counters and resume position, so a run killed at any moment
continues from its last committed batch when the same file is imported again: nothing is lost
and nothing is stored twice (posts are unique on platform + post id, or on a content hash when
the source has no ids). Posts of unregistered accounts are skipped here; they are kept only when
they arrive with a complaint.

Poison records never stop a run: a post the database could not store (a NUL character, a lone
surrogate, JSON nested too deeply) or over the text limit is screened out as a problem naming its
file, line and field (`screen_post`); should the database still refuse a batch, it is written
again post by post and each refused post becomes such a problem. Whatever happens, the run ends
``done`` or ``failed`` with the reason; a failed run resumes from its last batch when the same
file is imported again. The memory bounds come from settings (`input_limits`).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.audit.services import audit_record
from pantau.core.manifests import sha256_file
from pantau.core.safe_text import printable_for_db
from pantau.core.safe_urls import is_web_url
from pantau.core.sources import FORMATS
from pantau.core.sources.limits import InputLimits, screen_post
from pantau.core.sources.model import SourceError, SourcePost, SourceProblem
from pantau.core.zip_safety import ZipLimits
from pantau.monitoring.attribution import AccountDirectory
from pantau.monitoring.bulk import insert_rows
from pantau.monitoring.models import ImportProblem, ImportRun, Post

logger = logging.getLogger(__name__)

IMPORT_FORMATS = FORMATS  # one list of formats, in core.sources
MAX_PROBLEMS_STORED = 10_000
# What a database refusing one row raises: a driver error, or the driver failing to encode it.
_ROW_ERRORS = (DatabaseError, ValueError, UnicodeError, RecursionError, OverflowError)


class PostImportError(Exception):
    """The source cannot be imported at all; the message names the file (and line)."""


@dataclass
class _Batch:
    posts: list[SourcePost]
    problems: list[SourceProblem]


def input_limits() -> InputLimits:
    """The memory bounds of an import, from the PANTAU_IMPORT_* and PANTAU_ZIP_* settings."""
    zip_limits = ZipLimits(
        max_total=settings.PANTAU_ZIP_MAX_TOTAL_BYTES,
        max_ratio=settings.PANTAU_ZIP_MAX_RATIO,
        max_members=settings.PANTAU_ZIP_MAX_MEMBERS,
    )
    return InputLimits(
        max_record_bytes=settings.PANTAU_IMPORT_MAX_RECORD_BYTES,
        max_text_chars=settings.PANTAU_IMPORT_MAX_TEXT_CHARS,
        max_json_file_bytes=settings.PANTAU_IMPORT_MAX_JSON_FILE_BYTES,
        zip=zip_limits,
        xlsx=ZipLimits(
            max_total=settings.PANTAU_XLSX_MAX_TOTAL_BYTES,
            max_ratio=settings.PANTAU_ZIP_MAX_RATIO,
            max_members=settings.PANTAU_XLSX_MAX_MEMBERS,
        ),
    )


def file_sha256(path: Path) -> str:
    """The file's SHA-256; for an unpacked export directory, over its files' names and hashes."""
    if not path.is_dir():
        return sha256_file(path)
    digest = hashlib.sha256()
    for child in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(str(child.relative_to(path)).encode())
        digest.update(sha256_file(child).encode())
    return digest.hexdigest()


def post_key(item: SourcePost) -> str:
    return item.post_id or f"h:{item.content_hash}"


def _post_row(item: SourcePost, account_id: int | None, run: ImportRun | None) -> dict:
    """The ``Post`` columns of one source post, for `insert_rows`."""
    reach = item.reach or {}
    return {
        "platform": item.platform if item.platform else "other",
        "post_id": post_key(item),
        "account_id": account_id,
        "handle": item.handle[:150],
        "url": item.url[:1000] if is_web_url(item.url) else "",  # sources refuse others first
        "created_at": item.created_at,
        "kind": item.kind,
        "text": item.text,
        "language": (item.language or "")[:10],
        "likes": int(reach.get("likes") or 0),
        "shares": int(reach.get("shares") or 0),
        "comments": int(reach.get("comments") or 0),
        "views": int(reach.get("views") or 0),
        "content_hash": item.content_hash,
        "raw": item.raw,
        "deleted_by_author": bool(item.deleted),
        "deleted_at": item.deleted_at,
        "reply_to_id": (item.in_reply_to or "")[:200],
        "quoted_id": (item.quoted or "")[:200],
        "reshared_id": (item.reshared or "")[:200],
        "reshared_author": (item.reshared_author or "")[:150],
        "shared_url": (item.shared_url or "")[:2000],
        "shared_title": item.shared_title or "",
        "source": "import",
        "import_run_id": run.pk if run is not None else None,
    }


def store_posts(
    items: list[SourcePost],
    *,
    directory: AccountDirectory,
    run: ImportRun | None = None,
    source: str = "import",
    keep_unregistered_until=None,
) -> list[str]:
    """Store what is new; return each item's outcome: imported, duplicate or skipped.

    Call inside a transaction. Items of unregistered accounts are skipped unless
    ``keep_unregistered_until`` is given (posts that came with a complaint).
    """
    outcomes: list[str] = []
    first_of: dict[tuple[str, str], int] = {}
    for index, item in enumerate(items):
        key = (item.platform or "other", post_key(item))
        outcomes.append("duplicate" if key in first_of else "")
        first_of.setdefault(key, index)
    by_platform: dict[str, list[str]] = {}
    for platform, pid in first_of:
        by_platform.setdefault(platform, []).append(pid)
    existing: set[tuple[str, str]] = set()
    for platform, ids in by_platform.items():
        for start in range(0, len(ids), 500):
            existing.update(
                (platform, pid)
                for pid in Post.objects.filter(
                    platform=platform, post_id__in=ids[start : start + 500]
                ).values_list("post_id", flat=True)
            )
    new_posts = []
    for key, index in first_of.items():
        item = items[index]
        if key in existing:
            outcomes[index] = "duplicate"
            if item.deleted:
                _mark_deleted(key, item)
            continue
        account_id = directory.find(platform=item.platform, handle=item.handle, url=item.url)
        if account_id is None and keep_unregistered_until is None:
            outcomes[index] = "skipped"
            continue
        row = _post_row(item, account_id, run)
        row["source"] = source
        if account_id is None:
            row["keep_until"] = keep_unregistered_until
        new_posts.append(row)
        outcomes[index] = "imported"
    insert_rows(Post, new_posts, ignore_conflicts=True)
    return outcomes


def _mark_deleted(key: tuple[str, str], item: SourcePost) -> None:
    """A post stored live that a later export lists as deleted by its author: say so."""
    platform, post_id = key
    Post.objects.filter(platform=platform, post_id=post_id, deleted_by_author=False).update(
        deleted_by_author=True, deleted_at=item.deleted_at
    )


def _refused(item: SourcePost, exc: Exception) -> SourceProblem:
    where = item.location or {}
    reason = f"the database refused the post ({exc.__class__.__name__}: {exc})"
    return SourceProblem(where.get("file", ""), where.get("line"), "", reason, where.get("index"))


def _store_batch(batch: _Batch, directory: AccountDirectory, run: ImportRun) -> list[str]:
    """Store the batch's posts; if the database refuses the batch, store them one by one and
    turn each refused post into a problem. Call inside a transaction."""
    try:
        with transaction.atomic():
            return store_posts(batch.posts, directory=directory, run=run)
    except _ROW_ERRORS:
        pass
    outcomes = []
    for item in batch.posts:
        try:
            with transaction.atomic():
                outcomes += store_posts([item], directory=directory, run=run)
        except _ROW_ERRORS as exc:
            batch.problems.append(_refused(item, exc))
    return outcomes


def _problem_row(run: ImportRun, p: SourceProblem) -> ImportProblem:
    return ImportProblem(
        run=run,
        file=printable_for_db(p.file or run.source_name)[:300],
        line=p.line if p.line is not None else p.index,
        field=printable_for_db(p.field or "")[:100],
        reason=printable_for_db(p.reason),
    )


def _write_batch(run: ImportRun, batch: _Batch, position, directory: AccountDirectory) -> None:
    """One transaction: new posts, problems, counters and the resume position."""
    with transaction.atomic():
        outcomes = _store_batch(batch, directory, run)
        imported = outcomes.count("imported")
        duplicates = outcomes.count("duplicate")
        skipped = outcomes.count("skipped")
        stored = run.error_count
        ImportProblem.objects.bulk_create(
            [_problem_row(run, p) for p in batch.problems[: max(0, MAX_PROBLEMS_STORED - stored)]]
        )
        ImportRun.objects.filter(pk=run.pk).update(
            imported=run.imported + imported,
            duplicates=run.duplicates + duplicates,
            skipped=run.skipped + skipped,
            error_count=run.error_count + len(batch.problems),
            position=position,
            updated_at=timezone.now(),
        )
    run.imported += imported
    run.duplicates += duplicates
    run.skipped += skipped
    run.error_count += len(batch.problems)
    run.position = position


def _find_resumable(sha: str, fmt: str) -> ImportRun | None:
    return (
        ImportRun.objects.filter(source_sha256=sha, format=fmt)
        .exclude(status=ImportRun.Status.DONE)
        .order_by("-started_at")
        .first()
    )


def post_import(
    *,
    path: str | Path,
    format: str,
    mapping: dict | None = None,
    handle: str | None = None,
    actor=None,
    batch_size: int = 2000,
    progress: Callable[[ImportRun], None] | None = None,
    name: str | None = None,
) -> ImportRun:
    """Import (or resume importing) one file, directory or zip; returns the finished run."""
    from pantau.core.sources import open_source

    path = Path(path)
    if format not in IMPORT_FORMATS:
        raise PostImportError(
            _("unknown format %(f)s; use one of %(all)s")
            % {"f": format, "all": ", ".join(IMPORT_FORMATS)}
        )
    if not path.exists():
        raise PostImportError(_("%s: no such file") % path)
    sha = file_sha256(path)
    run = _find_resumable(sha, format)
    if run is None:
        run = ImportRun.objects.create(
            format=format, source_name=name or path.name, source_sha256=sha, started_by=actor
        )
        audit_record(
            action="monitoring.import.started",
            obj=run,
            actor=actor,
            after={"format": format, "file": run.source_name, "sha256": sha},
        )
    else:
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING)
        audit_record(
            action="monitoring.import.resumed",
            obj=run,
            actor=actor,
            after={"position": run.position, "imported": run.imported},
        )
    if progress:
        progress(run)
    directory = AccountDirectory()
    limits = input_limits()
    try:
        source = open_source(
            path, format=format, mapping=mapping, handle=handle, resume=run.position, limits=limits
        )
        batch = _Batch([], [])
        for item in source:
            if not isinstance(item, SourceProblem):
                item = screen_post(item, limits) or item
            if isinstance(item, SourceProblem):
                batch.problems.append(item)
            else:
                batch.posts.append(item)
            if len(batch.posts) + len(batch.problems) >= batch_size:
                _write_batch(run, batch, source.position, directory)
                batch = _Batch([], [])
                if progress:
                    progress(run)
        _write_batch(run, batch, source.position, directory)
        message = ""
        if run.imported == 0 and run.duplicates == 0:
            message = explain_nothing(
                run, path=path, format=format, mapping=mapping, handle=handle, limits=limits
            )
    except SourceError as exc:
        message = str(exc).replace(str(path.parent) + "/", "")  # no server paths in messages
        _finish(run, ImportRun.Status.FAILED, message, actor)
        raise PostImportError(message) from None
    except BaseException as exc:  # anything else, even an interrupt: the run must not stay running
        message = _fail_unexpectedly(run, exc, actor)
        if isinstance(exc, Exception):
            raise PostImportError(message) from exc
        raise
    _finish(run, ImportRun.Status.DONE, message, actor)
    if progress:
        progress(run)
    return run


PEEK = 5000  # records read again to tell why an import stored nothing


def explain_nothing(
    run: ImportRun,
    *,
    path: Path,
    format: str,
    mapping: dict | None,
    handle: str | None,
    limits: InputLimits | None = None,
) -> str:
    """Why an import stored nothing, in one sentence: the input held no posts, every record
    had a problem, the export does not name its account, or no registered account matches.

    Reads the first records of the input again (the import itself keeps no skipped posts),
    within the same ``limits``; a post the import turned into a problem is not counted."""
    from pantau.core.sources import open_source

    limits = limits or InputLimits()
    posts: list[SourcePost] = []
    try:
        with open_source(
            path, format=format, mapping=mapping, handle=handle, limits=limits
        ) as source:
            for item in source:
                if isinstance(item, SourcePost) and screen_post(item, limits) is None:
                    posts.append(item)
                if len(posts) >= PEEK:
                    break
    except SourceError:
        pass
    if not posts:
        if run.error_count:
            return _("Nothing was imported: none of the records could be read (see the problems).")
        return _("Nothing was imported: the input holds no posts.")
    if all(not p.handle for p in posts):
        return _(
            "Nothing was imported: the export does not name its account (no profile file was "
            "found in it) and no handle was given. Import it again giving the account's handle."
        )
    directory = AccountDirectory()
    strangers = sorted(
        {
            f"{p.platform} @{p.handle}" if p.handle else p.platform
            for p in posts
            if directory.find(platform=p.platform, handle=p.handle, url=p.url) is None
        }
    )
    return _(
        "Nothing was imported: no registered account matches %(accounts)s. Register the account "
        "to its employee first, or check the handle."
    ) % {"accounts": ", ".join(strangers[:5]) + (" …" if len(strangers) > 5 else "")}


def _fail_unexpectedly(run: ImportRun, exc: BaseException, actor) -> str:
    """Mark the run failed, saying where it stopped; return that message."""
    where = ""
    position = run.position or {}  # the last batch written
    if position.get("file"):
        where = f"; the posts up to {position['file']}"
        if position.get("line"):
            where += f" line {position['line']}"
        where += " are stored"
    if isinstance(exc, KeyboardInterrupt | SystemExit):
        why = "interrupted"
    else:
        # The traceback is for developers (debug logging); the run's message says what happened.
        debug = logger.isEnabledFor(logging.DEBUG)
        logger.error("import %s stopped by an unexpected error: %r", run.pk, exc, exc_info=debug)
        why = f"stopped by an unexpected error ({exc.__class__.__name__}: {exc})"
    message = printable_for_db(f"{why}{where}; import the file again to continue")
    try:
        _finish(run, ImportRun.Status.FAILED, message[:2000], actor)
    except Exception:  # the database itself may be gone; the original error matters more
        logger.exception("could not mark import %s as failed", run.pk)
    return message


def _finish(run: ImportRun, status: str, message: str, actor) -> None:
    with transaction.atomic():
        run.status = status
        run.message = printable_for_db(message)
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "message", "finished_at", "updated_at"])
        audit_record(
            action=f"monitoring.import.{status}",
            obj=run,
            actor=actor,
            after={
                "imported": run.imported,
                "duplicates": run.duplicates,
                "skipped": run.skipped,
                "errors": run.error_count,
                "message": message,
            },
        )
