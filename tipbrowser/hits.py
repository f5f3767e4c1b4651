"""What a search finds: hits with their matched spans and snippets, and the counting limits."""

from __future__ import annotations

from dataclasses import dataclass

from tipbrowser.folding import snippet

__all__ = ["Hit", "SearchResult", "RANK_LIMIT", "COUNT_LIMIT", "hit_of_row"]

RANK_LIMIT = 1000
"""Above this many hits, ranking (BM25 on every hit) would be slow: hits come in reading order."""

COUNT_LIMIT = 5000
"""Hits are counted up to this many; past it, `SearchResult.total` is this and not exact."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching sentence; `spans` are the matched terms' ranges within `text`."""

    report_id: str
    sentence_id: str
    paragraph_id: str
    section_id: str
    section_kind: str
    section_title: str
    score: float
    text: str
    snippet: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The hits for one query, best first, with how many there are in all."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    notice: str | None
    total_exact: bool = True
    """False when counting stopped at `COUNT_LIMIT`: there are at least `total` hits."""


def hit_of_row(row: tuple, spans: tuple[tuple[int, int], ...]) -> Hit:  # type: ignore[type-arg]
    """A hit from an index row (rowid, ids, section, text, report id, score) and its spans."""
    _, sentence_id, paragraph_id, section_id, kind, title, text, report_id, score = row
    return Hit(
        report_id=report_id,
        sentence_id=sentence_id,
        paragraph_id=paragraph_id,
        section_id=section_id,
        section_kind=kind,
        section_title=title,
        score=round(float(score), 4),
        text=text,
        snippet=snippet(text, spans),
        spans=spans,
    )
