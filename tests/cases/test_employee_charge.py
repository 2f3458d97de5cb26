"""The employee's case page shows the charge — the provision and the reviewer's reason — and not
the model's spans; staff still see the highlighted evidence (issue 16 item 4, issue 13 item 11)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pantau.cases.services import case_act

pytestmark = pytest.mark.django_db

REASON = "Menyebut satu kelompok penipu dan mengajak mengusirnya"


@pytest.fixture
def own_case(users, make_finding, confirm_finding):
    finding = make_finding(employee_key="e4", text="Dasar kaum itu semua penipu, usir saja")
    case = confirm_finding(finding, reason=REASON)
    return case_act(case_id=case.pk, name="start_guidance", actor=users["inspector"])


def test_the_employee_sees_the_provision_and_reason_not_the_spans(login_as, own_case, english):
    html = login_as("employee").get(reverse("case_detail", args=[own_case.pk])).content.decode()
    assert "Dasar kaum itu semua penipu, usir saja" in html
    assert "<mark" not in html  # no model span highlighted
    assert "SKB 11 butir 2" in html and "Pasal 3 huruf b" in html
    assert REASON in html and "Reviewer's reason" in html


def test_staff_still_see_the_evidence_highlighted(login_as, own_case, english):
    html = login_as("inspector").get(reverse("case_detail", args=[own_case.pk])).content.decode()
    assert '<mark class="ev ev-model"' in html and ">penipu</mark>" in html
    assert REASON in html


def test_an_abusive_finding_without_an_skb_item_names_pasal_3_huruf_f(users, make_finding):
    """None of the eleven SKB items covers a plain insult: the charge falls back to Pasal 3 f."""
    from pantau.cases.charge import findings_with_charges
    from pantau.cases.models import Case, ReviewDecision

    finding = make_finding(employee_key="e4", text="Admin grup ini tolol", category="abusive")
    ReviewDecision.objects.create(
        finding=finding,
        reviewer=users["inspector"],
        outcome=ReviewDecision.Outcome.CONFIRM,
        category="abusive",
        skb_item=None,
        reason="Menghina seorang admin",
        text=finding.post.text,
    )
    (charged,) = findings_with_charges(Case(employee=finding.employee), [finding])
    assert charged.charge.reason == "Menghina seorang admin" and charged.charge.skb == ""
    assert [p.split(" — ")[0] for p in charged.charge.provisions] == ["PP 94/2021 Pasal 3 huruf f"]
