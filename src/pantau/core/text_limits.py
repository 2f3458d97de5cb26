"""How long each kind of free text may be: one table for the forms, the API schemas and checks.

A limit is shown in the form (``maxlength`` and a hint under the text box) and a longer text is
refused with an error naming the field, so no page has to show a 60,000-character note.
"""

from __future__ import annotations

SHORT = 200  # names, numbers, search terms
NOTE = 2_000  # reasons and notes on a decision or step
COMPLAINT = 5_000  # a complaint's reason, what was found on a deletion check
LONG = 20_000  # the employee's response, an appeal, the examination record (BAP)

# Free-text inputs of a case step (the web form's fields and the API's ``data``), by key.
CASE_STEP = {
    "text": LONG,
    "reason": NOTE,
    "note": NOTE,
    "bap_text": LONG,
    "after_evidence": COMPLAINT,
    "members": 500,
    "decision_number": 100,
}


def case_step_too_long(data: dict) -> list[str]:
    """One English line per text in ``data`` longer than its limit (LONG for unknown keys)."""
    problems = []
    for key, value in data.items():
        limit = CASE_STEP.get(key, LONG)
        if isinstance(value, str) and len(value) > limit:
            problems.append(f"{key}: at most {limit} characters (got {len(value)})")
    return problems
