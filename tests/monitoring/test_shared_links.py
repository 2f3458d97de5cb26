"""A Facebook share stores the link and its title, and the scan matches hoaxes against them:
a share with no words of its own still meets the register's claim."""

from __future__ import annotations

import json

import pytest

from pantau.monitoring.claims import claim_save
from pantau.monitoring.imports import post_import
from pantau.monitoring.models import ClaimEntry, Finding, Post
from pantau.monitoring.scanning import link_words, scan_pending, scan_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_fresh_engine", "in_english")]

CLAIM = "Gaji PNS golongan III akan dipotong 30 persen mulai Januari untuk membiayai makan siang"


def _export(root, records):
    profile = root / "personal_information" / "profile_information" / "profile_information.json"
    profile.parent.mkdir(parents=True)
    profile.write_text(
        json.dumps({"profile_v2": {"profile_uri": "https://www.facebook.com/fransiska.ndun"}})
    )
    posts = root / "your_facebook_activity" / "posts" / "your_posts_1.json"
    posts.parent.mkdir(parents=True)
    posts.write_text(json.dumps(records))
    return root


def _share(url, name, when):
    return {
        "timestamp": when,
        "attachments": [{"data": [{"external_context": {"url": url, "name": name}}]}],
        "title": "Fransiska Ndun ha compartido un enlace.",
    }


def test_link_words_and_scan_text():
    url = "https://hoaks.example/2026/01/gaji-pns-dipotong_30-persen.html?ref=wa"
    assert link_words(url) == "2026 01 gaji pns dipotong 30 persen ref wa"
    assert scan_text("Teks", "", "") == "Teks"
    assert scan_text("", "Judul", url).startswith("Judul\n\n2026 01 gaji")


def test_a_share_without_text_is_stored_with_its_link_and_matches_the_hoax(tmp_path, registry):
    claim_save(entry=ClaimEntry(claim_id="gaji", text=CLAIM, verdict="hoaks"), actor=None)
    records = [
        _share(
            "https://hoaks.example/2026/gaji-pns-golongan-iii-dipotong-30-persen-januari",
            "Gaji PNS golongan III dipotong 30 persen mulai Januari untuk makan siang gratis",
            1_767_000_000,
        ),
        _share("https://berita.example/olahraga", "Tim voli juara provinsi", 1_767_000_000),
        _share("https://berita.example/cuaca", "Prakiraan cuaca pekan ini", 1_767_000_000),
    ]
    run = post_import(path=_export(tmp_path / "fb", records), format="facebook")
    assert (run.imported, run.duplicates, run.error_count) == (3, 0, 0)
    posts = {p.shared_url.rsplit("/", 1)[-1]: p for p in Post.objects.all()}
    assert set(posts) == {
        "gaji-pns-golongan-iii-dipotong-30-persen-januari",
        "olahraga",
        "cuaca",
    }
    assert {p.kind for p in posts.values()} == {"share"} and {p.text for p in posts.values()} == {
        ""
    }
    assert posts["olahraga"].shared_title == "Tim voli juara provinsi"
    scan_pending()
    finding = Finding.objects.get()
    assert finding.post == posts["gaji-pns-golongan-iii-dipotong-30-persen-januari"]
    assert "hoax" in finding.categories
    assert finding.scan.result["claims"][0]["claim_id"] == "gaji"
