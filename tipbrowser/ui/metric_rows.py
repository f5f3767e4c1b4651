"""How a metric reads in the Metrics tab: names, values, priors, change and sparklines, as plain strings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the metrics modules load in the worker that extracts them, not with the app
    from tipbrowser.metric_converters import Range
    from tipbrowser.metrics import Change, Metric

__all__ = [
    "SPARK_BLOCKS",
    "sparkline",
    "metric_label",
    "format_number",
    "format_value",
    "format_priors",
    "format_change",
    "by_pillar",
    "metric_key",
]

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
"""The eight heights of a sparkline, lowest first."""

_LABELS = {
    "hotline_calls": "Hotline calls",
    "victims_identified": "Victims identified",
    "victims_assisted": "Victims assisted",
    "reflection_periods": "Reflection periods",
    "residence_permits": "Residence permits",
    "penalties": "Prescribed penalties",
    "sentences": "Sentences imposed",
    "other": "Other figure",
}


def sparkline(values: Sequence[float]) -> str:
    """One block character per value, scaled between the smallest and the largest.

    Fewer than two values give an empty string (there is no trend to draw); equal values
    draw a flat line at mid height.
    """
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARK_BLOCKS[3] * len(values)
    top = len(SPARK_BLOCKS) - 1
    return "".join(SPARK_BLOCKS[round((value - low) / (high - low) * top)] for value in values)


def metric_label(metric: Metric) -> str:
    """A readable name: "Victims identified", with what a subset or penalty applies to."""
    label = _LABELS.get(metric.name) or metric.name.replace("_", " ").strip().capitalize()
    detail = metric.subset or metric.applies_to
    if metric.name == "other" and metric.unit:
        return metric.unit.capitalize()
    return f"{label} ({detail})" if detail else label


def format_number(value: float) -> str:
    """A number as a reader writes it: 1,234, 18 million, 3.3 billion, 2.5."""
    if abs(value) >= 1_000_000:
        for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
            if abs(value) >= size:
                return f"{value / size:.3g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _amount(value: float | Range) -> str:
    from tipbrowser.metric_converters import Range

    if isinstance(value, Range):
        return f"{format_number(value.min)}–{format_number(value.max)}"
    return format_number(value)


def format_value(metric: Metric) -> str:
    """The figure with its qualifier and unit; money with its currency and the USD amount."""
    amount = _amount(metric.value)
    if metric.currency:
        money = f"{metric.currency} {amount}"
        if metric.usd is not None and metric.currency != "USD":
            money += f" (${format_number(metric.usd)})"
        text = money
    elif metric.unit:
        text = f"{amount} {metric.unit}"
    else:
        text = amount
    return f"{metric.qualifier} {text}" if metric.qualifier else text


def format_priors(metric: Metric) -> str:
    """The earlier values the sentence gives, latest first: "2023: 27 · 2022: 32"."""
    priors = sorted(metric.prior, key=lambda p: (p.year is not None, p.year or 0), reverse=True)
    money = f"{metric.currency} " if metric.currency else ""
    return " · ".join(f"{p.year if p.year is not None else p.label}: {money}{_amount(p.value)}" for p in priors)


def format_change(change: Change | None) -> str:
    """The arrow and the percent change ("▼ 29.6%"), or the difference when the prior was zero."""
    if change is None:
        return ""
    if change.percent is None:
        return f"{change.arrow} +{format_number(change.delta)}" if change.delta > 0 else change.arrow
    return f"{change.arrow} {abs(change.percent):g}%"


def by_pillar(metrics: Iterable[Metric]) -> list[tuple[str, list[Metric]]]:
    """Metrics grouped by pillar in the order Prosecution, Protection, Prevention, Other; empty groups left out."""
    from tipbrowser.metrics import PILLARS

    groups: dict[str, list[Metric]] = {pillar: [] for pillar in PILLARS}
    for metric in metrics:
        groups.setdefault(metric.pillar if metric.pillar in groups else "other", []).append(metric)
    return [(pillar, found) for pillar, found in groups.items() if found]


def metric_key(metric: Metric) -> str:
    """A deterministic id for a metric: its sentence, span and name."""
    return f"{metric.sentence_id}@{metric.span.start}-{metric.span.end}:{metric.name}"
