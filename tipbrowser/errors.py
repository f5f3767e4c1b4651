"""The error hierarchy: every failure a user can cause, each one actionable."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "TipBrowserError",
    "InputError",
    "NotFoundError",
    "NotAFileError",
    "UnreadableError",
    "BinaryFileError",
    "TooLargeError",
    "UnknownIdError",
    "UsageError",
]


class TipBrowserError(Exception):
    """Base of every error tipbrowser reports to the user as one sentence."""


class InputError(TipBrowserError):
    """A report file cannot be used."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{_show_path(self.path)}: {problem}")


class NotFoundError(InputError, FileNotFoundError):
    """The path does not exist."""


class NotAFileError(InputError):
    """The path is a directory, a FIFO, a device or anything but a regular file."""


class UnreadableError(InputError, PermissionError):
    """The file exists but cannot be read."""


class BinaryFileError(InputError, ValueError):
    """The file holds binary data, not a narrative."""


class TooLargeError(InputError, ValueError):
    """The file is larger than the size cap."""


class UnknownIdError(TipBrowserError, KeyError):
    """A passage id names nothing in the report."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown id"


class UsageError(TipBrowserError, ValueError):
    """The command line asks for something that cannot be done."""


def _show_path(path: Path) -> str:
    """A path as the user typed it, with control characters made visible."""
    from tipbrowser.text import visible

    return visible(str(path))
