"""Editing the watchlist: every change freezes a new version, is audited, and changes the scanner."""

from __future__ import annotations

import hashlib
import itertools
import json

import pytest
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.monitoring.models import Finding, Post, WatchlistEntry, WatchlistVersion
from pantau.monitoring.scanning import scan_pending
from pantau.monitoring.watchlists import (
    WatchlistError,
    active_watchlist,
    watchlist_entry_delete,
    watchlist_entry_save,
    watchlist_seed_default,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_fresh_engine")]

RALLY = "Ayo gabung Laskar Bulan Sabit Merah, kumpul malam ini di lapangan"
SHIPPED_TERM = "Anggota ISIS sudah masuk kota kita, dukung perjuangan mereka"
_ids = itertools.count(1)


def scanned(registry, text: str) -> list[dict]:
    """Scan a new post with ``text``; the watchlist evidence of its result."""
    account = registry.accounts[1]
    n = next(_ids)
    post = Post.objects.create(
        platform=account.platform,
        post_id=f"wl-{n}",
        account=account,
        handle=account.handle,
        text=text,
        content_hash=f"wl-{n}",
    )
    scan_pending()
    finding = Finding.objects.filter(post=post).first()
    if finding is None:
        return []
    return [e for e in finding.scan.result["evidence"] if e["source"] == "watchlist"]


def add_entry_in_admin(client, users, **fields) -> None:
    data = {
        "entry_id": "org-laskar-bulan-sabit",
        "kind": "phrase",
        "pattern": "laskar bulan sabit merah",
        "category": "radicalism",
        "weight": "0.9",
        "reason_id": "Organisasi terlarang menurut keputusan daerah (contoh uji)",
        "reason_en": "Banned organisation (test example)",
        "source": "Perwali 12/2026",
        "active": "on",
        **fields,
    }
    client.force_login(users["admin"])
    return client.post(reverse("admin:monitoring_watchlistentry_add"), data)


def test_an_entry_added_in_the_admin_freezes_a_version_and_is_audited(
    client, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add_entry_in_admin(client, users)
    assert response.status_code == 302, response.content
    # On a fresh installation the shipped list is frozen first (version 1), then the edit.
    shipped, version = WatchlistVersion.objects.order_by("number")
    assert shipped.number == 1 and shipped.note == "default list shipped with Pantau"
    assert version.number == 2 and version.label == "db-2"
    assert version.created_by == users["admin"]
    ids = [e["id"] for e in version.entries]
    assert "org-laskar-bulan-sabit" in ids and len(ids) == len(shipped.entries) + 1
    blob = json.dumps(version.entries, sort_keys=True, ensure_ascii=False).encode("utf-8")
    assert version.sha256 == hashlib.sha256(blob).hexdigest()
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-2:] == ["monitoring.watchlist.entry_created", "monitoring.watchlist.versioned"]
    versioned = AuditEntry.objects.filter(action="monitoring.watchlist.versioned").latest("seq")
    assert versioned.actor == users["admin"] and versioned.after["number"] == 2


def test_the_scanner_matches_a_new_entry_after_the_edit(
    client, registry, users, django_capture_on_commit_callbacks
):
    assert scanned(registry, RALLY) == []
    with django_capture_on_commit_callbacks(execute=True):
        add_entry_in_admin(client, users)
    [hit] = scanned(registry, RALLY)
    assert hit["entry_id"] == "org-laskar-bulan-sabit" and hit["category"] == "radicalism"
    assert RALLY[hit["start"] : hit["end"]] == "Laskar Bulan Sabit Merah"
    assert hit["reason_id"].startswith("Organisasi terlarang")


def test_changing_and_deleting_an_entry_make_new_versions_the_scanner_follows(
    registry, users, django_capture_on_commit_callbacks
):
    admin = users["admin"]
    entry = WatchlistEntry(
        entry_id="org-laskar",
        kind="phrase",
        pattern="laskar bulan sabit merah",
        category="radicalism",
        weight=0.9,
        reason_id="contoh",
    )
    with django_capture_on_commit_callbacks(execute=True):
        watchlist_entry_save(entry=entry, actor=admin)
    assert scanned(registry, RALLY)
    with django_capture_on_commit_callbacks(execute=True):
        entry.pattern = "panji hitam nusantara"
        watchlist_entry_save(entry=entry, actor=admin, note="ganti nama organisasi")
    assert scanned(registry, RALLY) == []
    assert scanned(registry, "Besok kumpul di lapangan, bawa bendera Panji Hitam Nusantara")
    updated = AuditEntry.objects.get(action="monitoring.watchlist.entry_updated")
    assert updated.before["pattern"] == "laskar bulan sabit merah"
    assert updated.after["pattern"] == "panji hitam nusantara"
    assert updated.reason == "ganti nama organisasi"
    with django_capture_on_commit_callbacks(execute=True):
        watchlist_entry_delete(entry=entry, actor=admin)
    assert scanned(registry, "Bendera Panji Hitam Nusantara dikibarkan lagi") == []
    numbers = list(WatchlistVersion.objects.order_by("number").values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]  # 1 is the shipped list, frozen before the first edit
    shipped = WatchlistVersion.objects.get(number=1).entries
    assert WatchlistVersion.objects.get(number=4).entries == shipped
    assert active_watchlist() == (shipped, "db-4")


def test_an_invalid_regular_expression_is_refused_and_freezes_nothing(client, users, english):
    response = add_entry_in_admin(client, users, kind="regex", pattern="(laskar")
    assert response.status_code == 200
    assert "The regular expression is invalid" in response.content.decode()
    assert not WatchlistEntry.objects.exists() and not WatchlistVersion.objects.exists()
    with pytest.raises(WatchlistError):
        watchlist_entry_save(
            entry=WatchlistEntry(entry_id="x", kind="term", pattern="x", weight=1.5, reason_id="x"),
            actor=users["admin"],
        )


def test_seeding_copies_the_shipped_list_once(users):
    added = watchlist_seed_default(actor=users["admin"])
    assert added > 50 and WatchlistEntry.objects.count() == added
    assert watchlist_seed_default(actor=users["admin"]) == 0
    entries, label = active_watchlist()
    assert label == "db-1" and "org-isis" in {e["id"] for e in entries}


def test_the_first_edit_on_a_fresh_installation_keeps_the_shipped_entries(
    client, registry, users, django_capture_on_commit_callbacks
):
    """A new installation scans with the shipped list; adding one local term must not drop it."""
    assert {h["entry_id"] for h in scanned(registry, SHIPPED_TERM)} >= {"org-isis"}
    with django_capture_on_commit_callbacks(execute=True):
        add_entry_in_admin(client, users)
    assert {h["entry_id"] for h in scanned(registry, SHIPPED_TERM)} >= {"org-isis"}


def test_a_shipped_entry_can_be_saved_unchanged_in_the_admin(client, users):
    watchlist_seed_default(actor=users["admin"])
    entry = max(WatchlistEntry.objects.all(), key=lambda e: len(e.pattern))
    client.force_login(users["admin"])
    url = reverse("admin:monitoring_watchlistentry_change", args=[entry.pk])
    data = {
        field: getattr(entry, field)
        for field in ("entry_id", "kind", "pattern", "category", "weight", "reason_id",
                      "reason_en", "source")
    }  # fmt: skip
    response = client.post(url, {**data, "active": "on"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert WatchlistVersion.objects.count() == 2


def test_a_regex_that_could_scan_exponentially_slowly_is_refused_naming_it(client, users, english):
    pattern = r"(?<=bendera )(laskar|laskar )+merah"
    response = add_entry_in_admin(client, users, kind="regex", pattern=pattern)
    assert response.status_code == 200
    html = response.content.decode()
    assert "exponentially slow" in html and "(laskar|laskar )+merah" in html
    assert not WatchlistEntry.objects.exists() and not WatchlistVersion.objects.exists()


def test_a_regex_re2_runs_is_accepted_even_with_a_nested_repeat(client, users, english):
    response = add_entry_in_admin(client, users, kind="regex", pattern="(a+)+$")
    assert response.status_code == 302
    assert WatchlistEntry.objects.filter(pattern="(a+)+$").exists()
