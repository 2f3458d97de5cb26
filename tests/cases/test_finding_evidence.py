"""The finding page's (and the API's) evidence: phrases with their share of the score, the
watchlist hit first, never a span of punctuation or stop words — also for results stored before
these rules — and words instead of spans when nothing stands out (issue 16 item 4)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEXT = "Si admin saja dari tadi usir kaum pendatang! Semangat!"


def _store(finding, evidence):
    scan = finding.scan
    scan.result = {**scan.result, "evidence": evidence}
    scan.save(update_fields=["result"])


def _ev(text, source="model", weight=0.1, **extra):
    start = TEXT.index(text)
    return {"category": "hate_speech", "start": start, "end": start + len(text), "text": text,
            "source": source, "weight": weight, **extra}  # fmt: skip


def _evidence_items(html: str) -> list[str]:
    block = html.split('<ul class="evidence">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r"<mark[^>]*>([^<]*)</mark>", block)


def test_an_old_stored_result_is_shown_by_the_new_rules(login_as, make_finding, english):
    finding = make_finding(text=TEXT)
    _store(
        finding,
        [_ev("!", weight=0.40), _ev("Si"), _ev("saja"), _ev("dari"), _ev("usir", weight=0.2),
         _ev("kaum pendatang", source="watchlist", weight=0.3, reason_id="Merendahkan kelompok")],
    )  # fmt: skip
    html = login_as("inspector").get(reverse("finding_detail", args=[finding.pk])).content.decode()
    assert _evidence_items(html) == ["kaum pendatang", "usir"]
    assert "Merendahkan kelompok" in html and "30% of the score" in html
    assert "<mark" in html and ">!</mark>" not in html and ">Si</mark>" not in html


def test_no_span_is_said_in_words(login_as, make_finding, english):
    finding = make_finding(text=TEXT)
    _store(finding, [_ev("!", weight=0.40), _ev("saja", weight=0.2)])
    html = login_as("inspector").get(reverse("finding_detail", args=[finding.pk])).content.decode()
    assert "No phrase stands out; the score comes from general patterns." in html
    assert '<ul class="evidence">' not in html and "<mark" not in html


def test_the_indonesian_page_says_it_in_indonesian(login_as, make_finding):
    finding = make_finding(text=TEXT)
    _store(finding, [])
    html = login_as("inspector").get(reverse("finding_detail", args=[finding.pk])).content.decode()
    assert "Tidak ada frasa yang menonjol; skor berasal dari pola umum." in html


def test_the_api_gives_the_same_evidence_as_the_page(client, users, make_finding):
    from pantau.users.services import api_token_create

    finding = make_finding(text=TEXT)
    _store(finding, [_ev("!", weight=0.40), _ev("saja"), _ev("usir", weight=0.2),
                     _ev("kaum pendatang", source="watchlist", weight=0.3)])  # fmt: skip
    _token, key = api_token_create(user=users["inspector"], name="t", scope="full")
    body = client.get(f"/api/v1/findings/{finding.pk}", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert [e["text"] for e in body["evidence"]] == ["kaum pendatang", "usir"]
