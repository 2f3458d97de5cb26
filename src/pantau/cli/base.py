"""Shared pieces of the `pantau` command: the one-line error, the parser class and Django start-up."""

from __future__ import annotations

import argparse
import os
import sys


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit status 2 unless given."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


class Parser(argparse.ArgumentParser):
    """ArgumentParser whose errors are one clear line instead of usage text plus a message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")
        sys.exit(2)


def setup_django() -> None:
    """Configure Django once; commands that touch the database call this first."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")
    import django

    django.setup()
