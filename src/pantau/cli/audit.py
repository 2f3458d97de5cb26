"""`pantau audit verify` and `pantau audit checkpoint`: check and anchor the audit chains."""

from __future__ import annotations

from pathlib import Path

from pantau.cli.base import Parser, setup_django


def register(sub) -> None:
    audit = sub.add_parser("audit", help="audit-log tools", description="Audit-log tools.")
    audit_sub = audit.add_subparsers(
        dest="audit_command", metavar="ACTION", parser_class=Parser, required=True
    )
    verify = audit_sub.add_parser(
        "verify",
        help="check the audit and access-log chains against the checkpoints",
        description="Recompute every entry's keyed hash and link in the audit log and the access "
        "log, and compare both with the checkpoints; exit 1 if anything is broken.",
    )
    verify.add_argument(
        "--checkpoints",
        type=Path,
        metavar="FILE",
        help="a copy of the checkpoint file to compare with (default: the installation's)",
    )
    verify.set_defaults(func=cmd_verify)
    checkpoint = audit_sub.add_parser(
        "checkpoint",
        help="append the chain heads to the checkpoint file (and e-mail them if configured)",
        description="Write a checkpoint of both chain heads (sequence number, hash, time) to the "
        "append-only checkpoint file outside the database.",
    )
    checkpoint.add_argument(
        "--mail", action="store_true", help="also e-mail it to the heads of the inspectorate"
    )
    checkpoint.set_defaults(func=cmd_checkpoint)


def cmd_verify(args) -> int:
    setup_django()
    from pantau.audit.services import audit_verify

    result = audit_verify(checkpoint_path=args.checkpoints)
    for label, chain in (("audit chain", result.audit), ("access-log chain", result.access)):
        if chain.ok:
            print(f"{label} intact: {chain.checked} entries checked")
        else:
            where = f" at entry #{chain.broken_seq}" if chain.broken_seq else ""
            print(
                f"{label} BROKEN{where}: {chain.problem} "
                f"({chain.checked} entries before it are intact)"
            )
    for problem in result.checkpoint_problems:
        print(f"checkpoint check FAILED: {problem}")
    if result.checkpoints and not result.checkpoint_problems:
        print(f"consistent with {result.checkpoints} checkpoint(s)")
    for warning in result.warnings:
        print(f"warning: {warning}")
    return 0 if result.ok else 1


def cmd_checkpoint(args) -> int:
    setup_django()
    from pantau.audit.checkpoints import checkpoint_file, checkpoint_write

    checkpoint = checkpoint_write(mail=True if args.mail else None)
    print(f"checkpoint written to {checkpoint_file()}: {checkpoint.summary()}")
    return 0
