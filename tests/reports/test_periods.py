"""Reporting periods: reading them, their bounds in WITA, the previous period and presets."""

from __future__ import annotations

import datetime as dt

import pytest

from pantau.reports.periods import PeriodError, parse_period, preset_period, range_period


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label_id"),
    [
        ("2026-11", "month", dt.date(2026, 11, 1), dt.date(2026, 12, 1), "November 2026"),
        ("2026-12", "month", dt.date(2026, 12, 1), dt.date(2027, 1, 1), "Desember 2026"),
        ("2026-Q4", "quarter", dt.date(2026, 10, 1), dt.date(2027, 1, 1), "Triwulan IV 2026"),
        ("2026-q1", "quarter", dt.date(2026, 1, 1), dt.date(2026, 4, 1), "Triwulan I 2026"),
        ("2026", "year", dt.date(2026, 1, 1), dt.date(2027, 1, 1), "Tahun 2026"),
    ],
)
def test_it_reads_months_quarters_and_years(text, kind, start, end, label_id):
    period = parse_period(text)
    assert (period.kind, period.start, period.end, period.label_id) == (kind, start, end, label_id)


@pytest.mark.parametrize("text", ["", "2026-13", "2026-Q5", "November", "26-11", "2026-11-01"])
def test_it_refuses_what_is_not_a_period(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_the_previous_period_is_the_same_kind_just_before():
    assert parse_period("2026-01").previous().code == "2025-12"
    assert parse_period("2026-Q1").previous().code == "2025-Q4"
    assert parse_period("2026").previous().code == "2025"
    span = range_period(dt.date(2026, 11, 10), dt.date(2026, 11, 19))
    assert (span.previous().start, span.previous().end) == (dt.date(2026, 10, 31), span.start)


def test_bounds_are_local_midnight_in_wita(settings):
    start, end = parse_period("2026-11").bounds()
    assert start.isoformat() == "2026-11-01T00:00:00+08:00"
    assert end.isoformat() == "2026-12-01T00:00:00+08:00"


def test_months_clip_a_range_to_its_days():
    months = range_period(dt.date(2026, 10, 20), dt.date(2026, 12, 5)).months()
    assert [(m.start, m.end) for m in months] == [
        (dt.date(2026, 10, 20), dt.date(2026, 11, 1)),
        (dt.date(2026, 11, 1), dt.date(2026, 12, 1)),
        (dt.date(2026, 12, 1), dt.date(2026, 12, 6)),
    ]


def test_presets_are_relative_to_today():
    today = dt.date(2026, 11, 24)
    assert preset_period("12m", today=today).start == dt.date(2025, 12, 1)
    assert preset_period("12m", today=today).end == dt.date(2026, 11, 25)
    assert preset_period("last-month", today=today).code == "2026-10"
    assert preset_period("this-quarter", today=today).code == "2026-Q4"
    assert preset_period("last-year", today=today).code == "2025"
    assert preset_period("30d", today=today).days == 30
    assert preset_period("nonsense", today=today) == preset_period("12m", today=today)


def test_a_range_must_not_end_before_it_starts():
    with pytest.raises(PeriodError):
        range_period(dt.date(2026, 11, 2), dt.date(2026, 11, 1))
