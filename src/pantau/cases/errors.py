"""The error family of the cases layer."""

from django.utils.translation import gettext as _


class CaseError(Exception):
    """An action refused; ``code`` for programs, the message for people."""

    def __init__(self, message: str, code: str = "refused") -> None:
        super().__init__(message)
        self.code = code


class CaseConflict(CaseError):
    """Someone else changed the case between the actor's reading and writing; nothing was saved.

    Its code is ``stale``: the API answers 409, the web shows the message and the current page.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or _(
                "The case was changed by someone else in the meantime; reload the page and try again."
            ),
            "stale",
        )


# SQLite: "database is locked" / "database table is locked"; PostgreSQL: serialization failure,
# deadlock, lock not available (lock_timeout or NOWAIT).
BUSY_SQLSTATES = {"40001", "40P01", "55P03"}


def database_busy(exc: Exception) -> bool:
    """Whether ``exc`` says another transaction held what we needed (not a broken database)."""
    cause = exc.__cause__ or exc
    if (getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)) in BUSY_SQLSTATES:
        return True
    return "locked" in str(exc).lower()
