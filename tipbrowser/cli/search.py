"""`tipbrowser search`: ranked hits with highlighted terms, as text or as JSON."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from tipbrowser.cli.common import load_many, print_text
from tipbrowser.errors import UsageError
from tipbrowser.export import dumps
from tipbrowser.model import Report
from tipbrowser.query import QUERY_HELP
from tipbrowser.search import Hit, SearchIndex, SearchResult
from tipbrowser.text import visible

__all__ = ["add_arguments", "run", "result_dict", "highlighted"]

_EPILOG = "query language:\n" + "".join(f"  {syntax:<31} {meaning}\n" for syntax, meaning in QUERY_HELP)
_EPILOG += """
examples:
  tipbrowser search "forced labor"
  tipbrowser search 'victim* section:protection' reports/ --limit 5
  tipbrowser search --regex 'NOK\\s?[\\d,]+' --json | jq '.hits[].text'
  tipbrowser search -- -trafficking      (put -- before a query that starts with -)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.epilog = _EPILOG
    parser.add_argument("query", metavar="QUERY", help="what to look for (see the query language below)")
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="narratives or folders of them (default: the bundled report)"
    )
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.add_argument("--limit", type=_count, default=20, metavar="N", help="show at most N hits (default 20)")
    parser.add_argument("--regex", action="store_true", help="treat QUERY as a regular expression")


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("the limit must be at least 1")
    return number


def run(args: argparse.Namespace) -> int:
    """Search the reports and print the hits."""
    index = SearchIndex.build(load_many(args.paths, args))
    if not index.report_ids():
        raise UsageError("there is nothing to search: the folders given hold no readable .txt narratives")
    result = index.search(args.query, limit=args.limit, regex=args.regex)
    if args.json:
        print_text(dumps(result_dict(result)))
    else:
        _print_hits(result)
    return 0


def result_dict(result: SearchResult) -> dict[str, Any]:
    """The `search --json` contract."""
    return {
        "query": result.query,
        "total": result.total,
        "total_exact": result.total_exact,
        "notice": result.notice,
        "hits": [
            {
                "report": hit.report_id,
                "id": hit.sentence_id,
                "section": hit.section_id,
                "section_kind": hit.section_kind,
                "section_title": hit.section_title,
                "paragraph_id": hit.paragraph_id,
                "score": hit.score,
                "text": hit.text,
                "snippet": hit.snippet,
                "spans": [[start, end] for start, end in hit.spans],
            }
            for hit in result.hits
        ],
    }


def _print_hits(result: SearchResult) -> None:
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    console = Console(highlight=False, emoji=False, markup=False)
    if result.notice:
        console.print(Text(visible(result.notice), style="yellow"))
    group: tuple[str, str] | None = None
    for hit in _grouped(result.hits):
        if (hit.report_id, hit.section_id) != group:
            if group is not None:
                console.print()
            group = (hit.report_id, hit.section_id)
            console.print(
                Text.assemble(
                    (visible(hit.report_id), "bold cyan"),
                    "  ",
                    (visible(hit.section_title), "bold"),
                )
            )
        console.print(Text.assemble("  ", (visible(hit.sentence_id), "dim"), "  ", (f"{hit.score:.2f}", "dim")))
        console.print(Padding(highlighted(hit.text, hit.spans), (0, 0, 0, 4), expand=False))
    shown = len(result.hits)
    total = f"{result.total:,}" + ("" if result.total_exact else "+")
    if result.total == 0:
        summary = f"No hits for {result.query!r}."
    elif shown < result.total:
        summary = f"{shown} of {total} hits (use --limit to see more)."
    else:
        summary = f"{total} hit{'s' if result.total != 1 else ''}."
    console.print(Text(visible(summary), style="dim"))


def _grouped(hits: Sequence[Hit]) -> list[Hit]:
    """Hits grouped by report and section, groups in the order of their best hit."""
    order: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        order.setdefault((hit.report_id, hit.section_id), []).append(hit)
    return [hit for group in order.values() for hit in group]


def highlighted(text: str, spans: Sequence[tuple[int, int]], style: str = "bold reverse") -> Any:
    """`text` as a Rich `Text`, control characters made visible, `spans` styled."""
    from rich.text import Text

    result = Text()
    position = 0
    for start, end in spans:
        result.append(visible(text[position:start]))
        result.append(visible(text[start:end]), style=style)
        position = end
    result.append(visible(text[position:]))
    return result
