"""`pantau reviews export`: reviewer decisions as labelled JSON Lines for retraining."""

from __future__ import annotations

import json
from pathlib import Path

from pantau.cli.base import Parser, setup_django


def register(sub) -> None:
    reviews = sub.add_parser(
        "reviews", help="reviewer decisions", description="Reviewer decisions as training data."
    )
    reviews_sub = reviews.add_subparsers(
        dest="reviews_command", metavar="ACTION", parser_class=Parser, required=True
    )
    export = reviews_sub.add_parser(
        "export",
        help="write decisions as labelled JSON Lines (for `pantau train --extra`)",
        description="Write every review decision as {id, text, hate_speech, abusive, radicalism, "
        "hoax, source, outcome}: a confirmation labels its category 1, a dismissal or "
        "protected criticism labels all 0; not-attributable decisions are left out.",
    )
    export.add_argument("path", type=Path, help="output .jsonl file")
    export.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    setup_django()
    from pantau.cases.models import ReviewDecision

    decisions = ReviewDecision.objects.exclude(
        outcome=ReviewDecision.Outcome.NOT_ATTRIBUTABLE
    ).order_by("pk")
    count = 0
    with args.path.open("w", encoding="utf-8") as out:
        for decision in decisions.iterator():
            out.write(json.dumps(decision.as_training_example(), ensure_ascii=False) + "\n")
            count += 1
    print(f"wrote {count} labelled decisions to {args.path}")
    return 0
