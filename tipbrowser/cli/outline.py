"""`tipbrowser outline`: a report's structure as a tree or as JSON."""

from __future__ import annotations

import argparse

from tipbrowser.cli.common import load_one, print_text
from tipbrowser.export import dumps, outline_dict
from tipbrowser.model import Report
from tipbrowser.text import visible

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("path", nargs="?", metavar="PATH", help="a narrative (default: the bundled report)")
    parser.add_argument("--json", action="store_true", help="print the outline as JSON")


def run(args: argparse.Namespace) -> int:
    """Print the outline."""
    report = load_one(args.path, args)
    if args.json:
        print_text(dumps(outline_dict(report)))
    else:
        _print_tree(report)
    return 0


def _print_tree(report: Report) -> None:
    from rich.console import Console
    from rich.text import Text
    from rich.tree import Tree

    def plain(value: str, style: str = "") -> Text:
        return Text(visible(value), style=style)

    head = Text.assemble(
        plain(report.display_title, "bold"),
        "  ",
        plain(report.tier.value if report.tier else "tier not stated", "cyan"),
        "  ",
        plain(report.id, "dim"),
    )
    tree = Tree(head)
    for section in report.sections:
        branch = tree.add(Text.assemble(plain(section.title, "bold"), "  ", plain(section.id, "dim")))
        for paragraph in section.paragraphs:
            words = " ".join(paragraph.text.split()[:10])
            branch.add(Text.assemble(plain(paragraph.id.rsplit("/", 1)[1] + " ", "dim"), plain(words + " …")))
    if report.recommendations:
        recs = tree.add(Text("Recommendations", style="bold"))
        for rec in report.recommendations:
            recs.add(Text.assemble(plain(rec.id.rsplit("/", 1)[1] + " ", "dim"), plain(rec.text)))
    Console(highlight=False, emoji=False, markup=False).print(tree)
