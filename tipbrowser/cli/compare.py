"""`tipbrowser compare`: one country across the years, as tables or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from tipbrowser.cli.common import load_many, print_text
from tipbrowser.compare import Comparison, Figure, compare
from tipbrowser.export import dumps
from tipbrowser.metrics import Range
from tipbrowser.text import visible

__all__ = ["add_arguments", "run", "comparison_dict"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("country", metavar="COUNTRY", help='the country, e.g. "Norway" or norway')
    parser.add_argument("paths", nargs="+", metavar="PATH", help="narrative files or folders")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    parser.epilog = "example:\n  tipbrowser compare norway reports/ --json"


def run(args: argparse.Namespace) -> int:
    """Print the comparison."""
    reports = list(load_many(args.paths, args))
    comparison = compare(reports, args.country)
    if args.json:
        print_text(dumps(comparison_dict(comparison)))
    else:
        _print(comparison)
    return 0


def _value(value: float | Range) -> Any:
    if isinstance(value, Range):
        return {"min": value.min, "max": value.max}
    return value


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "value": _value(figure.value),
        "report": figure.report_id,
        "sentence_id": figure.sentence_id,
        "stated_as": figure.stated_as,
    }


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The `compare --json` contract."""
    return {
        "country": comparison.country,
        "years": list(comparison.years),
        "tiers": [{"year": t.year, "tier": t.tier, "report": t.report_id} for t in comparison.tiers],
        "metrics": [
            {
                "key": row.key,
                "name": row.name,
                "unit": row.unit,
                "by_year": {str(year): [_figure(f) for f in found] for year, found in row.by_year.items()},
                "conflicts": list(row.conflicts),
            }
            for row in comparison.metrics
        ],
        "recommendations": [
            {
                "year": change.year,
                "status": change.status,
                "id": change.recommendation_id,
                "text": change.text,
                "previous_id": change.previous_id,
                "similarity": change.similarity,
            }
            for change in comparison.recommendations
        ],
    }


def _show(value: float | Range) -> str:
    if isinstance(value, Range):
        return f"{_number(value.min)}–{_number(value.max)}"
    return _number(value)


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def _print(comparison: Comparison) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, emoji=False, markup=False)
    console.print(Text(visible(comparison.country), style="bold"))
    tiers = Table(title="Tier history", title_justify="left")
    tiers.add_column("Year")
    tiers.add_column("Tier")
    for step in comparison.tiers:
        tiers.add_row(Text(str(step.year or "?")), Text(step.tier or "not stated"))
    console.print(tiers)
    years = sorted({y for row in comparison.metrics for y in row.by_year})
    table = Table(title="Metrics by year (! = the reports disagree)", title_justify="left")
    table.add_column("Metric")
    for year in years:
        table.add_column(str(year), justify="right")
    for row in comparison.metrics:
        cells = []
        for year in years:
            found = row.by_year.get(year, ())
            values = sorted({_show(f.value) for f in found})
            mark = " !" if year in row.conflicts else ""
            cells.append(Text(" / ".join(values) + mark, style="bold red" if mark else ""))
        table.add_row(Text(visible(row.key)), *cells)
    console.print(table)
    recs = Table(title="Recommendations", title_justify="left")
    recs.add_column("Year")
    recs.add_column("Change")
    recs.add_column("Recommendation")
    styles = {"new": "green", "repeated": "yellow", "dropped": "red"}
    for change in comparison.recommendations:
        recs.add_row(str(change.year), Text(change.status, style=styles[change.status]), Text(visible(change.text)))
    console.print(recs)
