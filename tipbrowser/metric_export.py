"""Metrics as plain data: the `metrics --json` and `--csv` contracts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tipbrowser.metric_converters import Range

if TYPE_CHECKING:
    from tipbrowser.metrics import Metric

__all__ = ["metric_dict", "metric_row", "CSV_COLUMNS"]


def _plain(value: int | float | Range | None) -> Any:
    if isinstance(value, Range):
        return {"min": _plain(value.min), "max": _plain(value.max)}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def metric_dict(metric: Metric) -> dict[str, Any]:
    """The `metrics --json` contract for one metric."""
    return {
        "report": metric.report_id,
        "name": metric.name,
        "value": _plain(metric.value),
        "unit": metric.unit,
        "year": metric.year,
        "prior": [{"year": p.year, "label": p.label, "value": _plain(p.value)} for p in metric.prior],
        "qualifier": metric.qualifier,
        "subset": metric.subset,
        "breakdown": [{"label": label, "value": _plain(value)} for label, value in metric.breakdown],
        "currency": metric.currency,
        "usd": _plain(metric.usd),
        "applies_to": metric.applies_to,
        "pillar": metric.pillar,
        "section": metric.section_kind,
        "paragraph_id": metric.paragraph_id,
        "sentence_id": metric.sentence_id,
        "sentence": metric.sentence,
        "span": [metric.span.start, metric.span.end],
    }


CSV_COLUMNS = (
    "report", "pillar", "name", "value", "min", "max", "unit", "year", "prior", "qualifier",
    "subset", "breakdown", "currency", "usd", "applies_to", "section", "sentence_id",
    "span_start", "span_end", "sentence",
)
"""The `metrics --csv` header, in column order."""


def _show(value: int | float | Range | None) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, dict):
        return f"{_show(value['min'])}-{_show(value['max'])}"
    return str(value)


def metric_row(metric: Metric) -> dict[str, str]:
    """One `--csv` row: plain strings keyed by `CSV_COLUMNS`, priors flattened readably."""
    low, high = (metric.value.min, metric.value.max) if isinstance(metric.value, Range) else (None, None)
    prior = "; ".join(f"{p.year if p.year is not None else p.label}: {_show(p.value)}" for p in metric.prior)
    return {
        "report": metric.report_id,
        "pillar": metric.pillar,
        "name": metric.name,
        "value": _show(metric.value),
        "min": _show(low),
        "max": _show(high),
        "unit": metric.unit or "",
        "year": "" if metric.year is None else str(metric.year),
        "prior": prior,
        "qualifier": metric.qualifier or "",
        "subset": metric.subset or "",
        "breakdown": "; ".join(f"{label}: {_show(value)}" for label, value in metric.breakdown),
        "currency": metric.currency or "",
        "usd": _show(metric.usd),
        "applies_to": metric.applies_to or "",
        "section": metric.section_kind,
        "sentence_id": metric.sentence_id,
        "span_start": str(metric.span.start),
        "span_end": str(metric.span.end),
        "sentence": " ".join(metric.sentence.split()),
    }
