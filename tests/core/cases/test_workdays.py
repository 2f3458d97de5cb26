"""Working-day arithmetic across weekends, holidays, cuti bersama and the year's end."""

from __future__ import annotations

import datetime as dt

import pytest

from pantau.core.cases.workdays import (
    Calendar,
    CalendarError,
    Holiday,
    Rules,
    parse_holidays_csv,
)

D = dt.date

# A small excerpt of the 2026–2027 lists (SKB 1497/2025 etc.; SKB 1205/2026 etc.).
HOLIDAYS = [
    (D(2026, 3, 18), "Cuti bersama Hari Suci Nyepi", "cuti_bersama"),
    (D(2026, 3, 19), "Hari Suci Nyepi", "libur_nasional"),
    (D(2026, 3, 20), "Cuti bersama Idulfitri 1447 H", "cuti_bersama"),
    (D(2026, 3, 21), "Idulfitri 1447 H (hari 1)", "libur_nasional"),
    (D(2026, 3, 22), "Idulfitri 1447 H (hari 2)", "libur_nasional"),
    (D(2026, 3, 23), "Cuti bersama Idulfitri 1447 H", "cuti_bersama"),
    (D(2026, 3, 24), "Cuti bersama Idulfitri 1447 H", "cuti_bersama"),
    (D(2026, 12, 24), "Cuti bersama Kelahiran Yesus Kristus", "cuti_bersama"),
    (D(2026, 12, 25), "Kelahiran Yesus Kristus", "libur_nasional"),
    (D(2027, 1, 1), "Tahun Baru 2027 Masehi", "libur_nasional"),
    (D(2027, 1, 5), "Isra Mikraj Nabi Muhammad SAW 1448 H", "libur_nasional"),
]


@pytest.fixture
def cal() -> Calendar:
    return Calendar(HOLIDAYS)


def brute_add(cal: Calendar, start: dt.date, n: int) -> dt.date:
    d, found = start, 0
    while found < n:
        d += dt.timedelta(days=1)
        found += cal.is_working_day(d)
    return d


def test_weekends_and_holidays_are_not_working_days(cal):
    assert cal.is_working_day(D(2026, 11, 24))  # today, a Tuesday
    assert not cal.is_working_day(D(2026, 11, 28))  # Saturday
    assert not cal.is_working_day(D(2026, 11, 29))  # Sunday
    assert not cal.is_working_day(D(2026, 3, 20))  # cuti bersama counts as a day off
    assert not cal.is_working_day(D(2026, 12, 25))
    assert cal.is_working_day(D(2026, 3, 25))
    assert cal.holiday(D(2026, 3, 23)).kind == "cuti_bersama"
    assert cal.holiday(D(2026, 3, 25)) is None


def test_across_a_weekend(cal):
    friday = D(2026, 11, 27)
    assert cal.add_working_days(friday, 1) == D(2026, 11, 30)
    assert cal.add_working_days(friday, 3) == D(2026, 12, 2)
    assert cal.working_days_between(friday, D(2026, 11, 30)) == 1
    assert cal.next_working_day(friday) == D(2026, 11, 30)


def test_across_the_idulfitri_block(cal):
    tuesday = D(2026, 3, 17)
    # 18–24 March: cuti bersama, Nyepi, cuti bersama, Idulfitri (weekend), cuti bersama ×2
    assert cal.add_working_days(tuesday, 1) == D(2026, 3, 25)
    assert cal.add_working_days(tuesday, 3) == D(2026, 3, 27)
    assert cal.working_days_between(tuesday, D(2026, 3, 25)) == 1
    assert cal.next_working_day(tuesday) == D(2026, 3, 25)
    assert cal.previous_working_day(D(2026, 3, 25)) == tuesday


def test_across_christmas_and_the_years_end(cal):
    wednesday = D(2026, 12, 23)
    assert cal.add_working_days(wednesday, 1) == D(2026, 12, 28)
    assert cal.add_working_days(wednesday, 4) == D(2026, 12, 31)
    assert cal.add_working_days(wednesday, 5) == D(2027, 1, 4)  # 1 Jan and the weekend skipped
    assert cal.add_working_days(wednesday, 6) == D(2027, 1, 6)  # Isra Mikraj on 5 Jan skipped
    assert cal.working_days_between(wednesday, D(2027, 1, 6)) == 6


def test_n_zero_is_the_start_or_the_next_working_day(cal):
    assert cal.add_working_days(D(2026, 11, 24), 0) == D(2026, 11, 24)
    assert cal.add_working_days(D(2026, 11, 28), 0) == D(2026, 11, 30)
    assert cal.add_working_days(D(2026, 12, 24), 0) == D(2026, 12, 28)


def test_negative_n_counts_backwards(cal):
    assert cal.add_working_days(D(2026, 12, 28), -1) == D(2026, 12, 23)
    assert cal.add_working_days(D(2027, 1, 4), -2) == D(2026, 12, 30)


def test_between_is_signed_and_zero_on_the_same_day(cal):
    a, b = D(2026, 12, 1), D(2027, 1, 15)
    assert cal.working_days_between(a, a) == 0
    assert cal.working_days_between(b, a) == -cal.working_days_between(a, b)


def test_between_and_add_agree_with_counting_day_by_day(cal):
    start = D(2026, 3, 1)
    for offset in range(0, 320, 7):
        a = start + dt.timedelta(days=offset)
        for n in (1, 2, 7, 14, 21, 65):
            due = cal.add_working_days(a, n)
            assert due == brute_add(cal, a, n)
            assert cal.working_days_between(a, due) == n


def test_named_deadlines_use_their_periods(cal):
    rules = Rules()
    start = D(2026, 12, 18)
    for kind in Rules.kinds():
        assert cal.deadline(kind, start) == brute_add(cal, start, rules.period(kind).days)


def test_named_deadlines_by_example(cal):
    assert cal.deadline("deletion", D(2026, 11, 23)) == D(2026, 11, 26)
    # Summons letter on Friday 18 Dec: examination by Thursday 31 Dec at the latest.
    assert cal.deadline("summons_exam", D(2026, 12, 18)) == D(2026, 12, 31)
    assert cal.within("summons_exam", D(2026, 12, 18), D(2026, 12, 31))
    assert not cal.within("summons_exam", D(2026, 12, 18), D(2027, 1, 4))
    # Missed examination on 31 Dec: second summons by 13 Jan 2027 (1 and 5 Jan are off).
    assert cal.deadline("summons_2", D(2026, 12, 31)) == D(2027, 1, 13)
    # Decision set on Thursday 17 Dec 2026: delivered by 12 Jan 2027.
    assert cal.deadline("decision_delivery", D(2026, 12, 17)) == D(2027, 1, 12)
    assert cal.deadline("objection", D(2026, 11, 24)) == D(2026, 12, 14)
    assert cal.deadline("appeal", D(2026, 11, 24)) == D(2026, 12, 14)
    assert cal.deadline("objection_decision", D(2026, 11, 24)) == D(2026, 12, 23)


def test_days_left_and_overdue(cal):
    start = D(2026, 11, 23)  # deletion due 26 Nov
    assert cal.days_left("deletion", start, D(2026, 11, 24)) == 2
    assert cal.days_left("deletion", start, D(2026, 11, 26)) == 0
    assert cal.days_left("deletion", start, D(2026, 11, 30)) == -2


def test_rules_override_keeps_the_basis(cal):
    rules = Rules().with_overrides({"deletion": 5})
    assert rules.deletion.days == 5
    assert rules.summons_exam.basis == "PP 94/2021 Pasal 26 ayat (2)"
    assert cal.deadline("deletion", D(2026, 11, 23), rules=rules) == D(2026, 11, 30)
    assert Calendar(HOLIDAYS, rules=rules).deadline("deletion", D(2026, 11, 23)) == D(2026, 11, 30)
    with pytest.raises(CalendarError):
        Rules().with_overrides({"deletion": -1})
    with pytest.raises(CalendarError, match="unknown deadline kind"):
        Rules().with_overrides({"lunch": 1})


def test_every_rule_cites_its_basis():
    expected = {
        "summons_exam": ("Pasal 26 ayat (2)", 7),
        "summons_2": ("Pasal 26 ayat (3)", 7),
        "decision_delivery": ("Pasal 37 ayat (3)", 14),
        "objection": ("PP 79/2021 Pasal 4 ayat (2)", 14),
        "objection_decision": ("PP 79/2021 Pasal 5 ayat (1)", 21),
        "appeal": ("PP 79/2021 Pasal 11", 14),
        "appeal_decision": ("PP 79/2021 Pasal 13 ayat (4)", 65),
        "in_force": ("Pasal 38 ayat (1)", 15),
    }
    rules = Rules().as_dict()
    for kind, (basis, days) in expected.items():
        assert basis in rules[kind].basis
        assert rules[kind].days == days
    assert rules["deletion"].days == 3


def test_unknown_and_in_force_kinds_are_refused(cal):
    with pytest.raises(CalendarError, match="unknown deadline kind"):
        cal.deadline("lunch", D(2026, 11, 24))
    with pytest.raises(CalendarError, match="in_force_dates"):
        cal.deadline("in_force", D(2026, 11, 24))


def test_both_readings_of_pasal_38(cal):
    dates = cal.in_force_dates(D(2026, 12, 18))
    assert dates["calendar"] == D(2027, 1, 2)  # 15th calendar day (a Saturday)
    assert dates["working"] == D(2027, 1, 14)  # 15th working day
    assert dates["latest"] == D(2027, 1, 14)
    assert dates["basis"] == "PP 94/2021 Pasal 38 ayat (1)"
    assert "legal officer" in dates["note_en"]


def test_calendar_completeness_is_reported(cal):
    assert cal.deadline_info("decision_delivery", D(2026, 12, 17)).calendar_complete
    late = cal.deadline_info("decision_delivery", D(2027, 12, 20))
    assert not late.calendar_complete  # no 2028 holidays entered yet
    assert cal.covers(D(2027, 6, 1)) and not cal.covers(D(2028, 1, 3))


def test_holiday_validation_and_merging():
    with pytest.raises(CalendarError, match="kind"):
        Calendar([(D(2026, 1, 1), "x", "libur_daerah")])
    with pytest.raises(CalendarError, match="not a date"):
        Calendar([(dt.datetime(2026, 1, 1), "x", "libur_nasional")])
    cal = Calendar([(D(2026, 1, 1), "A", "cuti_bersama"), (D(2026, 1, 1), "B", "libur_nasional")])
    assert cal.holiday(D(2026, 1, 1)) == Holiday(D(2026, 1, 1), "A; B", "libur_nasional")


def test_parse_holidays_csv():
    text = (
        "date,name,kind,source\n"
        "2026-12-24,Cuti bersama Natal,cuti_bersama,SKB\n"
        "2026-12-25,Natal,libur_nasional,SKB\n"
    )
    rows = parse_holidays_csv(text)
    assert rows[1] == Holiday(D(2026, 12, 25), "Natal", "libur_nasional")
    assert not Calendar(rows).is_working_day(D(2026, 12, 24))
    with pytest.raises(CalendarError, match="line 2"):
        parse_holidays_csv("date,name,kind\n2026-13-01,x,libur_nasional\n")
