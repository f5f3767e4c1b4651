"""Measuring evidence links against an analyst's judgement: top-3 precision, core first, recall."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tipbrowser.evidence import Link
from tipbrowser.model import Report, SectionKind

__all__ = ["Judgement", "Quality", "load_judgements", "measure", "link_rankings", "baseline_rankings"]

_WORD = re.compile(r"[A-Za-z][A-Za-z\-’']*[A-Za-z]|[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Judgement:
    """For one recommendation: the core findings behind it and the related context."""

    recommendation_id: str
    rationale: str
    core: frozenset[str]
    related: frozenset[str]


@dataclass(frozen=True, slots=True)
class Quality:
    """The three figures: precision of the top three, core first, core found in the top ten."""

    top3_precision: float
    core_first: int
    recommendations: int
    core_recall_top10: float

    def row(self) -> str:
        """The figures as one aligned line."""
        return (
            f"{self.top3_precision:5.2f}   {self.core_first:2d}/{self.recommendations:<2d}   "
            f"{self.core_recall_top10:5.2f}"
        )


def load_judgements(path: Path) -> tuple[str, str, tuple[Judgement, ...]]:
    """The report id, report source path and judgements stored in a judgement file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    judgements = tuple(
        Judgement(
            recommendation_id=item["recommendation_id"],
            rationale=item["rationale"],
            core=frozenset(item["core"]),
            related=frozenset(item["related"]),
        )
        for item in data["judgements"]
    )
    return data["report"], data["source"], judgements


def measure(rankings: Mapping[str, Sequence[str]], judgements: Sequence[Judgement]) -> Quality:
    """Score ranked sentence ids per recommendation id against the judgements.

    Top-3 precision counts core and related sentences as relevant. Each recommendation has
    min(3, number of relevant sentences) slots, so one with a single relevant sentence can
    still score 1; an empty slot counts as a miss. Recall is over the core findings of
    every recommendation together.
    """
    relevant_top3 = slots = core_first = core_found = core_total = 0
    for judgement in judgements:
        ranked = list(rankings.get(judgement.recommendation_id, ()))
        relevant = judgement.core | judgement.related
        k = min(3, len(relevant))
        slots += k
        relevant_top3 += sum(1 for sid in ranked[:k] if sid in relevant)
        core_first += bool(ranked) and ranked[0] in judgement.core
        core_found += len(judgement.core & set(ranked[:10]))
        core_total += len(judgement.core)
    count = len(judgements)
    return Quality(
        top3_precision=relevant_top3 / slots if slots else 0.0,
        core_first=core_first,
        recommendations=count,
        core_recall_top10=core_found / core_total if core_total else 0.0,
    )


def link_rankings(links: Sequence[Link]) -> dict[str, list[str]]:
    """Recommendation id → the sentence ids of its evidence, best first."""
    return {link.recommendation_id: [e.sentence_id for e in link.evidence] for link in links}


def baseline_rankings(report: Report, index: object) -> dict[str, list[str]]:
    """Plain BM25 of each recommendation's words over the body sentences (the baseline)."""
    rankings: dict[str, list[str]] = {}
    for rec in report.recommendations:
        words = list(dict.fromkeys(word.lower() for word in _WORD.findall(rec.text)))
        hits = index.bm25(  # type: ignore[attr-defined]
            words,
            report_id=report.id,
            exclude_section_kinds=(SectionKind.RECOMMENDATIONS.value,),
            limit=10,
        )
        rankings[rec.id] = [sentence_id for sentence_id, _ in hits]
    return rankings
