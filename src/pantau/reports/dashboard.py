"""The dashboard: figures of a scope and period turned into cards and charts with their tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pantau.cases.labels import DEADLINES, ROLES, STATES
from pantau.reports import outcomes, selectors
from pantau.reports.charts import Bar, Chart, columns, hbars, legend
from pantau.reports.labels import CATEGORIES, LEVELS, OUTCOMES, STATUSES, platform_label
from pantau.reports.periods import Period
from pantau.reports.scope import Scope

TOP_UNITS = 12


@dataclass
class Dashboard:
    period: Period
    scope: Scope
    cards: list[tuple[str, int, str]] = field(default_factory=list)  # (label, value, note)
    charts: list[Chart] = field(default_factory=list)
    overdue_oldest: list = field(default_factory=list)
    workload: list[dict] = field(default_factory=list)


def _pct(part, whole) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def _simple(key: str, title: str, counts: dict, labels, *, column: str, note: str = "") -> Chart:
    total = sum(counts.values())
    items = [(str(labels(k)), v) for k, v in counts.items()]
    return Chart(
        key=key,
        title=title,
        svg=hbars([Bar(label, value) for label, value in items], label=title),
        headers=[column, _("Number"), _("Share")],
        rows=[[label, value, _pct(value, total)] for label, value in items]
        + [[_("Total"), total, "100%" if total else "–"]],
        note=note,
    )


def _top(counts: dict, names: dict, limit: int = TOP_UNITS) -> dict:
    named = {
        names.get(k, _("Not linked to an employee")) if k else _("Not linked to an employee"): v
        for k, v in counts.items()
    }
    items = sorted(named.items(), key=lambda kv: -kv[1])
    if len(items) <= limit:
        return dict(items)
    rest = sum(v for _, v in items[limit - 1 :])
    return {**dict(items[: limit - 1]), _("Other units"): rest}


def _months(scope: Scope, period: Period) -> Chart:
    findings = selectors.monthly(selectors.findings_in(scope, period), "created_at", period)
    cases = selectors.monthly(selectors.cases_in(scope, period), "opened_at", period)
    labels = [date_format(m.start, "M y") for m, _n in findings]
    a, b = [n for _m, n in findings], [n for _m, n in cases]
    names = [_("Findings"), _("Cases opened")]
    title = _("Findings and cases per month")
    return Chart(
        key="months",
        title=title,
        svg=columns(labels, list(zip(names, [a, b], strict=True)), label=title),
        headers=[_("Month"), *names],
        rows=[[labels[i], a[i], b[i]] for i in range(len(labels))] + [[_("Total"), sum(a), sum(b)]],
        legend=legend(names),
    )


def _funnel(summary: dict, scope: Scope, period: Period) -> Chart:
    status, total = summary["status"], summary["total"]
    confirmed_ids = selectors.findings_in(scope, period).filter(status="confirmed").values("id")
    ends = outcomes.finding_outcomes(confirmed_ids)
    steps = [
        (_("Findings"), total, 0),
        (str(STATUSES["new"]), status["new"], 1),
        (str(STATUSES["dismissed"]), status["dismissed"], 1),
        (str(STATUSES["protected"]), status["protected"], 1),
        (str(STATUSES["not_attributable"]), status["not_attributable"], 1),
        (str(STATUSES["confirmed"]), status["confirmed"], 1),
    ] + [(str(OUTCOMES[key]), ends[key], 2) for key in outcomes.OUTCOME_KEYS]
    title = _("From finding to outcome")
    return Chart(
        key="funnel",
        title=title,
        svg=hbars(
            [Bar(label, n, indent=i, colour=i) for label, n, i in steps],
            label=title,
            scale_to=total,
        ),
        headers=[_("Step"), _("Findings"), _("Share of findings")],
        rows=[["\u2003" * i + label, n, _pct(n, total)] for label, n, i in steps],
        note=_(
            "Findings of the period and where they stand now; a confirmed finding takes the "
            "outcome of its case."
        ),
    )


def _review_times(scope: Scope, period: Period) -> tuple[Chart, float | None]:
    times = selectors.review_times(scope, period)
    bars, previous = [], 0
    for days, n in times["buckets"]:
        if previous:
            label = _("%(a)d to %(b)d days") % {"a": previous, "b": days}
        else:
            label = _("within 1 day")
        bars.append((label, n))
        previous = days
    bars.append((_("more than %(n)d days") % {"n": previous}, times["over"]))
    title = _("Time from finding to review decision")
    median = times["median_days"]
    note = _("Median: %(d)s days, over %(n)d decisions.") % {
        "d": f"{median:.1f}" if median is not None else "–",
        "n": times["n"],
    }
    chart = Chart(
        key="review-time",
        title=title,
        svg=hbars([Bar(label, n) for label, n in bars], label=title),
        headers=[_("Time"), _("Decisions"), _("Share")],
        rows=[[label, n, _pct(n, times["n"])] for label, n in bars],
        note=note,
    )
    return chart, median


def build_dashboard(scope: Scope, period: Period) -> Dashboard:
    board = Dashboard(period=period, scope=scope)
    summary = selectors.finding_summary(scope, period)
    cases = selectors.case_summary(scope, period)
    sanctions = outcomes.sanctions_decided(
        scope.cases(selectors.Case.objects.all()), period.start, period.end
    )
    overdue = selectors.overdue(scope)
    board.cards = [
        (_("Posts scanned"), selectors.posts_scanned(scope, period), ""),
        (_("Findings"), summary["total"], ""),
        (_("Confirmed"), summary["status"]["confirmed"], ""),
        (_("Awaiting review (now)"), selectors.queue_size(scope), ""),
        (_("Cases opened"), cases["total"], ""),
        (_("Sanctions decided"), sanctions["total"], ""),
        (_("Overdue deadlines (now)"), overdue["total"], ""),
    ]
    review_chart, _median = _review_times(scope, period)
    names = selectors.unit_names(list(summary["unit"]) + list(cases["unit"]))
    board.charts = [
        _months(scope, period),
        _funnel(summary, scope, period),
        _simple("category", _("Findings by category"), summary["category"],
                lambda k: CATEGORIES.get(k, k or "–"), column=_("Category")),
        _simple("status", _("Findings by review status"), summary["status"],
                lambda k: STATUSES.get(k, k), column=_("Status")),
        _simple("platform", _("Findings by platform"), summary["platform"], platform_label,
                column=_("Platform")),
        _simple("unit", _("Findings by unit"), _top(summary["unit"], names), str,
                column=_("Unit")),
        _simple("case-state", _("Cases opened in the period, by current step"), cases["state"],
                lambda k: STATES.get(k, k), column=_("Step")),
        _simple("case-category", _("Cases by category"), cases["category"],
                lambda k: CATEGORIES.get(k, k or "–"), column=_("Category"),
                note=_("A case with findings in two categories counts in both.")),
        _simple("sanctions", _("Sanctions decided, by level"), sanctions["levels"],
                lambda k: LEVELS.get(k, k), column=_("Level")),
        review_chart,
        _simple("overdue", _("Overdue deadlines by kind (now)"), overdue["kind"],
                lambda k: DEADLINES.get(k, k), column=_("Deadline")),
        _simple("overdue-role", _("Overdue deadlines by who must act (now)"), overdue["role"],
                lambda k: ROLES.get(k, k), column=_("Who acts")),
    ]  # fmt: skip
    board.overdue_oldest = overdue["oldest"]
    if scope.full:
        board.workload = selectors.workload(scope, period)
        board.charts.append(_workload(board.workload))
    return board


def _workload(people: list[dict]) -> Chart:
    title = _("Reviewer workload")
    return Chart(
        key="workload",
        title=title,
        svg=hbars([Bar(p["name"], p["decisions"]) for p in people], label=title),
        headers=[_("Reviewer"), _("Decisions"), _("Confirmed"), _("Dismissed or protected"),
                 _("Open cases in charge")],
        rows=[[p["name"], p["decisions"], p["confirm"], p["dismiss"], p["open_cases"]]
              for p in people],
        note=_("Review decisions taken in the period, and open cases assigned now."),
    )  # fmt: skip
