"""The fact-check register: editing, imports (CSV/XLSX, ClaimReview JSON-LD) and the live index.

Every change is audited. Imports validate the whole file first and store all claims or none.
The scanner's claim index follows the register incrementally: ``claim_index()`` adds, replaces
or removes only the claims changed since it last looked.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from pantau.audit.services import audit_record, snapshot
from pantau.core.claims import (
    Claim,
    ClaimIndex,
    ClaimReviewError,
    normalise_verdict,
    parse_claimreview,
)
from pantau.core.safe_urls import UnsafeUrl, check_web_url
from pantau.core.tabular import TableError, read_table
from pantau.monitoring.models import ClaimEntry

ALIASES = {
    "id": "claim_id",
    "claim_id": "claim_id",
    "klaim_id": "claim_id",
    "claim": "text",
    "text": "text",
    "klaim": "text",
    "judul": "text",
    "headline": "text",
    "verdict": "verdict",
    "label": "verdict",
    "putusan": "verdict",
    "date": "date",
    "tanggal": "date",
    "topic": "topic",
    "topik": "topic",
    "keywords": "keywords",
    "kata_kunci": "keywords",
    "source": "source_name",
    "source_name": "source_name",
    "sumber": "source_name",
    "url": "source_url",
    "source_url": "source_url",
    "tautan": "source_url",
    "clarification": "clarification",
    "klarifikasi": "clarification",
}


class ClaimImportError(Exception):
    """The file cannot be imported; the message names the file and, where known, row and field."""


@dataclass
class ClaimImportReport:
    source: str
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def _entry_values(claim: Claim, *, source_name: str = "") -> dict:
    return {
        "text": claim.text,
        "verdict": claim.verdict,
        "date": claim.date,
        "topic": claim.topic,
        "keywords": list(claim.keywords),
        "source_url": claim.url,
        "clarification": claim.clarification,
        "source_name": source_name,
        "active": True,
    }


def _rows_to_claims(path: Path, data: bytes, report: ClaimImportReport) -> list[tuple[Claim, str]]:
    try:
        rows = list(
            read_table(
                path, aliases=ALIASES, required={"text", "verdict"}, data=data, name=path.name
            )
        )
    except TableError as exc:
        raise ClaimImportError(str(exc)) from None
    out = []
    for row in rows:
        v = row.values
        if row.problem:
            report.errors.append(f"{path.name}: row {row.number}: {row.problem}")
            continue
        try:
            verdict = normalise_verdict(v.get("verdict", ""))
            if verdict is None:
                raise ValueError(
                    f"unknown verdict {v.get('verdict', '')!r}; use hoaks, "
                    "disinformasi, misinformasi, satire or fakta"
                )
            date = dt.date.fromisoformat(v["date"][:10]) if v.get("date") else None
            claim_id = v.get("claim_id") or f"{path.stem}-{row.number}"
            keywords = tuple(k.strip() for k in v.get("keywords", "").split(",") if k.strip())
            try:
                source_url = check_web_url(v.get("source_url", ""))
            except UnsafeUrl as exc:
                raise ValueError(f"column source_url: {exc}") from None
            claim = Claim(
                claim_id=claim_id,
                text=v.get("text", ""),
                verdict=verdict,
                url=source_url,
                clarification=v.get("clarification", ""),
                keywords=keywords,
                topic=v.get("topic", ""),
                date=date,
            )
        except ValueError as exc:
            report.errors.append(f"{path.name}: row {row.number}: {exc}")
            continue
        out.append((claim, v.get("source_name", "")))
    return out


def claims_import(
    *, path: str | Path, data: bytes | None = None, actor=None, name: str | None = None
) -> ClaimImportReport:
    """Import a CSV/XLSX table or a ClaimReview JSON(-LD) document: every claim or none."""
    path = Path(name or path)
    data = Path(path).read_bytes() if data is None else data
    report = ClaimImportReport(source=path.name)
    if path.suffix.lower() in (".json", ".jsonld") or data.lstrip()[:1] in (b"{", b"["):
        try:
            document = json.loads(data.decode("utf-8"))
            claims = [(c, c.source) for c in parse_claimreview(document)]
            for number, (claim, _source) in enumerate(claims, start=1):
                try:
                    check_web_url(claim.url)
                except UnsafeUrl as exc:
                    report.errors.append(
                        f"{path.name}: claim {number} ({claim.claim_id}): url: {exc}"
                    )
        except UnicodeDecodeError:
            raise ClaimImportError(f"{path.name}: not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise ClaimImportError(
                f"{path.name}: line {exc.lineno}: not valid JSON ({exc.msg})"
            ) from None
        except ClaimReviewError as exc:
            raise ClaimImportError(f"{path.name}: {exc}") from None
    else:
        claims = _rows_to_claims(path, data, report)
    if report.errors:
        raise ClaimImportError("; ".join(report.errors[:20]))
    if not claims:
        raise ClaimImportError(_("%s: no claims in the file") % path.name)
    with transaction.atomic():
        for claim, source_name in claims:
            entry = ClaimEntry.objects.filter(claim_id=claim.claim_id).first()
            values = _entry_values(claim, source_name=source_name)
            if entry is None:
                entry = ClaimEntry.objects.create(claim_id=claim.claim_id, **values)
                report.created += 1
            else:
                for key, value in values.items():
                    setattr(entry, key, value)
                entry.save()
                report.updated += 1
        audit_record(
            action="monitoring.claims.imported",
            actor=actor,
            object_type="monitoring.claimentry",
            object_id=path.name,
            object_repr=path.name,
            after={"created": report.created, "updated": report.updated},
        )
    return report


@transaction.atomic
def claim_save(*, entry: ClaimEntry, actor) -> ClaimEntry:
    """Create or edit a claim in the register (validated like an imported one)."""
    Claim(claim_id=entry.claim_id, text=entry.text, verdict=entry.verdict)  # raises ValueError
    created = entry.pk is None
    before = None if created else snapshot(ClaimEntry.objects.get(pk=entry.pk))
    entry.save()
    audit_record(
        action=f"monitoring.claim.{'created' if created else 'updated'}",
        obj=entry,
        actor=actor,
        before=before,
        after=snapshot(entry),
    )
    return entry


def to_claim(entry: ClaimEntry) -> Claim:
    return Claim(
        claim_id=entry.claim_id,
        text=entry.text,
        verdict=entry.verdict,
        url=entry.source_url,
        clarification=entry.clarification,
        keywords=tuple(entry.keywords or ()),
        topic=entry.topic,
        date=entry.date,
    )


class _LiveIndex:
    """The process's claim index, brought up to date with the register on each use."""

    def __init__(self) -> None:
        self.index = ClaimIndex()
        self.synced_at = None
        self.lock = threading.Lock()

    # Rows stamped shortly before the last sync may have committed after it (two writers on
    # PostgreSQL): look back this far each time; re-adding a claim is idempotent.
    OVERLAP = dt.timedelta(minutes=5)

    def sync(self) -> ClaimIndex:
        with self.lock:
            count = ClaimEntry.objects.filter(active=True).count()
            changed = ClaimEntry.objects.all()
            if self.synced_at is not None:
                changed = changed.filter(updated_at__gte=self.synced_at - self.OVERLAP)
            latest = changed.aggregate(m=Max("updated_at"))["m"]
            if latest is not None:
                rows = list(changed)
                gone = [r.claim_id for r in rows if not r.active and r.claim_id in self.index]
                if gone:
                    self.index.remove(gone)
                live = [to_claim(r) for r in rows if r.active]
                if live:
                    self.index.add(live, replace=True)
                self.synced_at = max(latest, self.synced_at or latest)
            if len(self.index) != count:  # a row was deleted or re-identified: reconcile ids
                active = set(
                    ClaimEntry.objects.filter(active=True).values_list("claim_id", flat=True)
                )
                stale = [c.claim_id for c in self.index.claims() if c.claim_id not in active]
                if stale:
                    self.index.remove(stale)
            return self.index


_live = _LiveIndex()


def claim_index() -> ClaimIndex:
    return _live.sync()


def reset_claim_index() -> None:
    global _live
    _live = _LiveIndex()
