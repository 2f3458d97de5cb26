"""Reporting periods: a month (``2026-11``), a quarter (``2026-Q4``), a year (``2026``) or a range.

A period runs from its first day (inclusive) to the day after its last day (exclusive), in the
configured time zone (WITA for Balikpapan). The previous period is the one of the same kind just
before it (for a free range: the same number of days just before it). Dashboards also take
presets relative to today (``12m``, ``30d``, ``this-month``…).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
ROMAN = ("I", "II", "III", "IV")
PRESETS = ("12m", "30d", "this-month", "last-month", "this-quarter", "this-year", "last-year")

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


class PeriodError(ValueError):
    """A period that cannot be read; the message says what is expected."""


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    kind: str  # "month", "quarter", "year" or "range"
    start: dt.date  # first day
    end: dt.date  # the day after the last day

    @property
    def code(self) -> str:
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start:%Y-%m-%d}..{self.last_day:%Y-%m-%d}"

    @property
    def last_day(self) -> dt.date:
        return self.end - dt.timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def label_id(self) -> str:
        """The period in Indonesian, for reports written in Indonesian."""
        if self.kind == "month":
            return f"{BULAN[self.start.month - 1]} {self.start.year}"
        if self.kind == "quarter":
            return f"Triwulan {ROMAN[(self.start.month - 1) // 3]} {self.start.year}"
        if self.kind == "year":
            return f"Tahun {self.start.year}"
        return f"{tanggal(self.start)} s.d. {tanggal(self.last_day)}"

    @property
    def label(self) -> str:
        """The period in the reader's language, for pages."""
        from django.utils.formats import date_format

        if self.kind == "month":
            return date_format(self.start, "F Y")
        if self.kind == "quarter":
            return _("Quarter %(q)s %(y)d") % {
                "q": ROMAN[(self.start.month - 1) // 3],
                "y": self.start.year,
            }
        if self.kind == "year":
            return str(self.start.year)
        return f"{date_format(self.start, 'j M Y')} – {date_format(self.last_day, 'j M Y')}"

    def previous(self) -> Period:
        if self.kind == "month":
            return Period("month", _add_months(self.start, -1), self.start)
        if self.kind == "quarter":
            return Period("quarter", _add_months(self.start, -3), self.start)
        if self.kind == "year":
            return Period("year", dt.date(self.start.year - 1, 1, 1), self.start)
        return Period("range", self.start - dt.timedelta(days=self.days), self.start)

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """Aware datetimes at local midnight: ``start <= t < end``."""
        tz = timezone.get_current_timezone()
        return (
            dt.datetime.combine(self.start, dt.time.min, tzinfo=tz),
            dt.datetime.combine(self.end, dt.time.min, tzinfo=tz),
        )

    def months(self) -> list[Period]:
        """The calendar months the period touches, each clipped to the period."""
        out, first = [], self.start.replace(day=1)
        while first < self.end:
            following = _add_months(first, 1)
            out.append(Period("month", max(first, self.start), min(following, self.end)))
            first = following
        return out


def tanggal(day: dt.date) -> str:
    """A date the Indonesian way: ``5 November 2026``."""
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def parse_period(text: str) -> Period:
    """``2026-11``, ``2026-Q4`` or ``2026``; :class:`PeriodError` otherwise."""
    text = (text or "").strip()
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise PeriodError(_("Month %(m)d does not exist (use 1 to 12).") % {"m": month})
        start = dt.date(year, month, 1)
        return Period("month", start, _add_months(start, 1))
    if m := _QUARTER.match(text):
        start = dt.date(int(m[1]), (int(m[2]) - 1) * 3 + 1, 1)
        return Period("quarter", start, _add_months(start, 3))
    if m := _YEAR.match(text):
        return Period("year", dt.date(int(m[1]), 1, 1), dt.date(int(m[1]) + 1, 1, 1))
    raise PeriodError(
        _("Unknown period %(p)r: use a month (2026-11), a quarter (2026-Q4) or a year (2026).")
        % {"p": text}
    )


def preset_period(name: str, *, today: dt.date | None = None) -> Period:
    """A period relative to today; unknown names fall back to the last 12 months."""
    today = today or timezone.localdate()
    month = today.replace(day=1)
    tomorrow = today + dt.timedelta(days=1)
    if name == "30d":
        return Period("range", tomorrow - dt.timedelta(days=30), tomorrow)
    if name == "this-month":
        return Period("month", month, _add_months(month, 1))
    if name == "last-month":
        return Period("month", _add_months(month, -1), month)
    if name == "this-quarter":
        start = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
        return Period("quarter", start, _add_months(start, 3))
    if name == "this-year":
        return Period("year", dt.date(today.year, 1, 1), dt.date(today.year + 1, 1, 1))
    if name == "last-year":
        return Period("year", dt.date(today.year - 1, 1, 1), dt.date(today.year, 1, 1))
    return Period("range", _add_months(month, -11), tomorrow)


def range_period(first: dt.date, last: dt.date) -> Period:
    """The days from ``first`` to ``last``, both included."""
    if last < first:
        raise PeriodError(_("The end date is before the start date."))
    return Period("range", first, last + dt.timedelta(days=1))
