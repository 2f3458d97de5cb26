"""Charts as inline SVG drawn on the server: no script, no CDN, readable on a phone.

The SVGs have no viewBox: they take the full width of their box and bars are sized in percent,
while the text keeps its pixel size, so labels stay legible on a 360 px phone and do not grow on
a wide screen. Every chart is ``role="img"`` with a label; the table of its numbers sits right
under it (see ``templates/reports/_chart.html``), which is also what screen readers use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = ("#0b5394", "#b45309", "#1a7f37", "#6f42c1", "#b42318")
ROW = 38  # px per bar in a horizontal bar chart
MAX_BAR = 78.0  # percent of the width a full bar takes; the value is written after it
MAX_LABEL = 46  # characters of a label before it is cut (the full text is in <title>)


@dataclass
class Bar:
    label: str
    value: int | float
    display: str = ""  # the value as written; defaults to the number
    indent: int = 0  # funnel steps are indented under their parent
    colour: int = 0


@dataclass
class Chart:
    """One chart and the numbers behind it."""

    key: str
    title: str
    svg: SafeString
    headers: list[str]
    rows: list[list]
    note: str = ""
    legend: list[tuple[str, str]] = field(default_factory=list)


def _cut(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value) -> str:
    from django.utils.formats import number_format

    return number_format(value, force_grouping=True)


def hbars(bars: list[Bar], *, label: str, scale_to: float | None = None) -> SafeString:
    """Horizontal bars, one row each: the label above, the bar with its value after it."""
    if not bars:
        return mark_safe("")
    top = scale_to if scale_to is not None else max((b.value for b in bars), default=0)
    height = ROW * len(bars) + 4
    parts = [
        f'<svg class="chart hbar" width="100%" height="{height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, bar in enumerate(bars):
        y = i * ROW
        x0 = bar.indent * 4.0
        width = (bar.value / top * (MAX_BAR - x0)) if top else 0.0
        text = bar.display or _number(bar.value)
        colour = COLOURS[bar.colour % len(COLOURS)]
        parts.append(
            f"<g><title>{escape(bar.label)}: {escape(text)}</title>"
            f'<text x="{x0:.1f}%" y="{y + 14}" class="lbl">{escape(_cut(bar.label))}</text>'
            f'<rect x="{x0:.1f}%" y="{y + 19}" width="{width:.2f}%" height="13" rx="2" '
            f'fill="{colour}"></rect>'
            f'<text x="{x0 + width:.2f}%" dx="6" y="{y + 30}" class="val">{escape(text)}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def columns(
    labels: list[str], series: list[tuple[str, list[int]]], *, label: str, height: int = 190
) -> SafeString:
    """Grouped columns per period (e.g. month), up to a few series side by side."""
    count = len(labels)
    if not count or not series:
        return mark_safe("")
    top = max((v for _, values in series for v in values), default=0) or 1
    plot_top, plot_bottom = 18, height - 26
    plot = plot_bottom - plot_top
    slot = 100.0 / count
    gap = slot * 0.18
    width = (slot - gap) / len(series)
    step = 1 if count <= 12 else 2 if count <= 24 else 3
    parts = [
        f'<svg class="chart columns" width="100%" height="{height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for fraction in (1.0, 0.5):
        y = plot_bottom - plot * fraction
        parts.append(
            f'<line x1="0" x2="100%" y1="{y:.1f}" y2="{y:.1f}" class="grid"></line>'
            f'<text x="0" y="{y - 3:.1f}" class="axis">{escape(_number(round(top * fraction)))}</text>'
        )
    parts.append(
        f'<line x1="0" x2="100%" y1="{plot_bottom}" y2="{plot_bottom}" class="base"></line>'
    )
    for i, text in enumerate(labels):
        x = i * slot + gap / 2
        for s, (name, values) in enumerate(series):
            value = values[i]
            h = plot * value / top
            parts.append(
                f'<rect x="{x + s * width:.2f}%" y="{plot_bottom - h:.1f}" width="{width:.2f}%" '
                f'height="{h:.1f}" fill="{COLOURS[s % len(COLOURS)]}">'
                f"<title>{escape(text)} · {escape(name)}: {escape(_number(value))}</title></rect>"
            )
        if i % step == 0:
            # every other label is "minor": hidden on a phone, where they would overlap
            minor = " minor" if count > 6 and (i // step) % 2 == 1 else ""
            parts.append(
                f'<text x="{i * slot + slot / 2:.2f}%" y="{height - 8}" text-anchor="middle" '
                f'class="axis{minor}">{escape(text)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def legend(series_names: list[str]) -> list[tuple[str, str]]:
    """(CSS class, name) per series; reports.css gives ``series-<n>`` the colour ``COLOURS[n]``
    (a class, not a style attribute: the content policy allows no inline styles)."""
    return [(f"series-{i % len(COLOURS)}", name) for i, name in enumerate(series_names)]
