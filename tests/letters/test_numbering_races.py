"""Letters issued at the same moment: never the same number, no number skipped, no letter on a
case that is being closed. Real concurrent transactions (``tests.cases.racing``)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection

from pantau.cases.models import Case
from pantau.cases.services import case_act
from pantau.letters.errors import LetterError
from pantau.letters.models import Letter, NumberCounter
from pantau.letters.numbering import next_number
from pantau.letters.services import letter_issue
from tests.cases.racing import at_once, overlapping
from tests.letters.conftest import NOW

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
NUMBER = "{:03d}/PMB/INSP/XI/2026"


@pytest.fixture
def letter_case(registry, users):
    from pantau.letters.defaults import seed
    from tests.letters.conftest import make_case

    with time_machine.travel(NOW, tick=False):
        seed()  # a transactional test starts with empty tables
        yield make_case(registry, users)


def issue(case, users, who="inspector"):
    return lambda: letter_issue(case=case, kind="teguran", actor=users[who])


def test_letters_issued_at_the_same_moment_get_consecutive_numbers(letter_case, users):
    """Three at once, three times: PostgreSQL makes them wait for each other; the shared in-memory
    SQLite test database refuses the latecomers at once, with a clear message."""
    taken = []
    for _round in range(3):
        outcomes = at_once(*[issue(letter_case, users)] * 3)
        letters = [o for o in outcomes if isinstance(o, Letter)]
        refused = [o for o in outcomes if not isinstance(o, Letter)]
        assert all(isinstance(o, LetterError) and o.code == "conflict" for o in refused), refused
        if connection.vendor == "postgresql":
            assert len(letters) == 3
        taken += sorted(letter.number for letter in letters)
    assert taken == [NUMBER.format(n) for n in range(1, len(taken) + 1)]
    assert sorted(Letter.objects.values_list("number", flat=True)) == taken
    assert NumberCounter.objects.get(key="teguran", year=2026).value == len(taken)


@pytest.mark.postgres
def test_overlapping_issuers_never_share_a_number(db):
    for round_ in range(20):
        first, second = overlapping(
            lambda: next_number("teguran", on=dt.date(2026, 11, 24)),
            lambda: next_number("teguran", on=dt.date(2026, 11, 24)),
        )
        assert (first, second) == (NUMBER.format(2 * round_ + 1), NUMBER.format(2 * round_ + 2))


@pytest.mark.postgres
def test_a_letter_refused_after_taking_its_number_gives_it_back(letter_case, users):
    def render_fails():
        raise RuntimeError("the PDF could not be rendered")

    first, second = overlapping(
        issue(letter_case, users), issue(letter_case, users, "head"), then=render_fails
    )
    assert isinstance(first, RuntimeError)
    assert second.number == NUMBER.format(1) and second.issued_by == users["head"]
    assert list(Letter.objects.values_list("number", flat=True)) == [NUMBER.format(1)]
    assert NumberCounter.objects.get(key="teguran", year=2026).value == 1


@pytest.mark.postgres
def test_no_letter_slips_onto_a_case_being_closed(letter_case, users):
    def dismiss():
        return case_act(
            case_id=letter_case.pk,
            name="dismiss_case",
            actor=users["head"],
            data={"reason": "akun bukan milik pegawai"},
        )

    closed, letter = overlapping(dismiss, issue(letter_case, users))
    assert isinstance(closed, Case) and closed.state == "closed"
    assert isinstance(letter, LetterError) and letter.code == "closed", letter
    assert not Letter.objects.exists()
    assert not NumberCounter.objects.filter(key="teguran", value__gt=0).exists()
