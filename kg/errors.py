"""One exception family for kg. The CLI turns these into a one-line ``Error: ...`` and a hint."""
from __future__ import annotations


class KGError(Exception):
    """Base class: a problem the user can act on. ``hint`` says how to fix it."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(KGError):
    """An input file or value could not be read or understood."""


class ModelNotFoundError(KGError):
    """The requested spaCy pipeline is not installed."""


class UsageError(KGError):
    """The command was called wrongly (bad option value, unknown name)."""

    exit_code = 2
