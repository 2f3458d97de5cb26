"""Who may issue which kind of letter, and what the case must hold first (service level)."""

from __future__ import annotations

import pytest

from pantau.audit.models import AuditEntry
from pantau.letters.errors import LetterError
from pantau.letters.models import Letter
from pantau.letters.services import issuable_kinds, letter_issue

INSPECTORATE_KINDS = ["nota_dinas_temuan", "summons_1", "bap", "lhp", "teguran"]


@pytest.fixture
def own_employee(registry):
    """A login for Budi himself (e3), whose case it is."""
    from pantau.users.services import user_create

    return user_create(
        username="budi",
        password="x",
        role="employee",
        employee=registry.employees["e3"],
        check_password=False,
    )


@pytest.mark.parametrize(
    "role, kind, allowed",
    [
        *[("inspector", k, True) for k in INSPECTORATE_KINDS],
        *[("head", k, True) for k in INSPECTORATE_KINDS],
        ("inspector", "sk_draft", False),
        ("head", "sk_draft", False),
        ("decider", "sk_draft", True),
        ("decider", "summons_1", False),
        ("decider", "lhp", False),
        ("supervisor", "summons_1", False),
        ("supervisor", "teguran", False),
        ("auditor", "summons_1", False),
        ("auditor", "sk_draft", False),
        ("admin", "teguran", False),
        ("employee", "teguran", False),
    ],
)
def test_who_may_issue_which_kind(case, users, role, kind, allowed):
    if allowed:
        letter = letter_issue(case=case, kind=kind, actor=users[role])
        assert letter.issued_by == users[role]
        assert AuditEntry.objects.filter(action="letters.issued", object_id=str(letter.pk)).exists()
    else:
        with pytest.raises(LetterError) as refused:
            letter_issue(case=case, kind=kind, actor=users[role])
        assert refused.value.code == "forbidden"
        assert not Letter.objects.exists()


def test_the_employee_concerned_issues_nothing(case, own_employee):
    assert issuable_kinds(own_employee, case) == []
    with pytest.raises(LetterError):
        letter_issue(case=case, kind="summons_1", actor=own_employee)


def test_the_issue_is_audited_with_both_checksums(case, users):
    letter = letter_issue(case=case, kind="lhp", actor=users["head"])
    entry = AuditEntry.objects.get(action="letters.issued", object_id=str(letter.pk))
    assert entry.actor_id == users["head"].pk and entry.object_type == "letters.letter"
    assert entry.after["number"] == letter.number and entry.after["kind"] == "lhp"
    assert entry.after["pdf_sha256"] == letter.pdf_sha256 and len(letter.pdf_sha256) == 64
    assert entry.after["docx_sha256"] == letter.docx_sha256


@pytest.mark.parametrize(
    "kind, emptied, code",
    [
        ("bap", {"bap_text": ""}, "missing_bap"),
        ("lhp", {"recommendation": None}, "missing_recommendation"),
        ("sk_draft", {"sanction_code": ""}, "missing_decision"),
        ("summons_1", {"exam_date": None, "summons_date": None}, "missing_summons"),
    ],
)
def test_a_letter_needs_what_its_kind_is_about(case, users, kind, emptied, code):
    from pantau.cases.models import CaseStep

    CaseStep.objects.filter(case=case).delete()
    for field, value in emptied.items():
        setattr(case, field, value)
    case.save()
    actor = users["decider"] if kind == "sk_draft" else users["inspector"]
    with pytest.raises(LetterError) as refused:
        letter_issue(case=case, kind=kind, actor=actor)
    assert refused.value.code == code


def test_a_second_summons_needs_a_first_one(case, users):
    from pantau.cases.models import CaseStep

    CaseStep.objects.filter(case=case).delete()
    case.summons_count = 2  # the second summons is recorded, but nothing tells of the first
    case.save()
    with pytest.raises(LetterError) as refused:
        letter_issue(case=case, kind="summons_2", actor=users["inspector"])
    assert refused.value.code == "missing_first_summons"


def test_a_closed_case_gets_no_more_letters(case, users):
    case.state = "closed"
    case.save()
    with pytest.raises(LetterError) as refused:
        letter_issue(case=case, kind="teguran", actor=users["inspector"])
    assert refused.value.code == "closed"


def test_unknown_kinds_and_languages_are_refused(case, users):
    for kind, language in (("surat_cinta", "id"), ("teguran", "fr")):
        with pytest.raises(LetterError):
            letter_issue(case=case, kind=kind, actor=users["inspector"], language=language)
