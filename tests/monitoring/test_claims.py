"""The fact-check register: imports (CSV, XLSX, ClaimReview), the editing UI, `pantau claims
import`, and the scanner flagging posts that repeat a registered claim, with the live index.

The claims are invented for these tests in the form Indonesian fact-checkers publish them; the
links point at ``cekfakta.example``.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json

import pytest
import time_machine
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.cli import main
from pantau.monitoring.claims import ClaimImportError, claim_index, claim_save, claims_import
from pantau.monitoring.models import ClaimEntry, Finding, Post
from pantau.monitoring.scanning import scan_pending
from tests.conftest import write_csv, write_xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_fresh_engine", "in_english")]

U = "https://cekfakta.example/2026/"
AIR = "Air PDAM Teluk Sejahtera tercemar bakteri E. coli dan tidak boleh diminum selama sepekan"
GAJI = (
    "Gaji PNS golongan III akan dipotong 30 persen mulai Januari untuk membiayai makan siang gratis"
)
JEMBATAN = "Jembatan Teluk Sejahtera akan ditutup total selama enam bulan mulai pekan depan"
BPJS = "Kartu BPJS Kesehatan lama tidak berlaku lagi dan harus diganti dengan membayar Rp 150 ribu"
KUDA = "Wali kota mewajibkan ASN datang ke kantor naik kuda setiap Jumat"

REPEATS_GAJI = (
    "Info dari grup sebelah: mulai Januari gaji PNS gol III dipotong 30% buat bayar program "
    "makan siang gratis. Siap-siap ya rekan2"
)
SAME_TOPIC = "Alhamdulillah gaji ke-13 PNS sudah cair hari ini, terima kasih BKAD"
REPEATS_AIR = "Jangan minum air PDAM dulu seminggu ini, katanya sudah tercemar bakteri e coli"
REPEATS_JEMBATAN = (
    "Waduh jembatan teluk sejahtera mau ditutup total 6 bulan mulai minggu depan, "
    "cek dulu ini bener gak?"
)
REPEATS_BPJS = "Kartu BPJS yang lama katanya udah ga berlaku, harus ganti bayar 150rb"
_ids = itertools.count(1)


def claim_review(text, *, slug, rating="Salah", **extra) -> dict:
    node = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{U}{slug}",
        "claimReviewed": text,
        "datePublished": "2026-10-01",
        "author": {"@type": "Organization", "name": "Cek Fakta Teluk"},
        "reviewRating": {"@type": "Rating", "alternateName": rating},
        "reviewBody": f"Klarifikasi resmi: {text.lower()} tidak benar.",
        "keywords": "hoaks, teluk sejahtera",
    }
    node.update(extra)
    return node


def write_json(path, document):
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def texts() -> set[str]:
    return set(ClaimEntry.objects.values_list("text", flat=True))


def scan_text(registry, text) -> Finding | None:
    account = registry.accounts[1]  # e3 on X
    n = next(_ids)
    post = Post.objects.create(
        platform="x",
        post_id=f"cl-{n}",
        account=account,
        handle=account.handle,
        text=text,
        content_hash=f"cl-{n}",
    )
    scan_pending()
    return Finding.objects.filter(post=post).first()


# --- imports ----------------------------------------------------------------------------------

CSV_HEADER = ["id", "klaim", "putusan", "tanggal", "topik", "kata_kunci", "sumber", "tautan",
              "klarifikasi"]  # fmt: skip


def test_a_csv_with_indonesian_headers_is_imported(tmp_path, users):
    rows = [
        CSV_HEADER,
        ["tsj-air", AIR, "Hoaks", "2026-10-01", "kesehatan", "PDAM, air", "Cek Fakta Teluk",
         f"{U}air", "Dinkes memastikan air PDAM aman diminum."],
        ["tsj-gaji", GAJI, "disinformasi", "2026-10-05", "kepegawaian", "gaji,PNS",
         "Cek Fakta Teluk", f"{U}gaji", "BKD membantah ada pemotongan gaji."],
    ]  # fmt: skip
    path = tmp_path / "register.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    report = claims_import(path=path, actor=users["inspector"])
    assert (report.source, report.created, report.updated) == ("register.csv", 2, 0)
    air = ClaimEntry.objects.get(claim_id="tsj-air")
    assert (air.text, air.verdict, air.topic) == (AIR, "hoaks", "kesehatan")
    assert air.date.isoformat() == "2026-10-01" and air.keywords == ["PDAM", "air"]
    assert (air.source_name, air.source_url) == ("Cek Fakta Teluk", f"{U}air")
    assert air.clarification == "Dinkes memastikan air PDAM aman diminum." and air.active
    entry = AuditEntry.objects.get(action="monitoring.claims.imported")
    assert entry.actor == users["inspector"] and entry.after == {"created": 2, "updated": 0}


def test_an_xlsx_register_is_imported_and_a_second_import_updates(tmp_path):
    rows = [["claim_id", "claim", "verdict", "url"], ["tsj-jembatan", JEMBATAN, "False", f"{U}j"]]
    path = write_xlsx(tmp_path / "register.xlsx", rows, title="Daftar hoaks 2026")
    assert claims_import(path=path).created == 1
    assert ClaimEntry.objects.get().verdict == "hoaks"
    rows[1][2] = "misleading"
    again = claims_import(path=write_xlsx(tmp_path / "register.xlsx", rows))
    assert (again.created, again.updated) == (0, 1)
    assert ClaimEntry.objects.get().verdict == "misinformasi"


def test_a_bad_csv_row_imports_nothing_and_names_the_row(tmp_path):
    rows = [
        ["id", "klaim", "putusan"],
        ["tsj-air", AIR, "hoaks"],
        ["tsj-gaji", GAJI, "ngawur"],
    ]
    with pytest.raises(ClaimImportError) as error:
        claims_import(path=write_csv(tmp_path / "register.csv", rows))
    message = str(error.value)
    assert message.startswith("register.csv: row 3:")
    assert "verdict" in message
    assert not ClaimEntry.objects.exists()


def test_the_error_for_an_unknown_verdict_quotes_the_value_given(tmp_path):
    rows = [["id", "klaim", "putusan"], ["tsj-gaji", GAJI, "ngawur"]]
    with pytest.raises(ClaimImportError) as error:
        claims_import(path=write_csv(tmp_path / "register.csv", rows))
    assert "ngawur" in str(error.value)


def test_a_single_claimreview_is_imported(tmp_path):
    path = write_json(tmp_path / "review.json", claim_review(AIR, slug="air", about="kesehatan"))
    assert claims_import(path=path).created == 1
    entry = ClaimEntry.objects.get()
    assert (entry.text, entry.verdict, entry.source_url) == (AIR, "hoaks", f"{U}air")
    assert entry.clarification.startswith("Klarifikasi resmi")
    assert entry.keywords == ["hoaks", "teluk sejahtera"] and entry.topic == "kesehatan"
    assert entry.date.isoformat() == "2026-10-01"


def test_a_claimreview_import_keeps_the_fact_checkers_name(tmp_path):
    claims_import(path=write_json(tmp_path / "review.json", claim_review(AIR, slug="air")))
    assert ClaimEntry.objects.get().source_name == "Cek Fakta Teluk"


def test_a_list_of_claimreviews_is_imported(tmp_path):
    document = [
        claim_review(AIR, slug="air", identifier="cr-air"),
        claim_review(GAJI, slug="gaji", rating="Disinformasi", identifier="cr-gaji"),
        claim_review(KUDA, slug="kuda", rating="Satire", identifier="cr-kuda"),
    ]
    assert claims_import(path=write_json(tmp_path / "list.json", document)).created == 3
    verdicts = dict(ClaimEntry.objects.values_list("claim_id", "verdict"))
    assert verdicts == {"cr-air": "hoaks", "cr-gaji": "disinformasi", "cr-kuda": "satire"}


def test_a_graph_with_references_is_imported(tmp_path):
    document = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": f"{U}jembatan#page", "name": "Cek fakta"},
            {"@type": "Rating", "@id": "#rating", "alternateName": "Hoaks"},
            {
                "@type": "ClaimReview",
                "@id": f"{U}jembatan#review",
                "url": f"{U}jembatan",
                "claimReviewed": JEMBATAN,
                "reviewRating": {"@id": "#rating"},
                "itemReviewed": {"@type": "Claim", "datePublished": "2026-09-30"},
            },
        ],
    }
    assert claims_import(path=write_json(tmp_path / "graph.jsonld", document)).created == 1
    entry = ClaimEntry.objects.get()
    assert (entry.claim_id, entry.verdict) == (f"{U}jembatan#review", "hoaks")
    assert entry.date.isoformat() == "2026-09-30"


def test_a_datafeed_of_claimreviews_is_imported(tmp_path):
    feed = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": claim_review(BPJS, slug="bpjs")},
            {"@type": "DataFeedItem", "item": claim_review(JEMBATAN, slug="jembatan")},
        ],
    }
    assert claims_import(path=write_json(tmp_path / "feed.json", feed)).created == 2
    assert texts() == {BPJS, JEMBATAN}


def test_a_malformed_claimreview_names_the_item_and_imports_nothing(tmp_path):
    claim_save(entry=ClaimEntry(claim_id="cr-air", text="teks lama", verdict="hoaks"), actor=None)
    bad = claim_review(GAJI, slug="gaji", identifier="cr-gaji")
    del bad["claimReviewed"]
    document = [
        claim_review(AIR, slug="air", identifier="cr-air"),
        claim_review(BPJS, slug="bpjs", identifier="cr-bpjs"),
        bad,
    ]
    before = ClaimEntry.objects.count()
    with pytest.raises(ClaimImportError) as error:
        claims_import(path=write_json(tmp_path / "feed.json", document))
    assert str(error.value) == "feed.json: item 2.claimReviewed: missing or empty"
    assert ClaimEntry.objects.count() == before
    assert ClaimEntry.objects.get(claim_id="cr-air").text == "teks lama"
    assert not AuditEntry.objects.filter(action="monitoring.claims.imported").exists()


def test_json_that_does_not_parse_names_the_line(tmp_path):
    path = tmp_path / "rusak.json"
    path.write_text('[\n{"@type": "ClaimReview",\n', encoding="utf-8")
    with pytest.raises(ClaimImportError, match=r"^rusak\.json: line \d+: not valid JSON"):
        claims_import(path=path)


# --- pantau claims import ---------------------------------------------------------------------


def test_pantau_claims_import_reports_new_and_updated(tmp_path, capsys):
    path = write_json(tmp_path / "feed.json", [claim_review(AIR, slug="air", identifier="a")])
    assert main(["claims", "import", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "feed.json: 1 new claims, 0 updated"
    assert main(["claims", "import", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "feed.json: 0 new claims, 1 updated"


def test_pantau_claims_import_prints_the_error_and_exits_2(tmp_path, capsys):
    bad = claim_review(AIR, slug="air")
    bad["url"] = "bukan tautan"
    path = write_json(tmp_path / "feed.json", bad)
    assert main(["claims", "import", str(path)]) == 2
    assert capsys.readouterr().err.strip() == (
        "pantau claims: error: feed.json: item 0.url: missing or not an http(s) URL"
    )
    assert main(["claims", "import", str(tmp_path / "tidak-ada.json")]) == 2
    assert not ClaimEntry.objects.exists()


# --- the editing UI ---------------------------------------------------------------------------


def form_data(**over) -> dict:
    data = {
        "claim_id": "tsj-gaji",
        "text": GAJI,
        "verdict": "disinformasi",
        "date": "2026-10-05",
        "topic": "kepegawaian",
        "source_name": "Cek Fakta Teluk",
        "source_url": f"{U}gaji",
        "clarification": "BKD membantah ada pemotongan gaji.",
        "active": "on",
        "keywords_text": "gaji, PNS , ",
    }
    data.update(over)
    return data


def test_an_inspector_adds_and_edits_a_claim_and_both_are_audited(login_as, users):
    client = login_as("inspector")
    response = client.post(reverse("claim_new"), form_data())
    assert response.status_code == 302 and response.url == reverse("claim_list")
    entry = ClaimEntry.objects.get()
    assert entry.keywords == ["gaji", "PNS"] and entry.verdict == "disinformasi"
    created = AuditEntry.objects.get(action="monitoring.claim.created")
    assert created.actor == users["inspector"] and created.after["text"] == GAJI

    edit = reverse("claim_edit", args=[entry.pk])
    assert client.get(edit).status_code == 200
    client.post(edit, form_data(verdict="hoaks", clarification="Sudah dibantah BKD."))
    entry.refresh_from_db()
    assert entry.verdict == "hoaks"
    updated = AuditEntry.objects.get(action="monitoring.claim.updated")
    assert updated.before["verdict"] == "disinformasi" and updated.after["verdict"] == "hoaks"
    assert updated.actor == users["inspector"]
    listing = client.get(reverse("claim_list"), {"q": "golongan III"})
    assert [c.claim_id for c in listing.context["page"].object_list] == ["tsj-gaji"]
    assert listing.context["can_edit"] is True


def test_an_invalid_claim_is_shown_again_with_the_error(login_as):
    response = login_as("head").post(reverse("claim_new"), form_data(verdict="ngawur", text=""))
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"verdict", "text"}
    assert not ClaimEntry.objects.exists()


@pytest.mark.parametrize("role", ["admin", "decider", "supervisor", "employee", "auditor"])
def test_other_roles_cannot_add_edit_or_import_claims(login_as, tmp_path, role):
    entry = claim_save(entry=ClaimEntry(claim_id="c", text=AIR, verdict="hoaks"), actor=None)
    client = login_as(role)
    assert client.post(reverse("claim_new"), form_data()).status_code == 403
    assert client.post(reverse("claim_edit", args=[entry.pk]), form_data()).status_code == 403
    upload = write_json(tmp_path / "f.json", claim_review(GAJI, slug="gaji"))
    with upload.open("rb") as handle:
        assert client.post(reverse("claim_import"), {"file": handle}).status_code == 403
    assert list(ClaimEntry.objects.values_list("claim_id", flat=True)) == ["c"]


def test_an_inspector_imports_a_claimreview_file_from_the_register_page(
    login_as, tmp_path, english
):
    client = login_as("inspector")
    good = write_json(tmp_path / "feed.json", [claim_review(AIR, slug="air")])
    with good.open("rb") as handle:
        response = client.post(reverse("claim_import"), {"file": handle}, follow=True)
    assert "1 new claims, 0 updated." in response.content.decode()
    bad = claim_review(GAJI, slug="gaji")
    del bad["reviewRating"]
    with write_json(tmp_path / "bad.json", bad).open("rb") as handle:
        response = client.post(reverse("claim_import"), {"file": handle}, follow=True)
    assert "bad.json: item 0.reviewRating: missing or not an object" in response.content.decode()
    assert ClaimEntry.objects.count() == 1


# --- scanning against the register ------------------------------------------------------------


@pytest.fixture
def register(tmp_path):
    rows = [
        ["id", "klaim", "putusan", "tautan", "klarifikasi"],
        ["tsj-air", AIR, "hoaks", f"{U}air", "Dinkes: air PDAM aman."],
        ["tsj-gaji", GAJI, "disinformasi", f"{U}gaji", "BKD: tidak ada pemotongan gaji."],
        ["tsj-bpjs", BPJS, "hoaks", f"{U}bpjs", "BPJS: kartu lama tetap berlaku."],
        ["tsj-kuda", KUDA, "satire", f"{U}kuda", "Satire akun parodi."],
    ]
    claims_import(path=write_csv(tmp_path / "register.csv", rows))


def test_a_post_repeating_a_registered_claim_is_flagged_as_hoax_with_the_claim(registry, register):
    finding = scan_text(registry, REPEATS_GAJI)
    assert finding is not None and finding.top_category == "hoax"
    result = finding.scan.result
    assert "hoax" in result["flags"] and result["scores"]["hoax"] >= 0.5
    [claim] = result["claims"]
    assert claim["claim_id"] == "tsj-gaji" and claim["url"] == f"{U}gaji"
    assert claim["similarity"] >= 0.5
    [evidence] = [e for e in result["evidence"] if e["source"] == "claim"]
    assert REPEATS_GAJI[evidence["start"] : evidence["end"]] == evidence["text"]
    assert "gaji PNS gol III dipotong 30%" in evidence["text"]


def test_the_finding_page_shows_the_debunk_link(registry, register, login_as):
    finding = scan_text(registry, REPEATS_AIR)
    page = login_as("inspector").get(reverse("finding_detail", args=[finding.pk]))
    assert page.status_code == 200
    assert f'href="{U}air"' in page.content.decode()


def test_an_unrelated_post_on_the_same_topic_is_not_flagged_as_hoax(registry, register):
    finding = scan_text(registry, SAME_TOPIC)
    assert finding is None or "hoax" not in finding.categories
    scan = Post.objects.get(text=SAME_TOPIC).scans.get()
    assert scan.scores["hoax"] < 0.5


def test_a_claim_added_after_a_scan_is_matched_in_the_next_scan(registry, register, users):
    assert scan_text(registry, REPEATS_JEMBATAN) is None
    index = claim_index()
    size = len(index)
    claim_save(
        entry=ClaimEntry(
            claim_id="tsj-jembatan", text=JEMBATAN, verdict="hoaks", source_url=f"{U}jembatan"
        ),
        actor=users["inspector"],
    )
    finding = scan_text(registry, REPEATS_JEMBATAN)
    assert finding is not None and finding.top_category == "hoax"
    assert [c["claim_id"] for c in finding.scan.result["claims"]] == ["tsj-jembatan"]
    assert claim_index() is index and len(index) == size + 1  # updated in place


def test_a_deactivated_claim_is_no_longer_matched(registry, register, login_as):
    assert scan_text(registry, REPEATS_AIR).top_category == "hoax"
    entry = ClaimEntry.objects.get(claim_id="tsj-air")
    login_as("inspector").post(
        reverse("claim_edit", args=[entry.pk]),
        form_data(claim_id="tsj-air", text=AIR, verdict="hoaks", active=""),
    )
    assert ClaimEntry.objects.get(claim_id="tsj-air").active is False
    assert scan_text(registry, REPEATS_AIR + " !") is None


def test_a_claims_identifier_cannot_be_changed_so_scans_keep_pointing_at_it(
    registry, register, login_as
):
    scan_text(registry, REPEATS_AIR)
    entry = ClaimEntry.objects.get(claim_id="tsj-air")
    login_as("inspector").post(
        reverse("claim_edit", args=[entry.pk]),
        form_data(claim_id="tsj-air-2026", text=AIR, verdict="hoaks", source_url=f"{U}air"),
    )
    assert ClaimEntry.objects.get(pk=entry.pk).claim_id == "tsj-air"
    finding = scan_text(registry, REPEATS_AIR + " !")
    assert [c["claim_id"] for c in finding.scan.result["claims"]] == ["tsj-air"]


def test_a_claim_is_withdrawn_by_deactivating_it_not_by_deleting_it(registry, register, login_as):
    assert scan_text(registry, REPEATS_BPJS).top_category == "hoax"
    entry = ClaimEntry.objects.get(claim_id="tsj-bpjs")
    admin = login_as("admin")
    response = admin.post(
        reverse("admin:monitoring_claimentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert response.status_code == 403 and ClaimEntry.objects.filter(pk=entry.pk).exists()
    entry.active = False
    claim_save(entry=entry, actor=None)
    finding = scan_text(registry, REPEATS_BPJS + " !")
    assert finding is None or "tsj-bpjs" not in [
        c["claim_id"] for c in finding.scan.result["claims"]
    ]


def test_a_claim_removed_from_the_table_is_dropped_from_the_live_index(registry, register):
    """Rows deleted behind the application's back (e.g. in the database) leave the index too."""
    assert scan_text(registry, REPEATS_BPJS).top_category == "hoax"
    ClaimEntry.objects.filter(claim_id="tsj-bpjs").delete()
    finding = scan_text(registry, REPEATS_BPJS + " !")
    assert finding is None or "tsj-bpjs" not in [
        c["claim_id"] for c in finding.scan.result["claims"]
    ]


def test_a_satire_claim_is_listed_but_does_not_make_a_hoax(registry, register):
    finding = scan_text(
        registry, "Mulai Jumat ini ASN wajib datang ke kantor naik kuda kata pak wali kota"
    )
    scan = Post.objects.get(text__startswith="Mulai Jumat ini").scans.get()
    assert scan.scores["hoax"] < 0.5
    assert finding is None or "hoax" not in finding.categories


def test_a_claim_committed_after_a_newer_one_was_indexed_is_still_matched(registry, users):
    """An import's transaction stamps its claims when it saves them but commits later; if a
    quicker edit with a newer stamp is indexed in between, the import's claims must still be
    picked up. The clock reproduces that order: the later save carries the older stamp."""
    start = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
    with time_machine.travel(start + dt.timedelta(seconds=10), tick=False):
        claim_save(entry=ClaimEntry(claim_id="tsj-bpjs", text=BPJS, verdict="hoaks"), actor=None)
        claim_index()
    with time_machine.travel(start, tick=False):
        claim_save(entry=ClaimEntry(claim_id="tsj-gaji", text=GAJI, verdict="hoaks"), actor=None)
    finding = scan_text(registry, REPEATS_GAJI)
    assert finding is not None
    assert [c["claim_id"] for c in finding.scan.result["claims"]] == ["tsj-gaji"]
