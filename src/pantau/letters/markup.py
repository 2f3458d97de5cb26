"""The small line markup of letter bodies, parsed into blocks the PDF and DOCX writers share.

A template renders to plain text; each line may start with a marker (see ``BODY_HELP`` in
models): ``# `` title, ``## `` centred line, ``---`` rule, ``>`` indents (one per level),
``[Label] `` a decree clause (``[] `` continues one), ``| label | value`` a field-table row,
``1. ``/``a. ``/``1) ``/``- `` a list item. Other lines are text; consecutive text lines at the
same place join into one paragraph and a blank line ends it. Markers count only at the start of
a line, and the case data put into letters is made single-line, so quoted posts cannot forge
markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ITEM = re.compile(r"^((?:\d{1,2}|[a-z])[.)]|-)\s+(.*)$")
LABELLED = re.compile(r"^\[([^\]]*)\]\s?(.*)$")
MAX_LEVEL = 3


@dataclass
class Block:
    """One unit of layout. ``kind``: title, subtitle, rule, para, item or table."""

    kind: str
    text: str = ""
    level: int = 0
    decree: bool = False  # sits in the text column of a decree clause
    label: str | None = None  # the decree label ("Menimbang"); "" continues a clause
    marker: str = ""  # list marker ("1.", "a.", "-")
    rows: list[tuple[str, str]] = field(default_factory=list)


def _prefix(line: str) -> tuple[int, str | None, str]:
    """Split '>>[Label] rest' into (level, label or None, rest)."""
    level = 0
    while line.startswith(">"):
        level += 1
        line = line[1:].lstrip(" ")
    label = None
    match = LABELLED.match(line)
    if match:
        label, line = match.group(1).strip(), match.group(2)
    return min(level, MAX_LEVEL), label, line.strip()


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    para: Block | None = None
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            para = None
            continue
        if line.startswith("## "):
            blocks.append(Block("subtitle", line[3:].strip()))
            para = None
            continue
        if line.startswith("# "):
            blocks.append(Block("title", line[2:].strip()))
            para = None
            continue
        if line == "#" or line == "##":
            blocks.append(Block("subtitle", ""))
            para = None
            continue
        if re.fullmatch(r"-{3,}", line):
            blocks.append(Block("rule"))
            para = None
            continue
        level, label, rest = _prefix(line)
        decree = label is not None
        head = label or None  # "" (continuation) prints no label
        if rest.startswith("|"):
            cells = [c.strip() for c in rest[1:].split("|", 1)]
            row = (cells[0], cells[1] if len(cells) > 1 else "")
            last = blocks[-1] if blocks else None
            if (
                last is not None
                and last.kind == "table"
                and last.level == level
                and last.decree == decree
                and head is None
            ):
                last.rows.append(row)
            else:
                blocks.append(Block("table", level=level, decree=decree, label=head, rows=[row]))
            para = None
            continue
        item = ITEM.match(rest)
        if item:
            blocks.append(
                Block(
                    "item",
                    item.group(2),
                    level=level,
                    decree=decree,
                    label=head,
                    marker=item.group(1),
                )
            )
            para = None
            continue
        if (
            para is not None
            and label is None
            and para.level == level
            and not para.decree
            and not para.label
        ):
            para.text = f"{para.text} {rest}"
            continue
        para = Block("para", rest, level=level, decree=decree, label=head)
        blocks.append(para)
        if decree:
            para = None
    return blocks


def single_line(value: str) -> str:
    """Collapse whitespace so a value never spans lines (and cannot start a marker line)."""
    return " ".join(str(value or "").split())
