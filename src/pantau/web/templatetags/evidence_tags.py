"""Template helpers for the evidence block a reviewer reads on a finding's page.

``reviewer_evidence`` applies the engine's rules for what is shown (no span made only of
punctuation, emoji, numbers or stop words; watchlist and lexicon hits first; at most five) also to
results stored before those rules existed; ``evidence_kind`` names, in words, what a span is.
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from pantau.core.detection.explain import shown_evidence

register = template.Library()


@register.filter
def reviewer_evidence(evidence) -> list[dict]:
    """The spans worth a reviewer's attention, most telling first."""
    return shown_evidence(evidence)


@register.filter
def evidence_kind(item: dict) -> str:
    """What the span is, in words: a watchlist entry, a debunked claim, a target, an insult."""
    source = item.get("source")
    if source == "watchlist":
        return _("watchlist entry")
    if source == "claim":
        return _("matches a debunked claim")
    return {
        "group": _("names a group (SARA)"),
        "state": _("names a state entity"),
        "abusive": _("insult or profanity"),
    }.get(item.get("lexicon"), _("phrase weighed by the model"))


@register.filter
def category_label(value: str) -> str:
    from pantau.monitoring.models import Category

    try:
        return str(Category(value).label)
    except ValueError:
        return str(value)
