"""The error answers every API operation documents, and the one body they all share.

Each operation lists in its ``response={...}`` every status it can give, so that the published
schema is the whole contract: 401 (no or wrong credentials), 403 (the role or a conflict of
interest refuses it), 404 (no such object, or not one the caller may see), 409 (the object's
state or version does not allow it now), 413 (a batch too large), 422 (invalid input, naming the
field), 429 (rate limit; ``Retry-After`` says when to try again).
"""

from __future__ import annotations

from ninja import Schema
from pydantic import Field


class ValidationIssue(Schema):
    type: str
    loc: list[str | int] = Field(description="where: body, query, path or form, then the field")
    msg: str


class ErrorOut(Schema):
    detail: str | list[ValidationIssue] = Field(
        description="what is wrong; for invalid input, one entry per field"
    )


def errors(*codes: int) -> dict[int, type[ErrorOut]]:
    """``{code: ErrorOut}`` for each code, to merge into an operation's ``response``."""
    return {code: ErrorOut for code in codes}
