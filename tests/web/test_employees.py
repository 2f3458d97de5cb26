"""Employee list (search, filters), detail (access log) and export (access log, visible rows)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pantau.audit.models import AccessLog

pytestmark = pytest.mark.django_db


def listed(client, **query) -> set[str]:
    response = client.get(reverse("employee_list"), query)
    assert response.status_code == 200
    return {e.name for e in response.context["page"].object_list}


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"q": "santoso"}, {"Budi Santoso"}),
        ({"q": "Rahmawati"}, {"Siti Rahmawati"}),
        ({"q": "@budisan"}, {"Budi Santoso"}),
        ({"q": "ani.lestari"}, {"Ani Lestari"}),
        ({"unit": "DINKES"}, {"Agus Salim Nasution", "Ani Lestari", "Rudi Hartono"}),
        ({"grade": "IV/c"}, {"Ratna Sari Dewi", "Agus Salim Nasution"}),
        ({"active": "0"}, {"Rudi Hartono"}),
        ({"platform": "instagram"}, {"Budi Santoso", "Ani Lestari"}),
        ({"platform": "facebook", "unit": "DISKOMINFO"}, {"Fransiska Ndun"}),
        ({"account_state": "verified"}, {"Budi Santoso"}),
        ({"unit": "DINKES", "active": "1"}, {"Agus Salim Nasution", "Ani Lestari"}),
    ],
)
def test_the_list_searches_and_filters(login_as, registry, query, names):
    assert listed(login_as("inspector"), **query) == names


def test_the_list_searches_by_nip_prefix(login_as, registry):
    nip = registry.employees["e8"].nip
    client = login_as("decider")
    assert listed(client, q=nip[:14]) == {"Fransiska Ndun"}
    assert listed(client, q=f"{nip[:8]} {nip[8:14]}") == {"Fransiska Ndun"}


def test_the_list_without_filters_shows_everyone_to_an_inspector(login_as, registry):
    assert len(listed(login_as("inspector"))) == 10


def test_an_unknown_filter_value_is_ignored_not_an_error(login_as, registry):
    assert len(listed(login_as("inspector"), unit="NOPE", grade="Z/z")) == 10


def test_viewing_an_employee_writes_the_access_log(login_as, registry, users):
    e3 = registry.employees["e3"]
    response = login_as("supervisor").get(
        reverse("employee_detail", args=[e3.nip]), REMOTE_ADDR="10.9.8.7"
    )
    assert response.status_code == 200
    row = AccessLog.objects.get()
    assert row.user == users["supervisor"] and row.user_repr == "supervisor"
    assert row.action == "view"
    assert (row.object_type, row.object_id) == ("registry.employee", str(e3.pk))
    assert row.ip_address == "10.9.8.7"


def test_a_refused_view_writes_no_access_log(login_as, registry):
    client = login_as("supervisor")
    client.get(reverse("employee_detail", args=[registry.employees["e7"].nip]))
    assert not AccessLog.objects.exists()


def test_the_detail_shows_the_declared_accounts(login_as, registry):
    response = login_as("employee").get(
        reverse("employee_detail", args=[registry.employees["e4"].nip])
    )
    assert b"@siti_rahma" in response.content
    assert b"Budi Santoso" not in response.content


def test_only_verifiers_see_the_account_state_form(login_as, registry):
    url = reverse("employee_detail", args=[registry.employees["e3"].nip])
    form_url = reverse(
        "account_state", args=[registry.employees["e3"].nip, registry.accounts[0].pk]
    )
    assert form_url.encode() in login_as("inspector").get(url).content
    assert form_url.encode() not in login_as("auditor").get(url).content
    assert form_url.encode() not in login_as("supervisor").get(url).content


def export_rows(response) -> list[tuple]:
    wb = load_workbook(io.BytesIO(response.content), read_only=True)
    return [tuple(r) for r in wb["employees"].iter_rows(values_only=True)][1:]


def test_the_export_is_an_xlsx_of_the_filtered_list_and_is_logged(login_as, registry, users):
    client = login_as("auditor")
    response = client.get(reverse("employee_export"), {"unit": "DINKES", "active": "1"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert sorted(r[1] for r in export_rows(response)) == ["Agus Salim Nasution", "Ani Lestari"]
    row = AccessLog.objects.get()
    assert row.user == users["auditor"] and row.action == "export"
    assert "unit=DINKES" in row.detail


def test_an_unfiltered_export_contains_every_employee_the_user_may_see(login_as, registry):
    response = login_as("head").get(reverse("employee_export"))
    assert len(export_rows(response)) == 10  # the head sees everyone


def test_a_refused_export_is_not_logged(login_as, registry):
    assert login_as("supervisor").get(reverse("employee_export")).status_code == 403
    assert not AccessLog.objects.exists()


def test_the_list_offers_export_only_to_roles_that_may_export(login_as, registry):
    export = reverse("employee_export").encode()
    assert export in login_as("inspector").get(reverse("employee_list")).content
    assert export not in login_as("decider").get(reverse("employee_list")).content
