"""Figures with provenance: every count, amount and term a narrative states, as `Metric`s."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tipbrowser.metric_converters import Context, Found, Range
from tipbrowser.metric_export import CSV_COLUMNS, metric_dict, metric_row
from tipbrowser.metric_groups import (
    Group,
    attach_breakdowns,
    attach_priors,
    mark_included,
    resolve_officials,
    resolve_subsets,
)
from tipbrowser.metric_patterns import IGNORED, ONE_WORDS, PATTERNS, build
from tipbrowser.metric_priors import YEAR_IN, Prior, Region, find_breakdowns, find_priors
from tipbrowser.metric_refer import THIS_COMPARED, Part, compare_back, find_parts, parts_back
from tipbrowser.metric_scan import matches, scan
from tipbrowser.model import Paragraph, Report, Section, SectionKind, Sentence, Span

__all__ = [
    "Prior",
    "Range",
    "Metric",
    "Change",
    "extract_metrics",
    "metric_dict",
    "metric_row",
    "CSV_COLUMNS",
    "PILLARS",
    "HEADLINE_NAMES",
]

PILLARS = ("prosecution", "protection", "prevention", "other")
"""The pillars metrics are grouped by, in display order."""

HEADLINE_NAMES = frozenset(
    {
        "investigations", "prosecutions", "convictions", "victims_identified", "victims_assisted",
        "funding", "shelters", "hotline_calls", "reflection_periods", "residence_permits",
        "sentences", "penalties",
    }
)
"""The names every report is expected to be compared on."""

_NAME_PILLARS = {
    "prosecution": ("investigations", "prosecutions", "convictions", "arrests", "acquittals", "sentences", "penalties",
                    "government_employees_"),
    "protection": ("victims_", "potential_victims", "shelters", "centers", "reflection_periods",
                   "residence_permits", "compensation", "people_screened"),
    "prevention": ("hotline_calls", "trainings", "officials_trained", "campaigns", "inspections"),
}
_SECTION_PILLARS = {
    SectionKind.PROSECUTION: "prosecution",
    SectionKind.PROTECTION: "protection",
    SectionKind.PREVENTION: "prevention",
}


@dataclass(frozen=True, slots=True)
class Metric:
    """One figure a narrative states, where it came from and what it is compared with."""

    report_id: str
    name: str
    value: int | float | Range
    unit: str | None
    year: int | None
    prior: tuple[Prior, ...]
    qualifier: str | None
    breakdown: tuple[tuple[str, int | float], ...]
    subset: str | None
    currency: str | None
    usd: float | None
    applies_to: str | None
    sentence_id: str
    paragraph_id: str
    section_kind: str
    sentence: str
    span: Span
    pillar: str

    @property
    def is_headline(self) -> bool:
        """Whether this is a whole-report figure of a standard kind (not a subset)."""
        return self.subset is None and self.name in HEADLINE_NAMES

    @property
    def history(self) -> tuple[tuple[int | None, float | int], ...]:
        """The dated values, oldest first and this figure last, for a sparkline.

        Ranges and undated priors are left out; this figure closes the series even when its
        own year is not stated.
        """
        if isinstance(self.value, Range):
            return ()
        dated = sorted((p.year, p.value) for p in self.prior if p.year is not None and not isinstance(p.value, Range))
        return (*dated, (self.year, self.value))

    @property
    def change(self) -> Change | None:
        """How this figure compares with the latest prior the sentence gives, if any."""
        if isinstance(self.value, Range):
            return None
        usable = [p for p in self.prior if not isinstance(p.value, Range)]
        if not usable:
            return None
        latest = max(usable, key=lambda p: (p.year is not None, p.year or 0))
        before = float(latest.value)  # type: ignore[arg-type]
        delta = float(self.value) - before
        percent = None if before == 0 else round(100 * delta / before, 1)
        return Change(latest, delta, percent)


@dataclass(frozen=True, slots=True)
class Change:
    """A figure against its latest prior: the prior, the difference and the percent change."""

    prior: Prior
    delta: float
    percent: float | None
    """None when the prior is zero."""

    @property
    def arrow(self) -> str:
        """▲ for an increase, ▼ for a decrease, ＝ for no change."""
        return "▲" if self.delta > 0 else "▼" if self.delta < 0 else "＝"


# ---------------------------------------------------------------------------------------
# Extraction.

_LEAD_YEAR = build(r"(?:^|,\s*|;\s*)(?i:in|during|throughout)\s+(?:(?:calendar|fiscal)\s+year\s+|FY\s*)?(?P<year><<Y>>)\s*,")
_ZERO_WORDS = frozenset({"any", "none", "nobody", "no"})

def extract_metrics(report: Report, *, cache: bool = True) -> tuple[Metric, ...]:
    """Every figure in `report`, in reading order, skipping the recommendations.

    Reports are immutable, so the result for the last few reports is kept and returned again.
    """
    cached = _CACHE.get(id(report))
    if cache and cached is not None and cached[0] is report:
        return cached[1]
    metrics = _extract(report)
    if len(_CACHE) >= 32:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(report)] = (report, metrics)
    return metrics


_CACHE: dict[int, tuple[Report, tuple[Metric, ...]]] = {}


def _extract(report: Report) -> tuple[Metric, ...]:
    context = Context("", {})
    skip = {r.paragraph_id for r in report.recommendations}
    metrics: list[Metric] = []
    for section, paragraph, sentence in report.sentences():
        if section.kind is SectionKind.RECOMMENDATIONS:
            continue
        if sentence.id.endswith("/s1"):
            context.previous = []
        if paragraph.id in skip:
            continue
        context.sentence = sentence.text
        context.section = section.kind.value
        if THIS_COMPARED.match(sentence.text):
            compare_back(metrics, sentence)
            continue
        parts = find_parts(sentence.text)
        for group in _sentence_groups(context):
            if parts:
                group.founds = [f for f in group.founds if not _is_part(f, parts)]
            metrics.extend(m for m in _metrics(report, section, paragraph, sentence, group) if not _restated(m, metrics))
        if parts:
            parts_back(metrics, sentence, parts)
    return tuple(metrics)


def _is_part(found: Found, parts: tuple[Part, ...]) -> bool:
    """Whether a figure is one of the parts an "Of these," sentence breaks the figure before into."""
    return found.subset is None and any(p.start < found.end and found.start < p.end for p in parts)


def _restated(metric: Metric, before: list[Metric]) -> bool:
    """ "All nine convictions involved sex trafficking": the same figure again, adding nothing."""
    if metric.prior or metric.breakdown:
        return False
    return any(
        m.paragraph_id == metric.paragraph_id and m.sentence_id != metric.sentence_id
        and (m.name, m.value, m.subset, m.currency) == (metric.name, metric.value, metric.subset, metric.currency)
        and metric.year in (None, m.year)
        for m in before[-12:]
    )


def _sentence_groups(context: Context) -> list[Group]:
    text = context.sentence
    words, starts = scan(text)
    if not starts and _ZERO_WORDS.isdisjoint(words) and ONE_WORDS.isdisjoint(words):
        return []
    ignored = [
        Region(m.start(), m.end())
        for pattern in IGNORED
        if pattern.may_match(text, words)
        for m in matches(pattern, text, starts)
    ]
    priors = find_priors(text, words)
    breakdowns = find_breakdowns(text)
    claimed = [(r.start, r.end) for r in (*ignored, *priors, *breakdowns)]
    groups: list[Group] = []
    for pattern in PATTERNS:
        if not pattern.may_match(text, words):
            continue
        for match in matches(pattern, text, starts):
            founds = [f for f in pattern.convert(match, context) if not _overlaps(claimed, f.start, f.end)]
            founds = list({f.name: f for f in reversed(founds)}.values())[::-1]  # "identified and confirmed"
            if founds:
                claimed.extend((f.start, f.end) for f in founds)
                groups.append(Group(founds, match.end()))
    groups.sort(key=lambda g: g.start)
    resolve_officials(groups)
    mark_included(groups, text)
    resolve_subsets(groups, context)
    attach_priors(groups, priors)
    attach_breakdowns(groups, breakdowns, text)
    return [g for g in groups if g.founds]


def _overlaps(claimed: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in claimed)


def _metrics(report: Report, section: Section, paragraph: Paragraph, sentence: Sentence, group: Group) -> list[Metric]:
    text = sentence.text
    priors = tuple(group.priors)
    result = []
    for found in group.founds:
        year = found.year or _year_after(text, group) or _lead_year(text, found.start)
        if year is None:
            earlier = [p.year for p in priors if p.year is not None]
            year = max(earlier) + 1 if earlier else None
        result.append(
            Metric(
                report_id=report.id,
                name=found.name,
                value=found.value,
                unit=found.unit,
                year=year,
                prior=tuple(p for p in priors if year is None or p.year is None or p.year < year),
                qualifier=found.qualifier,
                breakdown=group.breakdown,
                subset=found.subset,
                currency=found.currency,
                usd=found.usd,
                applies_to=found.applies_to,
                sentence_id=sentence.id,
                paragraph_id=paragraph.id,
                section_kind=section.kind.value,
                sentence=text,
                span=Span(sentence.span.start + found.start, sentence.span.start + found.end),
                pillar=_pillar(section.kind, found.name),
            )
        )
    return result


_YEAR_WINDOW_END = re.compile(r"[;,(—–]|\b(?:compared|versus|an?\s+(?:\w+\s+)?(?:increase|decrease|decline|rise|drop))\b")
"""Where the year stated after a figure can no longer be its own ("—an increase from 44 in 2022")."""


def _year_after(text: str, group: Group) -> int | None:
    window = _YEAR_WINDOW_END.split(text[group.end : group.end + 80], maxsplit=1)[0]
    match = YEAR_IN.search(window)
    return int(match.group("year")) if match else None


def _lead_year(text: str, before: int) -> int | None:
    years = [(m.start(), int(m.group("year"))) for m in _lead_years(text)]
    earlier = [year for start, year in years if start <= before]
    return earlier[-1] if earlier else None


@functools.lru_cache(maxsize=8)
def _lead_years(text: str) -> tuple[re.Match[str], ...]:
    """Each "In 2024," of a sentence, found once however many figures it holds."""
    return tuple(_LEAD_YEAR.finditer(text))


def _pillar(kind: SectionKind, name: str) -> str:
    if kind in _SECTION_PILLARS:
        return _SECTION_PILLARS[kind]
    for pillar, prefixes in _NAME_PILLARS.items():
        if name.startswith(prefixes):
            return pillar
    return "other"
