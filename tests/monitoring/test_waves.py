"""Hoax waves: posts that carry the same registered claim are grouped so a reviewer sees one wave."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.urls import reverse

from pantau.monitoring.claims import claim_save
from pantau.monitoring.models import ClaimEntry, Finding, Post
from pantau.monitoring.scanning import scan_pending

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_fresh_engine")]

U = "https://cekfakta.example/2026/"
GAJI = (
    "Gaji PNS golongan III akan dipotong 30 persen mulai Januari untuk membiayai makan siang gratis"
)
BPJS = "Kartu BPJS Kesehatan lama tidak berlaku lagi dan harus diganti dengan membayar Rp 150 ribu"
_ids = itertools.count(1)


@pytest.fixture
def register(db):
    for claim_id, text, clarification in (
        ("tsj-gaji", GAJI, "BKD: tidak ada pemotongan gaji golongan III."),
        ("tsj-bpjs", BPJS, "BPJS Kesehatan: kartu lama tetap berlaku."),
    ):
        claim_save(
            entry=ClaimEntry(
                claim_id=claim_id,
                text=text,
                verdict="hoaks",
                source_name="Cek Fakta Teluk",
                source_url=f"{U}{claim_id}",
                clarification=clarification,
            ),
            actor=None,
        )


def post(account, text, day) -> Post:
    n = next(_ids)
    return Post.objects.create(
        platform=account.platform,
        post_id=f"wave-{n}",
        account=account,
        handle=account.handle,
        text=text,
        content_hash=f"wave-{n}",
        created_at=dt.datetime(2026, 11, day, 9, 0, tzinfo=dt.UTC),
    )


@pytest.fixture
def spread(registry, register):
    x, ani = registry.accounts[1], registry.accounts[3]  # e3 (BIDTI) and e7 (DINKES)
    posts = {
        "first": post(
            ani, "Mulai Januari gaji PNS gol III dipotong 30% buat makan siang gratis", 3
        ),
        "second": post(x, "Info grup: gaji PNS golongan 3 dipotong 30 persen mulai januari!!", 5),
        "other": post(
            x, "Kartu BPJS yang lama katanya udah ga berlaku, harus ganti bayar 150rb", 4
        ),
        "ordinary": post(x, "Selamat pagi, apel Senin di halaman kantor wali kota", 4),
    }
    scan_pending()
    return posts


def test_two_posts_of_the_same_claim_make_one_wave(login_as, spread, registry):
    assert Finding.objects.filter(top_category="hoax").count() == 3
    response = login_as("inspector").get(reverse("waves"))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row["wave"].claim_id for row in rows] == ["tsj-gaji", "tsj-bpjs"]
    gaji = rows[0]
    assert gaji["wave"].size == 2
    assert [f.post for f in gaji["findings"]] == [spread["first"], spread["second"]]
    assert gaji["wave"].first_seen == spread["first"].created_at
    assert gaji["wave"].last_seen == spread["second"].created_at
    assert gaji["units"] == ["Bidang Teknologi Informasi", "Dinas Kesehatan"]
    assert gaji["claim"].claim_id == "tsj-gaji"
    assert [f.post for f in rows[1]["findings"]] == [spread["other"]]
    html = response.content.decode()
    assert html.count(f'href="{U}tsj-gaji"') == 1
    assert "BKD: tidak ada pemotongan gaji golongan III." in html


def test_the_waves_page_is_empty_without_hoax_findings(login_as, registry, register):
    response = login_as("auditor").get(reverse("waves"))
    assert response.status_code == 200 and response.context["rows"] == []


@pytest.mark.parametrize("role", ["decider", "supervisor", "employee"])
def test_roles_that_do_not_see_posts_cannot_see_waves(login_as, spread, role):
    assert login_as(role).get(reverse("waves")).status_code == 403
