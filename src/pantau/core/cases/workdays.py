"""Indonesian working days (hari kerja) and the named deadlines of the discipline process.

A working day is Monday to Friday (Perpres 21/2023 Pasal 3 ayat (2)) minus the national holidays
(libur nasional) and the cuti bersama set for ASN (Perpres 21/2023 Pasal 6; each year's SKB of
Menag/Menaker/MenPANRB and the Keppres on ASN cuti bersama). Neither PP 94/2021 nor PP 79/2021
defines "hari kerja"; this reading is the usual practice (REGULATIONS.md Part B §1.1, LOW) and the
holiday table is maintained by an admin, so :class:`Calendar` takes the holidays as data.

Counting: "n working days after X" never counts X itself. The deadline of a period is the n-th
working day after its start date, whatever day of the week the start date is.

Every period used by the case ladder lives in :class:`Rules` with its number, its legal basis and
the confidence of that reading, so that an admin setting can override the number
(``Rules().with_overrides({"deletion": 5})``) while letters keep printing the basis.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import NamedTuple

HOLIDAY_KINDS = ("libur_nasional", "cuti_bersama")
WEEKEND = frozenset({5, 6})  # Saturday, Sunday (date.weekday())


class CalendarError(ValueError):
    """A holiday row or a deadline request is invalid; ``str()`` says what and where."""


class Holiday(NamedTuple):
    date: dt.date
    name: str
    kind: str  # "libur_nasional" or "cuti_bersama"


@dataclass(frozen=True)
class Period:
    """One legal period: ``days`` counted in ``unit`` ("working" or "calendar") from a start."""

    days: int
    basis: str
    description_en: str
    description_id: str
    confidence: str = "HIGH"  # as marked in REGULATIONS.md
    unit: str = "working"


@dataclass(frozen=True)
class Rules:
    """Every number of the process with its legal basis; an admin setting may override ``days``."""

    deletion: Period = Period(
        3,
        "Kebijakan pembinaan Inspektorat (bukan ketentuan PP 94/2021)",
        "Deletion deadline after guidance (office policy, not a statutory period)",
        "Batas waktu penghapusan setelah pembinaan (kebijakan kantor, bukan ketentuan PP)",
        "POLICY",
    )
    summons_exam: Period = Period(
        7,
        "PP 94/2021 Pasal 26 ayat (2)",
        "Examination at most 7 working days after the date of the summons letter",
        "Pemeriksaan paling lambat 7 hari kerja sejak tanggal surat panggilan",
        "HIGH (reading of 'jarak waktu' is LOW, REGULATIONS.md §2.9)",
    )
    summons_2: Period = Period(
        7,
        "PP 94/2021 Pasal 26 ayat (3)",
        "Second summons at most 7 working days after the missed examination date",
        "Panggilan kedua paling lambat 7 hari kerja setelah tanggal pemeriksaan yang tidak dihadiri",
    )
    decision_delivery: Period = Period(
        14,
        "PP 94/2021 Pasal 37 ayat (3)",
        "Delivery of the decision at most 14 working days after it is set",
        "Penyampaian keputusan paling lambat 14 hari kerja sejak keputusan ditetapkan",
    )
    objection: Period = Period(
        14,
        "PP 79/2021 Pasal 4 ayat (2)",
        "Objection (keberatan) at most 14 working days after the decision is received",
        "Keberatan paling lama 14 hari kerja sejak keputusan diterima",
    )
    objection_decision: Period = Period(
        21,
        "PP 79/2021 Pasal 5 ayat (1)",
        "The PPK decides the objection within 21 working days of receiving it",
        "PPK memutus keberatan dalam 21 hari kerja sejak menerima keberatan",
    )
    objection_official_response: Period = Period(
        6,
        "PP 79/2021 Pasal 8 ayat (3)",
        "The official answers a copied objection within 6 working days",
        "Pejabat menanggapi tembusan keberatan dalam 6 hari kerja",
    )
    appeal: Period = Period(
        14,
        "PP 79/2021 Pasal 11",
        "Appeal (banding) to BPASN at most 14 working days after the dismissal is received",
        "Banding administratif ke BPASN paling lama 14 hari kerja sejak keputusan diterima",
    )
    appeal_ppk_response: Period = Period(
        21,
        "PP 79/2021 Pasal 13 ayat (1)",
        "The PPK answers the copied appeal within 21 working days",
        "PPK menanggapi tembusan banding dalam 21 hari kerja",
    )
    appeal_decision: Period = Period(
        65,
        "PP 79/2021 Pasal 13 ayat (4)",
        "BPASN decides the appeal within 65 working days of receiving it",
        "BPASN memutus banding dalam 65 hari kerja sejak banding diterima",
    )
    in_force: Period = Period(
        15,
        "PP 94/2021 Pasal 38 ayat (1)",
        "The decision takes effect on the 15th day after receipt (calendar or working: unsettled)",
        "Keputusan berlaku pada hari ke-15 sejak diterima (hari kalender atau hari kerja: belum pasti)",
        "HIGH for the text; LOW for 'hari kerja' (REGULATIONS.md §2.10, §5 item 3)",
        "both",
    )

    @classmethod
    def kinds(cls) -> tuple[str, ...]:
        """Names usable with :meth:`Calendar.deadline` (all periods except ``in_force``)."""
        return tuple(f.name for f in fields(cls) if f.name != "in_force")

    def period(self, kind: str) -> Period:
        if kind not in {f.name for f in fields(self)}:
            raise CalendarError(f"unknown deadline kind {kind!r}; known: {', '.join(self.kinds())}")
        return getattr(self, kind)

    def with_overrides(self, days: Mapping[str, int]) -> Rules:
        """A copy with some periods' ``days`` replaced (e.g. from an admin setting)."""
        changes = {}
        for kind, n in days.items():
            period = self.period(kind)
            if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                raise CalendarError(f"{kind}: days must be a whole number ≥ 0, got {n!r}")
            changes[kind] = replace(period, days=n)
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Period]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Deadline:
    kind: str
    start: dt.date
    due: dt.date
    period: Period
    calendar_complete: bool  # holidays are known for every year from start to due


@dataclass
class Calendar:
    """Working-day arithmetic over a holiday table (see module docstring for the counting rule)."""

    holidays: Iterable[tuple[dt.date, str, str]] = ()
    rules: Rules = field(default_factory=Rules)
    weekend: frozenset[int] = WEEKEND

    def __post_init__(self) -> None:
        self.weekend = frozenset(self.weekend)
        table: dict[dt.date, Holiday] = {}
        for row in self.holidays:
            day, name, kind = row
            if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
                raise CalendarError(f"holiday {name!r}: {day!r} is not a date")
            if kind not in HOLIDAY_KINDS:
                raise CalendarError(f"holiday {day} {name!r}: kind must be one of {HOLIDAY_KINDS}")
            if day in table:  # two holidays on one day: keep both names
                old = table[day]
                kind = "libur_nasional" if "libur_nasional" in (old.kind, kind) else kind
                name = f"{old.name}; {name}"
            table[day] = Holiday(day, name, kind)
        self._table = table
        self.holidays = tuple(sorted(table.values()))
        self._years = frozenset(d.year for d in table)
        # Holidays on weekdays, sorted: the only ones that change a working-day count.
        self._weekday_holidays = sorted(d for d in table if d.weekday() not in self.weekend)
        self._per_week = 7 - len(self.weekend)
        self._week_prefix = [sum(1 for k in range(r) if k not in self.weekend) for r in range(8)]

    # -- single days ---------------------------------------------------------------------------

    def holiday(self, d: dt.date) -> Holiday | None:
        return self._table.get(d)

    def is_working_day(self, d: dt.date) -> bool:
        return d.weekday() not in self.weekend and d not in self._table

    def next_working_day(self, d: dt.date) -> dt.date:
        """The first working day strictly after ``d``."""
        d += dt.timedelta(days=1)
        while not self.is_working_day(d):
            d += dt.timedelta(days=1)
        return d

    def previous_working_day(self, d: dt.date) -> dt.date:
        """The last working day strictly before ``d``."""
        d -= dt.timedelta(days=1)
        while not self.is_working_day(d):
            d -= dt.timedelta(days=1)
        return d

    def covers(self, d: dt.date) -> bool:
        """True when the table holds at least one holiday in ``d``'s year (a maintained year)."""
        return d.year in self._years

    # -- arithmetic ----------------------------------------------------------------------------

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (``start`` not counted).

        ``n == 0`` gives ``start`` itself when it is a working day, else the next working day.
        A negative ``n`` counts backwards: the |n|-th working day before ``start``.
        """
        if n == 0:
            return start if self.is_working_day(start) else self.next_working_day(start)
        d = start
        step = self.next_working_day if n > 0 else self.previous_working_day
        for _ in range(abs(n)):
            d = step(d)
        return d

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days after ``a`` up to and including ``b``; negative (mirrored) when b < a."""
        if b < a:
            return -self.working_days_between(b, a)
        weekdays = self._weekdays_upto(b) - self._weekdays_upto(a)
        lo = bisect.bisect_right(self._weekday_holidays, a)
        hi = bisect.bisect_right(self._weekday_holidays, b)
        return weekdays - (hi - lo)

    def _weekdays_upto(self, d: dt.date) -> int:
        """Non-weekend days from 0001-01-01 (a Monday) to ``d`` inclusive."""
        days = d.toordinal()  # day 1 is a Monday
        weeks, rest = divmod(days, 7)
        return weeks * self._per_week + self._week_prefix[rest]

    # -- named deadlines -----------------------------------------------------------------------

    def deadline_info(self, kind: str, start: dt.date, *, rules: Rules | None = None) -> Deadline:
        rules = rules or self.rules
        if kind == "in_force":
            raise CalendarError("in_force has two readings: use in_force_dates(receipt)")
        period = rules.period(kind)
        due = self.add_working_days(start, period.days)
        years = range(start.year, due.year + 1)
        complete = all(y in self._years for y in years)
        return Deadline(kind, start, due, period, complete)

    def deadline(self, kind: str, start: dt.date, *, rules: Rules | None = None) -> dt.date:
        """The last allowed day of the period ``kind`` (a name from :meth:`Rules.kinds`).

        - ``deletion``: the guidance date + 3 working days (office policy, configurable);
        - ``summons_exam``: latest examination date for a summons letter (PP 94 Pasal 26(2));
        - ``summons_2``: latest date of the second summons after a missed examination (26(3));
        - ``decision_delivery``: latest delivery of a set decision (PP 94 Pasal 37(3));
        - ``objection`` / ``objection_decision``: PP 79 Pasal 4(2) / Pasal 5(1);
        - ``objection_official_response``: PP 79 Pasal 8(3);
        - ``appeal`` / ``appeal_ppk_response`` / ``appeal_decision``: PP 79 Pasal 11 / 13(1) / 13(4).
        """
        return self.deadline_info(kind, start, rules=rules).due

    def within(
        self, kind: str, start: dt.date, day: dt.date, *, rules: Rules | None = None
    ) -> bool:
        """True when ``day`` is on or before the deadline of ``kind`` started on ``start``."""
        return day <= self.deadline(kind, start, rules=rules)

    def days_left(
        self, kind: str, start: dt.date, today: dt.date, *, rules: Rules | None = None
    ) -> int:
        """Working days from ``today`` to the deadline: 0 on the day itself, negative if overdue."""
        return self.working_days_between(today, self.deadline(kind, start, rules=rules))

    def in_force_dates(self, receipt: dt.date, *, rules: Rules | None = None) -> dict:
        """Both readings of PP 94/2021 Pasal 38 ayat (1), "berlaku pada hari ke-15 sejak diterima".

        The PP does not say "hari kerja"; a secondary source cites Perban BKN 6/2022 Pasal 50(1)
        for "hari kerja ke-15" (unverified, REGULATIONS.md §2.10). Store the receipt date and show
        both; ``latest`` is the later (safer) of the two. A decision under keberatan or banding
        takes effect per that decision instead (Pasal 38 ayat (2)).
        """
        period = (rules or self.rules).in_force
        calendar = receipt + dt.timedelta(days=period.days)
        working = self.add_working_days(receipt, period.days)
        return {
            "receipt": receipt,
            "calendar": calendar,
            "working": working,
            "latest": max(calendar, working),
            "basis": period.basis,
            "note_en": "PP 94/2021 does not say whether the 15 days are working days; "
            "confirm with the legal officer which date goes in the decision.",
            "note_id": "PP 94/2021 tidak menyebut apakah 15 hari itu hari kerja; "
            "pastikan dengan bagian hukum tanggal mana yang dicantumkan.",
        }


def parse_holidays_csv(text: str) -> list[Holiday]:
    """Rows of a ``date,name,kind[,source]`` CSV (the format of the shipped holiday list)."""
    rows = []
    for line_no, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            day = dt.date.fromisoformat((row.get("date") or "").strip())
        except ValueError as exc:
            raise CalendarError(f"line {line_no}: bad date {row.get('date')!r}") from exc
        kind = (row.get("kind") or "").strip()
        if kind not in HOLIDAY_KINDS:
            raise CalendarError(f"line {line_no}: kind must be one of {HOLIDAY_KINDS}")
        rows.append(Holiday(day, (row.get("name") or "").strip(), kind))
    return rows
