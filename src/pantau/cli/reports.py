"""`pantau report`: the periodic report for the Wali Kota as PDF or XLSX, and the drift check.

    pantau report --period 2026-11 --format pdf
    pantau report --period 2026-Q4 --format xlsx --out laporan.xlsx
    pantau report --check-drift

The report covers the whole organisation (or one unit with ``--unit``); the export is recorded
in the access log as done by "system" from the command line.
"""

from __future__ import annotations

from pathlib import Path

from pantau.cli.base import CliError, setup_django


def register(sub) -> None:
    report = sub.add_parser(
        "report",
        help="write the periodic report (PDF or XLSX) for a month, quarter or year",
        description="Write the periodic report for a month (2026-11), a quarter (2026-Q4) or a "
        "year (2026), with the comparison to the previous period and the narrative.",
    )
    report.add_argument("--period", help="2026-11, 2026-Q4 or 2026")
    report.add_argument("--format", choices=["pdf", "xlsx"], default="pdf", help="default pdf")
    report.add_argument(
        "--out", type=Path, help="file to write (default laporan-pantau-<period>.<format>)"
    )
    report.add_argument("--unit", default="", help="only this unit code and its sub-units")
    report.add_argument(
        "--check-drift",
        action="store_true",
        help="instead: check the dismissal share per category and raise drift alerts",
    )
    report.set_defaults(func=cmd_report)


def cmd_report(args) -> int:
    setup_django()
    if args.check_drift:
        return _drift()
    if not args.period:
        raise CliError("give --period (2026-11, 2026-Q4 or 2026) or --check-drift")
    from django.utils import translation

    from pantau.registry.models import Unit
    from pantau.reports.periods import PeriodError, parse_period
    from pantau.reports.scope import Scope, descendant_units, organisation_scope
    from pantau.reports.services import report_export

    with translation.override("id"):
        try:
            period = parse_period(args.period)
        except PeriodError as exc:
            raise CliError(str(exc)) from None
        scope = organisation_scope()
        if args.unit:
            unit = Unit.objects.filter(code=args.unit).first()
            if unit is None:
                raise CliError(f"no unit has the code {args.unit!r}")
            scope = Scope(None, descendant_units(unit.pk), unit, full=False, label=unit.name,
                          label_id=unit.name)  # fmt: skip
        rendered = report_export(user=None, scope=scope, period=period, fmt=args.format, via="cli")
    out = args.out or Path(rendered.name)
    try:
        out.write_bytes(rendered.data)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror}") from None
    print(f"{out} ({len(rendered.data):,} bytes): laporan {period.label_id}")
    return 0


def _drift() -> int:
    from pantau.reports.quality import drift_check, drift_status

    raised = drift_check()
    for drift in drift_status():
        name = drift.category or "all"
        share = lambda v: "-" if v is None else f"{v:.0%}"  # noqa: E731
        state = "RISING" if drift.drifting else ("stable" if drift.enough else "too few decisions")
        print(f"{name:<12} before {share(drift.baseline_share):>5} ({drift.baseline_n})  "
              f"last 30 days {share(drift.recent_share):>5} ({drift.recent_n})  {state}")  # fmt: skip
    print(f"{len(raised)} new drift alert(s) raised")
    return 1 if raised else 0
