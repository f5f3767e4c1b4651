"""`tipbrowser evidence`: each recommendation with the ranked sentences that justify it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tipbrowser.cli.common import load_one, print_text
from tipbrowser.evidence import Evidence, Link, link_evidence
from tipbrowser.export import dumps
from tipbrowser.model import Report, SectionKind
from tipbrowser.text import visible

if TYPE_CHECKING:
    from rich.text import Text

__all__ = ["add_arguments", "run", "links_dict", "highlighted"]

_EXAMPLES = """\
examples:
  tipbrowser evidence                       the bundled report
  tipbrowser evidence narrative.txt --json | jq '.links[0].evidence[0]'
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.epilog = _EXAMPLES
    parser.add_argument("path", nargs="?", metavar="PATH", help="a narrative (default: the bundled report)")
    parser.add_argument("--json", action="store_true", help="print the links as JSON")


def run(args: argparse.Namespace) -> int:
    """Print every recommendation with its evidence."""
    report = load_one(args.path, args)
    links = link_evidence(report)
    if args.json:
        print_text(dumps(links_dict(report, links)))
    else:
        _print_links(report, links)
    return 0


def links_dict(report: Report, links: Sequence[Link]) -> dict[str, Any]:
    """The `evidence --json` contract."""
    return {
        "report": report.id,
        "links": [
            {
                "recommendation_id": link.recommendation_id,
                "recommendation": link.recommendation,
                "pillar": link.pillar,
                "evidence": [_evidence_dict(evidence) for evidence in link.evidence],
            }
            for link in links
        ],
    }


def _evidence_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "sentence_id": evidence.sentence_id,
        "paragraph_id": evidence.paragraph_id,
        "section": evidence.paragraph_id.rsplit("/", 1)[0],
        "section_kind": evidence.section_kind,
        "score": evidence.score,
        "text": evidence.text,
        "terms": list(evidence.terms),
        "spans": [list(span) for span in evidence.spans],
        "reasons": list(evidence.reasons),
    }


def highlighted(text: str, spans: Sequence[tuple[int, int]], style: str = "bold yellow") -> Text:
    """`text` as a Rich `Text` with `spans` styled; control characters are made visible."""
    from rich.text import Text

    out = Text()
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(visible(text[position:start]))
        out.append(visible(text[start:end]), style=style)
        position = end
    out.append(visible(text[position:]))
    return out


def _label(kind: str) -> str:
    try:
        return SectionKind(kind).label
    except ValueError:
        return kind


def _print_links(report: Report, links: Sequence[Link]) -> None:
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    console = Console(highlight=False, emoji=False, markup=False)
    console.print(Text(visible(report.display_title), style="bold"))
    if not links:
        console.print(Text("This report states no prioritized recommendations.", style="dim"))
        return
    for link in links:
        number = link.recommendation_id.rsplit("/", 1)[-1]
        pillar = f"  [{link.pillar}]" if link.pillar else ""
        console.print()
        title = Text.assemble((visible(link.recommendation), "bold"), (pillar, "dim"))
        console.print(Text.assemble((number + " ", "bold cyan"), title))
        if not link.evidence:
            console.print(Text("    no supporting passage scored above the threshold", style="dim"))
        for evidence in link.evidence:
            head = Text.assemble(
                (f"  {evidence.score:4.2f} ", "green"),
                (f"{_label(evidence.section_kind):<19} ", "magenta"),
                (visible(evidence.sentence_id), "dim"),
            )
            console.print(head)
            console.print(Padding(highlighted(evidence.text, evidence.spans), (0, 0, 0, 7), expand=False))
            if evidence.reasons:
                console.print(Padding(Text(visible("; ".join(evidence.reasons)), style="dim italic"), (0, 0, 0, 7), expand=False))
