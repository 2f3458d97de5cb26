"""The error family of the letters layer."""


class LetterError(Exception):
    """A letter refused or impossible; ``code`` for programs, the message for people."""

    def __init__(self, message: str, code: str = "refused") -> None:
        super().__init__(message)
        self.code = code
