"""The holiday table in the admin: adding and amending a holiday with its decree is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pantau.audit.models import AuditEntry
from pantau.audit.services import audit_verify
from pantau.cases.calendar import calendar
from pantau.cases.models import Holiday

pytestmark = pytest.mark.django_db
DECREE = "SKB Menag/Menaker/MenPANRB No. 9/2028 (contoh uji)"


def test_the_holiday_list_is_in_the_admin(client, users):
    client.force_login(users["admin"])
    response = client.get(reverse("admin:cases_holiday_changelist"))
    assert response.status_code == 200
    assert "Tahun Baru Masehi" in response.content.decode()  # the shipped calendar


def test_adding_a_holiday_with_its_decree_is_audited_and_moves_the_clock(client, users):
    client.force_login(users["admin"])
    day = dt.date(2028, 1, 3)  # a Monday
    assert calendar().is_working_day(day)
    response = client.post(
        reverse("admin:cases_holiday_add"),
        {"date": "2028-01-03", "name": "Cuti bersama Tahun Baru", "kind": "cuti_bersama",
         "source": DECREE},
    )  # fmt: skip
    assert response.status_code == 302
    holiday = Holiday.objects.get(date=day)
    assert holiday.source == DECREE
    entry = AuditEntry.objects.get(action="cases.holiday.created")
    assert entry.actor_id == users["admin"].pk
    assert entry.object_id == str(holiday.pk)
    assert entry.after["source"] == DECREE and entry.after["date"] == "2028-01-03"
    assert not calendar().is_working_day(day)
    assert audit_verify().ok


def test_amending_a_holiday_records_before_and_after(client, users):
    holiday = Holiday.objects.create(
        date=dt.date(2028, 3, 10), name="Idulfitri 1449 H", kind="libur_nasional", source="SKB"
    )
    client.force_login(users["admin"])
    response = client.post(
        reverse("admin:cases_holiday_change", args=[holiday.pk]),
        {"date": "2028-03-11", "name": "Idulfitri 1449 H", "kind": "libur_nasional",
         "source": f"{DECREE}, setelah sidang isbat"},
    )  # fmt: skip
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="cases.holiday.updated")
    assert entry.before == {"date": "2028-03-10", "source": "SKB"}
    assert entry.after == {"date": "2028-03-11", "source": f"{DECREE}, setelah sidang isbat"}
    assert Holiday.objects.get(pk=holiday.pk).date == dt.date(2028, 3, 11)


def test_deleting_a_holiday_is_audited(client, users):
    holiday = Holiday.objects.create(
        date=dt.date(2028, 5, 1), name="Hari Buruh", kind="libur_nasional"
    )
    client.force_login(users["admin"])
    response = client.post(
        reverse("admin:cases_holiday_delete", args=[holiday.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="cases.holiday.deleted")
    assert entry.before["name"] == "Hari Buruh"
    assert not Holiday.objects.filter(pk=holiday.pk).exists()


def test_two_holidays_on_one_date_are_refused_with_the_field_named(client, users):
    client.force_login(users["admin"])
    response = client.post(
        reverse("admin:cases_holiday_add"),
        {"date": "2026-01-01", "name": "Lagi", "kind": "libur_nasional", "source": ""},
    )
    assert response.status_code == 200
    assert "date" in response.context["adminform"].form.errors
    assert not AuditEntry.objects.filter(action="cases.holiday.created").exists()


@pytest.mark.parametrize("role", ["inspector", "head", "auditor", "employee"])
def test_other_roles_cannot_reach_the_holiday_admin(client, users, role):
    client.force_login(users[role])
    response = client.get(reverse("admin:cases_holiday_add"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]
