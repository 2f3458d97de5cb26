"""NIP (Nomor Induk Pegawai) parsing and validation for PNS.

An 18-digit NIP reads ``YYYYMMDD YYYYMM S NNN``: birth date, TMT CPNS (year and month of
appointment), sex digit (1 man, 2 woman) and a sequence number. A NIP is plausible when the
birth date exists, the employee was at least 18 and at most 60 at appointment, the appointment
is not in the future and the sequence is not 000.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MIN_AGE_AT_TMT = 18
MAX_AGE_AT_TMT = 60
EARLIEST_BIRTH_YEAR = 1940


class NipError(ValueError):
    """The NIP is malformed or implausible; ``code`` names the rule, ``str()`` explains it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Nip:
    value: str
    birth_date: dt.date
    tmt: dt.date  # first day of the TMT month
    sex: str  # "M" or "F"
    sequence: int

    def formatted(self) -> str:
        """The NIP with the customary spaces: 19850312 201001 1 004."""
        v = self.value
        return f"{v[:8]} {v[8:14]} {v[14]} {v[15:]}"


_NON_DIGITS = re.compile(r"[\s.\-]")


def clean_nip(raw: str) -> str:
    """Remove the spaces, dots and dashes people type inside a NIP."""
    return _NON_DIGITS.sub("", str(raw or "").strip())


def parse_nip(raw: str, *, today: dt.date | None = None) -> Nip:
    """Parse and validate a NIP, raising NipError with a readable reason."""
    today = today or dt.date.today()
    value = clean_nip(raw)
    if not value:
        raise NipError("empty", "NIP is empty")
    if not value.isdigit():
        raise NipError("digits", f"NIP {value!r} must contain only digits")
    if len(value) != 18:
        raise NipError("length", f"NIP must have 18 digits, got {len(value)}")
    try:
        birth = dt.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise NipError("birth_date", f"NIP birth date {value[0:8]} is not a real date") from None
    if birth.year < EARLIEST_BIRTH_YEAR or birth > today:
        raise NipError("birth_date", f"NIP birth date {birth.isoformat()} is not plausible")
    tmt_year, tmt_month = int(value[8:12]), int(value[12:14])
    if not 1 <= tmt_month <= 12:
        raise NipError("tmt", f"NIP TMT month {value[12:14]} is not a month")
    tmt = dt.date(tmt_year, tmt_month, 1)
    if tmt > today:
        raise NipError("tmt", f"NIP TMT {tmt:%Y-%m} is in the future")
    age_at_tmt = tmt_year - birth.year - ((tmt_month, 1) < (birth.month, birth.day))
    if age_at_tmt < MIN_AGE_AT_TMT:
        raise NipError("tmt", f"NIP TMT {tmt:%Y-%m} is before the age of {MIN_AGE_AT_TMT}")
    if age_at_tmt > MAX_AGE_AT_TMT:
        raise NipError("tmt", f"NIP TMT {tmt:%Y-%m} is after the age of {MAX_AGE_AT_TMT}")
    sex_digit = value[14]
    if sex_digit not in "12":
        raise NipError("sex", f"NIP sex digit must be 1 or 2, got {sex_digit}")
    sequence = int(value[15:])
    if sequence == 0:
        raise NipError("sequence", "NIP sequence number 000 is not used")
    return Nip(value, birth, tmt, "M" if sex_digit == "1" else "F", sequence)


def make_nip(birth: dt.date, tmt_year: int, tmt_month: int, sex: str, sequence: int) -> str:
    """Build a NIP from its parts (used by demo data and tests); validates the result."""
    value = f"{birth:%Y%m%d}{tmt_year:04d}{tmt_month:02d}{1 if sex == 'M' else 2}{sequence:03d}"
    parse_nip(value)
    return value
