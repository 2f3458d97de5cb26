"""A simple arithmetic challenge for the public complaint form, signed so no state is stored."""

from __future__ import annotations

import secrets

from django.core import signing

SALT = "pantau.complaint.challenge"
MAX_AGE = 3600


def new_challenge() -> tuple[str, str]:
    """(question, signed token); the answer is inside the signed token."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return f"{a} + {b}", signing.dumps({"answer": a + b}, salt=SALT)


def check_challenge(token: str, answer: str) -> bool:
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    return str(answer).strip() == str(data.get("answer"))
