"""Helpers the commands share: loading reports from the paths a user gave."""

from __future__ import annotations

import argparse
from pathlib import Path

from tipbrowser.bundled import bundled_path
from tipbrowser.model import Report
from tipbrowser.parser import parse_path
from tipbrowser.reader import DEFAULT_MAX_BYTES

__all__ = ["load_one", "max_bytes", "print_text"]


def max_bytes(args: argparse.Namespace) -> int:
    """The size cap the user asked for, or the default."""
    return getattr(args, "max_size", None) or DEFAULT_MAX_BYTES


def load_one(path: str | None, args: argparse.Namespace) -> Report:
    """Parse the report at `path`, or the bundled report when no path is given."""
    return parse_path(Path(path) if path else bundled_path(), max_bytes=max_bytes(args))


def print_text(text: str) -> None:
    """Print plain text to stdout."""
    import sys

    sys.stdout.write(text if text.endswith("\n") else text + "\n")
