"""A person in a real browser: logs in, browses the registry, switches language, on laptop and phone."""

from __future__ import annotations

import pytest

PASSWORD = "pantau-demo-2026"


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")


@pytest.mark.slow
@pytest.mark.browser
def test_inspector_browses_the_registry_and_switches_to_english(
    demo_server, browser, artifacts_dir
):
    base, _ = demo_server
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    _login(page, base, "inspektur")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Selamat datang")
    page.screenshot(path=str(artifacts_dir / "home-inspector.png"), full_page=True)

    page.get_by_role("link", name="Pegawai").first.click()
    page.get_by_label("Cari nama, NIP, jabatan atau akun").fill("a")
    page.get_by_role("button", name="Saring").click()
    rows = page.locator("table tbody tr")
    assert rows.count() > 5
    page.screenshot(path=str(artifacts_dir / "employees.png"), full_page=True)
    rows.first.locator("a").first.click()
    assert page.get_by_role("heading", name="Akun media sosial yang dilaporkan").is_visible()

    page.get_by_role("button", name="EN").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Declared social-media accounts").is_visible()
    page.keyboard.press("Tab")  # the skip link is the first stop for keyboard users
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to content"


@pytest.mark.slow
@pytest.mark.browser
def test_employee_on_a_phone_sees_only_their_own_record(demo_server, browser, artifacts_dir):
    base, _ = demo_server
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    _login(page, base, "pegawai")
    page.get_by_role("link", name="Data saya").first.click()
    assert "/pegawai/" in page.url
    page.screenshot(path=str(artifacts_dir / "employee-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"
    response = page.goto(f"{base}/unit/")
    assert response.status == 403
