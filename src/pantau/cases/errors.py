"""The error family of the cases layer."""


class CaseError(Exception):
    """An action refused; ``code`` for programs, the message for people."""

    def __init__(self, message: str, code: str = "refused") -> None:
        super().__init__(message)
        self.code = code
