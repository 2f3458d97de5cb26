"""Letter numbers: a configurable pattern per kind and a yearly counter that never repeats.

The counter advances by a conditional UPDATE (``… WHERE value = <read value>``) checked by its
row count, as healthchecks' ``sendalerts`` does: a competing issuer that moved the counter
between our read and our update makes the update touch no row, and we read again. This works the
same on SQLite and PostgreSQL. ``letters_letter_unique_number`` is the last line of defence.
"""

from __future__ import annotations

import datetime as dt
import string

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from pantau.letters.models import NumberCounter, NumberingScheme

PLACEHOLDERS = frozenset({"seq", "code", "year", "month", "roman_month"})
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
DEFAULT_CODES = {
    "nota_dinas_temuan": "ND",
    "summons_1": "SP-I",
    "summons_2": "SP-II",
    "bap": "BAP",
    "lhp": "LHP",
    "sk_draft": "KEP",
    "teguran": "PMB",  # surat pembinaan; "ST" reads as Surat Tugas
}
MAX_ATTEMPTS = 50


class NumberingError(ValueError):
    """A pattern that cannot number letters; the message says why."""


def pattern_check(pattern: str) -> None:
    """Refuse unknown placeholders, attribute access and patterns without ``{seq}``."""
    try:
        fields = [f for _t, f, _s, _c in string.Formatter().parse(pattern) if f is not None]
        pattern.format(seq=1, code="X", year=2026, month=1, roman_month="I")
    except (ValueError, KeyError, IndexError) as exc:
        raise NumberingError(_("The pattern is not valid: %(error)s") % {"error": exc}) from None
    unknown = sorted(set(fields) - PLACEHOLDERS)
    if unknown:
        raise NumberingError(
            _("Unknown placeholder(s): %(names)s.") % {"names": ", ".join(unknown)}
        )
    if "seq" not in fields:
        raise NumberingError(_("The pattern must contain {seq}."))


def format_number(scheme: NumberingScheme, *, seq: int, on: dt.date) -> str:
    return scheme.pattern.format(
        seq=seq, code=scheme.code, year=on.year, month=on.month, roman_month=ROMAN[on.month - 1]
    )


def scheme_for(kind: str) -> NumberingScheme:
    scheme, _created = NumberingScheme.objects.get_or_create(
        kind=kind, defaults={"code": DEFAULT_CODES.get(kind, kind.upper())}
    )
    return scheme


def _read(key: str, year: int) -> int:
    """The counter's current value (hook for tests that simulate a competing issuer)."""
    return NumberCounter.objects.filter(key=key, year=year).values_list("value", flat=True)[0]


def next_seq(key: str, year: int) -> int:
    """Take the next number of counter ``key`` in ``year``; safe against concurrent issuers."""
    if not NumberCounter.objects.filter(key=key, year=year).exists():
        try:
            with transaction.atomic():
                NumberCounter.objects.create(key=key, year=year, value=0)
        except IntegrityError:
            pass  # created by someone else meanwhile
    for _attempt in range(MAX_ATTEMPTS):
        current = _read(key, year)
        taken = NumberCounter.objects.filter(key=key, year=year, value=current).update(
            value=current + 1
        )
        if taken == 1:
            return current + 1
    raise NumberingError(_("Could not take a letter number; try again."))


def next_number(kind: str, *, on: dt.date) -> str:
    """The next letter number for ``kind`` dated ``on`` (its year's counter)."""
    scheme = scheme_for(kind)
    pattern_check(scheme.pattern)
    return format_number(scheme, seq=next_seq(scheme.counter_key, on.year), on=on)
