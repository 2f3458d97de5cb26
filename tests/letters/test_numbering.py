"""Letter numbers: the configurable pattern, yearly counters, and no number given twice."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
import time_machine
from django.db import connections
from django.db.models import F

from pantau.letters import numbering
from pantau.letters.errors import LetterError
from pantau.letters.models import Letter, NumberCounter, NumberingScheme
from pantau.letters.numbering import NumberingError, next_seq, pattern_check
from pantau.letters.services import letter_issue
from tests.letters.conftest import WITA


def test_numbers_count_up_per_kind_and_restart_each_year(case, users, frozen):
    inspector = users["inspector"]
    first = letter_issue(case=case, kind="nota_dinas_temuan", actor=inspector)
    second = letter_issue(case=case, kind="nota_dinas_temuan", actor=inspector)
    other = letter_issue(case=case, kind="teguran", actor=inspector)
    assert (first.number, second.number) == ("001/ND/INSP/XI/2026", "002/ND/INSP/XI/2026")
    assert other.number == "001/PMB/INSP/XI/2026"
    frozen.move_to(dt.datetime(2027, 1, 5, 9, 0, tzinfo=WITA))
    next_year = letter_issue(case=case, kind="nota_dinas_temuan", actor=inspector)
    assert next_year.number == "001/ND/INSP/I/2027"
    assert next_year.letter_date == dt.date(2027, 1, 5)


def test_an_admin_can_change_the_pattern_and_share_a_counter(case, users):
    NumberingScheme.objects.filter(kind__in=["nota_dinas_temuan", "teguran"]).update(
        pattern="800.1.6.2/{seq}/{code}/{year}", counter="agenda"
    )
    NumberingScheme.objects.filter(kind="teguran").update(code="INSP")
    a = letter_issue(case=case, kind="nota_dinas_temuan", actor=users["inspector"])
    b = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    assert (a.number, b.number) == ("800.1.6.2/1/ND/2026", "800.1.6.2/2/INSP/2026")
    assert NumberCounter.objects.get(key="agenda", year=2026).value == 2


@pytest.mark.parametrize(
    "pattern",
    ["{year}/{code}", "{seq}/{unknown}", "{seq.__class__}", "{seq", "{seq:xyz}", "{0}/{seq}"],
)
def test_unusable_patterns_are_refused(pattern):
    with pytest.raises(NumberingError):
        pattern_check(pattern)


def test_a_broken_pattern_refuses_the_letter_and_takes_no_number(case, users):
    NumberingScheme.objects.filter(kind="teguran").update(pattern="{code}/{year}")
    with pytest.raises(LetterError):
        letter_issue(case=case, kind="teguran", actor=users["inspector"])
    assert not Letter.objects.exists()


def test_a_competitor_between_our_read_and_update_makes_us_take_the_next_number(db, monkeypatch):
    real_read = numbering._read
    calls = []

    def racing_read(key, year):
        value = real_read(key, year)
        if not calls:  # another issuer takes a number right after our first read
            NumberCounter.objects.filter(key=key, year=year).update(value=F("value") + 1)
        calls.append(value)
        return value

    monkeypatch.setattr(numbering, "_read", racing_read)
    assert next_seq("teguran", 2026) == 2  # the competitor got 1
    assert calls == [0, 1]
    assert NumberCounter.objects.get(key="teguran", year=2026).value == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_quick_issues_at_the_same_moment_get_different_numbers(
    registry, users, settings, tmp_path
):
    from tests.letters.conftest import NOW, make_case

    settings.MEDIA_ROOT = tmp_path / "media"
    with time_machine.travel(NOW, tick=False):
        case = make_case(registry, users)
        from pantau.letters.defaults import seed

        seed()  # a transactional test starts with empty tables
        barrier = threading.Barrier(2)
        numbers, errors = [], []

        def issue():
            # SQLite's shared in-memory test database answers "table is locked" at once where
            # a file database waits (busy_timeout); the service calls that a conflict ("try
            # again"): retry as the waiting would.
            try:
                barrier.wait(timeout=10)
                for _attempt in range(200):
                    try:
                        letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
                    except LetterError as exc:
                        if exc.code != "conflict":
                            raise
                        time.sleep(0.01)
                    else:
                        numbers.append(letter.number)
                        return
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=issue) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    assert not errors, errors
    assert sorted(numbers) == ["001/PMB/INSP/XI/2026", "002/PMB/INSP/XI/2026"]
