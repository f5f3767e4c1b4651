"""Opening the terminal app from the command line, and reporting how it ended."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from tipbrowser.cli.common import max_bytes

if TYPE_CHECKING:
    import argparse

__all__ = ["run_tui", "TuiArgs"]


class TuiArgs(NamedTuple):
    """The app's options when the command line holds only paths (what the parser would give)."""

    paths: Sequence[str] = ()
    debug: bool = False
    no_cache: bool = False
    max_size: int | None = None


def run_tui(args: argparse.Namespace | TuiArgs) -> int:
    """Open the app on the given paths (or the bundled report) and return its exit status.

    Bad paths raise `TipBrowserError` from `make_app`, before the terminal is touched;
    a crash inside the app prints one line (the traceback too with ``--debug``).
    """
    from tipbrowser.ui.app import make_app

    app = make_app(args.paths, max_bytes=max_bytes(args), debug=args.debug, no_cache=args.no_cache)
    app.run()
    code = app.return_code or 0
    if code and app.crash_message and not args.debug:
        print(f"tipbrowser: {app.crash_message}", file=sys.stderr)
    return code
