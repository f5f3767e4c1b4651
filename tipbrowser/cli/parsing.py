"""The command line's argument parsers: one sentence and exit status 2 for every mistake."""

from __future__ import annotations

import argparse

from tipbrowser import __version__
from tipbrowser.cli import COMMANDS

__all__ = ["Parser", "tui_parser", "command_parser", "add_common"]

_EPILOG = """\
examples:
  tipbrowser                          open the bundled 2025 Norway report
  tipbrowser reports/*.txt            open several narratives
  tipbrowser outline --json | jq .tier
"""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one sentence and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def tui_parser() -> Parser:
    parser = Parser(
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


def command_parser(name: str) -> Parser:
    """The parser of one command, before its own arguments are added."""
    return Parser(prog=f"tipbrowser {name}", description=COMMANDS[name], formatter_class=argparse.RawDescriptionHelpFormatter)
