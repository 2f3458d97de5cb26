"""``{% letters_panel case as panel %}``: what the case-page fragment shows to this user."""

from __future__ import annotations

from django import template

from pantau.letters.forms import LetterIssueForm
from pantau.letters.selectors import letters_for_case
from pantau.letters.services import issuable_kinds

register = template.Library()


@register.simple_tag(takes_context=True)
def letters_panel(context, case) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not user.is_authenticated:
        return {"letters": [], "kinds": [], "form": None}
    kinds = issuable_kinds(user, case)
    letters = list(letters_for_case(user=user, case=case).prefetch_related("corrections"))
    for letter in letters:
        letter.is_superseded = bool(letter.corrections.all())  # prefetched: no query
        letter.can_correct = letter.kind in kinds and not letter.is_superseded and case.is_open
    return {
        "letters": letters,
        "kinds": kinds,
        "form": LetterIssueForm(kinds=kinds) if kinds and case.is_open else None,
    }
