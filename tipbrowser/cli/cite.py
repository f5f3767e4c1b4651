"""`tipbrowser cite`: print the citation for a passage id, ready to pipe into a clipboard tool."""

from __future__ import annotations

import argparse
import sys

from tipbrowser.cite import CiteFormat, cite
from tipbrowser.cli.common import load_one, print_text
from tipbrowser.config import load_config

__all__ = ["add_arguments", "run"]

_EPILOG = """\
examples:
  tipbrowser cite norway-2025/protection/p4/s2
  tipbrowser cite protection/p4 --format markdown | wl-copy
  tipbrowser cite norway-2025 --format bibtex >> references.bib
  tipbrowser outline --json | jq -r '.sections[].id'     list the ids to cite

The default format comes from cite_format in the config file (see the README).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.epilog = _EPILOG
    parser.add_argument("id", metavar="ID", help="a passage id from `tipbrowser outline` (the report prefix may be left out)")
    parser.add_argument("path", nargs="?", metavar="PATH", help="a narrative (default: the bundled report)")
    parser.add_argument(
        "--format",
        choices=[f.value for f in CiteFormat],
        default=None,
        help="citation format (default: cite_format from the config, else plain)",
    )
    parser.add_argument("--no-quote", action="store_true", help="print the citation without the quoted passage")


def run(args: argparse.Namespace) -> int:
    """Print the citation."""
    fmt = CiteFormat(args.format) if args.format else _configured_format()
    report = load_one(args.path, args)
    print_text(cite(report, args.id, fmt=fmt, include_quote=not args.no_quote))
    return 0


def _configured_format() -> CiteFormat:
    loaded = load_config()
    if loaded.warning:
        print(f"tipbrowser: warning: {loaded.warning}", file=sys.stderr)
    return loaded.config.cite_format
