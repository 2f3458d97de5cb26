"""Two people acting on the same case or finding at once: exactly one wins, the other is told.

Each race runs two real transactions in two threads with their own database connections
(``tests.cases.racing``), twenty times. On PostgreSQL the rows are locked and the loser waits;
on SQLite one writer runs at a time (the shared in-memory test database refuses the second at
once, a database file makes it wait). Either way the loser gets a clear conflict (never a
"database is locked" error), nothing of theirs is stored, and the audit log holds one entry: the
winner's.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
import time_machine
from django.db import connection
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.cases.errors import CaseConflict
from pantau.cases.models import Appeal, Case, CaseStep, ReviewDecision
from pantau.cases.review import StaleFinding, finding_decide
from pantau.cases.services import case_act
from pantau.monitoring.models import Finding
from pantau.users.services import api_token_create
from tests.cases.racing import at_once, overlapping
from tests.letters.conftest import WITA

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
# SQLite's shared in-memory test database refuses even a read of a table another connection is
# writing (a WAL database file lets it read), so a request cannot overlap an open write there.
ROUNDS = 20
TARGET = {"dismiss_case": "closed", "start_guidance": "guidance"}


@pytest.fixture
def open_case(users, registry, make_finding):
    """A fresh open case of e4 with a confirmed finding, for each round (the last one closed)."""

    def _make() -> Case:
        Case.objects.filter(employee=registry.employees["e4"]).update(state="closed")
        case = Case.objects.create(employee=registry.employees["e4"], opened_by=users["inspector"])
        finding = make_finding(employee_key="e4")
        Finding.objects.filter(pk=finding.pk).update(status="confirmed")
        case.findings.add(finding)
        return case

    return _make


def steps_and_entries(case: Case, name: str) -> tuple[int, int]:
    return (
        CaseStep.objects.filter(case=case, name=name).count(),
        AuditEntry.objects.filter(object_id=str(case.pk), action=f"case.{name}").count(),
    )


def check_one_winner(case: Case, outcomes: dict[str, object], *, allow_none: bool = False):
    """The name of the action that won; asserts the loser was refused and left no trace.

    ``allow_none``: SQLite's shared in-memory test database refuses a second writer at once
    (no busy wait), so two calls released together may both be refused; then nothing is stored.
    """
    won = [name for name, result in outcomes.items() if isinstance(result, Case)]
    lost = [name for name, result in outcomes.items() if isinstance(result, CaseConflict)]
    if allow_none and not won and len(lost) == len(outcomes):
        assert Case.objects.get(pk=case.pk).version == case.version
        assert all(steps_and_entries(case, name) == (0, 0) for name in outcomes)
        return None
    assert len(won) == 1 and len(lost) == 1, outcomes
    winner, loser = won[0], lost[0]
    assert outcomes[loser].code == "stale"
    stored = Case.objects.get(pk=case.pk)
    assert stored.version == case.version + 1
    assert steps_and_entries(case, winner) == (1, 1)
    assert steps_and_entries(case, loser) == (0, 0)
    return winner


def dismiss_or_guide(users, case, *, version):
    def dismiss():
        return case_act(
            case_id=case.pk,
            name="dismiss_case",
            actor=users["head"],
            data={"reason": "akun bukan milik pegawai"},
            expected_version=version,
        )

    def guide():
        return case_act(
            case_id=case.pk,
            name="start_guidance",
            actor=users["inspector"],
            data={"note": "mohon dihapus"},
            expected_version=version,
        )

    return {"dismiss_case": dismiss, "start_guidance": guide}


def check_dismiss_or_guidance(case, winner):
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == TARGET[winner]
    if winner == "dismiss_case":  # the closing is kept, guidance never started
        assert stored.closed_at is not None and stored.close_reason == "akun bukan milik pegawai"
        assert stored.guidance_at is None and stored.guidance_note == ""
        assert not stored.deadlines.exists()
    else:
        assert stored.closed_at is None and stored.close_reason == ""
        assert stored.guidance_note == "mohon dihapus"
        assert set(stored.deadlines.values_list("kind", flat=True)) == {
            "deletion",
            "supervisor_ack",
        }


def test_dismiss_and_start_guidance_sent_at_once_from_the_same_page(users, open_case):
    for _round in range(ROUNDS):
        case = open_case()
        calls = dismiss_or_guide(users, case, version=case.version)  # both saw this version
        outcomes = dict(zip(calls, at_once(*calls.values()), strict=True))
        winner = check_one_winner(case, outcomes, allow_none=connection.vendor == "sqlite")
        if winner:
            check_dismiss_or_guidance(case, winner)  # which one wins is up to the scheduler


@pytest.mark.parametrize("first", ["dismiss_case", "start_guidance"])
def test_a_second_action_read_before_the_first_committed_is_refused(users, open_case, first):
    """Without a version (as the API allows), the loser read the case before the winner's commit."""
    second = "start_guidance" if first == "dismiss_case" else "dismiss_case"
    for _round in range(ROUNDS // 2):
        case = open_case()
        calls = dismiss_or_guide(users, case, version=None)
        outcomes = dict(zip([first, second], overlapping(calls[first], calls[second]), strict=True))
        assert check_one_winner(case, outcomes) == first
        check_dismiss_or_guidance(case, first)


def test_two_guidance_notes_at_once_lose_no_note(users, open_case):
    """An event changes fields too: the second note would overwrite the first one unseen."""
    for _round in range(ROUNDS // 2):
        case = case_act(case_id=open_case().pk, name="start_guidance", actor=users["inspector"])

        def note(who, text, case=case):
            return lambda: case_act(
                case_id=case.pk, name="record_guidance", actor=users[who], data={"note": text}
            )

        first, second = overlapping(note("inspector", "ditegur lisan"), note("head", "diingatkan"))
        assert isinstance(first, Case) and isinstance(second, CaseConflict), (first, second)
        stored = Case.objects.get(pk=case.pk)
        assert stored.guidance_note == "ditegur lisan"
        assert stored.version == case.version + 1
        assert steps_and_entries(case, "record_guidance") == (1, 1)


def test_two_objections_at_once_make_one(users, registry):
    """The employee's objection sent twice (two tabs) and an inspector's for them: one appeal."""
    with time_machine.travel(dt.datetime(2026, 11, 5, 9, tzinfo=WITA), tick=False):
        for _round in range(ROUNDS // 2):
            Case.objects.filter(employee=registry.employees["e4"]).update(state="closed")
            case = Case.objects.create(
                employee=registry.employees["e4"],
                opened_by=users["inspector"],
                state="delivered",
                sanction_code="written_reprimand",
                decision_date=dt.date(2026, 10, 30),
                receipt_date=dt.date(2026, 11, 2),
            )

            def objection(who, case=case):
                return lambda: case_act(
                    case_id=case.pk,
                    name="open_appeal",
                    actor=users[who],
                    data={"kind": "objection", "text": f"keberatan ({who})"},
                )

            outcomes = dict(
                zip(
                    ["employee", "inspector"],
                    overlapping(objection("employee"), objection("inspector")),
                    strict=True,
                )
            )
            assert isinstance(outcomes["employee"], Case), outcomes
            assert isinstance(outcomes["inspector"], CaseConflict), outcomes
            appeal = Appeal.objects.get(case=case)
            assert appeal.text == "keberatan (employee)" and appeal.filed_by == users["employee"]
            assert Case.objects.get(pk=case.pk).state == "appeal"
            assert case.deadlines.filter(kind="objection_decision").count() == 1
            assert steps_and_entries(case, "open_appeal") == (1, 1)


@pytest.mark.parametrize("first", ["resolve_appeal", "withdraw_appeal"])
def test_an_objection_decided_and_withdrawn_at_once_ends_one_way(users, registry, first):
    for _round in range(ROUNDS // 4):
        Case.objects.filter(employee=registry.employees["e4"]).update(state="closed")
        case = Case.objects.create(
            employee=registry.employees["e4"], opened_by=users["inspector"], state="appeal"
        )
        Appeal.objects.create(
            case=case, kind="objection", text="keberatan", filed_by=users["employee"],
            decide_by=dt.date(2026, 12, 21),
        )  # fmt: skip
        calls = {
            "resolve_appeal": lambda case=case: case_act(
                case_id=case.pk,
                name="resolve_appeal",
                actor=users["decider"],
                data={"outcome": "upheld", "reason": "tetap"},
            ),
            "withdraw_appeal": lambda case=case: case_act(
                case_id=case.pk,
                name="withdraw_appeal",
                actor=users["employee"],
                data={"text": "saya cabut"},
            ),
        }
        second = "withdraw_appeal" if first == "resolve_appeal" else "resolve_appeal"
        outcomes = dict(zip([first, second], overlapping(calls[first], calls[second]), strict=True))
        assert check_one_winner(case, outcomes) == first
        appeal = Appeal.objects.get(case=case)
        assert appeal.outcome == {"resolve_appeal": "upheld", "withdraw_appeal": "withdrawn"}[first]
        assert Case.objects.get(pk=case.pk).state == "closed"


def decide(finding, reviewer, outcome):
    return lambda: finding_decide(
        finding_id=finding.pk,
        expected_version=finding.version,
        reviewer=reviewer,
        outcome=outcome,
        category="hate_speech",
        skb_item=2,
        reason=f"{outcome} oleh {reviewer.username}",
    )


def test_two_reviewers_deciding_the_same_finding_at_once(users, registry, make_finding):
    for _round in range(ROUNDS):
        Case.objects.filter(employee=registry.employees["e3"]).update(state="closed")
        finding = make_finding(employee_key="e3")
        outcomes = at_once(
            decide(finding, users["inspector"], "confirm"),
            decide(finding, users["head"], "dismiss"),
        )
        won = [o for o in outcomes if isinstance(o, ReviewDecision)]
        lost = [o for o in outcomes if isinstance(o, StaleFinding)]
        if connection.vendor == "sqlite" and not won and len(lost) == 2:
            # SQLite's shared in-memory test database may refuse both at once: nothing stored
            assert not ReviewDecision.objects.filter(finding=finding).exists()
            assert Finding.objects.get(pk=finding.pk).version == 1
            continue
        assert len(won) == 1 and len(lost) == 1, outcomes
        decision = ReviewDecision.objects.get(finding=finding)
        assert decision.pk == won[0].pk
        stored = Finding.objects.get(pk=finding.pk)
        assert (stored.status, stored.version) == (
            {"confirm": "confirmed", "dismiss": "dismissed"}[decision.outcome],
            2,
        )
        entries = AuditEntry.objects.filter(object_id=str(finding.pk), action__startswith="review.")
        assert list(entries.values_list("action", flat=True)) == [f"review.{decision.outcome}"]
        assert Case.objects.filter(findings=finding).count() == (decision.outcome == "confirm")


@pytest.mark.postgres
def test_two_findings_of_one_employee_confirmed_at_once_join_one_case(
    users, registry, make_finding
):
    """The first confirmation opens the case; the other one must join it, not fail or open a second."""
    for _round in range(ROUNDS // 2):
        Case.objects.filter(employee=registry.employees["e3"]).update(state="closed")
        one, two = make_finding(employee_key="e3"), make_finding(employee_key="e3")
        outcomes = overlapping(
            decide(one, users["inspector"], "confirm"), decide(two, users["head"], "confirm")
        )
        assert all(isinstance(o, ReviewDecision) for o in outcomes), outcomes
        case = Case.objects.exclude(state="closed").get(employee=registry.employees["e3"])
        assert set(case.findings.all()) == {one, two}
        assert list(case.steps.values_list("name", flat=True)) == ["opened", "add_finding"]
        assert AuditEntry.objects.filter(object_id=str(case.pk), action="case.opened").count() == 1


@pytest.mark.postgres
def test_a_lock_wait_cut_short_by_the_server_is_a_conflict_too(users, open_case):
    """A server with ``lock_timeout`` set gives up waiting: the same clear conflict, not a 500."""
    case = open_case()

    def impatient():
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '50ms'")
        return case_act(
            case_id=case.pk, name="dismiss_case", actor=users["head"], data={"reason": "x"}
        )

    def guide():
        return case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])

    first, second = overlapping(guide, impatient, then=lambda: time.sleep(0.5))  # > 50 ms
    assert isinstance(first, Case) and isinstance(second, CaseConflict), (first, second)
    assert Case.objects.get(pk=case.pk).state == "guidance"


# --- what people see when they lose -------------------------------------------------------


@pytest.mark.postgres
def test_the_case_page_tells_the_loser_to_reload(users, open_case, client, settings):
    client.force_login(users["head"])
    for language, message in [
        ("id", "Kasus ini telah diubah oleh orang lain; muat ulang halaman lalu coba lagi."),
        ("en", "The case was changed by someone else in the meantime; reload the page and try"),
    ]:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        case = open_case()
        form = {"action": "dismiss_case", "reason": "bukan akunnya", "version": case.version}

        def guide(case=case):
            return case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])

        def page(form=form, case=case):
            return client.post(reverse("case_action", args=[case.pk]), form, follow=True)

        _first, response = overlapping(guide, page)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert Case.objects.get(pk=case.pk).state == "guidance"


@pytest.mark.postgres
def test_the_api_answers_409_to_the_loser(users, open_case, client):
    case = open_case()
    _token, key = api_token_create(user=users["head"], name="race", scope="full")

    def api():
        return client.post(
            f"/api/v1/cases/{case.pk}/actions",
            {"action": "dismiss_case", "data": {"reason": "bukan akunnya"}},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )

    def guide():
        return case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])

    _first, response = overlapping(guide, api)
    assert response.status_code == 409, response.content
    assert "muat ulang" in response.json()["detail"]
    assert Case.objects.get(pk=case.pk).state == "guidance"
