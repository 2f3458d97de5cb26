"""Scanning posts into findings: thresholds, evidence, priority, and rescans that keep history."""

from __future__ import annotations

import itertools

import pytest

from pantau.cli import main
from pantau.core.detection import load_artifact
from pantau.monitoring.models import Finding, Post, ScanResult
from pantau.monitoring.scanning import SEVERITY, priority, scan_pending, scan_rescan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_fresh_engine")]

HATEFUL = "Dasar kaum kafir itu semua anjing, usir saja dari kota ini"
ABUSIVE = "Dasar pejabat goblok, tolol semua kalian bangsat"
RADICAL = "Anggota ISIS sudah masuk kota kita, dukung perjuangan daulah islamiyah"
CRITICISM = "Kebijakan parkir baru ini merugikan pedagang kecil, tolong dikaji ulang pak wali"
ORDINARY = "Ayo ikut kerja bakti membersihkan selokan di kompleks hari Minggu pagi"
_ids = itertools.count(1)


@pytest.fixture
def model_name() -> str:
    return f"pantau-id-{load_artifact().version}"


def make_post(registry, text, *, kind="post", account=0, **reach) -> Post:
    account = registry.accounts[account] if isinstance(account, int) else account
    n = next(_ids)
    return Post.objects.create(
        platform=account.platform if account else "x",
        post_id=f"scan-{n}",
        account=account,
        handle=account.handle if account else "orang_lain",
        text=text,
        kind=kind,
        content_hash=f"hash-{n}",
        **reach,
    )


def test_only_posts_over_a_threshold_become_findings(registry, model_name):
    hateful = make_post(registry, HATEFUL)
    criticism = make_post(registry, CRITICISM)
    ordinary = make_post(registry, ORDINARY)
    stats = scan_pending()
    assert (stats.scanned, stats.findings, stats.model) == (3, 1, model_name)
    assert set(Post.objects.values_list("scan_state", flat=True)) == {"scanned"}
    assert ScanResult.objects.count() == 3
    finding = Finding.objects.get()
    assert finding.post == hateful
    assert finding.employee == registry.accounts[0].employee
    assert finding.status == "new" and finding.source == "scan"
    assert "hate_speech" in finding.categories and finding.top_category in finding.categories
    assert finding.score >= 0.9 and finding.model_version == model_name
    result = finding.scan.result
    assert result["model"] == model_name and finding.scan.model_version == model_name
    assert set(result["scores"]) == {"hate_speech", "abusive", "radicalism", "hoax"}
    assert finding.scan.flags == result["flags"] == finding.categories
    assert any("kafir" in e["text"] and e["source"] == "model" for e in result["evidence"])
    for e in result["evidence"]:
        assert HATEFUL[e["start"] : e["end"]] == e["text"]
    assert not Finding.objects.filter(post__in=[criticism, ordinary]).exists()
    quiet = ScanResult.objects.get(post=ordinary)
    assert quiet.flags == [] and quiet.scores["hate_speech"] < 0.45


def test_a_watchlist_hit_is_evidence_in_the_finding(registry):
    post = make_post(registry, RADICAL)
    scan_pending()
    finding = Finding.objects.get(post=post)
    assert finding.top_category == "radicalism"
    hits = [e for e in finding.scan.result["evidence"] if e["source"] == "watchlist"]
    assert {e["entry_id"] for e in hits} >= {"org-isis"}
    assert all(e["reason_id"] for e in hits)


def test_a_post_of_an_unregistered_account_gets_a_finding_without_an_employee(registry):
    post = make_post(registry, HATEFUL, account=None)
    scan_pending()
    assert Finding.objects.get(post=post).employee is None


def test_scanning_twice_scans_only_what_is_new(registry):
    make_post(registry, HATEFUL)
    assert scan_pending().scanned == 1
    assert scan_pending().scanned == 0
    make_post(registry, ABUSIVE)
    stats = scan_pending()
    assert (stats.scanned, stats.findings) == (1, 1)
    assert ScanResult.objects.count() == 2 and Finding.objects.count() == 2


def test_priority_is_severity_times_confidence_times_reach_and_shares_weigh_less():
    scores = {"hate_speech": 0.9, "abusive": 0.9}
    post = priority(scores=scores, flags=["hate_speech", "abusive"], kind="post", reach=0)
    assert post == pytest.approx(SEVERITY["hate_speech"] * 0.9)
    share = priority(scores=scores, flags=["hate_speech", "abusive"], kind="share", reach=0)
    reaction = priority(scores=scores, flags=["hate_speech"], kind="reaction", reach=0)
    assert share == pytest.approx(post / 2) and reaction < share < post
    wide = priority(scores=scores, flags=["hate_speech"], kind="post", reach=999)
    assert wide == pytest.approx(post * 4)
    assert priority(scores=scores, flags=[], kind="post", reach=10_000) == 0.0


def test_findings_are_queued_by_priority_with_shares_below_the_authored_post(registry):
    authored = make_post(registry, HATEFUL)
    shared = make_post(registry, HATEFUL + " !", kind="share")
    viral = make_post(registry, HATEFUL + " !!", kind="share", views=500_000, shares=300)
    scan_pending()
    by_post = {f.post_id: f for f in Finding.objects.all()}
    assert by_post[shared.pk].priority == pytest.approx(by_post[authored.pk].priority / 2, rel=0.05)
    ordered = [f.post_id for f in Finding.objects.order_by("-priority", "created_at")]
    assert ordered == [viral.pk, authored.pk, shared.pk]


def test_scan_rescan_adds_a_second_result_per_post_and_keeps_the_first(registry, model_name):
    hateful = make_post(registry, HATEFUL)
    ordinary = make_post(registry, ORDINARY)
    scan_pending()
    first = Finding.objects.get()
    first_scan = first.scan_id
    stats = scan_rescan(version=load_artifact().version)
    assert (stats.scanned, stats.findings) == (2, 0)
    for post in (hateful, ordinary):
        history = list(ScanResult.objects.filter(post=post).order_by("scanned_at", "pk"))
        assert len(history) == 2
        assert [s.model_version for s in history] == [model_name, model_name]
        assert history[0].scanned_at <= history[1].scanned_at
    finding = Finding.objects.get()
    assert finding.pk == first.pk and finding.scan_id != first_scan
    assert finding.scan == ScanResult.objects.filter(post=hateful).order_by("-pk").first()


def test_pantau_scan_rescan_with_a_model_version_keeps_history(registry, capsys, model_name):
    make_post(registry, HATEFUL)
    make_post(registry, ORDINARY)
    assert main(["scan"]) == 0
    assert capsys.readouterr().out.strip() == f"scanned 2 posts with {model_name}: 1 new findings"
    finding = Finding.objects.get()
    Finding.objects.filter(pk=finding.pk).update(status="confirmed")
    version = load_artifact().version
    assert main(["scan", "--rescan", "--model", version]) == 0
    assert capsys.readouterr().out.strip() == f"scanned 2 posts with {model_name}: 0 new findings"
    assert ScanResult.objects.count() == 4
    assert set(ScanResult.objects.values_list("post", flat=True).distinct()) == set(
        Post.objects.values_list("pk", flat=True)
    )
    finding.refresh_from_db()
    assert finding.status == "confirmed"  # the reviewer's decision survives a rescan


def test_pantau_scan_rescan_needs_a_known_model_version(registry, capsys):
    make_post(registry, HATEFUL)
    assert main(["scan", "--rescan"]) == 2
    assert "--rescan needs --model VERSION" in capsys.readouterr().err
    assert main(["scan", "--rescan", "--model", "1999.01.0"]) == 2
    err = capsys.readouterr().err
    assert "no model version 1999.01.0" in err and load_artifact().version in err
    assert ScanResult.objects.count() == 0


def test_a_second_model_of_the_same_version_never_replaces_the_first(tmp_path, settings, caplog):
    """Models under PANTAU_MODEL_DIR are offered for rescans by version; a copy carrying the
    shipped version (or another's) is ignored with a warning instead of taking its place."""
    import json
    import shutil

    from pantau.core.detection import default_artifact_dir
    from pantau.core.manifests import write_sealed
    from pantau.monitoring.scanning import model_dirs

    shipped = load_artifact().version

    def copy_as(name: str, version: str) -> None:
        target = tmp_path / name
        shutil.copytree(default_artifact_dir(), target)
        manifest = json.loads((target / "manifest.json").read_text())
        manifest["version"] = version
        write_sealed(target / "manifest.json", manifest, target / "model.npz", manifest["format"])

    copy_as("a-copy", shipped)
    copy_as("b-retrained", "2026.12.0")
    copy_as("c-again", "2026.12.0")
    (tmp_path / "d-not-a-model").mkdir()
    settings.PANTAU_MODEL_DIR = str(tmp_path)
    with caplog.at_level("WARNING", logger="pantau.monitoring.scanning"):
        found = model_dirs()
    assert found == {shipped: default_artifact_dir(), "2026.12.0": tmp_path / "b-retrained"}
    warnings = caplog.text
    assert "a-copy ignored" in warnings and "c-again ignored" in warnings
    assert "not a model artifact" in warnings and "d-not-a-model" in warnings


def test_abuse_aimed_at_no_one_keeps_its_finding_but_goes_to_the_back_of_the_queue(registry):
    self_directed = make_post(registry, "Bodoh banget saya, kunci motor ketinggalan di parkiran")
    exclamation = make_post(registry, "Mampus, map SPJ ketinggalan di rumah")
    aimed = make_post(registry, ABUSIVE)
    scan_pending()
    by_post = {f.post_id: f for f in Finding.objects.select_related("scan")}
    assert by_post[self_directed.pk].categories == ["abusive"]
    assert by_post[self_directed.pk].scan.result["notes"] == ["abuse_self"]
    assert by_post[exclamation.pk].scan.result["notes"] == ["abuse_exclamation"]
    assert "notes" not in by_post[aimed.pk].scan.result
    for post in (self_directed, exclamation):
        finding = by_post[post.pk]
        plain = priority(scores=finding.scan.scores, flags=["abusive"], kind="post", reach=0)
        assert finding.priority == pytest.approx(plain / 2)
    ordered = [f.post_id for f in Finding.objects.order_by("-priority", "created_at")]
    assert ordered[0] == aimed.pk


def test_a_note_is_only_for_posts_flagged_as_abusive_alone():
    from pantau.monitoring.scanning import get_engine, scan_notes

    engine = get_engine()
    text = "Bodoh banget saya, kunci motor ketinggalan"
    assert scan_notes(engine, text, ["abusive"]) == ["abuse_self"]
    assert scan_notes(engine, text, ["abusive", "hate_speech"]) == []
    assert scan_notes(engine, text, []) == []
    assert scan_notes(engine, "Dasar bodoh kamu", ["abusive"]) == []


def test_the_finding_page_tells_the_reviewer_why_it_was_put_back(registry, login_as):
    from django.urls import reverse

    post = make_post(registry, "Mampus, map SPJ ketinggalan di rumah")
    scan_pending()
    finding = Finding.objects.get(post=post)
    html = login_as("inspector").get(reverse("finding_detail", args=[finding.pk])).content.decode()
    assert "Kata kasar tampaknya hanya seruan, tidak ditujukan kepada siapa pun" in html
    other = make_post(registry, ABUSIVE)
    scan_pending()
    aimed = Finding.objects.get(post=other)
    html = login_as("inspector").get(reverse("finding_detail", args=[aimed.pk])).content.decode()
    assert "Kata kasar tampaknya" not in html
