"""The charge shown with each confirmed finding of a case: the provision and the reviewer's reason.

This is what the employee reads before giving their *hak jawab* (issue 13 item 11, issue 16
item 4): the post, the reviewer's reason and the provision — the SKB 11 item the reviewer named
and the PP 94/2021 articles it points to, or the articles the examiner recommended — never the
model's token highlights, which are a reviewer's aid and not a reason anyone decided on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pantau.cases.models import Case, ReviewDecision
from pantau.core.cases.provisions import PROVISIONS, skb_item
from pantau.monitoring.models import Category, Finding

# Without an SKB item (none of the eleven covers a plain insult), an abusive-language finding
# falls under PP 94/2021 Pasal 3 huruf f.
_BY_CATEGORY = {Category.ABUSIVE: ("3f",)}


@dataclass(frozen=True)
class Charge:
    reason: str = ""
    category: str = ""
    skb: str = ""  # "SKB 11 butir 2: ..." when the reviewer named an item
    provisions: list[str] = field(default_factory=list)  # "PP 94/2021 Pasal 3 huruf f — ..."


def _charge(decision: ReviewDecision | None, case_codes: list[str]) -> Charge:
    if decision is None:
        return Charge()
    skb, codes = "", list(case_codes)
    if decision.skb_item:
        try:
            item = skb_item(decision.skb_item)
        except KeyError:
            item = None
        if item is not None:
            skb = f"SKB 11 butir {item.number}: {item.text_id}"
            codes = codes or list(item.provisions)
    if not codes:
        codes = list(_BY_CATEGORY.get(decision.category, ()))
    return Charge(
        reason=decision.reason,
        category=decision.get_category_display() if decision.category else "",
        skb=skb,
        provisions=[
            f"{PROVISIONS[c].article} — {PROVISIONS[c].short_id}" for c in codes if c in PROVISIONS
        ],
    )


def findings_with_charges(case: Case, findings: Iterable[Finding]) -> list[Finding]:
    """The findings, each with a ``charge`` attribute from its latest confirming decision."""
    findings = list(findings)
    case_codes = [c for c, _i in (case.recommendation or {}).get("provisions", [])]
    latest: dict[int, ReviewDecision] = {}
    decisions = ReviewDecision.objects.filter(
        finding__in=findings, outcome=ReviewDecision.Outcome.CONFIRM
    ).order_by("-created_at", "-pk")
    for d in decisions:
        latest.setdefault(d.finding_id, d)
    for f in findings:
        f.charge = _charge(latest.get(f.pk), case_codes)
    return findings
