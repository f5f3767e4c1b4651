"""`tipbrowser metrics`: every figure the reports state, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from tipbrowser.cli.common import load_many, print_text
from tipbrowser.export import dumps
from tipbrowser.metrics import CSV_COLUMNS, PILLARS, Metric, Range, extract_metrics, metric_dict, metric_row
from tipbrowser.model import Report
from tipbrowser.text import visible

__all__ = ["add_arguments", "run", "metrics_document"]

_EPILOG = """\
examples:
  tipbrowser metrics                         figures in the bundled report, by pillar
  tipbrowser metrics reports/ --csv > figures.csv
  tipbrowser metrics norway-2025.txt --json | jq '.metrics[] | select(.name == "convictions")'
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.epilog = _EPILOG
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="narratives or folders of *.txt (default: the bundled report)"
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the reports and their metrics as JSON")
    output.add_argument("--csv", action="store_true", help="print one CSV row per metric, for spreadsheets")


def run(args: argparse.Namespace) -> int:
    """Extract and print the metrics of every report named."""
    reports = list(load_many(args.paths, args))
    found = [(report, extract_metrics(report)) for report in reports]
    if args.json:
        print_text(dumps(metrics_document(found)))
    elif args.csv:
        _print_csv(found)
    else:
        _print_tables(found)
    return 0


def metrics_document(found: Sequence[tuple[Report, Sequence[Metric]]]) -> dict[str, Any]:
    """The `metrics --json` contract: the reports, then every metric of every report."""
    return {
        "reports": [
            {
                "id": report.id,
                "title": report.display_title,
                "country": report.country,
                "year": report.year,
                "tier": report.tier.value if report.tier else None,
            }
            for report, _ in found
        ],
        "metrics": [metric_dict(metric) for _, metrics in found for metric in metrics],
    }


def _print_csv(found: Sequence[tuple[Report, Sequence[Metric]]]) -> None:
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for _, metrics in found:
        for metric in metrics:
            writer.writerow({key: _cell(value) for key, value in metric_row(metric).items()})


def _cell(value: str) -> str:
    """A cell safe for a terminal and for a spreadsheet (no formula injection)."""
    value = visible(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _show_value(metric: Metric) -> str:
    value = metric.value
    text = f"{_number(value.min)}–{_number(value.max)}" if isinstance(value, Range) else _number(value)
    if metric.currency:
        text = f"{text} {metric.currency}"
    if metric.unit and metric.name not in ("other",):
        text = f"{text} {metric.unit}"
    if metric.qualifier:
        text = f"{metric.qualifier} {text}"
    return text


def _number(value: float | int | Range) -> str:
    if isinstance(value, Range):
        return f"{_number(value.min)}–{_number(value.max)}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def _details(metric: Metric) -> str:
    parts = []
    if metric.name == "other" and metric.unit:
        parts.append(metric.unit)
    if metric.subset:
        parts.append(f"subset: {metric.subset}")
    if metric.applies_to:
        parts.append(f"for {metric.applies_to}")
    if metric.usd is not None and metric.currency != "USD":
        parts.append(f"${_number(metric.usd)}")
    if metric.breakdown:
        parts.append(", ".join(f"{_number(v)} {label}" for label, v in metric.breakdown))
    return "; ".join(parts)


def _print_tables(found: Sequence[tuple[Report, Sequence[Metric]]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, emoji=False, markup=False)
    for report, metrics in found:
        console.print(Text(visible(f"{report.display_title}  ({report.id})"), style="bold"))
        console.print(Text("sources are passage ids under " + visible(report.id) + "/", style="dim"))
        if not metrics:
            console.print(Text("  no figures found", style="dim"))
        for pillar in PILLARS:
            rows = [m for m in metrics if m.pillar == pillar]
            if not rows:
                continue
            table = Table(title=Text(pillar.capitalize(), style="bold cyan"), title_justify="left", expand=False)
            table.add_column(Text("metric"), no_wrap=True)
            table.add_column(Text("value"), min_width=9)
            table.add_column(Text("year"), no_wrap=True)
            table.add_column(Text("prior"), min_width=9)
            table.add_column(Text("details"), ratio=2, overflow="fold")
            table.add_column(Text("source"), overflow="fold", ratio=1)
            for metric in rows:
                prior = "; ".join(
                    f"{p.year if p.year is not None else p.label}: {_number(p.value)}" for p in metric.prior
                )
                table.add_row(
                    Text(metric.name),
                    Text(visible(_show_value(metric))),
                    Text("" if metric.year is None else str(metric.year)),
                    Text(visible(prior)),
                    Text(visible(_details(metric))),
                    Text(visible(metric.sentence_id.split("/", 1)[-1]), style="dim"),
                )
            console.print(table)
