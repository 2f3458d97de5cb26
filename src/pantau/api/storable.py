"""A schema base that refuses, per field, values the database cannot store.

A NUL character (PostgreSQL refuses it in text and JSON), a lone surrogate such as the JSON
escape ``"\\ud800"`` (no database can encode it) and JSON nested too deeply anywhere in a request
are answered with 422 naming the field (``posts.0.text``, ``raw`` with the path inside it)
instead of a failed transaction and a 500.
"""

from __future__ import annotations

from ninja import Schema
from pydantic import field_validator

from pantau.core.safe_text import text_flaw, value_flaw


class StorableSchema(Schema):
    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value):
        if isinstance(value, str):
            reason = text_flaw(value)
            if reason:
                raise ValueError(f"the value {reason}")
        elif isinstance(value, dict | list):
            flaw = value_flaw(value)
            if flaw:
                where, reason = flaw
                raise ValueError(f"{where}: the value {reason}" if where else f"the value {reason}")
        return value
