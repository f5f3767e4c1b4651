"""The command line: argument parsing and output only; the work is in the core modules."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tipbrowser.errors import TipBrowserError

if TYPE_CHECKING:
    import argparse

__all__ = ["main", "run", "COMMANDS"]

# name → module under tipbrowser.cli that defines `add_arguments(parser)` and `run(args)`.
COMMANDS: dict[str, str] = {
    "outline": "Show a report's title, tier, sections and the ids of every passage.",
    "search": "Search one or many reports; ranked hits with highlighted terms.",
    "metrics": "List every figure the reports state, with prior years and sources.",
    "evidence": "List each recommendation with the passages that support it.",
    "cite": "Print the citation for a passage id.",
    "compare": "Compare one country across the years open: tiers, metrics, recommendations.",
}


def _command(name: str) -> tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]:
    import importlib

    module = importlib.import_module(f"tipbrowser.cli.{name}")
    return module.add_arguments, module.run


def main(argv: Sequence[str] | None = None) -> int:
    """Run tipbrowser with `argv` and return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            from tipbrowser.cli.parsing import add_common, command_parser

            name = args_list[0]
            add_arguments, command = _command(name)
            parser = command_parser(name)
            add_arguments(parser)
            add_common(parser)
            return command(parser.parse_intermixed_args(args_list[1:]))
        from tipbrowser.cli.tui import TuiArgs, run_tui

        if not any(arg.startswith("-") for arg in args_list):
            # Only paths (the usual way to open the app): no parser to import or build.
            return run_tui(TuiArgs(paths=args_list))
        from tipbrowser.cli.parsing import tui_parser

        return run_tui(tui_parser().parse_intermixed_args(args_list))
    except TipBrowserError as error:
        print(f"tipbrowser: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def run() -> None:
    """The console-script entry point."""
    sys.exit(main())
