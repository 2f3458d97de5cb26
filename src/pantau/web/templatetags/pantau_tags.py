"""Template helpers: evidence highlighting in post text, and category labels."""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text: str, evidence) -> str:
    """The text with each evidence span wrapped in <mark>, escaped; overlapping spans merged."""
    text = text or ""
    spans = []
    for item in evidence or []:
        try:
            start, end = int(item["start"]), int(item["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= start < end <= len(text):
            spans.append((start, end, item.get("category", ""), item.get("source", "")))
    spans.sort()
    merged: list[list] = []
    for start, end, category, source in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].add(category)
        else:
            merged.append([start, end, {category}, source])
    out, pos = [], 0
    for start, end, categories, source in merged:
        out.append(escape(text[pos:start]))
        label = ", ".join(sorted(c for c in categories if c))
        out.append(
            f'<mark class="ev ev-{escape(source)}" title="{escape(label)}">'
            f"{escape(text[start:end])}</mark>"
        )
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


@register.filter
def percent(value) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return "—"


@register.filter
def state_label(value: str) -> str:
    from pantau.cases.labels import STATES

    return str(STATES.get(value, value))


@register.filter
def step_label(value: str) -> str:
    from pantau.cases.labels import step_label as label

    return label(value)


@register.filter
def deadline_label(value: str) -> str:
    from pantau.cases.labels import DEADLINES

    return str(DEADLINES.get(value, value))


@register.filter
def role_label(value: str) -> str:
    from pantau.cases.labels import ROLES

    return str(ROLES.get(value, value))


@register.filter
def web_link(url, label=None) -> str:
    """An ``<a href>`` to ``url`` when it is an http(s) address, else the text alone, unlinked.

    Every stored URL that a page links to goes through this filter, so a ``javascript:`` or
    ``data:`` address that reached the database is shown, never run. ``label`` is the link text
    (the URL itself when not given).
    """
    from pantau.core.safe_urls import is_web_url

    text = conditional_escape(label if label not in (None, "") else (url or ""))
    if not is_web_url(url):
        return mark_safe(f'<span class="not-a-link">{text}</span>') if text else ""
    return mark_safe(
        f'<a href="{escape(url.strip())}" rel="noopener noreferrer nofollow">{text}</a>'
    )
