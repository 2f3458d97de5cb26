"""The dashboard in a real browser, on a laptop and on a phone, with screenshots in test-artifacts.

The demo is scanned but not yet reviewed; before the browser opens, a short script decides some
findings through the review service (which opens the cases) and moves a few cases to an
outcome, so that every chart has something to draw.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PASSWORD = "pantau-demo-2026"
SEED = r"""
import datetime as dt, random
import django
django.setup()
from django.utils import timezone
from pantau.cases.models import Case, CaseStep, Deadline
from pantau.cases.review import ReviewError, finding_decide
from pantau.monitoring.models import Finding
from pantau.users.models import User

rng = random.Random(3)
reviewers = list(User.objects.filter(role__in=["inspector", "head"]))
findings = Finding.objects.filter(status="new", employee__isnull=False).order_by("id")[:120]
for f in findings:
    outcome = rng.choices(["confirm", "dismiss", "protected", "not_attributable"], [4, 3, 2, 1])[0]
    try:
        finding_decide(finding_id=f.pk, expected_version=f.version, reviewer=rng.choice(reviewers),
                       outcome=outcome, reason="demo", category=f.top_category or "abusive",
                       skb_item=1)
    except ReviewError:
        pass
today = timezone.localdate()
codes = ["written_reprimand", "promotion_delay_1y", "position_demotion_12m"]
for i, case in enumerate(Case.objects.order_by("id")):
    if i % 4 == 0:
        Case.objects.filter(pk=case.pk).update(state="closed", closed_at=timezone.now(),
                                               guidance_at=timezone.now())
        CaseStep.objects.create(case=case, name="close_after_guidance", from_state="deletion_check",
                                to_state="closed")
    elif i % 4 == 1:
        Case.objects.filter(pk=case.pk).update(state="delivered", sanction_code=codes[i % 3],
                                               decision_date=today)
    elif i % 4 == 2:
        Deadline.objects.create(case=case, kind="deletion", due=today - dt.timedelta(days=3),
                                responsible_role="employee")
print(Finding.objects.exclude(status="new").count(), Case.objects.count())
"""


def _seed(data_dir) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PANTAU_SECRET_KEY"}}
    env.update(
        PANTAU_DATA_DIR=str(data_dir), PANTAU_DEMO="1", DJANGO_SETTINGS_MODULE="pantau.settings"
    )
    out = subprocess.run(
        [sys.executable, "-c", SEED], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    decided, cases = map(int, out.stdout.strip().splitlines()[-1].split())  # e-mails go first
    assert decided > 20 and cases > 5


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")


@pytest.mark.slow
@pytest.mark.browser
def test_the_head_reads_the_dashboard_on_a_laptop_and_a_phone(
    demo_server, browser, artifacts_dir, tmp_path
):
    base, _ = demo_server
    _seed(tmp_path / "var")

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _login(page, base, "kepala")
    response = page.goto(f"{base}/laporan/")
    assert response.status == 200
    charts = page.locator("figure.chart-card")
    assert charts.count() >= 12
    assert page.locator("figure.chart-card svg").count() >= 10
    funnel = page.locator("#chart-funnel")
    funnel.locator("summary").click()  # the numbers are one click away
    assert funnel.locator("table").is_visible()
    assert funnel.locator("tbody tr").count() >= 10
    page.screenshot(path=str(artifacts_dir / "dashboard-head.png"), full_page=True)

    page.goto(f"{base}/laporan/transparansi/")
    page.screenshot(path=str(artifacts_dir / "transparency.png"), full_page=True)
    page.goto(f"{base}/laporan/model/")
    assert page.locator("table").count() >= 3
    page.screenshot(path=str(artifacts_dir / "model-monitoring.png"), full_page=True)
    page.goto(f"{base}/laporan/periodik/")
    with page.expect_download() as download:
        page.locator("main form button[type=submit]").click()
    assert download.value.suggested_filename.startswith("laporan-pantau-")

    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    _login(phone, base, "kepala")
    phone.goto(f"{base}/laporan/")
    phone.locator("#chart-category summary").click()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the dashboard is {width}px wide on a 390px phone"
    phone.screenshot(path=str(artifacts_dir / "dashboard-phone.png"), full_page=True)


@pytest.mark.slow
@pytest.mark.browser
def test_a_supervisor_sees_the_dashboard_of_their_staff_and_an_employee_none(
    demo_server, browser, artifacts_dir
):
    base, _ = demo_server
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    _login(page, base, "atasan")
    assert page.goto(f"{base}/laporan/").status == 200
    assert page.locator("figure.chart-card").count() >= 10
    page.screenshot(path=str(artifacts_dir / "dashboard-supervisor-phone.png"), full_page=True)
    employee = browser.new_page()
    _login(employee, base, "pegawai")
    assert employee.goto(f"{base}/laporan/").status == 403
