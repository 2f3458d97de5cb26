"""The letters pages: issuing from the case page, the list fragment, downloads and their log."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from pantau.audit.models import AccessLog
from pantau.letters.models import Letter
from pantau.letters.services import letter_issue
from tests.letters.conftest import issuer


@pytest.fixture
def budi(registry):
    """A login for the employee concerned (e3); the ``employee`` role user is Siti (e4)."""
    from pantau.users.services import user_create

    return user_create(
        username="budi",
        password="x",
        role="employee",
        employee=registry.employees["e3"],
        check_password=False,
    )


def _issue_url(case):
    return reverse("letters:issue", args=[case.pk])


def _download(letter, fmt="pdf"):
    return reverse("letters:download", args=[letter.pk, fmt])


@pytest.mark.parametrize(
    "role, kind, status, issued",
    [
        ("inspector", "summons_1", 302, True),
        ("head", "teguran", 302, True),
        ("decider", "sk_draft", 302, True),
        ("decider", "summons_1", 403, False),
        ("inspector", "sk_draft", 403, False),
        ("supervisor", "summons_1", 403, False),
        ("auditor", "teguran", 403, False),
        ("employee", "teguran", 404, False),  # Siti cannot see Budi's case at all
        ("admin", "teguran", 404, False),
    ],
)
def test_issuing_from_the_case_page_by_role(case, login_as, role, kind, status, issued):
    client = login_as(role)
    response = client.post(_issue_url(case), {"kind": kind, "language": "id"})
    assert response.status_code == status
    assert Letter.objects.filter(kind=kind).exists() is issued


def test_an_anonymous_visitor_is_sent_to_log_in(case, client):
    response = client.post(_issue_url(case), {"kind": "teguran", "language": "id"})
    assert response.status_code == 302 and "/masuk/" in response["Location"]
    assert not Letter.objects.exists()


def test_issuing_passes_the_examination_details_and_returns_to_the_page(case, login_as):
    client = login_as("inspector")
    response = client.post(
        _issue_url(case),
        {
            "kind": "summons_1",
            "language": "id",
            "exam_time": "13.30",
            "exam_place": "Meeting room B",
            "next": f"/surat/kasus/{case.pk}/",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/surat/kasus/{case.pk}/"
    letter = Letter.objects.get()
    assert letter.language == "id" and letter.content["exam"]["place"] == "Meeting room B"
    assert letter.content["exam"]["time"] == "13.30 WITA"
    # The English copy translates that letter: the same place, time and number.
    client.post(_issue_url(case), {"kind": "summons_1", "language": "en"})
    english = Letter.objects.get(language="en")
    assert english.translation_of == letter and english.number == letter.number
    assert english.content["exam"]["place"] == "Meeting room B"


def test_a_refused_letter_shows_why_and_an_unsafe_next_is_ignored(case, login_as, english):
    case.bap_text = ""
    case.save()
    client = login_as("inspector")
    response = client.post(
        _issue_url(case),
        {"kind": "bap", "language": "id", "next": "https://evil.example/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("letters:case_letters", args=[case.pk])
    assert "Record the examination (BAP) on the case first." in response.content.decode()
    assert not Letter.objects.exists()


@pytest.mark.parametrize(
    "role, status",
    [
        ("inspector", 200),
        ("head", 200),
        ("decider", 200),
        ("auditor", 200),
        ("supervisor", 200),
        ("employee", 404),
        ("admin", 404),
    ],
)
def test_who_may_download_a_letter(case, users, login_as, role, status):
    letter = letter_issue(case=case, kind="lhp", actor=users["inspector"])
    client = login_as(role)
    for fmt in ("pdf", "docx"):
        assert client.get(_download(letter, fmt)).status_code == status
    logged = AccessLog.objects.filter(object_type="letters.letter", object_id=str(letter.pk))
    assert logged.count() == (2 if status == 200 else 0)


def test_the_employee_concerned_gets_only_the_letters_addressed_to_them(case, users, budi, client):
    letters = {
        k: letter_issue(case=case, kind=k, actor=issuer(users, k))
        for k in ("summons_1", "bap", "teguran", "nota_dinas_temuan", "lhp", "sk_draft")
    }
    client.force_login(budi)
    expected = {
        "summons_1": 200,
        "bap": 200,
        "teguran": 200,
        "nota_dinas_temuan": 404,
        "lhp": 404,
        "sk_draft": 404,
    }
    assert {k: client.get(_download(v)).status_code for k, v in letters.items()} == expected
    case.receipt_date = case.decision_date  # the decision has been handed over
    case.save()
    assert client.get(_download(letters["sk_draft"])).status_code == 200
    page = client.get(reverse("letters:case_letters", args=[case.pk])).content.decode()
    assert letters["summons_1"].number in page and letters["lhp"].number not in page
    assert 'name="kind"' not in page  # no issue form for the employee


def test_a_download_is_logged_as_an_export_with_its_format(case, users, login_as):
    letter = letter_issue(case=case, kind="summons_1", actor=users["inspector"])
    client = login_as("auditor")
    response = client.get(_download(letter, "docx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="{letter.file_stem}.docx"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"PK")
    entry = AccessLog.objects.get(object_id=str(letter.pk))
    assert (entry.user_id, entry.action, entry.detail) == (users["auditor"].pk, "export", "docx")


def test_a_tampered_file_is_not_sent(case, users, login_as):
    letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    with open(letter.pdf.path, "ab") as handle:
        handle.write(b"% changed")
    response = login_as("inspector").get(_download(letter))
    assert response.status_code == 409
    assert not AccessLog.objects.exists()


def test_an_unknown_format_or_letter_is_not_found(case, users, login_as):
    letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    client = login_as("inspector")
    assert client.get(_download(letter, "odt")).status_code == 404
    assert client.get(reverse("letters:download", args=[letter.pk + 99, "pdf"])).status_code == 404


def test_correcting_from_the_page(case, users, login_as):
    letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    url = reverse("letters:correct", args=[letter.pk])
    assert login_as("auditor").post(url, {"reason": "x"}).status_code == 403
    assert login_as("supervisor").post(url, {"reason": "x"}).status_code == 403
    assert login_as("employee").post(url, {"reason": "x"}).status_code == 404
    response = login_as("head").post(url, {"reason": "Tanggal tenggat salah."})
    assert response.status_code == 302
    assert Letter.objects.get(corrects=letter).content["correction"]["reason"] == (
        "Tanggal tenggat salah."
    )


def test_the_case_page_fragment_lists_letters_and_offers_the_allowed_kinds(case, users):
    letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    request = RequestFactory().get("/kasus/1/")
    html = {}
    for role in ("inspector", "decider", "auditor"):
        request.user = users[role]
        template = Template('{% include "letters/_case_letters.html" with case=case %}')
        html[role] = template.render(Context({"case": case, "request": request}))
    assert letter.number in html["inspector"] and _download(letter) in html["inspector"]
    assert 'value="summons_1"' in html["inspector"] and 'value="sk_draft"' not in html["inspector"]
    assert 'value="sk_draft"' in html["decider"] and 'value="summons_1"' not in html["decider"]
    assert letter.number in html["auditor"] and 'name="kind"' not in html["auditor"]


def test_the_letters_page_is_not_found_for_outsiders(case, login_as):
    assert (
        login_as("employee").get(reverse("letters:case_letters", args=[case.pk])).status_code == 404
    )
    assert (
        login_as("inspector").get(reverse("letters:case_letters", args=[case.pk])).status_code
        == 200
    )
