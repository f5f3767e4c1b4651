"""Helpers the commands share: loading reports from the paths a user gave."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tipbrowser.bundled import bundled_path
from tipbrowser.model import Report
from tipbrowser.reader import DEFAULT_MAX_BYTES
from tipbrowser.text import visible

if TYPE_CHECKING:
    import argparse

__all__ = ["load_one", "load_many", "max_bytes", "open_cache", "print_text"]


def max_bytes(args: object) -> int:
    """The size cap the user asked for, or the default."""
    return getattr(args, "max_size", None) or DEFAULT_MAX_BYTES


def load_one(path: str | None, args: argparse.Namespace) -> Report:
    """Parse the report at `path`, or the bundled report when no path is given."""
    from tipbrowser.parser import parse_path  # imported here: the app, opened from the cache, never parses

    return parse_path(Path(path) if path else bundled_path(), max_bytes=max_bytes(args))


def open_cache(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The on-disk report cache, or None with `--no-cache`."""
    if getattr(args, "no_cache", False):
        return None
    from tipbrowser.library import ReportCache

    return ReportCache()


def load_many(paths: Sequence[str], args: argparse.Namespace) -> Iterator[Report]:
    """The reports at `paths` (the bundled one if none), through the cache.

    Folders give their `*.txt` narratives; a file in a folder that cannot be read is
    skipped with a one-line note on stderr. A file named on the command line that cannot
    be read raises its `TipBrowserError`, as does a path that does not exist.
    """
    from tipbrowser.library import Skipped, discover, iter_load

    cache = open_cache(args)
    seen: dict[str, str] = {}
    for raw in paths or [str(bundled_path())]:
        path = Path(raw)
        named = not path.is_dir()
        for item in iter_load(discover([path]), max_bytes=max_bytes(args), cache=cache):
            if isinstance(item, Skipped):
                if named:
                    raise _error_for(item)
                print(f"tipbrowser: skipped {item}", file=sys.stderr)
            elif item.id in seen:
                print(f"tipbrowser: skipped {visible(item.source or '')}: {item.id} is already open", file=sys.stderr)
            else:
                seen[item.id] = item.source or ""
                yield item


def _error_for(skipped: object) -> Exception:
    from tipbrowser.errors import InputError

    return InputError(skipped.path, skipped.reason)  # type: ignore[attr-defined]


def print_text(text: str) -> None:
    """Print plain text to stdout."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
