"""One country across the years: tier history, metrics by year with conflicts, and the recommendations diffed."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tipbrowser.errors import UsageError
from tipbrowser.folding import tokens
from tipbrowser.metrics import Metric, Range, extract_metrics
from tipbrowser.model import Report
from tipbrowser.text import slugify
from tipbrowser.vocabulary import find_concepts

__all__ = [
    "TierStep",
    "Figure",
    "MetricRow",
    "RecommendationChange",
    "Comparison",
    "compare",
    "reports_for_country",
    "MATCH_THRESHOLD",
]

MATCH_THRESHOLD = 0.34
"""Similarity above which two recommendations of consecutive years count as the same one."""

_STOPWORDS = frozenset(
    "a an and or the of to in on for by with as at from into its their that which who is are be "
    "including such all any more new existing other efforts effort".split()
)


@dataclass(frozen=True, slots=True)
class TierStep:
    """The tier one report gives."""

    year: int | None
    tier: str | None
    report_id: str


@dataclass(frozen=True, slots=True)
class Figure:
    """One value for one year, and where it was stated."""

    value: float | Range
    report_id: str
    sentence_id: str
    stated_as: str  # "current" (the report's own year) or "prior" (an earlier year it recalls)


@dataclass(frozen=True, slots=True)
class MetricRow:
    """One metric across the years: every figure stated for each year, and conflicts."""

    key: str
    name: str
    unit: str | None
    by_year: dict[int, tuple[Figure, ...]]
    conflicts: tuple[int, ...]  # years whose figures disagree


@dataclass(frozen=True, slots=True)
class RecommendationChange:
    """A recommendation of one year: new, repeated from the year before, or dropped."""

    year: int
    status: str  # "new" | "repeated" | "dropped"
    recommendation_id: str
    text: str
    previous_id: str | None = None
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything the compare view and `tipbrowser compare` show."""

    country: str
    years: tuple[int, ...]
    tiers: tuple[TierStep, ...]
    metrics: tuple[MetricRow, ...]
    recommendations: tuple[RecommendationChange, ...]


def reports_for_country(reports: Sequence[Report], country: str) -> list[Report]:
    """The reports about `country` (matched on name or slug), oldest first.

    Raises `UsageError` naming the countries open when none match, or the candidates when
    the name is ambiguous.
    """
    wanted = slugify(country)
    countries = sorted({r.country for r in reports if r.country})
    exact = [c for c in countries if slugify(c) == wanted]
    matches = exact or [c for c in countries if wanted and wanted in slugify(c)]
    if not matches:
        named = ", ".join(countries) if countries else "none"
        raise UsageError(f'no open report is about "{country}"; countries open: {named}')
    if len(set(matches)) > 1:
        raise UsageError(f'"{country}" could be {", ".join(matches)}; give the full name')
    chosen = [r for r in reports if r.country == matches[0]]
    return sorted(chosen, key=lambda r: (r.year or 0, r.id))


def compare(reports: Sequence[Report], country: str) -> Comparison:
    """Compare `country` across every open report about it."""
    chosen = reports_for_country(reports, country)
    years = tuple(sorted({r.year for r in chosen if r.year is not None}))
    tiers = tuple(TierStep(r.year, r.tier.value if r.tier else None, r.id) for r in chosen)
    return Comparison(
        country=chosen[0].country or country,
        years=years,
        tiers=tiers,
        metrics=_metric_rows(chosen),
        recommendations=_diff_recommendations(chosen),
    )


# ---- metrics ---------------------------------------------------------------------------


def _metric_key(metric: Metric) -> str:
    parts = [metric.name]
    if metric.subset:
        parts.append(metric.subset)
    if metric.applies_to:
        parts.append(metric.applies_to)
    if metric.currency:
        parts.append(metric.currency)
    return ":".join(parts)


def _metric_rows(reports: Sequence[Report]) -> tuple[MetricRow, ...]:
    figures: dict[str, dict[int, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    meta: dict[str, tuple[str, str | None]] = {}
    order: list[str] = []
    for report in reports:
        seen: Counter[str] = Counter()
        for metric in extract_metrics(report):
            base = _metric_key(metric)
            seen[base] += 1
            key = base if seen[base] == 1 else f"{base}#{seen[base]}"
            if key not in meta:
                meta[key] = (metric.name, metric.unit)
                order.append(key)
            year = metric.year or ((report.year - 1) if report.year else None)
            if year is not None:
                figures[key][year].append(Figure(metric.value, report.id, metric.sentence_id, "current"))
            for prior in metric.prior:
                if prior.year is not None:
                    figures[key][prior.year].append(Figure(prior.value, report.id, metric.sentence_id, "prior"))
    rows = []
    for key in order:
        by_year = {year: tuple(found) for year, found in sorted(figures[key].items())}
        if not by_year:
            continue
        conflicts = tuple(year for year, found in by_year.items() if _disagree(found))
        name, unit = meta[key]
        rows.append(MetricRow(key, name, unit, by_year, conflicts))
    return tuple(rows)


def _disagree(found: Sequence[Figure]) -> bool:
    """Whether figures for one year from different reports state different values."""
    values = [_number(f.value) for f in found]
    reports = {f.report_id for f in found}
    if len(reports) < 2:
        return False
    low, high = min(values), max(values)
    return not math.isclose(low, high, rel_tol=0.01, abs_tol=0.5)


def _number(value: float | Range) -> float:
    return (value.min + value.max) / 2 if isinstance(value, Range) else float(value)


# ---- recommendations ----------------------------------------------------------------


def _diff_recommendations(reports: Sequence[Report]) -> tuple[RecommendationChange, ...]:
    changes: list[RecommendationChange] = []
    dated = [r for r in reports if r.year is not None]
    previous: Report | None = None
    for report in dated:
        assert report.year is not None
        if previous is None:
            changes.extend(
                RecommendationChange(report.year, "new", rec.id, rec.text) for rec in report.recommendations
            )
        else:
            changes.extend(_diff_pair(previous, report))
        previous = report
    return tuple(changes)


def _diff_pair(before: Report, after: Report) -> list[RecommendationChange]:
    assert after.year is not None
    old = [_profile(r.text) for r in before.recommendations]
    new = [_profile(r.text) for r in after.recommendations]
    pairs = sorted(
        ((similarity(n, o), i, j) for i, n in enumerate(new) for j, o in enumerate(old)),
        reverse=True,
    )
    matched_new: dict[int, tuple[int, float]] = {}
    matched_old: set[int] = set()
    for score, i, j in pairs:
        if score < MATCH_THRESHOLD:
            break
        if i in matched_new or j in matched_old:
            continue
        matched_new[i] = (j, score)
        matched_old.add(j)
    changes = []
    for i, rec in enumerate(after.recommendations):
        if i in matched_new:
            j, score = matched_new[i]
            changes.append(
                RecommendationChange(after.year, "repeated", rec.id, rec.text, before.recommendations[j].id, round(score, 3))
            )
        else:
            changes.append(RecommendationChange(after.year, "new", rec.id, rec.text))
    for j, rec in enumerate(before.recommendations):
        if j not in matched_old:
            changes.append(RecommendationChange(after.year, "dropped", rec.id, rec.text))
    return changes


def _profile(text: str) -> Counter[str]:
    """A bag of stems and domain concepts: what a recommendation asks, not how it is worded."""
    bag: Counter[str] = Counter(
        token.stem for token in tokens(text) if token.folded not in _STOPWORDS and len(token.folded) > 2
    )
    for hit in find_concepts(text):
        bag[f"concept:{hit.concept.key}"] += 2
    return bag


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bags."""
    if not a or not b:
        return 0.0
    dot = sum(count * b[key] for key, count in a.items() if key in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0
