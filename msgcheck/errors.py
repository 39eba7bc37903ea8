"""Errors msgcheck raises, each with a one-line message and a hint for the user.

    MsgcheckError
     ├── PlatformError      the messaging platform file is unreadable or breaks the rules (exit 2)
     ├── InputError         one deck or page could not be read (reported for that asset)
     │    └── FetchError    a web page could not be fetched
     ├── ModelError         the embedding model could not be loaded or built
     └── UsageError         bad arguments (exit 2)
"""

from __future__ import annotations


class MsgcheckError(Exception):
    """Base class. ``str(err)`` is the one-line message; ``hint`` says what to do next."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message

    def one_line(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class PlatformError(MsgcheckError):
    """The platform file: names the file, the line where known, and the fix."""

    def __init__(self, path: str, problem: str, line: int | None = None, hint: str | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}", hint)
        self.path = path
        self.line = line
        self.problem = problem


class InputError(MsgcheckError):
    """One input (deck, page) could not be read; every other input is still checked."""


class FetchError(InputError):
    """A web page could not be fetched."""


class ModelError(MsgcheckError):
    """The embedding model could not be loaded, built or verified."""


class UsageError(MsgcheckError):
    """The command was given arguments it cannot work with."""
