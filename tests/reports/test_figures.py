"""The report's and the dashboard's figures equal counts computed here from the world's specs."""

from __future__ import annotations

from collections import Counter

import pytest

from pantau.reports.labels import CATEGORIES, LEVELS, STATUSES, platform_label
from pantau.reports.periodic import report_build
from pantau.reports.periods import parse_period
from pantau.reports.scope import organisation_scope, scope_for

from .conftest import in_nov, in_oct

UNIT_NAMES = {
    "SETDA": "Sekretariat Daerah",
    "DISKOMINFO": "Dinas Komunikasi dan Informatika",
    "BIDTI": "Bidang Teknologi Informasi",
    "DINKES": "Dinas Kesehatan",
}
LEVEL_OF = {
    "written_reprimand": "light",
    "promotion_delay_1y": "medium",
    "position_demotion_12m": "heavy",
}
OUTCOME_OF = {"confirmed": "confirm", "dismissed": "dismiss", "protected": "protected",
              "not_attributable": "not_attributable"}  # fmt: skip


def _nov(world, employees=None):
    return [
        s for s in world.findings
        if in_nov(s.found_at) and (employees is None or s.employee in employees)
    ]  # fmt: skip


@pytest.fixture
def report(world):
    return report_build(organisation_scope(), parse_period("2026-11"))


def test_the_world_covers_what_the_figures_must_count(world):
    nov = _nov(world)
    assert len(nov) > 30
    assert {s.status for s in nov} == {
        "new",
        "confirmed",
        "dismissed",
        "protected",
        "not_attributable",
    }
    outcomes = {s.raw_outcome for s in world.findings if s.raw_outcome}
    assert outcomes >= {"resolved_guidance", "sanction_light", "sanction_medium", "no_sanction",
                        "dismissed", "revoked", "in_process"}  # fmt: skip


def test_findings_by_status_category_platform_and_unit(world, report):
    nov, cur = _nov(world), report.current
    assert cur.findings == len(nov)
    assert cur.status == {k: sum(s.status == k for s in nov) for k in cur.status}
    assert cur.category == {k: v for k, v in Counter(s.category for s in nov).items()}
    assert cur.platform == dict(Counter(s.platform for s in nov))
    expected_units = Counter(UNIT_NAMES[s.unit] if s.unit else "Tidak terkait pegawai" for s in nov)
    assert cur.unit == dict(expected_units)
    assert report.previous.findings == sum(in_oct(s.found_at) for s in world.findings)


def test_posts_scanned_count_the_period_in_wita_and_skip_pending_posts(world, report):
    assert report.current.posts_scanned == world.posts_scanned_in_nov


def test_the_funnel_follows_each_confirmed_finding_to_its_case_outcome(world, report):
    expected = Counter(s.outcome for s in _nov(world) if s.status == "confirmed")
    assert {k: v for k, v in report.current.funnel.items() if v} == dict(expected)
    assert sum(report.current.funnel.values()) == report.current.confirmed


def test_outcomes_that_happened_in_the_period(world, report):
    cur = report.current
    cases = {s.case_id: s for s in world.findings if s.case_id}.values()
    decided = [
        s for s in cases if s.decision_date and s.decision_date.strftime("%Y-%m") == "2026-11"
    ]
    levels = Counter(s.level for s in decided)
    assert cur.sanctions["total"] == len(decided)
    assert dict(cur.sanctions["levels"]) == {
        k: levels.get(k, 0) for k in ("light", "medium", "heavy")
    }
    closed_in_nov = [s for s in cases if in_nov(s.closed_at)]
    assert cur.resolved_guidance == sum(s.raw_outcome == "resolved_guidance" for s in closed_in_nov)
    assert cur.overturned == {
        "no_sanction": sum(s.raw_outcome == "no_sanction" for s in closed_in_nov),
        "dismissed": sum(s.raw_outcome == "dismissed" for s in closed_in_nov),
        "revoked": sum(s.raw_outcome == "revoked" for s in closed_in_nov),
    }
    assert cur.overturned_findings == sum(cur.overturned.values())  # one finding per case here


def test_review_decisions_precision_and_deletion(world, report):
    cur = report.current
    decided = [s for s in world.findings if in_nov(s.decided_at)]
    assert cur.decisions == {
        o: sum(OUTCOME_OF[s.status] == o for s in decided)
        for o in ("confirm", "dismiss", "protected", "not_attributable")
    }
    tp = sum(s.status == "confirmed" for s in decided)
    fp = sum(s.status in ("dismissed", "protected") for s in decided)
    overall = cur.precision["overall"]
    assert (overall["tp"], overall["fp"]) == (tp, fp)
    assert overall["precision"] == pytest.approx(tp / (tp + fp))
    guided = [s for s in world.findings if in_nov(s.guidance_at)]
    assert cur.deletion["requested"] == len(guided)
    assert cur.deletion["deleted"] == len(guided)
    assert cur.deletion["on_time"] == sum(bool(s.deleted_on_time) for s in guided)


def test_the_dashboard_charts_show_the_same_counts(world, report, in_english):
    from pantau.reports.dashboard import build_dashboard

    board = build_dashboard(organisation_scope(), parse_period("2026-11"))
    charts = {c.key: {str(r[0]): r[1] for r in c.rows} for c in board.charts}
    nov = _nov(world)
    for key, n in Counter(s.category for s in nov).items():
        assert charts["category"][str(CATEGORIES[key])] == n
    for key, n in Counter(s.status for s in nov).items():
        assert charts["status"][str(STATUSES[key])] == n
    for key, n in Counter(s.platform for s in nov).items():
        assert charts["platform"][platform_label(key)] == n
    cards = {str(label): value for label, value, _note in board.cards}
    assert charts["category"]["Total"] == len(nov) == cards["Findings"]
    assert cards["Posts scanned"] == world.posts_scanned_in_nov
    assert sum(v for k, v in charts["months"].items() if k != "Total") == len(nov)
    sanctions = report.current.sanctions["levels"]
    assert [charts["sanctions"][str(LEVELS[k])] for k in ("light", "medium", "heavy")] == [
        sanctions["light"],
        sanctions["medium"],
        sanctions["heavy"],
    ]


def test_a_supervisor_sees_only_their_staff_s_figures(world, users):
    staff = {"e3", "e4", "e5"}  # e2's chain; e2 heads no unit
    scope = scope_for(users["supervisor"])
    report = report_build(scope, parse_period("2026-11"))
    mine = _nov(world, staff)
    assert report.current.findings == len(mine)
    assert report.current.category == dict(Counter(s.category for s in mine))
    assert report.current.findings < len(_nov(world))
    assert "Tidak terkait pegawai" not in report.current.unit


def test_a_unit_filter_takes_the_unit_and_its_sub_units(world, users):
    scope = scope_for(users["inspector"], unit_code="DISKOMINFO")
    report = report_build(scope, parse_period("2026-11"))
    mine = [s for s in _nov(world) if s.unit in ("DISKOMINFO", "BIDTI")]
    assert report.current.findings == len(mine)


def test_time_from_finding_to_review_decision(world):
    from pantau.reports.selectors import REVIEW_BUCKETS, review_times

    times = review_times(organisation_scope(), parse_period("2026-11"))
    days = sorted(
        (s.decided_at - s.found_at).total_seconds() / 86400
        for s in world.findings
        if in_nov(s.decided_at)
    )
    assert times["n"] == len(days)
    assert times["median_days"] == pytest.approx(days[len(days) // 2], abs=1e-4)
    edges = [0, *REVIEW_BUCKETS]
    expected = [sum(lo < d <= hi for d in days) for lo, hi in zip(edges, edges[1:], strict=False)]
    assert [n for _days, n in times["buckets"]] == expected
    assert times["over"] == sum(d > REVIEW_BUCKETS[-1] for d in days)
