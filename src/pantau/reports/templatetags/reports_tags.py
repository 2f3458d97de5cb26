"""Template helpers for the reports pages: grouped numbers, shares and precision intervals."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def n(value):
    """An integer with the locale's thousands separator; anything else unchanged."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if isinstance(value, float):
        return number_format(value, decimal_pos=1, force_grouping=True)
    return number_format(value, force_grouping=True)


@register.filter
def pct(value, digits: int = 1):
    """A share (0–1) as a percentage in the locale's format, or a dash."""
    if value is None:
        return "–"
    return number_format(100 * float(value), decimal_pos=int(digits)) + "%"


@register.filter
def interval(value):
    """A (low, high) share pair as ``low–high%``."""
    if not value:
        return "–"
    low, high = value
    return f"{number_format(100 * low, decimal_pos=0)}–{number_format(100 * high, decimal_pos=0)}%"
