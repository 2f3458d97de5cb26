"""The public transparency page: no login, aggregates only, small counts suppressed."""

from __future__ import annotations

import re

import pytest

from pantau.reports.transparency import Cell, suppress

from .conftest import wita


def test_counts_from_one_to_four_are_shown_as_less_than_five():
    cells = suppress({"a": 0, "b": 1, "c": 4, "d": 5, "e": 120}, total_published=False)
    assert [str(c) for c in cells.values()] == ["0", "<5", "<5", "5", "120"]
    assert not cells["b"].shown and cells["d"].shown


def test_a_lone_small_cell_hides_the_smallest_other_one_so_it_cannot_be_subtracted():
    cells = suppress({"dismissed": 10, "protected": 6, "confirmed": 2, "new": 0})
    assert str(cells["confirmed"]) == "<5"
    assert cells["protected"] == Cell(6, "hidden") and str(cells["protected"]) == "·"
    assert str(cells["dismissed"]) == "10" and str(cells["new"]) == "0"


def test_two_small_cells_protect_each_other():
    cells = suppress({"a": 3, "b": 2, "c": 40})
    assert [c.state for c in cells.values()] == ["small", "small", "shown"]


@pytest.fixture
def small_world(registry, users):
    """November 2026: 9 dismissed, 6 protected, 2 confirmed (one with a heavy sanction)."""
    from pantau.cases.models import Case, CaseFinding, ReviewDecision
    from pantau.monitoring.models import Finding, Post

    account = registry.accounts[0]  # Budi Santoso (e3)
    plan = ["dismiss"] * 9 + ["protected"] * 6 + ["confirm"] * 2
    when = wita(2026, 11, 10, 9)
    for n, outcome in enumerate(plan):
        post = Post.objects.create(platform=account.platform, post_id=f"t{n}", account=account,
                                   handle=account.handle, text="t", content_hash=f"t{n}",
                                   created_at=when, scan_state="scanned")  # fmt: skip
        status = {"dismiss": "dismissed", "protected": "protected", "confirm": "confirmed"}[outcome]
        finding = Finding.objects.create(post=post, employee=account.employee, categories=["hoax"],
                                         top_category="hoax", status=status, model_version="m1")  # fmt: skip
        Finding.objects.filter(pk=finding.pk).update(created_at=when)
        d = ReviewDecision.objects.create(finding=finding, reviewer=users["inspector"],
                                          outcome=outcome, category="hoax", reason="r", text="t",
                                          model_version="m1")  # fmt: skip
        ReviewDecision.objects.filter(pk=d.pk).update(created_at=when)
    case = Case.objects.create(employee=account.employee, state="delivered",
                               sanction_code="position_demotion_12m",
                               decision_date=wita(2026, 11, 20).date())  # fmt: skip
    CaseFinding.objects.create(case=case, finding=finding)
    return registry


def _row(html: str, label: str) -> str:
    match = re.search(
        rf'<th scope="row">{re.escape(label)}</th><td class="n[^"]*">([^<]*)</td>', html
    )
    assert match, f"no row {label!r}"
    return match.group(1)


def test_the_page_is_public_and_suppresses_small_counts(client, english, small_world):
    response = client.get("/laporan/transparansi/?period=2026")
    assert response.status_code == 200
    html = response.content.decode()
    assert _row(html, "dismissed (false positive)") == "9"
    assert _row(html, "confirmed") == "&lt;5"
    assert _row(html, "protected criticism") == "·"  # else 17 − 9 − 6 would give the 2 away
    assert _row(html, "heavy") == "&lt;5"
    assert _row(html, "Hoax") == "17"
    assert "fewer than 20 decisions" in html
    assert "Counts from 1 to 4 are shown as “&lt;5”" in html


def test_the_page_names_no_person_and_no_unit(client, english, world):
    html = client.get("/laporan/transparansi/?period=2026").content.decode()
    for employee in world.registry.employees.values():
        assert employee.name not in html
        assert employee.nip not in html
    for unit in world.registry.units.values():
        assert unit.name not in html
    assert "@" + world.registry.accounts[0].handle not in html


def test_the_figures_are_the_organisation_totals_of_the_period(client, english, world):
    year = [s for s in world.findings if s.found_at.year == 2026]
    html = client.get("/laporan/transparansi/?period=2026").content.decode()
    total = re.search(r'<th scope="row">Total flagged</th><td class="n">([^<]*)</td>', html)
    assert total and total.group(1) == f"{len(year)}"
