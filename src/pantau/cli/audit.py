"""`pantau audit verify`: check the audit log's hash chain."""

from __future__ import annotations

from pantau.cli.base import Parser, setup_django


def register(sub) -> None:
    audit = sub.add_parser("audit", help="audit-log tools", description="Audit-log tools.")
    audit_sub = audit.add_subparsers(
        dest="audit_command", metavar="ACTION", parser_class=Parser, required=True
    )
    verify = audit_sub.add_parser(
        "verify",
        help="check the hash chain and report the first broken link",
        description="Recompute every entry's hash and link; exit 1 if broken.",
    )
    verify.set_defaults(func=cmd_verify)


def cmd_verify(args) -> int:
    setup_django()
    from pantau.audit.services import audit_verify

    result = audit_verify()
    if result.ok:
        print(f"audit chain intact: {result.checked} entries checked")
        return 0
    print(
        f"audit chain BROKEN at entry #{result.broken_seq}: {result.problem} "
        f"({result.checked} entries before it are intact)"
    )
    return 1
