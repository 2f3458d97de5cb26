"""A javascript: link that got into the database some other way (inserted directly here, as by
an older version or a database administrator) is shown as text on every page, never as a link."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pantau.monitoring.models import ClaimEntry, Complaint, Post

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
]


def _hrefs(html: str) -> list[str]:
    return re.findall(r'<a\s[^>]*href="([^"]*)"', html)


@pytest.fixture(params=HOSTILE)
def stored_script_links(request, registry, make_finding):
    """A post, a complaint, a claim and an account with script links written straight to the
    database, one scheme per object."""
    from pantau.monitoring.models import ScanResult
    from pantau.registry.models import Account

    bad = request.param
    finding = make_finding()
    Post.objects.filter(pk=finding.post_id).update(url=bad)
    result = finding.scan.result | {"claims": [{"claim_id": "c1", "url": bad, "similarity": 0.9}]}
    ScanResult.objects.filter(pk=finding.scan_id).update(result=result)
    complaint = Complaint.objects.create(
        reference="ADU-1", category="hoax", reason="r", post_url=bad
    )
    ClaimEntry.objects.create(claim_id="c1", text="Klaim", verdict="hoaks", source_url=bad)
    Account.objects.filter(handle="budisan").update(url=bad)
    return finding, complaint


def test_a_stored_script_link_is_shown_as_text_not_as_a_link(
    login_as, registry, stored_script_links, confirm_finding
):
    finding, complaint = stored_script_links
    case = confirm_finding(finding)
    client = login_as("inspector")
    pages = {
        "finding": reverse("finding_detail", args=[finding.pk]),
        "complaint": reverse("complaint_detail", args=[complaint.reference]),
        "claims": reverse("claim_list"),
        "employee": reverse("employee_detail", args=[registry.employees["e3"].nip]),
        "case": reverse("case_detail", args=[case.pk]),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        for href in _hrefs(html):
            assert href.startswith(("/", "?", "#", "http://", "https://")), (name, href)
    html = client.get(pages["complaint"]).content.decode()
    assert f'<span class="not-a-link">{complaint.post_url}</span>' in html


def test_a_web_link_is_still_a_link(login_as, registry, make_finding):
    finding = make_finding()
    Post.objects.filter(pk=finding.post_id).update(url="https://x.com/budisan/status/5")
    html = login_as("inspector").get(reverse("finding_detail", args=[finding.pk])).content
    assert 'href="https://x.com/budisan/status/5"' in html.decode()
