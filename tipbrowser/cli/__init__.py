"""The command line: argument parsing and output only; the work is in the core modules."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from tipbrowser import __version__
from tipbrowser.errors import TipBrowserError

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

_EPILOG = """\
examples:
  tipbrowser                          open the bundled 2025 Norway report
  tipbrowser reports/*.txt            open several narratives
  tipbrowser outline --json | jq .tier
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one sentence and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _tui_parser() -> _Parser:
    parser = _Parser(
        prog="tipbrowser",
        description="Read, search and cite Trafficking in Persons country narratives.",
        epilog=_EPILOG + "\ncommands:\n"
        + "\n".join(f"  {name:<10} {text}" for name, text in COMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="narrative files or folders")
    add_common(parser)
    parser.add_argument("--debug", action="store_true", help="show tracebacks on a crash")
    parser.add_argument("--version", action="version", version=f"tipbrowser {__version__}")
    return parser


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every command shares."""
    parser.add_argument(
        "--max-size",
        type=_size,
        default=None,
        metavar="BYTES",
        help="refuse files larger than this (default 50M; accepts K, M, G suffixes)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read and parse every file afresh, without the on-disk cache",
    )


def _size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = value.strip().lower().rstrip("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size such as 80M") from None
    if size <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return size


def _command(name: str) -> tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]:
    import importlib

    module = importlib.import_module(f"tipbrowser.cli.{name}")
    return module.add_arguments, module.run


def main(argv: Sequence[str] | None = None) -> int:
    """Run tipbrowser with `argv` and return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            name = args_list[0]
            add_arguments, command = _command(name)
            parser = _Parser(
                prog=f"tipbrowser {name}",
                description=COMMANDS[name],
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            add_arguments(parser)
            add_common(parser)
            return command(parser.parse_intermixed_args(args_list[1:]))
        args = _tui_parser().parse_intermixed_args(args_list)
        from tipbrowser.cli.tui import run_tui

        return run_tui(args)
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
