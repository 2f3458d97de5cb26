"""Column widths of a PDF table, measured from its content in the font it is printed in.

Each column has a least width (its longest word, or its longest number or short heading, which
must never wrap) and a wanted width (its longest value on one line). Narrow columns get what they
want first, so a month such as "September 2026" or a seven-digit count stays on one line, and the
widest text column (usually the first, with the row labels) takes the rest and wraps between
words. No word is ever broken inside a cell while the words fit the page at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth


@dataclass(frozen=True)
class Cell:
    """A cell's text and the font it is printed in; ``whole`` cells never wrap."""

    text: str
    font: str
    size: float
    whole: bool = False


def _least(cell: Cell) -> float:
    if cell.whole:
        return stringWidth(cell.text, cell.font, cell.size)
    words = cell.text.split() or [""]
    return max(stringWidth(w, cell.font, cell.size) for w in words)


def _wanted(cell: Cell) -> float:
    return stringWidth(cell.text, cell.font, cell.size)


def column_widths(rows: Sequence[Sequence[Cell]], total: float, padding: float) -> list[float]:
    """Widths summing to ``total`` for the columns of ``rows`` (``padding``: both sides of a cell)."""
    columns = max(len(r) for r in rows)
    least = [0.0] * columns
    wanted = [0.0] * columns
    for row in rows:
        for i, cell in enumerate(row):
            least[i] = max(least[i], _least(cell) + padding)
            wanted[i] = max(wanted[i], _wanted(cell) + padding, least[i])
    if sum(least) >= total:  # the words themselves do not fit: shrink in proportion
        return [total * w / sum(least) for w in least]
    widths = list(least)
    budget = total - sum(least)
    for i in sorted(range(columns), key=lambda i: wanted[i] - least[i]):
        give = min(wanted[i] - least[i], budget)
        widths[i] += give
        budget -= give
    widest = max(range(columns), key=lambda i: wanted[i])
    widths[widest] += budget  # what is left goes to the column with the most text
    return widths
