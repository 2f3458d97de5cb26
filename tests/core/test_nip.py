"""NIP parsing and validation (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from pantau.core.nip import NipError, clean_nip, make_nip, parse_nip

TODAY = dt.date(2025, 6, 15)
GOOD = "198503122010011004"  # born 1985-03-12, TMT 2010-01, man, no. 4


def test_a_valid_nip_is_parsed_into_its_parts():
    nip = parse_nip(GOOD, today=TODAY)
    assert nip.value == GOOD
    assert nip.birth_date == dt.date(1985, 3, 12)
    assert nip.tmt == dt.date(2010, 1, 1)
    assert nip.sex == "M"
    assert nip.sequence == 4


def test_a_woman_has_sex_digit_two():
    assert parse_nip("199002282015032001", today=TODAY).sex == "F"


@pytest.mark.parametrize(
    "typed",
    [
        "19850312 201001 1 004",
        "19850312.201001.1.004",
        "19850312-201001-1-004",
        "  198503122010011004  ",
    ],
)
def test_spaces_dots_and_dashes_inside_a_nip_are_ignored(typed):
    assert clean_nip(typed) == GOOD
    assert parse_nip(typed, today=TODAY).value == GOOD


def test_formatted_puts_the_customary_spaces():
    assert parse_nip(GOOD, today=TODAY).formatted() == "19850312 201001 1 004"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("19850312201001100", "length"),  # 17 digits
        ("1985031220100110045", "length"),  # 19 digits
        ("19850312201001100A", "digits"),
        ("19850312/201001/1/004", "digits"),
        ("198502302010011004", "birth_date"),  # 30 February
        ("198513012010011004", "birth_date"),  # month 13 in the birth date
        ("193905012010011004", "birth_date"),  # born before 1940
        ("202601012045011004", "birth_date"),  # born in the future
        ("198503122010131004", "tmt"),  # TMT month 13
        ("198503122010001004", "tmt"),  # TMT month 00
        ("198503122030011004", "tmt"),  # TMT in the future
        ("198503122000011004", "tmt"),  # appointed at 14
        ("195001012011011004", "tmt"),  # appointed at 61
        ("198503122010013004", "sex"),  # sex digit 3
        ("198503122010010004", "sex"),  # sex digit 0
        ("198503122010011000", "sequence"),
    ],
)
def test_each_kind_of_bad_nip_is_refused_with_its_code(raw, code):
    with pytest.raises(NipError) as exc:
        parse_nip(raw, today=TODAY)
    assert exc.value.code == code
    assert str(exc.value)  # a readable reason


def test_appointment_exactly_at_eighteen_is_accepted():
    assert parse_nip("199001012008011001", today=TODAY).tmt == dt.date(2008, 1, 1)


def test_appointment_a_day_before_eighteen_is_refused():
    # Born 2 January 1990; TMT 1 January 2008 is one day short of 18.
    with pytest.raises(NipError) as exc:
        parse_nip("199001022008011001", today=TODAY)
    assert exc.value.code == "tmt"


def test_a_tmt_in_the_current_month_is_not_in_the_future():
    assert parse_nip("199501012025061001", today=TODAY).tmt == dt.date(2025, 6, 1)


def test_the_error_message_explains_the_problem():
    with pytest.raises(NipError, match="18 digits"):
        parse_nip("123", today=TODAY)
    with pytest.raises(NipError, match="1 or 2"):
        parse_nip("198503122010013004", today=TODAY)


def test_make_nip_builds_a_valid_nip():
    value = make_nip(dt.date(1985, 3, 12), 2010, 1, "M", 4)
    assert value == GOOD
    assert make_nip(dt.date(1990, 2, 28), 2015, 3, "F", 1) == "199002282015032001"


def test_make_nip_refuses_implausible_parts():
    with pytest.raises(NipError):
        make_nip(dt.date(1985, 3, 12), 2000, 1, "M", 4)  # appointed at 14
