"""Fixtures for case tests: a scanned finding on a registered account."""

from __future__ import annotations

import pytest
from django.utils import timezone


@pytest.fixture
def make_finding(registry):
    from pantau.monitoring.models import Finding, Post, ScanResult

    counter = {"n": 0}

    def _make(
        *,
        employee_key="e3",
        text="Dasar kaum itu semua penipu, usir saja dari kota ini",
        category="hate_speech",
        score=0.91,
        kind="post",
        when=None,
    ):
        counter["n"] += 1
        employee = registry.employees[employee_key]
        account = employee.accounts.first()
        post = Post.objects.create(
            platform=account.platform,
            post_id=f"p{counter['n']}",
            account=account,
            handle=account.handle,
            text=text,
            kind=kind,
            content_hash=f"h{counter['n']}",
            created_at=when or timezone.now(),
            scan_state="scanned",
            likes=10,
        )
        start = text.find("penipu")
        evidence = (
            [
                {
                    "category": category,
                    "start": start,
                    "end": start + 6,
                    "text": "penipu",
                    "source": "model",
                    "weight": 0.4,
                }
            ]
            if start >= 0
            else []
        )
        scan = ScanResult.objects.create(
            post=post,
            model_version="pantau-id-test",
            scores={category: score},
            flags=[category],
            result={
                "scores": {category: score},
                "flags": [category],
                "evidence": evidence,
                "claims": [],
                "hate_speech": {"target": "group", "topics": ["race"], "intensity": "moderate"},
            },
        )
        return Finding.objects.create(
            post=post,
            employee=employee,
            scan=scan,
            categories=[category],
            top_category=category,
            score=score,
            priority=score,
            model_version="pantau-id-test",
        )

    return _make


@pytest.fixture
def confirm_finding(users):
    """Confirm a finding (by the inspector unless another reviewer is given): the case it opens."""
    from pantau.cases.models import Case
    from pantau.cases.review import finding_decide

    def _confirm(finding, *, reviewer=None, category="hate_speech", reason="x") -> Case:
        finding_decide(
            finding_id=finding.pk,
            expected_version=1,
            reviewer=reviewer or users["inspector"],
            outcome="confirm",
            category=category,
            skb_item=2,
            reason=reason,
        )
        return Case.objects.get(findings=finding)

    return _confirm
