"""Reviewer decisions become labelled examples for retraining (`pantau reviews export`)."""

from __future__ import annotations

import json

from pantau.cases.review import finding_decide
from pantau.cli import main


def test_decisions_are_exported_as_labelled_json_lines(users, make_finding, tmp_path, capsys):
    confirmed = make_finding(employee_key="e4")
    dismissed = make_finding(employee_key="e4", text="Kebijakan parkir baru ini ngawur sekali")
    hacked = make_finding(employee_key="e4", text="akun saya dibajak orang")
    finding_decide(
        finding_id=confirmed.pk,
        expected_version=1,
        reviewer=users["inspector"],
        outcome="confirm",
        category="hate_speech",
        skb_item=2,
        reason="SARA",
    )
    finding_decide(
        finding_id=dismissed.pk,
        expected_version=1,
        reviewer=users["inspector"],
        outcome="protected",
        reason="kritik kebijakan",
    )
    finding_decide(
        finding_id=hacked.pk,
        expected_version=1,
        reviewer=users["inspector"],
        outcome="not_attributable",
        reason="akun diretas",
    )
    out = tmp_path / "reviews.jsonl"
    assert main(["reviews", "export", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["outcome"] for r in rows] == ["confirm", "protected"]
    assert rows[0]["hate_speech"] == 1 and rows[0]["abusive"] == 0
    assert rows[1]["text"] == "Kebijakan parkir baru ini ngawur sekali"
    assert all(rows[1][c] == 0 for c in ("hate_speech", "abusive", "radicalism", "hoax"))
    assert "wrote 2 labelled decisions" in capsys.readouterr().out
