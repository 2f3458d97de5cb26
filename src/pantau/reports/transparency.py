"""The public transparency figures: organisation-wide aggregates with small counts suppressed.

Rules (also in docs/reports.md):

1. Only totals for the whole organisation and breakdowns by category and by sanction level are
   published; never by unit, person, platform account, month of a sanction or anything else that
   could point at one employee.
2. Primary suppression: a count from 1 to ``K - 1`` (K = 5) is shown as "<5". Zero is shown.
3. Secondary suppression: within a breakdown whose total is published, if exactly one cell is
   suppressed, the smallest other non-zero cell is hidden too ("·"), so the small one cannot be
   worked out by subtraction.
4. Precision is published only when it rests on at least ``MIN_PRECISION`` (20) decisions.

Figures are cached for ten minutes per period: the page is public and must stay cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.formats import number_format

from pantau.reports import outcomes, selectors
from pantau.reports.periods import Period
from pantau.reports.quality import precision_table
from pantau.reports.scope import organisation_scope

K = 5
MIN_PRECISION = 20
CACHE_SECONDS = 600


@dataclass(frozen=True)
class Cell:
    value: int
    state: str = "shown"  # "shown", "small" (primary) or "hidden" (secondary)

    @property
    def shown(self) -> bool:
        return self.state == "shown"

    def __str__(self) -> str:
        if self.state == "small":
            return f"<{K}"
        if self.state == "hidden":
            return "·"
        return number_format(self.value, force_grouping=True)


def cell(value: int) -> Cell:
    return Cell(value, "small" if 0 < value < K else "shown")


def suppress(values: dict, *, total_published: bool = True) -> dict[str, Cell]:
    """Primary and secondary suppression over one breakdown (see the module docstring)."""
    cells = {key: cell(v) for key, v in values.items()}
    small = [k for k, c in cells.items() if c.state == "small"]
    if total_published and len(small) == 1:
        others = [(c.value, k) for k, c in cells.items() if c.state == "shown" and c.value > 0]
        if others:
            _value, key = min(others)
            cells[key] = Cell(cells[key].value, "hidden")
    return cells


def _figures(period: Period) -> dict:
    scope = organisation_scope()
    start, end = period.bounds()
    summary = selectors.finding_summary(scope, period)
    status = summary["status"]
    cases = scope.cases(selectors.Case.objects.all())
    sanctions = outcomes.sanctions_decided(cases, period.start, period.end)
    closed = outcomes.closures(cases, start, end)
    precision = precision_table(since=start, until=end)
    return {
        "scanned": selectors.posts_scanned(scope, period),
        "findings": summary["total"],
        "status": dict(status),
        "category": dict(summary["category"]),
        "resolved_guidance": closed["resolved_guidance"],
        "sanctions": sanctions["total"],
        "levels": dict(sanctions["levels"]),
        "precision": precision,
    }


def transparency_figures(period: Period) -> dict:
    """Suppressed cells ready for the public page."""
    key = f"pantau:transparency:{period.code}"
    raw = cache.get(key)
    if raw is None:
        raw = _figures(period)
        cache.set(key, raw, CACHE_SECONDS)
    status = raw["status"]
    review = suppress(
        {
            "new": status.get("new", 0),
            "dismissed": status.get("dismissed", 0),
            "protected": status.get("protected", 0),
            "not_attributable": status.get("not_attributable", 0),
            "confirmed": status.get("confirmed", 0),
        }
    )
    levels = suppress({k: raw["levels"].get(k, 0) for k in ("light", "medium", "heavy")})
    precision = []
    for row in [*raw["precision"]["categories"], raw["precision"]["overall"]]:
        enough = row["n"] >= MIN_PRECISION
        precision.append({**row, "enough": enough})
    return {
        "scanned": cell(raw["scanned"]),
        "findings": cell(raw["findings"]),
        "review": review,
        "category": suppress(raw["category"]),
        "resolved_guidance": cell(raw["resolved_guidance"]),
        "sanctions": cell(raw["sanctions"]),
        "levels": levels,
        "precision": precision,
        "k": K,
        "small_max": K - 1,
        "min_precision": MIN_PRECISION,
    }
