"""An inspector and an employee walk a finding into a case in a real browser (headless Chromium)."""

from __future__ import annotations

import re
import sqlite3

import pytest

PASSWORD = "pantau-demo-2026"


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi", exact=True).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")


def _employee_finding(db) -> int:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT f.id FROM monitoring_finding f JOIN users_user u ON u.employee_id = f.employee_id "
            "WHERE u.username = 'pegawai' AND f.status = 'new' ORDER BY f.priority DESC LIMIT 1"
        ).fetchone()
    assert row, "the demo employee has no finding to review"
    return row[0]


@pytest.mark.slow
@pytest.mark.browser
def test_inspector_confirms_and_opens_guidance_then_the_employee_responds(
    demo_server, browser, artifacts_dir, tmp_path
):
    base, _ = demo_server
    finding_id = _employee_finding(tmp_path / "var" / "pantau.sqlite3")

    inspector = browser.new_page(viewport={"width": 1280, "height": 900})
    _login(inspector, base, "inspektur")
    inspector.goto(f"{base}/telaah/")
    assert inspector.get_by_role("heading", name="Antrean telaah").is_visible()
    inspector.screenshot(path=str(artifacts_dir / "review-queue.png"), full_page=True)
    inspector.goto(f"{base}/temuan/{finding_id}/")
    assert inspector.locator("mark.ev").count() >= 1, "the evidence is highlighted"
    inspector.screenshot(path=str(artifacts_dir / "finding.png"), full_page=True)
    inspector.get_by_role("radio", name="konfirmasi").check()
    inspector.get_by_label("Kategori (bila dikonfirmasi)").select_option(index=1)
    inspector.get_by_label("Butir SKB 11 (bila dikonfirmasi)").select_option("2")
    inspector.get_by_label("Alasan").fill("Menyerang kelompok; bukan kritik kebijakan.")
    inspector.get_by_role("button", name="Simpan keputusan").click()
    assert inspector.get_by_text("Keputusan disimpan.").is_visible()

    inspector.goto(f"{base}/kasus/?state=open")
    inspector.locator("table a", has_text="#").first.click()
    case_url = inspector.url
    assert re.search(r"/kasus/\d+/$", case_url)
    inspector.locator("details.action summary", has_text="Mulai pembinaan").click()
    inspector.get_by_label("Catatan").first.fill("Diingatkan dan diminta menghapus postingan.")
    inspector.locator("details.action[open]").get_by_role(
        "button", name="Jalankan langkah ini"
    ).click()
    assert inspector.get_by_text("Tercatat.").is_visible()
    assert inspector.locator(".lead .badge").inner_text() == "pembinaan"
    inspector.screenshot(path=str(artifacts_dir / "case-guidance.png"), full_page=True)

    employee = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    _login(employee, base, "pegawai")
    employee.get_by_role("link", name="Kasus saya").click()
    assert employee.url == case_url
    employee.get_by_role("textbox", name="Tanggapan Anda (hak jawab)").fill(
        "Saya khilaf dan sudah menghapus unggahan tersebut. Mohon maaf."
    )
    employee.get_by_role("button", name="Kirim tanggapan").click()
    assert employee.get_by_text("Tercatat.").is_visible()
    employee.get_by_role("button", name="Saya sudah menghapus postingan").click()
    assert employee.get_by_text("Saya khilaf").is_visible()
    employee.screenshot(path=str(artifacts_dir / "case-employee-phone.png"), full_page=True)
    assert employee.goto(f"{base}/telaah/").status == 403
