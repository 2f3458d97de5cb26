"""The `pantau` command: a thin argparse front over the services.

Each sub-module registers its own sub-commands through ``register(subparsers)`` and sets
``func`` to a handler returning an exit status. Unknown sub-commands fall through to Django's
management commands, so ``pantau check`` or ``pantau shell`` work as ``manage.py`` would.
"""

from __future__ import annotations

import importlib
import sys

from pantau.cli.base import CliError, Parser

# Modules that contribute sub-commands; each defines register(subparsers).
COMMAND_MODULES = [
    "pantau.cli.web",
    "pantau.cli.registry",
    "pantau.cli.audit",
    "pantau.cli.monitoring",
    "pantau.cli.cases",
    "pantau.cli.reports",
    "pantau.cli.detection",
]


def build_parser() -> Parser:
    parser = Parser(
        prog="pantau",
        description=(
            "Pantau: social-media code-of-conduct monitoring for an Inspektorat. "
            "Any Django management command is also available, e.g. `pantau check`."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # that part of Pantau is not installed yet
            raise
        module.register(sub)
    manage = sub.add_parser(
        "manage",
        help="run a Django management command (pantau manage COMMAND ...)",
        add_help=False,
    )
    manage.set_defaults(func=None)
    return parser


def _run_django(argv: list[str]) -> int:
    from pantau.cli.base import setup_django

    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["pantau", *argv])
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command; problems the user can fix are printed as one line, not a traceback."""
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError

    try:
        return _main(argv)
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"pantau: configuration error: {exc}\n")
        return 2
    except DatabaseError as exc:
        first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        hint = " (has `pantau migrate` been run?)" if _missing_table(first) else ""
        sys.stderr.write(f"pantau: database error: {first}{hint}\n")
        return 1


def _missing_table(message: str) -> bool:
    """Whether a database error says a table or column is missing (SQLite, PostgreSQL)."""
    lowered = message.lower()
    return (
        "no such table" in lowered
        or "no such column" in lowered
        or ("does not exist" in lowered and ("relation" in lowered or "column" in lowered))
    )


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    known = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if argv and argv[0] == "manage":
        return _run_django(argv[1:] or ["help"])
    if argv and not argv[0].startswith("-") and argv[0] not in known:
        from django.core.exceptions import ImproperlyConfigured
        from django.core.management import get_commands

        from pantau.cli.base import setup_django

        try:
            setup_django()
            django_command = argv[0] in get_commands()
        except ImproperlyConfigured:
            django_command = False
        if django_command:
            return _run_django(argv)
        parser.error(f"unknown command {argv[0]!r}")
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        sys.stderr.write(f"pantau {args.command}: error: {exc}\n")
        return exc.status
    except KeyboardInterrupt:
        sys.stderr.write("pantau: interrupted\n")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
