"""A hoax finding's letter shows the employee the fact-check: its link and its clarification."""

from __future__ import annotations

from pantau.letters.services import letter_issue
from pantau.monitoring.models import ClaimEntry, Finding, ScanResult
from tests.letters.conftest import pdf_text, read


def test_the_reminder_quotes_the_debunk_of_a_repeated_hoax(case, users):
    ClaimEntry.objects.create(
        claim_id="tsj-vaksin",
        text="Vaksin MR mengandung zat pemandul",
        verdict="hoaks",
        source_url="https://cekfakta.example/vaksin-mr",
        clarification="Vaksin MR berizin BPOM dan tidak mengandung zat pemandul.",
    )
    finding = Finding.objects.filter(casefinding__case=case).first()
    finding.scan = ScanResult.objects.create(
        post=finding.post,
        model_version="t",
        scores={"hoax": 0.9},
        flags=["hoax"],
        result={
            "claims": [
                {
                    "claim_id": "tsj-vaksin",
                    "similarity": 0.9,
                    "url": "https://cekfakta.example/vaksin-mr",
                }
            ]
        },
    )
    finding.save()
    letter = letter_issue(case=case, kind="teguran", actor=users["inspector"])
    text = pdf_text(read(letter.pdf))
    assert "Klarifikasi: Vaksin MR berizin BPOM dan tidak mengandung zat pemandul." in text
    assert "https://cekfakta.example/vaksin-mr" in text
    [quoted] = [f for f in letter.content["findings"] if f["debunks"]]
    assert quoted["debunks"][0]["url"] == "https://cekfakta.example/vaksin-mr"
