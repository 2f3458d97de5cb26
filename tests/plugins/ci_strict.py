"""Pytest plugin: under CI=true a skipped test fails the run, so a missing service cannot hide."""

from __future__ import annotations

import os

import pytest

_skipped: list[str] = []


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _ci() and _skipped and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if _ci() and _skipped:
        terminalreporter.write_sep("=", "CI=true: skipped tests count as failures", red=True)
        for nodeid in _skipped:
            terminalreporter.write_line(f"SKIPPED IN CI: {nodeid}", red=True)
