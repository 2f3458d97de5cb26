"""Who may see which employee, search filters and the unit tree order."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from pantau.registry.selectors import (
    employee_get_for_user,
    employee_search,
    employees_visible_to,
    staff_ids,
    unit_tree,
)

pytestmark = pytest.mark.django_db


def keys(registry, qs) -> set[str]:
    by_pk = {e.pk: k for k, e in registry.employees.items()}
    return {by_pk[e.pk] for e in qs}


@pytest.mark.parametrize("role", ["admin", "inspector", "head", "decider", "auditor"])
def test_roles_that_view_all_see_every_employee(registry, users, role):
    assert keys(registry, employees_visible_to(users[role])) == set(registry.employees)


def test_a_supervisor_sees_self_and_the_whole_chain_below(registry, users):
    assert keys(registry, employees_visible_to(users["supervisor"])) == {"e2", "e3", "e4", "e5"}


def test_an_employee_sees_only_their_own_record(registry, users):
    assert keys(registry, employees_visible_to(users["employee"])) == {"e4"}


def test_anonymous_and_inactive_users_see_nobody(registry, users):
    assert not employees_visible_to(AnonymousUser()).exists()
    users["inspector"].is_active = False
    assert not employees_visible_to(users["inspector"]).exists()


def test_a_unit_head_sees_everyone_in_the_unit_and_its_sub_units(registry):
    # e1 heads DISKOMINFO, which contains BIDTI; e8 is in DISKOMINFO itself.
    expected = {registry.employees[k].pk for k in ("e2", "e3", "e4", "e5", "e8")}
    assert staff_ids(registry.employees["e1"]) == expected


def test_staff_ids_survive_a_supervisor_cycle(registry):
    e3, e5 = registry.employees["e3"], registry.employees["e5"]
    e3.supervisor = e5
    e3.save()
    assert staff_ids(e5) == {e3.pk}
    assert staff_ids(e3) == {e5.pk}


def test_a_hidden_employee_is_not_found_rather_than_forbidden(registry, users):
    with pytest.raises(Http404):
        employee_get_for_user(user=users["supervisor"], nip=registry.employees["e7"].nip)
    e3 = employee_get_for_user(user=users["supervisor"], nip=registry.employees["e3"].nip)
    assert e3 == registry.employees["e3"]


def search(registry, users, role="inspector", **filters) -> set[str]:
    return keys(registry, employee_search(user=users[role], **filters))


def test_search_finds_by_part_of_the_name(registry, users):
    assert search(registry, users, q="santoso") == {"e3"}
    assert search(registry, users, q="LESTARI") == {"e7"}


def test_search_finds_by_nip_prefix_with_spaces(registry, users):
    nip = registry.employees["e6"].nip
    assert search(registry, users, q=f"{nip[:8]} {nip[8:12]}") == {"e6"}
    assert search(registry, users, q=nip) == {"e6"}


def test_search_finds_by_handle_with_or_without_at_sign(registry, users):
    assert search(registry, users, q="@Budisan") == {"e3"}
    assert search(registry, users, q="siti_rah") == {"e4"}


def test_filters_by_unit_grade_active_platform_and_state(registry, users):
    assert search(registry, users, unit="DINKES") == {"e6", "e7", "e9"}
    assert search(registry, users, grade="IV/c") == {"e1", "e6"}
    assert search(registry, users, active="0") == {"e9"}
    assert "e9" not in search(registry, users, active="1")
    assert search(registry, users, platform="instagram") == {"e3", "e7"}
    assert search(registry, users, account_state="verified") == {"e3"}


def test_search_never_widens_what_a_supervisor_sees(registry, users):
    assert search(registry, users, role="supervisor", unit="DINKES") == set()
    assert search(registry, users, role="supervisor", q="a") <= {"e2", "e3", "e4", "e5"}


def test_search_counts_accounts_once_per_employee(registry, users):
    e3 = employee_search(user=users["admin"], q="budi").get()
    assert e3.account_count == 2


def test_the_unit_tree_is_depth_first_and_sorted_by_name(registry):
    tree = [(u.code, depth, staff) for u, depth, staff in unit_tree()]
    assert tree == [
        ("DINKES", 0, 2),  # "Dinas Kesehatan" sorts before "Sekretariat Daerah"; e9 inactive
        ("SETDA", 0, 1),
        ("DISKOMINFO", 1, 2),
        ("BIDTI", 2, 4),
    ]
