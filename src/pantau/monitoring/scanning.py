"""Scanning posts with the detection engine: scan results (history) and findings.

``scan_pending`` scans every post not yet scanned; ``scan_rescan`` scans all posts again with
another model version, adding a new scan result per post, so the history shows which model said
what, and when. A finding is created when a category passes its review threshold (the engine's
``flags``); a finding already under review is kept, with the newest scan attached.

A post flagged only as abusive whose abusive words are aimed at the writer or are an exclamation
("Bodoh banget saya", "Mampus, map ketinggalan") keeps its finding, with a note for the reviewer
in the scan result and half the priority: the flag is the model's, the ordering is the queue's.

A post that shares a link is read with the link's title and the words of its address after its
own text (`scan_text`), so hoax matching sees the page it shares.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote_plus, urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy

from pantau.monitoring.bulk import insert_rows
from pantau.monitoring.models import Finding, Post, ScanResult, reach_of

logger = logging.getLogger(__name__)

SEVERITY = {"radicalism": 1.0, "hate_speech": 0.9, "hoax": 0.7, "abusive": 0.5}
KIND_WEIGHT = {"post": 1.0, "comment": 0.8, "share": 0.5, "reaction": 0.3}
NOTES = {  # stored in a scan result's "notes"; shown on the finding page
    "abuse_self": gettext_lazy(
        "The abusive words seem aimed at the writer, not at someone else; "
        "the finding was put further back in the queue."
    ),
    "abuse_exclamation": gettext_lazy(
        "The abusive word seems to be an exclamation, not aimed at anyone; "
        "the finding was put further back in the queue."
    ),
}
UNDIRECTED_ABUSE_WEIGHT = 0.5  # the priority factor of a finding carrying one of the notes
_engines: dict[str, object] = {}
_engine_lock = threading.Lock()


class ScanError(Exception):
    """Scanning cannot run (no such model version)."""


@dataclass
class ScanStats:
    scanned: int = 0
    findings: int = 0
    model: str = ""


def model_dirs() -> dict[str, Path]:
    """Model versions available: the shipped artifact plus any under PANTAU_MODEL_DIR."""
    from pantau.core.detection import default_artifact_dir, load_artifact

    found = {}
    roots = [default_artifact_dir()]
    extra = getattr(settings, "PANTAU_MODEL_DIR", None)
    if extra and Path(extra).is_dir():
        roots += sorted((p for p in Path(extra).iterdir() if p.is_dir()), key=str)
    for root in roots:  # the shipped model first, then the others by name
        try:
            version = load_artifact(root).version
        except Exception:  # an unreadable directory is not a model
            logger.warning("not a model artifact: %s", root)
            continue
        if version in found:  # never let a copy replace the shipped or an earlier model
            logger.warning(
                "model %s in %s ignored: %s has that version", version, root, found[version]
            )
            continue
        found[version] = root
    return found


def get_engine(version: str | None = None):
    """The detection engine for a model version (default: the shipped one), cached."""
    from pantau.core.detection import load_engine
    from pantau.monitoring.claims import claim_index

    claim_index()  # the register may have changed: bring the shared index up to date
    key = version or "default"
    with _engine_lock:
        if key not in _engines:
            if version is None:
                engine = load_engine()
            else:
                dirs = model_dirs()
                if version not in dirs:
                    raise ScanError(f"no model version {version}; available: {', '.join(dirs)}")
                engine = load_engine(dirs[version])
            from pantau.monitoring.watchlists import active_watchlist

            entries, wl_version = active_watchlist()
            if entries is not None:
                engine.set_watchlist(entries, version=wl_version)
            engine.set_hoax_scorer(_hoax_scorer())
            _engines[key] = engine
        return _engines[key]


def _hoax_scorer():
    """The hoax scorer over the live fact-check register (kept in sync by ``get_engine``)."""
    from pantau.core.claims import HoaxScorer, load_hoax_style_model
    from pantau.monitoring.claims import claim_index

    return HoaxScorer(claim_index(), style_model=load_hoax_style_model())


def reset_engines() -> None:
    """Forget cached engines (after a watchlist or model change)."""
    with _engine_lock:
        _engines.clear()


def priority(
    *, scores: dict, flags: list[str], kind: str, reach: int, notes: Sequence[str] = ()
) -> float:
    """Severity × confidence × reach, lowered for shares and reactions, and for abusive words
    aimed at no one (see `NOTES`)."""
    if not flags:
        return 0.0
    best = max(SEVERITY.get(c, 0.5) * float(scores.get(c, 0.0)) for c in flags)
    weight = KIND_WEIGHT.get(kind, 1.0) * (UNDIRECTED_ABUSE_WEIGHT if notes else 1.0)
    return round(best * weight * (1.0 + math.log10(1 + max(reach, 0))), 6)


def scan_notes(engine, text: str, flags: list[str]) -> list[str]:
    """What the scan adds to the engine's result for the reviewer: for a post flagged only as
    abusive, whether its abusive words are aimed at the writer or are an exclamation."""
    if flags != ["abusive"]:
        return []
    context = engine.abuse_context(text)
    return [f"abuse_{context}"] if context else []


def _top(scores: dict, flags: list[str]) -> str:
    return max(flags, key=lambda c: SEVERITY.get(c, 0.5) * float(scores.get(c, 0.0)))


_URL_WORD_BREAKS = re.compile(r"[-_/.+=&?%]+")


def link_words(url: str) -> str:
    """The words of a link's address (host left out): a headline's slug, as text.

    ``https://hoaks.example/2024/05/vaksin-mengandung-chip.html`` → "2024 05 vaksin mengandung
    chip"."""
    parts = urlsplit(url.strip())
    path = re.sub(r"\.(?:html?|php|aspx?)$", "", parts.path or "", flags=re.IGNORECASE)
    words = _URL_WORD_BREAKS.sub(" ", f"{unquote_plus(path)} {unquote_plus(parts.query)}")
    return " ".join(words.split())


def scan_text(text: str, shared_title: str = "", shared_url: str = "") -> str:
    """What the engine reads for one post: its text, then the title of the link it shares and
    the words of that link's address, so that a post sharing a known hoax's page (a Facebook
    share with no words of its own, often) matches the claim. Evidence offsets stay valid for
    the post's own text, which comes first."""
    extra = [t for t in (shared_title.strip(), link_words(shared_url) if shared_url else "") if t]
    if not extra:
        return text
    return "\n\n".join([text, *extra]) if text else "\n\n".join(extra)


@dataclass(frozen=True)
class _PostToScan:
    """The columns of a post the scan needs (read as plain values: no model instances)."""

    pk: int
    text: str
    kind: str
    reach: int
    employee_id: int | None


_SCAN_COLUMNS = (
    "pk",
    "text",
    "kind",
    "likes",
    "shares",
    "comments",
    "views",
    "account__employee_id",
    "shared_title",
    "shared_url",
)


def _store(posts: list[_PostToScan], results: list[dict]) -> int:
    """Write one batch's scan results, new and updated findings, and mark the posts scanned.

    Most posts are clean: their scan results go in with one plain multi-row insert. Flagged
    posts' results are created through the ORM because their findings point at them.
    """
    plain, flagged = [], []
    for post, result in zip(posts, results, strict=True):
        if result.get("flags"):
            flagged.append((post, result))
        else:
            plain.append(
                {
                    "post_id": post.pk,
                    "model_version": result["model"],
                    "scores": result["scores"],
                    "flags": [],
                    "result": {"model": result.get("model")},
                }
            )
    insert_rows(ScanResult, plain)
    findings = 0
    if flagged:
        scans = ScanResult.objects.bulk_create(
            [
                ScanResult(
                    post_id=post.pk,
                    model_version=result["model"],
                    scores=result["scores"],
                    flags=result["flags"],
                    result=result,
                )
                for post, result in flagged
            ]
        )
        existing = dict(
            Finding.objects.filter(post__in=[p.pk for p, _ in flagged]).values_list("post_id", "id")
        )
        new_findings = []
        for (post, result), scan in zip(flagged, scans, strict=True):
            flags = result["flags"]
            fields = dict(
                categories=flags,
                top_category=_top(result["scores"], flags),
                score=max(float(result["scores"][c]) for c in flags),
                priority=priority(
                    scores=result["scores"],
                    flags=flags,
                    kind=post.kind,
                    reach=post.reach,
                    notes=result.get("notes", ()),
                ),
                model_version=result["model"],
                scan=scan,
            )
            if post.pk in existing:
                Finding.objects.filter(pk=existing[post.pk]).update(**fields)
            else:
                new_findings.append(
                    Finding(post_id=post.pk, employee_id=post.employee_id, **fields)
                )
        Finding.objects.bulk_create(new_findings, batch_size=500)
        findings = len(new_findings)
    Post.objects.filter(pk__in=[p.pk for p in posts]).update(scan_state=Post.ScanState.SCANNED)
    return findings


def _scan_queryset(queryset, *, engine, batch_size: int, stats: ScanStats) -> ScanStats:
    from pantau.monitoring.claims import claim_index

    last_id = 0
    while True:
        claim_index()
        posts = [
            _PostToScan(
                pk,
                scan_text(text, title, url),
                kind,
                reach_of(likes, shares, comments, views),
                employee_id,
            )
            for pk, text, kind, likes, shares, comments, views, employee_id, title, url in (
                queryset.filter(pk__gt=last_id)
                .order_by("pk")
                .values_list(*_SCAN_COLUMNS)[:batch_size]
            )
        ]
        if not posts:
            return stats
        results = engine.classify_many([p.text for p in posts], ids=[str(p.pk) for p in posts])
        for post, result in zip(posts, results, strict=True):
            if notes := scan_notes(engine, post.text, result["flags"]):
                result["notes"] = notes
        with transaction.atomic():
            stats.findings += _store(posts, results)
        stats.scanned += len(posts)
        stats.model = results[0]["model"] if results else stats.model
        last_id = posts[-1].pk


def scan_pending(*, batch_size: int = 2000, version: str | None = None) -> ScanStats:
    """Scan every post not scanned yet."""
    engine = get_engine(version)
    pending = Post.objects.filter(scan_state=Post.ScanState.PENDING)
    return _scan_queryset(pending, engine=engine, batch_size=batch_size, stats=ScanStats())


def scan_rescan(*, version: str, batch_size: int = 2000) -> ScanStats:
    """Scan every post again with ``version``, keeping earlier scan results."""
    engine = get_engine(version)
    return _scan_queryset(
        Post.objects.all(), engine=engine, batch_size=batch_size, stats=ScanStats()
    )


def scan_in_background() -> threading.Thread | None:
    """Scan new posts after a commit: on a Celery worker at scale, else in a thread."""
    if settings.CELERY_BROKER_URL:
        from pantau.monitoring.tasks import scan_pending_task

        scan_pending_task.delay()
        return None

    def work() -> None:
        from django.db import connection

        try:
            scan_pending()
        except Exception:
            logger.exception("background scan failed")
        finally:
            connection.close()

    thread = threading.Thread(target=work, name="pantau-scan", daemon=True)
    thread.start()
    return thread
