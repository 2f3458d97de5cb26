"""The editable watchlist: entries in the database, a new frozen version at every change.

A fresh installation starts from the default list shipped with the engine
(``watchlist_seed_default``). Every change writes a new ``WatchlistVersion`` and an audit entry
in one transaction; the scanner uses the newest version.
"""

from __future__ import annotations

import hashlib
import json
import re

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from pantau.audit.services import audit_record, snapshot
from pantau.core.watchlist.engine import UnsafePatternError, compile_pattern
from pantau.monitoring.models import WatchlistEntry, WatchlistVersion


class WatchlistError(Exception):
    """A watchlist entry that cannot be saved; the message says why."""


def validate_entry(*, kind: str, pattern: str, weight: float) -> None:
    """Refuse what the engine would refuse, with a translated message."""
    if not pattern.strip():
        raise WatchlistError(_("The pattern is empty"))
    if not 0 <= weight <= 1:
        raise WatchlistError(_("The weight must be between 0 and 1"))
    if kind == WatchlistEntry.Kind.REGEX:
        try:
            compile_pattern(pattern)
        except re.error as exc:
            raise WatchlistError(_("The regular expression is invalid: %s") % exc) from None
        except UnsafePatternError:
            raise WatchlistError(
                _(
                    "The regular expression %(pattern)s repeats a repeated or alternative part "
                    "without a limit, which can make scanning exponentially slow: rewrite it "
                    "without the nested repeat."
                )
                % {"pattern": pattern}
            ) from None


def _freeze(*, actor, note: str) -> WatchlistVersion:
    entries = [
        e.as_engine_entry() for e in WatchlistEntry.objects.filter(active=True).order_by("entry_id")
    ]
    blob = json.dumps(entries, sort_keys=True, ensure_ascii=False).encode("utf-8")
    number = (WatchlistVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    version = WatchlistVersion.objects.create(
        number=number,
        entries=entries,
        note=note[:300],
        sha256=hashlib.sha256(blob).hexdigest(),
        created_by=actor,
    )
    audit_record(
        action="monitoring.watchlist.versioned",
        obj=version,
        actor=actor,
        after={"number": number, "entries": len(entries), "sha256": version.sha256},
        reason=note,
    )
    transaction.on_commit(_reload_engines)
    return version


def _reload_engines() -> None:
    from pantau.monitoring.scanning import reset_engines

    reset_engines()


def _seed_first() -> None:
    """Before the first edit on a fresh installation, start from the shipped list."""
    if not WatchlistVersion.objects.exists():
        watchlist_seed_default()


@transaction.atomic
def watchlist_entry_save(*, entry: WatchlistEntry, actor, note: str = "") -> WatchlistEntry:
    """Create or change an entry, and freeze a new version."""
    validate_entry(kind=entry.kind, pattern=entry.pattern, weight=entry.weight)
    _seed_first()
    created = entry.pk is None
    before = None if created else snapshot(WatchlistEntry.objects.get(pk=entry.pk))
    entry.save()
    audit_record(
        action=f"monitoring.watchlist.entry_{'created' if created else 'updated'}",
        obj=entry,
        actor=actor,
        before=before,
        after=snapshot(entry),
        reason=note,
    )
    _freeze(actor=actor, note=note or f"{'add' if created else 'change'} {entry.entry_id}")
    return entry


@transaction.atomic
def watchlist_entry_delete(*, entry: WatchlistEntry, actor, note: str = "") -> None:
    _seed_first()
    before = snapshot(entry)
    entry_id = entry.entry_id
    entry.delete()
    audit_record(
        action="monitoring.watchlist.entry_deleted",
        actor=actor,
        before=before,
        object_type="monitoring.watchlistentry",
        object_id=entry_id,
        object_repr=entry_id,
        reason=note,
    )
    _freeze(actor=actor, note=note or f"delete {entry_id}")


@transaction.atomic
def watchlist_seed_default(*, actor=None) -> int:
    """Load the engine's shipped default list when the database has none; returns entries added."""
    if WatchlistEntry.objects.exists():
        return 0
    from pantau.core.watchlist import load_default_entries

    _version, entries = load_default_entries()
    WatchlistEntry.objects.bulk_create(
        [
            WatchlistEntry(
                entry_id=e["id"],
                kind=e["kind"],
                pattern=e["pattern"],
                category=e["category"],
                weight=float(e["weight"]),
                reason_id=e.get("reason_id", ""),
                reason_en=e.get("reason_en", ""),
                source=e.get("source", ""),
            )
            for e in entries
        ]
    )
    _freeze(actor=actor, note="default list shipped with Pantau")
    return len(entries)


def active_watchlist() -> tuple[list[dict] | None, str]:
    """The newest version's entries and label, or (None, "") to use the shipped default."""
    version = WatchlistVersion.objects.order_by("-number").first()
    if version is None:
        return None, ""
    return version.entries, version.label
