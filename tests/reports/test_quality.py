"""Model monitoring: precision from reviewer decisions, and drift alerts on a rise of dismissals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from pantau.audit.models import AuditEntry
from pantau.reports.models import DriftAlert
from pantau.reports.quality import (
    drift_acknowledge,
    drift_check,
    drift_status,
    precision_table,
    wilson,
)


@pytest.fixture
def decide(registry, users):
    """``decide(outcome, category, days_ago, version=…, n=…)`` stores reviewed findings."""
    from pantau.cases.models import ReviewDecision
    from pantau.monitoring.models import Finding, Post

    account = registry.accounts[0]
    counter = {"n": 0}
    status = {"confirm": "confirmed", "dismiss": "dismissed", "protected": "protected",
              "not_attributable": "not_attributable"}  # fmt: skip

    def _decide(outcome, category="hate_speech", days_ago=1.0, *, version="m1", n=1, source="scan",
                reviewer_category=None):  # fmt: skip
        for _ in range(n):
            counter["n"] += 1
            i = counter["n"]
            post = Post.objects.create(platform="x", post_id=f"q{i}", account=account, handle="h",
                                       text="t", content_hash=f"q{i}", scan_state="scanned")  # fmt: skip
            finding = Finding.objects.create(post=post, employee=account.employee, source=source,
                                             top_category=category, categories=[category],
                                             status=status[outcome], model_version=version)  # fmt: skip
            d = ReviewDecision.objects.create(
                finding=finding, reviewer=users["inspector"], outcome=outcome, reason="r", text="t",
                category=reviewer_category or (category if outcome == "confirm" else ""),
                model_version=version,
            )  # fmt: skip
            when = timezone.now() - dt.timedelta(days=days_ago)
            ReviewDecision.objects.filter(pk=d.pk).update(created_at=when)

    return _decide


def test_precision_counts_confirmations_against_dismissals_and_protected_criticism(decide):
    decide("confirm", "hoax", n=6)
    decide("confirm", "hoax", n=2, reviewer_category="abusive")  # still a true positive
    decide("dismiss", "hoax", n=1)
    decide("protected", "hoax", n=1)
    decide("not_attributable", "hoax", n=5)  # says nothing about the text: left out
    decide("dismiss", "hoax", n=3, source="complaint")  # no model flagged these
    decide("confirm", "abusive", version="m2", n=3)
    table = precision_table()
    hoax = next(r for r in table["categories"] if r["category"] == "hoax")
    assert (hoax["tp"], hoax["fp"], hoax["recategorised"]) == (8, 2, 2)
    assert hoax["precision"] == pytest.approx(0.8)
    assert table["overall"]["n"] == 13
    versions = {(r["category"], r["model_version"]): r["n"] for r in table["versions"]}
    assert versions == {("abusive", "m2"): 3, ("hoax", "m1"): 10}


def test_the_wilson_interval_brackets_the_share():
    low, high = wilson(8, 10)
    assert low < 0.8 < high and 0.4 < low and high < 0.97
    assert wilson(0, 0) is None


def _baseline_then_rise(decide):
    # 90 days before the last 30: 40 decisions, 8 dismissed (20 %)
    decide("confirm", "hate_speech", days_ago=60, n=32)
    decide("dismiss", "hate_speech", days_ago=60, n=8)
    # last 30 days: 30 decisions, 18 dismissed or protected (60 %)
    decide("confirm", "hate_speech", days_ago=5, n=12)
    decide("dismiss", "hate_speech", days_ago=5, n=14)
    decide("protected", "hate_speech", days_ago=5, n=4)


def test_a_rise_of_dismissals_raises_a_stored_and_audited_alert(decide):
    _baseline_then_rise(decide)
    decide("confirm", "hoax", days_ago=5, n=30)  # hoax is steady
    decide("confirm", "hoax", days_ago=60, n=40)
    status = {d.category: d for d in drift_status()}
    assert status["hate_speech"].drifting
    assert (status["hate_speech"].recent_n, status["hate_speech"].recent_fp) == (30, 18)
    assert not status["hoax"].drifting
    raised = drift_check()
    # all categories together rise too: 18/60 = 30 % against 8/80 = 10 %
    assert sorted(a.category for a in raised) == ["", "hate_speech"]
    alert = next(a for a in raised if a.category)
    assert (alert.recent_decisions, alert.recent_dismissals) == (30, 18)
    assert (alert.baseline_decisions, alert.baseline_dismissals) == (40, 8)
    assert alert.model_version == "m1"
    entry = AuditEntry.objects.get(action="reports.drift_alert.raised", object_id=str(alert.pk))
    assert entry.after["category"] == "hate_speech" and entry.after["recent"] == [18, 30]
    assert drift_check() == []  # one open alert per category


def test_no_alert_without_enough_decisions_or_a_clear_rise(decide):
    decide("dismiss", "abusive", days_ago=5, n=10)  # 100 % dismissed, but only 10 decisions
    decide("confirm", "abusive", days_ago=60, n=40)
    decide("confirm", "radicalism", days_ago=5, n=25)  # 28 % → 32 %: no clear rise
    decide("dismiss", "radicalism", days_ago=5, n=10)
    decide("confirm", "radicalism", days_ago=60, n=36)
    decide("dismiss", "radicalism", days_ago=60, n=14)
    assert [a.category for a in drift_check() if a.category] == []


def test_an_acknowledged_alert_is_audited_and_not_raised_again_at_once(decide, users):
    _baseline_then_rise(decide)
    alert = next(a for a in drift_check() if a.category)
    drift_acknowledge(
        alert_id=alert.pk, user=users["head"], note="Kamus baru memicu salah deteksi."
    )
    alert.refresh_from_db()
    assert alert.acknowledged_by == users["head"] and not alert.is_open
    assert AuditEntry.objects.filter(action="reports.drift_alert.acknowledged").count() == 1
    assert drift_check() == []  # the same rise is not raised again within 30 days
    assert DriftAlert.objects.count() == 2


@pytest.mark.parametrize(
    ("role", "status"),
    [("inspector", 200), ("head", 200), ("admin", 200), ("auditor", 200),
     ("decider", 403), ("supervisor", 403), ("employee", 403)],
)  # fmt: skip
def test_model_monitoring_is_shown_to_inspectors_the_head_admins_and_auditors(
    login_as, role, status
):
    assert login_as(role).get("/laporan/model/").status_code == status


def test_the_monitoring_page_raises_and_shows_the_alert(login_as, english, decide):
    _baseline_then_rise(decide)
    html = login_as("inspector").get("/laporan/model/").content.decode()
    assert "Drift alerts" in html and "Share dismissed rose from 20" in html
    assert DriftAlert.objects.filter(category="hate_speech").exists()


def test_only_inspectors_the_head_and_admins_acknowledge(login_as, decide):
    _baseline_then_rise(decide)
    alert = next(a for a in drift_check() if a.category)
    url = f"/laporan/model/peringatan/{alert.pk}/"
    assert login_as("auditor").post(url, {"note": "x"}).status_code == 403
    assert login_as("head").post(url, {"note": "diperiksa"}).status_code == 302
    alert.refresh_from_db()
    assert alert.note == "diperiksa"
