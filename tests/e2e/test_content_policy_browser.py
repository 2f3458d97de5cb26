"""The content policy in a real browser: the main pages and the API docs cause no violation.

Chromium reports each blocked script, style or image as a ``securitypolicyviolation`` event and a
console error. The demo is seeded with decisions (so there are cases and charts), then the login
page, the review queue, a finding, a case, the dashboard and the API docs are opened.
"""

from __future__ import annotations

import pytest

from tests.e2e.test_dashboard_browser import _login, _seed

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


def _watch(page) -> list[str]:
    problems: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and "Content Security Policy" in m.text
            else None
        ),
    )
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    return problems


def _violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


@pytest.mark.slow
@pytest.mark.browser
def test_the_main_pages_and_the_api_docs_cause_no_content_policy_violation(
    demo_server, browser, tmp_path, artifacts_dir
):
    base, _ = demo_server
    _seed(tmp_path / "var")
    seen: dict[str, list[str]] = {}

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = _watch(page)
    page.goto(f"{base}/masuk/")
    seen["login"] = _violations(page)
    _login(page, base, "inspektur")

    page.goto(f"{base}/telaah/")
    seen["review queue"] = _violations(page)
    page.locator("main table a[href*='/temuan/']").first.click()
    page.wait_for_url("**/temuan/*/")
    assert page.locator("blockquote").count() >= 1
    seen["finding"] = _violations(page)

    page.goto(f"{base}/kasus/")
    page.locator("main table a[href*='/kasus/']").first.click()
    page.wait_for_url("**/kasus/*/")
    seen["case"] = _violations(page)
    page.screenshot(path=str(artifacts_dir / "case-under-csp.png"), full_page=True)

    head = browser.new_page(viewport={"width": 1280, "height": 900})
    head_problems = _watch(head)
    _login(head, base, "kepala")
    head.goto(f"{base}/laporan/")
    assert head.locator("figure.chart-card svg").count() >= 10
    assert head.locator(".legend .swatch").count() >= 1
    colour = head.locator(".legend .swatch").first.evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), "legend colours come from CSS"
    seen["dashboard"] = _violations(head)
    head.goto(f"{base}/unit/")
    seen["units"] = _violations(head)

    docs = browser.new_page(viewport={"width": 1280, "height": 900})
    docs_problems = _watch(docs)
    requested: list[str] = []
    docs.on("request", lambda r: requested.append(r.url))
    docs.goto(f"{base}/api/v1/docs")
    docs.locator(".swagger-ui .info .title").wait_for(timeout=30_000)
    assert "Pantau API" in docs.locator(".swagger-ui .info .title").inner_text()
    seen["api docs"] = _violations(docs)
    docs.screenshot(path=str(artifacts_dir / "api-docs-offline.png"), full_page=False)

    assert {name: v for name, v in seen.items() if v} == {}
    assert problems == [] and head_problems == [] and docs_problems == []
    assert all(url.startswith((base, "data:")) for url in requested), [
        url for url in requested if not url.startswith((base, "data:"))
    ]
