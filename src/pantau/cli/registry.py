"""`pantau createuser` and `pantau registry import|export`."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

from pantau.cli.base import CliError, Parser, setup_django

ROLES = ["admin", "inspector", "head", "decider", "supervisor", "employee", "auditor"]


def register(sub) -> None:
    create = sub.add_parser(
        "createuser",
        help="create a login with a role",
        description="Create a user. The password is asked for, or read from "
        "standard input when it is not a terminal.",
    )
    create.add_argument("--role", required=True, choices=ROLES, help="the user's role")
    create.add_argument("--username", required=True, help="login name")
    create.add_argument(
        "--employee", metavar="NIP", help="NIP of the employee this login belongs to"
    )
    create.add_argument("--email", default="", help="e-mail address (for password reset)")
    create.set_defaults(func=cmd_createuser)

    token = sub.add_parser(
        "token",
        help="create an API token (for collectors and integrations)",
        description="Create an API token acting as a user; the token is printed once.",
    )
    token.add_argument("--user", required=True, help="user name the token acts as")
    token.add_argument("--name", required=True, help="what the token is for")
    token.add_argument(
        "--scope",
        choices=["push", "read", "full"],
        default="push",
        help="push posts (default), read only, or act as the user",
    )
    token.set_defaults(func=cmd_token)

    reg = sub.add_parser(
        "registry",
        help="import or export units, employees and accounts",
        description="Registry import and export.",
    )
    reg_sub = reg.add_subparsers(
        dest="registry_command", metavar="ACTION", parser_class=Parser, required=True
    )
    imp = reg_sub.add_parser(
        "import",
        help="check (default) or import a CSV/XLSX file",
        description="Check a file and list every bad row; with --commit, "
        "import it (all rows or none).",
    )
    imp.add_argument("kind", choices=["units", "employees", "accounts"], help="what the file holds")
    imp.add_argument("path", type=Path, help="CSV or XLSX file")
    imp.add_argument("--commit", action="store_true", help="import when the check passes")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.set_defaults(func=cmd_import)
    exp = reg_sub.add_parser(
        "export",
        help="write employees, accounts and units to XLSX",
        description="Export the registry to an XLSX workbook.",
    )
    exp.add_argument("path", type=Path, help="output .xlsx file")
    exp.set_defaults(func=cmd_export)


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CliError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


def cmd_createuser(args) -> int:
    setup_django()
    from pantau.registry.models import Employee
    from pantau.users.services import UserError, user_create

    employee = None
    if args.employee:
        employee = Employee.objects.filter(nip=args.employee.replace(" ", "")).first()
        if employee is None:
            raise CliError(f"no employee with NIP {args.employee}")
    password = _read_password()
    try:
        user = user_create(
            username=args.username,
            password=password,
            role=args.role,
            employee=employee,
            email=args.email,
        )
    except UserError as exc:
        raise CliError(str(exc)) from None
    print(f"created {user.role} user {user.username}")
    return 0


def cmd_import(args) -> int:
    setup_django()
    from pantau.registry.imports import RegistryImportError, registry_import

    if not args.path.is_file():
        raise CliError(f"{args.path}: no such file")
    try:
        report = registry_import(kind=args.kind, path=args.path, dry_run=not args.commit)
    except RegistryImportError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print(
            json.dumps(
                {
                    "rows": report.rows,
                    "created": report.created,
                    "updated": report.updated,
                    "committed": report.committed,
                    "errors": [e.as_dict() for e in report.errors],
                },
                ensure_ascii=False,
            )
        )
    else:
        for e in report.errors:
            print(f"{report.source}: row {e.row}: {e.field}: {e.reason}")
        if report.committed:
            print(f"imported {report.rows} rows: {report.created} new, {report.updated} updated")
        elif report.errors:
            print(f"{len(report.errors)} problems in {report.rows} rows; nothing imported")
        else:
            print(f"{report.rows} rows are valid; run again with --commit to import them")
    return 1 if report.errors else 0


def cmd_export(args) -> int:
    setup_django()
    from pantau.registry.imports import registry_export_xlsx
    from pantau.registry.models import Employee

    args.path.write_bytes(registry_export_xlsx(employees=Employee.objects.all()))
    print(f"wrote {args.path}")
    return 0


def cmd_token(args) -> int:
    setup_django()
    from django.contrib.auth import get_user_model

    from pantau.users.services import api_token_create

    user = get_user_model().objects.filter(username=args.user, is_active=True).first()
    if user is None:
        raise CliError(f"no active user {args.user!r}")
    token, key = api_token_create(user=user, name=args.name, scope=args.scope)
    print(
        f"token {token.prefix}… ({args.scope}) for {user.username}; keep it, it is not shown again:"
    )
    print(key)
    return 0
