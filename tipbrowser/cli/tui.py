"""Opening the terminal app from the command line, and reporting how it ended."""

from __future__ import annotations

import argparse
import sys

from tipbrowser.cli.common import max_bytes

__all__ = ["run_tui"]


def run_tui(args: argparse.Namespace) -> int:
    """Open the app on the given paths (or the bundled report) and return its exit status."""
    from tipbrowser.ui.app import make_app

    app = make_app(args.paths, max_bytes=max_bytes(args), debug=args.debug)
    app.run()
    if app.return_code and not args.debug and getattr(app, "crash_message", None):
        print(f"tipbrowser: {app.crash_message}", file=sys.stderr)
    return app.return_code or 0
