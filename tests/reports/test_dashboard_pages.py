"""The dashboard and periodic-report pages: who may open them, filters within rights, content."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from pantau.audit.models import AccessLog

from .conftest import in_nov

NOV = "date_from=2026-11-01&date_to=2026-11-30"


@pytest.mark.parametrize(
    ("role", "status"),
    [("inspector", 200), ("head", 200), ("decider", 200), ("auditor", 200), ("supervisor", 200),
     ("employee", 403), ("admin", 403)],
)  # fmt: skip
def test_the_dashboard_is_for_the_roles_that_see_cases(login_as, role, status):
    assert login_as(role).get("/laporan/").status_code == status
    assert login_as(role).get("/laporan/periodik/").status_code == status


def test_anonymous_visitors_must_log_in(client, db):
    response = client.get("/laporan/")
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def _card(html: str, label: str) -> int:
    match = re.search(rf'<span class="num">([\d.,]+)</span> {re.escape(label)}</div>', html)
    assert match, f"no card {label!r}"
    return int(match.group(1).replace(".", "").replace(",", ""))


def test_the_dashboard_shows_the_period_s_counts_with_the_numbers_behind_each_chart(
    login_as, english, world
):
    html = login_as("head").get(f"/laporan/?{NOV}").content.decode()
    nov = [s for s in world.findings if in_nov(s.found_at)]
    assert _card(html, "Findings") == len(nov)
    assert _card(html, "Confirmed") == sum(s.status == "confirmed" for s in nov)
    assert _card(html, "Posts scanned") == world.posts_scanned_in_nov
    charts = html.count('<figure class="chart-card"')
    assert charts >= 12
    assert html.count('<details class="numbers">') == charts
    assert html.count("<svg") + html.count("Nothing to show for this period.") == charts
    assert html.count("<svg") >= 10
    assert "Reviewer workload" in html


def test_a_supervisor_s_dashboard_counts_only_their_staff(login_as, english, world):
    html = login_as("supervisor").get(f"/laporan/?{NOV}").content.decode()
    mine = [s for s in world.findings if in_nov(s.found_at) and s.employee in {"e3", "e4", "e5"}]
    assert _card(html, "Findings") == len(mine)
    by_category = Counter(s.category for s in mine)
    assert "Reviewer workload" not in html  # the inspectorate's own figures
    assert "Staff of Yohanes Paulus Lamawuran" in html
    assert sum(by_category.values()) == len(mine)


def test_a_supervisor_may_filter_only_by_their_staff_s_units(login_as, world):
    client = login_as("supervisor")
    assert client.get("/laporan/?unit=BIDTI").status_code == 200
    assert client.get("/laporan/?unit=DINKES").status_code == 404
    assert client.get("/laporan/periodik/?period=2026-11&format=pdf&unit=DINKES").status_code == 200
    assert AccessLog.objects.filter(object_type="reports.periodic").count() == 0  # refused in form


def test_the_periodic_report_downloads_and_is_recorded(login_as, world):
    response = login_as("decider").get("/laporan/periodik/?period=2026-11&format=pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="laporan-pantau-2026-11.pdf"'
    assert response.content.startswith(b"%PDF")
    entry = AccessLog.objects.get(object_type="reports.periodic")
    assert (entry.action, entry.user_repr, entry.object_id) == ("export", "decider", "2026-11")


def test_a_wrong_period_is_explained_on_the_form(login_as, english, db, users):
    response = login_as("inspector").get("/laporan/periodik/?period=2026-13&format=pdf")
    assert response.status_code == 200
    assert "Month 13 does not exist" in response.content.decode()
